/*
 * A page's header as pageinspect's page_header() shows it
 * (contrib/pageinspect/rawpage.c), its checksum verdict, and its bytes as
 * hexdump -C shows them.
 */
#include <stdio.h>

#include "heap/heappage.h"
#include "page/page_emit.h"

/* page_header() shows pd_checksum as a smallint; so do we, in JSON. */
static int64_t
as_smallint(uint16_t v)
{
	return (int16_t) v;
}

void
page_emit_header(struct emit *e, const struct page_header *h)
{
	const char *flags[4];
	int			nflags,
				i;
	char		buf[64];

	emit_lsn(e, "lsn", h->lsn, EF_W(11));
	if (emit_format_of(e) == EMIT_JSON)
		emit_int(e, "checksum", as_smallint(h->checksum), 0);
	else
		emit_uint(e, "checksum", h->checksum, EF_HEX);
	nflags = page_flag_names(h->flags, flags, 4);
	if (emit_format_of(e) == EMIT_JSON)
		emit_uint(e, "flags", h->flags, 0);
	else
	{
		/* text: the value with its names, flags=0x0005(HAS_FREE_LINES|ALL_VISIBLE) */
		size_t		len = (size_t) snprintf(buf, sizeof(buf), "0x%04x", h->flags);

		for (i = 0; i < nflags && len < sizeof(buf); i++)
			len += (size_t) snprintf(buf + len, sizeof(buf) - len, "%s%s%s",
									 i ? "|" : "(", flags[i], i == nflags - 1 ? ")" : "");
		emit_str(e, "flags", buf, 0);
	}
	emit_uint(e, "lower", h->lower, EF_W(4));
	emit_uint(e, "upper", h->upper, EF_W(4));
	emit_uint(e, "special", h->special, EF_W(4));
	emit_uint(e, "pagesize", h->pagesize, 0);
	emit_uint(e, "version", h->version, 0);
	emit_uint(e, "prune_xid", h->prune_xid, 0);
	emit_arr_begin(e, "flag_names", EF_NOTEXT);
	for (i = 0; i < nflags; i++)
		emit_str(e, NULL, flags[i], 0);
	emit_arr_end(e);
	emit_uint(e, "item_count", page_item_count(h), 0);
	emit_uint(e, "free_space", h->upper > h->lower ? (unsigned) (h->upper - h->lower) : 0, 0);
}

void
page_emit_checksum(struct emit *e, const struct page_header *h, bool written,
				   uint16_t computed, bool verified)
{
	if (!written)
	{
		emit_null(e, "checksum_computed", EF_NOTEXT);
		emit_null(e, "checksum_ok", EF_NOTEXT);
		return;
	}
	if (emit_format_of(e) == EMIT_JSON)
		emit_int(e, "checksum_computed", as_smallint(computed), 0);
	else if (computed != h->checksum)
		emit_uint(e, "computed", computed, EF_HEX);
	/* -k in a cluster without checksums: nothing was verified */
	if (!verified)
		emit_null(e, "checksum_ok", EF_NOTEXT);
	else
		emit_bool(e, "checksum_ok", computed == h->checksum, EF_NOTEXT);
}

void
page_emit_hex_lines(struct emit *e, const uint8_t *p, size_t n, unsigned base)
{
	static const char hx[] = "0123456789abcdef";
	char		line[96];
	size_t		i,
				j;

	for (i = 0; i < n; i += 16)
	{
		size_t		len = 0;

		len += (size_t) snprintf(line, sizeof(line), "    %04x: ", (unsigned) (base + i));
		for (j = 0; j < 16; j++)
		{
			if (i + j < n)
			{
				line[len++] = hx[p[i + j] >> 4];
				line[len++] = hx[p[i + j] & 15];
			}
			else
			{
				line[len++] = ' ';
				line[len++] = ' ';
			}
			line[len++] = j == 7 ? '-' : ' ';
		}
		line[len++] = ' ';
		for (j = 0; j < 16 && i + j < n; j++)
			line[len++] = (p[i + j] >= 0x20 && p[i + j] < 0x7f) ? (char) p[i + j] : '.';
		line[len] = '\0';
		emit_begin(e);
		emit_text(e, line);
		emit_end(e);
	}
}

size_t
page_item_bytes(const uint8_t *page, const struct page_header *h, unsigned i,
				const uint8_t **p, unsigned *off)
{
	struct line_pointer lp;

	if (i == 0 || i > page_item_count(h))
		return 0;
	heappage_lp(page, i, &lp);
	if (lp.len == 0 || lp.off >= BLCKSZ)
		return 0;
	*p = page + lp.off;
	*off = lp.off;
	return (unsigned) lp.off + lp.len > BLCKSZ ? (size_t) (BLCKSZ - lp.off) : lp.len;
}
