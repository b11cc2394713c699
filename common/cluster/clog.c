/*
 * pg_xact lookups: two status bits per XID, as src/backend/access/transam/clog.c
 * lays out its SLRU pages and segments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/clog.h"
#include "out/diag.h"
#include "io/input.h"

struct clog {
	char	   *dir;
	uint32_t	segno;			/* segment in buf */
	int			loaded;			/* buf holds segno (len bytes) */
	uint8_t    *buf;
	size_t		len;
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
	c->dir = strdup(dir);
	if (c->dir == NULL)
	{
		free(c);
		return NULL;
	}
	return c;
}

static void
load(struct clog *c, uint32_t segno)
{
	size_t		len = strlen(c->dir) + 32;
	char	   *p = malloc(len);
	struct diags ds;

	free(c->buf);
	c->buf = NULL;
	c->len = 0;
	c->segno = segno;
	c->loaded = 1;
	if (p == NULL)
		return;
	diags_reset(&ds);
	snprintf(p, len, "%s/%04X", c->dir, (unsigned) segno);
	c->buf = input_slurp(p, CLOG_SEGMENT_BYTES, &c->len, &ds);
	if (c->buf == NULL)
	{
		diags_reset(&ds);
		snprintf(p, len, "%s/%04X.gz", c->dir, (unsigned) segno);
		c->buf = input_slurp(p, CLOG_SEGMENT_BYTES, &c->len, &ds);
	}
	free(p);
}

enum clog_status
clog_status(struct clog *c, uint32_t xid)
{
	uint32_t	segno = clog_segment_of(xid);

	if (xid <= 2)
		return clog_status_in(NULL, 0, xid);
	if (!c->loaded || c->segno != segno)
		load(c, segno);
	return clog_status_in(c->buf, c->len, xid);
}

void
clog_close(struct clog *c)
{
	if (c == NULL)
		return;
	free(c->buf);
	free(c->dir);
	free(c);
}
