/*
 * tupdesc: the --types spec (names, arrays, dropped columns, raw(LEN,ALIGN),
 * missing values, quoting) and its errors; catalog-style filling.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#include "heap/tupdesc.h"

static struct diags ds;

static void
test_spec_basic(void **state)
{
	struct tupdesc *td;

	(void) state;
	diags_reset(&ds);
	td = tupdesc_from_spec("int4,name:text,~int8,ts:timestamptz,a:int4[],b:_text,r:raw(-1,d)", &ds);
	assert_non_null(td);
	assert_int_equal(td->natts, 7);
	assert_string_equal(td->cols[0].name, "c1");
	assert_int_equal(td->cols[0].attlen, 4);
	assert_int_equal(td->cols[0].attalign, 'i');
	assert_true(td->cols[0].attbyval);
	assert_string_equal(td->cols[1].name, "name");
	assert_int_equal(td->cols[1].attlen, -1);
	assert_true(td->cols[2].dropped);
	assert_int_equal(td->cols[2].attlen, 8);
	assert_int_equal(td->cols[2].attalign, 'd');
	assert_int_equal(td->cols[3].type->id, PGT_TIMESTAMPTZ);
	assert_true(td->cols[4].is_array);
	assert_int_equal(td->cols[4].type->id, PGT_INT4);
	assert_int_equal(td->cols[4].attlen, -1);
	assert_true(td->cols[5].is_array);
	assert_int_equal(td->cols[5].type->id, PGT_TEXT);
	assert_int_equal(td->cols[6].type->id, PGT_RAW);
	assert_int_equal(td->cols[6].attalign, 'd');
	assert_false(td->cols[6].has_missing);
	tupdesc_free(td);
}

static void
test_spec_missing(void **state)
{
	struct tupdesc *td;

	(void) state;
	diags_reset(&ds);
	td = tupdesc_from_spec("d:int4=42, e:text=\"a, \\\"b\\\"\",f:integer", &ds);
	assert_non_null(td);
	assert_int_equal(td->natts, 3);
	assert_true(td->cols[0].has_missing);
	assert_string_equal(td->cols[0].missing, "42");
	assert_string_equal(td->cols[1].name, "e");
	assert_string_equal(td->cols[1].missing, "a, \"b\"");
	assert_int_equal(td->cols[2].type->id, PGT_INT4);
	tupdesc_free(td);
}

static void
test_spec_errors(void **state)
{
	static const char *const bad[] = {
		"", "int4,nosuchtype", "raw(3,x)", "raw(0,i)", "raw(-3,i)",
		"e:text=\"unterminated", "int4,,int4", "x:", "raw(4,i",
	};
	size_t		i;

	(void) state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		diags_reset(&ds);
		assert_null(tupdesc_from_spec(bad[i], &ds));
		assert_true(ds.n > 0);
		assert_int_equal(ds.d[0].code, D_BAD_TYPE_SPEC);
	}
	diags_reset(&ds);
	assert_null(tupdesc_from_spec(NULL, &ds));
}

static void
test_spec_too_many(void **state)
{
	char	   *spec = malloc(TUPDESC_MAX_ATTS * 5 + 16);
	size_t		n = 0;
	int			i;
	struct tupdesc *td;

	(void) state;
	for (i = 0; i < TUPDESC_MAX_ATTS; i++)
		n += (size_t) sprintf(spec + n, "%sint4", i ? "," : "");
	diags_reset(&ds);
	td = tupdesc_from_spec(spec, &ds);
	assert_non_null(td);
	assert_int_equal(td->natts, TUPDESC_MAX_ATTS);
	tupdesc_free(td);
	strcat(spec, ",int4");
	assert_null(tupdesc_from_spec(spec, &ds));
	free(spec);
}

static void
test_catalog_fill(void **state)
{
	struct tupdesc *td = tupdesc_new(3);

	(void) state;
	assert_non_null(td);
	assert_int_equal(tupdesc_set_column(td, 0, "id", "int4", 4, 'i', true, false, NULL), 0);
	/* a dropped column has no type name */
	assert_int_equal(tupdesc_set_column(td, 1, "........pg.dropped.2........", NULL, 8, 'd', true, true, NULL), 0);
	assert_int_equal(td->cols[1].type->id, PGT_RAW);
	/* storage that disagrees with the type: shown raw */
	assert_int_equal(tupdesc_set_column(td, 2, "x", "int4", 8, 'd', true, false, "7"), 0);
	assert_int_equal(td->cols[2].type->id, PGT_RAW);
	assert_string_equal(td->cols[2].missing, "7");
	assert_int_equal(tupdesc_set_column(td, 2, "x", "_int4", -1, 'i', false, false, NULL), 0);
	assert_true(td->cols[2].is_array);
	assert_int_equal(tupdesc_set_column(td, 3, "x", "int4", 4, 'i', true, false, NULL), -1);
	assert_int_equal(tupdesc_set_column(td, 0, "x", "int4", 4, 'q', true, false, NULL), -1);
	assert_int_equal(tupdesc_set_column(td, 0, "x", "int4", 3, 'i', true, false, NULL), -1);
	tupdesc_free(td);
	assert_null(tupdesc_new(-1));
	assert_null(tupdesc_new(TUPDESC_MAX_ATTS + 1));
}

static void
test_types(void **state)
{
	(void) state;
	assert_int_equal(pg_type_by_name("int8")->oid, 20);
	assert_int_equal(pg_type_by_name("bigint")->id, PGT_INT8);
	assert_int_equal(pg_type_by_oid(3802)->id, PGT_JSONB);
	assert_null(pg_type_by_name("raw"));
	assert_null(pg_type_by_oid(99999));
	assert_int_equal(att_align(5, 'd'), 8);
	assert_int_equal(att_align(5, 'i'), 8);
	assert_int_equal(att_align(5, 's'), 6);
	assert_int_equal(att_align(5, 'c'), 5);
}

/* the spellings format_type() prints: typmods (commas too), words, arrays */
static void
test_format_type_spellings(void **state)
{
	static const struct {
		const char *spec;
		const char *typname;
		bool		array;
	}			cases[] = {
		{"varchar(20)", "varchar", false},
		{"character varying(20)", "varchar", false},
		{"numeric(10,2)", "numeric", false},
		{"character(5)", "bpchar", false},
		{"bpchar(5)", "bpchar", false},
		{"timestamp(3) with time zone", "timestamptz", false},
		{"timestamp without time zone", "timestamp", false},
		{"time(2) without time zone", "time", false},
		{"time(2) with time zone", "timetz", false},
		{"double precision", "float8", false},
		{"bit varying(5)", "varbit", false},
		{"bit(3)", "bit", false},
		{"interval(3)", "interval", false},
		{"interval day to second(2)", "interval", false},
		{"interval year to month", "interval", false},
		{"integer", "int4", false},
		{"smallint", "int2", false},
		{"bigint", "int8", false},
		{"boolean", "bool", false},
		{"real", "float4", false},
		{"integer[]", "int4", true},
		{"character varying(20)[]", "varchar", true},
		{"numeric(10,2)[]", "numeric", true},
		{"timestamp(3) with time zone[]", "timestamptz", true},
		{"interval day to second[]", "interval", true},
		{"\"char\"", "char", false},
	};
	size_t		i;
	char		spec[128];

	(void) state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		struct tupdesc *td;

		snprintf(spec, sizeof(spec), "id:int4,x:%s,y:text", cases[i].spec);
		diags_reset(&ds);
		td = tupdesc_from_spec(spec, &ds);
		if (td == NULL)
			fail_msg("%s: %s", cases[i].spec, ds.n ? ds.d[0].detail : "?");
		assert_int_equal(td->natts, 3);
		assert_string_equal(td->cols[1].name, "x");
		assert_string_equal(td->cols[1].type->typname, cases[i].typname);
		assert_int_equal(td->cols[1].is_array, cases[i].array);
		assert_string_equal(td->cols[2].name, "y");
		tupdesc_free(td);
	}
	/* parentheses must pair; a typmod is no type */
	diags_reset(&ds);
	assert_null(tupdesc_from_spec("numeric(10,2", &ds));
	diags_reset(&ds);
	assert_null(tupdesc_from_spec("numeric)", &ds));
	diags_reset(&ds);
	assert_null(tupdesc_from_spec("(5)", &ds));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_basic),
		cmocka_unit_test(test_spec_missing),
		cmocka_unit_test(test_spec_errors),
		cmocka_unit_test(test_spec_too_many),
		cmocka_unit_test(test_catalog_fill),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_format_type_spellings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
