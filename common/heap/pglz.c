/*
 * pglz decompression for untrusted input (src/common/pg_lzcompress.c
 * format).
 */
#include "heap/pglz.h"

long
pglz_decompress(const uint8_t *src, size_t slen, uint8_t *dst, size_t rawsize,
				bool complete)
{
	const uint8_t *sp = src,
			   *send = src + slen;
	uint8_t    *dp = dst,
			   *dend = dst + rawsize;

	while (sp < send && dp < dend)
	{
		unsigned	ctrl = *sp++;
		int			bit;

		for (bit = 0; bit < 8 && sp < send && dp < dend; bit++, ctrl >>= 1)
		{
			size_t		len,
						off,
						i;

			if ((ctrl & 1) == 0)
			{
				*dp++ = *sp++;
				continue;
			}
			if (send - sp < 2)
				return PGLZ_TRUNCATED;
			len = (size_t) (sp[0] & 0x0f) + 3;
			off = ((size_t) (sp[0] & 0xf0) << 4) | sp[1];
			sp += 2;
			if (len == 18)
			{
				if (sp >= send)
					return PGLZ_TRUNCATED;
				len += *sp++;
			}
			if (off == 0 || off > (size_t) (dp - dst))
				return PGLZ_BAD_OFFSET;
			if (len > (size_t) (dend - dp))
				len = (size_t) (dend - dp);
			/* byte by byte: an overlapping copy repeats the last off bytes */
			for (i = 0; i < len; i++)
				dp[i] = (dp - off)[i];
			dp += len;
		}
	}
	if (complete && (dp != dend || sp != send))
		return PGLZ_INCOMPLETE;
	return (long) (dp - dst);
}

const char *
pglz_strerror(long code)
{
	switch (code)
	{
		case PGLZ_TRUNCATED:
			return "match tag past the end of the compressed data";
		case PGLZ_BAD_OFFSET:
			return "match offset outside the output";
		case PGLZ_INCOMPLETE:
			return "compressed and raw sizes disagree";
		default:
			return "ok";
	}
}
