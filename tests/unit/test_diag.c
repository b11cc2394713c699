/*
 * diag: the table is complete and unambiguous, the list stays bounded,
 * the worst severity is kept, and the one message form is exact.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "out/diag.h"

static void
test_table_complete(void **state)
{
	(void) state;
	for (int c = 0; c < D__COUNT; c++)
	{
		const char *name = diag_name((enum diag_code) c);
		const char *text = diag_text((enum diag_code) c);
		enum diag_severity sev = diag_severity_of((enum diag_code) c);

		assert_non_null(name);
		assert_non_null(text);
		assert_true(strlen(name) > 0);
		assert_true(strlen(text) > 0);
		assert_true(sev == SEV_NOTICE || sev == SEV_DAMAGE || sev == SEV_FATAL);
		/* JSON slugs: lower case, digits and underscores only */
		for (const char *p = name; *p; p++)
			assert_true((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
						*p == '_');
		for (int o = 0; o < c; o++)
		{
			if (strcmp(name, diag_name((enum diag_code) o)) == 0)
				print_error("codes %d and %d share the name %s\n", o, c, name);
			assert_string_not_equal(name, diag_name((enum diag_code) o));
			assert_string_not_equal(text, diag_text((enum diag_code) o));
		}
	}
}

static void
test_severities(void **state)
{
	(void) state;
	assert_int_equal(diag_severity_of(D_OPEN_FAILED), SEV_FATAL);
	assert_int_equal(diag_severity_of(D_READ_FAILED), SEV_FATAL);
	assert_int_equal(diag_severity_of(D_CHECKSUM_MISMATCH), SEV_DAMAGE);
	assert_int_equal(diag_severity_of(D_TRUNCATED_BLOCK), SEV_DAMAGE);
	assert_string_equal(diag_name(D_CHECKSUM_MISMATCH), "checksum_mismatch");
	assert_string_equal(diag_text(D_CHECKSUM_MISMATCH), "checksum mismatch");
}

static void
test_add_and_reset(void **state)
{
	static struct diags ds;
	struct diag *d;

	(void) state;
	memset(&ds, 0xA5, sizeof(ds));	/* reset must not rely on zeroed memory */
	diags_reset(&ds);
	assert_int_equal(ds.n, 0);
	assert_int_equal(ds.dropped, 0);
	assert_int_equal(ds.worst, SEV_NOTICE);

	d = diag_add(&ds, D_ZERO_PAGE, NULL);
	assert_non_null(d);
	assert_int_equal(d->code, D_ZERO_PAGE);
	assert_string_equal(d->detail, "");
	assert_false(d->has_blkno);
	assert_false(d->has_lsn);
	assert_int_equal(d->item, 0);

	d = diag_add_block(&ds, D_BAD_PAGE_FLAGS, 4294967294u, "pd_flags 0x%04x", 0x8000);
	assert_non_null(d);
	assert_true(d->has_blkno);
	assert_int_equal(d->blkno, 4294967294u);
	assert_string_equal(d->detail, "pd_flags 0x8000");
	assert_int_equal(ds.n, 2);
	assert_int_equal(ds.worst, SEV_DAMAGE);

	diags_reset(&ds);
	assert_int_equal(ds.n, 0);
	assert_int_equal(ds.worst, SEV_NOTICE);
}

static void
test_detail_truncated(void **state)
{
	static struct diags ds;
	char		big[1000];
	struct diag *d;

	(void) state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	diags_reset(&ds);
	d = diag_add(&ds, D_READ_FAILED, "%s", big);
	assert_non_null(d);
	assert_int_equal(strlen(d->detail), DIAG_DETAIL - 1);
}

static void
test_overflow_counts_dropped(void **state)
{
	static struct diags ds;

	(void) state;
	diags_reset(&ds);
	for (int i = 0; i < DIAG_MAX; i++)
		assert_non_null(diag_add_block(&ds, D_CHECKSUM_MISMATCH, (uint32_t) i, "n %d", i));
	assert_int_equal(ds.n, DIAG_MAX);
	assert_int_equal(ds.dropped, 0);
	for (int i = 0; i < 10; i++)
		assert_null(diag_add_block(&ds, D_CHECKSUM_MISMATCH, 1000, "more"));
	assert_null(diag_add(&ds, D_ZERO_PAGE, NULL));
	assert_int_equal(ds.n, DIAG_MAX);
	assert_int_equal(ds.dropped, 11);
	assert_int_equal(ds.worst, SEV_DAMAGE);
	/* a dropped finding still raises the worst severity */
	assert_null(diag_add(&ds, D_OPEN_FAILED, "gone"));
	assert_int_equal(ds.worst, SEV_FATAL);
	assert_int_equal(ds.dropped, 12);
	/* the kept ones are intact */
	assert_int_equal(ds.d[DIAG_MAX - 1].blkno, DIAG_MAX - 1);
	assert_string_equal(ds.d[0].detail, "n 0");
}

static void
test_worst_never_lowers(void **state)
{
	static struct diags ds;

	(void) state;
	diags_reset(&ds);
	diag_add(&ds, D_OPEN_FAILED, "x");
	assert_int_equal(ds.worst, SEV_FATAL);
	diag_add(&ds, D_CHECKSUM_MISMATCH, "y");
	assert_int_equal(ds.worst, SEV_FATAL);
	diags_reset(&ds);
	diag_add(&ds, D_TRUNCATED_BLOCK, "y");
	assert_int_equal(ds.worst, SEV_DAMAGE);
}

static void
test_format_exact(void **state)
{
	static struct diags ds;
	struct diag *d;
	char		buf[256];
	size_t		n;

	(void) state;
	diags_reset(&ds);
	d = diag_add_block(&ds, D_CHECKSUM_MISMATCH, 12,
					   "stored 0x%04x, computed 0x%04x", 0x1a2b, 0x3c4d);
	n = diag_format(d, "pgpage", "base/5/16384", buf, sizeof(buf));
	assert_string_equal(buf,
						"pgpage: base/5/16384: block 12: checksum mismatch (stored 0x1a2b, computed 0x3c4d)");
	assert_int_equal(n, strlen(buf));

	n = diag_message(d, buf, sizeof(buf));
	assert_string_equal(buf, "checksum mismatch (stored 0x1a2b, computed 0x3c4d)");
	assert_int_equal(n, strlen(buf));

	/* no file, no detail */
	d = diag_add(&ds, D_ZERO_PAGE, NULL);
	diag_format(d, "pgvm", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "pgvm: page is all zeros amid written pages");
	d = diag_add(&ds, D_ZERO_PAGE, "%s", "");
	diag_format(d, "pgvm", "f", buf, sizeof(buf));
	assert_string_equal(buf, "pgvm: f: page is all zeros amid written pages");

	/* an LSN and an item */
	d = diag_add(&ds, D_NOT_SUPPORTED, "record type 0x%02X", 0x70);
	d->has_lsn = 1;
	d->lsn = 0x16B3748;
	diag_format(d, "pgwal", "000000010000000000000001", buf, sizeof(buf));
	assert_string_equal(buf,
						"pgwal: 000000010000000000000001: lsn 0/16B3748: not supported (record type 0x70)");
	d->lsn = UINT64_C(0xFFFFFFFF00000001);
	diag_format(d, "pgwal", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "pgwal: lsn FFFFFFFF/1: not supported (record type 0x70)");

	d = diag_add_block(&ds, D_BAD_LINE_POINTER, 0, "lp_off %u", 9000u);
	d->item = 7;
	diag_format(d, "pgpage", "16384.1", buf, sizeof(buf));
	assert_string_equal(buf,
						"pgpage: 16384.1: block 0: item 7: invalid line pointer (lp_off 9000)");
}

static void
test_format_truncation(void **state)
{
	static struct diags ds;
	struct diag *d;
	char		full[256];
	char		buf[256];
	size_t		fulllen;

	(void) state;
	diags_reset(&ds);
	d = diag_add_block(&ds, D_CHECKSUM_MISMATCH, 12,
					   "stored 0x%04x, computed 0x%04x", 0x1a2b, 0x3c4d);
	d->item = 3;
	fulllen = diag_format(d, "pgpage", "base/5/16384", full, sizeof(full));
	/* every buffer size: NUL-terminated, a prefix of the full text, no overrun */
	for (size_t size = 1; size <= fulllen + 2; size++)
	{
		char	   *b = malloc(size);
		size_t		n;

		assert_non_null(b);
		n = diag_format(d, "pgpage", "base/5/16384", b, size);
		assert_true(n < size);
		assert_int_equal(strlen(b), n);
		assert_memory_equal(b, full, n);
		free(b);
	}
	/* size 0 writes nothing */
	buf[0] = 'Z';
	assert_int_equal(diag_format(d, "pgpage", NULL, buf, 0), 0);
	assert_int_equal(buf[0], 'Z');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_complete),
		cmocka_unit_test(test_severities),
		cmocka_unit_test(test_add_and_reset),
		cmocka_unit_test(test_detail_truncated),
		cmocka_unit_test(test_overflow_counts_dropped),
		cmocka_unit_test(test_worst_never_lowers),
		cmocka_unit_test(test_format_exact),
		cmocka_unit_test(test_format_truncation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
