/*
 * checksum: pg_checksum_page() held against PostgreSQL itself.
 *
 * The expected values below came from PostgreSQL 15's pageinspect
 * page_checksum(page, blkno), run on exactly the pages make_page() builds
 * (the same header and the same LCG bytes).  page_checksum() returns a
 * smallint, so negative values there are written here as 65536 + v.
 */
#include "unit.h"

#include "page/checksum.h"
#include "page/page.h"

/* A plain LCG (the one from the C standard's rand example), fixed seed. */
static uint32_t lcg;

static uint8_t
lcg_byte(void)
{
	lcg = lcg * 1103515245u + 12345u;
	return (uint8_t) (lcg >> 24);
}

/* A sane heap page header: lsn 0/16B3748, junk pd_checksum 0xABCD. */
static void
header(uint8_t *p)
{
	memset(p, 0, SIZE_OF_PAGE_HEADER);
	p[4] = 0x48; p[5] = 0x37; p[6] = 0x6B; p[7] = 0x01;	/* pd_lsn */
	p[8] = 0xCD; p[9] = 0xAB;	/* pd_checksum, ignored by the sum */
	p[12] = 36;					/* pd_lower */
	p[14] = 0x40; p[15] = 0x1F; /* pd_upper 8000 */
	p[16] = 0x00; p[17] = 0x20; /* pd_special 8192 */
	p[18] = 0x04; p[19] = 0x20; /* pd_pagesize_version 8192 | 4 */
}

enum { P_LCG, P_ALLFF, P_RAW, P_ZEROBODY, P__COUNT };

static void
make_page(int kind, uint8_t *p)
{
	int			i;

	switch (kind)
	{
		case P_LCG:				/* header, then LCG bytes from seed 1 */
			header(p);
			lcg = 1;
			for (i = SIZE_OF_PAGE_HEADER; i < BLCKSZ; i++)
				p[i] = lcg_byte();
			break;
		case P_ALLFF:			/* header, then 0xFF everywhere */
			header(p);
			memset(p + SIZE_OF_PAGE_HEADER, 0xFF, BLCKSZ - SIZE_OF_PAGE_HEADER);
			break;
		case P_RAW:				/* LCG from seed 12345 over the header too */
			lcg = 12345;
			for (i = 0; i < BLCKSZ; i++)
				p[i] = lcg_byte();
			p[14] = 0x40;		/* pd_upper 8000, so not PageIsNew */
			p[15] = 0x1F;
			break;
		case P_ZEROBODY:		/* header, then zeros */
			header(p);
			memset(p + SIZE_OF_PAGE_HEADER, 0, BLCKSZ - SIZE_OF_PAGE_HEADER);
			break;
	}
}

static const uint32_t blknos[4] = {0, 1, 131072, 4294967294u};

/* From PostgreSQL 15 pageinspect page_checksum(), as uint16. */
static const uint16_t expected[P__COUNT][4] = {
	[P_LCG] = {49944, 49945, 49946, 15592},	/* -15592 -15591 -15590 15592 */
	[P_ALLFF] = {7450, 7451, 7452, 58086},	/* 7450 7451 7452 -7450 */
	[P_RAW] = {37763, 37762, 37761, 27775}, /* -27773 -27774 -27775 27775 */
	[P_ZEROBODY] = {23683, 23682, 23685, 41855},	/* 23683 23682 23685 -23681 */
};

static void
test_against_postgresql(void **state)
{
	static uint8_t page[BLCKSZ];

	(void) state;
	for (int k = 0; k < P__COUNT; k++)
	{
		make_page(k, page);
		for (int b = 0; b < 4; b++)
		{
			uint16_t	c = pg_checksum_page(page, blknos[b]);

			if (c != expected[k][b])
				print_error("page %d blkno %u: got %u, want %u\n", k,
							(unsigned) blknos[b], c, expected[k][b]);
			assert_int_equal(c, expected[k][b]);
		}
	}
}

static void
test_pd_checksum_ignored(void **state)
{
	static uint8_t page[BLCKSZ];
	uint16_t	want;

	(void) state;
	make_page(P_LCG, page);
	want = pg_checksum_page(page, 7);
	for (unsigned v = 0; v <= 0xFFFF; v += 0x1111)
	{
		page[8] = (uint8_t) v;
		page[9] = (uint8_t) (v >> 8);
		assert_int_equal(pg_checksum_page(page, 7), want);
	}
	/* the bytes beside it do count */
	page[10] ^= 1;
	assert_int_not_equal(pg_checksum_page(page, 7), want);
	page[10] ^= 1;
	page[7] ^= 0x80;
	assert_int_not_equal(pg_checksum_page(page, 7), want);
}

static void
test_blkno_matters(void **state)
{
	static uint8_t page[BLCKSZ];

	(void) state;
	make_page(P_LCG, page);
	assert_int_not_equal(pg_checksum_page(page, 0), pg_checksum_page(page, 1));
	assert_int_not_equal(pg_checksum_page(page, 5),
						 pg_checksum_page(page, 5 + RELSEG_SIZE));
}

static void
test_every_byte_matters(void **state)
{
	static uint8_t page[BLCKSZ];
	uint16_t	want;

	(void) state;
	make_page(P_RAW, page);
	want = pg_checksum_page(page, 3);
	/* a single flipped bit anywhere but pd_checksum changes the sum */
	for (size_t i = 0; i < BLCKSZ; i += 97)
	{
		if (i == 8 || i == 9)
			continue;
		page[i] ^= 0x10;
		assert_int_not_equal(pg_checksum_page(page, 3), want);
		page[i] ^= 0x10;
	}
	page[BLCKSZ - 1] ^= 1;
	assert_int_not_equal(pg_checksum_page(page, 3), want);
}

static void
test_page_not_modified(void **state)
{
	static uint8_t page[BLCKSZ],
				copy[BLCKSZ];

	(void) state;
	for (int k = 0; k < P__COUNT; k++)
	{
		make_page(k, page);
		memcpy(copy, page, BLCKSZ);
		(void) pg_checksum_page(page, 42);
		assert_memory_equal(page, copy, BLCKSZ);
	}
}

static void
test_range_and_alignment(void **state)
{
	static uint8_t buf[BLCKSZ + 8];
	uint8_t		aligned[BLCKSZ];

	(void) state;
	/* never 0 (that means "no checksum"): the result is 1..65535 */
	make_page(P_LCG, aligned);
	for (uint32_t b = 0; b < 4096; b++)
		assert_int_not_equal(pg_checksum_page(aligned, b), 0);
	/* an unaligned buffer gives the same value */
	for (int off = 1; off < 8; off++)
	{
		memcpy(buf + off, aligned, BLCKSZ);
		assert_int_equal(pg_checksum_page(buf + off, 131072),
						 expected[P_LCG][2]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_against_postgresql),
		cmocka_unit_test(test_pd_checksum_ignored),
		cmocka_unit_test(test_blkno_matters),
		cmocka_unit_test(test_every_byte_matters),
		cmocka_unit_test(test_page_not_modified),
		cmocka_unit_test(test_range_and_alignment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
