/*
 * Arrays (utils/array.h) printed as array_out prints them.  The varlena's
 * data (its 4-byte header already gone) holds ndim, dataoffset (0 when
 * there is no null bitmap), elemtype, then dims[ndim] and lbound[ndim],
 * the null bitmap (1 = present) when dataoffset != 0, and from dataoffset
 * (or MAXALIGN(16 + 8 * ndim) without nulls; both counted from the start of
 * the varlena) the present elements, each aligned to the element type's
 * typalign from the start of the varlena.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page/page.h"
#include "heap/varlena.h"
#include "types/types.h"

#define MAXDIM 6
#define MAX_ARRAY_ITEMS 134217727	/* MaxArraySize */

static bool
needs_quote(const char *s, size_t n)
{
	size_t		i;

	if (n == 0 || (n == 4 && strncasecmp(s, "NULL", 4) == 0))
		return true;
	for (i = 0; i < n; i++)
	{
		char		ch = s[i];

		if (ch == '"' || ch == '\\' || ch == '{' || ch == '}' || ch == ',' ||
			ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
			ch == '\v' || ch == '\f')
			return true;
	}
	return false;
}

static int
print_builtin(const void *arg, const uint8_t *p, size_t len, const struct type_opts *o,
			  struct strbuf *out, char *err, size_t errlen)
{
	return type_output(arg, p, len, o, out, err, errlen);
}

int
array_output(const struct pg_type_info *elem, const uint8_t *p, size_t len,
			 const struct type_opts *o, struct strbuf *out, char *err,
			 size_t errlen)
{
	struct array_elem el = {elem->oid, elem->typname, elem->typlen, elem->typalign,
	print_builtin, elem};

	return array_output_elem(&el, p, len, o, out, err, errlen);
}

int
array_output_elem(const struct array_elem *elem, const uint8_t *p, size_t len,
				  const struct type_opts *o, struct strbuf *out, char *err,
				  size_t errlen)
{
	int32_t		ndim,
				dims[MAXDIM],
				lbs[MAXDIM],
				idx[MAXDIM];
	uint32_t	dataoff,
				elemtype;
	const uint8_t *bitmap = NULL;
	size_t		nitems = 1,
				pos,
				i;
	int			d;
	bool		decorate = false;
	struct strbuf el = STRBUF_INIT;
	struct type_opts eo = {false, true, false};

	if (o != NULL)
		eo = *o;
	eo.text_cast = false;		/* elements print with their output function */
	if (len < 12)
	{
		snprintf(err, errlen, "array of %zu bytes", len);
		return -1;
	}
	ndim = (int32_t) rd32(p);
	dataoff = rd32(p + 4);
	elemtype = rd32(p + 8);
	if (ndim < 0 || ndim > MAXDIM || len < 12 + 8 * (size_t) ndim)
	{
		snprintf(err, errlen, "array of %d dimensions in %zu bytes", ndim, len);
		return -1;
	}
	if (elem->oid != 0 && elemtype != elem->oid)
	{
		snprintf(err, errlen, "array element type %u, expected %u (%s)",
				 elemtype, elem->oid, elem->typname);
		return -1;
	}
	if (ndim == 0)
	{
		sb_puts(out, "{}");
		return 0;
	}
	for (d = 0; d < ndim; d++)
	{
		dims[d] = (int32_t) rd32(p + 12 + 4 * (size_t) d);
		lbs[d] = (int32_t) rd32(p + 12 + 4 * ((size_t) ndim + d));
		if (dims[d] < 0 || (dims[d] > 0 && nitems > MAX_ARRAY_ITEMS / (size_t) dims[d]))
		{
			snprintf(err, errlen, "array dimension %d of %d items", d + 1, dims[d]);
			return -1;
		}
		nitems *= (size_t) dims[d];
		if (lbs[d] != 1)
			decorate = true;
		idx[d] = 0;
	}
	if (nitems == 0)
	{
		sb_puts(out, "{}");
		return 0;
	}
	if (dataoff != 0)
	{
		size_t		boff = 12 + 8 * (size_t) ndim;

		if (len < boff + (nitems + 7) / 8 || dataoff < 4 || dataoff - 4 > len ||
			dataoff - 4 < boff + (nitems + 7) / 8)
		{
			snprintf(err, errlen, "array null bitmap of %zu items, data at %u, %zu bytes",
					 nitems, dataoff, len);
			return -1;
		}
		bitmap = p + boff;
		pos = dataoff - 4;
	}
	else
		pos = ((16 + 8 * (size_t) ndim + 7) & ~(size_t) 7) - 4;
	if (pos > len)
	{
		snprintf(err, errlen, "array data at %zu past %zu bytes", pos, len);
		return -1;
	}
	if (decorate)
	{
		for (d = 0; d < ndim; d++)
			sb_printf(out, "[%d:%lld]", lbs[d], (long long) lbs[d] + dims[d] - 1);
		sb_putc(out, '=');
	}
	for (d = 0; d < ndim; d++)
		sb_putc(out, '{');
	for (i = 0; i < nitems; i++)
	{
		if (i > 0)
		{
			/* close the dimensions that just ended, open them again */
			int			closed = 0;

			for (d = ndim - 1; d >= 0; d--)
			{
				if (++idx[d] < dims[d])
					break;
				idx[d] = 0;
				closed++;
			}
			for (d = 0; d < closed; d++)
				sb_putc(out, '}');
			sb_putc(out, ',');
			for (d = 0; d < closed; d++)
				sb_putc(out, '{');
		}
		if (bitmap != NULL && (bitmap[i / 8] & (1u << (i % 8))) == 0)
		{
			sb_puts(out, "NULL");
			continue;
		}
		{
			size_t		elen;
			const uint8_t *ep;
			struct varlena v;
			struct diags ds;
			int			r;

			pos = att_align((uint32_t) (pos + 4), elem->typalign) - 4;
			if (pos > len)
				goto short_data;
			if (elem->typlen > 0)
			{
				elen = (size_t) elem->typlen;
				if (elen > len - pos)
					goto short_data;
				ep = p + pos;
				pos += elen;
			}
			else if (elem->typlen == -1)
			{
				diags_reset(&ds);
				if (varlena_parse(p + pos, len - pos, &v, &ds) != 0 ||
					(v.form != VF_SHORT && v.form != VF_PLAIN))
				{
					snprintf(err, errlen, "array element %zu: bad or compressed varlena", i + 1);
					sb_free(&el);
					return -1;
				}
				ep = v.data;
				elen = v.data_len;
				pos += v.total;
			}
			else
			{
				const uint8_t *nul = memchr(p + pos, 0, len - pos);

				if (nul == NULL)
					goto short_data;
				ep = p + pos;
				elen = (size_t) (nul - ep);
				pos += elen + 1;
			}
			sb_reset(&el);
			r = elem->print(elem->arg, ep, elen, &eo, &el, err, errlen);
			if (r != 0)
			{
				sb_free(&el);
				return -1;
			}
			if (needs_quote(sb_str(&el), el.len))
			{
				const char *s = sb_str(&el);
				size_t		k;

				sb_putc(out, '"');
				for (k = 0; k < el.len; k++)
				{
					if (s[k] == '"' || s[k] == '\\')
						sb_putc(out, '\\');
					sb_putc(out, s[k]);
				}
				sb_putc(out, '"');
			}
			else
				sb_puts(out, sb_str(&el));
		}
	}
	for (d = 0; d < ndim; d++)
		sb_putc(out, '}');
	sb_free(&el);
	return 0;
short_data:
	snprintf(err, errlen, "array element %zu past the end (%zu bytes)", i + 1, len);
	sb_free(&el);
	return -1;
}
