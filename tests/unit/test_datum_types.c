/*
 * The output functions: each type's bytes printed as PostgreSQL prints
 * them (floats both ways, numeric forms, dates BC and infinite, intervals,
 * jsonb built by hand, arrays with NULLs, bounds and quoting, ranges,
 * inet) and bytes that cannot be a value.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#include "types/datum.h"
#include "types/datum_emit.h"
#include "types/types.h"

static struct strbuf sb;
static char err[160];

static const char *
out(const char *type, const uint8_t *p, size_t len, const struct type_opts *o)
{
	sb_reset(&sb);
	if (type_output(pg_type_by_name(type), p, len, o, &sb, err, sizeof(err)) != 0)
		return "<bad>";
	return sb_str(&sb);
}

static const char *
f8(double v, bool legacy)
{
	sb_reset(&sb);
	float_output(v, false, legacy, &sb);
	return sb_str(&sb);
}

static const char *
f4(float v, bool legacy)
{
	sb_reset(&sb);
	float_output(v, true, legacy, &sb);
	return sb_str(&sb);
}

static void
test_floats(void **state)
{
	(void) state;
	assert_string_equal(f8(0.1, false), "0.1");
	assert_string_equal(f8(1e15, false), "1e+15");
	assert_string_equal(f8(123456789012345.0, false), "123456789012345");
	assert_string_equal(f8(1e-5, false), "1e-05");
	assert_string_equal(f8(0.0001, false), "0.0001");
	assert_string_equal(f8(-0.0, false), "-0");
	assert_string_equal(f8(4.0, false), "4");
	assert_string_equal(f8(13.0 / 3, false), "4.333333333333333");
	assert_string_equal(f8(2.2250738585072014e-308, false), "2.2250738585072014e-308");
	assert_string_equal(f8(1.7976931348623157e308, false), "1.7976931348623157e+308");
	assert_string_equal(f8(NAN, false), "NaN");
	assert_string_equal(f8(-INFINITY, false), "-Infinity");
	assert_string_equal(f4(1e6f, false), "1e+06");
	assert_string_equal(f4(100000.0f, false), "100000");
	assert_string_equal(f4(1.1f, false), "1.1");
	assert_string_equal(f4(3.4028235e38f, false), "3.4028235e+38");
	/* before 12: %.18g and %.9g */
	assert_string_equal(f8(13.0 / 3, true), "4.33333333333333304");
	assert_string_equal(f8(2.2250738585072014e-308, true), "2.22507385850720138e-308");
	assert_string_equal(f4(1.1f, true), "1.10000002");
	assert_string_equal(f8(-0.0, true), "-0");
	assert_string_equal(f8(INFINITY, true), "Infinity");
}

static void
test_numeric(void **state)
{
	uint8_t		b[32];

	(void) state;
	/* short: -123.45 = weight 0, dscale 2, digits 123, 4500 */
	wr16(b, 0x8000 | 0x2000 | (2 << 7) | 0);
	wr16(b + 2, 123);
	wr16(b + 4, 4500);
	assert_string_equal(out("numeric", b, 6, NULL), "-123.45");
	/* short, negative weight: 0.0001 = weight -1, digit 1, dscale 4 */
	wr16(b, 0x8000 | (4 << 7) | 0x0040 | 0x3F);
	wr16(b + 2, 1);
	assert_string_equal(out("numeric", b, 4, NULL), "0.0001");
	/* long: 10000 with dscale 3 = weight 1, digit 1 */
	wr16(b, 0x0000 | 3);
	wr16(b + 2, 1);
	wr16(b + 4, 1);
	assert_string_equal(out("numeric", b, 6, NULL), "10000.000");
	/* zero: no digits */
	wr16(b, 0x8000);
	assert_string_equal(out("numeric", b, 2, NULL), "0");
	wr16(b, 0xC000);
	assert_string_equal(out("numeric", b, 2, NULL), "NaN");
	wr16(b, 0xD000);
	assert_string_equal(out("numeric", b, 2, NULL), "Infinity");
	wr16(b, 0xF000);
	assert_string_equal(out("numeric", b, 2, NULL), "-Infinity");
	wr16(b, 0xE000);
	assert_string_equal(out("numeric", b, 2, NULL), "<bad>");
	/* a digit >= NBASE, an odd length, too short */
	wr16(b, 0x8000);
	wr16(b + 2, 10000);
	assert_string_equal(out("numeric", b, 4, NULL), "<bad>");
	assert_string_equal(out("numeric", b, 3, NULL), "<bad>");
	assert_string_equal(out("numeric", b, 1, NULL), "<bad>");
}

static void
test_datetime(void **state)
{
	uint8_t		b[16];

	(void) state;
	wr32(b, 0);
	assert_string_equal(out("date", b, 4, NULL), "2000-01-01");
	wr32(b, (uint32_t) (int32_t) -2451545);	/* Julian day 0 */
	assert_string_equal(out("date", b, 4, NULL), "4714-11-24 BC");
	wr32(b, 0x7FFFFFFF);
	assert_string_equal(out("date", b, 4, NULL), "infinity");
	wr64(b, (uint64_t) INT64_C(86399999999));
	assert_string_equal(out("time", b, 8, NULL), "23:59:59.999999");
	wr64(b, (uint64_t) INT64_C(45000500000));
	wr32(b + 8, (uint32_t) -19800);
	assert_string_equal(out("timetz", b, 12, NULL), "12:30:00.5+05:30");
	wr64(b, (uint64_t) INT64_C(-1));
	assert_string_equal(out("timestamptz", b, 8, NULL), "1999-12-31 23:59:59.999999+00");
	assert_string_equal(out("timestamp", b, 8, NULL), "1999-12-31 23:59:59.999999");
	wr64(b, (uint64_t) INT64_MIN);
	assert_string_equal(out("timestamp", b, 8, NULL), "-infinity");
	/* interval: -1 year -2 mons +3 days -04:05:06.789 */
	wr64(b, (uint64_t) -INT64_C(14706789000));
	wr32(b + 8, 3);
	wr32(b + 12, (uint32_t) -14);
	assert_string_equal(out("interval", b, 16, NULL), "-1 years -2 mons +3 days -04:05:06.789");
	memset(b, 0, 16);
	assert_string_equal(out("interval", b, 16, NULL), "00:00:00");
	wr32(b + 12, 13);
	assert_string_equal(out("interval", b, 16, NULL), "1 year 1 mon");
	assert_string_equal(out("interval", b, 12, NULL), "<bad>");
	/* hostile: found by fuzzing, once signed overflows (UBSan watches) */
	wr32(b, 0x7FFFFFF0);
	assert_string_not_equal(out("date", b, 4, NULL), "<bad>");
	memset(b, 0, 12);
	wr32(b + 8, 0x80000000u);
	assert_string_equal(out("timetz", b, 12, NULL), "00:00:00+596523:14:08");
}

static void
test_misc(void **state)
{
	uint8_t		b[32];
	struct type_opts cast = {false, true, true},
				plain = {false, true, false};

	(void) state;
	memcpy(b, "\x02\x18\xc0\xa8\x01\x01", 6);
	assert_string_equal(out("inet", b, 6, &cast), "192.168.1.1/24");
	b[1] = 32;
	assert_string_equal(out("inet", b, 6, &cast), "192.168.1.1/32");
	assert_string_equal(out("inet", b, 6, &plain), "192.168.1.1");
	assert_string_equal(out("cidr", b, 6, &plain), "192.168.1.1/32");
	b[0] = 9;
	assert_string_equal(out("inet", b, 6, NULL), "<bad>");
	assert_string_equal(out("bpchar", (const uint8_t *) "ab  ", 4, &cast), "ab");
	assert_string_equal(out("bpchar", (const uint8_t *) "ab  ", 4, &plain), "ab  ");
	assert_string_equal(out("bytea", (const uint8_t *) "\x00\xff", 2, NULL), "\\x00ff");
	assert_string_equal(out("bool", (const uint8_t *) "\x01", 1, NULL), "true");
	assert_string_equal(out("char", (const uint8_t *) "\xe9", 1, &plain), "\\351");
	assert_string_equal(out("int4", (const uint8_t *) "\x01", 1, NULL), "<bad>");
	assert_string_equal(out("int8", (const uint8_t *) "\xff\xff\xff\xff\xff\xff\xff\xff", 8, NULL), "-1");
	memset(b, 0xab, 16);
	assert_string_equal(out("uuid", b, 16, NULL), "abababab-abab-abab-abab-abababababab");
}

static void
test_jsonb(void **state)
{
	/* {"a": 1, "b": [true, null]} */
	uint8_t		b[64];
	size_t		n;

	(void) state;
	memset(b, 0, sizeof(b));
	wr32(b, 2 | 0x20000000);
	wr32(b + 4, 0x80000001);	/* key "a", end offset 1 */
	wr32(b + 8, 0x00000001);	/* key "b", length 1 */
	wr32(b + 12, 0x1000000A);	/* numeric: 2 padding + 8 */
	wr32(b + 16, 0x5000000C);	/* container: 12 */
	memcpy(b + 20, "ab", 2);
	wr32(b + 24, 8 << 2);		/* numeric varlena: 4-byte header */
	wr16(b + 28, 0x8000);
	wr16(b + 30, 1);
	wr32(b + 32, 2 | 0x40000000);
	wr32(b + 36, 0x30000000);
	wr32(b + 40, 0x40000000);
	n = 44;
	assert_string_equal(out("jsonb", b, n, NULL), "{\"a\": 1, \"b\": [true, null]}");
	/* a scalar root: "x\n" */
	memset(b, 0, sizeof(b));
	wr32(b, 1 | 0x40000000 | 0x10000000);
	wr32(b + 4, 2);
	memcpy(b + 8, "x\n", 2);
	assert_string_equal(out("jsonb", b, 10, NULL), "\"x\\n\"");
	/* hostile: count larger than the bytes, a length past the end */
	wr32(b, 1000 | 0x40000000);
	assert_string_equal(out("jsonb", b, 10, NULL), "<bad>");
	wr32(b, 1 | 0x40000000);
	wr32(b + 4, 50);
	assert_string_equal(out("jsonb", b, 10, NULL), "<bad>");
	wr32(b, 1 | 0x20000000 | 0x40000000);
	assert_string_equal(out("jsonb", b, 10, NULL), "<bad>");
	assert_string_equal(out("jsonb", b, 2, NULL), "<bad>");
}

static const char *
arr(const char *elem, const uint8_t *p, size_t len)
{
	sb_reset(&sb);
	if (array_output(pg_type_by_name(elem), p, len, NULL, &sb, err, sizeof(err)) != 0)
		return "<bad>";
	return sb_str(&sb);
}

static void
test_arrays(void **state)
{
	uint8_t		b[128];
	size_t		n;

	(void) state;
	/* int4[2][2] from [0:1][1:2] with a NULL: dataoffset set */
	memset(b, 0, sizeof(b));
	wr32(b, 2);
	wr32(b + 8, 23);
	wr32(b + 12, 2);
	wr32(b + 16, 2);
	wr32(b + 20, 0);
	wr32(b + 24, 1);
	b[28] = 0x0B;				/* items 1, 2, 4 present */
	wr32(b + 4, 40);			/* data at 40 from the varlena start: 36 here */
	wr32(b + 36, 1);
	wr32(b + 40, 2);
	wr32(b + 44, 4);
	n = 48;
	assert_string_equal(arr("int4", b, n), "[0:1][1:2]={{1,2},{NULL,4}}");
	/* the wrong element type */
	assert_string_equal(arr("int8", b, n), "<bad>");
	/* data short */
	assert_string_equal(arr("int4", b, 44), "<bad>");
	/* dims that overflow */
	wr32(b + 12, 0x7FFFFFFF);
	assert_string_equal(arr("int4", b, n), "<bad>");
	/* text[] without nulls: "", x, "a b", quote" */
	memset(b, 0, sizeof(b));
	wr32(b, 1);
	wr32(b + 8, 25);
	wr32(b + 12, 4);
	wr32(b + 16, 1);
	/* data at MAXALIGN(16 + 8) = 24 from the varlena start: 20 here */
	n = 20;
	wr32(b + n, 4 << 2);
	n += 4;
	wr32(b + n, 5 << 2);
	b[n + 4] = 'x';
	n += 8;
	wr32(b + n, 7 << 2);
	memcpy(b + n + 4, "a b", 3);
	n += 8;
	wr32(b + n, 10 << 2);
	memcpy(b + n + 4, "quote\"", 6);
	n += 10;
	assert_string_equal(arr("text", b, n), "{\"\",x,\"a b\",\"quote\\\"\"}");
	/* empty */
	memset(b, 0, 12);
	wr32(b + 8, 25);
	assert_string_equal(arr("text", b, 12), "{}");
	assert_string_equal(arr("text", b, 8), "<bad>");
}

static void
test_range(void **state)
{
	uint8_t		b[32];

	(void) state;
	memset(b, 0, sizeof(b));
	wr32(b, 3904);
	wr32(b + 4, 301);
	wr32(b + 8, 311);
	b[12] = 0x02;
	assert_string_equal(out("int4range", b, 13, NULL), "[301,311)");
	b[8] = 0x10 | 0x02;			/* upper infinite: not stored */
	assert_string_equal(out("int4range", b, 9, NULL), "[301,)");
	b[8] = 0x01;
	assert_string_equal(out("int4range", b, 9, NULL), "empty");
	wr32(b, 1);
	assert_string_equal(out("int4range", b, 13, NULL), "<bad>");
}

/*
 * Random bytes into every output function and into the attribute walk:
 * whatever they say, nothing is read outside the buffer (ASan watches) and
 * each call either prints or refuses.
 */
static void
test_garbage(void **state)
{
	static const char *const types[] = {
		"bool", "char", "int2", "int4", "int8", "oid", "float4", "float8",
		"numeric", "text", "bpchar", "name", "bytea", "date", "time", "timetz",
		"timestamp", "timestamptz", "interval", "uuid", "inet", "cidr",
		"macaddr", "json", "jsonb", "tid", "point", "box", "int4range",
		"tstzrange", "numrange",
	};
	static const char *const elems[] = {"int4", "text", "numeric", "jsonb", "int8", "interval"};
	unsigned	seed = 4242;
	int			round;
	size_t		t,
				i;
	struct tupdesc *td;
	struct attr_value v[8];
	struct diags ds;

	(void) state;
	diags_reset(&ds);
	td = tupdesc_from_spec("int2,text,int8,numeric,~raw(-1,d),jsonb,int4[],name", &ds);
	assert_non_null(td);
	for (round = 0; round < 3000; round++)
	{
		size_t		len = (size_t) (round % 97);
		uint8_t    *b = malloc(len + 1);

		for (i = 0; i < len; i++)
		{
			seed = seed * 1103515245u + 12345u;
			b[i] = (uint8_t) (seed >> 16);
		}
		/* plausible headers now and then, so the deep paths are reached */
		if (len >= 12 && round % 3 == 0)
		{
			wr32(b, (uint32_t) (round % 4));
			wr32(b + 4, 0);
			wr32(b + 8, round % 2 ? 23 : 25);
		}
		for (t = 0; t < sizeof(types) / sizeof(types[0]); t++)
		{
			sb_reset(&sb);
			(void) type_output(pg_type_by_name(types[t]), b, len, NULL, &sb, err, sizeof(err));
		}
		for (t = 0; t < sizeof(elems) / sizeof(elems[0]); t++)
		{
			sb_reset(&sb);
			(void) array_output(pg_type_by_name(elems[t]), b, len, NULL, &sb, err, sizeof(err));
		}
		diags_reset(&ds);
		if (heap_deform_data(td, b, len, (unsigned) (round % 9), len > 2 ? b : NULL, v, &ds) == 0)
		{
			for (i = 0; i < (size_t) td->natts; i++)
			{
				sb_reset(&sb);
				(void) datum_to_text(&td->cols[i], &v[i], NULL, NULL, &sb, &ds);
				diags_reset(&ds);
			}
		}
		free(b);
	}
	tupdesc_free(td);
}

/* bit and varbit: bit_len, then the bits, high bit first */
static void
test_bit(void **state)
{
	uint8_t		b[8] = {0};

	(void) state;
	wr32(b, 10);
	b[4] = 0xA5;
	b[5] = 0xC0;
	assert_string_equal(out("varbit", b, 6, NULL), "1010010111");
	assert_string_equal(out("bit", b, 6, NULL), "1010010111");
	wr32(b, 17);
	assert_string_equal(out("bit", b, 6, NULL), "<bad>");
	assert_string_equal(out("bit", b, 3, NULL), "<bad>");
}

/* the text renderer's quoting: NULL, '' and 'NULL' stay apart */
static void
test_quote_text(void **state)
{
	static const struct {
		const char *in;
		const char *want;
	}			cases[] = {
		{"abc", "abc"}, {"-1.5e+10", "-1.5e+10"}, {"a/b:c_d", "a/b:c_d"},
		{"\\x0a0b", "\\x0a0b"}, {"", "''"}, {"null", "'null'"},
		{"NULL", "'NULL'"}, {"Null", "'Null'"}, {"nullx", "nullx"},
		{"a b", "'a b'"}, {"k=v", "'k=v'"}, {"it's", "'it''s'"},
		{"{1,2}", "'{1,2}'"}, {"a\\b c", "'a\\\\b c'"}, {"\xc3\xa9", "'\xc3\xa9'"},
		{"line\nnext", "'line\nnext'"},
	};
	struct strbuf q = STRBUF_INIT;
	size_t		i;

	(void) state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		sb_reset(&q);
		datum_quote_text(cases[i].in, strlen(cases[i].in), &q);
		assert_string_equal(sb_str(&q), cases[i].want);
	}
	sb_free(&q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_floats),
		cmocka_unit_test(test_numeric),
		cmocka_unit_test(test_datetime),
		cmocka_unit_test(test_misc),
		cmocka_unit_test(test_jsonb),
		cmocka_unit_test(test_arrays),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_bit),
		cmocka_unit_test(test_quote_text),
	};
	int			r = cmocka_run_group_tests(tests, NULL, NULL);

	sb_free(&sb);
	return r;
}
