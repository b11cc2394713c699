/*
 * catalog: the per-major layout table, the catalog of a real fixture, and
 * damaged copies of it (a flipped bit in a pg_class page, a map with a
 * bad CRC, pg_attribute's file gone): findings, no crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "cluster/catalog.h"
#include "cluster/catalog_int.h"

static int
has_finding(struct catalog *c, enum diag_code code, const char *file)
{
	int			n,
				i;
	const struct cat_finding *f = catalog_findings(c, &n);

	for (i = 0; i < n; i++)
		if (f[i].d.code == code && (file == NULL || (f[i].file && strstr(f[i].file, file))))
			return 1;
	return 0;
}

/* Every layout parses; the oid column is there from 12; attnums as the facts say. */
static void
test_layouts(void **state)
{
	(void) state;
	for (int m = 10; m <= 18; m++)
	{
		static const uint32_t rels[] = {PG_CLASS_RELID, PG_ATTRIBUTE_RELID,
		PG_TYPE_RELID, PG_DATABASE_RELID};
		/* pg_attribute's natts per major 10..18 */
		static const int attnatts[] = {22, 24, 25, 25, 26, 26, 26, 26, 25};
		/* pg_class.relkind's attnum per major */
		static const int relkind[] = {16, 16, 17, 17, 17, 17, 17, 17, 18};

		for (size_t i = 0; i < sizeof(rels) / sizeof(rels[0]); i++)
		{
			struct diags ds;
			const char *spec = catalog_layout(m, rels[i]);
			struct tupdesc *td;

			assert_non_null(spec);
			diags_reset(&ds);
			td = tupdesc_from_spec(spec, &ds);
			assert_non_null(td);
			if (rels[i] != PG_ATTRIBUTE_RELID)
				assert_int_equal(catalog_col(td, "oid") == 0, m >= 12);
			if (rels[i] == PG_ATTRIBUTE_RELID)
			{
				assert_int_equal(td->natts, attnatts[m - 10]);
				assert_int_equal(catalog_col(td, "attmissingval") == td->natts - 1, m >= 11);
			}
			if (rels[i] == PG_CLASS_RELID)
				assert_int_equal(catalog_col(td, "relkind"), relkind[m - 10] - 1);
			tupdesc_free(td);
		}
		/* pg_namespace, pg_enum, pg_am: fixed but for 12's oid column */
		{
			static const uint32_t fixed[] = {PG_NAMESPACE_RELID, PG_ENUM_RELID, PG_AM_RELID};
			static const char *const col[] = {"nspname", "enumlabel", "amname"};
			static const int at[] = {0, 2, 0};

			for (size_t i = 0; i < 3; i++)
			{
				struct diags ds;
				struct tupdesc *td;

				diags_reset(&ds);
				td = tupdesc_from_spec(catalog_layout(m, fixed[i]), &ds);
				assert_non_null(td);
				assert_int_equal(catalog_col(td, col[i]), at[i] + (m >= 12));
				assert_int_equal(catalog_col(td, "oid") == 0, m >= 12);
				tupdesc_free(td);
			}
		}
		/* pg_index changed in 11 and 15: pg_attribute describes it */
		assert_null(catalog_layout(m, PG_INDEX_RELID));
	}
	assert_null(catalog_layout(9, PG_CLASS_RELID));
	assert_null(catalog_layout(19, PG_CLASS_RELID));
}

static void
test_real(void **state)
{
	const char *err = NULL;
	struct catalog *c;
	const struct cat_rel *r;
	struct tupdesc *td;

	(void) state;
	for (int m = 10; m <= 18; m++)
	{
		char		dir[64];
		int			n;

		snprintf(dir, sizeof(dir), "testdata/pg%d/data", m);
		if (access(dir, R_OK) != 0)
			continue;
		c = catalog_open(dir, "16384", &err);
		assert_non_null(c);
		r = catalog_find_relation(c, "pg_class", &err);
		assert_non_null(r);
		assert_int_equal(r->oid, PG_CLASS_RELID);
		assert_int_equal(r->relfilenode, 0);
		assert_int_equal(r->filenumber, PG_CLASS_RELID);
		assert_non_null(catalog_find_relation(c, "\"public\".ALTERED", &err));
		assert_null(catalog_find_relation(c, "\"altered", &err));
		r = catalog_find_relation(c, "public.altered", &err);
		assert_int_equal(catalog_load_attributes(c, r), 0);
		td = catalog_tupdesc(c, r);
		assert_non_null(td);
		tupdesc_free(td);
		catalog_findings(c, &n);
		assert_int_equal(n, 0);
		catalog_close(c);
	}
	assert_null(catalog_open("testdata/pg16/data", "99999", &err));
	assert_null(catalog_open("testdata/pg16/data", "fixture", &err));
	assert_null(catalog_open("/nonexistent", "1", &err));
}

/* A copy of pg16's catalog files in a temporary directory, uncompressed. */
static char tmpdir[64];

static int
make_copy(void)
{
	char		cmd[1024];

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_catalog.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(cmd, sizeof(cmd),
			 "cd testdata/pg16/data && mkdir -p %s/global %s/base/16384 %s/pg_xact && "
			 "cp PG_VERSION %s/ && cp global/pg_control global/pg_filenode.map %s/global/ && "
			 "cp pg_xact/0000 %s/pg_xact/ && cp base/16384/pg_filenode.map %s/base/16384/ && "
			 "for f in 1259 1249 1247 2615; do gzip -dc base/16384/$f.gz > %s/base/16384/$f; done",
			 tmpdir, tmpdir, tmpdir, tmpdir, tmpdir, tmpdir, tmpdir, tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
flip(const char *rel, long off)
{
	char		path[256];
	FILE	   *f;
	int			b;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
	f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, off, SEEK_SET);
	b = fgetc(f);
	fseek(f, off, SEEK_SET);
	fputc(b ^ 0x10, f);
	fclose(f);
}

static void
test_damage(void **state)
{
	const char *err = NULL;
	struct catalog *c;
	char		cmd[256];

	(void) state;
	if (access("testdata/pg16/data/PG_VERSION", R_OK) != 0)
		skip();
	assert_int_equal(make_copy(), 0);
	c = catalog_open(tmpdir, "16384", &err);
	assert_non_null(c);
	assert_non_null(catalog_find_relation(c, "public.altered", &err));
	catalog_close(c);

	/* a bit flipped in a tuple of pg_class's first page: the checksum says */
	flip("base/16384/1259", 8000);
	c = catalog_open(tmpdir, "16384", &err);
	assert_non_null(c);
	assert_true(has_finding(c, D_CHECKSUM_MISMATCH, "base/16384/1259"));
	assert_non_null(catalog_find_relation(c, "pg_type", &err));
	catalog_close(c);
	/* pd_lower past pd_upper: the page is skipped, the rest still read */
	flip("base/16384/1259", 13);
	c = catalog_open(tmpdir, "16384", &err);
	assert_non_null(c);
	assert_true(has_finding(c, D_BAD_PAGE_HEADER, "base/16384/1259"));
	catalog_close(c);

	/* a mapping changed under the map's CRC */
	flip("base/16384/pg_filenode.map", 9);
	c = catalog_open(tmpdir, "16384", &err);
	assert_non_null(c);
	assert_true(has_finding(c, D_RELMAP_CRC, "base/16384/pg_filenode.map"));
	catalog_close(c);

	/* pg_attribute's file gone: a finding, no columns, no crash */
	snprintf(cmd, sizeof(cmd), "rm -f %s/base/16384/1249 %s/pg_xact/0000", tmpdir, tmpdir);
	assert_int_equal(system(cmd), 0);
	c = catalog_open(tmpdir, "16384", &err);
	assert_non_null(c);
	assert_int_equal(catalog_load_attributes(c, NULL), -1);
	assert_true(has_finding(c, D_FILE_MISSING, "1249"));
	catalog_close(c);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layouts),
		cmocka_unit_test(test_real),
		cmocka_unit_test(test_damage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
