/*
 * rmgr: record type names and descriptions per major, against strings
 * written from each major's src/backend/access/rmgrdesc files' format strings
 * (the oracle test holds 15..18 against pg_walinspect on real WAL; these
 * cover the wording of 10..14 and the edges: short data, empty arrays).
 *
 * Each row of the tables is one record: its main data (and block 0's data)
 * as a spec_bytes() layout (unit.h), field by field as the struct of that
 * major's xlog header lays it out, and the description each range of
 * majors gives; "<null>" when rmgr_desc() declines (data too short, a count
 * past the end).  A mismatch names the row and the major.
 */
#define UNIT_RMGR_CASES
#include "unit.h"

/* 2025-11-24 13:05:47.986807 UTC, as stored and as pg_walinspect prints it */
#define TS_US "817304747986807"
#define TS_STR "2025-11-24 13:05:47.986807+00"
#define ORIGIN(n) "; origin: node " #n ", lsn 1/20, at " TS_STR

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

/* xl_heap_delete / xl_heap_lock: xmax, offnum, infobits_set, flags */
#define HEAP_DELETE "u32:700 u16:3 u8:0x10 u8:0x02"
/* xl_heap_truncate (11+): dbId, nrelids, flags@8 (CASCADE), relids@12 */
#define HEAP_TRUNCATE(n) "u32:16384 u32:" #n " u8:0x01 @12 u32:16400 u32:16401"

static const struct rmgr_case heap_cases[] = {
	{"heap INSERT", RM_HEAP_ID, 0x00, "u16:10 u8:0x01", .w = {
		{10, 11, "off 10"}, {12, 15, "off 10 flags 0x01"}, {16, 18, "off: 10, flags: 0x01"}}},
	{"heap INSERT short", RM_HEAP_ID, 0x00, "u16:10 u8:0x01 len:2", .w = {{10, 18, "<null>"}}},
	{"heap DELETE", RM_HEAP_ID, 0x10, HEAP_DELETE, .w = {
		{10, 11, "off 3 KEYS_UPDATED "}, {12, 15, "off 3 flags 0x02 KEYS_UPDATED "},
		{16, 18, "xmax: 700, off: 3, infobits: [KEYS_UPDATED], flags: 0x02"}}},
	/* xl_heap_update: old_xmax, old_offnum, old_infobits_set, flags, new_xmax, new_offnum */
	{"heap HOT_UPDATE", RM_HEAP_ID, 0x40, "u32:5 u16:2 u8:0 u8:0 u32:0 u16:7", .w = {
		{10, 11, "off 2 xmax 5 ; new off 7 xmax 0"}, {12, 15, "off 2 xmax 5 flags 0x00 ; new off 7 xmax 0"},
		{16, 18, "old_xmax: 5, old_off: 2, old_infobits: [], flags: 0x00, new_xmax: 0, new_off: 7"}}},
	{"heap LOCK", RM_HEAP_ID, 0x60, "u32:9 u16:4 u8:0x03 u8:0x01", .w = {
		{10, 11, "off 4: xid 9: flags 1 IS_MULTI LOCK_ONLY "},
		{12, 15, "off 4: xid 9: flags 0x01 IS_MULTI LOCK_ONLY "},
		{16, 18, "xmax: 9, off: 4, infobits: [IS_MULTI, LOCK_ONLY], flags: 0x01"}}},
	{"heap TRUNCATE", RM_HEAP_ID, 0x30, HEAP_TRUNCATE(2), .w = {
		{11, 15, "cascade nrelids 2 relids 16400 16401"},
		{16, 18, "flags: [CASCADE], nrelids: 2, relids: [16400, 16401]"}}},
	{"heap TRUNCATE, nrelids past the data", RM_HEAP_ID, 0x30, HEAP_TRUNCATE(1000), .w = {{11, 18, "<null>"}}},
};

/* xl_heap_clean (10..13) / xl_heap_prune (14..16): latestRemovedXid, nredirected, ndead */
#define HEAP2_PRUNE "u32:712 u16:1 u16:2"
/* xl_heap_multi_insert: flags, ntuples@2, offsets@4 */
#define HEAP2_MULTI "u8:0x02 @2 u16:2 u16:1 u16:2"

static const struct rmgr_case heap2_cases[] = {
	{"heap2 CLEAN/PRUNE", RM_HEAP2_ID, 0x10, HEAP2_PRUNE, .w = {
		{10, 13, "remxid 712"}, {14, 15, "latestRemovedXid 712 nredirected 1 ndead 2"}}},
	/* 16: the offsets in block 0: redirect 3->4, dead 5 6, unused 9 */
	{"heap2 PRUNE 16", RM_HEAP2_ID, 0x10, HEAP2_PRUNE, .blk = "u16:3 u16:4 u16:5 u16:6 u16:9", .w = {
		{16, 16, "snapshotConflictHorizon: 712, nredirected: 1, ndead: 2, nunused: 1, "
		 "redirected: [3->4], dead: [5, 6], unused: [9]"}}},
	/* xl_heap_freeze_page (10..13 at 0x20): cutoff_xid, ntuples */
	{"heap2 FREEZE_PAGE", RM_HEAP2_ID, 0x20, "u32:800 u16:3", .w = {{10, 13, "cutoff xid 800 ntuples 3"}}},
	/* xl_heap_vacuum (14+ at 0x20): nunused */
	{"heap2 VACUUM", RM_HEAP2_ID, 0x20, "u16:2", .w = {{14, 15, "nunused 2"}}},
	/* xl_heap_visible: cutoff_xid, flags */
	{"heap2 VISIBLE", RM_HEAP2_ID, 0x40, "u32:900 u8:3", .w = {
		{10, 11, "cutoff xid 900 flags 3"}, {12, 15, "cutoff xid 900 flags 0x03"},
		{16, 18, "snapshotConflictHorizon: 900, flags: 0x03"}}},
	{"heap2 MULTI_INSERT", RM_HEAP2_ID, 0x50, HEAP2_MULTI, .w = {
		{10, 11, "2 tuples"}, {12, 15, "2 tuples flags 0x02"}}},
	{"heap2 MULTI_INSERT, block data", RM_HEAP2_ID, 0x50, HEAP2_MULTI, .blk = "u16:3 u16:4", .w = {
		{16, 18, "ntuples: 2, flags: 0x02, offsets: [1, 2]"}}},
	{"heap2 MULTI_INSERT+INIT: no offsets", RM_HEAP2_ID, 0xD0, HEAP2_MULTI, .blk = "u16:3 u16:4", .w = {
		{16, 18, "ntuples: 2, flags: 0x02"}}},
	/* 17+ PRUNE_VACUUM_CLEANUP: reason, flags IS_CATALOG_REL | HAS_NOW_UNUSED_ITEMS; no horizon */
	{"heap2 PRUNE_VACUUM_CLEANUP", RM_HEAP2_ID, 0x30, "u8:2 u8:0x82", .blk = "u16:2 u16:7 u16:8", .w = {
		{17, 18, ", isCatalogRel: T, nplans: 0, nredirected: 0, ndead: 0, nunused: 2, unused: [7, 8]"}}},
	{"heap2 PRUNE_VACUUM_CLEANUP, unused past the data", RM_HEAP2_ID, 0x30, "u8:2 u8:0x82",
	 .blk = "u16:50 u16:7 u16:8", .w = {{17, 18, "<null>"}}},
};

static const struct rmgr_case btree_cases[] = {
	{"btree INSERT_LEAF", RM_BTREE_ID, 0x00, "u16:246", .w = {{10, 15, "off 246"}, {16, 18, "off: 246"}}},
	/* xl_btree_split: level, firstright@4, newitemoff@6, postingoff@8 (13+) */
	{"btree SPLIT_L", RM_BTREE_ID, 0x30, "@4 u16:120 u16:33 len:10", .w = {
		{10, 10, "level 0, firstright 120, newitemoff 33"}, {11, 11, "level 0, firstright 120"},
		{12, 12, "level 0, firstright 120, newitemoff 33"},
		{13, 15, "level 0, firstrightoff 120, newitemoff 33, postingoff 0"},
		{16, 18, "level: 0, firstrightoff: 120, newitemoff: 33, postingoff: 0"}}},
	/* xl_btree_delete 10/11: hnode, nitems@12 */
	{"btree DELETE 10", RM_BTREE_ID, 0x70, "@12 u32:4", .w = {{10, 11, "4 items"}}},
	/* 12: latestRemovedXid, nitems; 13: ndeleted (u32); 14: ndeleted, nupdated (u16) */
	{"btree DELETE 12", RM_BTREE_ID, 0x70, "u32:750 u32:4", .w = {
		{12, 12, "4 items, latest removed xid 750"}, {13, 13, "latestRemovedXid 750; ndeleted 4"},
		{14, 15, "latestRemovedXid 750; ndeleted 4; nupdated 0"}}},
	/* xl_btree_newroot: rootblk, level */
	{"btree NEWROOT", RM_BTREE_ID, 0xA0, "u32:3 u32:1", .w = {{10, 15, "lev 1"}, {16, 18, "level: 1"}}},
	/* 10..13: leftsib, rightsib, leafleftsib, leafrightsib, topparent, btpo_xact */
	{"btree UNLINK_PAGE 10", RM_BTREE_ID, 0x80, "u32:1 u32:2 u32:3 u32:4 u32:5 u32:6", .w = {
		{10, 13, "left 1; right 2; btpo_xact 6; leafleft 3; leafright 4; topparent 5"}}},
	/* 14+: leftsib, rightsib, level, pad, safexid@16, leafleftsib, leafrightsib, leaftopparent */
	{"btree UNLINK_PAGE 14", RM_BTREE_ID, 0x80, "u32:1 u32:2 u32:0 @16 u64:760 u32:3 u32:4 u32:5", .w = {
		{14, 15, "left 1; right 2; level 0; safexid 0:760; leafleft 3; leafright 4; leaftopparent 5"}}},
};

/*
 * CheckPoint: redo, ThisTimeLineID, PrevTimeLineID, fullPageWrites@16,
 * (17+: wal_level@20), then 10/11: nextXidEpoch@20, nextXid@24, nextOid,
 * nextMulti, nextMultiOffset, oldestXid@40, ..., oldestActiveXid@72; 12+:
 * nextXid (FullTransactionId)@24, nextOid@32, ..., oldestActiveXid@80.
 */
#define CKPT_HEAD "u64:0x26716C0 u32:1 u32:1 u8:1"
#define CKPT_11 CKPT_HEAD " @24 u32:808 u32:24576 u32:1 @40 u32:716 u32:1 u32:1 u32:1 @72 u32:808 len:80"
#define CKPT_12 CKPT_HEAD " @24 u64:808 u32:24576 u32:1 @44 u32:716 u32:1 u32:1 u32:1 @80 u32:808 len:88"
#define CKPT_TAIL "xid 0:808; oid 24576; multi 1; offset 0; " \
	"oldest xid 716 in DB 1; oldest multi 1 in DB 1; oldest/newest commit timestamp xid: 0/0; oldest running xid 808; "
/* xl_parameter_change: MaxConnections, max_worker_processes, max_wal_senders (12+), ... */
#define PARAMS "max_connections=100 max_worker_processes=8 "

static const struct rmgr_case xlog_cases[] = {
	{"xlog CHECKPOINT_ONLINE 10", RM_XLOG_ID, 0x10, CKPT_11, .w = {
		{10, 11, "redo 0/26716C0; tli 1; prev tli 1; fpw true; " CKPT_TAIL "online"}}},
	{"xlog CHECKPOINT_SHUTDOWN 12", RM_XLOG_ID, 0x00, CKPT_12, .w = {
		{12, 16, "redo 0/26716C0; tli 1; prev tli 1; fpw true; " CKPT_TAIL "shutdown"}}},
	{"xlog CHECKPOINT_SHUTDOWN 17", RM_XLOG_ID, 0x00, CKPT_12 " @20 u32:1", .w = {
		{17, 18, "redo 0/26716C0; tli 1; prev tli 1; fpw true; wal_level replica; " CKPT_TAIL "shutdown"}}},
	{"xlog CHECKPOINT short", RM_XLOG_ID, 0x00, CKPT_12 " @20 u32:1 len:60", .w = {{12, 18, "<null>"}}},
	{"xlog PARAMETER_CHANGE 12", RM_XLOG_ID, 0x60, "u32:100 u32:8 u32:10 u32:0 u32:64 u32:1 len:26", .w = {
		{12, 18, PARAMS "max_wal_senders=10 max_prepared_xacts=0 "
		 "max_locks_per_xact=64 wal_level=replica wal_log_hints=off track_commit_timestamp=off"}}},
	{"xlog PARAMETER_CHANGE 10", RM_XLOG_ID, 0x60, "u32:100 u32:8 @12 u32:64 u32:1 u8:1 len:22", .w = {
		{10, 11, PARAMS "max_prepared_xacts=0 "
		 "max_locks_per_xact=64 wal_level=replica wal_log_hints=on track_commit_timestamp=off"},
		{12, 12, "<null>"}}},
	{"xlog PARAMETER_CHANGE 18", RM_XLOG_ID, 0x60, "u32:100 u32:8 u32:10 u32:5 u32:64 u32:2 u8:1 u8:1 len:28",
	 .w = {{12, 18, PARAMS "max_wal_senders=10 max_prepared_xacts=5 "
		 "max_locks_per_xact=64 wal_level=logical wal_log_hints=on track_commit_timestamp=on"}}},
	/* read with the 10/11 layout: wal_level@16 (7: unknown), wal_log_hints@20 */
	{"xlog PARAMETER_CHANGE 11, bad level", RM_XLOG_ID, 0x60,
		"u32:100 u32:8 u32:10 u32:5 u32:7 u32:2 u8:1 u8:1 len:28", .w = {
		{10, 11, PARAMS "max_prepared_xacts=10 "
		 "max_locks_per_xact=5 wal_level=? wal_log_hints=on track_commit_timestamp=off"}}},
	{"xlog NEXTOID", RM_XLOG_ID, 0x30, "u32:24576", .w = {{10, 18, "24576"}}},
	{"xlog FPI", RM_XLOG_ID, 0xA0, NULL, .w = {{10, 18, ""}}},
	{"xlog SWITCH", RM_XLOG_ID, 0x40, NULL, .w = {{10, 18, ""}}},
	{"xlog BACKUP_END", RM_XLOG_ID, 0x50, "u64:0x100000028", .w = {{10, 18, "1/28"}}},
	/* xl_restore_point: rp_time, rp_name[64] */
	{"xlog RESTORE_POINT", RM_XLOG_ID, 0x70, "u64:" TS_US " s:before_drop len:72", .w = {{10, 18, "before_drop"}}},
	{"xlog FPW_CHANGE on", RM_XLOG_ID, 0x80, "u8:1", .w = {{10, 18, "true"}}},
	{"xlog FPW_CHANGE off", RM_XLOG_ID, 0x80, "u8:0", .w = {{10, 18, "false"}}},
	/* xl_end_of_recovery: end_time, ThisTimeLineID, PrevTimeLineID, wal_level (17+) */
	{"xlog END_OF_RECOVERY", RM_XLOG_ID, 0x90, "u64:" TS_US " u32:2 u32:1 u32:2 len:24", .w = {
		{10, 16, "tli 2; prev tli 1; time " TS_STR},
		{17, 18, "tli 2; prev tli 1; time " TS_STR "; wal_level logical"}}},
	{"xlog OVERWRITE_CONTRECORD", RM_XLOG_ID, 0xD0, "u64:0x100000020 u64:" TS_US, .w = {
		{14, 18, "lsn 1/20; time " TS_STR}}},
	{"xlog CHECKPOINT_REDO", RM_XLOG_ID, 0xE0, "u32:1", .w = {{17, 18, "wal_level replica"}}},
};

/*
 * xl_xact_commit/abort with XACT_XINFO_HAS_INFO: xact_time, xinfo, then by
 * the xinfo bits dbinfo (dbId, tsId), subxacts (n, xids), relfilenodes (n,
 * nodes), invals (n, msgs), twophase, origin.
 */
#define XACT_COMMIT "u64:" TS_US " u32:0xA000000F u32:16384 u32:1663 u32:1 u32:801 " \
	"u32:1 u32:1663 u32:16384 u32:16500 u32:1 u8:80 len:64"
#define XACT_COMMIT_WANT TS_STR "; rels: base/16384/16500; subxacts: 801; inval msgs: catcache 80; "
/* xinfo TWOPHASE | HAS_ORIGIN | HAS_GID: xid, gid, origin lsn, origin time */
#define XACT_PREPARED "u64:" TS_US " u32:0xB0 u32:900 s:tx1 u64:0x100000020 u64:" TS_US
/* xinfo DBINFO | SUBXACTS | RELFILENODES | HAS_ORIGIN | DROPPED_STATS */
#define XACT_ABORT "u64:" TS_US " u32:0x127 u32:16384 u32:1663 u32:1 u32:901 u32:1 u32:1663 u32:16384 u32:16500 "
#define XACT_ABORT_WANT TS_STR "; rels: base/16384/16500; subxacts: 901"
/*
 * The two-phase state file of a PREPARE: TwoPhaseFileHeader (magic, total_len,
 * xid, database, prepared_at, owner, nsubxacts, ncommitrels, nabortrels,
 * 15+: ncommitstats, nabortstats; ninvalmsgs, initfileinval, gidlen,
 * origin_lsn, origin_timestamp), MAXALIGNed gid "tx1", subxacts 901 902,
 * commit rel 16500, abort rel 16501, 15+: one dropped-stats item, one
 * relcache message; then 8 bytes of the 2PC records that follow.
 */
#define PREPARE_HEAD "u32:0x57F94534 @8 u32:900 u32:16384 u64:" TS_US " u32:10 u32:2 u32:1 u32:1 "
#define PREPARE_14 PREPARE_HEAD "u32:1 u8:1 @46 u16:4 u64:0x100000020 u64:" TS_US " s:tx1 " \
	"@72 u32:901 u32:902 u32:1663 u32:16384 u32:16500 @96 u32:1663 u32:16384 u32:16501 " \
	"@112 u8:-2 @116 u32:16384 u32:16500 len:136"
#define PREPARE_15 PREPARE_HEAD "u32:1 u32:0 u32:1 u8:1 @54 u16:4 u64:0x100000020 u64:" TS_US " s:tx1 " \
	"@80 u32:901 u32:902 u32:1663 u32:16384 u32:16500 @104 u32:1663 u32:16384 u32:16501 " \
	"@120 u32:1 u32:16384 u32:16500 @136 u8:-2 @140 u32:16384 u32:16500 len:160"
#define PREP_A "gid tx1: " TS_STR "; rels(commit): base/16384/16500; rels(abort): base/16384/16501"
#define PREP_B "; subxacts: 901 902; relcache init file inval dbid 16384 tsid 0; inval msgs: relcache 16500"
#define PREP_STATS "; commit dropped stats: 1/16384/16500"

static const struct rmgr_case xact_cases[] = {
	{"xact COMMIT", RM_XACT_ID, 0x80, XACT_COMMIT, .w = {
		{14, 14, XACT_COMMIT_WANT "sync"}, {15, 18, XACT_COMMIT_WANT "apply_feedback; sync"}}},
	{"xact COMMIT, invals past the record", RM_XACT_ID, 0x80, XACT_COMMIT " len:56", .w = {{14, 18, "<null>"}}},
	/* a whole-second time drops the fraction */
	{"xact ABORT", RM_XACT_ID, 0x20, "u64:817304747000000", .w = {{10, 18, "2025-11-24 13:05:47+00"}}},
	/* xl_xact_assignment: xtop, nsubxacts, xsub[] */
	{"xact ASSIGNMENT", RM_XACT_ID, 0x50, "u32:800 u32:2 u32:801 u32:802", .w = {
		{10, 18, "xtop 800: subxacts: 801 802"}}},
	{"xact COMMIT_PREPARED", RM_XACT_ID, 0xB0, XACT_PREPARED, .origin = 2, .w = {
		{11, 18, "900: " TS_STR ORIGIN(2)}}},
	/* the origin is printed from 15 only */
	{"xact ABORT_PREPARED", RM_XACT_ID, 0xC0, XACT_PREPARED, .origin = 2, .w = {
		{11, 14, "900: " TS_STR}, {15, 18, "900: " TS_STR ORIGIN(2)}}},
	/* xl_xact_stats_items: nitems, then kind, dboid, objoid (18: objid_lo, objid_hi) */
	{"xact ABORT 15", RM_XACT_ID, 0xA0, XACT_ABORT "u32:1 u32:2 u32:16384 u32:16500 u64:0x100000020 u64:" TS_US,
		.origin = 3, .w = {
		/* 14 knows no dropped stats: the flag is ignored, the origin not printed */
		{14, 14, XACT_ABORT_WANT},
		{15, 17, XACT_ABORT_WANT ORIGIN(3) "; dropped stats: 2/16384/16500"}}},
	{"xact ABORT 18", RM_XACT_ID, 0xA0,
		XACT_ABORT "u32:1 u32:2 u32:16384 u32:16500 u32:1 u64:0x100000020 u64:" TS_US, .origin = 3, .w = {
		{18, 18, XACT_ABORT_WANT ORIGIN(3) "; dropped stats: 2/16384/4294983796"}}},
	/* xinfo DBINFO | INVALS | RELCACHE_INIT: dbinfo names the database */
	{"xact COMMIT, relcache init file", RM_XACT_ID, 0x80,
		"u64:" TS_US " u32:0x40000009 u32:16384 u32:1663 u32:1 u8:-1 @32 u32:2608 len:40", .w = {
		{10, 18, TS_STR "; relcache init file inval dbid 16384 tsid 1663; inval msgs: catalog 2608"}}},
	/* INVALIDATION (14+): standby_desc_invalidations alone */
	{"xact INVALIDATION", RM_XACT_ID, 0x60, "u32:1 u8:-5 @12 u32:2608 len:20", .w = {
		{13, 13, ""}, {14, 18, "; inval msgs: snapshot 2608"}}},
	/* 10..12: xact_desc has no PREPARE branch: an empty description */
	{"xact PREPARE 10", RM_XACT_ID, 0x10, PREPARE_14, .w = {{10, 12, ""}}},
	{"xact PREPARE 13", RM_XACT_ID, 0x10, PREPARE_14, .origin = 2, .w = {{13, 14, PREP_A PREP_B}}},
	{"xact PREPARE 13, a count past the record", RM_XACT_ID, 0x10, PREPARE_14 " len:120", .w = {
		{13, 14, "<null>"}}},
	/* 15 and 18 print the dropped stats and the origin; 16, 17 lose the stats */
	{"xact PREPARE 15", RM_XACT_ID, 0x10, PREPARE_15, .w = {
		{15, 15, PREP_A PREP_STATS PREP_B}, {16, 17, PREP_A PREP_B}, {18, 18, PREP_A PREP_STATS PREP_B}}},
	{"xact PREPARE 15, origin", RM_XACT_ID, 0x10, PREPARE_15, .origin = 2, .w = {
		{15, 15, PREP_A PREP_STATS PREP_B ORIGIN(2)}, {16, 17, PREP_A PREP_B ORIGIN(2)},
		{18, 18, PREP_A PREP_STATS PREP_B ORIGIN(2)}}},
	{"xact PREPARE, the header alone", RM_XACT_ID, 0x10, PREPARE_15 " len:60", .w = {{14, 14, "<null>"}}},
};

/* RUNNING_XACTS: xcnt, subxcnt, subxid_overflow@8, nextXid@12, oldestRunningXid, latestCompletedXid, xids */
#define RUNNING "nextXid 810 latestCompletedXid 806 oldestRunningXid 807; 1 xacts: 807"
/* xl_invalidations: dbId, tsId, relcacheInitFileInval@8, nmsgs@12, msgs@16 */
#define STANDBY_INVAL "; relcache init file inval dbid 16384 tsid 1663; inval msgs:"

static const struct rmgr_case storage_standby_cases[] = {
	/* xl_smgr_create: rnode, forkNum */
	{"smgr CREATE fsm", RM_SMGR_ID, 0x10, "u32:1663 u32:16384 u32:16496 u32:1", .w = {
		{10, 18, "base/16384/16496_fsm"}}},
	{"smgr CREATE init", RM_SMGR_ID, 0x10, "u32:1663 u32:16384 u32:16500 u32:3", .w = {
		{10, 18, "base/16384/16500_init"}}},
	/* xl_smgr_truncate: blkno, rnode, flags */
	{"smgr TRUNCATE", RM_SMGR_ID, 0x20, "u32:5 u32:1664 @12 u32:1262 u32:7", .w = {
		{10, 18, "global/1262 to 5 blocks flags 7"}}},
	{"smgr TRUNCATE in a tablespace", RM_SMGR_ID, 0x20, "u32:5 u32:16400 u32:16384 u32:16500 u32:7", .w = {
		{13, 13, "pg_tblspc/16400/PG_13_202007201/16384/16500 to 5 blocks flags 7"}}},
	{"standby RUNNING_XACTS overflowed", RM_STANDBY_ID, 0x10, "u32:1 @8 u8:1 @12 u32:808 u32:807 u32:806 u32:807",
		.w = {{10, 15, "nextXid 808 latestCompletedXid 806 oldestRunningXid 807; 1 xacts: 807; subxid ovf"},
		{16, 18, "nextXid 808 latestCompletedXid 806 oldestRunningXid 807; 1 xacts: 807; subxid overflowed"}}},
	/* 16 lists the subtransactions */
	{"standby RUNNING_XACTS", RM_STANDBY_ID, 0x10, "u32:1 u32:2 @12 u32:810 u32:807 u32:806 u32:807 u32:808 u32:809",
		.w = {{10, 15, RUNNING}, {16, 18, RUNNING "; 2 subxacts: 808 809"}}},
	/* xl_standby_locks: nlocks, then xid, dbOid, relOid; each lock followed by a space */
	{"standby LOCK", RM_STANDBY_ID, 0x00, "u32:2 u32:900 u32:16384 u32:16500 u32:0 u32:16384 u32:16501", .w = {
		{10, 18, "xid 900 db 16384 rel 16500 xid 0 db 16384 rel 16501 "}}},
	{"standby LOCK short", RM_STANDBY_ID, 0x00, "u32:2 u32:900 u32:16384 u32:16500 u32:0 u32:16384", .w = {
		{10, 18, "<null>"}}},
	/* before 13 even no message prints the header */
	{"standby INVALIDATIONS none", RM_STANDBY_ID, 0x20, "u32:16384 u32:1663 u8:1 len:16", .w = {
		{10, 12, STANDBY_INVAL}, {13, 18, ""}}},
	{"standby INVALIDATIONS", RM_STANDBY_ID, 0x20, "u32:16384 u32:1663 u8:1 @12 u32:2 u8:7 @32 u8:-4 @36 u32:16384 len:48",
		.w = {{10, 12, STANDBY_INVAL " catcache 7 relmap db 16384"}}},
};

static const struct rmgr_case catalog_cases[] = {
	/* xl_relmap_update: dbid, tsid, nbytes (%u before 15, %d from 15) */
	{"relmap UPDATE", RM_RELMAP_ID, 0x00, "u32:16384 u32:1663 u32:512", .w = {
		{10, 18, "database 16384 tablespace 1663 size 512"}}},
	{"relmap UPDATE -1", RM_RELMAP_ID, 0x00, "u32:0 u32:1664 u32:0xFFFFFFFF", .w = {
		{10, 14, "database 0 tablespace 1664 size 4294967295"}, {15, 18, "database 0 tablespace 1664 size -1"}}},
	/* DROP 10..12: db_id, tablespace_id */
	{"dbase DROP 10", RM_DBASE_ID, 0x10, "u32:16384 u32:1663", .w = {
		{10, 11, "dir 16384/1663"}, {12, 12, "dir 1663/16384"}}},
	/* 13+: db_id, ntablespaces, tablespace_ids[]; 15+: 0x10 is CREATE_WAL_LOG, DROP 0x20 */
	{"dbase DROP 13", RM_DBASE_ID, 0x10, "u32:16384 u32:2 u32:1663 u32:16400", .w = {
		{13, 14, "dir 1663/16384 16400/16384"}, {15, 18, "create dir 2/16384"}}},
	{"dbase DROP 15", RM_DBASE_ID, 0x20, "u32:16384 u32:2 u32:1663 u32:16400", .w = {
		{15, 18, "dir 1663/16384 16400/16384"}}},
	{"dbase DROP 15, a tablespace short", RM_DBASE_ID, 0x20, "u32:16384 u32:2 u32:1663", .w = {{15, 18, "<null>"}}},
	{"dbase DROP 15, two", RM_DBASE_ID, 0x20, "u32:16384 u32:2 u32:1663 u32:16500", .w = {
		{15, 18, "dir 1663/16384 16500/16384"}}},
	/* CREATE: db_id, tablespace_id, src_db_id, src_tablespace_id */
	{"dbase CREATE", RM_DBASE_ID, 0x00, "u32:16384 u32:1663 u32:1 u32:1663", .w = {
		{10, 11, "copy dir 1/1663 to 16384/1663"}, {12, 18, "copy dir 1663/1 to 1663/16384"}}},
	/* xl_tblspc_create_rec: ts_id, ts_path */
	{"tblspc CREATE", RM_TBLSPC_ID, 0x00, "u32:16400 s:/tmp/ts1", .w = {{10, 18, "16400 \"/tmp/ts1\""}}},
	{"tblspc CREATE, path not terminated", RM_TBLSPC_ID, 0x00, "u32:16400 s:/tmp/ts1 len:12", .w = {
		{10, 18, "<null>"}}},
	{"tblspc DROP", RM_TBLSPC_ID, 0x10, "u32:16400", .w = {{10, 18, "16400"}}},
};

/* multixact members: xid, status (0 keysh .. 5 upd, 6 unknown) */
#define MULTI_7 "u32:7 u32:20 u32:7 u32:700 u32:0 u32:701 u32:1 u32:702 u32:2 u32:703 u32:3 " \
	"u32:704 u32:4 u32:705 u32:5 u32:706 u32:6"

static const struct rmgr_case slru_cases[] = {
	/* ZEROPAGE: int pageno before 17, int64 from 17 */
	{"clog ZEROPAGE", RM_CLOG_ID, 0x00, "u32:3", .w = {{10, 16, "page 3"}, {17, 18, "<null>"}}},
	{"clog ZEROPAGE 17", RM_CLOG_ID, 0x00, "u32:3 len:8", .w = {{17, 18, "page 3"}}},
	/* xl_clog_truncate: pageno, oldestXact, oldestXactDb */
	{"clog TRUNCATE", RM_CLOG_ID, 0x10, "u32:5 u32:900 u32:1", .w = {{10, 16, "page 5; oldestXact 900"}}},
	{"clog TRUNCATE 17", RM_CLOG_ID, 0x10, "u64:5 u32:900 u32:1", .w = {{17, 18, "page 5; oldestXact 900"}}},
	{"commit_ts ZEROPAGE", RM_COMMIT_TS_ID, 0x00, "u32:3", .w = {{10, 16, "3"}}},
	{"commit_ts ZEROPAGE 17", RM_COMMIT_TS_ID, 0x00, "u32:3 len:8", .w = {{17, 18, "3"}}},
	/* xl_commit_ts_truncate: pageno, oldestXid */
	{"commit_ts TRUNCATE", RM_COMMIT_TS_ID, 0x10, "u32:5 u32:900", .w = {{10, 16, "pageno 5, oldestXid 900"}}},
	{"commit_ts TRUNCATE 17", RM_COMMIT_TS_ID, 0x10, "u64:5 u32:900", .w = {{17, 18, "pageno 5, oldestXid 900"}}},
	/* SETTS (10..13): timestamp, nodeid, mainxid@12, subxids */
	{"commit_ts SETTS", RM_COMMIT_TS_ID, 0x20, "u64:" TS_US " u16:2 @12 u32:900 u32:901 u32:902", .w = {
		{10, 13, "set " TS_STR "/2 for: 900, 901, 902"}, {14, 18, ""}}},
	{"commit_ts SETTS, no subxids", RM_COMMIT_TS_ID, 0x20, "u64:" TS_US " u16:2 @12 u32:900", .w = {
		{10, 13, "set " TS_STR "/2 for: 900"}}},
	/* xl_multixact_create: mid, moff, nmembers, members */
	{"multixact CREATE_ID", RM_MULTIXACT_ID, 0x20, "u32:5 u32:9 u32:2 u32:700 u32:0 u32:701 u32:5", .w = {
		{10, 18, "5 offset 9 nmembers 2: 700 (keysh) 701 (upd) "}}},
	{"multixact CREATE_ID, members past the data", RM_MULTIXACT_ID, 0x20,
		"u32:5 u32:9 u32:3 u32:700 u32:0 u32:701 u32:5", .w = {{10, 18, "<null>"}}},
	{"multixact CREATE_ID, every status", RM_MULTIXACT_ID, 0x20, MULTI_7, .w = {
		{10, 18, "7 offset 20 nmembers 7: 700 (keysh) 701 (sh) 702 (fornokeyupd) "
		 "703 (forupd) 704 (nokeyupd) 705 (upd) 706 (unk) "}}},
	{"multixact ZERO_MEM_PAGE", RM_MULTIXACT_ID, 0x10, "u32:3", .w = {{10, 16, "3"}}},
	{"multixact ZERO_OFF_PAGE 17", RM_MULTIXACT_ID, 0x00, "u32:3 len:8", .w = {{17, 18, "3"}}},
	/* xl_multixact_truncate: oldestMultiDB, startTruncOff, endTruncOff, startTruncMemb, endTruncMemb */
	{"multixact TRUNCATE_ID", RM_MULTIXACT_ID, 0x30, "u32:1 u32:1 u32:5 u32:0 u32:10", .w = {
		{10, 18, "offsets [1, 5), members [0, 10)"}}},
};

/* xl_logical_message: dbId, transactional@4, prefix_size@8, message_size@16, prefix "p", payload */
#define LOGICALMSG(t, n) "@4 u8:" #t " @8 u64:2 u64:" #n " s:p u8:0x0a u8:0x0b"

static const struct rmgr_case misc_cases[] = {
	{"logicalmsg nontransactional", RM_LOGICALMSG_ID, 0x00, LOGICALMSG(0, 2), .w = {
		{10, 13, "nontransactional message size 2 bytes"},
		{14, 18, "non-transactional, prefix \"p\"; payload (2 bytes): 0A 0B"}}},
	{"logicalmsg transactional", RM_LOGICALMSG_ID, 0x00, LOGICALMSG(1, 2), .w = {
		{10, 13, "transactional message size 2 bytes"},
		{14, 18, "transactional, prefix \"p\"; payload (2 bytes): 0A 0B"}}},
	{"logicalmsg, payload past the record", RM_LOGICALMSG_ID, 0x00, LOGICALMSG(1, 1000), .w = {{14, 18, "<null>"}}},
	{"logicalmsg, empty payload", RM_LOGICALMSG_ID, 0x00, LOGICALMSG(1, 0) " len:26", .w = {
		{14, 18, "transactional, prefix \"p\"; payload (0 bytes): "}}},
	/* generic: per delta offset, length, then the bytes */
	{"generic two deltas", RM_GENERIC_ID, 0x00, "u16:24 u16:2 @6 u16:100 u16:0", .w = {
		{10, 18, "offset 24, length 2; offset 100, length 0"}}},
	/* xl_replorigin_set: remote_lsn, node_id, force */
	{"replorigin SET", RM_REPLORIGIN_ID, 0x00, "u64:0x100000020 u16:3 u8:1", .w = {
		{10, 18, "set 3; lsn 1/20; force: 1"}}},
	{"replorigin SET, no force", RM_REPLORIGIN_ID, 0x00, "u64:0x100000020 u16:3 len:11", .w = {
		{10, 18, "set 3; lsn 1/20; force: 0"}}},
	{"replorigin DROP", RM_REPLORIGIN_ID, 0x10, "u16:3", .w = {{10, 18, "drop 3"}}},
};

static void
test_heap(void **state)
{
	(void) state;
	RMGR_CASES_RUN(heap_cases);
	RMGR_CASES_RUN(heap2_cases);
}

static void
test_btree(void **state)
{
	(void) state;
	RMGR_CASES_RUN(btree_cases);
}

static void
test_xlog(void **state)
{
	(void) state;
	RMGR_CASES_RUN(xlog_cases);
}

static void
test_xact(void **state)
{
	(void) state;
	RMGR_CASES_RUN(xact_cases);
}

static void
test_small_rmgrs(void **state)
{
	(void) state;
	RMGR_CASES_RUN(storage_standby_cases);
	RMGR_CASES_RUN(catalog_cases);
	RMGR_CASES_RUN(slru_cases);
	RMGR_CASES_RUN(misc_cases);
}

static void
test_custom(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct rmgr_rec x;
	char		b[16];

	(void) state;
	assert_true(rmgr_is_custom(15, 128));
	assert_true(rmgr_is_custom(18, 255));
	assert_false(rmgr_is_custom(14, 130));
	assert_false(rmgr_is_custom(15, 127));
	assert_string_equal(rmgr_custom_name(16, 130, b, sizeof(b)), "custom130");
	assert_null(rmgr_custom_name(13, 130, b, sizeof(b)));
	assert_null(rmgr_identify(15, 130, 0x00));
	rmgr_rec_make(&x, 130, 0x10, NULL, 0, NULL, -1);
	assert_true(rmgr_desc_custom(&sb, 17, &x.r));
	assert_string_equal(sb_str(&sb), "rmid: 130");
	sb_reset(&sb);
	assert_false(rmgr_desc_custom(&sb, 14, &x.r));
	/* through the dispatcher pgwal calls: the same text, and none before 15 */
	sb_reset(&sb);
	assert_true(rmgr_desc(&sb, 18, RS_WALDUMP, &x.r));
	assert_string_equal(sb_str(&sb), "rmid: 130");
	sb_reset(&sb);
	assert_false(rmgr_desc(&sb, 14, RS_WALDUMP, &x.r));
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_heap),
		cmocka_unit_test(test_btree),
		cmocka_unit_test(test_xlog),
		cmocka_unit_test(test_xact),
		cmocka_unit_test(test_small_rmgrs),
		cmocka_unit_test(test_custom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
