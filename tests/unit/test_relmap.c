/* relmap: pg_filenode.map of every fixture major, and damaged copies. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "unit.h"
#include "cluster/relmap.h"
#include "io/crc32c.h"

/* Read a whole small file; returns its length or -1. */
static long
slurp(const char *path, uint8_t *buf, size_t size)
{
	FILE	   *f = fopen(path, "rb");
	size_t		n;

	if (f == NULL)
		return -1;
	n = fread(buf, 1, size, f);
	fclose(f);
	return (long) n;
}

static int
has_code(const struct diags *ds, enum diag_code code)
{
	for (int i = 0; i < ds->n; i++)
		if (ds->d[i].code == code)
			return 1;
	return 0;
}

/*
 * Both map files of a major: decoded, CRC good, must_oid mapped, and with
 * files_there every mapping names a file that is there beside the map (the
 * catalog's own file), so the offsets of mapoid and mapfilenumber are the
 * ones PostgreSQL wrote (the fixtures keep no shared catalogs' files).
 */
static void
check_map(int major, const char *sub, uint32_t must_oid, int files_there)
{
	char		path[256];
	uint8_t		buf[1024];
	struct relmap m;
	struct diags ds;
	struct stat st;
	long		n;
	int			seen = 0;

	snprintf(path, sizeof(path), "testdata/pg%d/data/%s/pg_filenode.map", major, sub);
	n = slurp(path, buf, sizeof(buf));
	if (n < 0)
		fail_msg("%s: %s", path, strerror(errno));
	diags_reset(&ds);
	assert_int_equal(relmap_decode(buf, (size_t) n, &m, &ds), 0);
	if (ds.n != 0)
		fail_msg("%s: %s (%s)", path, diag_text(ds.d[0].code), ds.d[0].detail);
	assert_true(m.crc_ok);
	assert_int_equal(m.magic, RELMAP_FILEMAGIC);
	assert_int_equal(m.max_mappings, major >= 16 ? 64 : 62);
	assert_true(m.n > 0 && m.n == (unsigned) m.num_mappings);
	for (unsigned i = 0; i < m.n; i++)
	{
		char		f[320];

		if (m.mappings[i].mapoid == must_oid)
			seen = 1;
		assert_true(m.mappings[i].mapfilenumber != 0);
		if (!files_there)
			continue;
		snprintf(f, sizeof(f), "testdata/pg%d/data/%s/%u.gz", major, sub,
				 (unsigned) m.mappings[i].mapfilenumber);
		if (stat(f, &st) != 0)
		{
			snprintf(f, sizeof(f), "testdata/pg%d/data/%s/%u", major, sub,
					 (unsigned) m.mappings[i].mapfilenumber);
			if (stat(f, &st) != 0)
				fail_msg("%s: mapping %u (oid %u): no file %s", path, i,
						 (unsigned) m.mappings[i].mapoid, f);
		}
	}
	if (!seen)
		fail_msg("%s: oid %u not mapped", path, (unsigned) must_oid);
}

static void
test_real_maps(void **state)
{
	(void) state;
	for (int major = 10; major <= 18; major++)
	{
		char		dir[64];
		struct stat st;

		snprintf(dir, sizeof(dir), "testdata/pg%d/data", major);
		if (stat(dir, &st) != 0)
			fail_msg("%s missing", dir);
		check_map(major, "global", 1262, 0);		/* pg_database */
		check_map(major, "base/16384", 1259, 1);	/* pg_class */
	}
}

/* A fresh map of either layout with two mappings and a good CRC. */
static size_t
make_map(uint8_t *buf, size_t len)
{
	size_t		crc_off = len == RELMAP_SIZE_OLD ? 8 + 62 * 8 : 8 + 64 * 8;

	memset(buf, 0, len);
	wr32(buf, RELMAP_FILEMAGIC);
	wr32(buf + 4, 2);
	wr32(buf + 8, 1259);
	wr32(buf + 12, 16001);
	wr32(buf + 16, 1249);
	wr32(buf + 20, 16002);
	wr32(buf + crc_off, crc32c(buf, crc_off));
	return crc_off;
}

static void
test_damage(void **state)
{
	uint8_t		buf[RELMAP_SIZE_NEW];
	struct relmap m;
	struct diags ds;
	size_t		crc_off;

	(void) state;
	for (int k = 0; k < 2; k++)
	{
		size_t		len = k ? RELMAP_SIZE_NEW : RELMAP_SIZE_OLD;

		crc_off = make_map(buf, len);
		diags_reset(&ds);
		assert_int_equal(relmap_decode(buf, len, &m, &ds), 0);
		assert_int_equal(ds.n, 0);
		assert_int_equal(m.n, 2);
		assert_int_equal(m.mappings[1].mapoid, 1249);
		assert_int_equal(m.mappings[1].mapfilenumber, 16002);

		/* a flipped bit in an unused slot: only the CRC tells */
		buf[crc_off - 1] ^= 1;
		diags_reset(&ds);
		assert_int_equal(relmap_decode(buf, len, &m, &ds), 0);
		assert_false(m.crc_ok);
		assert_true(has_code(&ds, D_RELMAP_CRC));
		assert_int_equal(ds.worst, SEV_DAMAGE);

		/* a count past MAX_MAPPINGS is clamped, never read past */
		crc_off = make_map(buf, len);
		wr32(buf + 4, 1000);
		wr32(buf + crc_off, crc32c(buf, crc_off));
		diags_reset(&ds);
		assert_int_equal(relmap_decode(buf, len, &m, &ds), 0);
		assert_int_equal(m.n, m.max_mappings);
		assert_true(has_code(&ds, D_BAD_RELMAP));
		wr32(buf + 4, 0xFFFFFFFFu);
		diags_reset(&ds);
		assert_int_equal(relmap_decode(buf, len, &m, &ds), 0);
		assert_int_equal(m.n, 0);
		assert_true(has_code(&ds, D_BAD_RELMAP));

		/* a wrong magic */
		crc_off = make_map(buf, len);
		wr32(buf, 0x592716);
		wr32(buf + crc_off, crc32c(buf, crc_off));
		diags_reset(&ds);
		assert_int_equal(relmap_decode(buf, len, &m, &ds), 0);
		assert_true(has_code(&ds, D_BAD_RELMAP));
	}
	/* neither size: a truncated map, or PG_VERSION under the wrong name */
	diags_reset(&ds);
	assert_int_equal(relmap_decode(buf, 511, &m, &ds), -1);
	assert_true(has_code(&ds, D_BAD_RELMAP));
	assert_int_equal(m.n, 0);
	diags_reset(&ds);
	assert_int_equal(relmap_decode(NULL, 0, &m, &ds), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_maps),
		cmocka_unit_test(test_damage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
