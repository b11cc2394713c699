/*
 * numeric on disk (utils/adt/numeric.c): after the varlena header, a
 * uint16 n_header tells the form by its top two bits:
 *   00 / 01  NumericLong: sign (0x4000 negative) and dscale (low 14 bits),
 *            then int16 n_weight, then the digits
 *   10       NumericShort: 0x2000 sign, dscale in bits 7..12, weight in
 *            bits 0..6 (bit 6 its sign), then the digits
 *   11       special: 0xC000 NaN, 0xD000 +Infinity, 0xF000 -Infinity (14+)
 * Digits are int16, base NBASE 10000, the first one weight groups of four
 * before the decimal point.  Printed as get_str_from_var() prints them:
 * exactly dscale digits after the point.
 */
#include <stdio.h>

#include "page/page.h"
#include "types/types.h"

#define NBASE 10000

int
numeric_output(const uint8_t *p, size_t len, struct strbuf *out, char *err,
			   size_t errlen)
{
	uint16_t	hdr;
	int			weight,
				dscale,
				ndigits,
				d,
				i;
	bool		neg;
	const uint8_t *digits;

	if (len < 2)
	{
		snprintf(err, errlen, "numeric of %zu bytes", len);
		return -1;
	}
	hdr = rd16(p);
	if ((hdr & 0xC000) == 0xC000)
	{
		if ((hdr & 0xF000) == 0xC000)
			sb_puts(out, "NaN");
		else if ((hdr & 0xF000) == 0xD000)
			sb_puts(out, "Infinity");
		else if ((hdr & 0xF000) == 0xF000)
			sb_puts(out, "-Infinity");
		else
		{
			snprintf(err, errlen, "numeric special 0x%04x", hdr);
			return -1;
		}
		return 0;
	}
	if ((hdr & 0xC000) == 0x8000)
	{
		neg = (hdr & 0x2000) != 0;
		dscale = (hdr & 0x1F80) >> 7;
		weight = (hdr & 0x0040) ? (int) (hdr & 0x003F) - 64 : (int) (hdr & 0x003F);
		digits = p + 2;
		ndigits = (int) ((len - 2) / 2);
		if ((len - 2) % 2 != 0)
			goto bad;
	}
	else
	{
		if (len < 4 || (len - 4) % 2 != 0)
			goto bad;
		neg = (hdr & 0x4000) != 0;
		dscale = hdr & 0x3FFF;
		weight = (int16_t) rd16(p + 2);
		digits = p + 4;
		ndigits = (int) ((len - 4) / 2);
	}
	for (i = 0; i < ndigits; i++)
		if (rd16(digits + 2 * i) >= NBASE)
		{
			snprintf(err, errlen, "numeric digit %u out of range", rd16(digits + 2 * i));
			return -1;
		}
	if (neg)
		sb_putc(out, '-');
	if (weight < 0)
	{
		d = weight + 1;
		sb_putc(out, '0');
	}
	else
	{
		for (d = 0; d <= weight; d++)
		{
			unsigned	dig = d < ndigits ? rd16(digits + 2 * d) : 0;

			sb_printf(out, d > 0 ? "%04u" : "%u", dig);
		}
	}
	if (dscale > 0)
	{
		int			left = dscale;

		sb_putc(out, '.');
		for (; left > 0; d++)
		{
			char		four[8];
			unsigned	dig = (d >= 0 && d < ndigits) ? rd16(digits + 2 * d) : 0;

			snprintf(four, sizeof(four), "%04u", dig);
			for (i = 0; i < 4 && left > 0; i++, left--)
				sb_putc(out, four[i]);
		}
	}
	return 0;
bad:
	snprintf(err, errlen, "numeric of %zu bytes: odd digit bytes", len);
	return -1;
}
