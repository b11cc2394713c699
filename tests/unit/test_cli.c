/*
 * cli: the option values every tool parses the same way.  Block numbers
 * are absolute and 32-bit (InvalidBlockNumber, 0xFFFFFFFF, is not one).
 */
#include "unit.h"

#include "out/cli.h"

static void
test_parse_int(void **state)
{
	long		v = -7;

	(void) state;
	assert_int_equal(cli_parse_int("0", 0, 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(cli_parse_int("10", 0, 10, &v), 0);
	assert_int_equal(v, 10);
	/* out of range, signs, blanks, trailing junk, empty, overflow */
	v = -7;
	assert_int_equal(cli_parse_int("11", 0, 10, &v), -1);
	assert_int_equal(cli_parse_int("-1", -5, 10, &v), -1);
	assert_int_equal(cli_parse_int("+1", 0, 10, &v), -1);
	assert_int_equal(cli_parse_int(" 1", 0, 10, &v), -1);
	assert_int_equal(cli_parse_int("1 ", 0, 10, &v), -1);
	assert_int_equal(cli_parse_int("1x", 0, 10, &v), -1);
	assert_int_equal(cli_parse_int("", 0, 10, &v), -1);
	assert_int_equal(cli_parse_int(NULL, 0, 10, &v), -1);
	assert_int_equal(cli_parse_int("99999999999999999999999", 0, 10, &v), -1);
	assert_int_equal(v, -7);	/* untouched on error */
}

static void
test_block_range(void **state)
{
	uint32_t	a = 1,
				b = 2;

	(void) state;
	assert_int_equal(cli_parse_block_range("5", &a, &b), 0);
	assert_int_equal(a, 5);
	assert_int_equal(b, 5);
	assert_int_equal(cli_parse_block_range("131072-131100", &a, &b), 0);
	assert_int_equal(a, 131072);
	assert_int_equal(b, 131100);
	assert_int_equal(cli_parse_block_range("0-4294967294", &a, &b), 0);
	assert_int_equal(b, 4294967294u);
	/* InvalidBlockNumber, reversed, open ends, junk */
	a = b = 9;
	assert_int_equal(cli_parse_block_range("4294967295", &a, &b), -1);
	assert_int_equal(cli_parse_block_range("7-3", &a, &b), -1);
	assert_int_equal(cli_parse_block_range("3-", &a, &b), -1);
	assert_int_equal(cli_parse_block_range("-3", &a, &b), -1);
	assert_int_equal(cli_parse_block_range("1-2-3", &a, &b), -1);
	assert_int_equal(cli_parse_block_range("x", &a, &b), -1);
	assert_int_equal(cli_parse_block_range("123456789012345678901234567890123-1", &a, &b), -1);
	assert_int_equal(a, 9);
	assert_int_equal(b, 9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_block_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
