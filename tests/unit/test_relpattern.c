/* relpattern: pg_amcheck's [[db.]schema.]name patterns as globs. */
#include "unit.h"

#include "cluster/relpattern.h"

static bool
m(const char *pat, const char *db, const char *nsp, const char *rel)
{
	struct relpattern p;

	assert_int_equal(relpattern_parse(pat, &p), 0);
	return relpattern_match(&p, db, nsp, rel);
}

static void
test_names(void **state)
{
	(void) state;
	assert_true(m("orders", "shop", "public", "orders"));
	assert_false(m("orders", "shop", "public", "orders2"));
	assert_true(m("ORDERS", "shop", "public", "orders"));	/* folded */
	assert_false(m("\"ORDERS\"", "shop", "public", "orders"));	/* quoted: as written */
	assert_true(m("\"Orders\"", "shop", "public", "Orders"));
	assert_true(m("public.orders", "shop", "public", "orders"));
	assert_false(m("audit.orders", "shop", "public", "orders"));
	assert_true(m("shop.public.orders", "shop", "public", "orders"));
	assert_false(m("other.public.orders", "shop", "public", "orders"));
}

static void
test_wildcards(void **state)
{
	(void) state;
	assert_true(m("order*", "shop", "public", "orders"));
	assert_true(m("order*", "shop", "public", "order"));
	assert_true(m("*.order?", "shop", "audit", "orders"));
	assert_false(m("order?", "shop", "public", "order"));
	assert_true(m("*", "shop", "public", "x"));
	/* in quotes a star and a dot are themselves */
	assert_true(m("\"a*b\"", "d", "s", "a*b"));
	assert_false(m("\"a*b\"", "d", "s", "axxb"));
	assert_true(m("\"a.b\"", "d", "s", "a.b"));
	assert_true(m("\"a\"\"b\"", "d", "s", "a\"b"));	/* "" in quotes: a quote */
	/* brackets and backslashes are no glob syntax in a pattern */
	assert_true(m("a[1]", "d", "s", "a[1]"));
	assert_false(m("a[1]", "d", "s", "a1"));
	assert_true(m("a\\b", "d", "s", "a\\b"));
}

static void
test_unknown_names(void **state)
{
	(void) state;
	/* a relation the catalog could not name matches only "*" */
	assert_true(m("*", NULL, NULL, NULL));
	assert_false(m("t", NULL, NULL, NULL));
	assert_true(m("*.*", NULL, NULL, NULL));
	assert_false(m("public.*", "d", NULL, NULL));
}

static void
test_bad(void **state)
{
	struct relpattern p;
	char		big[600];

	(void) state;
	assert_int_equal(relpattern_parse("a.b.c.d", &p), -1);
	assert_int_equal(relpattern_parse("\"unclosed", &p), -1);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(relpattern_parse(big, &p), -1);
	assert_int_equal(relpattern_parse("", &p), 0);
	assert_int_equal(p.nparts, 1);
	assert_false(relpattern_match(&p, "d", "s", "x"));
}

static void
test_db(void **state)
{
	struct relpattern p;

	(void) state;
	assert_int_equal(relpattern_parse("sh*", &p), 0);
	assert_true(relpattern_match_db(&p, "shop"));
	assert_false(relpattern_match_db(&p, "postgres"));
	assert_int_equal(relpattern_parse("a.b", &p), 0);
	assert_false(relpattern_match_db(&p, "a.b"));	/* two parts: no database */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_wildcards),
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_db),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
