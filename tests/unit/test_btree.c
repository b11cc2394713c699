/*
 * btree: the metapage, opaque data, bt_page_stats() per major, index
 * tuples (plain, pivot with and without heap TID, posting lists) and
 * their hostile lengths; and the walk's checks on small built trees.
 */
#include <stdlib.h>

#include "unit.h"

#include "nbtree/btree.h"
#include "nbtree/btree_keys.h"
#include "nbtree/btree_walk.h"

static uint8_t page[BLCKSZ];
static struct diags ds;
static const struct pg_profile *p10, *p12, *p13, *p18;

static void
wr_tid(uint8_t *p, uint32_t block, uint16_t off)
{
	wr16(p, (uint16_t) (block >> 16));
	wr16(p + 2, (uint16_t) block);
	wr16(p + 4, off);
}

/* An empty B-tree page: header, opaque data, no items. */
static void
init_bt(uint32_t prev, uint32_t next, uint32_t level, uint16_t flags)
{
	memset(page, 0, sizeof(page));
	wr16(page + 12, SIZE_OF_PAGE_HEADER);
	wr16(page + 14, BLCKSZ - BT_OPAQUE_SIZE);
	wr16(page + 16, BLCKSZ - BT_OPAQUE_SIZE);
	wr16(page + 18, BLCKSZ | PG_PAGE_LAYOUT_VERSION);
	wr32(page + BLCKSZ - 16, prev);
	wr32(page + BLCKSZ - 12, next);
	wr32(page + BLCKSZ - 8, level);
	wr16(page + BLCKSZ - 4, flags);
}

/*
 * Append a tuple: t_tid, t_info (size | flags), then body bytes; the line
 * pointer gets lp_len (normally the size) and lp_flags.
 */
static unsigned
add_tuple(uint32_t block, uint16_t off, uint16_t info, const uint8_t *body,
		  unsigned bodylen, unsigned lp_len, unsigned lp_flags)
{
	unsigned	lower = page[12] | (page[13] << 8);
	unsigned	upper = page[14] | (page[15] << 8);
	unsigned	size = 8 + bodylen;
	unsigned	at = upper - ((size + 7) & ~7u);

	wr_tid(page + at, block, off);
	wr16(page + at + 6, info);
	if (bodylen)
		memcpy(page + at + 8, body, bodylen);
	wr32(page + lower, (uint32_t) at | ((uint32_t) lp_flags << 15) | ((uint32_t) lp_len << 17));
	wr16(page + 12, (uint16_t) (lower + 4));
	wr16(page + 14, (uint16_t) at);
	return (lower - SIZE_OF_PAGE_HEADER) / 4 + 1;
}

static void
decode(struct page_header *h, struct bt_opaque *o)
{
	page_header_decode(page, h);
	assert_true(bt_opaque_decode(page, h, o, 1, &ds));
}

static int
setup(void **state)
{
	(void) state;
	diags_reset(&ds);
	p10 = pg_profile_by_major(10);
	p12 = pg_profile_by_major(12);
	p13 = pg_profile_by_major(13);
	p18 = pg_profile_by_major(18);
	return 0;
}

static void
test_meta(void **state)
{
	struct bt_meta m;
	double		tuples = 120;

	(void) state;
	init_bt(0, 0, 0, BTP_META);
	wr32(page + 24, BTREE_MAGIC);
	wr32(page + 28, 4);
	wr32(page + 32, 3);
	wr32(page + 36, 1);
	wr32(page + 40, 3);
	wr32(page + 44, 1);
	wr32(page + 48, 7);
	memcpy(page + 56, &tuples, 8);
	page[64] = 1;
	assert_true(bt_meta_decode(page, &m, &ds));
	assert_int_equal(m.root, 3);
	assert_int_equal(m.fastlevel, 1);
	assert_int_equal(m.oldest_xact, 7);
	assert_true(m.last_cleanup_num_heap_tuples == 120);
	assert_true(m.allequalimage);
	assert_int_equal(ds.n, 0);

	/* version 2: the later fields read as pageinspect's defaults */
	wr32(page + 28, 2);
	assert_true(bt_meta_decode(page, &m, &ds));
	assert_int_equal(m.oldest_xact, 0);
	assert_true(m.last_cleanup_num_heap_tuples == -1);
	assert_false(m.allequalimage);

	wr32(page + 28, 5);
	assert_false(bt_meta_decode(page, &m, &ds));
	assert_int_equal(ds.d[0].code, D_BT_BAD_META);
	wr32(page + 28, 4);
	wr32(page + 24, 0x12345);
	assert_false(bt_meta_decode(page, &m, &ds));
	wr32(page + 24, BTREE_MAGIC);
	wr16(page + BLCKSZ - 4, BTP_LEAF);
	assert_false(bt_meta_decode(page, &m, &ds));
	assert_int_equal(ds.n, 3);
}

static void
test_opaque_hostile(void **state)
{
	struct page_header h;
	struct bt_opaque o;

	(void) state;
	init_bt(0, 0, 0, BTP_LEAF);
	wr16(page + 16, BLCKSZ - 8);	/* special space too small */
	page_header_decode(page, &h);
	assert_false(bt_opaque_decode(page, &h, &o, 5, &ds));
	wr16(page + 16, BLCKSZ);		/* none at all */
	page_header_decode(page, &h);
	assert_false(bt_opaque_decode(page, &h, &o, 5, &ds));
	init_bt(0, 0, 0, 0);
	wr16(page + BLCKSZ - 2, 0xFF81);	/* a hash page's page ID */
	page_header_decode(page, &h);
	assert_false(bt_opaque_decode(page, &h, &o, 5, &ds));
	assert_int_equal(ds.n, 3);
	assert_int_equal(ds.d[0].code, D_BT_BAD_PAGE);
	assert_int_equal(ds.d[0].blkno, 5);
}

static void
test_stats(void **state)
{
	struct page_header h;
	struct bt_opaque o;
	struct bt_stats st;
	uint8_t		key[8] = {1};

	(void) state;
	init_bt(4, 9, 0, BTP_LEAF);
	add_tuple(0, 1, 16, key, 8, 16, LP_NORMAL);		/* high key */
	add_tuple(0, 2, 16, key, 8, 16, LP_NORMAL);
	add_tuple(0, 3, 24, key, 8, 24, LP_DEAD);
	decode(&h, &o);
	bt_page_stats(page, &h, &o, p18, &st);
	assert_int_equal(st.type, 'l');
	assert_int_equal(st.live_items, 2);
	assert_int_equal(st.dead_items, 1);
	assert_int_equal(st.avg_item_size, (16 + 16 + 24) / 3);
	assert_int_equal(st.free_size, h.upper - h.lower - 4);
	assert_int_equal(st.btpo_prev, 4);
	assert_int_equal(st.btpo_next, 9);

	/* deleted: 10..13 stop early with placeholders, 14+ count nothing */
	init_bt(4, 9, 777, BTP_LEAF | BTP_DELETED);
	add_tuple(UINT32_MAX, 0, 8 | INDEX_ALT_TID_MASK, NULL, 0, 8, LP_NORMAL);
	decode(&h, &o);
	bt_page_stats(page, &h, &o, p13, &st);
	assert_int_equal(st.type, 'd');
	assert_int_equal(st.btpo_prev, -1);
	assert_int_equal(st.btpo_next, -1);
	assert_int_equal(st.btpo_level, 777);
	assert_int_equal(st.btpo_flags, 0);
	assert_int_equal(st.free_size, 0);
	assert_int_equal(bt_item_count(&h, &o, p13), 1);
	bt_page_stats(page, &h, &o, p18, &st);
	assert_int_equal(st.type, 'd');
	assert_int_equal(st.live_items, 0);
	assert_int_equal(st.btpo_next, 9);
	assert_int_equal(bt_item_count(&h, &o, p18), 0);
	init_bt(4, 9, 1, BTP_DELETED | BTP_HAS_FULLXID);
	decode(&h, &o);
	bt_page_stats(page, &h, &o, p18, &st);
	assert_int_equal(st.type, 'D');
	init_bt(0, 0, 1, BTP_ROOT);
	decode(&h, &o);
	bt_page_stats(page, &h, &o, p18, &st);
	assert_int_equal(st.type, 'r');
	init_bt(0, 0, 0, BTP_LEAF | BTP_HALF_DEAD);
	decode(&h, &o);
	bt_page_stats(page, &h, &o, p18, &st);
	assert_int_equal(st.type, 'e');
	assert_int_equal(st.avg_item_size, 0);
}

static void
test_items(void **state)
{
	struct page_header h;
	struct bt_opaque o;
	struct bt_item it;
	uint8_t		body[32] = {0};

	(void) state;
	init_bt(0, 5, 0, BTP_LEAF);
	/* 1: high key, pivot with a heap TID: 8 header + 8 key + 8 TID */
	body[0] = 0x2a;
	wr_tid(body + 10, 12, 3);	/* the last 6 bytes of the tuple */
	add_tuple(5, 1 | BT_PIVOT_HEAP_TID_ATTR, 24 | INDEX_ALT_TID_MASK, body, 16, 24, LP_NORMAL);
	/* 2: plain tuple with nulls: 16-byte header */
	add_tuple(3, 4, 24 | INDEX_NULL_MASK | INDEX_VAR_MASK, body, 16, 24, LP_NORMAL);
	/* 3: posting list of 2 TIDs at offset 16 */
	memset(body, 0, sizeof(body));
	body[0] = 0x2b;
	wr_tid(body + 8, 7, 1);
	wr_tid(body + 14, 7, 2);
	add_tuple(16, 2 | BT_IS_POSTING, 32 | INDEX_ALT_TID_MASK, body, 20, 32, LP_DEAD);
	decode(&h, &o);

	assert_true(bt_item_decode(page, &h, &o, 1, p18, 1, &it, &ds));
	assert_true(it.pivot && it.is_pivot && it.has_htid);
	assert_int_equal(it.natts, 1);
	assert_int_equal(it.htid.block, 12);
	assert_int_equal(it.htid.offset, 3);
	assert_int_equal(it.data_len, 8);
	assert_true(bt_item_decode(page, &h, &o, 1, p12, 1, &it, &ds));
	assert_int_equal(it.data_len, 16);	/* 12 shows the heap TID bytes */

	assert_true(bt_item_decode(page, &h, &o, 2, p18, 1, &it, &ds));
	assert_true(it.nulls && it.vars && !it.pivot && !it.is_pivot);
	assert_int_equal(it.data_len, 8);
	assert_int_equal(it.htid.block, 3);

	assert_true(bt_item_decode(page, &h, &o, 3, p18, 1, &it, &ds));
	assert_true(it.is_posting && it.dead && it.has_htid);
	assert_int_equal(it.nposting, 2);
	assert_int_equal(it.data_len, 8);
	{
		struct bt_tid t;

		bt_item_tid(&it, 1, &t);
		assert_int_equal(t.block, 7);
		assert_int_equal(t.offset, 2);
		bt_item_tid(&it, 2, &t);	/* past the list: invalid, never read */
		assert_int_equal(t.block, INVALID_BLOCK);
	}
	assert_true(bt_item_decode(page, &h, &o, 3, p10, 1, &it, &ds));
	assert_int_equal(it.data_len, 24);
	assert_int_equal(ds.n, 0);
	/* item 4 does not exist */
	assert_false(bt_item_decode(page, &h, &o, 4, p18, 1, &it, &ds));
	assert_int_equal(ds.d[0].code, D_BAD_LINE_POINTER);
}

static void
test_items_hostile(void **state)
{
	struct page_header h;
	struct bt_opaque o;
	struct bt_item it;
	uint8_t		body[64] = {0};

	(void) state;
	init_bt(0, 0, 0, BTP_LEAF);
	add_tuple(0, 1, 0x1FFF, body, 8, 16, LP_NORMAL);	/* size beyond lp_len */
	add_tuple(0, 1, 4, body, 8, 16, LP_NORMAL);			/* shorter than its header */
	add_tuple(0, 1, 8 | INDEX_NULL_MASK, body, 8, 16, LP_NORMAL);	/* no room for the bitmap */
	add_tuple(60000, 2 | BT_IS_POSTING, 24 | INDEX_ALT_TID_MASK, body, 16, 24, LP_NORMAL);	/* posting past the tuple */
	add_tuple(16, 0xFFF | BT_IS_POSTING, 24 | INDEX_ALT_TID_MASK, body, 16, 24, LP_NORMAL);	/* too many TIDs */
	add_tuple(4, 2 | BT_IS_POSTING, 24 | INDEX_ALT_TID_MASK, body, 16, 24, LP_NORMAL);	/* list inside the header */
	add_tuple(0, 1 | BT_PIVOT_HEAP_TID_ATTR, 8 | INDEX_ALT_TID_MASK, body, 0, 8, LP_NORMAL);	/* no room for the TID */
	add_tuple(16, 0 | BT_IS_POSTING, 24 | INDEX_ALT_TID_MASK, body, 16, 24, LP_NORMAL);	/* empty list */
	add_tuple(0, 1, 8, body, 0, 4, LP_NORMAL);		/* lp_len below the header */
	add_tuple(0, 1, 16, body, 8, 0, LP_UNUSED);		/* no storage */
	decode(&h, &o);
	for (unsigned i = 1; i <= 10; i++)
	{
		diags_reset(&ds);
		assert_false(bt_item_decode(page, &h, &o, i, p18, 9, &it, &ds));
		assert_false(it.ok);
		assert_int_equal(it.nposting, 0);
		assert_int_equal(ds.n, 1);
		assert_int_equal(ds.d[0].blkno, 9);
		assert_int_equal(ds.d[0].item, i);
	}
	/* lp_off pointing past the page end: the line pointer check catches it */
	wr32(page + SIZE_OF_PAGE_HEADER, (uint32_t) (BLCKSZ - 4) | (1u << 15) | (16u << 17));
	diags_reset(&ds);
	assert_false(bt_item_decode(page, &h, &o, 1, p18, 9, &it, &ds));
	assert_int_equal(ds.d[0].code, D_BAD_LINE_POINTER);
	/* stats never read past the page whatever lp_off says */
	{
		struct bt_stats st;

		wr32(page + SIZE_OF_PAGE_HEADER, 0x7FFF | (1u << 15));
		bt_page_stats(page, &h, &o, p18, &st);
		assert_int_equal(st.live_items, 10);
	}
}

static void
test_flag_names(void **state)
{
	const char *n[16];

	(void) state;
	assert_int_equal(bt_flag_names(BTP_LEAF | BTP_ROOT | BTP_HAS_FULLXID, n, 16), 3);
	assert_string_equal(n[0], "LEAF");
	assert_string_equal(n[1], "ROOT");
	assert_string_equal(n[2], "HAS_FULLXID");
	assert_int_equal(bt_flag_names(0xFFFF, n, 2), 2);
}

/* A leaf page of a version-4 tree with plain tuples of one 8-byte key. */
static void
leaf_with(uint32_t prev, uint32_t next, const uint32_t *keys, const uint16_t *tidoff, int n)
{
	uint8_t		body[8];

	init_bt(prev, next, 0, BTP_LEAF | (prev == 0 && next == 0 ? BTP_ROOT : 0));
	for (int i = 0; i < n; i++)
	{
		memset(body, 0, sizeof(body));
		wr32(body, keys[i]);
		if (i == 0 && next != 0)	/* the high key: a pivot of one key */
			add_tuple(P_NONE, 1, 16 | INDEX_ALT_TID_MASK, body, 8, 16, LP_NORMAL);
		else
			add_tuple(1, tidoff[i], 16, body, 8, 16, LP_NORMAL);
	}
}

static struct bt_meta
meta_of(uint32_t root, uint32_t level)
{
	struct bt_meta m;

	memset(&m, 0, sizeof(m));
	m.magic = BTREE_MAGIC;
	m.version = 4;
	m.root = m.fastroot = root;
	m.level = m.fastlevel = level;
	m.ok = true;
	return m;
}

static void
add_current(struct bt_tree *t, uint32_t blkno)
{
	struct page_header h;
	struct bt_opaque o;

	decode(&h, &o);
	assert_true(bt_tree_add_page(t, blkno, page, &h, &o, p18, &ds));
}

static void
test_walk_tid_order(void **state)
{
	struct bt_tree *t = bt_tree_new();
	struct bt_meta m = meta_of(1, 0);
	struct bt_shape *s = malloc(sizeof(*s));
	static const uint32_t keys[] = {1, 1, 2, 2};
	static const uint16_t good[] = {1, 2, 1, 3};
	static const uint16_t bad[] = {1, 2, 5, 3};

	(void) state;
	bt_tree_add_meta(t, &m);
	leaf_with(0, 0, keys, good, 4);
	add_current(t, 1);
	bt_tree_walk(t, s, &ds);
	assert_int_equal(ds.n, 0);
	assert_int_equal(s->nlevels, 1);
	assert_int_equal(s->levels[0].items, 4);
	bt_tree_free(t);

	/* equal keys 2, 2 with heap TIDs (1,5) then (1,3) */
	t = bt_tree_new();
	bt_tree_add_meta(t, &m);
	leaf_with(0, 0, keys, bad, 4);
	add_current(t, 1);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BT_POSTING);
	assert_int_equal(ds.d[0].item, 4);
	bt_tree_free(t);
	free(s);
}

/* Root 3 (level 1) over leaves 1 and 2; mess up one thing at a time. */
static uint32_t leaf1_hikey = 5;	/* the root's separator is 5 */

static void
build_two_level(struct bt_tree *t, uint32_t down1, uint32_t down2,
				uint32_t leaf1_next, uint32_t leaf2_prev)
{
	struct bt_meta m = meta_of(3, 1);
	const uint32_t k1[] = {leaf1_hikey};
	static const uint32_t k2[] = {5};
	static const uint16_t o1[] = {1};
	uint8_t		body[8] = {5};

	bt_tree_add_meta(t, &m);
	leaf_with(0, leaf1_next, k1, o1, 1);
	add_current(t, 1);
	leaf_with(leaf2_prev, 0, k2, o1, 1);
	add_current(t, 2);
	init_bt(0, 0, 1, BTP_ROOT);
	add_tuple(down1, 0, 8 | INDEX_ALT_TID_MASK, NULL, 0, 8, LP_NORMAL);
	add_tuple(down2, 1, 16 | INDEX_ALT_TID_MASK, body, 8, 16, LP_NORMAL);
	add_current(t, 3);
}

static void
test_walk_damage(void **state)
{
	struct bt_shape *s = malloc(sizeof(*s));
	struct bt_tree *t;

	(void) state;
	t = bt_tree_new();
	build_two_level(t, 1, 2, 2, 1);
	bt_tree_walk(t, s, &ds);
	assert_int_equal(ds.n, 0);
	assert_int_equal(s->nlevels, 2);
	assert_int_equal(s->levels[1].pages, 2);
	assert_int_equal(s->levels[0].downlinks, 2);
	bt_tree_free(t);

	t = bt_tree_new();
	build_two_level(t, 1, 2, 2, 7);		/* leaf 2's left link wrong */
	bt_tree_walk(t, s, &ds);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BT_SIBLING);
	assert_int_equal(ds.d[0].blkno, 1);
	bt_tree_free(t);

	diags_reset(&ds);
	t = bt_tree_new();
	build_two_level(t, 1, 1, 2, 1);		/* second downlink to leaf 1 again */
	bt_tree_walk(t, s, &ds);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BT_DOWNLINK);
	assert_int_equal(ds.d[0].blkno, 3);
	assert_int_equal(ds.d[0].item, 2);
	bt_tree_free(t);

	diags_reset(&ds);
	t = bt_tree_new();
	build_two_level(t, 1, 99, 2, 1);	/* downlink past the end */
	bt_tree_walk(t, s, &ds);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BT_DOWNLINK);
	bt_tree_free(t);

	diags_reset(&ds);
	t = bt_tree_new();
	build_two_level(t, 1, 2, 1, 1);		/* leaf 1 links to itself */
	bt_tree_walk(t, s, &ds);
	assert_int_equal(ds.d[ds.n - 2].code, D_BT_REACHED_TWICE);
	bt_tree_free(t);

	/* leaf 1's high key is not the root's separator after its downlink */
	diags_reset(&ds);
	leaf1_hikey = 4;
	t = bt_tree_new();
	build_two_level(t, 1, 2, 2, 1);
	bt_tree_walk(t, s, &ds);
	leaf1_hikey = 5;
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BT_HIGHKEY);
	assert_int_equal(ds.d[0].blkno, 1);
	bt_tree_free(t);

	/* no metapage, an empty tree */
	diags_reset(&ds);
	t = bt_tree_new();
	bt_tree_walk(t, s, &ds);
	assert_int_equal(ds.d[0].code, D_BT_ROOT);
	bt_tree_free(t);
	diags_reset(&ds);
	t = bt_tree_new();
	{
		struct bt_meta m = meta_of(P_NONE, 0);

		bt_tree_add_meta(t, &m);
	}
	bt_tree_walk(t, s, &ds);
	assert_true(s->empty);
	assert_int_equal(ds.n, 0);
	bt_tree_free(t);
	free(s);
}

/* Root 3 over leaves 1 -> 2 -> 4 with downlinks to 1 and 4 only. */
static void
test_walk_missing_downlink(void **state)
{
	struct bt_shape *s = malloc(sizeof(*s));
	struct bt_meta m = meta_of(3, 1);
	static const uint32_t k5[] = {5};
	static const uint32_t k9[] = {9};
	static const uint16_t o1[] = {1};
	uint8_t		body[8] = {5};

	(void) state;
	for (int incomplete = 0; incomplete <= 1; incomplete++)
	{
		struct bt_tree *t = bt_tree_new();

		diags_reset(&ds);
		bt_tree_add_meta(t, &m);
		leaf_with(0, 2, k5, o1, 1);
		if (incomplete)
			wr16(page + BLCKSZ - 4, BTP_LEAF | BTP_INCOMPLETE_SPLIT);
		add_current(t, 1);
		leaf_with(1, 4, k5, o1, 1);
		add_current(t, 2);
		leaf_with(2, 0, k9, o1, 1);
		add_current(t, 4);
		init_bt(0, 0, 1, BTP_ROOT);
		add_tuple(1, 0, 8 | INDEX_ALT_TID_MASK, NULL, 0, 8, LP_NORMAL);
		add_tuple(4, 1, 16 | INDEX_ALT_TID_MASK, body, 8, 16, LP_NORMAL);
		add_current(t, 3);
		bt_tree_walk(t, s, &ds);
		if (incomplete)
			assert_int_equal(ds.n, 0);	/* the right half of an incomplete split */
		else
		{
			assert_int_equal(ds.n, 1);
			assert_int_equal(ds.d[0].code, D_BT_DOWNLINK);
			assert_int_equal(ds.d[0].blkno, 2);
		}
		bt_tree_free(t);
	}
	free(s);
}

/* --types KEYS[;INCLUDED]: key count, name_ops' cstring storage, the limits. */
static void
test_keydesc_spec(void **state)
{
	struct tupdesc *td = NULL;
	int			nkey = -1;
	char		err[256];
	char		many[33 * 5 + 1] = "";

	(void) state;
	assert_int_equal(bt_keydesc_from_spec("name,int4;text,name[]", &td, &nkey,
										  err, sizeof(err)), 0);
	assert_non_null(td);
	assert_int_equal(td->natts, 4);
	assert_int_equal(nkey, 2);
	assert_int_equal(td->cols[0].attlen, -2);	/* name as name_ops stores it */
	assert_int_equal(td->cols[0].attalign, 'c');
	assert_false(td->cols[0].attbyval);
	assert_int_equal(td->cols[3].attlen, -1);	/* name[]: an ordinary array */
	tupdesc_free(td);

	assert_int_equal(bt_keydesc_from_spec("int4;text;int8", &td, &nkey, err,
										  sizeof(err)), -1);
	assert_null(td);
	assert_string_equal(err, "\"int4;text;int8\": after the ';' one list of INCLUDE columns");
	assert_int_equal(bt_keydesc_from_spec("int4,~int4", &td, &nkey, err, sizeof(err)), -1);
	assert_string_equal(err, "\"int4,~int4\": an index has no dropped columns");
	assert_int_equal(bt_keydesc_from_spec("bogus;int4", &td, &nkey, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "\"bogus\": "));
	for (int i = 0; i < 33; i++)
		strcat(many, i ? ",int4" : "int4");
	assert_int_equal(bt_keydesc_from_spec(many, &td, &nkey, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ": an index has at most 32 columns"));
	assert_null(td);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_meta, setup),
		cmocka_unit_test_setup(test_keydesc_spec, setup),
		cmocka_unit_test_setup(test_opaque_hostile, setup),
		cmocka_unit_test_setup(test_stats, setup),
		cmocka_unit_test_setup(test_items, setup),
		cmocka_unit_test_setup(test_items_hostile, setup),
		cmocka_unit_test_setup(test_flag_names, setup),
		cmocka_unit_test_setup(test_walk_tid_order, setup),
		cmocka_unit_test_setup(test_walk_damage, setup),
		cmocka_unit_test_setup(test_walk_missing_downlink, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
