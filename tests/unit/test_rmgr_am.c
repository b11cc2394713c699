/*
 * rmgr_am: the descriptions of the heap and index resource managers (Heap,
 * Heap2, Btree, Hash, Gin, Gist, Sequence, SPGist, BRIN) for the record
 * types and majors the fixtures do not prove against pg_walinspect: every
 * record type the fixtures of 15..18 lack, and the 10..14 wording.  The
 * expected strings are written from each major's
 * src/backend/access/rmgrdesc/ (heapdesc.c, nbtdesc.c, ...) format strings;
 * the record bytes, as spec_bytes() layouts (unit.h), from the structs of
 * that major's xlog headers.  A mismatch names the row and the major.
 *
 * Every record is handed over in buffers of exactly its length (malloc'd
 * copies), so that under ASan a read past the data is an error; the last
 * test cuts every record of every type short at every length.
 */
#define UNIT_RMGR_CASES
#include "unit.h"

/* RelFileNode / RelFileLocator 1663/16384/16500 */
#define NODE "u32:1663 u32:16384 u32:16500"
/* FullTransactionId 1:900 */
#define FXID "u64:0x100000384"

/*
 * xl_heap_inplace (18): offnum, dbId@4, tsId@8, relcacheInitFileInval@12,
 * nmsgs@16, msgs@20 (SharedInvalidationMessage, 16 bytes; relcache: id -2,
 * dbId@4, relId@8)
 */
#define INPLACE_18(n) "u16:5 @4 u32:16384 u32:1663 u8:1 @16 u32:" #n " u8:-2 @24 u32:16384 u32:16500 len:36"
/* xl_heap_truncate (11+): dbId, nrelids, flags@8, relids@12 */
#define TRUNCATE(n, f) "u32:16384 u32:" #n " u8:" #f " @12 u32:16400"
/* xl_heap_update: old_xmax, old_offnum, old_infobits_set (EXCL_LOCK, KEYS_UPDATED), flags, new_xmax, new_offnum */
#define HOT_UPDATE "u32:600 u16:2 u8:0x14 u8:0x01 u32:601 u16:9"
/* xl_heap_lock: xmax, offnum, infobits_set, flags */
#define LOCK(ib) "u32:77 u16:4 u8:" #ib " u8:0x02"

static const struct rmgr_case heap_cases[] = {
	/* xl_heap_confirm: offnum */
	{"heap CONFIRM", RM_HEAP_ID, 0x50, "u16:5", .w = {{10, 15, "off 5"}, {16, 18, "off: 5"}}},
	{"heap CONFIRM short", RM_HEAP_ID, 0x50, "u16:5 len:1", .w = {{10, 18, "<null>"}}},
	/* 10..17: xl_heap_inplace { offnum } */
	{"heap INPLACE", RM_HEAP_ID, 0x70, "u16:5", .w = {{10, 15, "off 5"}, {16, 17, "off: 5"}}},
	{"heap INPLACE 18", RM_HEAP_ID, 0x70, INPLACE_18(1), .w = {
		{18, 18, "off: 5; relcache init file inval dbid 16384 tsid 1663; inval msgs: relcache 16500"}}},
	/* nmsgs 0: nothing after the offset, whatever the init file flag */
	{"heap INPLACE 18, no message", RM_HEAP_ID, 0x70, INPLACE_18(0) " len:20", .w = {{18, 18, "off: 5"}}},
	/* shorter than MinSizeOfHeapInplace (20) */
	{"heap INPLACE 18 short", RM_HEAP_ID, 0x70, INPLACE_18(0) " len:19", .w = {{18, 18, "<null>"}}},
	{"heap INPLACE 18, message missing", RM_HEAP_ID, 0x70, INPLACE_18(1) " len:35", .w = {{18, 18, "<null>"}}},
	{"heap TRUNCATE", RM_HEAP_ID, 0x30, TRUNCATE(1, 0x03), .w = {
		{11, 15, "cascade restart_seqs nrelids 1 relids 16400"},
		{16, 18, "flags: [CASCADE, RESTART_SEQS], nrelids: 1, relids: [16400]"}}},
	{"heap TRUNCATE RESTART_SEQS", RM_HEAP_ID, 0x30, TRUNCATE(1, 0x02), .w = {
		{16, 18, "flags: [RESTART_SEQS], nrelids: 1, relids: [16400]"}}},
	{"heap TRUNCATE none", RM_HEAP_ID, 0x30, TRUNCATE(0, 0) " len:12", .w = {
		{11, 15, "nrelids 0 relids"}, {16, 18, "flags: [], nrelids: 0, relids: []"}}},
	/* nrelids 2, one relid there; 10 has no TRUNCATE: 0x30 describes nothing */
	{"heap TRUNCATE, relids past the data", RM_HEAP_ID, 0x30, TRUNCATE(2, 0), .w = {
		{10, 10, ""}, {11, 18, "<null>"}}},
	{"heap HOT_UPDATE", RM_HEAP_ID, 0x40, HOT_UPDATE, .w = {
		{10, 11, "off 2 xmax 600 EXCL_LOCK KEYS_UPDATED ; new off 9 xmax 601"},
		{12, 15, "off 2 xmax 600 flags 0x01 EXCL_LOCK KEYS_UPDATED ; new off 9 xmax 601"},
		{16, 18, "old_xmax: 600, old_off: 2, old_infobits: [EXCL_LOCK, KEYS_UPDATED], "
		 "flags: 0x01, new_xmax: 601, new_off: 9"}}},
	{"heap HOT_UPDATE+INIT", RM_HEAP_ID, 0xC0, HOT_UPDATE, .w = {
		{12, 15, "off 2 xmax 600 flags 0x01 EXCL_LOCK KEYS_UPDATED ; new off 9 xmax 601"}}},
	{"heap UPDATE short", RM_HEAP_ID, 0x20, HOT_UPDATE " len:13", .w = {{10, 18, "<null>"}}},
	{"heap LOCK", RM_HEAP_ID, 0x60, LOCK(0x08), .w = {
		{10, 11, "off 4: xid 77: flags 2 KEYSHR_LOCK "}, {12, 15, "off 4: xid 77: flags 0x02 KEYSHR_LOCK "},
		{16, 18, "xmax: 77, off: 4, infobits: [KEYSHR_LOCK], flags: 0x02"}}},
	{"heap LOCK, no infobits", RM_HEAP_ID, 0x60, LOCK(0), .w = {
		{10, 11, "off 4: xid 77: flags 2 "}, {16, 18, "xmax: 77, off: 4, infobits: [], flags: 0x02"}}},
	{"heap LOCK short", RM_HEAP_ID, 0x60, LOCK(0) " len:7", .w = {{10, 18, "<null>"}}},
	/* xl_heap_delete: xmax, offnum, infobits_set (IS_MULTI, LOCK_ONLY), flags */
	{"heap DELETE", RM_HEAP_ID, 0x10, "u32:700 u16:3 u8:0x03 u8:0x10", .w = {
		{10, 11, "off 3 IS_MULTI LOCK_ONLY "}, {12, 15, "off 3 flags 0x10 IS_MULTI LOCK_ONLY "}}},
};

/* xl_heap_lock_updated: xmax, offnum, infobits_set (LOCK_ONLY), flags */
#define LOCK_UPDATED "u32:9 u16:4 u8:0x02 u8:0x01"
/* xl_heap_new_cid: top_xid, cmin, cmax, combocid, target_node@16, target_tid@28 (bi_hi, bi_lo, posid) */
#define NEW_CID "u32:750 u32:1 u32:0xFFFFFFFF u32:0xFFFFFFFF " NODE " u16:1 u16:2 u16:3"
/* xl_heap_multi_insert: flags, ntuples@2, offsets@4 */
#define MULTI_3 "u8:0x01 @2 u16:3 u16:1 u16:2 u16:3"
/* 17+ xl_heap_prune: reason, flags, then the conflict horizon when XLHP_HAS_CONFLICT_HORIZON (0x08) */
#define PRUNE_HZ(f) "u8:1 u8:" #f " u32:4321"
/*
 * xlhp_freeze_plans { nplans, pad, plan (xmax, infomask2, infomask,
 * frzflags, pad, ntuples) }, xlhp_prune_items { ntargets, data[] }, then
 * the plans' offsets.
 */
#define FREEZE_PLAN "u16:1 @4 u32:0 u16:0x0002 u16:0x0B00 u8:0 @14 u16:2 u16:1 u16:9 u16:3 u16:4"

static const struct rmgr_case heap2_cases[] = {
	{"heap2 REWRITE", RM_HEAP2_ID, 0x00, NULL, .w = {{10, 18, ""}}},
	{"heap2 REWRITE, data", RM_HEAP2_ID, 0x00, "len:40", .w = {{10, 18, ""}}},
	/* xl_heap_clean (10..13 CLEAN) / xl_heap_prune (14/15 PRUNE): latestRemovedXid, nredirected, ndead */
	{"heap2 CLEAN", RM_HEAP2_ID, 0x10, "u32:712 u16:1 u16:2", .w = {
		{10, 13, "remxid 712"}, {14, 15, "latestRemovedXid 712 nredirected 1 ndead 2"}}},
	{"heap2 CLEAN short", RM_HEAP2_ID, 0x10, "u32:712 u16:1 u16:2 len:7", .w = {{10, 15, "<null>"}}},
	/* 10..13 FREEZE_PAGE (0x20), 14/15 the same at 0x30: cutoff_xid, ntuples */
	{"heap2 FREEZE_PAGE", RM_HEAP2_ID, 0x20, "u32:800 u16:3", .w = {{10, 13, "cutoff xid 800 ntuples 3"}}},
	{"heap2 FREEZE_PAGE short", RM_HEAP2_ID, 0x20, "u32:800 u16:3 len:5", .w = {{10, 13, "<null>"}}},
	{"heap2 FREEZE_PAGE 14", RM_HEAP2_ID, 0x30, "u32:800 u16:3", .w = {{14, 15, "cutoff xid 800 ntuples 3"}}},
	/* 10..13 CLEANUP_INFO (0x30): node, latestRemovedXid@12 */
	{"heap2 CLEANUP_INFO", RM_HEAP2_ID, 0x30, NODE " u32:901", .w = {{10, 13, "remxid 901"}}},
	{"heap2 CLEANUP_INFO short", RM_HEAP2_ID, 0x30, NODE " u32:901 len:15", .w = {{10, 13, "<null>"}}},
	/* 14/15 VACUUM: nunused; 16 adds the offsets of block 0 */
	{"heap2 VACUUM", RM_HEAP2_ID, 0x20, "u16:2", .w = {{14, 15, "nunused 2"}, {16, 16, "nunused: 2"}}},
	{"heap2 VACUUM, offsets", RM_HEAP2_ID, 0x20, "u16:2", .blk = "u16:4 u16:5", .w = {
		{14, 15, "nunused 2"}, {16, 16, "nunused: 2, unused: [4, 5]"}}},
	{"heap2 VACUUM, offsets short", RM_HEAP2_ID, 0x20, "u16:2", .blk = "u16:4 u16:5 len:3", .w = {
		{16, 16, "<null>"}}},
	{"heap2 LOCK_UPDATED", RM_HEAP2_ID, 0x60, LOCK_UPDATED, .w = {
		{10, 11, "off 4: xmax 9: flags 1 LOCK_ONLY "}, {12, 15, "off 4: xmax 9: flags 0x01 LOCK_ONLY "},
		{16, 18, "xmax: 9, off: 4, infobits: [LOCK_ONLY], flags: 0x01"}}},
	{"heap2 LOCK_UPDATED short", RM_HEAP2_ID, 0x60, LOCK_UPDATED " len:7", .w = {{10, 18, "<null>"}}},
	/* block 65538 */
	{"heap2 NEW_CID", RM_HEAP2_ID, 0x70, NEW_CID, .w = {
		{10, 15, "rel 1663/16384/16500; tid 65538/3; cmin: 1, cmax: 4294967295, combo: 4294967295"},
		{16, 18, "rel: 1663/16384/16500, tid: 65538/3, cmin: 1, cmax: 4294967295, combo: 4294967295"}}},
	{"heap2 NEW_CID short", RM_HEAP2_ID, 0x70, NEW_CID " len:33", .w = {{10, 18, "<null>"}}},
	/* xl_heap_visible: cutoff_xid, flags (%d in 10, 11) */
	{"heap2 VISIBLE", RM_HEAP2_ID, 0x40, "u32:900 u8:0x01", .w = {
		{10, 11, "cutoff xid 900 flags 1"}, {12, 15, "cutoff xid 900 flags 0x01"}}},
	{"heap2 MULTI_INSERT+INIT", RM_HEAP2_ID, 0xD0, "u8:0x01 @2 u16:3", .w = {{10, 11, "3 tuples"}}},
	/* 16: offsets only without INIT, and only with block data */
	{"heap2 MULTI_INSERT+INIT 16", RM_HEAP2_ID, 0xD0, MULTI_3, .blk = "u8:0", .w = {
		{16, 18, "ntuples: 3, flags: 0x01"}}},
	{"heap2 MULTI_INSERT 16", RM_HEAP2_ID, 0x50, MULTI_3, .blk = "u8:0", .w = {
		{16, 18, "ntuples: 3, flags: 0x01, offsets: [1, 2, 3]"}}},
	{"heap2 MULTI_INSERT 16, offsets short", RM_HEAP2_ID, 0x50, MULTI_3 " len:9", .blk = "u8:0", .w = {
		{16, 18, "<null>"}}},
	/* isCatalogRel always printed */
	{"heap2 PRUNE_VACUUM_CLEANUP, catalog", RM_HEAP2_ID, 0x30, "u8:1 u8:0x02", .w = {
		{17, 18, ", isCatalogRel: T"}}},
	{"heap2 PRUNE_VACUUM_SCAN", RM_HEAP2_ID, 0x20, PRUNE_HZ(0x08), .w = {
		{17, 18, "snapshotConflictHorizon: 4321, isCatalogRel: F"}}},
	{"heap2 PRUNE_VACUUM_SCAN short", RM_HEAP2_ID, 0x20, PRUNE_HZ(0x08) " len:5", .w = {{17, 18, "<null>"}}},
	/* flags HAS_CONFLICT_HORIZON | HAS_FREEZE_PLANS | HAS_NOW_UNUSED_ITEMS */
	{"heap2 PRUNE_VACUUM_SCAN, plans", RM_HEAP2_ID, 0x20, PRUNE_HZ(0x98), .blk = FREEZE_PLAN, .w = {
		{17, 18, "snapshotConflictHorizon: 4321, isCatalogRel: F, nplans: 1, nredirected: 0, "
		 "ndead: 0, nunused: 1, plans: [{ xmax: 0, infomask: 2816, infomask2: 2, "
		 "ntuples: 2, offsets: [3, 4] }], unused: [9]"}}},
	{"heap2 PRUNE_VACUUM_SCAN, plan offsets short", RM_HEAP2_ID, 0x20, PRUNE_HZ(0x98),
		.blk = FREEZE_PLAN " len:23", .w = {{17, 18, "<null>"}}},
};

/* xl_btree_split: level, firstright, newitemoff, postingoff (13+) */
#define SPLIT "u32:1 u16:5 u16:6"
/* 10..13: leftsib, rightsib, leafleftsib, leafrightsib, topparent, btpo_xact */
#define UNLINK_10 "u32:1 u32:2 u32:3 u32:4 u32:5 u32:900"
/* 14+: leftsib, rightsib, level, pad, safexid@16, leafleftsib, leafrightsib, leaftopparent */
#define UNLINK_14 "u32:1 u32:2 u32:0 @16 " FXID " u32:3 u32:4 u32:5"
#define UNLINK_10_WANT "left 1; right 2; btpo_xact 900; leafleft 3; leafright 4; topparent 5"
/* REUSE_PAGE: node, block@12, latestRemovedXid@16 (14+: FullTransactionId; 16+: isCatalogRel@24) */
#define REUSE_14 NODE " u32:8 " FXID " u8:0"
/*
 * META_CLEANUP: xl_btree_metadata in block 0.  11: root, level, fastroot,
 * fastlevel, oldest_btpo_xact@16, float8@24; 12/13 put version first
 * (oldest_btpo_xact@20); 14+: last_cleanup_num_delpages@20.
 */
#define META "@24 f64:12.5"
/* 16+ DELETE: snapshotConflictHorizon, ndeleted, nupdated, isCatalogRel */
#define DELETE_16 "u32:750 u16:1 u16:0 u8:1"

static const struct rmgr_case btree_cases[] = {
	/* xl_btree_insert: offnum */
	{"btree INSERT_META", RM_BTREE_ID, 0x20, "u16:7", .w = {{10, 15, "off 7"}, {16, 18, "off: 7"}}},
	{"btree INSERT_META short", RM_BTREE_ID, 0x20, "u16:7 len:1", .w = {{10, 18, "<null>"}}},
	{"btree INSERT_POST", RM_BTREE_ID, 0x50, "u16:7", .w = {{13, 15, "off 7"}}},
	{"btree DEDUP", RM_BTREE_ID, 0x60, "u16:7", .w = {{13, 15, "nintervals 7"}}},
	/* 10 SPLIT_L_ROOT / SPLIT_R_ROOT, 11 SPLIT_L_HIGHKEY / SPLIT_R_HIGHKEY */
	{"btree SPLIT 0x50", RM_BTREE_ID, 0x50, SPLIT, .w = {
		{10, 10, "level 1, firstright 5, newitemoff 6"}, {11, 11, "level 1, firstright 5"}}},
	{"btree SPLIT 0x60", RM_BTREE_ID, 0x60, SPLIT, .w = {
		{10, 10, "level 1, firstright 5, newitemoff 6"}, {11, 11, "level 1, firstright 5"}}},
	{"btree SPLIT short", RM_BTREE_ID, 0x60, SPLIT " len:7", .w = {{10, 11, "<null>"}}},
	/* 13+ need postingoff too */
	{"btree SPLIT_L, no postingoff", RM_BTREE_ID, 0x30, SPLIT " len:9", .w = {{13, 18, "<null>"}}},
	/* 10..12 VACUUM: lastBlockVacuumed */
	{"btree VACUUM 10", RM_BTREE_ID, 0xC0, "u32:9", .w = {{10, 12, "lastBlockVacuumed 9"}}},
	{"btree VACUUM 10 short", RM_BTREE_ID, 0xC0, "u32:9 len:3", .w = {{10, 12, "<null>"}}},
	/* 13+: ndeleted, nupdated; 16+ then deleted[], updated[], xl_btree_update { ndeletedtids, ptids[] } */
	{"btree VACUUM", RM_BTREE_ID, 0xC0, "u16:1 u16:1", .w = {
		{13, 15, "ndeleted 1; nupdated 1"}, {16, 18, "ndeleted: 1, nupdated: 1"}}},
	{"btree VACUUM 16", RM_BTREE_ID, 0xC0, "u16:1 u16:1", .blk = "u16:3 u16:5 u16:2 u16:0 u16:4", .w = {
		{16, 18, "ndeleted: 1, nupdated: 1, deleted: [3], updated: [{ off: 5, nptids: 2, ptids: [0, 4] }]"}}},
	{"btree VACUUM 16, a ptid missing", RM_BTREE_ID, 0xC0, "u16:1 u16:1",
		.blk = "u16:3 u16:5 u16:2 u16:0 u16:4 len:9", .w = {{16, 18, "<null>"}}},
	/* 10/11 DELETE: hnode, nitems@12 */
	{"btree DELETE 10", RM_BTREE_ID, 0x70, NODE " u32:4", .w = {{10, 11, "4 items"}}},
	{"btree DELETE 10 short", RM_BTREE_ID, 0x70, NODE " u32:4 len:15", .w = {{10, 11, "<null>"}}},
	/* 17 prints the flag */
	{"btree DELETE 16", RM_BTREE_ID, 0x70, DELETE_16, .blk = "u16:2", .w = {
		{16, 16, "snapshotConflictHorizon: 750, ndeleted: 1, nupdated: 0, deleted: [2], updated: []"},
		{17, 18, "snapshotConflictHorizon: 750, ndeleted: 1, nupdated: 0, isCatalogRel: T, "
		 "deleted: [2], updated: []"}}},
	/* 16 does not read isCatalogRel */
	{"btree DELETE 16 short", RM_BTREE_ID, 0x70, DELETE_16 " len:8", .w = {
		{16, 16, "snapshotConflictHorizon: 750, ndeleted: 1, nupdated: 0"}, {17, 18, "<null>"}}},
	/* poffset, leafblk@4, leftblk, rightblk, topparent */
	{"btree MARK_PAGE_HALFDEAD", RM_BTREE_ID, 0xB0, "u16:1 @4 u32:5 u32:6 u32:7 u32:4", .w = {
		{10, 15, "topparent 4; leaf 5; left 6; right 7"}, {16, 18, "topparent: 4, leaf: 5, left: 6, right: 7"}}},
	{"btree MARK_PAGE_HALFDEAD short", RM_BTREE_ID, 0xB0, "u16:1 @4 u32:5 u32:6 u32:7 u32:4 len:19", .w = {
		{10, 18, "<null>"}}},
	{"btree UNLINK_PAGE_META", RM_BTREE_ID, 0x90, UNLINK_10, .w = {{10, 13, UNLINK_10_WANT}}},
	{"btree UNLINK_PAGE", RM_BTREE_ID, 0x80, UNLINK_10, .w = {{10, 13, UNLINK_10_WANT}}},
	{"btree UNLINK_PAGE short", RM_BTREE_ID, 0x80, UNLINK_10 " len:23", .w = {{10, 13, "<null>"}}},
	{"btree UNLINK_PAGE_META 14", RM_BTREE_ID, 0x90, UNLINK_14, .w = {
		{14, 15, "left 1; right 2; level 0; safexid 1:900; leafleft 3; leafright 4; leaftopparent 5"},
		{16, 18, "left: 1, right: 2, level: 0, safexid: 1:900, leafleft: 3, leafright: 4, leaftopparent: 5"}}},
	{"btree UNLINK_PAGE 14 short", RM_BTREE_ID, 0x80, UNLINK_14 " len:35", .w = {{14, 18, "<null>"}}},
	/* rootblk, level */
	{"btree NEWROOT", RM_BTREE_ID, 0xA0, "u32:3 u32:2", .w = {{10, 15, "lev 2"}}},
	{"btree NEWROOT short", RM_BTREE_ID, 0xA0, "u32:3 u32:2 len:7", .w = {{10, 18, "<null>"}}},
	{"btree REUSE_PAGE", RM_BTREE_ID, 0xD0, NODE " u32:8 u32:900", .w = {
		{10, 13, "rel 1663/16384/16500; latestRemovedXid 900"}}},
	{"btree REUSE_PAGE short", RM_BTREE_ID, 0xD0, NODE " u32:8 u32:900 len:19", .w = {{10, 13, "<null>"}}},
	{"btree REUSE_PAGE 14", RM_BTREE_ID, 0xD0, REUSE_14 " len:24", .w = {
		{14, 15, "rel 1663/16384/16500; latestRemovedXid 1:900"},
		{16, 16, "rel: 1663/16384/16500, snapshotConflictHorizon: 1:900"}, {17, 18, "<null>"}}},
	{"btree REUSE_PAGE 16", RM_BTREE_ID, 0xD0, REUSE_14, .w = {
		{16, 16, "rel: 1663/16384/16500, snapshotConflictHorizon: 1:900"},
		{17, 18, "rel: 1663/16384/16500, snapshotConflictHorizon: 1:900, isCatalogRel: F"}}},
	{"btree META_CLEANUP 11", RM_BTREE_ID, 0xE0, NULL, .blk = "@16 u32:800 " META, .w = {
		{11, 11, "oldest_btpo_xact 800; last_cleanup_num_heap_tuples: 12.500000"}}},
	{"btree META_CLEANUP 12", RM_BTREE_ID, 0xE0, NULL, .blk = "@20 u32:801 " META, .w = {
		{12, 13, "oldest_btpo_xact 801; last_cleanup_num_heap_tuples: 12.500000"}}},
	{"btree META_CLEANUP 12 short", RM_BTREE_ID, 0xE0, NULL, .blk = "@20 u32:801 " META " len:31", .w = {
		{12, 13, "<null>"}}},
	{"btree META_CLEANUP 14", RM_BTREE_ID, 0xE0, NULL, .blk = "@20 u32:3 " META " len:24", .w = {
		{14, 15, "last_cleanup_num_delpages 3"}, {16, 18, "last_cleanup_num_delpages: 3"}}},
	{"btree META_CLEANUP 14 short", RM_BTREE_ID, 0xE0, NULL, .blk = "@20 u32:3 " META " len:23", .w = {
		{14, 18, "<null>"}}},
	/* 10 has no META_CLEANUP */
	{"btree META_CLEANUP, no block 0", RM_BTREE_ID, 0xE0, NULL, .w = {{10, 10, ""}, {11, 18, "<null>"}}},
};

/* ginxlogInsert flags ISDATA; then the children, BlockIdData { bi_hi, bi_lo } 5 and 6 */
#define GIN_INTERNAL "u16:0x01 u16:0 u16:5 u16:0 u16:6"
/* ginxlogInsertDataInternal { offset, PostingItem { child_blkno 7, key (bi_hi, bi_lo, posid) 8/9 } } */
#define GIN_PITEM "u16:2 u16:0 u16:7 u16:0 u16:8 u16:9"
/*
 * ginxlogRecompressDataLeaf { nactions } then per action segno, action,
 * and ADDITEMS (4): nitems + ItemPointers; DELETE (1); INSERT (2) / REPLACE
 * (3): a GinPostingList (first 6, nbytes, bytes, SHORTALIGNed).
 */
#define GIN_LEAF "u16:3 u8:0 u8:4 u16:2 @18 u8:1 u8:1 u8:2 u8:2 @28 u16:3 len:34"
#define GIN_VACUUM_LEAF(act) "u16:1 u8:4 u8:" #act " @10 u16:0"
#define GIN_CHILDREN "isdata: T isleaf: F children: 5/6"

static const struct rmgr_case gin_cases[] = {
	/* no further information: CREATE_INDEX (10/11), CREATE_PTREE, VACUUM_PAGE, DELETE_PAGE, ... */
	{"gin CREATE_INDEX", RM_GIN_ID, 0x00, NULL, .w = {{10, 10, ""}}},
	{"gin CREATE_PTREE", RM_GIN_ID, 0x10, "len:8", .w = {{10, 18, ""}}},
	{"gin VACUUM_PAGE", RM_GIN_ID, 0x40, NULL, .w = {{10, 18, ""}}},
	{"gin DELETE_PAGE", RM_GIN_ID, 0x50, "len:16", .w = {{10, 18, ""}}},
	{"gin UPDATE_META_PAGE", RM_GIN_ID, 0x60, NULL, .w = {{10, 18, ""}}},
	{"gin INSERT_LISTPAGE", RM_GIN_ID, 0x70, NULL, .w = {{10, 18, ""}}},
	/* entry leaf, ginxlogInsertEntry { offset, isDelete, tuple } in block 0 */
	{"gin INSERT entry", RM_GIN_ID, 0x20, "u16:0x02", .blk = "u16:3 u8:1 len:8", .w = {
		{10, 18, "isdata: F isleaf: T isdelete: T"}}},
	{"gin INSERT entry short", RM_GIN_ID, 0x20, "u16:0x02", .blk = "u16:3", .w = {{10, 18, "<null>"}}},
	{"gin INSERT internal", RM_GIN_ID, 0x20, GIN_INTERNAL, .blk = GIN_PITEM, .w = {
		{10, 18, GIN_CHILDREN " pitem: 7-8/9"}}},
	{"gin INSERT internal, pitem short", RM_GIN_ID, 0x20, GIN_INTERNAL, .blk = GIN_PITEM " len:11", .w = {
		{10, 18, "<null>"}}},
	{"gin INSERT internal, children short", RM_GIN_ID, 0x20, GIN_INTERNAL " len:9", .blk = GIN_PITEM, .w = {
		{10, 18, "<null>"}}},
	/* block 0 has an image: its data is not looked at */
	{"gin INSERT internal, image", RM_GIN_ID, 0x20, GIN_INTERNAL, .image = IMG_APPLY, .w = {
		{10, 18, GIN_CHILDREN " (full page image)"}}},
	{"gin INSERT internal, image to verify", RM_GIN_ID, 0x20, GIN_INTERNAL, .image = IMG_VERIFY, .w = {
		{10, 18, GIN_CHILDREN " (full page image, for WAL verification)"}}},
	{"gin INSERT leaf", RM_GIN_ID, 0x20, "u16:0x03", .blk = GIN_LEAF, .w = {
		{10, 18, "isdata: T isleaf: T 3 segments: 0 (add 2 items) 1 (delete) 2 (insert)"}}},
	/* the posting list runs past the data */
	{"gin INSERT leaf short", RM_GIN_ID, 0x20, "u16:0x03", .blk = GIN_LEAF " len:33", .w = {{10, 18, "<null>"}}},
	{"gin INSERT leaf, no block 0", RM_GIN_ID, 0x20, "u16:0x03", .w = {{10, 18, "<null>"}}},
	/* ginxlogVacuumDataLeafPage, the same actions */
	{"gin VACUUM_DATA_LEAF_PAGE", RM_GIN_ID, 0x90, NULL, .blk = GIN_VACUUM_LEAF(3), .w = {
		{10, 18, " 1 segments: 4 (replace)"}}},
	/* an unknown action stops the list */
	{"gin VACUUM_DATA_LEAF_PAGE, bad action", RM_GIN_ID, 0x90, NULL, .blk = GIN_VACUUM_LEAF(9), .w = {
		{10, 18, " 1 segments: 4 unknown action 9 ???"}}},
	{"gin VACUUM_DATA_LEAF_PAGE short", RM_GIN_ID, 0x90, NULL, .blk = GIN_VACUUM_LEAF(9) " len:1", .w = {
		{10, 18, "<null>"}}},
	{"gin VACUUM_DATA_LEAF_PAGE, image", RM_GIN_ID, 0x90, NULL, .image = IMG_APPLY, .w = {
		{10, 18, " (full page image)"}}},
	/* ginxlogSplit { node, rrlink, leftChildBlkno, rightChildBlkno, flags@24 (ROOT | ISLEAF) } */
	{"gin SPLIT", RM_GIN_ID, 0x30, NODE " @24 u16:0x06", .w = {{10, 18, "isrootsplit: T isdata: F isleaf: T"}}},
	{"gin SPLIT short", RM_GIN_ID, 0x30, NODE " @24 u16:0x06 len:25", .w = {{10, 18, "<null>"}}},
	/* ginxlogDeleteListPages { GinMetaPageData (56), ndeleted@56 } */
	{"gin DELETE_LISTPAGE", RM_GIN_ID, 0x80, "@56 u32:3", .w = {{10, 18, "ndeleted: 3"}}},
	{"gin DELETE_LISTPAGE short", RM_GIN_ID, 0x80, "@56 u32:3 len:59", .w = {{10, 18, "<null>"}}},
};

/* 12+ gistxlogDelete: latestRemovedXid, ntodelete; 16 renames, 17 prints isCatalogRel@6 */
#define GIST_DELETE "u32:900 u16:3 u8:1"
/* 12+ PAGE_REUSE: node, block@12, FullTransactionId@16, isCatalogRel@24 (16+) */
#define GIST_REUSE NODE " u32:7 u64:900 u8:0"

static const struct rmgr_case gist_cases[] = {
	/* PAGE_UPDATE, CREATE_INDEX (10/11), ASSIGN_LSN (13+): nothing */
	{"gist PAGE_UPDATE", RM_GIST_ID, 0x00, "len:4", .w = {{10, 18, ""}}},
	{"gist CREATE_INDEX", RM_GIST_ID, 0x50, NULL, .w = {{10, 11, ""}}},
	{"gist ASSIGN_LSN", RM_GIST_ID, 0x70, NULL, .w = {{13, 18, ""}}},
	/* gistxlogPageSplit: origrlink, orignsn@8, origleaf@16, npage@18, markfollowright */
	{"gist PAGE_SPLIT", RM_GIST_ID, 0x30, "@18 u16:2 len:21", .w = {{10, 18, "page_split: splits to 2 pages"}}},
	{"gist PAGE_SPLIT short", RM_GIST_ID, 0x30, "@18 u16:2 len:19", .w = {{10, 18, "<null>"}}},
	/* 10/11 have no DELETE */
	{"gist DELETE", RM_GIST_ID, 0x10, GIST_DELETE " len:6", .w = {
		{10, 11, ""}, {12, 15, "delete: latestRemovedXid 900, nitems: 3"},
		{16, 16, "delete: snapshotConflictHorizon 900, nitems: 3"}, {17, 18, "<null>"}}},
	{"gist DELETE 16", RM_GIST_ID, 0x10, GIST_DELETE " len:8", .w = {
		{16, 16, "delete: snapshotConflictHorizon 900, nitems: 3"},
		{17, 18, "delete: snapshotConflictHorizon 900, nitems: 3, isCatalogRel T"}}},
	{"gist DELETE short", RM_GIST_ID, 0x10, GIST_DELETE " len:5", .w = {{12, 18, "<null>"}}},
	{"gist PAGE_REUSE", RM_GIST_ID, 0x20, GIST_REUSE " len:24", .w = {
		{12, 15, "rel 1663/16384/16500; blk 7; latestRemovedXid 0:900"},
		{16, 16, "rel 1663/16384/16500; blk 7; snapshotConflictHorizon 0:900"}, {17, 18, "<null>"}}},
	{"gist PAGE_REUSE 16", RM_GIST_ID, 0x20, GIST_REUSE, .w = {
		{16, 16, "rel 1663/16384/16500; blk 7; snapshotConflictHorizon 0:900"},
		{17, 18, "rel 1663/16384/16500; blk 7; snapshotConflictHorizon 0:900, isCatalogRel F"}}},
	{"gist PAGE_REUSE short", RM_GIST_ID, 0x20, GIST_REUSE " len:23", .w = {{12, 18, "<null>"}}},
	/* 12+ PAGE_DELETE: FullTransactionId deleteXid, downlinkOffset@8 */
	{"gist PAGE_DELETE", RM_GIST_ID, 0x60, FXID " u16:3", .w = {{12, 18, "deleteXid 1:900; downlink 3"}}},
	{"gist PAGE_DELETE short", RM_GIST_ID, 0x60, FXID " u16:3 len:9", .w = {{12, 18, "<null>"}}},
};

/* SPLIT_ALLOCATE_PAGE: new_bucket, old_bucket_flag@4, new_bucket_flag@6, flags@8 */
#define HASH_ALLOC(f) "u32:5 @8 u8:" #f
/* SQUEEZE_PAGE: prevblkno, nextblkno, ntups@8, is_prim_bucket_same_wrt@10, is_prev_bucket_same_wrt@11 */
#define HASH_SQUEEZE "u32:1 u32:0xFFFFFFFF u16:2 len:12"

static const struct rmgr_case hash_cases[] = {
	/* INIT_META_PAGE: double num_tuples, procid@8, ffactor@12 */
	{"hash INIT_META_PAGE", RM_HASH_ID, 0x00, "f64:1000 u32:450 u16:75 len:16", .w = {
		{10, 18, "num_tuples 1000, fillfactor 75"}}},
	{"hash INIT_META_PAGE short", RM_HASH_ID, 0x00, "f64:1000 u32:450 u16:75 len:13", .w = {{10, 18, "<null>"}}},
	/* INIT_BITMAP_PAGE { bmsize }, INSERT { offnum }, ADD_OVFL_PAGE { bmsize, bmpage_found } */
	{"hash INIT_BITMAP_PAGE", RM_HASH_ID, 0x10, "u16:4096", .w = {{10, 18, "bmsize 4096"}}},
	{"hash INSERT", RM_HASH_ID, 0x20, "u16:4096", .w = {{10, 18, "off 4096"}}},
	{"hash ADD_OVFL_PAGE", RM_HASH_ID, 0x30, "u16:4096 u8:1 len:4", .w = {{10, 18, "bmsize 4096, bmpage_found T"}}},
	{"hash ADD_OVFL_PAGE short", RM_HASH_ID, 0x30, "u16:4096", .w = {{10, 18, "<null>"}}},
	{"hash SPLIT_ALLOCATE_PAGE", RM_HASH_ID, 0x40, HASH_ALLOC(0x01), .w = {
		{10, 18, "new_bucket 5, meta_page_masks_updated T, issplitpoint_changed F"}}},
	{"hash SPLIT_ALLOCATE_PAGE, splitpoint", RM_HASH_ID, 0x40, HASH_ALLOC(0x02) " len:12", .w = {
		{10, 18, "new_bucket 5, meta_page_masks_updated F, issplitpoint_changed T"}}},
	{"hash SPLIT_ALLOCATE_PAGE short", RM_HASH_ID, 0x40, HASH_ALLOC(0x02) " len:8", .w = {{10, 18, "<null>"}}},
	/* SPLIT_PAGE, SPLIT_CLEANUP: nothing */
	{"hash SPLIT_PAGE", RM_HASH_ID, 0x50, NULL, .w = {{10, 18, ""}}},
	{"hash SPLIT_CLEANUP", RM_HASH_ID, 0xA0, NULL, .w = {{10, 18, ""}}},
	/* SPLIT_COMPLETE: old_bucket_flag, new_bucket_flag */
	{"hash SPLIT_COMPLETE", RM_HASH_ID, 0x60, "u16:2 u16:4", .w = {{10, 18, "old_bucket_flag 2, new_bucket_flag 4"}}},
	{"hash SPLIT_COMPLETE short", RM_HASH_ID, 0x60, "u16:2 u16:4 len:3", .w = {{10, 18, "<null>"}}},
	/* MOVE_PAGE_CONTENTS: ntups, is_prim_bucket_same_wrt */
	{"hash MOVE_PAGE_CONTENTS", RM_HASH_ID, 0x70, "u16:3 u8:1 len:4", .w = {{10, 18, "ntups 3, is_primary T"}}},
	{"hash MOVE_PAGE_CONTENTS short", RM_HASH_ID, 0x70, "u16:3", .w = {{10, 18, "<null>"}}},
	{"hash SQUEEZE_PAGE", RM_HASH_ID, 0x80, HASH_SQUEEZE, .w = {
		{10, 18, "prevblkno 1, nextblkno 4294967295, ntups 2, is_primary F"}}},
	{"hash SQUEEZE_PAGE short", RM_HASH_ID, 0x80, HASH_SQUEEZE " len:10", .w = {{10, 18, "<null>"}}},
	/* DELETE: clear_dead_marking, is_primary_bucket_page */
	{"hash DELETE", RM_HASH_ID, 0x90, "u8:1 len:2", .w = {{10, 18, "clear_dead_marking T, is_primary F"}}},
	/* UPDATE_META_PAGE: double ntuples */
	{"hash UPDATE_META_PAGE", RM_HASH_ID, 0xB0, "f64:2.5", .w = {{10, 18, "ntuples 2.5"}}},
	{"hash UPDATE_META_PAGE short", RM_HASH_ID, 0xB0, "f64:2.5 len:7", .w = {{10, 18, "<null>"}}},
	/* VACUUM_ONE_PAGE, 10/11: hnode, int ntuples@12 */
	{"hash VACUUM_ONE_PAGE 10", RM_HASH_ID, 0xC0, NODE " u32:3", .w = {{10, 11, "ntuples 3"}}},
	{"hash VACUUM_ONE_PAGE 10 short", RM_HASH_ID, 0xC0, NODE " u32:3 len:15", .w = {{10, 11, "<null>"}}},
	/* 12..15: latestRemovedXid, int ntuples@4; 14 renamed the label */
	{"hash VACUUM_ONE_PAGE 12", RM_HASH_ID, 0xC0, "u32:900 u32:3", .w = {
		{12, 13, "ntuples 3, latest removed xid 900"}, {14, 15, "ntuples 3, latestRemovedXid 900"}}},
	{"hash VACUUM_ONE_PAGE 12 short", RM_HASH_ID, 0xC0, "u32:900 u32:3 len:7", .w = {{12, 15, "<null>"}}},
	/* 16+: snapshotConflictHorizon, uint16 ntuples@4, isCatalogRel@6, offsets */
	{"hash VACUUM_ONE_PAGE 16", RM_HASH_ID, 0xC0, "u32:900 u16:3 u8:1 len:8", .w = {
		{16, 16, "ntuples 3, snapshotConflictHorizon 900"},
		{17, 18, "ntuples 3, snapshotConflictHorizon 900, isCatalogRel T"}}},
	{"hash VACUUM_ONE_PAGE 16 short", RM_HASH_ID, 0xC0, "u32:900 u16:3 u8:1 len:6", .w = {{16, 18, "<null>"}}},
};

/* ADD_LEAF: newPage, storesNulls, offnumLeaf@2, offnumHeadLeaf@4, offnumParent@6, nodeI@8 */
#define SPG_ADD_LEAF "u8:1 u8:1 u16:3 u16:0 u16:2 u16:1"
/* MOVE_LEAFS: nMoves, newPage@2, replaceDead@3, storesNulls@4, offnumParent@6, nodeI@8 */
#define SPG_MOVE_LEAFS "u16:4 @3 u8:1 @6 u16:2 u16:1"
/* ADD_NODE: offnum, offnumNew@2, newPage@4, int8 parentBlk@5, offnumParent@6, nodeI@8 */
#define SPG_ADD_NODE "u16:5 u16:1 u8:1 u8:0xFF u16:2 u16:3"
/* SPLIT_TUPLE: offnumPrefix, offnumPostfix, newPage@4, postfixBlkSame@5 */
#define SPG_SPLIT(np) "u16:2 u16:3 u8:" #np " u8:1"
/*
 * PICKSPLIT: isRootSplit, nDelete@2, nInsert@4, initSrc, initDest,
 * offnumInner@8, initInner@10, storesNulls@11, innerIsParent@12,
 * offnumParent@14, nodeI@16, stateSrc
 */
#define SPG_PICKSPLIT "u8:1 @2 u16:2 u16:3 @8 u16:4 @11 u8:1 u8:1 @14 u16:5 u16:6"
/* 14+ VACUUM_LEAF: nDead, nPlaceholder, nMove, nChain; VACUUM_ROOT: nDelete */
#define SPG_VACUUM "u16:1 u16:2 u16:3 u16:4"
/* VACUUM_REDIRECT: nToPlaceholder, firstPlaceholder, xid@4, isCatalogRel@8 (16+) */
#define SPG_REDIRECT "u16:2 u16:7 u32:900 u8:1"
#define SPG_REDIRECT_16 "ntoplaceholder: 2, firstplaceholder: 7, snapshotConflictHorizon: 900"

static const struct rmgr_case spgist_cases[] = {
	/* 10/11 CREATE_INDEX, 10..13 VACUUM_LEAF and VACUUM_ROOT: nothing */
	{"spgist CREATE_INDEX", RM_SPGIST_ID, 0x00, NULL, .w = {{10, 11, ""}}},
	{"spgist VACUUM_LEAF 10", RM_SPGIST_ID, 0x60, "len:16", .w = {{10, 13, ""}}},
	{"spgist VACUUM_ROOT 10", RM_SPGIST_ID, 0x70, "len:10", .w = {{10, 13, ""}}},
	{"spgist ADD_LEAF", RM_SPGIST_ID, 0x10, SPG_ADD_LEAF, .w = {
		{10, 13, "add leaf to page; off 3; headoff 0; parentoff 2 (newpage) (nulls)"},
		{14, 18, "off: 3, headoff: 0, parentoff: 2, nodeI: 1 (newpage) (nulls)"}}},
	{"spgist ADD_LEAF short", RM_SPGIST_ID, 0x10, SPG_ADD_LEAF " len:9", .w = {{10, 18, "<null>"}}},
	{"spgist MOVE_LEAFS", RM_SPGIST_ID, 0x20, SPG_MOVE_LEAFS " len:16", .w = {
		{10, 13, "4 leafs"}, {14, 18, "nmoves: 4, parentoff: 2, nodeI: 1 (replacedead)"}}},
	{"spgist MOVE_LEAFS short", RM_SPGIST_ID, 0x20, SPG_MOVE_LEAFS " len:9", .w = {{14, 18, "<null>"}}},
	{"spgist ADD_NODE", RM_SPGIST_ID, 0x30, SPG_ADD_NODE " len:16", .w = {
		{10, 13, "off 5"}, {14, 18, "off: 5, newoff: 1, parentBlk: -1, parentoff: 2, nodeI: 3 (newpage)"}}},
	{"spgist ADD_NODE short", RM_SPGIST_ID, 0x30, SPG_ADD_NODE " len:9", .w = {{14, 18, "<null>"}}},
	{"spgist ADD_NODE shorter", RM_SPGIST_ID, 0x30, SPG_ADD_NODE " len:1", .w = {{10, 18, "<null>"}}},
	{"spgist SPLIT_TUPLE", RM_SPGIST_ID, 0x40, SPG_SPLIT(0), .w = {
		{10, 13, "prefix off: 2, postfix off: 3 (same 1, new 0)"}, {14, 18, "prefixoff: 2, postfixoff: 3 (same)"}}},
	{"spgist SPLIT_TUPLE, new page", RM_SPGIST_ID, 0x40, SPG_SPLIT(1), .w = {
		{14, 18, "prefixoff: 2, postfixoff: 3 (newpage) (same)"}}},
	{"spgist SPLIT_TUPLE short", RM_SPGIST_ID, 0x40, SPG_SPLIT(1) " len:5", .w = {{10, 18, "<null>"}}},
	{"spgist PICKSPLIT", RM_SPGIST_ID, 0x50, SPG_PICKSPLIT " len:28", .w = {
		{10, 13, "ndel 2; nins 3 (innerIsParent) (isRootSplit)"},
		{14, 18, "ndelete: 2, ninsert: 3, inneroff: 4, parentoff: 5, nodeI: 6 (innerIsParent) (nulls) (isRootSplit)"}}},
	{"spgist PICKSPLIT short", RM_SPGIST_ID, 0x50, SPG_PICKSPLIT " len:12", .w = {{10, 13, "<null>"}}},
	{"spgist PICKSPLIT 14 short", RM_SPGIST_ID, 0x50, SPG_PICKSPLIT " len:17", .w = {{14, 18, "<null>"}}},
	{"spgist VACUUM_LEAF", RM_SPGIST_ID, 0x60, SPG_VACUUM " len:16", .w = {
		{14, 18, "ndead: 1, nplaceholder: 2, nmove: 3, nchain: 4"}}},
	{"spgist VACUUM_LEAF short", RM_SPGIST_ID, 0x60, SPG_VACUUM " len:7", .w = {{14, 18, "<null>"}}},
	{"spgist VACUUM_ROOT", RM_SPGIST_ID, 0x70, SPG_VACUUM " len:12", .w = {{14, 18, "ndelete: 1"}}},
	{"spgist VACUUM_ROOT short", RM_SPGIST_ID, 0x70, SPG_VACUUM " len:1", .w = {{14, 18, "<null>"}}},
	{"spgist VACUUM_REDIRECT", RM_SPGIST_ID, 0x80, SPG_REDIRECT " len:8", .w = {
		{10, 13, "newest XID 900"},
		{14, 15, "ntoplaceholder: 2, firstplaceholder: 7, newestredirectxid: 900"},
		{16, 16, SPG_REDIRECT_16}, {17, 18, "<null>"}}},
	{"spgist VACUUM_REDIRECT 16", RM_SPGIST_ID, 0x80, SPG_REDIRECT " len:10", .w = {
		{16, 16, SPG_REDIRECT_16}, {17, 18, SPG_REDIRECT_16 ", isCatalogRel: T"}}},
	{"spgist VACUUM_REDIRECT short", RM_SPGIST_ID, 0x80, SPG_REDIRECT " len:7", .w = {{10, 15, "<null>"}}},
};

/* UPDATE: oldOffnum, xl_brin_insert insert@4 { heapBlk, pagesPerRange, offnum } */
#define BRIN_UPDATE "u16:3 @4 u32:10 u32:128 u16:4"

static const struct rmgr_case brin_seq_cases[] = {
	/* CREATE_INDEX: pagesPerRange, version@4 */
	{"brin CREATE_INDEX", RM_BRIN_ID, 0x00, "u32:128 u16:1", .w = {{10, 18, "v1 pagesPerRange 128"}}},
	{"brin CREATE_INDEX short", RM_BRIN_ID, 0x00, "u32:128 u16:1 len:5", .w = {{10, 18, "<null>"}}},
	{"brin UPDATE", RM_BRIN_ID, 0x20, BRIN_UPDATE, .w = {
		{10, 18, "heapBlk 10 pagesPerRange 128 old offnum 3, new offnum 4"}}},
	/* with XLOG_BRIN_INIT_PAGE (0x80) */
	{"brin UPDATE+INIT", RM_BRIN_ID, 0xA0, BRIN_UPDATE, .w = {
		{10, 18, "heapBlk 10 pagesPerRange 128 old offnum 3, new offnum 4"}}},
	{"brin UPDATE short", RM_BRIN_ID, 0x20, BRIN_UPDATE " len:13", .w = {{10, 18, "<null>"}}},
	/* DESUMMARIZE: pagesPerRange, heapBlk, regOffset@8 */
	{"brin DESUMMARIZE", RM_BRIN_ID, 0x50, "u32:128 u32:256 u16:5", .w = {
		{10, 18, "pagesPerRange 128, heapBlk 256, page offset 5"}}},
	{"brin DESUMMARIZE short", RM_BRIN_ID, 0x50, "u32:128 u32:256 u16:5 len:9", .w = {{10, 18, "<null>"}}},
	/* REVMAP_EXTEND { targetBlk }, SAMEPAGE_UPDATE { offnum }, INSERT */
	{"brin REVMAP_EXTEND", RM_BRIN_ID, 0x40, "u32:2", .w = {{10, 18, "targetBlk 2"}}},
	{"brin SAMEPAGE_UPDATE", RM_BRIN_ID, 0x30, "u16:2", .w = {{10, 18, "offnum 2"}}},
	{"brin INSERT", RM_BRIN_ID, 0x10, "u32:2 u32:128 u16:6", .w = {{10, 18, "heapBlk 2 pagesPerRange 128 offnum 6"}}},
	/* Sequence LOG: xl_seq_rec { node }, then the tuple */
	{"sequence LOG", RM_SEQ_ID, 0x00, NODE " len:40", .w = {{10, 18, "rel 1663/16384/16500"}}},
	{"sequence LOG, no tuple", RM_SEQ_ID, 0x00, NODE, .w = {{10, 18, "rel 1663/16384/16500"}}},
	{"sequence LOG short", RM_SEQ_ID, 0x00, NODE " len:11", .w = {{10, 18, "<null>"}}},
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
test_gin_gist(void **state)
{
	(void) state;
	RMGR_CASES_RUN(gin_cases);
	RMGR_CASES_RUN(gist_cases);
}

static void
test_hash_spgist(void **state)
{
	(void) state;
	RMGR_CASES_RUN(hash_cases);
	RMGR_CASES_RUN(spgist_cases);
}

static void
test_brin_seq(void **state)
{
	(void) state;
	RMGR_CASES_RUN(brin_seq_cases);
}

/*
 * Every record type of every rmgr in every major, with main data and
 * block data of every length up to 48 bytes (all 0x00, then all 0xFF:
 * counts at their largest): no read past what was given (ASan), and a
 * description that fails leaves the buffer alone (desc_or_null() checks).
 */
static void
test_hostile(void **state)
{
	/* every built-in rmgr (the system ones too), and a custom id (15+) */
	uint8_t		rmids[RMGR_COUNT + 1];
	struct strbuf sb = STRBUF_INIT;
	uint8_t		d[48],
				b[48];

	(void) state;
	for (size_t k = 0; k < RMGR_COUNT; k++)
		rmids[k] = (uint8_t) k;
	rmids[RMGR_COUNT] = 130;
	for (int fill = 0; fill < 2; fill++)
	{
		memset(d, fill ? 0xFF : 0x00, sizeof(d));
		memset(b, fill ? 0xFF : 0x00, sizeof(b));
		for (int major = 10; major <= 18; major++)
			for (size_t k = 0; k < sizeof(rmids); k++)
				for (unsigned info = 0; info < 256; info += 16)
					for (uint32_t n = 0; n <= sizeof(d); n++)
					{
						struct rmgr_rec x;
						long		bn = n % 7 == 0 ? 0 : (long) sizeof(b) - n % 7;

						rmgr_rec_make(&x, rmids[k], (uint8_t) info, d, n, b, -1);
						(void) desc_or_null(&sb, major, &x.r);
						rmgr_rec_free(&x);
						rmgr_rec_make(&x, rmids[k], (uint8_t) info, d, n, b, n < 24 ? (long) n : bn);
						(void) desc_or_null(&sb, major, &x.r);
						rmgr_rec_free(&x);
					}
	}
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heap),
		cmocka_unit_test(test_btree),
		cmocka_unit_test(test_gin_gist),
		cmocka_unit_test(test_hash_spgist),
		cmocka_unit_test(test_brin_seq),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
