/*
 * heaptuple and heappage: header fields at their offsets, every way t_hoff
 * and the null bitmap can be hostile, the infomask predicates and names in
 * pageinspect's order, and heap_page_items()'s rules for which line
 * pointers hold a readable tuple.
 */
#include "unit.h"

#include "heap/heapcheck.h"
#include "heap/heappage.h"
#include "heap/heaptuple.h"

static uint8_t buf[BLCKSZ];

/* A tuple header at p: xmin 100, xmax 0, cid 3, ctid (0x10002,5). */
static void
make_tuple(uint8_t *p, uint16_t infomask2, uint16_t infomask, uint8_t hoff)
{
	memset(p, 0, 64);
	wr32(p, 100);
	wr32(p + 4, 0);
	wr32(p + 8, 3);
	wr16(p + 12, 1);			/* bi_hi */
	wr16(p + 14, 2);			/* bi_lo */
	wr16(p + 16, 5);
	wr16(p + 18, infomask2);
	wr16(p + 20, infomask);
	p[22] = hoff;
}

static void
test_fields(void **state)
{
	struct heap_tuple t;
	char		s[32];

	(void) state;
	make_tuple(buf, 3 | HEAP_HOT_UPDATED, HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID, 24);
	assert_int_equal(heaptuple_decode(buf, 40, &t), HT_OK);
	assert_int_equal(t.xmin, 100);
	assert_int_equal(t.field3, 3);
	assert_int_equal(t.ctid_block, 0x10002);
	assert_int_equal(t.ctid_offset, 5);
	assert_int_equal(t.natts, 3);
	assert_int_equal(t.hoff, 24);
	assert_ptr_equal(t.data, buf + 24);
	assert_int_equal(t.data_len, 16);
	assert_null(t.bits);
	assert_false(t.has_oid);
	heaptuple_ctid_text(&t, s, sizeof(s));
	assert_string_equal(s, "(65538,5)");
	t.ctid_block = UINT32_MAX;
	t.ctid_offset = 0;
	assert_int_equal(heaptuple_ctid_text(&t, s, sizeof(s)), 14);
	assert_string_equal(s, "(4294967295,0)");
	/* a short buffer truncates like snprintf, and says the full length */
	assert_int_equal(heaptuple_ctid_text(&t, s, 5), 14);
	assert_string_equal(s, "(429");
	t.ctid_block = 0x10002;
	assert_true(heaptuple_xmin_committed(&t));
	assert_false(heaptuple_xmin_frozen(&t));
	assert_int_equal(heaptuple_xmin(&t), 100);
	/* HOT_UPDATED with xmax invalid is not HeapTupleHeaderIsHotUpdated */
	assert_false(heaptuple_is_hot_updated(&t));
	assert_false(heaptuple_att_isnull(&t, 1));
	assert_true(heaptuple_att_isnull(&t, 4));	/* past natts */
	assert_false(heaptuple_att_isnull(&t, 0));
}

static void
test_too_short(void **state)
{
	struct heap_tuple t;

	(void) state;
	make_tuple(buf, 1, 0, 24);
	assert_int_equal(heaptuple_decode(buf, 22, &t), HT_TOO_SHORT);
	assert_int_equal(t.xmin, 0);
	assert_null(t.data);
	assert_int_equal(heaptuple_decode(NULL, 0, &t), HT_TOO_SHORT);
	/* 23 bytes: the header, but t_hoff 24 lies past lp_len */
	assert_int_equal(heaptuple_decode(buf, 23, &t), HT_BAD_HOFF);
	assert_int_equal(t.xmin, 100);
	assert_null(t.data);
}

static void
test_hostile_hoff(void **state)
{
	struct heap_tuple t;

	(void) state;
	make_tuple(buf, 1, HEAP_HASNULL | HEAP_HASOID_OLD, 255);
	assert_int_equal(heaptuple_decode(buf, 64, &t), HT_BAD_HOFF);
	assert_null(t.data);
	assert_null(t.bits);
	assert_false(t.has_oid);
	make_tuple(buf, 1, 0, 28);	/* not MAXALIGNed */
	assert_int_equal(heaptuple_decode(buf, 64, &t), HT_BAD_HOFF);
	make_tuple(buf, 1, 0, 16);	/* inside the fixed header */
	assert_int_equal(heaptuple_decode(buf, 64, &t), HT_BAD_HOFF);
	make_tuple(buf, 1, 0, 64);	/* == lp_len: no data, fine */
	assert_int_equal(heaptuple_decode(buf, 64, &t), HT_OK);
	assert_int_equal(t.data_len, 0);
}

static void
test_bitmap(void **state)
{
	struct heap_tuple t;
	char		s[64];

	(void) state;
	/* 10 attributes, 2 bitmap bytes at 23..24, t_hoff 32 */
	make_tuple(buf, 10, HEAP_HASNULL, 32);
	buf[23] = 0xFD;				/* attribute 2 null */
	buf[24] = 0x01;				/* attribute 10 null */
	assert_int_equal(heaptuple_decode(buf, 40, &t), HT_OK);
	assert_int_equal(t.bits_len, 2);
	assert_false(heaptuple_att_isnull(&t, 1));
	assert_true(heaptuple_att_isnull(&t, 2));
	assert_false(heaptuple_att_isnull(&t, 9));
	assert_true(heaptuple_att_isnull(&t, 10));
	assert_int_equal(heaptuple_bits_text(&t, s, sizeof(s)), 16);
	assert_string_equal(s, "1011111110000000");
	/* a short buffer truncates, never overflows */
	assert_int_equal(heaptuple_bits_text(&t, s, 5), 4);
	assert_string_equal(s, "1011");
	/* 2047 attributes need 256 bitmap bytes: more than t_hoff leaves */
	make_tuple(buf, HEAP_NATTS_MASK, HEAP_HASNULL, 32);
	assert_int_equal(heaptuple_decode(buf, 40, &t), HT_BAD_BITMAP);
	assert_null(t.bits);
	assert_non_null(t.data);
	assert_false(heaptuple_att_isnull(&t, 5));
}

static void
test_oid(void **state)
{
	struct heap_tuple t;

	(void) state;
	make_tuple(buf, 2, HEAP_HASOID_OLD, 32);
	wr32(buf + 28, 16384);
	assert_int_equal(heaptuple_decode(buf, 40, &t), HT_OK);
	assert_true(t.has_oid);
	assert_int_equal(t.oid, 16384);
}

static void
test_predicates(void **state)
{
	struct heap_tuple t;

	(void) state;
	make_tuple(buf, 1, HEAP_XMIN_FROZEN, 24);
	heaptuple_decode(buf, 24, &t);
	assert_true(heaptuple_xmin_frozen(&t));
	assert_false(heaptuple_xmin_invalid(&t));
	assert_int_equal(heaptuple_xmin(&t), FROZEN_TRANSACTION_ID);
	make_tuple(buf, 1, HEAP_XMIN_INVALID, 24);
	heaptuple_decode(buf, 24, &t);
	assert_true(heaptuple_xmin_invalid(&t));
	make_tuple(buf, 1, HEAP_XMAX_EXCL_LOCK, 24);
	heaptuple_decode(buf, 24, &t);
	assert_true(heaptuple_xmax_locked_only(&t));
	make_tuple(buf, 1, HEAP_XMAX_EXCL_LOCK | HEAP_XMAX_IS_MULTI, 24);
	heaptuple_decode(buf, 24, &t);
	assert_false(heaptuple_xmax_locked_only(&t));
	assert_true(heaptuple_xmax_is_multi(&t));
	make_tuple(buf, 1, HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_IS_MULTI, 24);
	heaptuple_decode(buf, 24, &t);
	assert_true(heaptuple_xmax_locked_only(&t));
	make_tuple(buf, 1 | HEAP_HOT_UPDATED | HEAP_ONLY_TUPLE, HEAP_XMIN_COMMITTED, 24);
	heaptuple_decode(buf, 24, &t);
	assert_true(heaptuple_is_hot_updated(&t));
	assert_true(heaptuple_is_heap_only(&t));
	make_tuple(buf, 1, HEAP_MOVED_IN, 24);
	heaptuple_decode(buf, 24, &t);
	assert_true(heaptuple_has_xvac(&t));
}

static void
test_flag_names(void **state)
{
	const char *n[HEAPTUPLE_MAX_RAW_FLAGS];

	(void) state;
	assert_int_equal(heaptuple_raw_flags(0, 0, n, HEAPTUPLE_MAX_RAW_FLAGS), 0);
	assert_int_equal(heaptuple_raw_flags(0xFFFF, 0xFFFF, n, HEAPTUPLE_MAX_RAW_FLAGS), 19);
	assert_string_equal(n[0], "HEAP_HASNULL");
	assert_string_equal(n[3], "HEAP_HASOID_OLD");
	assert_string_equal(n[4], "HEAP_XMAX_KEYSHR_LOCK");
	assert_string_equal(n[5], "HEAP_COMBOCID");
	assert_string_equal(n[15], "HEAP_MOVED_IN");
	assert_string_equal(n[16], "HEAP_KEYS_UPDATED");
	assert_string_equal(n[18], "HEAP_ONLY_TUPLE");
	/* max is respected */
	assert_int_equal(heaptuple_raw_flags(0xFFFF, 0, n, 2), 2);
	assert_int_equal(heaptuple_combined_flags(0xFFFF, n, 3), 3);
	assert_string_equal(n[0], "HEAP_XMAX_SHR_LOCK");
	assert_string_equal(n[1], "HEAP_XMIN_FROZEN");
	assert_string_equal(n[2], "HEAP_MOVED");
	assert_int_equal(heaptuple_combined_flags(HEAP_XMIN_COMMITTED | HEAP_MOVED_IN, n, 3), 0);
}

static void
set_lp(unsigned i, unsigned off, unsigned flags, unsigned len)
{
	wr32(buf + SIZE_OF_PAGE_HEADER + (i - 1) * 4,
		 (uint32_t) off | ((uint32_t) flags << 15) | ((uint32_t) len << 17));
}

static void
test_page_items(void **state)
{
	struct heap_item it;

	(void) state;
	memset(buf, 0, sizeof(buf));
	make_tuple(buf + 8000, 1, 0, 24);
	set_lp(1, 8000, LP_NORMAL, 32);
	set_lp(2, 8000, LP_NORMAL, 0x7FFF);	/* runs past the page */
	set_lp(3, 8004, LP_NORMAL, 32);		/* misaligned */
	set_lp(4, 8000, LP_NORMAL, 20);		/* shorter than MinHeapTupleSize */
	set_lp(5, 1, LP_REDIRECT, 0);
	set_lp(6, 8000, LP_DEAD, 32);		/* dead with storage: decoded */
	heappage_item(buf, 1, &it);
	assert_true(it.has_tuple);
	assert_int_equal(it.t.status, HT_OK);
	heappage_item(buf, 2, &it);
	assert_false(it.has_tuple);
	assert_null(it.t.data);
	heappage_item(buf, 3, &it);
	assert_false(it.has_tuple);
	heappage_item(buf, 4, &it);
	assert_false(it.has_tuple);
	heappage_item(buf, 5, &it);
	assert_false(it.has_tuple);
	assert_int_equal(it.id.flags, LP_REDIRECT);
	assert_int_equal(it.id.off, 1);
	heappage_item(buf, 6, &it);
	assert_true(it.has_tuple);
	assert_string_equal(heappage_lp_flags_name(LP_DEAD), "DEAD");
}

/*
 * Hostile pages: random bytes under a header claiming the most line
 * pointers a page can hold.  Every item decodes and the checker runs
 * without reading outside the page (ASan watches) and keeps its findings
 * bounded.
 */
static void
test_random_pages(void **state)
{
	uint32_t	x = 12345;
	struct diags ds;
	struct page_header h;
	struct heap_item it;
	int			round;
	unsigned	i;

	(void) state;
	for (round = 0; round < 200; round++)
	{
		for (i = 0; i < BLCKSZ; i++)
		{
			x = x * 1103515245u + 12345u;
			buf[i] = (uint8_t) (x >> 16);
		}
		/* a third of the rounds: plausible tuples at plausible places */
		if (round % 3 == 0)
			for (i = 1; i <= 40; i++)
				set_lp(i, 4096 + i * 8 * (round % 7), 1 + (i % 3), 24 + i);
		wr16(buf + 12, (uint16_t) (round % 2 ? BLCKSZ : 24 + 40 * 4));
		wr16(buf + 14, (uint16_t) (round % 5 == 0 ? 0 : 200));
		wr16(buf + 16, BLCKSZ);
		page_header_decode(buf, &h);
		for (i = 1; i <= page_item_count(&h); i++)
		{
			heappage_item(buf, i, &it);
			if (it.has_tuple)
				assert_true(it.t.data == NULL ||
							it.t.data + it.t.data_len <= buf + BLCKSZ);
		}
		diags_reset(&ds);
		heapcheck_page(buf, &h, 7, &ds);
		assert_true(ds.n <= DIAG_MAX);
	}
}

/* A clean little page: one tuple, one HOT chain through a redirect. */
static void
test_check_clean_and_broken(void **state)
{
	struct diags ds;
	struct page_header h;

	(void) state;
	memset(buf, 0, sizeof(buf));
	wr16(buf + 12, 24 + 3 * 4);
	wr16(buf + 14, 8000);
	wr16(buf + 16, BLCKSZ);
	wr16(buf + 18, BLCKSZ | PG_PAGE_LAYOUT_VERSION);
	/* 1: redirect to 3; 2: a plain tuple; 3: heap-only, updated */
	set_lp(1, 3, LP_REDIRECT, 0);
	make_tuple(buf + 8000, 1, HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID, 24);
	wr16(buf + 8000 + 12, 0);
	wr16(buf + 8000 + 14, 0);
	wr16(buf + 8000 + 16, 2);
	set_lp(2, 8000, LP_NORMAL, 32);
	make_tuple(buf + 8040, 1 | HEAP_ONLY_TUPLE, HEAP_XMAX_INVALID | HEAP_UPDATED, 24);
	wr16(buf + 8040 + 12, 0);
	wr16(buf + 8040 + 14, 0);
	wr16(buf + 8040 + 16, 3);
	set_lp(3, 8040, LP_NORMAL, 32);
	page_header_decode(buf, &h);
	diags_reset(&ds);
	assert_int_equal(heapcheck_page(buf, &h, 0, &ds), 0);
	/* the redirect now points at the plain tuple */
	set_lp(1, 2, LP_REDIRECT, 0);
	diags_reset(&ds);
	assert_int_equal(heapcheck_page(buf, &h, 0, &ds), 2);	/* + orphaned 3 */
	assert_int_equal(ds.d[0].code, D_HEAP_HOT_CHAIN);
	assert_int_equal(ds.d[0].item, 1);
	assert_int_equal(ds.d[1].item, 3);
}

/*
 * An update under a key-share lock: the old version's xmax is a multixact
 * whose update member (in pg_multixact, not read here) made the heap-only
 * new version: not a chain's root (the forensic fixtures' multixact_update).
 */
static void
test_check_multixact_update(void **state)
{
	struct diags ds;
	struct page_header h;

	(void) state;
	memset(buf, 0, sizeof(buf));
	wr16(buf + 12, 24 + 2 * 4);
	wr16(buf + 14, 8000);
	wr16(buf + 16, BLCKSZ);
	wr16(buf + 18, BLCKSZ | PG_PAGE_LAYOUT_VERSION);
	/* 1: xmax multixact 2, HOT-updated to 2; 2: heap-only, xmin 836 */
	make_tuple(buf + 8000, 3 | HEAP_HOT_UPDATED, HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI |
			   HEAP_XMAX_EXCL_LOCK, 24);
	wr32(buf + 8000 + 4, 2);
	wr16(buf + 8000 + 12, 0);
	wr16(buf + 8000 + 14, 0);
	wr16(buf + 8000 + 16, 2);
	set_lp(1, 8000, LP_NORMAL, 32);
	make_tuple(buf + 8040, 3 | HEAP_ONLY_TUPLE, HEAP_XMIN_COMMITTED | HEAP_UPDATED |
			   HEAP_XMAX_KEYSHR_LOCK | HEAP_XMAX_LOCK_ONLY, 24);
	wr32(buf + 8040, 836);
	wr32(buf + 8040 + 4, 835);
	wr16(buf + 8040 + 12, 0);
	wr16(buf + 8040 + 14, 0);
	wr16(buf + 8040 + 16, 2);
	set_lp(2, 8040, LP_NORMAL, 32);
	page_header_decode(buf, &h);
	diags_reset(&ds);
	assert_int_equal(heapcheck_page(buf, &h, 0, &ds), 0);
	/* a locker's multixact is no update: then 2 has no predecessor */
	wr16(buf + 8000 + 20, HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI | HEAP_XMAX_LOCK_ONLY |
		 HEAP_XMAX_KEYSHR_LOCK);
	diags_reset(&ds);
	assert_true(heapcheck_page(buf, &h, 0, &ds) > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_too_short),
		cmocka_unit_test(test_hostile_hoff),
		cmocka_unit_test(test_bitmap),
		cmocka_unit_test(test_oid),
		cmocka_unit_test(test_predicates),
		cmocka_unit_test(test_flag_names),
		cmocka_unit_test(test_page_items),
		cmocka_unit_test(test_random_pages),
		cmocka_unit_test(test_check_clean_and_broken),
		cmocka_unit_test(test_check_multixact_update),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
