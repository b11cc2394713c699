/*
 * blockreader: block numbers are absolute (the segment number in the file
 * name says where the file starts), ranges select blocks, a short last
 * block is reported once with its length, and gzip'd files read the same.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "io/blockreader.h"
#include "page/page.h"

static char dir[] = "/tmp/test_blockreader.XXXXXX";

/* 3 pages, page i filled with byte 'a'+i, then `tail` more bytes. */
static void
write_file(const char *name, size_t tail, bool gz)
{
	char		path[256];
	static uint8_t page[BLCKSZ];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (gz)
	{
		gzFile		g = gzopen(path, "wb");

		assert_non_null(g);
		for (int i = 0; i < 3; i++)
		{
			memset(page, 'a' + i, sizeof(page));
			assert_int_equal(gzwrite(g, page, BLCKSZ), BLCKSZ);
		}
		if (tail)
			assert_int_equal(gzwrite(g, page, (unsigned) tail), (int) tail);
		assert_int_equal(gzclose(g), Z_OK);
	}
	else
	{
		FILE	   *f = fopen(path, "wb");

		assert_non_null(f);
		for (int i = 0; i < 3; i++)
		{
			memset(page, 'a' + i, sizeof(page));
			assert_int_equal(fwrite(page, 1, BLCKSZ, f), BLCKSZ);
		}
		if (tail)
			assert_int_equal(fwrite(page, 1, tail, f), tail);
		assert_int_equal(fclose(f), 0);
	}
}

static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char		cmd[300];

	(void) state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Read name over [from, to]; record the block numbers and first bytes. */
static int
read_all(const char *name, uint32_t from, uint32_t to, uint32_t *blk, char *first,
		 enum br_result *last, size_t *short_len, struct diags *ds)
{
	char		path[256];
	struct blockreader *br;
	const uint8_t *p;
	uint32_t	b;
	enum br_result r;
	int			n = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	br = blockreader_open(path, from, to, ds);
	if (br == NULL)
		return -1;
	*last = BR_END;
	while ((r = blockreader_next(br, &p, &b, ds)) != BR_END)
	{
		assert_true(n < 10);
		blk[n] = b;
		first[n] = (char) p[0];
		n++;
		*last = r;
		if (r != BR_PAGE)
			break;
	}
	*short_len = blockreader_short_len(br);
	blockreader_close(br);
	return n;
}

static void
check_segment(const char *name)
{
	uint32_t	blk[10];
	char		first[10];
	enum br_result last;
	size_t		sl;
	struct diags ds = {0};

	/* everything: 131072.. (segment 1), then the short block */
	assert_int_equal(read_all(name, 0, UINT32_MAX, blk, first, &last, &sl, &ds), 4);
	assert_int_equal(blk[0], 131072);
	assert_int_equal(blk[2], 131074);
	assert_int_equal(first[0], 'a');
	assert_int_equal(first[2], 'c');
	assert_int_equal(blk[3], 131075);
	assert_int_equal(last, BR_SHORT);
	assert_int_equal(sl, 100);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_TRUNCATED_BLOCK);
	assert_int_equal(ds.d[0].blkno, 131075);

	/* one block in the middle: skipped to, absolute number kept */
	memset(&ds, 0, sizeof(ds));
	assert_int_equal(read_all(name, 131073, 131073, blk, first, &last, &sl, &ds), 1);
	assert_int_equal(blk[0], 131073);
	assert_int_equal(first[0], 'b');
	assert_int_equal(last, BR_PAGE);
	assert_int_equal(ds.n, 0);

	/* a range entirely before or after this segment: nothing, no damage */
	assert_int_equal(read_all(name, 0, 131071, blk, first, &last, &sl, &ds), 0);
	assert_int_equal(read_all(name, 200000, 300000, blk, first, &last, &sl, &ds), 0);
	assert_int_equal(ds.n, 0);
}

static void
test_plain_segment(void **state)
{
	(void) state;
	write_file("16384.1", 100, false);
	check_segment("16384.1");
}

static void
test_gzip_segment(void **state)
{
	(void) state;
	write_file("16385.1.gz", 100, true);
	check_segment("16385.1.gz");
}

static void
test_whole_pages_and_forks(void **state)
{
	uint32_t	blk[10];
	char		first[10];
	enum br_result last;
	size_t		sl;
	struct diags ds = {0};

	(void) state;
	/* a fork of segment 0: block numbers from 0, no short block */
	write_file("16386_vm", 0, false);
	assert_int_equal(read_all("16386_vm", 0, UINT32_MAX, blk, first, &last, &sl, &ds), 3);
	assert_int_equal(blk[0], 0);
	assert_int_equal(blk[2], 2);
	assert_int_equal(last, BR_PAGE);
	assert_int_equal(ds.n, 0);
}

static void
test_empty_and_missing(void **state)
{
	uint32_t	blk[10];
	char		first[10];
	enum br_result last;
	size_t		sl;
	struct diags ds = {0};
	char		path[256];
	FILE	   *f;

	(void) state;
	snprintf(path, sizeof(path), "%s/16387", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(read_all("16387", 0, UINT32_MAX, blk, first, &last, &sl, &ds), 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(read_all("nope", 0, UINT32_MAX, blk, first, &last, &sl, &ds), -1);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_OPEN_FAILED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_segment),
		cmocka_unit_test(test_gzip_segment),
		cmocka_unit_test(test_whole_pages_and_forks),
		cmocka_unit_test(test_empty_and_missing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
