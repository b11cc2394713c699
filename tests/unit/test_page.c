/*
 * page: header decoding, the header sanity rules one by one, line pointers
 * of every kind and every way to be out of bounds, and the page kind told
 * from the special space.
 */
#include "unit.h"

#include "page/page.h"

static uint8_t page[BLCKSZ];
static struct diags ds;

/* A fresh, sane page with the given bounds. */
static void
init_page(uint16_t lower, uint16_t upper, uint16_t special)
{
	memset(page, 0, sizeof(page));
	wr16(page + 12, lower);
	wr16(page + 14, upper);
	wr16(page + 16, special);
	wr16(page + 18, BLCKSZ | PG_PAGE_LAYOUT_VERSION);
}

static void
set_lp(unsigned i, unsigned off, unsigned flags, unsigned len)
{
	wr32(page + SIZE_OF_PAGE_HEADER + (i - 1) * 4,
		 (uint32_t) off | ((uint32_t) flags << 15) | ((uint32_t) len << 17));
}

static int
setup(void **state)
{
	(void) state;
	diags_reset(&ds);
	return 0;
}

static void
test_header_decode(void **state)
{
	struct page_header h;
	static const uint8_t hdr[24] = {
		0x01, 0x00, 0x00, 0x00,		/* pd_lsn.xlogid 1 */
		0x48, 0x37, 0x6B, 0x01,		/* pd_lsn.xrecoff 0x16B3748 */
		0x2B, 0x1A,					/* pd_checksum 0x1a2b */
		0x05, 0x00,					/* pd_flags HAS_FREE_LINES|ALL_VISIBLE */
		0x24, 0x00,					/* pd_lower 36 */
		0x40, 0x1F,					/* pd_upper 8000 */
		0xF0, 0x1F,					/* pd_special 8176 */
		0x04, 0x20,					/* pd_pagesize_version 8192 | 4 */
		0x78, 0x56, 0x34, 0x12,		/* pd_prune_xid */
	};

	(void) state;
	memset(page, 0xEE, sizeof(page));
	memcpy(page, hdr, sizeof(hdr));
	page_header_decode(page, &h);
	assert_int_equal(h.lsn, UINT64_C(0x1016B3748));
	assert_int_equal(h.checksum, 0x1a2b);
	assert_int_equal(h.flags, 5);
	assert_int_equal(h.lower, 36);
	assert_int_equal(h.upper, 8000);
	assert_int_equal(h.special, 8176);
	assert_int_equal(h.pagesize, 8192);
	assert_int_equal(h.version, 4);
	assert_int_equal(h.prune_xid, 0x12345678);
	assert_false(page_is_new(&h));
	assert_true(page_check(&h, 0, &ds));
	assert_int_equal(ds.n, 0);
	assert_int_equal(page_item_count(&h), 3);

	{
		const char *names[4];

		assert_int_equal(page_flag_names(h.flags, names, 4), 2);
		assert_string_equal(names[0], "HAS_FREE_LINES");
		assert_string_equal(names[1], "ALL_VISIBLE");
		assert_int_equal(page_flag_names(7, names, 4), 3);
		assert_string_equal(names[1], "PAGE_FULL");
		assert_int_equal(page_flag_names(7, names, 1), 1);
		assert_int_equal(page_flag_names(0xFFF8, names, 4), 0);
	}
}

/* page_check on the current page: returns the codes found, in order. */
static int
check_codes(enum diag_code *codes, int max, uint32_t blkno)
{
	struct page_header h;
	bool		ok;

	diags_reset(&ds);
	page_header_decode(page, &h);
	ok = page_check(&h, blkno, &ds);
	assert_int_equal(ok, ds.n == 0);
	for (int i = 0; i < ds.n && i < max; i++)
	{
		codes[i] = ds.d[i].code;
		assert_true(ds.d[i].has_blkno);
		assert_int_equal(ds.d[i].blkno, blkno);
	}
	return ds.n;
}

static void
expect_one(enum diag_code code)
{
	enum diag_code c[8];

	assert_int_equal(check_codes(c, 8, 77), 1);
	assert_int_equal(c[0], code);
}

static void
test_check_rules(void **state)
{
	enum diag_code c[8];

	(void) state;
	/* sane ones, the extremes included */
	init_page(24, 8192, 8192);
	assert_int_equal(check_codes(c, 8, 0), 0);
	init_page(8192, 8192, 8192);
	assert_int_equal(check_codes(c, 8, 0), 0);
	init_page(24, 24, 24);
	assert_int_equal(check_codes(c, 8, 0), 0);
	init_page(100, 100, 8176);
	wr16(page + 10, PD_VALID_FLAG_BITS);
	assert_int_equal(check_codes(c, 8, 0), 0);

	/* flags: every bit outside the valid ones */
	for (int bit = 3; bit < 16; bit++)
	{
		init_page(24, 8192, 8192);
		wr16(page + 10, (uint16_t) (1u << bit));
		expect_one(D_BAD_PAGE_FLAGS);
	}
	init_page(24, 8192, 8192);
	wr16(page + 10, 0x0008);
	expect_one(D_BAD_PAGE_FLAGS);
	assert_string_equal(ds.d[0].detail, "pd_flags 0x0008");

	init_page(23, 8192, 8192);	/* lower < 24 */
	expect_one(D_BAD_PAGE_HEADER);
	init_page(0, 8192, 8192);
	expect_one(D_BAD_PAGE_HEADER);
	init_page(4000, 3999, 8192);	/* lower > upper */
	expect_one(D_BAD_PAGE_HEADER);
	assert_string_equal(ds.d[0].detail, "pd_lower 4000, pd_upper 3999, pd_special 8192");
	init_page(24, 8184, 8176);	/* upper > special */
	expect_one(D_BAD_PAGE_HEADER);
	init_page(24, 8192, 8200);	/* special > BLCKSZ */
	expect_one(D_BAD_PAGE_HEADER);
	init_page(24, 65535, 65535);
	expect_one(D_BAD_PAGE_HEADER);
	init_page(24, 8000, 8188);	/* special not MAXALIGNed */
	expect_one(D_BAD_PAGE_HEADER);
	init_page(24, 8000, 8191);
	expect_one(D_BAD_PAGE_HEADER);

	init_page(24, 8192, 8192);	/* page size */
	wr16(page + 18, 4096 | 4);
	expect_one(D_BAD_PAGE_SIZE);
	assert_string_equal(ds.d[0].detail, "page size 4096, expected 8192");
	wr16(page + 18, 4);
	expect_one(D_BAD_PAGE_SIZE);
	wr16(page + 18, 8192 | 3);	/* layout version */
	expect_one(D_BAD_PAGE_VERSION);
	assert_string_equal(ds.d[0].detail, "layout version 3, expected 4");
	wr16(page + 18, 8192 | 0xFF);
	expect_one(D_BAD_PAGE_VERSION);

	/* everything wrong at once: one finding per rule */
	init_page(30, 20, 9000);
	wr16(page + 10, 0xFFFF);
	wr16(page + 18, 0x1000 | 2);
	assert_int_equal(check_codes(c, 8, 5), 4);
	assert_int_equal(c[0], D_BAD_PAGE_FLAGS);
	assert_int_equal(c[1], D_BAD_PAGE_HEADER);
	assert_int_equal(c[2], D_BAD_PAGE_SIZE);
	assert_int_equal(c[3], D_BAD_PAGE_VERSION);
	assert_int_equal(ds.worst, SEV_DAMAGE);
}

static bool
item(unsigned i, struct line_pointer *lp)
{
	struct page_header h;

	diags_reset(&ds);
	page_header_decode(page, &h);
	return page_item(page, &h, i, lp, 9, &ds);
}

static void
test_items(void **state)
{
	struct line_pointer lp;
	struct page_header h;

	(void) state;
	init_page(24 + 6 * 4, 8000, 8176);
	set_lp(1, 8100, LP_NORMAL, 76);		/* ends exactly at special */
	set_lp(2, 3, LP_REDIRECT, 0);
	set_lp(3, 0, LP_DEAD, 0);			/* dead, no storage */
	set_lp(4, 0, LP_UNUSED, 0);
	set_lp(5, 8000, LP_DEAD, 24);		/* dead with storage */
	set_lp(6, 8000, LP_NORMAL, 1);
	page_header_decode(page, &h);
	assert_int_equal(page_item_count(&h), 6);

	assert_true(item(1, &lp));
	assert_int_equal(lp.off, 8100);
	assert_int_equal(lp.flags, LP_NORMAL);
	assert_int_equal(lp.len, 76);
	assert_true(item(2, &lp));
	assert_int_equal(lp.flags, LP_REDIRECT);
	assert_int_equal(lp.off, 3);
	assert_int_equal(lp.len, 0);
	assert_true(item(3, &lp));
	assert_int_equal(lp.flags, LP_DEAD);
	assert_true(item(4, &lp));
	assert_int_equal(lp.flags, LP_UNUSED);
	assert_true(item(5, &lp));
	assert_int_equal(lp.len, 24);
	assert_true(item(6, &lp));
	assert_int_equal(ds.n, 0);

	/* the widest values the bit fields hold */
	set_lp(1, 0x7FFF, LP_DEAD, 0x7FFF);
	assert_false(item(1, &lp));
	assert_int_equal(lp.off, 0x7FFF);
	assert_int_equal(lp.flags, LP_DEAD);
	assert_int_equal(lp.len, 0x7FFF);
}

static void
expect_bad_item(unsigned i)
{
	struct line_pointer lp;

	assert_false(item(i, &lp));
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BAD_LINE_POINTER);
	assert_true(ds.d[0].has_blkno);
	assert_int_equal(ds.d[0].blkno, 9);
	assert_int_equal(ds.d[0].item, i);
}

static void
test_bad_items(void **state)
{
	(void) state;
	init_page(24 + 3 * 4, 8000, 8176);
	set_lp(1, 8100, LP_NORMAL, 77);		/* one byte into special */
	expect_bad_item(1);
	assert_string_equal(ds.d[0].detail, "lp_off 8100, lp_len 77 outside tuple space 8000..8176");
	set_lp(1, 8176, LP_NORMAL, 8);		/* inside special */
	expect_bad_item(1);
	set_lp(1, 7999, LP_NORMAL, 8);		/* starts before pd_upper */
	expect_bad_item(1);
	set_lp(1, 8000, LP_NORMAL, 0);		/* normal with zero length */
	expect_bad_item(1);
	set_lp(1, 0, LP_NORMAL, 0);
	expect_bad_item(1);
	set_lp(1, 30000, LP_NORMAL, 30000); /* far past the page */
	expect_bad_item(1);
	set_lp(3, 8170, LP_DEAD, 20);		/* dead with storage past special */
	expect_bad_item(3);
	set_lp(2, 0, LP_REDIRECT, 0);		/* redirect to item 0 */
	expect_bad_item(2);
	assert_string_equal(ds.d[0].detail, "redirect to item 0 of 3");
	set_lp(2, 4, LP_REDIRECT, 0);		/* redirect past the last item */
	expect_bad_item(2);
	set_lp(2, 0x7FFF, LP_REDIRECT, 0);
	expect_bad_item(2);
	set_lp(2, 3, LP_REDIRECT, 0);		/* the last one is fine */
	{
		struct line_pointer lp;

		assert_true(item(2, &lp));
	}

	/* special > BLCKSZ: tuple space clamps at the end of the page */
	init_page(28, 8000, 9000);
	set_lp(1, 8100, LP_NORMAL, 92);
	{
		struct line_pointer lp;

		assert_true(item(1, &lp));
	}
	set_lp(1, 8100, LP_NORMAL, 93);
	expect_bad_item(1);
}

static void
test_lower_extremes(void **state)
{
	struct page_header h;
	struct line_pointer lp;

	(void) state;
	/* pd_lower = 8192: 2042 line pointers, the last in the page's last word */
	init_page(8192, 8192, 8192);
	page_header_decode(page, &h);
	assert_int_equal(page_item_count(&h), (8192 - 24) / 4);
	set_lp(2042, 0, LP_UNUSED, 0);
	assert_true(item(2042, &lp));
	set_lp(2042, 5, LP_NORMAL, 1);		/* no tuple space at all */
	expect_bad_item(2042);

	/* numbers outside the line pointer array are refused, not read */
	expect_bad_item(2043);
	assert_string_equal(ds.d[0].detail, "item 2043 of 2042");
	expect_bad_item(0);
	expect_bad_item(65535);
	wr16(page + 12, 32);
	expect_bad_item(3);

	/* hostile pd_lower values never count past the page */
	wr16(page + 12, 65535);
	page_header_decode(page, &h);
	assert_int_equal(page_item_count(&h), 2042);
	wr16(page + 12, 0);
	page_header_decode(page, &h);
	assert_int_equal(page_item_count(&h), 0);
	wr16(page + 12, 24);
	page_header_decode(page, &h);
	assert_int_equal(page_item_count(&h), 0);
	wr16(page + 12, 27);
	page_header_decode(page, &h);
	assert_int_equal(page_item_count(&h), 0);
	wr16(page + 12, 28);
	page_header_decode(page, &h);
	assert_int_equal(page_item_count(&h), 1);
}

static enum page_kind
kind(enum fork_number fork)
{
	struct page_header h;

	page_header_decode(page, &h);
	return page_kind_of(page, &h, fork);
}

/* A page with special space of size ssize whose last two bytes are id. */
static void
special_page(unsigned ssize, uint16_t id)
{
	init_page(24, (uint16_t) (BLCKSZ - ssize), (uint16_t) (BLCKSZ - ssize));
	if (ssize >= 2)
		wr16(page + BLCKSZ - 2, id);
}

static void
test_page_kinds(void **state)
{
	(void) state;
	special_page(0, 0);
	assert_int_equal(kind(FORK_MAIN), PK_HEAP);
	assert_int_equal(kind(FORK_INIT), PK_HEAP);

	special_page(4, 0);
	wr32(page + BLCKSZ - 4, 0x1717);
	assert_int_equal(kind(FORK_MAIN), PK_SEQUENCE);
	wr32(page + BLCKSZ - 4, 0x1718);
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);

	special_page(8, 0xFF82);
	assert_int_equal(kind(FORK_MAIN), PK_SPGIST);
	special_page(8, 0xF091);
	assert_int_equal(kind(FORK_MAIN), PK_BRIN);
	special_page(8, 0xF092);
	assert_int_equal(kind(FORK_MAIN), PK_BRIN);
	special_page(8, 0xF093);
	assert_int_equal(kind(FORK_MAIN), PK_BRIN);
	special_page(8, 0xF094);
	assert_int_equal(kind(FORK_MAIN), PK_GIN);
	special_page(8, 0);
	assert_int_equal(kind(FORK_MAIN), PK_GIN);

	special_page(16, 0xFF80);
	assert_int_equal(kind(FORK_MAIN), PK_HASH);
	special_page(16, 0xFF81);
	assert_int_equal(kind(FORK_MAIN), PK_GIST);
	special_page(16, 0);
	assert_int_equal(kind(FORK_MAIN), PK_BTREE);
	special_page(16, 0xFF7F);			/* MAX_BT_CYCLE_ID */
	assert_int_equal(kind(FORK_MAIN), PK_BTREE);
	special_page(16, 0xFF82);
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);
	special_page(16, 0xFFFF);
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);

	special_page(24, 0);
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);
	special_page(32, 0xFF80);
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);
	special_page(8168, 0);				/* special right after the header */
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);

	/* hostile pd_special */
	init_page(24, 100, 9000);
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);
	init_page(24, 100, 65535);
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);
	init_page(24, 100, 10);
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);
	init_page(24, 100, 8191);			/* a one-byte special space */
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);

	/* new pages, whatever the fork */
	memset(page, 0, sizeof(page));
	assert_int_equal(kind(FORK_MAIN), PK_NEW);
	assert_int_equal(kind(FORK_FSM), PK_NEW);
	assert_int_equal(kind(FORK_VM), PK_NEW);
	/*
	 * pd_upper 0 over bytes that are not all zero: PageIsVerified refuses
	 * it, so it is no new page but a torn one, of no known kind
	 */
	special_page(16, 0xFF80);
	wr16(page + 14, 0);					/* pd_upper 0: PageIsNew */
	assert_int_equal(kind(FORK_MAIN), PK_UNKNOWN);
	diags_reset(&ds);
	assert_false(page_check_new(page, 7, &ds));
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_TORN_PAGE);
	assert_int_equal(ds.d[0].blkno, 7);
	memset(page, 0, sizeof(page));
	diags_reset(&ds);
	assert_true(page_check_new(page, 7, &ds));
	assert_int_equal(ds.n, 0);

	/* the fork decides for FSM and VM pages (their special size is 0) */
	special_page(0, 0);
	assert_int_equal(kind(FORK_FSM), PK_FSM);
	assert_int_equal(kind(FORK_VM), PK_VM);
	special_page(16, 0xFF80);
	assert_int_equal(kind(FORK_VM), PK_VM);

	assert_string_equal(page_kind_name(PK_HEAP), "heap");
	assert_string_equal(page_kind_name(PK_NEW), "new");
	assert_string_equal(page_kind_name(PK_SEQUENCE), "sequence");
	assert_string_equal(page_kind_name(PK_SPGIST), "spgist");
	assert_string_equal(page_kind_name(PK_UNKNOWN), "unknown");
	assert_string_equal(page_kind_name((enum page_kind) 99), "unknown");
	for (int k = PK_NEW; k <= PK_UNKNOWN; k++)
	{
		assert_non_null(page_kind_name((enum page_kind) k));
		for (int o = PK_NEW; o < k; o++)
			assert_string_not_equal(page_kind_name((enum page_kind) k),
									page_kind_name((enum page_kind) o));
	}
}

static void
test_is_zero(void **state)
{
	static uint8_t buf[BLCKSZ + 16];

	(void) state;
	memset(buf, 0, sizeof(buf));
	assert_true(page_is_zero(buf, BLCKSZ));
	assert_true(page_is_zero(buf, 0));
	assert_true(page_is_zero(buf + 3, 13));
	/* one nonzero byte anywhere, aligned or not, in the word part or the tail */
	for (size_t len = 1; len <= 20; len++)
		for (size_t at = 0; at < len; at++)
		{
			buf[1 + at] = 0x01;
			assert_false(page_is_zero(buf + 1, len));
			buf[1 + at] = 0;
		}
	for (size_t at = 0; at < BLCKSZ; at += 511)
	{
		buf[at] = 0x80;
		assert_false(page_is_zero(buf, BLCKSZ));
		buf[at] = 0;
	}
	buf[BLCKSZ - 1] = 1;
	assert_false(page_is_zero(buf, BLCKSZ));
	assert_true(page_is_zero(buf, BLCKSZ - 1));
	buf[BLCKSZ - 1] = 0;
	buf[BLCKSZ] = 1;					/* past len: not looked at */
	assert_true(page_is_zero(buf, BLCKSZ));
}

/* The one verdict pgpage and pgbtree give: new, torn, invalid, valid. */
static void
test_verify(void **state)
{
	struct page_header h;

	(void) state;
	memset(page, 0, sizeof(page));
	page_header_decode(page, &h);
	assert_int_equal(page_verify(page, &h, 3, &ds), PV_NEW);
	assert_int_equal(ds.n, 0);

	page[BLCKSZ - 1] = 1;				/* a zero header over written bytes */
	page_header_decode(page, &h);
	assert_int_equal(page_verify(page, &h, 3, &ds), PV_TORN);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_TORN_PAGE);
	assert_int_equal(ds.d[0].blkno, 3);

	diags_reset(&ds);
	init_page(24, 8000, 8192);
	page_header_decode(page, &h);
	assert_int_equal(page_verify(page, &h, 4, &ds), PV_VALID);
	assert_int_equal(ds.n, 0);

	init_page(8100, 8000, 8192);		/* pd_lower above pd_upper */
	page_header_decode(page, &h);
	assert_int_equal(page_verify(page, &h, 5, &ds), PV_INVALID);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BAD_PAGE_HEADER);
	assert_int_equal(ds.d[0].blkno, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_header_decode, setup),
		cmocka_unit_test_setup(test_check_rules, setup),
		cmocka_unit_test_setup(test_items, setup),
		cmocka_unit_test_setup(test_bad_items, setup),
		cmocka_unit_test_setup(test_lower_extremes, setup),
		cmocka_unit_test_setup(test_page_kinds, setup),
		cmocka_unit_test_setup(test_is_zero, setup),
		cmocka_unit_test_setup(test_verify, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
