/*
 * Values compared as their type's default B-tree operator class does
 * (btint4cmp, bttextcmp with the C collation, ...).
 */
#include <stdio.h>
#include <string.h>

#include "types/datum_cmp.h"
#include "page/page.h"

#define NAMEDATALEN 64

#define CMP(x, y) ((x) < (y) ? -1 : (x) > (y) ? 1 : 0)

bool
datum_cmp_supported(const struct tupcol *col)
{
	if (col->is_array || col->dropped || col->type == NULL)
		return false;
	switch (col->type->id)
	{
		case PGT_BOOL:
		case PGT_CHAR:
		case PGT_INT2:
		case PGT_INT4:
		case PGT_INT8:
		case PGT_OID:
		case PGT_FLOAT4:
		case PGT_FLOAT8:
		case PGT_NUMERIC:
		case PGT_TEXT:
		case PGT_VARCHAR:
		case PGT_BPCHAR:
		case PGT_NAME:
		case PGT_BYTEA:
		case PGT_DATE:
		case PGT_TIME:
		case PGT_TIMESTAMP:
		case PGT_TIMESTAMPTZ:
		case PGT_UUID:
		case PGT_MACADDR:
			return true;
		default:
			return false;
	}
}

/* btfloat8cmp: NaN = NaN, NaN > anything else; -0 = 0 by == */
static int
cmp_float8(double a, double b)
{
	bool		an = a != a,
				bn = b != b;

	if (an || bn)
		return an && bn ? 0 : an ? 1 : -1;
	return CMP(a, b);
}

/* varstr_cmp in the C collation: memcmp of the common prefix, then length */
static int
cmp_bytes_c(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	int			r = memcmp(a, b, alen < blen ? alen : blen);

	if (r != 0)
		return r < 0 ? -1 : 1;
	return CMP(alen, blen);
}

/* bpcharcmp: trailing spaces are not significant (bcTruelen) */
static int
cmp_bpchar_c(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	while (alen > 0 && a[alen - 1] == ' ')
		alen--;
	while (blen > 0 && b[blen - 1] == ' ')
		blen--;
	return cmp_bytes_c(a, alen, b, blen);
}

/* a numeric's parts (numeric.c's NumericVar, without dscale) */
struct num
{
	int			special;		/* 0 finite, 1 NaN, 2 +Inf, 3 -Inf */
	bool		neg;
	int			weight;
	int			ndigits;
	const uint8_t *digits;		/* int16 each, little-endian */
};

static int
num_parse(const uint8_t *p, size_t len, struct num *n, char *err, size_t errlen)
{
	uint16_t	hdr;

	memset(n, 0, sizeof(*n));
	if (len < 2)
	{
		snprintf(err, errlen, "numeric of %zu bytes", len);
		return -1;
	}
	hdr = rd16(p);
	if ((hdr & 0xC000) == 0xC000)
	{
		switch (hdr & 0xF000)
		{
			case 0xC000:
				n->special = 1;
				return 0;
			case 0xD000:
				n->special = 2;
				return 0;
			case 0xF000:
				n->special = 3;
				return 0;
		}
		snprintf(err, errlen, "numeric special 0x%04x", hdr);
		return -1;
	}
	if ((hdr & 0xC000) == 0x8000)
	{
		/* NumericShort: sign 0x2000, weight in the low 7 bits */
		n->neg = (hdr & 0x2000) != 0;
		n->weight = (hdr & 0x0040) ? (int) (hdr & 0x003F) - 64 : (int) (hdr & 0x003F);
		n->digits = p + 2;
		n->ndigits = (int) ((len - 2) / 2);
		if ((len - 2) % 2 != 0)
			goto odd;
	}
	else
	{
		/* NumericLong: sign 0x4000, then int16 n_weight */
		if (len < 4)
		{
			snprintf(err, errlen, "numeric of %zu bytes", len);
			return -1;
		}
		n->neg = (hdr & 0x4000) != 0;
		n->weight = (int16_t) rd16(p + 2);
		n->digits = p + 4;
		n->ndigits = (int) ((len - 4) / 2);
		if ((len - 4) % 2 != 0)
			goto odd;
	}
	return 0;
odd:
	snprintf(err, errlen, "numeric of %zu bytes: odd digit bytes", len);
	return -1;
}

static int
digit(const struct num *n, int i)
{
	return (int16_t) rd16(n->digits + 2 * i);
}

/* cmp_abs_common: |a| against |b|, digits aligned by weight */
static int
cmp_abs(const struct num *a, const struct num *b)
{
	int			w1 = a->weight,
				w2 = b->weight,
				i1 = 0,
				i2 = 0;

	while (w1 > w2 && i1 < a->ndigits)
	{
		if (digit(a, i1++) != 0)
			return 1;
		w1--;
	}
	while (w2 > w1 && i2 < b->ndigits)
	{
		if (digit(b, i2++) != 0)
			return -1;
		w2--;
	}
	if (w1 == w2)
	{
		while (i1 < a->ndigits && i2 < b->ndigits)
		{
			int			d = digit(a, i1++) - digit(b, i2++);

			if (d != 0)
				return d > 0 ? 1 : -1;
		}
	}
	while (i1 < a->ndigits)
		if (digit(a, i1++) != 0)
			return 1;
	while (i2 < b->ndigits)
		if (digit(b, i2++) != 0)
			return -1;
	return 0;
}

static bool
num_zero(const struct num *n)
{
	for (int i = 0; i < n->ndigits; i++)
		if (digit(n, i) != 0)
			return false;
	return true;
}

/* numeric_cmp / cmp_numerics */
static int
cmp_numeric(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen,
			int *res, char *err, size_t errlen)
{
	/* the order of the specials: -Inf < finite < +Inf < NaN */
	static const int rank[] = {1, 3, 2, 0};
	struct num x,
				y;
	int			sx,
				sy;

	if (num_parse(a, alen, &x, err, errlen) != 0 ||
		num_parse(b, blen, &y, err, errlen) != 0)
		return -1;
	if (x.special || y.special)
	{
		*res = CMP(rank[x.special], rank[y.special]);
		return 0;
	}
	/* cmp_var_common: zero has no sign */
	sx = num_zero(&x) ? 0 : x.neg ? -1 : 1;
	sy = num_zero(&y) ? 0 : y.neg ? -1 : 1;
	if (sx != sy)
		*res = CMP(sx, sy);
	else if (sx == 0)
		*res = 0;
	else
		*res = sx > 0 ? cmp_abs(&x, &y) : -cmp_abs(&x, &y);
	return 0;
}

static int
want(size_t alen, size_t blen, size_t n, const char *type, char *err, size_t errlen)
{
	if (alen == n && blen == n)
		return 0;
	snprintf(err, errlen, "%s of %zu and %zu bytes, expected %zu", type, alen, blen, n);
	return -1;
}

int
datum_cmp(const struct tupcol *col, const uint8_t *a, size_t alen,
		  const uint8_t *b, size_t blen, int *res, char *err, size_t errlen)
{
	const char *tn = col->type ? col->type->typname : "raw";

	*res = 0;
	if (!datum_cmp_supported(col))
	{
		snprintf(err, errlen, "no comparison for type %s%s", tn, col->is_array ? "[]" : "");
		return -1;
	}
	switch (col->type->id)
	{
		case PGT_BOOL:
		case PGT_CHAR:
			/* boolcmp, btcharcmp: as unsigned bytes */
			if (want(alen, blen, 1, tn, err, errlen) != 0)
				return -1;
			*res = CMP(a[0], b[0]);
			return 0;
		case PGT_INT2:
			if (want(alen, blen, 2, tn, err, errlen) != 0)
				return -1;
			*res = CMP((int16_t) rd16(a), (int16_t) rd16(b));
			return 0;
		case PGT_INT4:
		case PGT_DATE:
			/* date is int32 days; +-infinity are INT32_MAX / INT32_MIN */
			if (want(alen, blen, 4, tn, err, errlen) != 0)
				return -1;
			*res = CMP((int32_t) rd32(a), (int32_t) rd32(b));
			return 0;
		case PGT_OID:
			if (want(alen, blen, 4, tn, err, errlen) != 0)
				return -1;
			*res = CMP(rd32(a), rd32(b));
			return 0;
		case PGT_INT8:
		case PGT_TIME:
		case PGT_TIMESTAMP:
		case PGT_TIMESTAMPTZ:
			/* int64 microseconds; +-infinity are INT64_MAX / INT64_MIN */
			if (want(alen, blen, 8, tn, err, errlen) != 0)
				return -1;
			*res = CMP((int64_t) rd64(a), (int64_t) rd64(b));
			return 0;
		case PGT_FLOAT4:
			if (want(alen, blen, 4, tn, err, errlen) != 0)
				return -1;
			*res = cmp_float8(rdf32(a), rdf32(b));
			return 0;
		case PGT_FLOAT8:
			if (want(alen, blen, 8, tn, err, errlen) != 0)
				return -1;
			*res = cmp_float8(rdf64(a), rdf64(b));
			return 0;
		case PGT_NUMERIC:
			return cmp_numeric(a, alen, b, blen, res, err, errlen);
		case PGT_TEXT:
		case PGT_VARCHAR:
		case PGT_BYTEA:
			*res = cmp_bytes_c(a, alen, b, blen);
			return 0;
		case PGT_BPCHAR:
			*res = cmp_bpchar_c(a, alen, b, blen);
			return 0;
		case PGT_NAME:
			{
				/*
				 * btnamecmp in C: strncmp over NAMEDATALEN.  A heap holds the
				 * 64 bytes; an index (name_ops stores cstring) the string.
				 */
				size_t		la,
							lb;

				if (alen > NAMEDATALEN || blen > NAMEDATALEN)
				{
					snprintf(err, errlen, "%s of %zu and %zu bytes, more than %d",
							 tn, alen, blen, NAMEDATALEN);
					return -1;
				}
				la = strnlen((const char *) a, alen);
				lb = strnlen((const char *) b, blen);
				*res = cmp_bytes_c(a, la, b, lb);
				return 0;
			}
		case PGT_UUID:
			if (want(alen, blen, 16, tn, err, errlen) != 0)
				return -1;
			*res = cmp_bytes_c(a, 16, b, 16);
			return 0;
		case PGT_MACADDR:
			if (want(alen, blen, 6, tn, err, errlen) != 0)
				return -1;
			*res = cmp_bytes_c(a, 6, b, 6);
			return 0;
		default:
			break;
	}
	snprintf(err, errlen, "no comparison for type %s", tn);
	return -1;
}
