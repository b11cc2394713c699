/*
 * pg_subtrans lookups: a 4-byte parent XID per XID, as
 * src/backend/access/transam/subtrans.c (SubTransGetParent) lays out its
 * SLRU pages and segments.
 */
#include <stdlib.h>

#include "cluster/subtrans.h"
#include "cluster/slru.h"

struct subtrans {
	struct slru *pages;			/* pg_subtrans's pages, a few at a time */
};

uint32_t
subtrans_page_of(uint32_t xid)
{
	return xid / SUBTRANS_XACTS_PER_PAGE;
}

size_t
subtrans_offset_of(uint32_t xid)
{
	return (size_t) (xid % SUBTRANS_XACTS_PER_PAGE) * 4;
}

uint32_t
subtrans_segment_of(uint32_t xid)
{
	return slru_segment_of(subtrans_page_of(xid));
}

enum subtrans_result
subtrans_parent_in(const uint8_t *page, size_t len, uint32_t xid, uint32_t *parent)
{
	size_t		off = subtrans_offset_of(xid);
	uint32_t	v;

	*parent = 0;
	if (page == NULL || len < off + 4)
		return SUBTRANS_UNKNOWN;
	v = (uint32_t) page[off] | (uint32_t) page[off + 1] << 8 |
		(uint32_t) page[off + 2] << 16 | (uint32_t) page[off + 3] << 24;
	*parent = v;
	return v == 0 ? SUBTRANS_NONE : SUBTRANS_PARENT;
}

struct subtrans *
subtrans_open(const char *dir)
{
	struct subtrans *st = calloc(1, sizeof(*st));

	if (st == NULL)
		return NULL;
	st->pages = slru_open(dir);
	if (st->pages == NULL)
	{
		free(st);
		return NULL;
	}
	return st;
}

enum subtrans_result
subtrans_parent(struct subtrans *st, uint32_t xid, uint32_t *parent)
{
	size_t		len;
	const uint8_t *p = slru_page(st->pages, subtrans_page_of(xid), &len);

	return subtrans_parent_in(p, len, xid, parent);
}

bool
subtrans_missing(struct subtrans *st, uint32_t xid)
{
	return slru_page_missing(st->pages, subtrans_page_of(xid));
}

bool
subtrans_dir_absent(struct subtrans *st)
{
	return slru_dir_absent(st->pages);
}

bool
subtrans_first_report(struct subtrans *st, uint32_t xid)
{
	return slru_first_report(st->pages, subtrans_segment_of(xid));
}

void
subtrans_close(struct subtrans *st)
{
	if (st == NULL)
		return;
	slru_close(st->pages);
	free(st);
}
