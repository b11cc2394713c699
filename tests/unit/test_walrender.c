/*
 * walrender: the hand-laid JSON line and emit's object are one schema.
 * Every record of every fixture major (testdata/pgNN/data/pg_wal) is
 * rendered twice: with no findings (the fast writer, where its strings
 * need no escape) and with one finding (emit's field calls, which add
 * "diagnostics"); the second must be the first with that array before
 * its closing brace, byte for byte.
 */
#include "unit.h"

#include "wal/walrender.h"
#include "wal/walsource.h"

#define OUTSZ (1024 * 1024)

static char out[OUTSZ];

/* What one record renders to, with the findings ds. */
static size_t
render(FILE *f, struct walrender *w, struct emit *e, const struct walrec_raw *raw,
	   const struct walrec *r, const struct diags *ds)
{
	rewind(f);
	walrender_record(w, raw, r, ds);
	emit_flush(e);
	return (size_t) ftell(f);
}

static long
check_major(int major)
{
	static struct diags ds,
				none,
				one;
	static struct walrec rec;
	static char fast[OUTSZ];
	char		dirname[64];
	struct walsource_spec spec;
	struct walsource_info info;
	struct walsource *src;
	struct walreader_config cfg;
	struct walreader *rd;
	struct walrec_raw raw;
	struct walrender *w;
	struct emit *e;
	enum walreader_result res;
	FILE	   *f;
	long		n = 0;

	snprintf(dirname, sizeof(dirname), "testdata/pg%d/data", major);
	memset(&spec, 0, sizeof(spec));
	spec.dir = dirname;
	diags_reset(&ds);
	assert_int_equal(walsource_open(&spec, &src, &info, &ds), WSRC_OK);
	assert_int_equal(info.prof->major, major);
	memset(&cfg, 0, sizeof(cfg));
	cfg.seg_size = info.seg_size;
	cfg.page_size = info.page_size;
	cfg.magic = info.magic;
	cfg.max_rmid = info.prof->wal_max_rmid;
	cfg.custom_rmgrs = info.prof->wal_custom_rmgrs;
	cfg.read_page = walsource_read_page;
	cfg.arg = src;
	rd = walreader_create(&cfg);
	assert_non_null(rd);
	walreader_seek(rd, info.start);
	f = fmemopen(out, sizeof(out), "w");
	assert_non_null(f);
	e = emit_open(EMIT_JSON, f);
	w = walrender_create(e, info.prof, info.seg_size, true, false);
	assert_non_null(w);
	diags_reset(&none);
	diags_reset(&one);
	diag_add_lsn(&one, D_WAL_END, 0x1000, "a finding, to take emit's path");
	while ((res = walreader_next(rd, &raw, &ds)) != WR_END)
	{
		size_t		a,
					b;

		assert_int_equal(res, WR_RECORD);
		assert_int_equal(walrecord_decode(info.prof, raw.data, raw.len, raw.lsn, &rec, &ds), 0);
		a = render(f, w, e, &raw, &rec, &none);
		memcpy(fast, out, a);
		b = render(f, w, e, &raw, &rec, &one);
		/* "...}\n" and "...,"diagnostics":[...]}\n" */
		assert_true(a > 3 && b > a);
		if (memcmp(fast, out, a - 2) != 0 ||
			strncmp(out + a - 2, ",\"diagnostics\":[{", 17) != 0 ||
			memcmp(out + b - 3, "]}\n", 3) != 0)
			fail_msg("pg%d at %X/%X:\n%.*s%.*s", major, (unsigned) (raw.lsn >> 32),
					 (unsigned) raw.lsn, (int) a, fast, (int) b, out);
		n++;
	}
	walrender_free(w);
	assert_int_equal(emit_close(e), 0);
	fclose(f);
	walreader_free(rd);
	walsource_close(src);
	return n;
}

static void
test_every_fixture_record(void **state)
{
	long		total = 0;

	(void) state;
	for (int major = PG_MAJOR_MIN; major <= PG_MAJOR_MAX; major++)
	{
		long		n = check_major(major);

		assert_true(n > 1000);
		total += n;
	}
	print_message("%ld records, fast and emit alike\n", total);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_fixture_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
