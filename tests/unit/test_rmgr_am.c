/*
 * rmgr_am: the descriptions of the heap and index resource managers (Heap,
 * Heap2, Btree, Hash, Gin, Gist, Sequence, SPGist, BRIN) for the record
 * types and majors the fixtures do not prove against pg_walinspect: every
 * record type the fixtures of 15..18 lack, and the 10..14 wording.  The
 * expected strings are written from each major's
 * src/backend/access/rmgrdesc/ (heapdesc.c, nbtdesc.c, ...) format strings;
 * the record bytes from the structs of that major's xlog headers.
 *
 * Every record is handed over in buffers of exactly its length (malloc'd
 * copies), so that under ASan a read past the data is an error; the last
 * test cuts every record of every type short at every length.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "rmgr.h"

/* A heap copy of n bytes, so that ASan sees reads past them. */
static uint8_t *
exact(const uint8_t *d, uint32_t n)
{
	uint8_t    *p = malloc(n ? n : 1);

	assert_non_null(p);
	if (n)
		memcpy(p, d, n);
	return p;
}

struct rec {
	struct walrec r;
	uint8_t    *main;
	uint8_t    *blk;
};

static void
rec_make(struct rec *x, uint8_t rmid, uint8_t info, const uint8_t *d, uint32_t n)
{
	memset(x, 0, sizeof(*x));
	x->r.rmid = rmid;
	x->r.info = info;
	x->r.max_block_id = -1;
	if (n)
	{
		x->main = exact(d, n);
		x->r.main_data = x->main;
		x->r.main_data_len = n;
	}
}

/* Give the record block 0, with n bytes of data (n may be 0: no data). */
static void
rec_blk(struct rec *x, const uint8_t *d, uint16_t n)
{
	x->r.max_block_id = 0;
	x->r.blocks[0].in_use = true;
	x->r.blocks[0].has_data = n > 0;
	if (n)
	{
		x->blk = exact(d, n);
		x->r.blocks[0].data = x->blk;
		x->r.blocks[0].data_len = n;
	}
}

static void
rec_free(struct rec *x)
{
	free(x->main);
	free(x->blk);
	x->main = x->blk = NULL;
}

/*
 * The description in major, or "<null>" when there is none; a record
 * without one must leave the buffer as it was.
 */
static const char *
desc(struct strbuf *sb, int major, const struct rec *x)
{
	sb_reset(sb);
	sb_puts(sb, "=");
	if (!rmgr_desc(sb, major, RS_WALINSPECT, &x->r))
	{
		assert_string_equal(sb_str(sb), "=");
		return "<null>";
	}
	return sb_str(sb) + 1;
}

/* desc() of a record with main data only */
static const char *
md(struct strbuf *sb, int major, uint8_t rmid, uint8_t info, const uint8_t *d, uint32_t n)
{
	static char out[1024];
	struct rec	x;

	rec_make(&x, rmid, info, d, n);
	snprintf(out, sizeof(out), "%s", desc(sb, major, &x));
	rec_free(&x);
	return out;
}

/* desc() of a record with main data and block 0 data */
static const char *
mdb(struct strbuf *sb, int major, uint8_t rmid, uint8_t info, const uint8_t *d, uint32_t n,
	const uint8_t *b, uint16_t bn)
{
	static char out[1024];
	struct rec	x;

	rec_make(&x, rmid, info, d, n);
	rec_blk(&x, b, bn);
	snprintf(out, sizeof(out), "%s", desc(sb, major, &x));
	rec_free(&x);
	return out;
}

/* RelFileNode / RelFileLocator 1663/16384/16500 at p */
static void
put_node(uint8_t *p)
{
	wr32(p, 1663);
	wr32(p + 4, 16384);
	wr32(p + 8, 16500);
}

static void
test_heap(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[64];

	(void) state;

	/* XLOG_HEAP_CONFIRM: xl_heap_confirm { offnum } */
	memset(d, 0, sizeof(d));
	wr16(d, 5);
	assert_string_equal(md(&sb, 10, RM_HEAP_ID, 0x50, d, 2), "off 5");
	assert_string_equal(md(&sb, 15, RM_HEAP_ID, 0x50, d, 2), "off 5");
	assert_string_equal(md(&sb, 16, RM_HEAP_ID, 0x50, d, 2), "off: 5");
	assert_string_equal(md(&sb, 16, RM_HEAP_ID, 0x50, d, 1), "<null>");

	/* XLOG_HEAP_INPLACE, 10..17: xl_heap_inplace { offnum } */
	assert_string_equal(md(&sb, 10, RM_HEAP_ID, 0x70, d, 2), "off 5");
	assert_string_equal(md(&sb, 17, RM_HEAP_ID, 0x70, d, 2), "off: 5");

	/*
	 * 18: offnum, dbId@4, tsId@8, relcacheInitFileInval@12, nmsgs@16,
	 * msgs@20 (SharedInvalidationMessage, 16 bytes; relcache: id -2,
	 * dbId@4, relId@8)
	 */
	memset(d, 0, sizeof(d));
	wr16(d, 5);
	wr32(d + 4, 16384);
	wr32(d + 8, 1663);
	d[12] = 1;
	wr32(d + 16, 1);
	d[20] = (uint8_t) -2;
	wr32(d + 24, 16384);
	wr32(d + 28, 16500);
	assert_string_equal(md(&sb, 18, RM_HEAP_ID, 0x70, d, 36),
						"off: 5; relcache init file inval dbid 16384 tsid 1663; inval msgs: relcache 16500");
	/* nmsgs 0: nothing after the offset, whatever the init file flag */
	wr32(d + 16, 0);
	assert_string_equal(md(&sb, 18, RM_HEAP_ID, 0x70, d, 20), "off: 5");
	/* shorter than MinSizeOfHeapInplace (20) */
	assert_string_equal(md(&sb, 18, RM_HEAP_ID, 0x70, d, 19), "<null>");
	/* nmsgs says 1, the message is not there */
	wr32(d + 16, 1);
	assert_string_equal(md(&sb, 18, RM_HEAP_ID, 0x70, d, 35), "<null>");

	/* XLOG_HEAP_TRUNCATE (11+): dbId, nrelids, flags@8, relids@12 */
	memset(d, 0, sizeof(d));
	wr32(d, 16384);
	wr32(d + 4, 1);
	d[8] = 0x03;
	wr32(d + 12, 16400);
	assert_string_equal(md(&sb, 11, RM_HEAP_ID, 0x30, d, 16),
						"cascade restart_seqs nrelids 1 relids 16400");
	assert_string_equal(md(&sb, 16, RM_HEAP_ID, 0x30, d, 16),
						"flags: [CASCADE, RESTART_SEQS], nrelids: 1, relids: [16400]");
	d[8] = 0x02;
	assert_string_equal(md(&sb, 17, RM_HEAP_ID, 0x30, d, 16),
						"flags: [RESTART_SEQS], nrelids: 1, relids: [16400]");
	d[8] = 0;
	wr32(d + 4, 0);
	assert_string_equal(md(&sb, 12, RM_HEAP_ID, 0x30, d, 12), "nrelids 0 relids");
	assert_string_equal(md(&sb, 18, RM_HEAP_ID, 0x30, d, 12), "flags: [], nrelids: 0, relids: []");
	/* nrelids 2, one relid there */
	wr32(d + 4, 2);
	assert_string_equal(md(&sb, 16, RM_HEAP_ID, 0x30, d, 16), "<null>");
	/* 10 has no TRUNCATE: 0x30 describes nothing */
	assert_string_equal(md(&sb, 10, RM_HEAP_ID, 0x30, d, 16), "");

	/* XLOG_HEAP_HOT_UPDATE, 10: "off %u xmax %u " infobits "; new off %u xmax %u" */
	memset(d, 0, sizeof(d));
	wr32(d, 600);
	wr16(d + 4, 2);
	d[6] = 0x10 | 0x04;			/* KEYS_UPDATED, EXCL_LOCK */
	d[7] = 0x01;
	wr32(d + 8, 601);
	wr16(d + 12, 9);
	assert_string_equal(md(&sb, 10, RM_HEAP_ID, 0x40, d, 14),
						"off 2 xmax 600 EXCL_LOCK KEYS_UPDATED ; new off 9 xmax 601");
	assert_string_equal(md(&sb, 12, RM_HEAP_ID, 0x40 | 0x80, d, 14),
						"off 2 xmax 600 flags 0x01 EXCL_LOCK KEYS_UPDATED ; new off 9 xmax 601");
	assert_string_equal(md(&sb, 16, RM_HEAP_ID, 0x40, d, 14),
						"old_xmax: 600, old_off: 2, old_infobits: [EXCL_LOCK, KEYS_UPDATED], "
						"flags: 0x01, new_xmax: 601, new_off: 9");
	assert_string_equal(md(&sb, 16, RM_HEAP_ID, 0x20, d, 13), "<null>");

	/* XLOG_HEAP_LOCK, 11: "off %u: xid %u: flags %u " infobits */
	memset(d, 0, sizeof(d));
	wr32(d, 77);
	wr16(d + 4, 4);
	d[6] = 0x08;				/* KEYSHR_LOCK */
	d[7] = 0x02;
	assert_string_equal(md(&sb, 11, RM_HEAP_ID, 0x60, d, 8), "off 4: xid 77: flags 2 KEYSHR_LOCK ");
	assert_string_equal(md(&sb, 14, RM_HEAP_ID, 0x60, d, 8), "off 4: xid 77: flags 0x02 KEYSHR_LOCK ");
	assert_string_equal(md(&sb, 16, RM_HEAP_ID, 0x60, d, 8),
						"xmax: 77, off: 4, infobits: [KEYSHR_LOCK], flags: 0x02");
	d[6] = 0;
	assert_string_equal(md(&sb, 17, RM_HEAP_ID, 0x60, d, 8),
						"xmax: 77, off: 4, infobits: [], flags: 0x02");
	assert_string_equal(md(&sb, 10, RM_HEAP_ID, 0x60, d, 8), "off 4: xid 77: flags 2 ");
	assert_string_equal(md(&sb, 10, RM_HEAP_ID, 0x60, d, 7), "<null>");

	/* XLOG_HEAP_DELETE, 12: "off %u flags 0x%02X " infobits */
	memset(d, 0, sizeof(d));
	wr32(d, 700);
	wr16(d + 4, 3);
	d[6] = 0x01 | 0x02;
	d[7] = 0x10;
	assert_string_equal(md(&sb, 11, RM_HEAP_ID, 0x10, d, 8), "off 3 IS_MULTI LOCK_ONLY ");
	assert_string_equal(md(&sb, 12, RM_HEAP_ID, 0x10, d, 8), "off 3 flags 0x10 IS_MULTI LOCK_ONLY ");

	sb_free(&sb);
}

static void
test_heap2(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[64],
				b[64];

	(void) state;

	/* XLOG_HEAP2_REWRITE: nothing, in every major */
	memset(d, 0, sizeof(d));
	assert_string_equal(md(&sb, 10, RM_HEAP2_ID, 0x00, d, 0), "");
	assert_string_equal(md(&sb, 18, RM_HEAP2_ID, 0x00, d, 40), "");

	/* 10..13 XLOG_HEAP2_CLEAN: xl_heap_clean { latestRemovedXid, nredirected, ndead } */
	wr32(d, 712);
	wr16(d + 4, 1);
	wr16(d + 6, 2);
	assert_string_equal(md(&sb, 10, RM_HEAP2_ID, 0x10, d, 8), "remxid 712");
	assert_string_equal(md(&sb, 12, RM_HEAP2_ID, 0x10, d, 8), "remxid 712");
	assert_string_equal(md(&sb, 12, RM_HEAP2_ID, 0x10, d, 7), "<null>");
	/* 14/15 XLOG_HEAP2_PRUNE, same struct */
	assert_string_equal(md(&sb, 15, RM_HEAP2_ID, 0x10, d, 8),
						"latestRemovedXid 712 nredirected 1 ndead 2");

	/* 10..13 XLOG_HEAP2_FREEZE_PAGE (0x20): xl_heap_freeze_page { cutoff_xid, ntuples } */
	memset(d, 0, sizeof(d));
	wr32(d, 800);
	wr16(d + 4, 3);
	assert_string_equal(md(&sb, 10, RM_HEAP2_ID, 0x20, d, 6), "cutoff xid 800 ntuples 3");
	assert_string_equal(md(&sb, 13, RM_HEAP2_ID, 0x20, d, 5), "<null>");
	/* 14/15 moved it to 0x30, the same record */
	assert_string_equal(md(&sb, 14, RM_HEAP2_ID, 0x30, d, 6), "cutoff xid 800 ntuples 3");

	/* 10..13 XLOG_HEAP2_CLEANUP_INFO (0x30): { RelFileNode node; latestRemovedXid@12 } */
	memset(d, 0, sizeof(d));
	put_node(d);
	wr32(d + 12, 901);
	assert_string_equal(md(&sb, 10, RM_HEAP2_ID, 0x30, d, 16), "remxid 901");
	assert_string_equal(md(&sb, 13, RM_HEAP2_ID, 0x30, d, 16), "remxid 901");
	assert_string_equal(md(&sb, 11, RM_HEAP2_ID, 0x30, d, 15), "<null>");

	/* 14/15 XLOG_HEAP2_VACUUM: xl_heap_vacuum { nunused }; 16 adds the offsets of block 0 */
	memset(d, 0, sizeof(d));
	wr16(d, 2);
	wr16(b, 4);
	wr16(b + 2, 5);
	assert_string_equal(md(&sb, 14, RM_HEAP2_ID, 0x20, d, 2), "nunused 2");
	assert_string_equal(mdb(&sb, 15, RM_HEAP2_ID, 0x20, d, 2, b, 4), "nunused 2");
	assert_string_equal(mdb(&sb, 16, RM_HEAP2_ID, 0x20, d, 2, b, 4), "nunused: 2, unused: [4, 5]");
	assert_string_equal(md(&sb, 16, RM_HEAP2_ID, 0x20, d, 2), "nunused: 2");
	assert_string_equal(mdb(&sb, 16, RM_HEAP2_ID, 0x20, d, 2, b, 3), "<null>");

	/* XLOG_HEAP2_LOCK_UPDATED: xl_heap_lock_updated { xmax, offnum, infobits_set, flags } */
	memset(d, 0, sizeof(d));
	wr32(d, 9);
	wr16(d + 4, 4);
	d[6] = 0x02;
	d[7] = 0x01;
	assert_string_equal(md(&sb, 10, RM_HEAP2_ID, 0x60, d, 8), "off 4: xmax 9: flags 1 LOCK_ONLY ");
	assert_string_equal(md(&sb, 12, RM_HEAP2_ID, 0x60, d, 8), "off 4: xmax 9: flags 0x01 LOCK_ONLY ");
	assert_string_equal(md(&sb, 16, RM_HEAP2_ID, 0x60, d, 8),
						"xmax: 9, off: 4, infobits: [LOCK_ONLY], flags: 0x01");
	assert_string_equal(md(&sb, 18, RM_HEAP2_ID, 0x60, d, 8),
						"xmax: 9, off: 4, infobits: [LOCK_ONLY], flags: 0x01");
	assert_string_equal(md(&sb, 18, RM_HEAP2_ID, 0x60, d, 7), "<null>");

	/*
	 * XLOG_HEAP2_NEW_CID: xl_heap_new_cid { top_xid, cmin@4, cmax@8,
	 * combocid@12, target_node@16, target_tid@28 (bi_hi, bi_lo, posid) }
	 */
	memset(d, 0, sizeof(d));
	wr32(d, 750);
	wr32(d + 4, 1);
	wr32(d + 8, 0xFFFFFFFF);
	wr32(d + 12, 0xFFFFFFFF);
	put_node(d + 16);
	wr16(d + 28, 1);			/* block 65538 */
	wr16(d + 30, 2);
	wr16(d + 32, 3);
	assert_string_equal(md(&sb, 10, RM_HEAP2_ID, 0x70, d, 34),
						"rel 1663/16384/16500; tid 65538/3; cmin: 1, cmax: 4294967295, combo: 4294967295");
	assert_string_equal(md(&sb, 15, RM_HEAP2_ID, 0x70, d, 34),
						"rel 1663/16384/16500; tid 65538/3; cmin: 1, cmax: 4294967295, combo: 4294967295");
	assert_string_equal(md(&sb, 16, RM_HEAP2_ID, 0x70, d, 34),
						"rel: 1663/16384/16500, tid: 65538/3, cmin: 1, cmax: 4294967295, combo: 4294967295");
	assert_string_equal(md(&sb, 17, RM_HEAP2_ID, 0x70, d, 33), "<null>");

	/* XLOG_HEAP2_VISIBLE, 10: flags %d */
	memset(d, 0, sizeof(d));
	wr32(d, 900);
	d[4] = 0x01;
	assert_string_equal(md(&sb, 10, RM_HEAP2_ID, 0x40, d, 5), "cutoff xid 900 flags 1");
	assert_string_equal(md(&sb, 14, RM_HEAP2_ID, 0x40, d, 5), "cutoff xid 900 flags 0x01");

	/* XLOG_HEAP2_MULTI_INSERT+INIT, 11: "%d tuples" */
	memset(d, 0, sizeof(d));
	d[0] = 0x01;
	wr16(d + 2, 3);
	assert_string_equal(md(&sb, 11, RM_HEAP2_ID, 0x50 | 0x80, d, 4), "3 tuples");
	/* 16: offsets only without INIT, and only with block data */
	wr16(d + 4, 1);
	wr16(d + 6, 2);
	wr16(d + 8, 3);
	b[0] = 0;
	assert_string_equal(mdb(&sb, 16, RM_HEAP2_ID, 0x50 | 0x80, d, 10, b, 1), "ntuples: 3, flags: 0x01");
	assert_string_equal(mdb(&sb, 16, RM_HEAP2_ID, 0x50, d, 10, b, 1),
						"ntuples: 3, flags: 0x01, offsets: [1, 2, 3]");
	/* the offsets claimed are not all there */
	assert_string_equal(mdb(&sb, 16, RM_HEAP2_ID, 0x50, d, 9, b, 1), "<null>");

	/*
	 * 17+ PRUNE_*: xl_heap_prune { reason, flags }, then the conflict
	 * horizon when XLHP_HAS_CONFLICT_HORIZON (0x08); isCatalogRel always.
	 */
	memset(d, 0, sizeof(d));
	d[0] = 1;
	d[1] = 0x02;				/* XLHP_IS_CATALOG_REL, no horizon */
	assert_string_equal(md(&sb, 17, RM_HEAP2_ID, 0x30, d, 2), ", isCatalogRel: T");
	d[1] = 0x08;
	wr32(d + 2, 4321);
	assert_string_equal(md(&sb, 18, RM_HEAP2_ID, 0x20, d, 6), "snapshotConflictHorizon: 4321, isCatalogRel: F");
	assert_string_equal(md(&sb, 18, RM_HEAP2_ID, 0x20, d, 5), "<null>");
	/*
	 * Block data with a freeze plan and unused items: xlhp_freeze_plans {
	 * nplans, pad, plan (xmax, infomask2, infomask, frzflags, pad, ntuples) },
	 * xlhp_prune_items { ntargets, data[] }, then the plans' offsets.
	 */
	d[1] = 0x08 | 0x10 | 0x80;
	memset(b, 0, sizeof(b));
	wr16(b, 1);
	wr32(b + 4, 0);
	wr16(b + 8, 0x0002);
	wr16(b + 10, 0x0B00);
	b[12] = 0;
	wr16(b + 14, 2);
	wr16(b + 16, 1);			/* 1 unused */
	wr16(b + 18, 9);
	wr16(b + 20, 3);			/* plan offsets */
	wr16(b + 22, 4);
	assert_string_equal(mdb(&sb, 17, RM_HEAP2_ID, 0x20, d, 6, b, 24),
						"snapshotConflictHorizon: 4321, isCatalogRel: F, nplans: 1, nredirected: 0, "
						"ndead: 0, nunused: 1, plans: [{ xmax: 0, infomask: 2816, infomask2: 2, "
						"ntuples: 2, offsets: [3, 4] }], unused: [9]");
	/* the plan's offsets cut short */
	assert_string_equal(mdb(&sb, 17, RM_HEAP2_ID, 0x20, d, 6, b, 23), "<null>");

	sb_free(&sb);
}

static void
test_btree(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[64],
				b[64];

	(void) state;

	/* XLOG_BTREE_INSERT_META: xl_btree_insert { offnum } */
	memset(d, 0, sizeof(d));
	wr16(d, 7);
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0x20, d, 2), "off 7");
	assert_string_equal(md(&sb, 16, RM_BTREE_ID, 0x20, d, 2), "off: 7");
	assert_string_equal(md(&sb, 16, RM_BTREE_ID, 0x20, d, 1), "<null>");
	/* 13..15 INSERT_POST, DEDUP */
	assert_string_equal(md(&sb, 13, RM_BTREE_ID, 0x50, d, 2), "off 7");
	assert_string_equal(md(&sb, 14, RM_BTREE_ID, 0x60, d, 2), "nintervals 7");

	/* 10 SPLIT_L_ROOT / SPLIT_R_ROOT, 11 SPLIT_L_HIGHKEY / SPLIT_R_HIGHKEY: xl_btree_split */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	wr16(d + 4, 5);
	wr16(d + 6, 6);
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0x50, d, 8), "level 1, firstright 5, newitemoff 6");
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0x60, d, 8), "level 1, firstright 5, newitemoff 6");
	assert_string_equal(md(&sb, 11, RM_BTREE_ID, 0x50, d, 8), "level 1, firstright 5");
	assert_string_equal(md(&sb, 11, RM_BTREE_ID, 0x60, d, 8), "level 1, firstright 5");
	assert_string_equal(md(&sb, 11, RM_BTREE_ID, 0x60, d, 7), "<null>");
	/* 13+ need postingoff too */
	assert_string_equal(md(&sb, 16, RM_BTREE_ID, 0x30, d, 9), "<null>");

	/* 10..12 XLOG_BTREE_VACUUM: xl_btree_vacuum { lastBlockVacuumed } */
	memset(d, 0, sizeof(d));
	wr32(d, 9);
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0xC0, d, 4), "lastBlockVacuumed 9");
	assert_string_equal(md(&sb, 12, RM_BTREE_ID, 0xC0, d, 4), "lastBlockVacuumed 9");
	assert_string_equal(md(&sb, 12, RM_BTREE_ID, 0xC0, d, 3), "<null>");
	/* 13+: { ndeleted, nupdated } */
	wr16(d, 1);
	wr16(d + 2, 1);
	assert_string_equal(md(&sb, 13, RM_BTREE_ID, 0xC0, d, 4), "ndeleted 1; nupdated 1");
	/* 16+: then deleted[], updated[], xl_btree_update { ndeletedtids, ptids[] } */
	memset(b, 0, sizeof(b));
	wr16(b, 3);
	wr16(b + 2, 5);
	wr16(b + 4, 2);
	wr16(b + 6, 0);
	wr16(b + 8, 4);
	assert_string_equal(mdb(&sb, 16, RM_BTREE_ID, 0xC0, d, 4, b, 10),
						"ndeleted: 1, nupdated: 1, deleted: [3], updated: [{ off: 5, nptids: 2, ptids: [0, 4] }]");
	assert_string_equal(md(&sb, 16, RM_BTREE_ID, 0xC0, d, 4), "ndeleted: 1, nupdated: 1");
	/* the last ptid missing */
	assert_string_equal(mdb(&sb, 16, RM_BTREE_ID, 0xC0, d, 4, b, 9), "<null>");

	/* 10/11 XLOG_BTREE_DELETE: { RelFileNode hnode; int nitems@12 } */
	memset(d, 0, sizeof(d));
	put_node(d);
	wr32(d + 12, 4);
	assert_string_equal(md(&sb, 11, RM_BTREE_ID, 0x70, d, 16), "4 items");
	assert_string_equal(md(&sb, 11, RM_BTREE_ID, 0x70, d, 15), "<null>");
	/* 16: { snapshotConflictHorizon, ndeleted, nupdated, isCatalogRel }; 17 prints the flag */
	memset(d, 0, sizeof(d));
	wr32(d, 750);
	wr16(d + 4, 1);
	wr16(d + 6, 0);
	d[8] = 1;
	wr16(b, 2);
	assert_string_equal(mdb(&sb, 16, RM_BTREE_ID, 0x70, d, 9, b, 2),
						"snapshotConflictHorizon: 750, ndeleted: 1, nupdated: 0, deleted: [2], updated: []");
	assert_string_equal(mdb(&sb, 17, RM_BTREE_ID, 0x70, d, 9, b, 2),
						"snapshotConflictHorizon: 750, ndeleted: 1, nupdated: 0, isCatalogRel: T, "
						"deleted: [2], updated: []");
	assert_string_equal(md(&sb, 18, RM_BTREE_ID, 0x70, d, 8), "<null>");

	/* XLOG_BTREE_MARK_PAGE_HALFDEAD: poffset, leafblk@4, leftblk@8, rightblk@12, topparent@16 */
	memset(d, 0, sizeof(d));
	wr16(d, 1);
	wr32(d + 4, 5);
	wr32(d + 8, 6);
	wr32(d + 12, 7);
	wr32(d + 16, 4);
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0xB0, d, 20), "topparent 4; leaf 5; left 6; right 7");
	assert_string_equal(md(&sb, 16, RM_BTREE_ID, 0xB0, d, 20), "topparent: 4, leaf: 5, left: 6, right: 7");
	assert_string_equal(md(&sb, 16, RM_BTREE_ID, 0xB0, d, 19), "<null>");

	/* 10..13 XLOG_BTREE_UNLINK_PAGE(_META): leftsib, rightsib, leafleftsib, leafrightsib, topparent, btpo_xact */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	wr32(d + 4, 2);
	wr32(d + 8, 3);
	wr32(d + 12, 4);
	wr32(d + 16, 5);
	wr32(d + 20, 900);
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0x90, d, 24),
						"left 1; right 2; btpo_xact 900; leafleft 3; leafright 4; topparent 5");
	assert_string_equal(md(&sb, 13, RM_BTREE_ID, 0x80, d, 24),
						"left 1; right 2; btpo_xact 900; leafleft 3; leafright 4; topparent 5");
	assert_string_equal(md(&sb, 12, RM_BTREE_ID, 0x80, d, 23), "<null>");
	/* 14+: leftsib, rightsib, level, pad, safexid (u64)@16, leafleftsib@24, leafrightsib@28, leaftopparent@32 */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	wr32(d + 4, 2);
	wr32(d + 8, 0);
	wr64(d + 16, ((uint64_t) 1 << 32) | 900);
	wr32(d + 24, 3);
	wr32(d + 28, 4);
	wr32(d + 32, 5);
	assert_string_equal(md(&sb, 14, RM_BTREE_ID, 0x90, d, 36),
						"left 1; right 2; level 0; safexid 1:900; leafleft 3; leafright 4; leaftopparent 5");
	assert_string_equal(md(&sb, 18, RM_BTREE_ID, 0x90, d, 36),
						"left: 1, right: 2, level: 0, safexid: 1:900, leafleft: 3, leafright: 4, leaftopparent: 5");
	assert_string_equal(md(&sb, 18, RM_BTREE_ID, 0x80, d, 35), "<null>");

	/* XLOG_BTREE_NEWROOT: rootblk, level */
	memset(d, 0, sizeof(d));
	wr32(d, 3);
	wr32(d + 4, 2);
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0xA0, d, 8), "lev 2");
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0xA0, d, 7), "<null>");

	/* 10..13 XLOG_BTREE_REUSE_PAGE: node, block@12, latestRemovedXid@16 */
	memset(d, 0, sizeof(d));
	put_node(d);
	wr32(d + 12, 8);
	wr32(d + 16, 900);
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0xD0, d, 20), "rel 1663/16384/16500; latestRemovedXid 900");
	assert_string_equal(md(&sb, 13, RM_BTREE_ID, 0xD0, d, 19), "<null>");
	/* 14+: FullTransactionId@16; 16 adds isCatalogRel@24, 17 prints it */
	wr64(d + 16, ((uint64_t) 1 << 32) | 900);
	d[24] = 0;
	assert_string_equal(md(&sb, 14, RM_BTREE_ID, 0xD0, d, 24), "rel 1663/16384/16500; latestRemovedXid 1:900");
	assert_string_equal(md(&sb, 16, RM_BTREE_ID, 0xD0, d, 25),
						"rel: 1663/16384/16500, snapshotConflictHorizon: 1:900");
	assert_string_equal(md(&sb, 17, RM_BTREE_ID, 0xD0, d, 25),
						"rel: 1663/16384/16500, snapshotConflictHorizon: 1:900, isCatalogRel: F");
	assert_string_equal(md(&sb, 17, RM_BTREE_ID, 0xD0, d, 24), "<null>");

	/*
	 * XLOG_BTREE_META_CLEANUP: xl_btree_metadata in block 0.  11: root,
	 * level, fastroot, fastlevel, oldest_btpo_xact@16, float8@24; 12/13 put
	 * version first (oldest_btpo_xact@20); 14+: last_cleanup_num_delpages@20.
	 */
	memset(d, 0, sizeof(d));
	memset(b, 0, sizeof(b));
	{
		double		f = 12.5;
		uint64_t	bits;

		memcpy(&bits, &f, sizeof(bits));
		wr64(b + 24, bits);
	}
	wr32(b + 16, 800);
	assert_string_equal(mdb(&sb, 11, RM_BTREE_ID, 0xE0, d, 0, b, 32),
						"oldest_btpo_xact 800; last_cleanup_num_heap_tuples: 12.500000");
	wr32(b + 16, 0);
	wr32(b + 20, 801);
	assert_string_equal(mdb(&sb, 12, RM_BTREE_ID, 0xE0, d, 0, b, 32),
						"oldest_btpo_xact 801; last_cleanup_num_heap_tuples: 12.500000");
	assert_string_equal(mdb(&sb, 13, RM_BTREE_ID, 0xE0, d, 0, b, 31), "<null>");
	wr32(b + 20, 3);
	assert_string_equal(mdb(&sb, 14, RM_BTREE_ID, 0xE0, d, 0, b, 24), "last_cleanup_num_delpages 3");
	assert_string_equal(mdb(&sb, 16, RM_BTREE_ID, 0xE0, d, 0, b, 24), "last_cleanup_num_delpages: 3");
	assert_string_equal(mdb(&sb, 16, RM_BTREE_ID, 0xE0, d, 0, b, 23), "<null>");
	assert_string_equal(md(&sb, 16, RM_BTREE_ID, 0xE0, d, 0), "<null>");
	/* 10 has no META_CLEANUP */
	assert_string_equal(md(&sb, 10, RM_BTREE_ID, 0xE0, d, 0), "");

	sb_free(&sb);
}

/* BlockIdData { bi_hi, bi_lo } of blk at p */
static void
put_blockid(uint8_t *p, uint32_t blk)
{
	wr16(p, (uint16_t) (blk >> 16));
	wr16(p + 2, (uint16_t) blk);
}

static void
test_gin(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[80],
				b[80];
	struct rec	x;

	(void) state;
	memset(d, 0, sizeof(d));
	memset(b, 0, sizeof(b));

	/* no further information: CREATE_INDEX (10/11), CREATE_PTREE, VACUUM_PAGE, DELETE_PAGE, ... */
	assert_string_equal(md(&sb, 10, RM_GIN_ID, 0x00, d, 0), "");
	assert_string_equal(md(&sb, 10, RM_GIN_ID, 0x10, d, 8), "");
	assert_string_equal(md(&sb, 16, RM_GIN_ID, 0x10, d, 8), "");
	assert_string_equal(md(&sb, 12, RM_GIN_ID, 0x40, d, 0), "");
	assert_string_equal(md(&sb, 17, RM_GIN_ID, 0x50, d, 16), "");
	assert_string_equal(md(&sb, 11, RM_GIN_ID, 0x60, d, 0), "");
	assert_string_equal(md(&sb, 11, RM_GIN_ID, 0x70, d, 0), "");

	/* XLOG_GIN_INSERT, entry leaf: ginxlogInsertEntry { offset, isDelete, tuple } in block 0 */
	wr16(d, 0x02);				/* GIN_INSERT_ISLEAF */
	wr16(b, 3);
	b[2] = 1;
	assert_string_equal(mdb(&sb, 10, RM_GIN_ID, 0x20, d, 2, b, 8), "isdata: F isleaf: T isdelete: T");
	assert_string_equal(mdb(&sb, 16, RM_GIN_ID, 0x20, d, 2, b, 8), "isdata: F isleaf: T isdelete: T");
	assert_string_equal(mdb(&sb, 16, RM_GIN_ID, 0x20, d, 2, b, 2), "<null>");

	/*
	 * Internal data page: flags ISDATA; main data then has the children
	 * (BlockIdData left@2, right@6); block 0 a ginxlogInsertDataInternal
	 * { offset, PostingItem { child_blkno@2, key (bi_hi, bi_lo, posid)@6 } },
	 * 12 bytes.
	 */
	wr16(d, 0x01);
	put_blockid(d + 2, 5);
	put_blockid(d + 6, 6);
	memset(b, 0, sizeof(b));
	wr16(b, 2);
	put_blockid(b + 2, 7);
	put_blockid(b + 6, 8);
	wr16(b + 10, 9);
	assert_string_equal(mdb(&sb, 11, RM_GIN_ID, 0x20, d, 10, b, 12),
						"isdata: T isleaf: F children: 5/6 pitem: 7-8/9");
	assert_string_equal(mdb(&sb, 15, RM_GIN_ID, 0x20, d, 10, b, 12),
						"isdata: T isleaf: F children: 5/6 pitem: 7-8/9");
	assert_string_equal(mdb(&sb, 15, RM_GIN_ID, 0x20, d, 10, b, 11), "<null>");
	assert_string_equal(mdb(&sb, 15, RM_GIN_ID, 0x20, d, 9, b, 12), "<null>");
	/* block 0 has an image: its data is not looked at */
	rec_make(&x, RM_GIN_ID, 0x20, d, 10);
	rec_blk(&x, b, 0);
	x.r.blocks[0].has_image = true;
	x.r.blocks[0].apply_image = true;
	assert_string_equal(desc(&sb, 10, &x), "isdata: T isleaf: F children: 5/6 (full page image)");
	x.r.blocks[0].apply_image = false;
	assert_string_equal(desc(&sb, 16, &x),
						"isdata: T isleaf: F children: 5/6 (full page image, for WAL verification)");
	rec_free(&x);

	/*
	 * Leaf data page: ginxlogRecompressDataLeaf { nactions } then per
	 * action segno, action, and ADDITEMS: nitems + ItemPointers; INSERT /
	 * REPLACE: a GinPostingList (first 6, nbytes, bytes, SHORTALIGNed).
	 */
	wr16(d, 0x03);
	memset(b, 0, sizeof(b));
	wr16(b, 3);
	b[2] = 0;
	b[3] = 4;					/* ADDITEMS */
	wr16(b + 4, 2);				/* 2 items: 12 bytes */
	b[18] = 1;
	b[19] = 1;					/* DELETE */
	b[20] = 2;
	b[21] = 2;					/* INSERT */
	wr16(b + 28, 3);			/* nbytes 3: 8 + 4 bytes */
	assert_string_equal(mdb(&sb, 12, RM_GIN_ID, 0x20, d, 2, b, 34),
						"isdata: T isleaf: T 3 segments: 0 (add 2 items) 1 (delete) 2 (insert)");
	/* the posting list runs past the data */
	assert_string_equal(mdb(&sb, 12, RM_GIN_ID, 0x20, d, 2, b, 33), "<null>");
	/* no block 0 at all */
	assert_string_equal(md(&sb, 12, RM_GIN_ID, 0x20, d, 2), "<null>");

	/* XLOG_GIN_VACUUM_DATA_LEAF_PAGE: ginxlogVacuumDataLeafPage, the same actions */
	memset(b, 0, sizeof(b));
	wr16(b, 1);
	b[2] = 4;
	b[3] = 3;					/* REPLACE */
	wr16(b + 10, 0);
	assert_string_equal(mdb(&sb, 10, RM_GIN_ID, 0x90, d, 0, b, 12), " 1 segments: 4 (replace)");
	assert_string_equal(mdb(&sb, 18, RM_GIN_ID, 0x90, d, 0, b, 12), " 1 segments: 4 (replace)");
	/* an unknown action stops the list */
	b[3] = 9;
	assert_string_equal(mdb(&sb, 18, RM_GIN_ID, 0x90, d, 0, b, 12), " 1 segments: 4 unknown action 9 ???");
	assert_string_equal(mdb(&sb, 18, RM_GIN_ID, 0x90, d, 0, b, 1), "<null>");
	rec_make(&x, RM_GIN_ID, 0x90, d, 0);
	rec_blk(&x, b, 0);
	x.r.blocks[0].has_image = true;
	x.r.blocks[0].apply_image = true;
	assert_string_equal(desc(&sb, 13, &x), " (full page image)");
	rec_free(&x);

	/* XLOG_GIN_SPLIT: ginxlogSplit { node, rrlink, leftChildBlkno, rightChildBlkno, flags@24 } */
	memset(d, 0, sizeof(d));
	put_node(d);
	wr16(d + 24, 0x04 | 0x02);
	assert_string_equal(md(&sb, 10, RM_GIN_ID, 0x30, d, 26), "isrootsplit: T isdata: F isleaf: T");
	assert_string_equal(md(&sb, 10, RM_GIN_ID, 0x30, d, 25), "<null>");

	/* XLOG_GIN_DELETE_LISTPAGE: ginxlogDeleteListPages { GinMetaPageData (56), ndeleted@56 } */
	memset(d, 0, sizeof(d));
	wr32(d + 56, 3);
	assert_string_equal(md(&sb, 11, RM_GIN_ID, 0x80, d, 60), "ndeleted: 3");
	assert_string_equal(md(&sb, 11, RM_GIN_ID, 0x80, d, 59), "<null>");

	sb_free(&sb);
}

static void
test_gist(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[64];

	(void) state;
	memset(d, 0, sizeof(d));

	/* PAGE_UPDATE, CREATE_INDEX (10/11), ASSIGN_LSN (13+): nothing */
	assert_string_equal(md(&sb, 10, RM_GIST_ID, 0x00, d, 4), "");
	assert_string_equal(md(&sb, 11, RM_GIST_ID, 0x50, d, 0), "");
	assert_string_equal(md(&sb, 13, RM_GIST_ID, 0x70, d, 0), "");

	/* PAGE_SPLIT: gistxlogPageSplit { origrlink, orignsn@8, origleaf@16, npage@18, markfollowright } */
	wr16(d + 18, 2);
	assert_string_equal(md(&sb, 10, RM_GIST_ID, 0x30, d, 21), "page_split: splits to 2 pages");
	assert_string_equal(md(&sb, 10, RM_GIST_ID, 0x30, d, 19), "<null>");

	/* 12+ DELETE: gistxlogDelete { latestRemovedXid, ntodelete }; 16 renames, 17 isCatalogRel@6 */
	memset(d, 0, sizeof(d));
	wr32(d, 900);
	wr16(d + 4, 3);
	d[6] = 1;
	assert_string_equal(md(&sb, 12, RM_GIST_ID, 0x10, d, 6), "delete: latestRemovedXid 900, nitems: 3");
	assert_string_equal(md(&sb, 15, RM_GIST_ID, 0x10, d, 6), "delete: latestRemovedXid 900, nitems: 3");
	assert_string_equal(md(&sb, 16, RM_GIST_ID, 0x10, d, 8), "delete: snapshotConflictHorizon 900, nitems: 3");
	assert_string_equal(md(&sb, 17, RM_GIST_ID, 0x10, d, 8),
						"delete: snapshotConflictHorizon 900, nitems: 3, isCatalogRel T");
	assert_string_equal(md(&sb, 12, RM_GIST_ID, 0x10, d, 5), "<null>");
	assert_string_equal(md(&sb, 17, RM_GIST_ID, 0x10, d, 6), "<null>");
	/* 10/11 have no DELETE */
	assert_string_equal(md(&sb, 10, RM_GIST_ID, 0x10, d, 6), "");

	/* 12+ PAGE_REUSE: { node, block@12, FullTransactionId@16, isCatalogRel@24 (16+) } */
	memset(d, 0, sizeof(d));
	put_node(d);
	wr32(d + 12, 7);
	wr64(d + 16, 900);
	assert_string_equal(md(&sb, 12, RM_GIST_ID, 0x20, d, 24),
						"rel 1663/16384/16500; blk 7; latestRemovedXid 0:900");
	assert_string_equal(md(&sb, 16, RM_GIST_ID, 0x20, d, 25),
						"rel 1663/16384/16500; blk 7; snapshotConflictHorizon 0:900");
	assert_string_equal(md(&sb, 18, RM_GIST_ID, 0x20, d, 25),
						"rel 1663/16384/16500; blk 7; snapshotConflictHorizon 0:900, isCatalogRel F");
	assert_string_equal(md(&sb, 13, RM_GIST_ID, 0x20, d, 23), "<null>");
	assert_string_equal(md(&sb, 17, RM_GIST_ID, 0x20, d, 24), "<null>");

	/* 12+ PAGE_DELETE: { FullTransactionId deleteXid, downlinkOffset@8 } */
	memset(d, 0, sizeof(d));
	wr64(d, ((uint64_t) 1 << 32) | 900);
	wr16(d + 8, 3);
	assert_string_equal(md(&sb, 12, RM_GIST_ID, 0x60, d, 10), "deleteXid 1:900; downlink 3");
	assert_string_equal(md(&sb, 18, RM_GIST_ID, 0x60, d, 10), "deleteXid 1:900; downlink 3");
	assert_string_equal(md(&sb, 18, RM_GIST_ID, 0x60, d, 9), "<null>");

	sb_free(&sb);
}

static void
test_hash(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[64];
	double		f;
	uint64_t	bits;

	(void) state;

	/* INIT_META_PAGE: { double num_tuples, procid@8, ffactor@12 } */
	memset(d, 0, sizeof(d));
	f = 1000;
	memcpy(&bits, &f, sizeof(bits));
	wr64(d, bits);
	wr32(d + 8, 450);
	wr16(d + 12, 75);
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0x00, d, 16), "num_tuples 1000, fillfactor 75");
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0x00, d, 13), "<null>");

	/* INIT_BITMAP_PAGE { bmsize }, INSERT { offnum }, ADD_OVFL_PAGE { bmsize, bmpage_found } */
	memset(d, 0, sizeof(d));
	wr16(d, 4096);
	d[2] = 1;
	assert_string_equal(md(&sb, 11, RM_HASH_ID, 0x10, d, 2), "bmsize 4096");
	assert_string_equal(md(&sb, 11, RM_HASH_ID, 0x20, d, 2), "off 4096");
	assert_string_equal(md(&sb, 11, RM_HASH_ID, 0x30, d, 4), "bmsize 4096, bmpage_found T");
	assert_string_equal(md(&sb, 11, RM_HASH_ID, 0x30, d, 2), "<null>");

	/* SPLIT_ALLOCATE_PAGE { new_bucket, old_bucket_flag@4, new_bucket_flag@6, flags@8 } */
	memset(d, 0, sizeof(d));
	wr32(d, 5);
	d[8] = 0x01;
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0x40, d, 9),
						"new_bucket 5, meta_page_masks_updated T, issplitpoint_changed F");
	d[8] = 0x02;
	assert_string_equal(md(&sb, 17, RM_HASH_ID, 0x40, d, 12),
						"new_bucket 5, meta_page_masks_updated F, issplitpoint_changed T");
	assert_string_equal(md(&sb, 17, RM_HASH_ID, 0x40, d, 8), "<null>");

	/* SPLIT_PAGE, SPLIT_CLEANUP: nothing */
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0x50, d, 0), "");
	assert_string_equal(md(&sb, 18, RM_HASH_ID, 0xA0, d, 0), "");

	/* SPLIT_COMPLETE { old_bucket_flag, new_bucket_flag } */
	memset(d, 0, sizeof(d));
	wr16(d, 2);
	wr16(d + 2, 4);
	assert_string_equal(md(&sb, 12, RM_HASH_ID, 0x60, d, 4), "old_bucket_flag 2, new_bucket_flag 4");
	assert_string_equal(md(&sb, 12, RM_HASH_ID, 0x60, d, 3), "<null>");

	/* MOVE_PAGE_CONTENTS { ntups, is_prim_bucket_same_wrt } */
	memset(d, 0, sizeof(d));
	wr16(d, 3);
	d[2] = 1;
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0x70, d, 4), "ntups 3, is_primary T");
	assert_string_equal(md(&sb, 16, RM_HASH_ID, 0x70, d, 4), "ntups 3, is_primary T");
	assert_string_equal(md(&sb, 16, RM_HASH_ID, 0x70, d, 2), "<null>");

	/* SQUEEZE_PAGE { prevblkno, nextblkno, ntups@8, is_prim_bucket_same_wrt@10, is_prev...@11 } */
	memset(d, 0, sizeof(d));
	wr32(d, 1);
	wr32(d + 4, 0xFFFFFFFF);
	wr16(d + 8, 2);
	assert_string_equal(md(&sb, 13, RM_HASH_ID, 0x80, d, 12),
						"prevblkno 1, nextblkno 4294967295, ntups 2, is_primary F");
	assert_string_equal(md(&sb, 13, RM_HASH_ID, 0x80, d, 10), "<null>");

	/* DELETE { clear_dead_marking, is_primary_bucket_page } */
	memset(d, 0, sizeof(d));
	d[0] = 1;
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0x90, d, 2), "clear_dead_marking T, is_primary F");

	/* UPDATE_META_PAGE { double ntuples } */
	f = 2.5;
	memcpy(&bits, &f, sizeof(bits));
	wr64(d, bits);
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0xB0, d, 8), "ntuples 2.5");
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0xB0, d, 7), "<null>");

	/* VACUUM_ONE_PAGE, 10/11: { RelFileNode hnode; int ntuples@12 } */
	memset(d, 0, sizeof(d));
	put_node(d);
	wr32(d + 12, 3);
	assert_string_equal(md(&sb, 10, RM_HASH_ID, 0xC0, d, 16), "ntuples 3");
	assert_string_equal(md(&sb, 11, RM_HASH_ID, 0xC0, d, 15), "<null>");
	/* 12..15: { latestRemovedXid, int ntuples@4 }; 14 renamed the label */
	memset(d, 0, sizeof(d));
	wr32(d, 900);
	wr32(d + 4, 3);
	assert_string_equal(md(&sb, 12, RM_HASH_ID, 0xC0, d, 8), "ntuples 3, latest removed xid 900");
	assert_string_equal(md(&sb, 13, RM_HASH_ID, 0xC0, d, 8), "ntuples 3, latest removed xid 900");
	assert_string_equal(md(&sb, 14, RM_HASH_ID, 0xC0, d, 8), "ntuples 3, latestRemovedXid 900");
	assert_string_equal(md(&sb, 15, RM_HASH_ID, 0xC0, d, 7), "<null>");
	/* 16+: { snapshotConflictHorizon, uint16 ntuples@4, isCatalogRel@6, offsets } */
	memset(d, 0, sizeof(d));
	wr32(d, 900);
	wr16(d + 4, 3);
	d[6] = 1;
	assert_string_equal(md(&sb, 16, RM_HASH_ID, 0xC0, d, 8), "ntuples 3, snapshotConflictHorizon 900");
	assert_string_equal(md(&sb, 17, RM_HASH_ID, 0xC0, d, 8),
						"ntuples 3, snapshotConflictHorizon 900, isCatalogRel T");
	assert_string_equal(md(&sb, 18, RM_HASH_ID, 0xC0, d, 6), "<null>");

	sb_free(&sb);
}

static void
test_spgist(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[64];

	(void) state;
	memset(d, 0, sizeof(d));

	/* 10/11 CREATE_INDEX, 10..13 VACUUM_LEAF and VACUUM_ROOT: nothing */
	assert_string_equal(md(&sb, 10, RM_SPGIST_ID, 0x00, d, 0), "");
	assert_string_equal(md(&sb, 12, RM_SPGIST_ID, 0x60, d, 16), "");
	assert_string_equal(md(&sb, 13, RM_SPGIST_ID, 0x70, d, 10), "");

	/* ADD_LEAF { newPage, storesNulls, offnumLeaf@2, offnumHeadLeaf@4, offnumParent@6, nodeI@8 } */
	d[0] = 1;
	d[1] = 1;
	wr16(d + 2, 3);
	wr16(d + 4, 0);
	wr16(d + 6, 2);
	wr16(d + 8, 1);
	assert_string_equal(md(&sb, 10, RM_SPGIST_ID, 0x10, d, 10),
						"add leaf to page; off 3; headoff 0; parentoff 2 (newpage) (nulls)");
	assert_string_equal(md(&sb, 14, RM_SPGIST_ID, 0x10, d, 10),
						"off: 3, headoff: 0, parentoff: 2, nodeI: 1 (newpage) (nulls)");
	assert_string_equal(md(&sb, 10, RM_SPGIST_ID, 0x10, d, 9), "<null>");

	/* MOVE_LEAFS { nMoves, newPage@2, replaceDead@3, storesNulls@4, offnumParent@6, nodeI@8 } */
	memset(d, 0, sizeof(d));
	wr16(d, 4);
	d[3] = 1;
	wr16(d + 6, 2);
	wr16(d + 8, 1);
	assert_string_equal(md(&sb, 11, RM_SPGIST_ID, 0x20, d, 16), "4 leafs");
	assert_string_equal(md(&sb, 16, RM_SPGIST_ID, 0x20, d, 16), "nmoves: 4, parentoff: 2, nodeI: 1 (replacedead)");
	assert_string_equal(md(&sb, 16, RM_SPGIST_ID, 0x20, d, 9), "<null>");

	/* ADD_NODE { offnum, offnumNew@2, newPage@4, int8 parentBlk@5, offnumParent@6, nodeI@8 } */
	memset(d, 0, sizeof(d));
	wr16(d, 5);
	wr16(d + 2, 1);
	d[4] = 1;
	d[5] = 0xFF;
	wr16(d + 6, 2);
	wr16(d + 8, 3);
	assert_string_equal(md(&sb, 10, RM_SPGIST_ID, 0x30, d, 16), "off 5");
	assert_string_equal(md(&sb, 17, RM_SPGIST_ID, 0x30, d, 16),
						"off: 5, newoff: 1, parentBlk: -1, parentoff: 2, nodeI: 3 (newpage)");
	assert_string_equal(md(&sb, 17, RM_SPGIST_ID, 0x30, d, 9), "<null>");
	assert_string_equal(md(&sb, 10, RM_SPGIST_ID, 0x30, d, 1), "<null>");

	/* SPLIT_TUPLE { offnumPrefix, offnumPostfix, newPage@4, postfixBlkSame@5 } */
	memset(d, 0, sizeof(d));
	wr16(d, 2);
	wr16(d + 2, 3);
	d[4] = 0;
	d[5] = 1;
	assert_string_equal(md(&sb, 10, RM_SPGIST_ID, 0x40, d, 6), "prefix off: 2, postfix off: 3 (same 1, new 0)");
	assert_string_equal(md(&sb, 14, RM_SPGIST_ID, 0x40, d, 6), "prefixoff: 2, postfixoff: 3 (same)");
	d[4] = 1;
	assert_string_equal(md(&sb, 18, RM_SPGIST_ID, 0x40, d, 6), "prefixoff: 2, postfixoff: 3 (newpage) (same)");
	assert_string_equal(md(&sb, 18, RM_SPGIST_ID, 0x40, d, 5), "<null>");

	/*
	 * PICKSPLIT { isRootSplit, nDelete@2, nInsert@4, initSrc, initDest,
	 * offnumInner@8, initInner@10, storesNulls@11, innerIsParent@12,
	 * offnumParent@14, nodeI@16, stateSrc }
	 */
	memset(d, 0, sizeof(d));
	d[0] = 1;
	wr16(d + 2, 2);
	wr16(d + 4, 3);
	wr16(d + 8, 4);
	d[11] = 1;
	d[12] = 1;
	wr16(d + 14, 5);
	wr16(d + 16, 6);
	assert_string_equal(md(&sb, 12, RM_SPGIST_ID, 0x50, d, 28), "ndel 2; nins 3 (innerIsParent) (isRootSplit)");
	assert_string_equal(md(&sb, 16, RM_SPGIST_ID, 0x50, d, 28),
						"ndelete: 2, ninsert: 3, inneroff: 4, parentoff: 5, nodeI: 6 (innerIsParent) (nulls) (isRootSplit)");
	assert_string_equal(md(&sb, 12, RM_SPGIST_ID, 0x50, d, 12), "<null>");
	assert_string_equal(md(&sb, 16, RM_SPGIST_ID, 0x50, d, 17), "<null>");

	/* 14+ VACUUM_LEAF { nDead, nPlaceholder, nMove, nChain }, VACUUM_ROOT { nDelete } */
	memset(d, 0, sizeof(d));
	wr16(d, 1);
	wr16(d + 2, 2);
	wr16(d + 4, 3);
	wr16(d + 6, 4);
	assert_string_equal(md(&sb, 14, RM_SPGIST_ID, 0x60, d, 16), "ndead: 1, nplaceholder: 2, nmove: 3, nchain: 4");
	assert_string_equal(md(&sb, 14, RM_SPGIST_ID, 0x60, d, 7), "<null>");
	assert_string_equal(md(&sb, 16, RM_SPGIST_ID, 0x70, d, 12), "ndelete: 1");
	assert_string_equal(md(&sb, 16, RM_SPGIST_ID, 0x70, d, 1), "<null>");

	/* VACUUM_REDIRECT { nToPlaceholder, firstPlaceholder, xid@4, isCatalogRel@8 (16+) } */
	memset(d, 0, sizeof(d));
	wr16(d, 2);
	wr16(d + 2, 7);
	wr32(d + 4, 900);
	d[8] = 1;
	assert_string_equal(md(&sb, 10, RM_SPGIST_ID, 0x80, d, 8), "newest XID 900");
	assert_string_equal(md(&sb, 15, RM_SPGIST_ID, 0x80, d, 8),
						"ntoplaceholder: 2, firstplaceholder: 7, newestredirectxid: 900");
	assert_string_equal(md(&sb, 16, RM_SPGIST_ID, 0x80, d, 10),
						"ntoplaceholder: 2, firstplaceholder: 7, snapshotConflictHorizon: 900");
	assert_string_equal(md(&sb, 17, RM_SPGIST_ID, 0x80, d, 10),
						"ntoplaceholder: 2, firstplaceholder: 7, snapshotConflictHorizon: 900, isCatalogRel: T");
	assert_string_equal(md(&sb, 10, RM_SPGIST_ID, 0x80, d, 7), "<null>");
	assert_string_equal(md(&sb, 17, RM_SPGIST_ID, 0x80, d, 8), "<null>");

	sb_free(&sb);
}

static void
test_brin_seq(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[64];

	(void) state;

	/* CREATE_INDEX { pagesPerRange, version@4 } */
	memset(d, 0, sizeof(d));
	wr32(d, 128);
	wr16(d + 4, 1);
	assert_string_equal(md(&sb, 10, RM_BRIN_ID, 0x00, d, 6), "v1 pagesPerRange 128");
	assert_string_equal(md(&sb, 10, RM_BRIN_ID, 0x00, d, 5), "<null>");

	/* UPDATE { oldOffnum, xl_brin_insert insert@4 { heapBlk, pagesPerRange, offnum } } */
	memset(d, 0, sizeof(d));
	wr16(d, 3);
	wr32(d + 4, 10);
	wr32(d + 8, 128);
	wr16(d + 12, 4);
	assert_string_equal(md(&sb, 10, RM_BRIN_ID, 0x20, d, 14),
						"heapBlk 10 pagesPerRange 128 old offnum 3, new offnum 4");
	/* with XLOG_BRIN_INIT_PAGE (0x80) */
	assert_string_equal(md(&sb, 18, RM_BRIN_ID, 0x20 | 0x80, d, 14),
						"heapBlk 10 pagesPerRange 128 old offnum 3, new offnum 4");
	assert_string_equal(md(&sb, 18, RM_BRIN_ID, 0x20, d, 13), "<null>");

	/* DESUMMARIZE { pagesPerRange, heapBlk, regOffset@8 } */
	memset(d, 0, sizeof(d));
	wr32(d, 128);
	wr32(d + 4, 256);
	wr16(d + 8, 5);
	assert_string_equal(md(&sb, 10, RM_BRIN_ID, 0x50, d, 10), "pagesPerRange 128, heapBlk 256, page offset 5");
	assert_string_equal(md(&sb, 17, RM_BRIN_ID, 0x50, d, 10), "pagesPerRange 128, heapBlk 256, page offset 5");
	assert_string_equal(md(&sb, 17, RM_BRIN_ID, 0x50, d, 9), "<null>");

	/* REVMAP_EXTEND { targetBlk }, SAMEPAGE_UPDATE { offnum }, INSERT, in 10 */
	memset(d, 0, sizeof(d));
	wr32(d, 2);
	wr32(d + 4, 128);
	wr16(d + 8, 6);
	assert_string_equal(md(&sb, 10, RM_BRIN_ID, 0x40, d, 4), "targetBlk 2");
	assert_string_equal(md(&sb, 10, RM_BRIN_ID, 0x30, d, 2), "offnum 2");
	assert_string_equal(md(&sb, 10, RM_BRIN_ID, 0x10, d, 10), "heapBlk 2 pagesPerRange 128 offnum 6");

	/* Sequence LOG: xl_seq_rec { node }, then the tuple */
	memset(d, 0, sizeof(d));
	put_node(d);
	assert_string_equal(md(&sb, 10, RM_SEQ_ID, 0x00, d, 40), "rel 1663/16384/16500");
	assert_string_equal(md(&sb, 18, RM_SEQ_ID, 0x00, d, 12), "rel 1663/16384/16500");
	assert_string_equal(md(&sb, 18, RM_SEQ_ID, 0x00, d, 11), "<null>");

	sb_free(&sb);
}

/*
 * Every record type of every rmgr in every major, with main data and
 * block data of every length up to 48 bytes (all 0x00, then all 0xFF:
 * counts at their largest): no read past what was given (ASan), and a
 * description that fails leaves the buffer alone (desc() checks).
 */
static void
test_hostile(void **state)
{
	/* every built-in rmgr (the system ones too), and a custom id (15+) */
	uint8_t		rmids[RMGR_COUNT + 1];
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[48],
				b[48];
	int			fill,
				major;
	size_t		k;

	(void) state;
	for (k = 0; k < RMGR_COUNT; k++)
		rmids[k] = (uint8_t) k;
	rmids[RMGR_COUNT] = 130;
	for (fill = 0; fill < 2; fill++)
	{
		memset(d, fill ? 0xFF : 0x00, sizeof(d));
		memset(b, fill ? 0xFF : 0x00, sizeof(b));
		for (major = 10; major <= 18; major++)
			for (k = 0; k < sizeof(rmids); k++)
			{
				unsigned	info;

				for (info = 0; info < 256; info += 16)
				{
					uint32_t	n;

					for (n = 0; n <= sizeof(d); n++)
					{
						struct rec	x;
						uint16_t	bn = (uint16_t) (n % 7 == 0 ? 0 : sizeof(b) - n % 7);

						rec_make(&x, rmids[k], (uint8_t) info, d, n);
						(void) desc(&sb, major, &x);
						rec_blk(&x, b, (uint16_t) (n < 24 ? n : bn));
						(void) desc(&sb, major, &x);
						rec_free(&x);
					}
				}
			}
	}
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heap),
		cmocka_unit_test(test_heap2),
		cmocka_unit_test(test_btree),
		cmocka_unit_test(test_gin),
		cmocka_unit_test(test_gist),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_spgist),
		cmocka_unit_test(test_brin_seq),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
