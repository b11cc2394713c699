/*
 * jsonb on disk (utils/jsonb.h, jsonb_util.c) printed as jsonb_out prints
 * it: keys in their stored order (jsonb's own: by length, then bytes),
 * ", " between items, ": " after keys, strings escaped as escape_json.
 *
 * A container is a uint32 header (count in the low 28 bits, then the
 * flags JB_FSCALAR 0x10000000, JB_FOBJECT 0x20000000, JB_FARRAY
 * 0x40000000), one JEntry per child (an object's keys first, then its
 * values), then the children's data.  A JEntry is a type (bits 28..30)
 * and either the child's length or, when JENTRY_HAS_OFF (bit 31), the
 * end offset of its data; a child's start is the sum of the lengths back to
 * the nearest entry with an offset.  Numerics and containers start
 * int-aligned (the padding counts in the previous child's extent).
 */
#include <stdio.h>

#include "page/page.h"
#include "heap/varlena.h"
#include "types/types.h"

#define JB_CMASK		0x0FFFFFFFu
#define JB_FSCALAR		0x10000000u
#define JB_FOBJECT		0x20000000u
#define JB_FARRAY		0x40000000u
#define JENTRY_OFFLENMASK 0x0FFFFFFFu
#define JENTRY_TYPEMASK 0x70000000u
#define JENTRY_HAS_OFF	0x80000000u
#define JENTRY_ISSTRING 0x00000000u
#define JENTRY_ISNUMERIC 0x10000000u
#define JENTRY_ISBOOL_FALSE 0x20000000u
#define JENTRY_ISBOOL_TRUE 0x30000000u
#define JENTRY_ISNULL	0x40000000u
#define JENTRY_ISCONTAINER 0x50000000u
#define JSONB_MAX_DEPTH 1000

struct jctx {
	struct strbuf *out;
	char	   *err;
	size_t		errlen;
};

static int container_out(struct jctx *c, const uint8_t *p, size_t len, int depth);

/* escape_json */
static void
json_string(struct strbuf *out, const uint8_t *s, size_t n)
{
	size_t		i;

	sb_putc(out, '"');
	for (i = 0; i < n; i++)
	{
		uint8_t		ch = s[i];

		switch (ch)
		{
			case '\b':
				sb_puts(out, "\\b");
				break;
			case '\f':
				sb_puts(out, "\\f");
				break;
			case '\n':
				sb_puts(out, "\\n");
				break;
			case '\r':
				sb_puts(out, "\\r");
				break;
			case '\t':
				sb_puts(out, "\\t");
				break;
			case '"':
				sb_puts(out, "\\\"");
				break;
			case '\\':
				sb_puts(out, "\\\\");
				break;
			default:
				if (ch < ' ')
					sb_printf(out, "\\u%04x", ch);
				else
					sb_putc(out, (char) ch);
		}
	}
	sb_putc(out, '"');
}

static int
bad(struct jctx *c, const char *what)
{
	snprintf(c->err, c->errlen, "jsonb: %s", what);
	return -1;
}

/* One child: its JEntry je, data at base + [off, off + len). */
static int
child_out(struct jctx *c, uint32_t je, const uint8_t *base, size_t off,
		  size_t len, size_t avail, int depth)
{
	size_t		pad;

	if (off > avail || len > avail - off)
		return bad(c, "child past the end of its container");
	switch (je & JENTRY_TYPEMASK)
	{
		case JENTRY_ISSTRING:
			json_string(c->out, base + off, len);
			return 0;
		case JENTRY_ISNULL:
			sb_puts(c->out, "null");
			return 0;
		case JENTRY_ISBOOL_TRUE:
			sb_puts(c->out, "true");
			return 0;
		case JENTRY_ISBOOL_FALSE:
			sb_puts(c->out, "false");
			return 0;
		case JENTRY_ISNUMERIC:
		case JENTRY_ISCONTAINER:
			pad = ((off + 3) & ~(size_t) 3) - off;
			if (pad > len)
				return bad(c, "alignment padding past the child");
			off += pad;
			len -= pad;
			if ((je & JENTRY_TYPEMASK) == JENTRY_ISCONTAINER)
				return container_out(c, base + off, len, depth + 1);
			else
			{
				struct varlena v;
				struct diags ds;

				diags_reset(&ds);
				if (varlena_parse(base + off, len, &v, &ds) != 0 ||
					(v.form != VF_SHORT && v.form != VF_PLAIN))
					return bad(c, "numeric varlena");
				return numeric_output(v.data, v.data_len, c->out, c->err, c->errlen);
			}
		default:
			return bad(c, "unknown JEntry type");
	}
}

/* The next child's extent from JEntry je, after a child ending at *off. */
static int
next_extent(struct jctx *c, uint32_t je, size_t *off, size_t *start, size_t *clen)
{
	*start = *off;
	if (je & JENTRY_HAS_OFF)
	{
		if ((je & JENTRY_OFFLENMASK) < *start)
			return bad(c, "entry offset before its start");
		*clen = (je & JENTRY_OFFLENMASK) - *start;
	}
	else
		*clen = je & JENTRY_OFFLENMASK;
	*off = *start + *clen;
	return 0;
}

static int
container_out(struct jctx *c, const uint8_t *p, size_t len, int depth)
{
	uint32_t	hdr,
				count,
				n,
				i;
	const uint8_t *ents,
			   *base;
	size_t		avail,
				koff = 0,
				voff = 0,
				start,
				clen;
	bool		object;

	if (depth > JSONB_MAX_DEPTH)
		return bad(c, "nested too deep");
	if (len < 4)
		return bad(c, "container header past the end");
	hdr = rd32(p);
	count = hdr & JB_CMASK;
	object = (hdr & JB_FOBJECT) != 0;
	if (object == ((hdr & JB_FARRAY) != 0))
		return bad(c, "container neither object nor array");
	if ((hdr & JB_FSCALAR) && (object || count != 1))
		return bad(c, "scalar container of more than one element");
	n = object ? count * 2 : count;
	if (count > (len - 4) / 4 || (size_t) n * 4 > len - 4)
		return bad(c, "more entries than bytes");
	ents = p + 4;
	base = ents + (size_t) n * 4;
	avail = len - 4 - (size_t) n * 4;
	/* an object's values start where its keys end (getJsonbOffset) */
	if (object)
		for (i = 0; i < count; i++)
			if (next_extent(c, rd32(ents + 4 * i), &voff, &start, &clen) != 0)
				return -1;
	if (!(hdr & JB_FSCALAR))
		sb_putc(c->out, object ? '{' : '[');
	for (i = 0; i < count; i++)
	{
		uint32_t	je = rd32(ents + 4 * i);

		if (i > 0)
			sb_puts(c->out, ", ");
		if (next_extent(c, je, &koff, &start, &clen) != 0)
			return -1;
		if (object && (je & JENTRY_TYPEMASK) != JENTRY_ISSTRING)
			return bad(c, "object key not a string");
		if (child_out(c, je, base, start, clen, avail, depth) != 0)
			return -1;
		if (object)
		{
			je = rd32(ents + 4 * ((size_t) count + i));
			sb_puts(c->out, ": ");
			if (next_extent(c, je, &voff, &start, &clen) != 0 ||
				child_out(c, je, base, start, clen, avail, depth) != 0)
				return -1;
		}
	}
	if (!(hdr & JB_FSCALAR))
		sb_putc(c->out, object ? '}' : ']');
	return 0;
}

int
jsonb_output(const uint8_t *p, size_t len, struct strbuf *out, char *err,
			 size_t errlen)
{
	struct jctx c = {out, err, errlen};

	return container_out(&c, p, len, 0);
}
