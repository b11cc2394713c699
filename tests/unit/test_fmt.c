/*
 * fmt and strbuf's printf: every result held against the C library's
 * snprintf, on edge values and on a deterministic stream of random ones.
 */
#include "unit.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "out/emit.h"
#include "out/fmt.h"
#include "out/strbuf.h"

static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);

static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Values of every digit count, with the edges of each. */
static uint64_t
some_value(int i)
{
	static const uint64_t edges[] = {0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000,
		65535, 65536, 99999, 100000, 4294967295u, UINT64_C(4294967296),
		UINT64_C(9999999999999999999), UINT64_C(10000000000000000000), UINT64_MAX};
	int			n = (int) (sizeof(edges) / sizeof(edges[0]));
	uint64_t	v;

	if (i < n)
		return edges[i];
	v = rng();
	/* spread over the magnitudes, not mostly 20 digits */
	return v >> (rng() % 64);
}

static void
test_u64_i64(void **state)
{
	char		got[FMT_U64_MAX + 2],
				want[32];
	int			i;

	(void) state;
	for (i = 0; i < 20000; i++)
	{
		uint64_t	v = some_value(i);
		size_t		n = fmt_u64(got, v);

		snprintf(want, sizeof(want), "%" PRIu64, v);
		got[n] = '\0';
		assert_string_equal(got, want);
		n = fmt_i64(got, (int64_t) v);
		snprintf(want, sizeof(want), "%" PRId64, (int64_t) v);
		got[n] = '\0';
		assert_string_equal(got, want);
	}
	assert_int_equal(fmt_i64(got, INT64_MIN), 20);
	got[20] = '\0';
	assert_string_equal(got, "-9223372036854775808");
}

static void
test_hex_lsn(void **state)
{
	char		got[40],
				want[40];
	int			i,
				w;

	(void) state;
	for (i = 0; i < 20000; i++)
	{
		uint64_t	v = some_value(i);
		size_t		n;

		for (w = 0; w <= 16; w += (w < 4 ? 1 : 4))
		{
			n = fmt_hex(got, v, w, true);
			got[n] = '\0';
			snprintf(want, sizeof(want), "%0*" PRIX64, w, v);
			assert_string_equal(got, want);
			n = fmt_hex(got, v, w, false);
			got[n] = '\0';
			snprintf(want, sizeof(want), "%0*" PRIx64, w, v);
			assert_string_equal(got, want);
		}
		n = fmt_lsn_pg(got, v);
		got[n] = '\0';
		snprintf(want, sizeof(want), "%X/%X", (unsigned) (v >> 32), (unsigned) v);
		assert_string_equal(got, want);
		assert_true(n <= FMT_LSN_MAX);
		n = fmt_lsn_waldump(got, v);
		got[n] = '\0';
		snprintf(want, sizeof(want), "%X/%08X", (unsigned) (v >> 32), (unsigned) v);
		assert_string_equal(got, want);
		assert_true(n <= FMT_LSN_MAX);
	}
}

/* sb_printf(fmt, args) must equal snprintf(fmt, args), appended. */
#define SAME(...) \
	do { \
		char		want_[512]; \
		size_t		before_ = sb.len; \
		snprintf(want_, sizeof(want_), __VA_ARGS__); \
		sb_printf(&sb, __VA_ARGS__); \
		assert_string_equal(sb_str(&sb) + before_, want_); \
		assert_int_equal(sb.len, before_ + strlen(want_)); \
	} while (0)

static void
test_sb_printf(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	int			i;

	(void) state;
	for (i = 0; i < 5000; i++)
	{
		uint64_t	v = some_value(i);
		unsigned	u = (unsigned) v;
		int			d = (int) v;

		if (i % 50 == 0)
			sb_reset(&sb);
		SAME("off %u flags 0x%02X; %d", u, (unsigned) (v & 0xFF), d);
		SAME("rmgr: %-11s len (rec/tot): %6u/%6u, tx: %10u, lsn: %X/%08X", "Heap", u, u / 3, u,
			 (unsigned) (v >> 32), u);
		SAME("%5d|%-5d|%05d|%x|%08x|%X", d, d, d, u, u, u);
		SAME("%lu %ld %llu %lld %zu", (unsigned long) v, (long) v, (unsigned long long) v,
			 (long long) v, (size_t) v);
		SAME("%" PRIu64 " %" PRId64 " %" PRIX64 " %" PRIx64, v, (int64_t) v, v, v);
		SAME("%hu %hd %hhu %hhd %hx", (unsigned short) v, (short) v, (unsigned char) v,
			 (signed char) v, (unsigned short) v);
		SAME("%c%c %3c|%-3c|", 'a' + (int) (v % 26), 'Z', 'x', 'y');
		SAME("%s %10s|%-10s|%3s", "", "abc", "abc", "longer than three");
	}
	/* what the fast path leaves to vsnprintf: the result is the same */
	SAME("%.3f %g %e", 1.5, 2.25, 1e10);
	SAME("%.*s|%5.2s|%+d|% d|%#x|%o", 3, "abcdef", "xyz", 5, 5, 255u, 8u);
	SAME("%s and %.2f after a fast part %u", "text", 3.14159, 42u);
	SAME("100%% %u%%", 7u);
	SAME("%s", "no conversion after");
	SAME("plain");
	SAME("%s", "");
	/* a long result grows the buffer */
	{
		char		big[300];

		memset(big, 'q', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		SAME("%s|%s", big, big + 100);
		SAME("%400u|", 5u);
	}
	sb_free(&sb);
}

static void
test_sb_put(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char	   *p;

	(void) state;
	sb_putu(&sb, 0);
	sb_putn(&sb, " ab", 3);
	sb_putu(&sb, UINT64_MAX);
	sb_putc(&sb, ' ');
	sb_puthex(&sb, 0xAB, 4, true);
	sb_putc(&sb, ' ');
	sb_puthex(&sb, 0xAB, 0, false);
	assert_string_equal(sb_str(&sb), "0 ab18446744073709551615 00AB ab");
	p = sb_room(&sb, 10);
	assert_non_null(p);
	memcpy(p, "xyz", 3);
	sb_advance(&sb, 3);
	assert_string_equal(sb_str(&sb), "0 ab18446744073709551615 00AB abxyz");
	assert_int_equal(sb.len, strlen(sb_str(&sb)));
	sb_free(&sb);
}

/*
 * fmt_json_plain(s) true must mean emit's JSON renderer writes s unchanged
 * between quotes; on ASCII the two must agree exactly (from 0x80 emit also
 * passes valid UTF-8 through, which fmt_json_plain leaves to emit).  Held
 * against emit itself, on strings of plain bytes with one byte of every
 * value planted at every position of the 8-byte words, and on random ones.
 */
static bool
emit_writes_plain(const char *s, size_t n)
{
	char	   *buf = NULL;
	size_t		len = 0;
	FILE	   *f = open_memstream(&buf, &len);
	struct emit *e;
	bool		same;

	assert_non_null(f);
	e = emit_open(EMIT_JSON, f);
	emit_begin(e);
	emit_strn(e, "k", s, n, 0);
	emit_end(e);
	assert_int_equal(emit_close(e), 0);
	fclose(f);
	/* {"k":"...."}\n */
	same = len == n + 9 && memcmp(buf + 6, s, n) == 0;
	free(buf);
	return same;
}

static void
test_json_plain(void **state)
{
	char		s[40];
	int			c,
				pos,
				i;

	(void) state;
	assert_true(fmt_json_plain("", 0));
	assert_true(fmt_json_plain("off 5 flags 0x00, blkref #0: rel 1663/5/16396 blk 18517 FPW", 59));
	for (c = 0; c < 256; c++)
		for (pos = 0; pos < 19; pos++)
		{
			size_t		n = 19;

			memset(s, 'a', sizeof(s));
			s[pos] = (char) c;
			assert_int_equal(fmt_json_plain(s, n), emit_writes_plain(s, n) && c < 0x80);
			/* the byte's neighbours in the same word must not hide it */
			s[pos ^ 1] = (char) (c ^ 0x1f);
			assert_int_equal(fmt_json_plain(s, n), emit_writes_plain(s, n) && c < 0x80);
		}
	for (i = 0; i < 20000; i++)
	{
		size_t		n = rng() % sizeof(s),
					k;

		for (k = 0; k < n; k++)
			s[k] = (char) (0x20 + rng() % 0x60);
		if (rng() % 2)
			s[rng() % sizeof(s)] = (char) rng();
		if (fmt_json_plain(s, n))
			assert_true(emit_writes_plain(s, n));
		else
		{
			bool		ascii = true;

			for (k = 0; k < n; k++)
				if ((unsigned char) s[k] >= 0x80)
					ascii = false;
			if (ascii)
				assert_false(emit_writes_plain(s, n));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u64_i64),
		cmocka_unit_test(test_hex_lsn),
		cmocka_unit_test(test_sb_printf),
		cmocka_unit_test(test_sb_put),
		cmocka_unit_test(test_json_plain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
