/*
 * version: the profile table against the values read from each major's
 * headers, lookups by major, WAL magic and pg_control, PG_VERSION parsing,
 * and detection in a scratch directory tree (and in testdata/ when there).
 */
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/crc32c.h"
#include "cluster/version.h"

/* From each major's catalog/pg_control.h, catversion.h, xlog_internal.h, nbtree.h. */
static const struct {
	int			major;
	uint16_t	magic;
	uint32_t	control;
	uint32_t	catversion;
	uint32_t	btree;
} expect[] = {
	{10, 0xD097, 1002, 201707211, 2},
	{11, 0xD098, 1100, 201809051, 3},
	{12, 0xD101, 1201, 201909212, 4},
	{13, 0xD106, 1300, 202007201, 4},
	{14, 0xD10D, 1300, 202107181, 4},
	{15, 0xD110, 1300, 202209061, 4},
	{16, 0xD113, 1300, 202307071, 4},
	{17, 0xD116, 1700, 202406281, 4},
	{18, 0xD118, 1800, 202506291, 4},
};

#define NEXPECT (sizeof(expect) / sizeof(expect[0]))

static void
test_profile_values(void **state)
{
	(void) state;
	for (size_t i = 0; i < NEXPECT; i++)
	{
		const struct pg_profile *p = pg_profile_by_major(expect[i].major);

		assert_non_null(p);
		assert_int_equal(p->major, expect[i].major);
		assert_int_equal(p->xlog_page_magic, expect[i].magic);
		assert_int_equal(p->pg_control_version, expect[i].control);
		assert_int_equal(p->catversion_release, expect[i].catversion);
		assert_true(p->catversion_min <= p->catversion_release);
		assert_true(p->catversion_release <= p->catversion_max);
		assert_int_equal(p->btree_version, expect[i].btree);
		assert_int_equal(p->btree_min_version, 2);
		assert_int_equal(p->has_infomask_flags, expect[i].major >= 13);
		/* 12 dropped WITH OIDS and made new B-trees heapkeyspace (version 4) */
		assert_int_equal(p->heap_hasoid_old, expect[i].major >= 12);
		assert_int_equal(p->bt_heapkeyspace, expect[i].major >= 12);
		assert_int_equal(p->bt_heapkeyspace, p->btree_version >= 4);
	}
}

/* No gaps and no overlaps: every catalog version maps to at most one major. */
static void
test_catversion_ranges(void **state)
{
	(void) state;
	for (int m = PG_MAJOR_MIN; m < PG_MAJOR_MAX; m++)
	{
		const struct pg_profile *a = pg_profile_by_major(m);
		const struct pg_profile *b = pg_profile_by_major(m + 1);

		assert_int_equal(b->catversion_min, a->catversion_max + 1);
		/* A beta of the next major sits above this one's release. */
		assert_int_equal(a->catversion_max, a->catversion_release);
	}
	assert_int_equal(pg_profile_by_major(18)->catversion_max, UINT32_MAX);
}

static void
test_by_major(void **state)
{
	(void) state;
	assert_null(pg_profile_by_major(9));
	assert_null(pg_profile_by_major(19));
	assert_null(pg_profile_by_major(0));
	assert_null(pg_profile_by_major(-1));
	assert_null(pg_profile_by_major(96));
	for (int m = PG_MAJOR_MIN; m <= PG_MAJOR_MAX; m++)
		assert_int_equal(pg_profile_by_major(m)->major, m);
}

static void
test_by_xlog_magic(void **state)
{
	(void) state;
	for (size_t i = 0; i < NEXPECT; i++)
		assert_int_equal(pg_profile_by_xlog_magic(expect[i].magic)->major,
						 expect[i].major);
	assert_null(pg_profile_by_xlog_magic(0xD093));	/* 9.6 */
	assert_null(pg_profile_by_xlog_magic(0));
	assert_null(pg_profile_by_xlog_magic(0x97D0));	/* byte-swapped 10 */
	assert_null(pg_profile_by_xlog_magic(0xFFFF));
}

/*
 * The WAL record format facts (once walrecord.c's wal_traits table): the
 * same 22 built-in rmgrs in every major; 14 added the top-level xid block
 * id; 15 custom rmgrs and the new bimg_info bits, whose compression method
 * pg_waldump then names; 16 pg_walinspect's NULLs.
 */
static void
test_wal_fields(void **state)
{
	(void) state;
	for (int m = PG_MAJOR_MIN; m <= PG_MAJOR_MAX; m++)
	{
		const struct pg_profile *p = pg_profile_by_major(m);

		assert_int_equal(p->wal_max_rmid, 21);
		assert_int_equal(p->wal_toplevel_xid, m >= 14);
		assert_int_equal(p->wal_custom_rmgrs, m >= 15);
		assert_int_equal(p->wal_bimg_v15, m >= 15);
		assert_int_equal(p->waldump_bimg_method, m >= 15);
		assert_int_equal(p->walinspect_nulls, m >= 16);
	}
}

static void
test_by_control(void **state)
{
	(void) state;
	for (size_t i = 0; i < NEXPECT; i++)
		assert_int_equal(pg_profile_by_control(expect[i].control,
											   expect[i].catversion)->major,
						 expect[i].major);

	/* 13..16 share 1300: the catalog version decides, betas included. */
	assert_int_equal(pg_profile_by_control(1300, 201909213)->major, 13);
	assert_int_equal(pg_profile_by_control(1300, 202007202)->major, 14);
	assert_int_equal(pg_profile_by_control(1300, 202105121)->major, 14);
	assert_int_equal(pg_profile_by_control(1300, 202209062)->major, 16);
	assert_int_equal(pg_profile_by_control(1300, 202305211)->major, 16);
	assert_null(pg_profile_by_control(1300, 201909212));	/* 12's value */
	assert_null(pg_profile_by_control(1300, 202307072));
	assert_null(pg_profile_by_control(1300, 0));
	assert_null(pg_profile_by_control(1300, UINT32_MAX));

	/* A known control version with a catalog version from another era. */
	assert_null(pg_profile_by_control(1002, 0));
	assert_null(pg_profile_by_control(1002, 202209061));
	assert_null(pg_profile_by_control(1700, 202506291));
	assert_int_equal(pg_profile_by_control(1800, UINT32_MAX)->major, 18);

	assert_null(pg_profile_by_control(960, 201608131));	/* 9.6 */
	assert_null(pg_profile_by_control(1900, 202601011));
	assert_null(pg_profile_by_control(0, 0));
	assert_null(pg_profile_by_control(0x05140000, 202209061));	/* swapped */
}

static void
test_version_parse(void **state)
{
	int			major = -7;

	(void) state;
	assert_int_equal(pg_version_parse("15\n", 3, &major), 0);
	assert_int_equal(major, 15);
	assert_int_equal(pg_version_parse("10", 2, &major), 0);
	assert_int_equal(major, 10);
	assert_int_equal(pg_version_parse("18\r\n", 4, &major), 0);
	assert_int_equal(major, 18);
	assert_int_equal(pg_version_parse("12 \n", 4, &major), 0);
	assert_int_equal(major, 12);
	/* An integer major without a profile parses; the lookup then fails. */
	assert_int_equal(pg_version_parse("19\n", 3, &major), 0);
	assert_int_equal(major, 19);
	/* Only len bytes count; no terminating NUL is needed. */
	assert_int_equal(pg_version_parse("161616", 2, &major), 0);
	assert_int_equal(major, 16);

	major = -7;
	assert_int_equal(pg_version_parse("9.6\n", 4, &major), -1);
	assert_int_equal(pg_version_parse("9.6", 3, &major), -1);
	assert_int_equal(pg_version_parse("", 0, &major), -1);
	assert_int_equal(pg_version_parse("\n", 1, &major), -1);
	assert_int_equal(pg_version_parse("1 5\n", 4, &major), -1);
	assert_int_equal(pg_version_parse("015\n", 4, &major), -1);
	assert_int_equal(pg_version_parse("0", 1, &major), -1);
	assert_int_equal(pg_version_parse("+15", 3, &major), -1);
	assert_int_equal(pg_version_parse("-15", 3, &major), -1);
	assert_int_equal(pg_version_parse(" 15", 3, &major), -1);
	assert_int_equal(pg_version_parse("15x", 3, &major), -1);
	assert_int_equal(pg_version_parse("15\n16\n", 6, &major), -1);
	assert_int_equal(pg_version_parse("1\0" "5", 3, &major), -1);
	assert_int_equal(pg_version_parse("99999999999999999999", 20, &major), -1);
	assert_int_equal(pg_version_parse(NULL, 0, &major), -1);
	assert_int_equal(major, -7);	/* untouched on failure */
}

/* ---- detection in a scratch tree ---- */

struct tree {
	char		root[64];		/* mkdtemp directory */
	char		path[512];		/* scratch for building paths */
};

static const char *
at(struct tree *t, const char *rel)
{
	int			n = snprintf(t->path, sizeof(t->path), "%s/%s", t->root, rel);

	assert_true(n > 0 && (size_t) n < sizeof(t->path));
	return t->path;
}

static void
put(struct tree *t, const char *rel, const void *data, size_t len)
{
	FILE	   *f = fopen(at(t, rel), "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void
mkdirs(struct tree *t, const char *rel)
{
	char		buf[256];

	snprintf(buf, sizeof(buf), "%s", rel);
	for (char *s = buf; *s != '\0'; s++)
		if (*s == '/')
		{
			*s = '\0';
			mkdir(at(t, buf), 0700);
			*s = '/';
		}
	mkdir(at(t, buf), 0700);
}

static int
tree_setup(void **state)
{
	struct tree *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return -1;
	snprintf(t->root, sizeof(t->root), "/tmp/pgod_version_XXXXXX");
	if (mkdtemp(t->root) == NULL)
	{
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int
tree_teardown(void **state)
{
	struct tree *t = *state;
	char		cmd[128];
	int			rc;

	/* Only ever our own mkdtemp directory. */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->root);
	rc = system(cmd);
	free(t);
	return rc == 0 ? 0 : -1;
}

/* A 17 pg_control: version fields, CRC over the 288 bytes before it. */
static void
put_control_17(struct tree *t, const char *rel, int good_crc)
{
	static uint8_t buf[8192];
	uint32_t	v = 1700,
				cat = 202406281,
				crc;

	memset(buf, 0, sizeof(buf));
	memcpy(buf + 8, &v, 4);		/* x86-64: host order is the file's */
	memcpy(buf + 12, &cat, 4);
	crc = crc32c(buf, 288) ^ (good_crc ? 0 : 1);
	memcpy(buf + 288, &crc, 4);
	put(t, rel, buf, sizeof(buf));
}

static void
test_detect_pg_version(void **state)
{
	struct tree *t = *state;
	struct diags ds;
	char		file[512];

	diags_reset(&ds);
	mkdirs(t, "data/base/5");
	mkdirs(t, "data/global");
	put(t, "data/PG_VERSION", "15\n", 3);
	put(t, "data/base/5/16384", "", 0);
	snprintf(file, sizeof(file), "%s", at(t, "data/base/5/16384"));

	/* From a relation file, two levels up. */
	assert_int_equal(pg_detect_for_path(file, &ds)->major, 15);
	/* From the data directory itself, and with trailing slashes. */
	assert_int_equal(pg_detect_for_path(at(t, "data"), &ds)->major, 15);
	assert_int_equal(pg_detect_for_path(at(t, "data//"), &ds)->major, 15);
	/* A file not there yet still has a directory to start from. */
	assert_int_equal(pg_detect_for_path(at(t, "data/base/5/99999"), &ds)->major, 15);

	/* The database directory's PG_VERSION is nearer, so it wins. */
	put(t, "data/base/5/PG_VERSION", "14\n", 3);
	assert_int_equal(pg_detect_for_path(file, &ds)->major, 14);
	assert_int_equal(ds.n, 0);
}

static void
test_detect_relative(void **state)
{
	struct tree *t = *state;
	struct diags ds;
	int			here = open(".", O_RDONLY);

	diags_reset(&ds);
	assert_true(here >= 0);
	mkdirs(t, "rel/data/base/5");
	put(t, "rel/data/PG_VERSION", "13\n", 3);
	put(t, "rel/data/base/5/16384", "", 0);

	/* "16384" in base/5: ".", then "..", then "../..". */
	assert_int_equal(chdir(at(t, "rel/data/base/5")), 0);
	assert_int_equal(pg_detect_for_path("16384", &ds)->major, 13);
	assert_int_equal(pg_detect_for_path(".", &ds)->major, 13);
	assert_int_equal(pg_detect_for_path("./16384", &ds)->major, 13);
	assert_int_equal(chdir(at(t, "rel/data/base")), 0);
	assert_int_equal(pg_detect_for_path("5/16384", &ds)->major, 13);
	assert_int_equal(pg_detect_for_path("../base/5/16384", &ds)->major, 13);
	assert_int_equal(fchdir(here), 0);
	close(here);
	assert_int_equal(ds.n, 0);
}

static void
test_detect_pg_control(void **state)
{
	struct tree *t = *state;
	struct diags ds;

	diags_reset(&ds);
	/* No PG_VERSION anywhere: global/pg_control names the major. */
	mkdirs(t, "ctl/base/1");
	mkdirs(t, "ctl/global");
	put(t, "ctl/base/1/1259", "", 0);
	put_control_17(t, "ctl/global/pg_control", 1);
	assert_int_equal(pg_detect_for_path(at(t, "ctl/base/1/1259"), &ds)->major, 17);
	assert_int_equal(ds.n, 0);

	/* A bad CRC is not trusted: nothing found, and said why. */
	put_control_17(t, "ctl/global/pg_control", 0);
	assert_null(pg_detect_for_path(at(t, "ctl/base/1/1259"), &ds));
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_UNKNOWN_VERSION);
	assert_non_null(strstr(ds.d[0].detail, "CRC mismatch"));

	/* A truncated pg_control is no answer either. */
	diags_reset(&ds);
	put(t, "ctl/global/pg_control", "\0\0\0\0\0\0\0\0\xa4\x06\0\0", 12);
	assert_null(pg_detect_for_path(at(t, "ctl/base/1/1259"), &ds));
	assert_int_equal(ds.d[0].code, D_UNKNOWN_VERSION);
	assert_non_null(strstr(ds.d[0].detail, "too short"));
}

static void
test_detect_unknown(void **state)
{
	struct tree *t = *state;
	struct diags ds;

	diags_reset(&ds);
	mkdirs(t, "old/base/1");
	put(t, "old/PG_VERSION", "9.6\n", 4);
	assert_null(pg_detect_for_path(at(t, "old/base/1"), &ds));
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_UNKNOWN_VERSION);
	assert_non_null(strstr(ds.d[0].detail, "\"9.6"));

	/* Binary junk is shown with its unprintable bytes masked. */
	diags_reset(&ds);
	mkdirs(t, "junk");
	put(t, "junk/PG_VERSION", "\x01\x02\xff", 3);
	assert_null(pg_detect_for_path(at(t, "junk"), &ds));
	assert_non_null(strstr(ds.d[0].detail, "\"???\""));

	/* A PG_VERSION too long to be a version. */
	diags_reset(&ds);
	mkdirs(t, "long");
	put(t, "long/PG_VERSION", "15151515151515151515151515151515151515151515151515"
		"151515151515151515151515151515151515", 86);
	assert_null(pg_detect_for_path(at(t, "long"), &ds));
	assert_int_equal(ds.n, 1);

	/* A later good answer forgives an earlier bad one. */
	diags_reset(&ds);
	mkdirs(t, "mixed/base/1");
	put(t, "mixed/base/1/PG_VERSION", "garbage", 7);
	put(t, "mixed/PG_VERSION", "16\n", 3);
	assert_int_equal(pg_detect_for_path(at(t, "mixed/base/1"), &ds)->major, 16);
	assert_int_equal(ds.n, 0);
}

static void
test_detect_nothing(void **state)
{
	struct tree *t = *state;
	struct diags ds;

	diags_reset(&ds);
	assert_null(pg_detect_for_path("/nonexistent-pgod/x/y", &ds));
	assert_null(pg_detect_for_path("", &ds));
	assert_null(pg_detect_for_path(NULL, &ds));
	assert_int_equal(ds.n, 0);

	/* PG_VERSION more than PG_DETECT_DEPTH levels up is out of reach. */
	mkdirs(t, "deep/a/b/c/d/e/f/g");
	put(t, "deep/PG_VERSION", "15\n", 3);
	assert_null(pg_detect_for_path(at(t, "deep/a/b/c/d/e/f/g"), &ds));
	assert_int_equal(pg_detect_for_path(at(t, "deep/a/b/c/d/e/f"), &ds)->major, 15);

	/* A FIFO named PG_VERSION must not block the search; it is skipped. */
	mkdirs(t, "fifo");
	assert_int_equal(mkfifo(at(t, "fifo/PG_VERSION"), 0600), 0);
	assert_null(pg_detect_for_path(at(t, "fifo"), &ds));
	/* A directory named PG_VERSION is not a file either. */
	mkdirs(t, "dir/PG_VERSION");
	assert_null(pg_detect_for_path(at(t, "dir"), &ds));
	assert_int_equal(ds.n, 0);
}

/* The generated fixtures, for each major whose directory exists. */
static void
test_detect_testdata(void **state)
{
	int			seen = 0;

	(void) state;
	for (int m = PG_MAJOR_MIN; m <= PG_MAJOR_MAX; m++)
	{
		char		dir[64],
					path[128];
		struct stat st;
		struct diags ds;
		const struct pg_profile *p;

		snprintf(dir, sizeof(dir), "testdata/pg%d/data", m);
		if (stat(dir, &st) != 0)
			continue;
		seen++;
		diags_reset(&ds);
		snprintf(path, sizeof(path), "%s/global/pg_control", dir);
		p = pg_detect_for_path(path, &ds);
		if (p == NULL)
			fail_msg("%s: no version detected", path);
		assert_int_equal(p->major, m);
		snprintf(path, sizeof(path), "%s/base/1", dir);
		p = pg_detect_for_path(path, &ds);
		if (p == NULL)
			fail_msg("%s: no version detected", path);
		assert_int_equal(p->major, m);
	}
	if (seen == 0)
		skip();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_values),
		cmocka_unit_test(test_catversion_ranges),
		cmocka_unit_test(test_by_major),
		cmocka_unit_test(test_by_xlog_magic),
		cmocka_unit_test(test_wal_fields),
		cmocka_unit_test(test_by_control),
		cmocka_unit_test(test_version_parse),
		cmocka_unit_test(test_detect_pg_version),
		cmocka_unit_test(test_detect_relative),
		cmocka_unit_test(test_detect_pg_control),
		cmocka_unit_test(test_detect_unknown),
		cmocka_unit_test(test_detect_nothing),
		cmocka_unit_test(test_detect_testdata),
	};

	return cmocka_run_group_tests(tests, tree_setup, tree_teardown);
}
