/*
 * pglz: literals, matches, overlapping runs, the length extension byte,
 * and every way a stream can be corrupt: offset 0, an offset before the
 * output, a tag cut short, sizes that do not come out; never a byte
 * written past rawsize.
 */
#include "unit.h"

#include "heap/pglz.h"

static void
test_literals(void **state)
{
	const uint8_t src[] = {0x00, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 0x00, 'i'};
	uint8_t		dst[16];

	(void) state;
	assert_int_equal(pglz_decompress(src, sizeof(src), dst, 9, true), 9);
	assert_memory_equal(dst, "abcdefghi", 9);
}

static void
test_match(void **state)
{
	/* a b c, then a match of 6 at offset 3 (control bit 3) */
	const uint8_t src[] = {0x08, 'a', 'b', 'c', 0x03, 0x03};
	uint8_t		dst[16];

	(void) state;
	assert_int_equal(pglz_decompress(src, sizeof(src), dst, 9, true), 9);
	assert_memory_equal(dst, "abcabcabc", 9);
}

static void
test_long_run(void **state)
{
	/* 'x', then a match at offset 1 of 18 + 100 = 118 bytes: a run */
	const uint8_t src[] = {0x02, 'x', 0x0f, 0x01, 100};
	uint8_t		dst[200];
	int			i;

	(void) state;
	memset(dst, 0xEE, sizeof(dst));
	assert_int_equal(pglz_decompress(src, sizeof(src), dst, 119, true), 119);
	for (i = 0; i < 119; i++)
		assert_int_equal(dst[i], 'x');
	assert_int_equal(dst[119], 0xEE);
}

static void
test_never_past_rawsize(void **state)
{
	const uint8_t src[] = {0x02, 'x', 0x0f, 0x01, 100, 'y'};
	uint8_t		dst[64];

	(void) state;
	memset(dst, 0xEE, sizeof(dst));
	/* not complete: stops at rawsize, reports what it wrote */
	assert_int_equal(pglz_decompress(src, sizeof(src), dst, 10, false), 10);
	assert_int_equal(dst[10], 0xEE);
	/* complete: the input was not used up */
	assert_int_equal(pglz_decompress(src, sizeof(src), dst, 10, true), PGLZ_INCOMPLETE);
	assert_int_equal(dst[10], 0xEE);
}

static void
test_corrupt(void **state)
{
	const uint8_t off0[] = {0x02, 'x', 0x00, 0x00};
	const uint8_t offbig[] = {0x02, 'x', 0x00, 0x05};
	const uint8_t first[] = {0x01, 0x00, 0x01};
	const uint8_t cut[] = {0x02, 'x', 0x03};
	const uint8_t noext[] = {0x02, 'x', 0x0f, 0x01};
	const uint8_t lits[] = {0x00, 'a', 'b'};
	uint8_t		dst[64];

	(void) state;
	assert_int_equal(pglz_decompress(off0, sizeof(off0), dst, 10, true), PGLZ_BAD_OFFSET);
	assert_int_equal(pglz_decompress(offbig, sizeof(offbig), dst, 10, true), PGLZ_BAD_OFFSET);
	assert_int_equal(pglz_decompress(first, sizeof(first), dst, 10, true), PGLZ_BAD_OFFSET);
	assert_int_equal(pglz_decompress(cut, sizeof(cut), dst, 10, true), PGLZ_TRUNCATED);
	assert_int_equal(pglz_decompress(noext, sizeof(noext), dst, 30, true), PGLZ_TRUNCATED);
	/* output short of rawsize */
	assert_int_equal(pglz_decompress(lits, sizeof(lits), dst, 5, true), PGLZ_INCOMPLETE);
	assert_int_equal(pglz_decompress(lits, sizeof(lits), dst, 5, false), 2);
	/* empty input, zero rawsize */
	assert_int_equal(pglz_decompress(lits, 0, dst, 0, true), 0);
	assert_string_not_equal(pglz_strerror(PGLZ_TRUNCATED), "ok");
	assert_string_equal(pglz_strerror(0), "ok");
}

/* Random garbage never crashes nor writes past rawsize (ASan watches). */
static void
test_garbage(void **state)
{
	uint8_t		src[256],
				dst[300];
	unsigned	seed = 12345;
	int			round,
				i;

	(void) state;
	for (round = 0; round < 2000; round++)
	{
		size_t		slen = (size_t) (round % 256),
					raw = (size_t) (round * 7 % 257);

		for (i = 0; i < (int) slen; i++)
		{
			seed = seed * 1103515245u + 12345u;
			src[i] = (uint8_t) (seed >> 16);
		}
		memset(dst, 0xEE, sizeof(dst));
		(void) pglz_decompress(src, slen, dst, raw, round % 2 == 0);
		for (i = (int) raw; i < (int) sizeof(dst); i++)
			assert_int_equal(dst[i], 0xEE);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literals),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_long_run),
		cmocka_unit_test(test_never_past_rawsize),
		cmocka_unit_test(test_corrupt),
		cmocka_unit_test(test_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
