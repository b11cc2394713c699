/*
 * Numbers and LSNs as text without printf, for the hot output paths.
 */
#include <string.h>

#include "out/fmt.h"

/* "00".."99": two digits per division */
static const char digits2[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

static inline size_t
digits10(uint64_t v)
{
	size_t		n = 1;

	while (v >= 10000)
	{
		v /= 10000;
		n += 4;
	}
	if (v >= 1000)
		return n + 3;
	if (v >= 100)
		return n + 2;
	if (v >= 10)
		return n + 1;
	return n;
}

size_t
fmt_u64(char *out, uint64_t v)
{
	size_t		n;
	char	   *p;

	/* most numbers of a record are small: flags, lengths, ids */
	if (v < 10)
	{
		out[0] = (char) ('0' + v);
		return 1;
	}
	if (v < 100)
	{
		out[0] = digits2[2 * v];
		out[1] = digits2[2 * v + 1];
		return 2;
	}
	n = digits10(v);
	p = out + n;

	while (v >= 100)
	{
		unsigned	r = (unsigned) (v % 100);

		v /= 100;
		p -= 2;
		p[0] = digits2[2 * r];
		p[1] = digits2[2 * r + 1];
	}
	if (v >= 10)
	{
		p[-2] = digits2[2 * v];
		p[-1] = digits2[2 * v + 1];
	}
	else
		p[-1] = (char) ('0' + v);
	return n;
}

size_t
fmt_i64(char *out, int64_t v)
{
	if (v < 0)
	{
		out[0] = '-';
		return 1 + fmt_u64(out + 1, (uint64_t) 0 - (uint64_t) v);
	}
	return fmt_u64(out, (uint64_t) v);
}

size_t
fmt_hex(char *out, uint64_t v, int width, bool upper)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int			n = 1,
				i;
	uint64_t	t = v;

	while (t >= 16)
	{
		t >>= 4;
		n++;
	}
	if (width > 16)
		width = 16;
	if (n < width)
	{
		memset(out, '0', (size_t) (width - n));
		out += width - n;
	}
	for (i = n - 1; i >= 0; i--)
	{
		out[i] = hex[v & 15];
		v >>= 4;
	}
	return (size_t) (n < width ? width : n);
}

size_t
fmt_lsn_pg(char *out, uint64_t lsn)
{
	size_t		n = fmt_hex(out, lsn >> 32, 0, true);

	out[n++] = '/';
	return n + fmt_hex(out + n, lsn & 0xFFFFFFFFu, 0, true);
}

size_t
fmt_lsn_waldump(char *out, uint64_t lsn)
{
	size_t		n = fmt_hex(out, lsn >> 32, 0, true);

	out[n++] = '/';
	return n + fmt_hex(out + n, lsn & 0xFFFFFFFFu, 8, true);
}

/*
 * Eight bytes at a time: a byte below 0x20 or from 0x80, or equal to '"'
 * or '\\', sets its high bit in one of the tests (exact for "any").
 */
bool
fmt_json_plain(const char *s, size_t n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101),
				highs = UINT64_C(0x8080808080808080);
	size_t		i = 0;

	for (; i + 8 <= n; i += 8)
	{
		uint64_t	x,
					q,
					b;

		memcpy(&x, s + i, 8);
		q = x ^ (ones * '"');
		b = x ^ (ones * '\\');
		if ((x & highs) != 0 ||
			((x - ones * 0x20) & ~x & highs) != 0 ||
			((q - ones) & ~q & highs) != 0 ||
			((b - ones) & ~b & highs) != 0)
			return false;
	}
	for (; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
			return false;
	}
	return true;
}
