/*
 * pg_xact lookups: two status bits per XID, as src/backend/access/transam/clog.c
 * lays out its SLRU pages and segments.
 */
#include <stdlib.h>

#include "cluster/clog.h"
#include "cluster/slru.h"

struct clog {
	struct slru *pages;			/* pg_xact's pages, a few at a time */
};

uint32_t
clog_segment_of(uint32_t xid)
{
	return xid / (CLOG_XACTS_PER_PAGE * CLOG_PAGES_PER_SEGMENT);
}

size_t
clog_byte_of(uint32_t xid)
{
	return (size_t) ((xid % (CLOG_XACTS_PER_PAGE * CLOG_PAGES_PER_SEGMENT)) /
					 CLOG_XACTS_PER_BYTE);
}

enum clog_status
clog_status_in(const uint8_t *seg, size_t len, uint32_t xid)
{
	size_t		b = clog_byte_of(xid);

	if (xid == 1 || xid == 2)
		return CLOG_COMMITTED;
	if (xid == 0)
		return CLOG_ABORTED;
	if (seg == NULL || b >= len)
		return CLOG_UNKNOWN;
	return (enum clog_status) ((seg[b] >> ((xid % CLOG_XACTS_PER_BYTE) * CLOG_BITS_PER_XACT)) & 3);
}

const char *
clog_status_name(enum clog_status s)
{
	static const char *const names[] = {
		"in progress", "committed", "aborted", "sub-committed", "unknown"
	};

	return (unsigned) s < 5 ? names[s] : "unknown";
}

struct clog *
clog_open(const char *dir)
{
	struct clog *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return NULL;
	c->pages = slru_open(dir);
	if (c->pages == NULL)
	{
		free(c);
		return NULL;
	}
	return c;
}

enum clog_status
clog_status(struct clog *c, uint32_t xid)
{
	uint32_t	pageno = xid / CLOG_XACTS_PER_PAGE;
	size_t		b = (xid % CLOG_XACTS_PER_PAGE) / CLOG_XACTS_PER_BYTE;
	size_t		len;
	const uint8_t *p;

	if (xid <= 2)
		return clog_status_in(NULL, 0, xid);
	p = slru_page(c->pages, pageno, &len);
	if (p == NULL || b >= len)
		return CLOG_UNKNOWN;
	return (enum clog_status) ((p[b] >> ((xid % CLOG_XACTS_PER_BYTE) * CLOG_BITS_PER_XACT)) & 3);
}

bool
clog_missing(struct clog *c, uint32_t xid)
{
	return slru_page_missing(c->pages, xid / CLOG_XACTS_PER_PAGE);
}

bool
clog_first_report(struct clog *c, uint32_t xid)
{
	return slru_first_report(c->pages, clog_segment_of(xid));
}

void
clog_close(struct clog *c)
{
	if (c == NULL)
		return;
	slru_close(c->pages);
	free(c);
}
