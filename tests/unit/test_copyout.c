/*
 * copyout: COPY TO's text and CSV writing -- control bytes, backslashes,
 * delimiters, NULL against the empty string, quotes, the end-of-data
 * marker alone in a one-column row.
 */
#include "unit.h"

#include "types/copyout.h"

static void
test_copyout(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void) state;
	copyout_field(&sb, COPYOUT_TEXT, 0, "a\tb\\c\nd\re\bf\fg\vh\001i", 17, 3);
	copyout_field(&sb, COPYOUT_TEXT, 1, NULL, 0, 3);
	copyout_field(&sb, COPYOUT_TEXT, 2, "", 0, 3);
	copyout_end(&sb);
	assert_string_equal(sb_str(&sb), "a\\tb\\\\c\\nd\\re\\bf\\fg\\vh\001i\t\\N\t\n");
	sb_reset(&sb);
	copyout_field(&sb, COPYOUT_CSV, 0, "plain", 5, 4);
	copyout_field(&sb, COPYOUT_CSV, 1, "", 0, 4);
	copyout_field(&sb, COPYOUT_CSV, 2, NULL, 0, 4);
	copyout_field(&sb, COPYOUT_CSV, 3, "a,\"b\"\nc", 7, 4);
	copyout_end(&sb);
	assert_string_equal(sb_str(&sb), "plain,\"\",,\"a,\"\"b\"\"\nc\"\n");
	sb_reset(&sb);
	copyout_field(&sb, COPYOUT_CSV, 0, "\\.", 2, 1);
	copyout_field(&sb, COPYOUT_CSV, 1, "\\.", 2, 2);
	copyout_field(&sb, COPYOUT_CSV, 2, "x\ry", 3, 2);
	assert_string_equal(sb_str(&sb), "\"\\.\",\\.,\"x\ry\"");
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copyout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
