/*
 * Output functions by type: values printed as PostgreSQL's typoutput
 * prints them (the files of utils/adt/).
 */
#include <arpa/inet.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "page/page.h"
#include "types/types.h"

static int
fail(char *err, size_t errlen, const char *fmt,...)
	__attribute__((format(printf, 3, 4)));

static int
fail(char *err, size_t errlen, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * Shortest-exact output (12+, float4out/float8out through Ryu with
 * extra_float_digits > 0): the fewest significant digits that read back
 * as the same value, laid out as Ryu's to_chars does: fixed notation for
 * decimal exponents -4 <= e < 15 (float8) or < 6 (float4), else d.ddde+XX.
 */
static void
float_shortest(double v, bool is_float4, struct strbuf *out)
{
	char		buf[40],
				digits[24];
	int			prec,
				nd = 0,
				exp,
				i;
	const char *p;

	for (prec = 1; prec <= 17; prec++)
	{
		snprintf(buf, sizeof(buf), "%.*e", prec - 1, v);
		if (is_float4 ? strtof(buf, NULL) == (float) v : strtod(buf, NULL) == v)
			break;
	}
	p = buf;
	if (*p == '-')
	{
		sb_putc(out, '-');
		p++;
	}
	for (; *p != 'e' && *p != '\0'; p++)
		if (*p >= '0' && *p <= '9' && nd < (int) sizeof(digits) - 1)
			digits[nd++] = *p;
	exp = *p == 'e' ? atoi(p + 1) : 0;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	digits[nd] = '\0';
	if (exp >= -4 && exp < (is_float4 ? 6 : 15))
	{
		if (exp < 0)
		{
			sb_puts(out, "0.");
			for (i = 0; i < -exp - 1; i++)
				sb_putc(out, '0');
			sb_puts(out, digits);
		}
		else if (nd <= exp + 1)
		{
			sb_puts(out, digits);
			for (i = nd; i < exp + 1; i++)
				sb_putc(out, '0');
		}
		else
		{
			for (i = 0; i < nd; i++)
			{
				if (i == exp + 1)
					sb_putc(out, '.');
				sb_putc(out, digits[i]);
			}
		}
		return;
	}
	sb_putc(out, digits[0]);
	if (nd > 1)
	{
		sb_putc(out, '.');
		sb_puts(out, digits + 1);
	}
	sb_printf(out, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

void
float_output(double v, bool is_float4, bool legacy, struct strbuf *out)
{
	if (isnan(v))
		sb_puts(out, "NaN");
	else if (isinf(v))
		sb_puts(out, v < 0 ? "-Infinity" : "Infinity");
	else if (legacy)
		sb_printf(out, "%.*g", is_float4 ? 9 : 18, v);	/* FLT_DIG/DBL_DIG + extra_float_digits 3 */
	else
		float_shortest(v, is_float4, out);
}

static void
hex_bytes(const uint8_t *p, size_t len, struct strbuf *out)
{
	static const char hx[] = "0123456789abcdef";
	size_t		i;

	for (i = 0; i < len; i++)
	{
		sb_putc(out, hx[p[i] >> 4]);
		sb_putc(out, hx[p[i] & 15]);
	}
}

/*
 * inet_out: the address, then /bits unless inet's are all of them; cidr_out
 * and network_show (the ::text cast of both): always /bits.
 */
static int
inet_output(const uint8_t *p, size_t len, bool always_bits, struct strbuf *out,
			char *err, size_t errlen)
{
	char		buf[64];
	unsigned	family,
				bits;

	if (len < 2)
		return fail(err, errlen, "inet of %zu bytes", len);
	family = p[0];				/* PGSQL_AF_INET 2, PGSQL_AF_INET6 3 */
	bits = p[1];
	if (family == 2 && len == 6 && bits <= 32)
		inet_ntop(AF_INET, p + 2, buf, sizeof(buf));
	else if (family == 3 && len == 18 && bits <= 128)
		inet_ntop(AF_INET6, p + 2, buf, sizeof(buf));
	else
		return fail(err, errlen, "inet family %u, %u bits, %zu bytes", family, bits, len);
	sb_puts(out, buf);
	if (always_bits || bits != (family == 2 ? 32u : 128u))
		sb_printf(out, "/%u", bits);
	return 0;
}

/* bit_out (varbit.c): VarBit's bit_len, then the bits, high bit first. */
static int
bit_output(const uint8_t *p, size_t len, struct strbuf *out, char *err,
		   size_t errlen)
{
	uint32_t	nbits,
				i;

	if (len < 4)
		return fail(err, errlen, "bit string of %zu bytes has no length", len);
	nbits = rd32(p);
	if (nbits > (len - 4) * 8)
		return fail(err, errlen, "bit string of %u bits in %zu bytes", nbits, len - 4);
	for (i = 0; i < nbits; i++)
		sb_putc(out, (p[4 + i / 8] & (0x80 >> (i % 8))) ? '1' : '0');
	return 0;
}

static int
fixed_len(const struct pg_type_info *t, size_t len, char *err, size_t errlen)
{
	if (t->typlen > 0 && len != (size_t) t->typlen)
		return fail(err, errlen, "%zu bytes for a %d-byte type", len, t->typlen);
	return 0;
}

int
type_output(const struct pg_type_info *t, const uint8_t *p, size_t len,
			const struct type_opts *o, struct strbuf *out, char *err,
			size_t errlen)
{
	static const struct type_opts defaults = {false, true, true};
	size_t		i;

	if (o == NULL)
		o = &defaults;
	if (fixed_len(t, len, err, errlen) != 0)
		return -1;
	switch (t->id)
	{
		case PGT_BOOL:
			sb_puts(out, p[0] ? "true" : "false");
			return 0;
		case PGT_CHAR:
			if (p[0] >= 0x80 && o->char_octal)
				sb_printf(out, "\\%03o", p[0]);
			else if (p[0] != 0)
				sb_putc(out, (char) p[0]);
			return 0;
		case PGT_INT2:
			sb_printf(out, "%d", (int16_t) rd16(p));
			return 0;
		case PGT_INT4:
			sb_printf(out, "%d", (int32_t) rd32(p));
			return 0;
		case PGT_INT8:
			sb_printf(out, "%lld", (long long) (int64_t) rd64(p));
			return 0;
		case PGT_OID:
		case PGT_XID:
		case PGT_CID:
			sb_printf(out, "%u", rd32(p));
			return 0;
		case PGT_FLOAT4:
			float_output(rdf32(p), true, o->float_legacy, out);
			return 0;
		case PGT_FLOAT8:
			float_output(rdf64(p), false, o->float_legacy, out);
			return 0;
		case PGT_NUMERIC:
			return numeric_output(p, len, out, err, errlen);
		case PGT_NAME:
			for (i = 0; i < len && p[i] != 0; i++)
				sb_putc(out, (char) p[i]);
			return 0;
		case PGT_BPCHAR:
			/* rtrim1: bpchar::text drops the padding blanks */
			if (o->text_cast)
				while (len > 0 && p[len - 1] == ' ')
					len--;
			/* FALLTHROUGH */
		case PGT_TEXT:
		case PGT_VARCHAR:
		case PGT_JSON:
			for (i = 0; i < len; i++)
				sb_putc(out, (char) p[i]);
			return 0;
		case PGT_BYTEA:
			sb_puts(out, "\\x");
			hex_bytes(p, len, out);
			return 0;
		case PGT_DATE:
		case PGT_TIME:
		case PGT_TIMETZ:
		case PGT_TIMESTAMP:
		case PGT_TIMESTAMPTZ:
		case PGT_INTERVAL:
			return datetime_output(t->id, p, len, out, err, errlen);
		case PGT_UUID:
			for (i = 0; i < 16; i++)
			{
				if (i == 4 || i == 6 || i == 8 || i == 10)
					sb_putc(out, '-');
				hex_bytes(p + i, 1, out);
			}
			return 0;
		case PGT_INET:
		case PGT_CIDR:
			return inet_output(p, len, t->id == PGT_CIDR || o->text_cast, out, err, errlen);
		case PGT_MACADDR:
			sb_printf(out, "%02x:%02x:%02x:%02x:%02x:%02x",
					  p[0], p[1], p[2], p[3], p[4], p[5]);
			return 0;
		case PGT_JSONB:
			return jsonb_output(p, len, out, err, errlen);
		case PGT_TID:
			sb_printf(out, "(%u,%u)", ((uint32_t) rd16(p) << 16) | rd16(p + 2), rd16(p + 4));
			return 0;
		case PGT_POINT:
		case PGT_BOX:
			/* point_out, box_out: "(x,y)", a box's high corner first */
			for (i = 0; i < len; i += 16)
			{
				sb_puts(out, i > 0 ? ",(" : "(");
				float_output(rdf64(p + i), false, o->float_legacy, out);
				sb_putc(out, ',');
				float_output(rdf64(p + i + 8), false, o->float_legacy, out);
				sb_putc(out, ')');
			}
			return 0;
		case PGT_RANGE:
			return range_output(p, len, o, out, err, errlen);
		case PGT_BIT:
			return bit_output(p, len, out, err, errlen);
		case PGT_RAW:
		case PGT__COUNT:
			break;
	}
	sb_puts(out, "\\x");
	hex_bytes(p, len, out);
	return 0;
}
