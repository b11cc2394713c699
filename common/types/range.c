/*
 * Range types (utils/rangetypes.h) printed as range_out prints them.  The
 * varlena's data holds the range type's OID, the bounds that are present
 * (lower then upper, each placed as a heap attribute would be: aligned to
 * the subtype's typalign from the start of the varlena unless a short
 * varlena, att_align_pointer), and a last byte of flags.
 */
#include <stdio.h>
#include <string.h>

#include "page/page.h"
#include "heap/varlena.h"
#include "types/types.h"

#define RANGE_EMPTY		0x01
#define RANGE_LB_INC	0x02
#define RANGE_UB_INC	0x04
#define RANGE_LB_INF	0x08
#define RANGE_UB_INF	0x10

static const struct {
	uint32_t	rangeoid;
	const char *subtype;
} ranges[] = {
	{3904, "int4"}, {3906, "numeric"}, {3908, "timestamp"},
	{3910, "timestamptz"}, {3912, "date"}, {3926, "int8"},
};

/* range_bound_escape: quote when empty or holding any of "\()[], or space */
static void
bound_out(struct strbuf *out, const char *s, size_t n)
{
	size_t		i;
	bool		quote = n == 0;

	for (i = 0; i < n && !quote; i++)
		quote = strchr("\"\\()[],", s[i]) != NULL || s[i] == ' ' ||
			(s[i] >= '\t' && s[i] <= '\r');
	if (!quote)
	{
		for (i = 0; i < n; i++)
			sb_putc(out, s[i]);
		return;
	}
	sb_putc(out, '"');
	for (i = 0; i < n; i++)
	{
		if (s[i] == '"' || s[i] == '\\')
			sb_putc(out, s[i]);
		sb_putc(out, s[i]);
	}
	sb_putc(out, '"');
}

int
range_output(const uint8_t *p, size_t len, const struct type_opts *o,
			 struct strbuf *out, char *err, size_t errlen)
{
	const struct pg_type_info *sub = NULL;
	uint32_t	oid;
	uint8_t		flags;
	size_t		pos = 4,
				end,
				i;
	int			b;
	struct strbuf el = STRBUF_INIT;
	struct type_opts eo = {false, true, false};

	if (o != NULL)
		eo = *o;
	eo.text_cast = false;
	if (len < 5)
	{
		snprintf(err, errlen, "range of %zu bytes", len);
		return -1;
	}
	oid = rd32(p);
	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (ranges[i].rangeoid == oid)
			sub = pg_type_by_name(ranges[i].subtype);
	if (sub == NULL)
	{
		snprintf(err, errlen, "range type %u unknown", oid);
		return -1;
	}
	flags = p[len - 1];
	end = len - 1;
	if (flags & RANGE_EMPTY)
	{
		sb_puts(out, "empty");
		return 0;
	}
	sb_putc(out, (flags & RANGE_LB_INC) ? '[' : '(');
	for (b = 0; b < 2; b++)
	{
		const uint8_t *vp;
		size_t		vlen;

		if (b == 1)
			sb_putc(out, ',');
		if (flags & (b == 0 ? RANGE_LB_INF : RANGE_UB_INF))
			continue;
		/* positions are counted from the varlena start, 4 bytes before p */
		if (!(sub->typlen == -1 && pos < end && p[pos] != 0))
			pos = att_align((uint32_t) (pos + 4), sub->typalign) - 4;
		if (pos > end)
			goto bad;
		if (sub->typlen > 0)
		{
			vlen = (size_t) sub->typlen;
			if (vlen > end - pos)
				goto bad;
			vp = p + pos;
			pos += vlen;
		}
		else
		{
			struct varlena v;
			struct diags ds;

			diags_reset(&ds);
			if (varlena_parse(p + pos, end - pos, &v, &ds) != 0 ||
				(v.form != VF_SHORT && v.form != VF_PLAIN))
				goto bad;
			vp = v.data;
			vlen = v.data_len;
			pos += v.total;
		}
		sb_reset(&el);
		if (type_output(sub, vp, vlen, &eo, &el, err, errlen) != 0)
		{
			sb_free(&el);
			return -1;
		}
		bound_out(out, sb_str(&el), el.len);
	}
	sb_putc(out, (flags & RANGE_UB_INC) ? ']' : ')');
	sb_free(&el);
	return 0;
bad:
	sb_free(&el);
	snprintf(err, errlen, "range bound past the end (%zu bytes)", len);
	return -1;
}
