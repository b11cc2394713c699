/*
 * fsm: heap block -> leaf page and slot, logical page -> physical block
 * and back, parents, categories <-> bytes at the boundaries, the tree
 * invariant and PageGetHeapFreeSpace.
 */
#include "unit.h"

#include "maps/fsm.h"
#include "maps/fsm_heapcheck.h"
#include "page/page.h"

static void
test_constants(void **state)
{
	(void) state;
	assert_int_equal(FSM_NODES, BLCKSZ - 24 - 4);
	assert_int_equal(FSM_SLOTS, FSM_NODES - FSM_NONLEAF_NODES);
	assert_int_equal(FSM_CAT_STEP * FSM_CATEGORIES, BLCKSZ);
	/* three levels reach every heap block: 4069^3 > 2^32 */
	assert_true((uint64_t) FSM_SLOTS * FSM_SLOTS * FSM_SLOTS > 0xFFFFFFFFull);
}

static void
expect_loc(uint32_t heapblk, uint32_t page, uint16_t slot)
{
	struct fsm_address a;
	uint16_t	s;

	fsm_location(heapblk, &a, &s);
	assert_int_equal(a.level, 0);
	assert_int_equal(a.logpageno, page);
	assert_int_equal(s, slot);
	assert_int_equal(fsm_heap_blk(&a, s), heapblk);
}

static void
test_location(void **state)
{
	(void) state;
	expect_loc(0, 0, 0);
	expect_loc(4068, 0, 4068);			/* last slot of leaf page 0 */
	expect_loc(4069, 1, 0);				/* first of leaf page 1 */
	expect_loc(4199, 1, 130);			/* pg17's big_fsm: its last block */
	expect_loc(4069u * 4069u - 1, 4068, 4068);	/* last leaf under level 1 page 0 */
	expect_loc(4069u * 4069u, 4069, 0);
	expect_loc(0xFFFFFFFEu, 1055533, 3517);		/* MaxBlockNumber */
}

static uint64_t
phys(int level, uint32_t logpageno)
{
	struct fsm_address a = {level, logpageno};

	return fsm_logical_to_physical(&a);
}

static void
test_physical(void **state)
{
	struct fsm_address a;
	uint64_t	b;

	(void) state;
	assert_int_equal(phys(2, 0), 0);			/* the root first */
	assert_int_equal(phys(1, 0), 1);
	assert_int_equal(phys(0, 0), 2);
	assert_int_equal(phys(0, 1), 3);
	assert_int_equal(phys(0, 4068), 4070);		/* last leaf of level 1 page 0 */
	assert_int_equal(phys(1, 1), 4071);			/* then level 1 page 1 */
	assert_int_equal(phys(0, 4069), 4072);
	assert_int_equal(phys(1, 4068), 1 + 4068ull * 4070);
	/* and back, over the first pages and around each level 1 page */
	for (b = 0; b < 3 * 4070 + 10; b++)
	{
		fsm_physical_to_logical(b, &a);
		assert_int_equal(fsm_logical_to_physical(&a), b);
	}
	for (b = 1 + 4068ull * 4070 - 5; b < 1 + 4068ull * 4070 + 4070; b++)
	{
		fsm_physical_to_logical(b, &a);
		assert_int_equal(fsm_logical_to_physical(&a), b);
	}
	fsm_physical_to_logical(4071, &a);
	assert_int_equal(a.level, 1);
	assert_int_equal(a.logpageno, 1);
	fsm_physical_to_logical(4072, &a);
	assert_int_equal(a.level, 0);
	assert_int_equal(a.logpageno, 4069);
}

static void
test_parent(void **state)
{
	struct fsm_address a = {0, 4069},
				p;
	uint16_t	slot;
	uint64_t	first,
				count;

	(void) state;
	fsm_parent(&a, &p, &slot);
	assert_int_equal(p.level, 1);
	assert_int_equal(p.logpageno, 1);
	assert_int_equal(slot, 0);
	a.level = 1;
	a.logpageno = 4068;
	fsm_parent(&a, &p, &slot);
	assert_int_equal(p.level, 2);
	assert_int_equal(p.logpageno, 0);
	assert_int_equal(slot, 4068);
	fsm_heap_range(&a, &first, &count);
	assert_true(first == 4068ull * 4069 * 4069 && count == 4069ull * 4069);
	a.level = 0;
	a.logpageno = 1;
	fsm_heap_range(&a, &first, &count);
	assert_true(first == 4069 && count == 4069);
}

static void
test_categories(void **state)
{
	(void) state;
	assert_int_equal(fsm_avail_of(0), 0);
	assert_int_equal(fsm_avail_of(1), 32);
	assert_int_equal(fsm_avail_of(128), 4096);
	assert_int_equal(fsm_avail_of(254), 8128);
	assert_int_equal(fsm_avail_of(255), 8160);	/* MaxFSMRequestSize, not 8160 by step */
	assert_int_equal(fsm_cat_of(0), 0);
	assert_int_equal(fsm_cat_of(31), 0);
	assert_int_equal(fsm_cat_of(32), 1);
	assert_int_equal(fsm_cat_of(8127), 253);
	assert_int_equal(fsm_cat_of(8128), 254);
	assert_int_equal(fsm_cat_of(8159), 254);
	assert_int_equal(fsm_cat_of(8160), 255);
	assert_int_equal(fsm_cat_of(8164), 255);	/* an empty heap page */
}

static void
test_tree(void **state)
{
	uint8_t		page[BLCKSZ];
	uint8_t    *nodes = page + FSM_NODES_OFFSET;
	struct fsm_page p;
	struct diags ds;
	int			n;

	(void) state;
	memset(page, 0, sizeof(page));
	page[24] = 7;				/* fp_next_slot */
	fsm_page_decode(page, &p);
	assert_int_equal(p.next_slot, 7);
	/* leaf slot 4068 (node 8163) is the last; its ancestors carry it */
	nodes[FSM_NONLEAF_NODES + 4068] = 200;
	nodes[FSM_NONLEAF_NODES + 0] = 100;
	for (n = FSM_NONLEAF_NODES - 1; n >= 0; n--)
		nodes[n] = fsm_children_max(&p, n);
	assert_int_equal(fsm_root(&p), 200);
	assert_int_equal(fsm_leaf(&p, 4068), 200);
	/* inner nodes whose children lie past the array hold 0 */
	assert_int_equal(fsm_children_max(&p, FSM_NONLEAF_NODES - 1), 0);
	diags_reset(&ds);
	assert_int_equal(fsm_check_tree(&p, 5, &ds), 0);
	assert_int_equal(ds.n, 0);
	/* an inner node raised: it and its parent disagree, one finding names it */
	nodes[2000] = 50;
	assert_int_equal(fsm_check_tree(&p, 5, &ds), 2);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_FSM_TREE);
	assert_int_equal(ds.d[0].blkno, 5);
	assert_non_null(strstr(ds.d[0].detail, "node 2000 holds 50, its children's max is 0"));
	/* a leaf raised behind the tree's back: its parent disagrees */
	nodes[2000] = 0;
	nodes[FSM_NONLEAF_NODES + 1] = 255;
	diags_reset(&ds);
	assert_int_equal(fsm_check_tree(&p, 5, &ds), 1);
	assert_non_null(strstr(ds.d[0].detail, "node 2047 holds 100, its children's max is 255"));
}

/* A heap page with n line pointers (used unless unused is set) and pd_upper. */
static void
heap_page(uint8_t *page, unsigned n, uint16_t upper, uint16_t flags, unsigned unused)
{
	unsigned	i;
	uint16_t	lower = (uint16_t) (24 + 4 * n);

	memset(page, 0, BLCKSZ);
	page[10] = (uint8_t) flags;
	memcpy(page + 12, &lower, 2);
	memcpy(page + 14, &upper, 2);
	page[17] = 0x20;
	page[18] = 0x04;
	page[19] = 0x20;
	for (i = 0; i < n; i++)
	{
		uint32_t	lp = i + 1 == unused ? 0 : (8000u | 1u << 15 | 24u << 17);

		memcpy(page + 24 + 4 * i, &lp, 4);
	}
}

static void
test_heap_free(void **state)
{
	uint8_t		page[BLCKSZ];

	(void) state;
	heap_page(page, 0, 8192, 0, 0);			/* empty: 8192 - 24 - 4 */
	assert_int_equal(fsm_heap_page_free(page), 8164);
	assert_int_equal(fsm_cat_of(fsm_heap_page_free(page)), 255);
	heap_page(page, 10, 4000, 0, 0);
	assert_int_equal(fsm_heap_page_free(page), 4000 - 64 - 4);
	heap_page(page, 10, 68, 0, 0);			/* room for nothing */
	assert_int_equal(fsm_heap_page_free(page), 0);
	heap_page(page, 10, 66, 0, 0);			/* pd_upper below pd_lower + 4 */
	assert_int_equal(fsm_heap_page_free(page), 0);
	/* MaxHeapTuplesPerPage line pointers: room only if one is unused */
	heap_page(page, 291, 7000, 0, 0);
	assert_int_equal(fsm_heap_page_free(page), 0);
	heap_page(page, 291, 7000, PD_HAS_FREE_LINES, 0);
	assert_int_equal(fsm_heap_page_free(page), 0);
	heap_page(page, 291, 7000, PD_HAS_FREE_LINES, 17);
	assert_int_equal(fsm_heap_page_free(page), 7000 - (24 + 4 * 291) - 4);
	heap_page(page, 290, 7000, 0, 0);
	assert_int_equal(fsm_heap_page_free(page), 7000 - (24 + 4 * 290) - 4);
	memset(page, 0, BLCKSZ);				/* new */
	assert_int_equal(fsm_heap_page_free(page), 0);
}

/* A leaf may lag its heap page, not overstate it by more than a category. */
static void
test_check_leaf(void **state)
{
	static uint8_t page[BLCKSZ];
	struct diags ds;
	uint8_t		real;

	(void) state;
	diags_reset(&ds);
	heap_page(page, 10, 4000, 0, 0);
	real = fsm_cat_of(fsm_heap_page_free(page));
	assert_int_equal(fsm_check_leaf(page, 7, 0, &ds), 0);	/* lags: fine */
	assert_int_equal(fsm_check_leaf(page, 7, real + 1, &ds), 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(fsm_check_leaf(page, 7, real + 2, &ds), 1);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_FSM_OVERSTATES);
	assert_int_equal(ds.d[0].blkno, 7);
	/* a new page is empty, as VACUUM records it: any category goes */
	diags_reset(&ds);
	memset(page, 0, BLCKSZ);
	assert_int_equal(fsm_check_leaf(page, 8, 255, &ds), 0);
	/* no page, or an index page: nothing to say */
	assert_int_equal(fsm_check_leaf(NULL, 9, 255, &ds), 0);
	heap_page(page, 10, 100, 0, 0);
	wr16(page + 16, BLCKSZ - 16);			/* a B-tree's special space */
	assert_int_equal(fsm_check_leaf(page, 9, 255, &ds), 0);
	assert_int_equal(ds.n, 0);
}

/* An upper slot against the root of the page below it. */
static void
test_check_upper(void **state)
{
	static uint8_t nodes[FSM_NODES];
	static struct fsm_levels lv;
	struct fsm_page root = {0, nodes},
				leaf = {0, nodes};
	struct fsm_address a;
	struct diags ds;

	(void) state;
	diags_reset(&ds);
	memset(&lv, 0, sizeof(lv));
	fsm_physical_to_logical(0, &a);			/* the root page */
	assert_int_equal(a.level, FSM_ROOT_LEVEL);
	nodes[FSM_NONLEAF_NODES] = 9;			/* its slot 0: level 1 page 0 */
	assert_int_equal(fsm_check_upper(&lv, 0, &a, &root, &ds), 0);
	assert_true(lv.have[FSM_ROOT_LEVEL]);
	fsm_physical_to_logical(1, &a);			/* level 1 page 0, root 0 */
	memset(nodes, 0, sizeof(nodes));
	assert_int_equal(fsm_check_upper(&lv, 1, &a, NULL, &ds), 1);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_FSM_STALE_UPPER);
	assert_int_equal(ds.d[0].blkno, 1);
	/* a leaf under it (all zero now): its root 0 matches slot 0's 0 */
	fsm_physical_to_logical(2, &a);
	assert_int_equal(a.level, 0);
	assert_int_equal(fsm_check_upper(&lv, 2, &a, &leaf, &ds), 0);
	assert_int_equal(ds.n, 1);
}

struct seen {
	uint64_t	hb[16];
	uint8_t		cat[16];
	int			n;
};

static void
collect(void *arg, uint64_t hb, uint8_t cat)
{
	struct seen *s = arg;

	if (s->n < 16)
	{
		s->hb[s->n] = hb;
		s->cat[s->n++] = cat;
	}
}

/* Heap blocks paired with their leaf slots, within the range and the heap. */
static void
test_heap_blocks_until(void **state)
{
	static uint8_t nodes[FSM_NODES];
	struct fsm_page leaf = {0, nodes};
	struct fsm_heapwalk w = {true, 5, 1, 3, 0};
	struct seen s = {{0}, {0}, 0};

	(void) state;
	nodes[FSM_NONLEAF_NODES + 1] = 11;
	nodes[FSM_NONLEAF_NODES + 2] = 22;
	fsm_heap_blocks_until(&w, 4000, &leaf, 0, collect, &s);
	assert_int_equal(s.n, 3);				/* blocks 1..3 of 0..4 */
	assert_int_equal(s.hb[0], 1);
	assert_int_equal(s.cat[0], 11);
	assert_int_equal(s.cat[1], 22);
	assert_int_equal(s.hb[2], 3);
	assert_int_equal(w.next_hb, 4000);
	/* size unknown and no leaf: only the position moves */
	w = (struct fsm_heapwalk) {false, 0, 0, 100, 0};
	s.n = 0;
	fsm_heap_blocks_until(&w, 50, NULL, 0, collect, &s);
	assert_int_equal(s.n, 0);
	assert_int_equal(w.next_hb, 50);
	/* the heap ends before the leaf: blocks past it are not reported */
	w = (struct fsm_heapwalk) {true, 2, 0, 100, 0};
	fsm_heap_blocks_until(&w, 4000, NULL, 0, collect, &s);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.cat[1], 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_constants),
		cmocka_unit_test(test_location),
		cmocka_unit_test(test_physical),
		cmocka_unit_test(test_parent),
		cmocka_unit_test(test_categories),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_heap_free),
		cmocka_unit_test(test_check_leaf),
		cmocka_unit_test(test_check_upper),
		cmocka_unit_test(test_heap_blocks_until),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
