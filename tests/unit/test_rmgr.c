/*
 * rmgr: record type names and descriptions per major, against strings
 * written from each major's src/backend/access/rmgrdesc files' format strings
 * (the oracle test holds 15..18 against pg_walinspect on real WAL; these
 * cover the wording of 10..14 and the edges: short data, empty arrays).
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "rmgr.h"

/* A record with main data d (n bytes) and nothing else. */
static void
rec_init(struct walrec *r, uint8_t rmid, uint8_t info, const uint8_t *d, uint32_t n)
{
	memset(r, 0, sizeof(*r));
	r->rmid = rmid;
	r->info = info;
	r->main_data = n ? d : NULL;
	r->main_data_len = n;
	r->max_block_id = -1;
}

/* Give the record block 0 with data. */
static void
rec_block0(struct walrec *r, const uint8_t *d, uint16_t n)
{
	r->max_block_id = 0;
	r->blocks[0].in_use = true;
	r->blocks[0].has_data = n > 0;
	r->blocks[0].data = d;
	r->blocks[0].data_len = n;
}

/* The description of r in major, or "<null>" when there is none. */
static const char *
desc(struct strbuf *sb, int major, const struct walrec *r)
{
	sb_reset(sb);
	if (!rmgr_desc(sb, major, RS_WALINSPECT, r))
		return "<null>";
	return sb_str(sb);
}

static void
test_names(void **state)
{
	(void) state;
	assert_string_equal(rmgr_name(RM_HEAP2_ID), "Heap2");
	assert_null(rmgr_name(200));
	assert_string_equal(rmgr_identify(10, RM_HEAP2_ID, 0x10), "CLEAN");
	assert_string_equal(rmgr_identify(14, RM_HEAP2_ID, 0x10), "PRUNE");
	assert_string_equal(rmgr_identify(17, RM_HEAP2_ID, 0x10), "PRUNE_ON_ACCESS");
	assert_string_equal(rmgr_identify(11, RM_HEAP_ID, 0x30), "TRUNCATE");
	assert_string_equal(rmgr_identify(15, RM_HEAP_ID, 0x80), "INSERT+INIT");
	assert_string_equal(rmgr_identify(10, RM_BTREE_ID, 0x50), "SPLIT_L_ROOT");
	assert_string_equal(rmgr_identify(11, RM_BTREE_ID, 0x50), "SPLIT_L_HIGHKEY");
	assert_string_equal(rmgr_identify(13, RM_BTREE_ID, 0x60), "DEDUP");
	/* OVERWRITE_CONTRECORD reached 10-13 in 2021's minors, after our 11-13 snapshots */
	for (int m = 10; m <= 18; m++)
		assert_string_equal(rmgr_identify(m, RM_XLOG_ID, 0xD0), "OVERWRITE_CONTRECORD");
	/* Transaction: the HAS_INFO bit does not change the name */
	assert_string_equal(rmgr_identify(15, RM_XACT_ID, 0x80), "COMMIT");
	assert_string_equal(rmgr_identify(17, RM_XLOG_ID, 0xE0), "CHECKPOINT_REDO");
	assert_null(rmgr_identify(9, RM_HEAP_ID, 0));
}

static void
test_heap(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[32];

	(void) state;
	/* xl_heap_insert: offnum 10, flags 0x01 */
	memset(d, 0, sizeof(d));
	wr16(d, 10);
	d[2] = 0x01;
	rec_init(&r, RM_HEAP_ID, 0x00, d, 3);
	assert_string_equal(desc(&sb, 10, &r), "off 10");
	assert_string_equal(desc(&sb, 11, &r), "off 10");
	assert_string_equal(desc(&sb, 12, &r), "off 10 flags 0x01");
	assert_string_equal(desc(&sb, 14, &r), "off 10 flags 0x01");
	assert_string_equal(desc(&sb, 16, &r), "off: 10, flags: 0x01");
	/* too short: no description */
	rec_init(&r, RM_HEAP_ID, 0x00, d, 2);
	assert_string_equal(desc(&sb, 14, &r), "<null>");

	/* xl_heap_delete: xmax 700, offnum 3, infobits KEYS_UPDATED, flags 0x02 */
	memset(d, 0, sizeof(d));
	wr32(d, 700);
	wr16(d + 4, 3);
	d[6] = 0x10;
	d[7] = 0x02;
	rec_init(&r, RM_HEAP_ID, 0x10, d, 8);
	assert_string_equal(desc(&sb, 10, &r), "off 3 KEYS_UPDATED ");
	assert_string_equal(desc(&sb, 13, &r), "off 3 flags 0x02 KEYS_UPDATED ");
	assert_string_equal(desc(&sb, 16, &r), "xmax: 700, off: 3, infobits: [KEYS_UPDATED], flags: 0x02");

	/* xl_heap_update: old_xmax 5, old_off 2, no infobits, flags 0, new_xmax 0, new_off 7 */
	memset(d, 0, sizeof(d));
	wr32(d, 5);
	wr16(d + 4, 2);
	wr16(d + 12, 7);
	rec_init(&r, RM_HEAP_ID, 0x40, d, 14);
	assert_string_equal(desc(&sb, 11, &r), "off 2 xmax 5 ; new off 7 xmax 0");
	assert_string_equal(desc(&sb, 14, &r), "off 2 xmax 5 flags 0x00 ; new off 7 xmax 0");
	assert_string_equal(desc(&sb, 17, &r),
						"old_xmax: 5, old_off: 2, old_infobits: [], flags: 0x00, new_xmax: 0, new_off: 7");

	/* xl_heap_lock: xid 9, off 4, infobits IS_MULTI|LOCK_ONLY, flags 1 */
	memset(d, 0, sizeof(d));
	wr32(d, 9);
	wr16(d + 4, 4);
	d[6] = 0x03;
	d[7] = 0x01;
	rec_init(&r, RM_HEAP_ID, 0x60, d, 8);
	assert_string_equal(desc(&sb, 10, &r), "off 4: xid 9: flags 1 IS_MULTI LOCK_ONLY ");
	assert_string_equal(desc(&sb, 12, &r), "off 4: xid 9: flags 0x01 IS_MULTI LOCK_ONLY ");
	assert_string_equal(desc(&sb, 18, &r), "xmax: 9, off: 4, infobits: [IS_MULTI, LOCK_ONLY], flags: 0x01");

	/* xl_heap_truncate (11+): db, 2 relids, CASCADE */
	memset(d, 0, sizeof(d));
	wr32(d, 16384);
	wr32(d + 4, 2);
	d[8] = 0x01;
	wr32(d + 12, 16400);
	wr32(d + 16, 16401);
	rec_init(&r, RM_HEAP_ID, 0x30, d, 20);
	assert_string_equal(desc(&sb, 11, &r), "cascade nrelids 2 relids 16400 16401");
	assert_string_equal(desc(&sb, 16, &r), "flags: [CASCADE], nrelids: 2, relids: [16400, 16401]");
	/* a relid count larger than the data */
	wr32(d + 4, 1000);
	assert_string_equal(desc(&sb, 15, &r), "<null>");
	sb_free(&sb);
}

static void
test_heap2(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[32],
				b[32];

	(void) state;
	/* 10..13 CLEAN: latestRemovedXid 712 */
	memset(d, 0, sizeof(d));
	wr32(d, 712);
	wr16(d + 4, 1);
	wr16(d + 6, 2);
	rec_init(&r, RM_HEAP2_ID, 0x10, d, 8);
	assert_string_equal(desc(&sb, 10, &r), "remxid 712");
	assert_string_equal(desc(&sb, 13, &r), "remxid 712");
	/* 14/15 PRUNE */
	assert_string_equal(desc(&sb, 14, &r), "latestRemovedXid 712 nredirected 1 ndead 2");
	/* 16 PRUNE with the offsets in block 0: 1 redirect 3->4, dead 5 6, unused 9 */
	wr16(b, 3);
	wr16(b + 2, 4);
	wr16(b + 4, 5);
	wr16(b + 6, 6);
	wr16(b + 8, 9);
	rec_block0(&r, b, 10);
	assert_string_equal(desc(&sb, 16, &r),
						"snapshotConflictHorizon: 712, nredirected: 1, ndead: 2, nunused: 1, redirected: [3->4], dead: [5, 6], unused: [9]");

	/* 10..13 FREEZE_PAGE is 0x20; 14+ VACUUM */
	memset(d, 0, sizeof(d));
	wr32(d, 800);
	wr16(d + 4, 3);
	rec_init(&r, RM_HEAP2_ID, 0x20, d, 6);
	assert_string_equal(desc(&sb, 12, &r), "cutoff xid 800 ntuples 3");
	wr16(d, 2);
	rec_init(&r, RM_HEAP2_ID, 0x20, d, 2);
	assert_string_equal(desc(&sb, 14, &r), "nunused 2");

	/* VISIBLE: cutoff 900, flags 3 */
	memset(d, 0, sizeof(d));
	wr32(d, 900);
	d[4] = 3;
	rec_init(&r, RM_HEAP2_ID, 0x40, d, 5);
	assert_string_equal(desc(&sb, 11, &r), "cutoff xid 900 flags 3");
	assert_string_equal(desc(&sb, 12, &r), "cutoff xid 900 flags 0x03");
	assert_string_equal(desc(&sb, 16, &r), "snapshotConflictHorizon: 900, flags: 0x03");

	/* MULTI_INSERT: flags 0x02, 2 tuples at offsets 1 2 */
	memset(d, 0, sizeof(d));
	d[0] = 0x02;
	wr16(d + 2, 2);
	wr16(d + 4, 1);
	wr16(d + 6, 2);
	rec_init(&r, RM_HEAP2_ID, 0x50, d, 8);
	assert_string_equal(desc(&sb, 10, &r), "2 tuples");
	assert_string_equal(desc(&sb, 12, &r), "2 tuples flags 0x02");
	rec_block0(&r, b, 4);
	assert_string_equal(desc(&sb, 16, &r), "ntuples: 2, flags: 0x02, offsets: [1, 2]");
	r.info |= 0x80;				/* +INIT: no offsets */
	assert_string_equal(desc(&sb, 16, &r), "ntuples: 2, flags: 0x02");

	/* 17 PRUNE_VACUUM_CLEANUP: no horizon, catalog rel, 2 unused */
	memset(d, 0, sizeof(d));
	d[0] = 2;					/* reason */
	d[1] = 0x02 | 0x80;			/* IS_CATALOG_REL | HAS_NOW_UNUSED_ITEMS */
	rec_init(&r, RM_HEAP2_ID, 0x30, d, 2);
	wr16(b, 2);
	wr16(b + 2, 7);
	wr16(b + 4, 8);
	rec_block0(&r, b, 6);
	assert_string_equal(desc(&sb, 17, &r),
						", isCatalogRel: T, nplans: 0, nredirected: 0, ndead: 0, nunused: 2, unused: [7, 8]");
	/* the unused count runs past the block data */
	wr16(b, 50);
	assert_string_equal(desc(&sb, 18, &r), "<null>");
	sb_free(&sb);
}

static void
test_btree(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[48];

	(void) state;
	memset(d, 0, sizeof(d));
	wr16(d, 246);
	rec_init(&r, RM_BTREE_ID, 0x00, d, 2);
	assert_string_equal(desc(&sb, 10, &r), "off 246");
	assert_string_equal(desc(&sb, 15, &r), "off 246");
	assert_string_equal(desc(&sb, 16, &r), "off: 246");

	/* SPLIT_L: level 0, firstright 120, newitemoff 33, postingoff 0 */
	memset(d, 0, sizeof(d));
	wr16(d + 4, 120);
	wr16(d + 6, 33);
	rec_init(&r, RM_BTREE_ID, 0x30, d, 10);
	assert_string_equal(desc(&sb, 10, &r), "level 0, firstright 120, newitemoff 33");
	assert_string_equal(desc(&sb, 11, &r), "level 0, firstright 120");
	assert_string_equal(desc(&sb, 12, &r), "level 0, firstright 120, newitemoff 33");
	assert_string_equal(desc(&sb, 13, &r), "level 0, firstrightoff 120, newitemoff 33, postingoff 0");
	assert_string_equal(desc(&sb, 18, &r), "level: 0, firstrightoff: 120, newitemoff: 33, postingoff: 0");

	/* DELETE */
	memset(d, 0, sizeof(d));
	wr32(d + 12, 4);			/* 10/11: hnode, nitems */
	rec_init(&r, RM_BTREE_ID, 0x70, d, 16);
	assert_string_equal(desc(&sb, 10, &r), "4 items");
	memset(d, 0, sizeof(d));
	wr32(d, 750);
	wr32(d + 4, 4);			/* 12: latestRemovedXid, nitems; 13: ndeleted (u32) */
	rec_init(&r, RM_BTREE_ID, 0x70, d, 8);
	assert_string_equal(desc(&sb, 12, &r), "4 items, latest removed xid 750");
	assert_string_equal(desc(&sb, 13, &r), "latestRemovedXid 750; ndeleted 4");
	assert_string_equal(desc(&sb, 14, &r), "latestRemovedXid 750; ndeleted 4; nupdated 0");

	/* NEWROOT: rootblk 3, level 1 */
	memset(d, 0, sizeof(d));
	wr32(d, 3);
	wr32(d + 4, 1);
	rec_init(&r, RM_BTREE_ID, 0xA0, d, 8);
	assert_string_equal(desc(&sb, 12, &r), "lev 1");
	assert_string_equal(desc(&sb, 16, &r), "level: 1");

	/* UNLINK_PAGE, 10..13: left 1, right 2, leafleft 3, leafright 4, topparent 5, btpo_xact 6 */
	memset(d, 0, sizeof(d));
	for (int i = 0; i < 6; i++)
		wr32(d + 4 * i, (uint32_t) i + 1);
	rec_init(&r, RM_BTREE_ID, 0x80, d, 24);
	assert_string_equal(desc(&sb, 11, &r),
						"left 1; right 2; btpo_xact 6; leafleft 3; leafright 4; topparent 5");
	/* 14+: left 1, right 2, level 0, safexid 0:760, leafleft 3, leafright 4, leaftopparent 5 */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	wr32(d + 4, 2);
	wr64(d + 16, 760);
	wr32(d + 24, 3);
	wr32(d + 28, 4);
	wr32(d + 32, 5);
	rec_init(&r, RM_BTREE_ID, 0x80, d, 36);
	assert_string_equal(desc(&sb, 14, &r),
						"left 1; right 2; level 0; safexid 0:760; leafleft 3; leafright 4; leaftopparent 5");
	sb_free(&sb);
}

static void
test_xlog(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[96];

	(void) state;
	/* CHECKPOINT_ONLINE, 10/11 layout: nextXidEpoch @20, nextXid @24 */
	memset(d, 0, sizeof(d));
	wr64(d, UINT64_C(0x26716C0));
	wr32(d + 8, 1);
	wr32(d + 12, 1);
	d[16] = 1;
	wr32(d + 24, 808);			/* nextXid */
	wr32(d + 28, 24576);		/* nextOid */
	wr32(d + 32, 1);			/* nextMulti */
	wr32(d + 40, 716);			/* oldestXid */
	wr32(d + 44, 1);
	wr32(d + 48, 1);
	wr32(d + 52, 1);
	wr32(d + 72, 808);			/* oldestActiveXid */
	rec_init(&r, RM_XLOG_ID, 0x10, d, 80);
	assert_string_equal(desc(&sb, 10, &r),
						"redo 0/26716C0; tli 1; prev tli 1; fpw true; xid 0:808; oid 24576; multi 1; offset 0; "
						"oldest xid 716 in DB 1; oldest multi 1 in DB 1; oldest/newest commit timestamp xid: 0/0; "
						"oldest running xid 808; online");
	/* 12+ layout: FullTransactionId @24 */
	memset(d + 16, 0, sizeof(d) - 16);
	d[16] = 1;
	wr64(d + 24, 808);
	wr32(d + 32, 24576);
	wr32(d + 36, 1);
	wr32(d + 44, 716);
	wr32(d + 48, 1);
	wr32(d + 52, 1);
	wr32(d + 56, 1);
	wr32(d + 80, 808);
	rec_init(&r, RM_XLOG_ID, 0x00, d, 88);
	assert_string_equal(desc(&sb, 14, &r),
						"redo 0/26716C0; tli 1; prev tli 1; fpw true; xid 0:808; oid 24576; multi 1; offset 0; "
						"oldest xid 716 in DB 1; oldest multi 1 in DB 1; oldest/newest commit timestamp xid: 0/0; "
						"oldest running xid 808; shutdown");
	wr32(d + 20, 1);			/* 17: wal_level replica */
	assert_string_equal(desc(&sb, 17, &r),
						"redo 0/26716C0; tli 1; prev tli 1; fpw true; wal_level replica; xid 0:808; oid 24576; multi 1; offset 0; "
						"oldest xid 716 in DB 1; oldest multi 1 in DB 1; oldest/newest commit timestamp xid: 0/0; "
						"oldest running xid 808; shutdown");
	rec_init(&r, RM_XLOG_ID, 0x00, d, 60);
	assert_string_equal(desc(&sb, 15, &r), "<null>");

	/* PARAMETER_CHANGE: 100 8 10 0 64 replica off off */
	memset(d, 0, sizeof(d));
	wr32(d, 100);
	wr32(d + 4, 8);
	wr32(d + 8, 10);
	wr32(d + 12, 0);
	wr32(d + 16, 64);
	wr32(d + 20, 1);
	rec_init(&r, RM_XLOG_ID, 0x60, d, 26);
	assert_string_equal(desc(&sb, 12, &r),
						"max_connections=100 max_worker_processes=8 max_wal_senders=10 max_prepared_xacts=0 "
						"max_locks_per_xact=64 wal_level=replica wal_log_hints=off track_commit_timestamp=off");
	/* 10/11 have no max_wal_senders: 100 8 0 64 replica on off */
	memset(d, 0, sizeof(d));
	wr32(d, 100);
	wr32(d + 4, 8);
	wr32(d + 12, 64);
	wr32(d + 16, 1);
	d[20] = 1;
	rec_init(&r, RM_XLOG_ID, 0x60, d, 22);
	assert_string_equal(desc(&sb, 10, &r),
						"max_connections=100 max_worker_processes=8 max_prepared_xacts=0 "
						"max_locks_per_xact=64 wal_level=replica wal_log_hints=on track_commit_timestamp=off");
	assert_string_equal(desc(&sb, 12, &r), "<null>");
	/* NEXTOID, FPI */
	wr32(d, 24576);
	rec_init(&r, RM_XLOG_ID, 0x30, d, 4);
	assert_string_equal(desc(&sb, 13, &r), "24576");
	rec_init(&r, RM_XLOG_ID, 0xA0, d, 0);
	assert_string_equal(desc(&sb, 13, &r), "");
	sb_free(&sb);
}

static void
test_xact_smgr(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[128];
	uint32_t	p;

	(void) state;
	/* COMMIT with HAS_INFO: dbinfo, 1 subxact, 1 rel, 1 inval, sync, feedback */
	memset(d, 0, sizeof(d));
	wr64(d, INT64_C(817304747986807));	/* 2025-11-24 13:05:47.986807 UTC */
	wr32(d + 8, (1u << 0) | (1u << 1) | (1u << 2) | (1u << 3) | (1u << 29) | (1u << 31));
	p = 12;
	wr32(d + p, 16384);
	wr32(d + p + 4, 1663);
	p += 8;
	wr32(d + p, 1);
	wr32(d + p + 4, 801);
	p += 8;
	wr32(d + p, 1);
	wr32(d + p + 4, 1663);
	wr32(d + p + 8, 16384);
	wr32(d + p + 12, 16500);
	p += 16;
	wr32(d + p, 1);
	d[p + 4] = 80;				/* catcache 80 */
	p += 4 + 16;
	rec_init(&r, RM_XACT_ID, 0x80, d, p);
	assert_string_equal(desc(&sb, 14, &r),
						"2025-11-24 13:05:47.986807+00; rels: base/16384/16500; subxacts: 801; "
						"inval msgs: catcache 80; sync");
	assert_string_equal(desc(&sb, 15, &r),
						"2025-11-24 13:05:47.986807+00; rels: base/16384/16500; subxacts: 801; "
						"inval msgs: catcache 80; apply_feedback; sync");
	/* the invalidation count runs past the record */
	rec_init(&r, RM_XACT_ID, 0x80, d, p - 8);
	assert_string_equal(desc(&sb, 15, &r), "<null>");
	/* ABORT without info; a whole-second time drops the fraction */
	wr64(d, INT64_C(817304747000000));
	rec_init(&r, RM_XACT_ID, 0x20, d, 8);
	assert_string_equal(desc(&sb, 12, &r), "2025-11-24 13:05:47+00");
	/* ASSIGNMENT */
	memset(d, 0, sizeof(d));
	wr32(d, 800);
	wr32(d + 4, 2);
	wr32(d + 8, 801);
	wr32(d + 12, 802);
	rec_init(&r, RM_XACT_ID, 0x50, d, 16);
	assert_string_equal(desc(&sb, 10, &r), "xtop 800: subxacts: 801 802");

	/* Storage CREATE of an fsm fork, TRUNCATE */
	memset(d, 0, sizeof(d));
	wr32(d, 1663);
	wr32(d + 4, 16384);
	wr32(d + 8, 16496);
	wr32(d + 12, 1);
	rec_init(&r, RM_SMGR_ID, 0x10, d, 16);
	assert_string_equal(desc(&sb, 11, &r), "base/16384/16496_fsm");
	wr32(d + 4, 1664);
	wr32(d + 8, 0);
	wr32(d + 12, 1262);
	rec_init(&r, RM_SMGR_ID, 0x10, d + 4, 16);
	memset(d, 0, sizeof(d));
	wr32(d, 5);
	wr32(d + 4, 1664);
	wr32(d + 12, 1262);
	wr32(d + 16, 7);
	rec_init(&r, RM_SMGR_ID, 0x20, d, 20);
	assert_string_equal(desc(&sb, 13, &r), "global/1262 to 5 blocks flags 7");

	/* Standby RUNNING_XACTS: 1 xact, overflowed */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	d[8] = 1;
	wr32(d + 12, 808);
	wr32(d + 16, 807);
	wr32(d + 20, 806);
	wr32(d + 24, 807);
	rec_init(&r, RM_STANDBY_ID, 0x10, d, 28);
	assert_string_equal(desc(&sb, 15, &r),
						"nextXid 808 latestCompletedXid 806 oldestRunningXid 807; 1 xacts: 807; subxid ovf");
	assert_string_equal(desc(&sb, 16, &r),
						"nextXid 808 latestCompletedXid 806 oldestRunningXid 807; 1 xacts: 807; subxid overflowed");
	sb_free(&sb);
}

static void
test_small_rmgrs(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[64];

	(void) state;
	/* CLOG ZEROPAGE: int before 17, int64 from 17 */
	memset(d, 0, sizeof(d));
	wr32(d, 3);
	rec_init(&r, RM_CLOG_ID, 0x00, d, 4);
	assert_string_equal(desc(&sb, 16, &r), "page 3");
	assert_string_equal(desc(&sb, 17, &r), "<null>");
	rec_init(&r, RM_CLOG_ID, 0x00, d, 8);
	assert_string_equal(desc(&sb, 18, &r), "page 3");
	/* RelMap UPDATE */
	wr32(d, 16384);
	wr32(d + 4, 1663);
	wr32(d + 8, 512);
	rec_init(&r, RM_RELMAP_ID, 0x00, d, 12);
	assert_string_equal(desc(&sb, 14, &r), "database 16384 tablespace 1663 size 512");
	/* MultiXact CREATE_ID: mid 5, offset 9, 2 members */
	memset(d, 0, sizeof(d));
	wr32(d, 5);
	wr32(d + 4, 9);
	wr32(d + 8, 2);
	wr32(d + 12, 700);
	wr32(d + 16, 0);
	wr32(d + 20, 701);
	wr32(d + 24, 5);
	rec_init(&r, RM_MULTIXACT_ID, 0x20, d, 28);
	assert_string_equal(desc(&sb, 12, &r), "5 offset 9 nmembers 2: 700 (keysh) 701 (upd) ");
	wr32(d + 8, 3);			/* more members than bytes */
	assert_string_equal(desc(&sb, 12, &r), "<null>");
	/* Database DROP (15+): two tablespaces */
	memset(d, 0, sizeof(d));
	wr32(d, 16384);
	wr32(d + 4, 2);
	wr32(d + 8, 1663);
	wr32(d + 12, 16500);
	rec_init(&r, RM_DBASE_ID, 0x20, d, 16);
	assert_string_equal(desc(&sb, 15, &r), "dir 1663/16384 16500/16384");
	/* 10..14: CREATE copies src_db/src_ts to db/ts */
	wr32(d, 16384);
	wr32(d + 4, 1663);
	wr32(d + 8, 1);
	wr32(d + 12, 1663);
	rec_init(&r, RM_DBASE_ID, 0x00, d, 16);
	assert_string_equal(desc(&sb, 11, &r), "copy dir 1/1663 to 16384/1663");
	assert_string_equal(desc(&sb, 12, &r), "copy dir 1663/1 to 1663/16384");
	assert_string_equal(desc(&sb, 15, &r), "copy dir 1663/1 to 1663/16384");
	/* LogicalMessage (14+): prefix "p", payload 0a 0b */
	memset(d, 0, sizeof(d));
	d[4] = 1;
	wr64(d + 8, 2);
	wr64(d + 16, 2);
	d[24] = 'p';
	d[26] = 0x0a;
	d[27] = 0x0b;
	rec_init(&r, RM_LOGICALMSG_ID, 0x00, d, 28);
	assert_string_equal(desc(&sb, 16, &r), "transactional, prefix \"p\"; payload (2 bytes): 0A 0B");
	wr64(d + 16, 1000);		/* a payload longer than the record */
	assert_string_equal(desc(&sb, 16, &r), "<null>");
	/* Generic: two deltas */
	memset(d, 0, sizeof(d));
	wr16(d, 24);
	wr16(d + 2, 2);
	wr16(d + 6, 100);
	wr16(d + 8, 0);
	rec_init(&r, RM_GENERIC_ID, 0x00, d, 10);
	assert_string_equal(desc(&sb, 13, &r), "offset 24, length 2; offset 100, length 0");
	/* ReplicationOrigin SET */
	memset(d, 0, sizeof(d));
	wr64(d, UINT64_C(0x100000020));
	wr16(d + 8, 3);
	d[10] = 1;
	rec_init(&r, RM_REPLORIGIN_ID, 0x00, d, 11);
	assert_string_equal(desc(&sb, 15, &r), "set 3; lsn 1/20; force: 1");
	sb_free(&sb);
}

/* 2025-11-24 13:05:47.986807 UTC, as pg_walinspect prints it */
#define TS_US INT64_C(817304747986807)
#define TS_STR "2025-11-24 13:05:47.986807+00"

/* A RelFileNode (spc, db, rel) at p. */
static void
put_rnode(uint8_t *p, uint32_t spc, uint32_t db, uint32_t rel)
{
	wr32(p, spc);
	wr32(p + 4, db);
	wr32(p + 8, rel);
}

/*
 * A PREPARE record (the two-phase state file) as major writes it: gid
 * "tx1", subxacts 901 902, commit rel 16500, abort rel 16501, one commit
 * dropped-stats item (15+), one relcache message, init file inval; then 8
 * bytes of the 2PC records that follow.  Returns its length.
 */
static uint32_t
build_prepare(uint8_t *d, int major)
{
	bool		stats = major >= 15;
	uint32_t	hdr = stats ? 72 : 64,
				p;

	memset(d, 0, 256);
	wr32(d, 0x57F94534);		/* magic */
	wr32(d + 8, 900);			/* xid */
	wr32(d + 12, 16384);		/* database */
	wr64(d + 16, (uint64_t) TS_US);	/* prepared_at */
	wr32(d + 24, 10);			/* owner */
	wr32(d + 28, 2);			/* nsubxacts */
	wr32(d + 32, 1);			/* ncommitrels */
	wr32(d + 36, 1);			/* nabortrels */
	if (stats)
	{
		wr32(d + 40, 1);		/* ncommitstats */
		wr32(d + 44, 0);		/* nabortstats */
		wr32(d + 48, 1);		/* ninvalmsgs */
		d[52] = 1;				/* initfileinval */
		wr16(d + 54, 4);		/* gidlen */
		wr64(d + 56, UINT64_C(0x100000020));	/* origin_lsn */
		wr64(d + 64, (uint64_t) TS_US);	/* origin_timestamp */
	}
	else
	{
		wr32(d + 40, 1);
		d[44] = 1;
		wr16(d + 46, 4);
		wr64(d + 48, UINT64_C(0x100000020));
		wr64(d + 56, (uint64_t) TS_US);
	}
	p = hdr;
	memcpy(d + p, "tx1", 4);
	p += 8;
	wr32(d + p, 901);
	wr32(d + p + 4, 902);
	p += 8;
	put_rnode(d + p, 1663, 16384, 16500);
	p += 16;
	put_rnode(d + p, 1663, 16384, 16501);
	p += 16;
	if (stats)
	{
		wr32(d + p, 1);		/* kind */
		wr32(d + p + 4, 16384);	/* dboid */
		wr32(d + p + 8, 16500);	/* objoid, 18: objid_lo (objid_hi 0) */
		p += 16;				/* 12 bytes MAXALIGNed, or 16 in 18 */
	}
	d[p] = (uint8_t) -2;		/* SHAREDINVALRELCACHE_ID */
	wr32(d + p + 4, 16384);
	wr32(d + p + 8, 16500);
	p += 16;
	return p + 8;
}

static void
test_xact_prepare(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[256];
	uint32_t	n;
	int			m;

	(void) state;
	/* 10..12: xact_desc has no PREPARE branch: an empty description */
	for (m = 10; m <= 12; m++)
	{
		n = build_prepare(d, 13);
		rec_init(&r, RM_XACT_ID, 0x10, d, n);
		assert_string_equal(desc(&sb, m, &r), "");
	}
	/* 13, 14: no stats, no origin */
	for (m = 13; m <= 14; m++)
	{
		n = build_prepare(d, m);
		rec_init(&r, RM_XACT_ID, 0x10, d, n);
		r.origin = 2;
		assert_string_equal(desc(&sb, m, &r),
							"gid tx1: " TS_STR "; rels(commit): base/16384/16500; "
							"rels(abort): base/16384/16501; subxacts: 901 902; "
							"relcache init file inval dbid 16384 tsid 0; inval msgs: relcache 16500");
		/* a count past the record */
		rec_init(&r, RM_XACT_ID, 0x10, d, n - 16);
		assert_string_equal(desc(&sb, m, &r), "<null>");
	}
	/* 15 and 18 print the dropped stats and the origin; 16, 17 lose the stats */
	for (m = 15; m <= 18; m++)
	{
		const char *st = (m == 15 || m == 18) ? "; commit dropped stats: 1/16384/16500" : "";
		char		want[512];

		n = build_prepare(d, m);
		rec_init(&r, RM_XACT_ID, 0x10, d, n);
		snprintf(want, sizeof(want),
				 "gid tx1: " TS_STR "; rels(commit): base/16384/16500; "
				 "rels(abort): base/16384/16501%s; subxacts: 901 902; "
				 "relcache init file inval dbid 16384 tsid 0; inval msgs: relcache 16500", st);
		assert_string_equal(desc(&sb, m, &r), want);
		r.origin = 2;
		snprintf(want + strlen(want), sizeof(want) - strlen(want),
				 "; origin: node 2, lsn 1/20, at " TS_STR);
		assert_string_equal(desc(&sb, m, &r), want);
	}
	/* the header alone is too short */
	rec_init(&r, RM_XACT_ID, 0x10, d, 60);
	assert_string_equal(desc(&sb, 14, &r), "<null>");
	sb_free(&sb);
}

static void
test_xact_majors(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[128];
	uint32_t	p;

	(void) state;
	/* COMMIT_PREPARED (11+): twophase xid, gid, origin */
	memset(d, 0, sizeof(d));
	wr64(d, (uint64_t) TS_US);
	wr32(d + 8, (1u << 4) | (1u << 5) | (1u << 7));
	wr32(d + 12, 900);
	memcpy(d + 16, "tx1", 4);
	wr64(d + 20, UINT64_C(0x100000020));
	wr64(d + 28, (uint64_t) TS_US);
	rec_init(&r, RM_XACT_ID, 0x30 | 0x80, d, 36);
	r.origin = 2;
	assert_string_equal(desc(&sb, 11, &r),
						"900: " TS_STR "; origin: node 2, lsn 1/20, at " TS_STR);
	assert_string_equal(desc(&sb, 18, &r),
						"900: " TS_STR "; origin: node 2, lsn 1/20, at " TS_STR);
	/* ABORT_PREPARED: the origin is printed from 15 only */
	rec_init(&r, RM_XACT_ID, 0x40 | 0x80, d, 36);
	r.origin = 2;
	assert_string_equal(desc(&sb, 14, &r), "900: " TS_STR);
	assert_string_equal(desc(&sb, 15, &r),
						"900: " TS_STR "; origin: node 2, lsn 1/20, at " TS_STR);

	/* ABORT (15+): rels, subxacts, origin, dropped stats in that order */
	for (int m = 15; m <= 18; m += 3)
	{
		memset(d, 0, sizeof(d));
		wr64(d, (uint64_t) TS_US);
		wr32(d + 8, (1u << 0) | (1u << 1) | (1u << 2) | (1u << 5) | (1u << 8));
		p = 12;
		wr32(d + p, 16384);
		wr32(d + p + 4, 1663);
		p += 8;
		wr32(d + p, 1);
		wr32(d + p + 4, 901);
		p += 8;
		wr32(d + p, 1);
		put_rnode(d + p + 4, 1663, 16384, 16500);
		p += 16;
		/* xl_xact_stats_items: nitems, then kind, dboid, objoid (18: objid_lo, objid_hi) */
		wr32(d + p, 1);
		wr32(d + p + 4, 2);
		wr32(d + p + 8, 16384);
		wr32(d + p + 12, 16500);
		if (m == 18)
		{
			wr32(d + p + 16, 1);
			p += 4;
		}
		p += 16;
		wr64(d + p, UINT64_C(0x100000020));
		wr64(d + p + 8, (uint64_t) TS_US);
		p += 16;
		rec_init(&r, RM_XACT_ID, 0x20 | 0x80, d, p);
		r.origin = 3;
		assert_string_equal(desc(&sb, m, &r),
							m == 15 ?
							TS_STR "; rels: base/16384/16500; subxacts: 901; "
							"origin: node 3, lsn 1/20, at " TS_STR "; dropped stats: 2/16384/16500" :
							TS_STR "; rels: base/16384/16500; subxacts: 901; "
							"origin: node 3, lsn 1/20, at " TS_STR "; dropped stats: 2/16384/4294983796");
		/* 14 knows no dropped stats: the flag is ignored, the origin not printed */
		if (m == 15)
		{
			rec_init(&r, RM_XACT_ID, 0x20 | 0x80, d, p);
			r.origin = 3;
			assert_string_equal(desc(&sb, 14, &r), TS_STR "; rels: base/16384/16500; subxacts: 901");
		}
	}

	/* COMMIT with the relcache init file flag: dbinfo names the database */
	memset(d, 0, sizeof(d));
	wr64(d, (uint64_t) TS_US);
	wr32(d + 8, (1u << 0) | (1u << 3) | (1u << 30));
	wr32(d + 12, 16384);
	wr32(d + 16, 1663);
	wr32(d + 20, 1);
	d[24] = (uint8_t) -1;		/* catalog */
	wr32(d + 32, 2608);
	rec_init(&r, RM_XACT_ID, 0x00 | 0x80, d, 40);
	assert_string_equal(desc(&sb, 10, &r),
						TS_STR "; relcache init file inval dbid 16384 tsid 1663; inval msgs: catalog 2608");

	/* INVALIDATION (14+): standby_desc_invalidations alone */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	d[4] = (uint8_t) -5;		/* snapshot */
	wr32(d + 12, 2608);
	rec_init(&r, RM_XACT_ID, 0x60, d, 20);
	assert_string_equal(desc(&sb, 13, &r), "");
	assert_string_equal(desc(&sb, 14, &r), "; inval msgs: snapshot 2608");
	sb_free(&sb);
}

static void
test_dbase_tblspc(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[64];

	(void) state;
	/* DROP of 10..12: db_id, tablespace_id */
	memset(d, 0, sizeof(d));
	wr32(d, 16384);
	wr32(d + 4, 1663);
	rec_init(&r, RM_DBASE_ID, 0x10, d, 8);
	assert_string_equal(desc(&sb, 10, &r), "dir 16384/1663");
	assert_string_equal(desc(&sb, 11, &r), "dir 16384/1663");
	assert_string_equal(desc(&sb, 12, &r), "dir 1663/16384");
	/* 13, 14: db_id, ntablespaces, tablespace_ids[] */
	wr32(d + 4, 2);
	wr32(d + 8, 1663);
	wr32(d + 12, 16400);
	rec_init(&r, RM_DBASE_ID, 0x10, d, 16);
	assert_string_equal(desc(&sb, 13, &r), "dir 1663/16384 16400/16384");
	assert_string_equal(desc(&sb, 14, &r), "dir 1663/16384 16400/16384");
	/* 15+: 0x10 is CREATE_WAL_LOG */
	assert_string_equal(desc(&sb, 15, &r), "create dir 2/16384");
	rec_init(&r, RM_DBASE_ID, 0x20, d, 12);
	assert_string_equal(desc(&sb, 16, &r), "<null>");
	rec_init(&r, RM_DBASE_ID, 0x20, d, 16);
	assert_string_equal(desc(&sb, 18, &r), "dir 1663/16384 16400/16384");
	/* CREATE of 13, 14 */
	wr32(d + 4, 1663);
	wr32(d + 8, 1);
	wr32(d + 12, 1663);
	rec_init(&r, RM_DBASE_ID, 0x00, d, 16);
	assert_string_equal(desc(&sb, 10, &r), "copy dir 1/1663 to 16384/1663");
	assert_string_equal(desc(&sb, 13, &r), "copy dir 1663/1 to 1663/16384");
	assert_string_equal(desc(&sb, 14, &r), "copy dir 1663/1 to 1663/16384");

	/* Tablespace CREATE, DROP */
	memset(d, 0, sizeof(d));
	wr32(d, 16400);
	memcpy(d + 4, "/tmp/ts1", 9);
	rec_init(&r, RM_TBLSPC_ID, 0x00, d, 13);
	assert_string_equal(desc(&sb, 10, &r), "16400 \"/tmp/ts1\"");
	assert_string_equal(desc(&sb, 18, &r), "16400 \"/tmp/ts1\"");
	rec_init(&r, RM_TBLSPC_ID, 0x00, d, 12);	/* path not terminated */
	assert_string_equal(desc(&sb, 14, &r), "<null>");
	rec_init(&r, RM_TBLSPC_ID, 0x10, d, 4);
	assert_string_equal(desc(&sb, 12, &r), "16400");

	/* RelMap: nbytes %u before 15, %d from 15 */
	memset(d, 0, sizeof(d));
	wr32(d, 0);
	wr32(d + 4, 1664);
	wr32(d + 8, 0xFFFFFFFFu);
	rec_init(&r, RM_RELMAP_ID, 0x00, d, 12);
	assert_string_equal(desc(&sb, 14, &r), "database 0 tablespace 1664 size 4294967295");
	assert_string_equal(desc(&sb, 15, &r), "database 0 tablespace 1664 size -1");
	sb_free(&sb);
}

static void
test_slru(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[96];

	(void) state;
	/* CommitTs ZEROPAGE, TRUNCATE */
	memset(d, 0, sizeof(d));
	wr32(d, 3);
	rec_init(&r, RM_COMMIT_TS_ID, 0x00, d, 4);
	assert_string_equal(desc(&sb, 10, &r), "3");
	assert_string_equal(desc(&sb, 14, &r), "3");
	rec_init(&r, RM_COMMIT_TS_ID, 0x00, d, 8);
	assert_string_equal(desc(&sb, 17, &r), "3");
	wr32(d, 5);
	wr32(d + 4, 900);
	rec_init(&r, RM_COMMIT_TS_ID, 0x10, d, 8);
	assert_string_equal(desc(&sb, 12, &r), "pageno 5, oldestXid 900");
	memset(d, 0, sizeof(d));
	wr64(d, 5);
	wr32(d + 8, 900);
	rec_init(&r, RM_COMMIT_TS_ID, 0x10, d, 12);
	assert_string_equal(desc(&sb, 18, &r), "pageno 5, oldestXid 900");
	/* SETTS (10..13): timestamp, nodeid, mainxid, subxids */
	memset(d, 0, sizeof(d));
	wr64(d, (uint64_t) TS_US);
	wr16(d + 8, 2);
	wr32(d + 12, 900);
	wr32(d + 16, 901);
	wr32(d + 20, 902);
	rec_init(&r, RM_COMMIT_TS_ID, 0x20, d, 24);
	assert_string_equal(desc(&sb, 10, &r), "set " TS_STR "/2 for: 900, 901, 902");
	assert_string_equal(desc(&sb, 13, &r), "set " TS_STR "/2 for: 900, 901, 902");
	assert_string_equal(desc(&sb, 14, &r), "");
	rec_init(&r, RM_COMMIT_TS_ID, 0x20, d, 16);
	assert_string_equal(desc(&sb, 11, &r), "set " TS_STR "/2 for: 900");

	/* CLOG TRUNCATE: pageno, oldestXact, oldestXactDb */
	memset(d, 0, sizeof(d));
	wr32(d, 5);
	wr32(d + 4, 900);
	wr32(d + 8, 1);
	rec_init(&r, RM_CLOG_ID, 0x10, d, 12);
	assert_string_equal(desc(&sb, 10, &r), "page 5; oldestXact 900");
	memset(d, 0, sizeof(d));
	wr64(d, 5);
	wr32(d + 8, 900);
	wr32(d + 12, 1);
	rec_init(&r, RM_CLOG_ID, 0x10, d, 16);
	assert_string_equal(desc(&sb, 17, &r), "page 5; oldestXact 900");

	/* MultiXact: every member status, ZERO pages, TRUNCATE_ID */
	memset(d, 0, sizeof(d));
	wr32(d, 7);
	wr32(d + 4, 20);
	wr32(d + 8, 7);
	for (int i = 0; i < 7; i++)
	{
		wr32(d + 12 + 8 * i, 700 + (uint32_t) i);
		wr32(d + 16 + 8 * i, (uint32_t) i);
	}
	rec_init(&r, RM_MULTIXACT_ID, 0x20, d, 12 + 56);
	assert_string_equal(desc(&sb, 10, &r),
						"7 offset 20 nmembers 7: 700 (keysh) 701 (sh) 702 (fornokeyupd) "
						"703 (forupd) 704 (nokeyupd) 705 (upd) 706 (unk) ");
	memset(d, 0, sizeof(d));
	wr32(d, 3);
	rec_init(&r, RM_MULTIXACT_ID, 0x10, d, 4);
	assert_string_equal(desc(&sb, 16, &r), "3");
	rec_init(&r, RM_MULTIXACT_ID, 0x00, d, 8);
	assert_string_equal(desc(&sb, 17, &r), "3");
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	wr32(d + 4, 1);
	wr32(d + 8, 5);
	wr32(d + 12, 0);
	wr32(d + 16, 10);
	rec_init(&r, RM_MULTIXACT_ID, 0x30, d, 20);
	assert_string_equal(desc(&sb, 13, &r), "offsets [1, 5), members [0, 10)");
	sb_free(&sb);
}

static void
test_logical_standby(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[96];

	(void) state;
	/* LogicalMessage: 10..13 print only the size */
	memset(d, 0, sizeof(d));
	d[4] = 0;
	wr64(d + 8, 2);
	wr64(d + 16, 2);
	d[24] = 'p';
	d[26] = 0x0a;
	d[27] = 0x0b;
	rec_init(&r, RM_LOGICALMSG_ID, 0x00, d, 28);
	assert_string_equal(desc(&sb, 10, &r), "nontransactional message size 2 bytes");
	assert_string_equal(desc(&sb, 14, &r), "non-transactional, prefix \"p\"; payload (2 bytes): 0A 0B");
	d[4] = 1;
	assert_string_equal(desc(&sb, 13, &r), "transactional message size 2 bytes");
	wr64(d + 16, 0);
	rec_init(&r, RM_LOGICALMSG_ID, 0x00, d, 26);
	assert_string_equal(desc(&sb, 18, &r), "transactional, prefix \"p\"; payload (0 bytes): ");

	/* ReplicationOrigin SET (10) and DROP */
	memset(d, 0, sizeof(d));
	wr64(d, UINT64_C(0x100000020));
	wr16(d + 8, 3);
	rec_init(&r, RM_REPLORIGIN_ID, 0x00, d, 11);
	assert_string_equal(desc(&sb, 10, &r), "set 3; lsn 1/20; force: 0");
	wr16(d, 3);
	rec_init(&r, RM_REPLORIGIN_ID, 0x10, d, 2);
	assert_string_equal(desc(&sb, 12, &r), "drop 3");
	assert_string_equal(desc(&sb, 18, &r), "drop 3");

	/* Standby LOCK: each lock followed by a space */
	memset(d, 0, sizeof(d));
	wr32(d, 2);
	wr32(d + 4, 900);
	wr32(d + 8, 16384);
	wr32(d + 12, 16500);
	wr32(d + 16, 0);
	wr32(d + 20, 16384);
	wr32(d + 24, 16501);
	rec_init(&r, RM_STANDBY_ID, 0x00, d, 28);
	assert_string_equal(desc(&sb, 10, &r), "xid 900 db 16384 rel 16500 xid 0 db 16384 rel 16501 ");
	rec_init(&r, RM_STANDBY_ID, 0x00, d, 24);
	assert_string_equal(desc(&sb, 10, &r), "<null>");

	/* Standby INVALIDATIONS: before 13 even no message prints the header */
	memset(d, 0, sizeof(d));
	wr32(d, 16384);
	wr32(d + 4, 1663);
	d[8] = 1;
	rec_init(&r, RM_STANDBY_ID, 0x20, d, 16);
	assert_string_equal(desc(&sb, 12, &r),
						"; relcache init file inval dbid 16384 tsid 1663; inval msgs:");
	assert_string_equal(desc(&sb, 13, &r), "");
	wr32(d + 12, 2);
	d[16] = 7;					/* catcache 7 */
	d[32] = (uint8_t) -4;		/* relmap */
	wr32(d + 36, 16384);
	rec_init(&r, RM_STANDBY_ID, 0x20, d, 48);
	assert_string_equal(desc(&sb, 11, &r),
						"; relcache init file inval dbid 16384 tsid 1663; inval msgs: catcache 7 relmap db 16384");

	/* RUNNING_XACTS: 16 lists the subtransactions */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	wr32(d + 4, 2);
	wr32(d + 12, 810);
	wr32(d + 16, 807);
	wr32(d + 20, 806);
	wr32(d + 24, 807);
	wr32(d + 28, 808);
	wr32(d + 32, 809);
	rec_init(&r, RM_STANDBY_ID, 0x10, d, 36);
	assert_string_equal(desc(&sb, 15, &r),
						"nextXid 810 latestCompletedXid 806 oldestRunningXid 807; 1 xacts: 807");
	assert_string_equal(desc(&sb, 16, &r),
						"nextXid 810 latestCompletedXid 806 oldestRunningXid 807; 1 xacts: 807; "
						"2 subxacts: 808 809");
	sb_free(&sb);
}

static void
test_xlog_more(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	uint8_t		d[96];

	(void) state;
	memset(d, 0, sizeof(d));
	/* SWITCH: nothing */
	rec_init(&r, RM_XLOG_ID, 0x40, d, 0);
	assert_string_equal(desc(&sb, 10, &r), "");
	assert_string_equal(desc(&sb, 18, &r), "");
	/* BACKUP_END: the start point */
	wr64(d, UINT64_C(0x100000028));
	rec_init(&r, RM_XLOG_ID, 0x50, d, 8);
	assert_string_equal(desc(&sb, 11, &r), "1/28");
	/* RESTORE_POINT: rp_time, rp_name[64] */
	memset(d, 0, sizeof(d));
	wr64(d, (uint64_t) TS_US);
	memcpy(d + 8, "before_drop", 12);
	rec_init(&r, RM_XLOG_ID, 0x70, d, 72);
	assert_string_equal(desc(&sb, 10, &r), "before_drop");
	assert_string_equal(desc(&sb, 17, &r), "before_drop");
	/* FPW_CHANGE */
	d[0] = 1;
	rec_init(&r, RM_XLOG_ID, 0x80, d, 1);
	assert_string_equal(desc(&sb, 12, &r), "true");
	d[0] = 0;
	assert_string_equal(desc(&sb, 16, &r), "false");
	/* END_OF_RECOVERY: 17 adds wal_level */
	memset(d, 0, sizeof(d));
	wr64(d, (uint64_t) TS_US);
	wr32(d + 8, 2);
	wr32(d + 12, 1);
	wr32(d + 16, 2);
	rec_init(&r, RM_XLOG_ID, 0x90, d, 24);
	assert_string_equal(desc(&sb, 16, &r), "tli 2; prev tli 1; time " TS_STR);
	assert_string_equal(desc(&sb, 17, &r), "tli 2; prev tli 1; time " TS_STR "; wal_level logical");
	/* OVERWRITE_CONTRECORD */
	memset(d, 0, sizeof(d));
	wr64(d, UINT64_C(0x100000020));
	wr64(d + 8, (uint64_t) TS_US);
	rec_init(&r, RM_XLOG_ID, 0xD0, d, 16);
	assert_string_equal(desc(&sb, 14, &r), "lsn 1/20; time " TS_STR);
	/* CHECKPOINT_REDO (17+) */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	rec_init(&r, RM_XLOG_ID, 0xE0, d, 4);
	assert_string_equal(desc(&sb, 18, &r), "wal_level replica");
	/* PARAMETER_CHANGE of 18: logical, both flags on; an unknown level is "?" */
	memset(d, 0, sizeof(d));
	wr32(d, 100);
	wr32(d + 4, 8);
	wr32(d + 8, 10);
	wr32(d + 12, 5);
	wr32(d + 16, 64);
	wr32(d + 20, 2);
	d[24] = 1;
	d[25] = 1;
	rec_init(&r, RM_XLOG_ID, 0x60, d, 28);
	assert_string_equal(desc(&sb, 18, &r),
						"max_connections=100 max_worker_processes=8 max_wal_senders=10 max_prepared_xacts=5 "
						"max_locks_per_xact=64 wal_level=logical wal_log_hints=on track_commit_timestamp=on");
	/* 10/11 layout: wal_level @16, wal_log_hints @20 (the low byte of 2 above) */
	wr32(d + 16, 7);
	assert_string_equal(desc(&sb, 11, &r),
						"max_connections=100 max_worker_processes=8 max_prepared_xacts=10 "
						"max_locks_per_xact=5 wal_level=? wal_log_hints=on track_commit_timestamp=off");

	/* Storage TRUNCATE in a tablespace; CREATE of an init fork */
	memset(d, 0, sizeof(d));
	wr32(d, 5);
	put_rnode(d + 4, 16400, 16384, 16500);
	wr32(d + 16, 7);
	rec_init(&r, RM_SMGR_ID, 0x20, d, 20);
	assert_string_equal(desc(&sb, 13, &r),
						"pg_tblspc/16400/PG_13_202007201/16384/16500 to 5 blocks flags 7");
	put_rnode(d, 1663, 16384, 16500);
	wr32(d + 12, 3);
	rec_init(&r, RM_SMGR_ID, 0x10, d, 16);
	assert_string_equal(desc(&sb, 10, &r), "base/16384/16500_init");
	sb_free(&sb);
}

static void
test_custom(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct walrec r;
	char		b[16];

	(void) state;
	assert_true(rmgr_is_custom(15, 128));
	assert_true(rmgr_is_custom(18, 255));
	assert_false(rmgr_is_custom(14, 130));
	assert_false(rmgr_is_custom(15, 127));
	assert_string_equal(rmgr_custom_name(16, 130, b, sizeof(b)), "custom130");
	assert_null(rmgr_custom_name(13, 130, b, sizeof(b)));
	assert_null(rmgr_identify(15, 130, 0x00));
	rec_init(&r, 130, 0x10, NULL, 0);
	assert_true(rmgr_desc_custom(&sb, 17, &r));
	assert_string_equal(sb_str(&sb), "rmid: 130");
	sb_reset(&sb);
	assert_false(rmgr_desc_custom(&sb, 14, &r));
	/* through the dispatcher pgwal calls: the same text, and none before 15 */
	sb_reset(&sb);
	assert_true(rmgr_desc(&sb, 18, RS_WALDUMP, &r));
	assert_string_equal(sb_str(&sb), "rmid: 130");
	sb_reset(&sb);
	assert_false(rmgr_desc(&sb, 14, RS_WALDUMP, &r));
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_heap),
		cmocka_unit_test(test_heap2),
		cmocka_unit_test(test_btree),
		cmocka_unit_test(test_xlog),
		cmocka_unit_test(test_xact_smgr),
		cmocka_unit_test(test_small_rmgrs),
		cmocka_unit_test(test_xact_prepare),
		cmocka_unit_test(test_xact_majors),
		cmocka_unit_test(test_dbase_tblspc),
		cmocka_unit_test(test_slru),
		cmocka_unit_test(test_logical_standby),
		cmocka_unit_test(test_xlog_more),
		cmocka_unit_test(test_custom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
