/*
 * emit: the JSON renderer writes valid JSON Lines whatever bytes it is
 * given, the text renderer keeps one record on one line, both render the
 * same calls, and a failed write is reported by emit_close().
 */
#include "unit.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "out/emit.h"

/* Render into a memory buffer: open_memstream keeps the test free of files. */
struct sink
{
	char	   *buf;
	size_t		len;
	FILE	   *f;
	struct emit *e;
};

static void
sink_open(struct sink *s, enum emit_format fmt)
{
	s->buf = NULL;
	s->len = 0;
	s->f = open_memstream(&s->buf, &s->len);
	assert_non_null(s->f);
	s->e = emit_open(fmt, s->f);
	assert_non_null(s->e);
}

/* Close and return the rendered text (owned by s). */
static const char *
sink_close(struct sink *s)
{
	assert_int_equal(emit_close(s->e), 0);
	assert_int_equal(fclose(s->f), 0);
	return s->buf;
}

/*
 * A strict JSON validator, enough for the renderer's output: returns the
 * position after one value, or NULL.  Strings must hold no raw control
 * byte and only valid UTF-8, which is what "any byte escaped" promises.
 */
static const char *json_value(const char *p);

static const char *
json_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

static const char *
json_string(const char *p)
{
	const unsigned char *s = (const unsigned char *) p;

	if (*s++ != '"')
		return NULL;
	for (;;)
	{
		unsigned char c = *s;

		if (c == '"')
			return (const char *) s + 1;
		if (c < 0x20)
			return NULL;
		if (c == '\\')
		{
			s++;
			if (*s == 'u')
			{
				for (int i = 1; i <= 4; i++)
					if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
						  (s[i] >= 'A' && s[i] <= 'F')))
						return NULL;
				s += 5;
			}
			else if (*s && strchr("\"\\/bfnrt", *s))
				s++;
			else
				return NULL;
			continue;
		}
		if (c < 0x80)
		{
			s++;
			continue;
		}
		/* UTF-8: lead byte and the right number of continuation bytes */
		{
			int			n = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c <= 0xDF ? 1 : -1;

			if (n < 0 || c > 0xF4)
				return NULL;
			for (int i = 1; i <= n; i++)
				if ((s[i] & 0xC0) != 0x80)
					return NULL;
			s += n + 1;
		}
	}
}

static const char *
json_value(const char *p)
{
	p = json_ws(p);
	if (*p == '"')
		return json_string(p);
	if (*p == '{' || *p == '[')
	{
		char		close = *p == '{' ? '}' : ']';
		bool		obj = *p == '{';

		p = json_ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;)
		{
			if (obj)
			{
				p = json_string(json_ws(p));
				if (p == NULL)
					return NULL;
				p = json_ws(p);
				if (*p++ != ':')
					return NULL;
			}
			p = json_value(p);
			if (p == NULL)
				return NULL;
			p = json_ws(p);
			if (*p == ',')
			{
				p++;
				continue;
			}
			return *p == close ? p + 1 : NULL;
		}
	}
	if (strncmp(p, "true", 4) == 0)
		return p + 4;
	if (strncmp(p, "false", 5) == 0)
		return p + 5;
	if (strncmp(p, "null", 4) == 0)
		return p + 4;
	{
		char	   *end;

		(void) strtod(p, &end);
		if (end == p || *p == '+' || *p == '.' || strncmp(p, "inf", 3) == 0 ||
			strncmp(p, "nan", 3) == 0 || strncmp(p, "-inf", 4) == 0)
			return NULL;
		return end;
	}
}

/* Exactly one JSON object, then one newline, nothing else. */
static void
assert_json_line(const char *out)
{
	const char *end = json_value(out);

	if (end == NULL || strcmp(end, "\n") != 0)
		fail_msg("not one JSON line: %s", out);
}

static void
test_json_every_byte(void **state)
{
	struct sink s;
	char		all[256];

	(void) state;
	for (int i = 0; i < 256; i++)
		all[i] = (char) i;
	sink_open(&s, EMIT_JSON);
	emit_begin(s.e);
	emit_strn(s.e, "bytes", all, sizeof(all), 0);
	emit_strn(s.e, "key with \"quotes\"\n", "v", 1, 0);
	emit_end(s.e);
	assert_json_line(sink_close(&s));
	/* the NUL byte and the controls as escapes, the quote and backslash too */
	assert_non_null(strstr(s.buf, "\"bytes\":\"\\u0000\\u0001"));
	assert_non_null(strstr(s.buf, "\\b\\t\\n\\u000b\\f\\r"));
	assert_non_null(strstr(s.buf, " !\\\"#"));
	assert_non_null(strstr(s.buf, "[\\\\]"));
	/* bytes >= 0x80 standing alone are not UTF-8: their Latin-1 reading */
	assert_non_null(strstr(s.buf, "\\u0080\\u0081"));
	assert_non_null(strstr(s.buf, "\\u00fe\\u00ff\""));
	assert_non_null(strstr(s.buf, "\"key with \\\"quotes\\\"\\n\":\"v\""));
	free(s.buf);
}

static void
test_json_utf8(void **state)
{
	struct sink s;

	(void) state;
	sink_open(&s, EMIT_JSON);
	emit_begin(s.e);
	/* valid: 2, 3 and 4 byte sequences pass through */
	emit_str(s.e, "ok", "h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x98\x80", 0);
	/* invalid: overlong, a surrogate, beyond U+10FFFF, a cut sequence */
	emit_str(s.e, "overlong", "\xc0\xaf", 0);
	emit_str(s.e, "surrogate", "\xed\xa0\x80", 0);
	emit_str(s.e, "big", "\xf4\x90\x80\x80", 0);
	emit_strn(s.e, "cut", "a\xe2\x9c", 3, 0);
	emit_end(s.e);
	assert_json_line(sink_close(&s));
	assert_non_null(strstr(s.buf, "\"ok\":\"h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x98\x80\""));
	assert_non_null(strstr(s.buf, "\"overlong\":\"\\u00c0\\u00af\""));
	assert_non_null(strstr(s.buf, "\"surrogate\":\"\\u00ed\\u00a0\\u0080\""));
	assert_non_null(strstr(s.buf, "\"big\":\"\\u00f4\\u0090\\u0080\\u0080\""));
	assert_non_null(strstr(s.buf, "\"cut\":\"a\\u00e2\\u009c\""));
	free(s.buf);
}

/* The same calls, both renderers: a page-like record with nested items. */
static void
describe(struct emit *e)
{
	emit_begin(e);
	emit_str(e, "file", "base/5/16384", EF_NOTEXT);
	emit_uint(e, "blkno", 7, EF_W(4));
	emit_str(e, "kind", "heap", EF_BARE | EF_LEFT | EF_W(6));
	emit_lsn(e, "lsn", ((uint64_t) 1 << 32) | 0x16B3748, 0);
	emit_int(e, "checksum", -3633, EF_HEX);
	emit_bool(e, "ok", true, 0);
	emit_null(e, "prune", 0);
	emit_double(e, "fill", 0.25, 0);
	emit_bytea(e, "data", (const uint8_t *) "\x0a\xff", 2, 0);
	emit_arr_begin(e, "flag_names", EF_BARE);
	emit_str(e, NULL, "PD_HAS_FREE_LINES", 0);
	emit_str(e, NULL, "PD_ALL_VISIBLE", 0);
	emit_arr_end(e);
	emit_arr_begin(e, "items", 0);
	for (int i = 1; i <= 2; i++)
	{
		emit_obj_begin(e, NULL, 0);
		emit_uint(e, "lp", (uint64_t) i, 0);
		emit_str(e, "note", i == 1 ? "a\nb" : "", EF_NOJSON);
		emit_obj_end(e);
	}
	emit_arr_end(e);
	emit_end(e);
}

static void
test_same_calls_two_renderers(void **state)
{
	struct sink s;

	(void) state;
	sink_open(&s, EMIT_JSON);
	describe(s.e);
	assert_string_equal(sink_close(&s),
						"{\"file\":\"base/5/16384\",\"blkno\":7,\"kind\":\"heap\",\"lsn\":\"1/16B3748\","
						"\"checksum\":-3633,\"ok\":true,\"prune\":null,\"fill\":0.25,\"data\":\"\\\\x0aff\","
						"\"flag_names\":[\"PD_HAS_FREE_LINES\",\"PD_ALL_VISIBLE\"],"
						"\"items\":[{\"lp\":1},{\"lp\":2}]}\n");
	free(s.buf);

	sink_open(&s, EMIT_TEXT);
	describe(s.e);
	sink_close(&s);
	/* no "file" (JSON only), padded blkno, bare left-aligned kind */
	assert_true(strncmp(s.buf, "blkno=   7 heap   lsn=1/16B3748 ", 32) == 0);
	assert_non_null(strstr(s.buf, "checksum=-0x0e31"));
	assert_non_null(strstr(s.buf, "ok=t"));
	assert_non_null(strstr(s.buf, "{PD_HAS_FREE_LINES,PD_ALL_VISIBLE}"));
	/* items on their own lines; the newline inside a value escaped */
	assert_non_null(strstr(s.buf, "\n  lp=1 note=a\\nb"));
	assert_non_null(strstr(s.buf, "\n  lp=2 note="));
	/* exactly the item lines break the record */
	{
		int			lines = 0;

		for (const char *p = s.buf; *p; p++)
			lines += *p == '\n';
		assert_int_equal(lines, 3);
	}
	free(s.buf);
}

static void
test_numbers(void **state)
{
	struct sink s;

	(void) state;
	sink_open(&s, EMIT_JSON);
	emit_begin(s.e);
	emit_int(s.e, "min", INT64_MIN, 0);
	emit_uint(s.e, "max", UINT64_MAX, 0);
	emit_double(s.e, "tenth", 0.1, 0);
	emit_double(s.e, "third", 1.0 / 3.0, 0);
	emit_double(s.e, "nan", NAN, 0);
	emit_double(s.e, "inf", -INFINITY, 0);
	emit_lsn(s.e, "lsn0", 0, 0);
	emit_lsn(s.e, "lsnmax", UINT64_MAX, 0);
	emit_end(s.e);
	assert_json_line(sink_close(&s));
	assert_non_null(strstr(s.buf, "\"min\":-9223372036854775808,"));
	assert_non_null(strstr(s.buf, "\"max\":18446744073709551615,"));
	/* shortest form that reads back exactly */
	assert_non_null(strstr(s.buf, "\"tenth\":0.1,"));
	assert_non_null(strstr(s.buf, "\"third\":0.3333333333333333,"));
	/* JSON has no NaN or infinity */
	assert_non_null(strstr(s.buf, "\"nan\":\"NaN\","));
	assert_non_null(strstr(s.buf, "\"inf\":\"-Infinity\","));
	assert_non_null(strstr(s.buf, "\"lsn0\":\"0/0\","));
	assert_non_null(strstr(s.buf, "\"lsnmax\":\"FFFFFFFF/FFFFFFFF\"}"));
	free(s.buf);
}

/* Many records: the buffer is flushed in pieces and nothing is lost. */
static void
test_large_output(void **state)
{
	struct sink s;
	char		v[1000];
	size_t		lines = 0;

	(void) state;
	memset(v, 'x', sizeof(v));
	sink_open(&s, EMIT_JSON);
	for (int i = 0; i < 5000; i++)
	{
		emit_begin(s.e);
		emit_int(s.e, "i", i, 0);
		emit_strn(s.e, "v", v, sizeof(v), 0);
		emit_end(s.e);
	}
	sink_close(&s);
	for (size_t i = 0; i < s.len; i++)
		lines += s.buf[i] == '\n';
	assert_int_equal(lines, 5000);
	assert_true(s.len > 5000 * 1000);
	assert_non_null(strstr(s.buf, "{\"i\":4999,\"v\":\"xxx"));
	free(s.buf);
}

/* A write error (a full disk) is kept and returned once, at close. */
static void
test_write_error(void **state)
{
	FILE	   *f = fopen("/dev/full", "w");
	struct emit *e;

	(void) state;
	if (f == NULL)
		skip();
	e = emit_open(EMIT_TEXT, f);
	for (int i = 0; i < 10000; i++)
	{
		emit_begin(e);
		emit_int(e, "i", i, 0);
		emit_end(e);
	}
	assert_int_equal(emit_close(e), ENOSPC);
	fclose(f);
}

/* Nesting deeper than the renderer keeps is ignored, not overrun. */
static void
test_deep_nesting(void **state)
{
	struct sink s;

	(void) state;
	sink_open(&s, EMIT_JSON);
	emit_begin(s.e);
	for (int i = 0; i < 100; i++)
		emit_arr_begin(s.e, "a", 0);
	emit_int(s.e, NULL, 1, 0);
	for (int i = 0; i < 100; i++)
		emit_arr_end(s.e);
	emit_end(s.e);
	assert_json_line(sink_close(&s));
	free(s.buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_every_byte),
		cmocka_unit_test(test_json_utf8),
		cmocka_unit_test(test_same_calls_two_renderers),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_large_output),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_deep_nesting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
