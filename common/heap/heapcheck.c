/*
 * verify_heapam's offline checks of one heap page
 * (contrib/amcheck/verify_heapam.c): line pointers, tuple headers, HOT chains.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "heap/heapcheck.h"
#include "heap/heappage.h"
#include "heap/heaptuple.h"

#define MAX_OFFSET_NUMBER (BLCKSZ / 4)	/* MaxOffsetNumber bound for arrays */

/* What the chain pass needs of each tuple header: 12 bytes, not a heap_tuple. */
struct hdr {
	uint32_t	xmin;			/* t_xmin */
	uint32_t	xmax;			/* t_xmax */
	uint16_t	infomask;		/* t_infomask */
	uint16_t	infomask2;		/* t_infomask2 */
};

/* All on the caller's stack: about 40 KiB. */
struct check {
	const uint8_t *page;
	uint32_t	blkno;
	struct diags *ds;
	int			found;
	unsigned	maxoff;
	struct line_pointer lp[MAX_OFFSET_NUMBER + 1];
	struct hdr	t[MAX_OFFSET_NUMBER + 1];
	bool		valid[MAX_OFFSET_NUMBER + 1];	/* lp_valid: passed the lp checks */
	uint16_t	successor[MAX_OFFSET_NUMBER + 1];
	uint16_t	predecessor[MAX_OFFSET_NUMBER + 1];
	bool		multi_pred[MAX_OFFSET_NUMBER + 1];	/* pointed at by a tuple whose
													 * update xid is in a multixact */
};

static void report(struct check *c, enum diag_code code, unsigned off,
				   const char *fmt,...) __attribute__((format(printf, 4, 5)));

/* A heap_tuple the predicates of heaptuple.h can read, from a struct hdr. */
static const struct heap_tuple *
as_tuple(const struct hdr *h, struct heap_tuple *t)
{
	memset(t, 0, sizeof(*t));
	t->xmin = h->xmin;
	t->xmax = h->xmax;
	t->infomask = h->infomask;
	t->infomask2 = h->infomask2;
	return t;
}

static void
report(struct check *c, enum diag_code code, unsigned off, const char *fmt,...)
{
	char		detail[DIAG_DETAIL];
	va_list		ap;
	struct diag *d;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	c->found++;
	d = diag_add_block(c->ds, code, c->blkno, "%s", detail);
	if (d != NULL)
		d->item = (uint16_t) off;
}

/*
 * A redirect whose target is in range (heappage_lp_check said so):
 * check_tuple's loop, the LP_REDIRECT branch, for the target's state.
 */
static void
check_redirect(struct check *c, unsigned off)
{
	unsigned	rd = c->lp[off].off;
	unsigned	f;

	f = c->lp[rd].flags;
	if (f == LP_UNUSED)
		report(c, D_BAD_LINE_POINTER, off,
			   "redirected line pointer points to an unused item at offset %u", rd);
	else if (f == LP_DEAD)
		report(c, D_BAD_LINE_POINTER, off,
			   "redirected line pointer points to a dead item at offset %u", rd);
	else if (f == LP_REDIRECT)
		report(c, D_BAD_LINE_POINTER, off,
			   "redirected line pointer points to another redirected line pointer at offset %u", rd);
	else
	{
		c->valid[off] = true;
		c->successor[off] = (uint16_t) rd;
	}
}

/* The expected t_hoff: heap_form_tuple's computation. */
static unsigned
expected_hoff(const struct heap_tuple *t)
{
	unsigned	len = SIZEOF_HEAP_TUPLE_HEADER;

	if (t->infomask & HEAP_HASNULL)
		len += HEAPTUPLE_BITMAPLEN(t->natts);
	if (t->infomask & HEAP_HASOID_OLD)
		len += 4;
	return (len + MAXIMUM_ALIGNOF - 1) & ~(unsigned) (MAXIMUM_ALIGNOF - 1);
}

/* check_tuple_header, and what can be said of attributes without types */
static void
check_header(struct check *c, unsigned off, const struct heap_tuple *t)
{
	unsigned	exp = expected_hoff(t);
	bool		hoff_ok = true;

	if (t->hoff > t->len)
	{
		report(c, D_HEAP_TUPLE_HEADER, off,
			   "data begins at offset %u beyond the tuple length %u", t->hoff, t->len);
		hoff_ok = false;
	}
	if ((t->infomask & HEAP_XMAX_COMMITTED) && (t->infomask & HEAP_XMAX_IS_MULTI))
		report(c, D_HEAP_TUPLE_HEADER, off, "multixact should not be marked committed");
	/* HeapTupleHeaderGetUpdateXid: a multi's member is unknown offline; its id is not 0 */
	if (t->xmax == INVALID_TRANSACTION_ID && heaptuple_is_hot_updated(t))
		report(c, D_HEAP_TUPLE_HEADER, off, "tuple has been HOT updated, but xmax is 0");
	if (heaptuple_is_heap_only(t) && !(t->infomask & HEAP_UPDATED))
		report(c, D_HEAP_TUPLE_HEADER, off, "tuple is heap only, but not the result of an update");
	/* check_tuple_visibility, once the inserter committed (here: by hint) */
	if ((t->infomask & HEAP_XMAX_IS_MULTI) && t->xmax == 0 &&
		(heaptuple_xmin_committed(t) || heaptuple_xmin_frozen(t)))
		report(c, D_HEAP_TUPLE_HEADER, off, "multitransaction ID is invalid");
	if ((t->infomask & HEAP_HASEXTERNAL) && !(t->infomask & HEAP_HASVARWIDTH))
		report(c, D_HEAP_TUPLE_HEADER, off,
			   "tuple has external attributes but no variable-width ones");
	if (t->hoff != exp)
	{
		report(c, D_HEAP_TUPLE_HEADER, off,
			   "tuple data should begin at byte %u, but actually begins at byte %u (%u attribute%s, %s nulls)",
			   exp, t->hoff, t->natts, t->natts == 1 ? "" : "s",
			   (t->infomask & HEAP_HASNULL) ? "has" : "no");
		hoff_ok = false;
	}
	if (t->natts > MAX_HEAP_ATTRIBUTES)
	{
		report(c, D_HEAP_TUPLE_HEADER, off,
			   "number of attributes %u exceeds maximum %u", t->natts, MAX_HEAP_ATTRIBUTES);
		return;
	}
	if (hoff_ok && t->status == HT_OK)
	{
		unsigned	a,
					notnull = 0;

		for (a = 1; a <= t->natts; a++)
			if (!heaptuple_att_isnull(t, a))
				notnull++;
		if (notnull > t->data_len)
			report(c, D_HEAP_ATTRIBUTES, off,
				   "%u non-null attributes cannot fit in %u bytes of tuple data",
				   notnull, t->data_len);
	}
}

/*
 * The first pass: line pointers (heappage_lp_check: the same rules and
 * words as without --check) and tuple headers; successors recorded.
 */
static void
check_items(struct check *c, const struct page_header *h)
{
	unsigned	off;

	for (off = 1; off <= c->maxoff; off++)
	{
		struct line_pointer *lp = &c->lp[off];
		struct heap_tuple tup;
		const struct heap_tuple *t = &tup;
		enum heappage_lp_verdict v = heappage_lp_check(h, off, lp, c->blkno, c->ds);

		if (v != HLP_OK)
			c->found++;
		if (v == HLP_BAD || lp->flags == LP_UNUSED || lp->flags == LP_DEAD)
			continue;
		if (lp->flags == LP_REDIRECT)
		{
			check_redirect(c, off);
			continue;
		}
		c->valid[off] = true;
		heaptuple_decode(c->page + lp->off, lp->len, &tup);
		c->t[off].xmin = t->xmin;
		c->t[off].xmax = t->xmax;
		c->t[off].infomask = t->infomask;
		c->t[off].infomask2 = t->infomask2;
		check_header(c, off, t);
		if (t->ctid_block == c->blkno && t->ctid_offset != off &&
			t->ctid_offset >= 1 && t->ctid_offset <= c->maxoff)
			c->successor[off] = t->ctid_offset;
	}
}

/* HeapTupleHeaderGetUpdateXid, offline: 0 when it would need pg_multixact */
static uint32_t
update_xid(const struct heap_tuple *t)
{
	if (!(t->infomask & HEAP_XMAX_INVALID) && (t->infomask & HEAP_XMAX_IS_MULTI) &&
		!(t->infomask & HEAP_XMAX_LOCK_ONLY))
		return INVALID_TRANSACTION_ID;
	return t->xmax;
}

/* The second pass: verify_heapam's update chain validation. */
static void
check_chains(struct check *c)
{
	unsigned	off;
	struct heap_tuple tbuf;

	for (off = 1; off <= c->maxoff; off++)
	{
		unsigned	next = c->successor[off];
		const struct heap_tuple *cur,
				   *nt;
		struct heap_tuple curbuf,
					ntbuf;
		uint32_t	xmax;

		if (next == 0 || !c->valid[next])
			continue;
		nt = as_tuple(&c->t[next], &ntbuf);
		if (c->lp[off].flags == LP_REDIRECT)
		{
			if (!heaptuple_is_heap_only(nt))
				report(c, D_HEAP_HOT_CHAIN, off,
					   "redirected line pointer points to a non-heap-only tuple at offset %u", next);
			if (c->predecessor[next] != 0)
			{
				report(c, D_HEAP_HOT_CHAIN, off,
					   "redirect line pointer points to offset %u, but offset %u also points there",
					   next, c->predecessor[next]);
				continue;
			}
			c->predecessor[next] = (uint16_t) off;
			continue;
		}
		if (c->lp[next].flags == LP_REDIRECT)
			continue;
		cur = as_tuple(&c->t[off], &curbuf);
		xmax = update_xid(cur);
		/*
		 * An update under a key-share lock leaves a multixact in xmax: its
		 * update member, which verify_heapam reads from pg_multixact, may
		 * be the successor's xmin; not knowing, the successor may not be
		 * called a chain's root below.
		 */
		if (xmax == INVALID_TRANSACTION_ID && cur->xmax != INVALID_TRANSACTION_ID)
			c->multi_pred[next] = true;
		if (xmax == INVALID_TRANSACTION_ID || xmax != heaptuple_xmin(nt))
			continue;
		if (c->predecessor[next] != 0)
		{
			report(c, D_HEAP_HOT_CHAIN, off,
				   "tuple points to new version at offset %u, but offset %u also points there",
				   next, c->predecessor[next]);
			continue;
		}
		c->predecessor[next] = (uint16_t) off;
		if (!(cur->infomask2 & HEAP_HOT_UPDATED) && heaptuple_is_heap_only(nt))
			report(c, D_HEAP_HOT_CHAIN, off,
				   "non-heap-only update produced a heap-only tuple at offset %u", next);
		if ((cur->infomask2 & HEAP_HOT_UPDATED) && !heaptuple_is_heap_only(nt))
			report(c, D_HEAP_HOT_CHAIN, off,
				   "heap-only update produced a non-heap only tuple at offset %u", next);
		/* the commit status by hint bits only: no pg_xact here */
		if (heaptuple_xmin_invalid(cur) &&
			(heaptuple_xmin_committed(nt) || heaptuple_xmin_frozen(nt)))
			report(c, D_HEAP_HOT_CHAIN, off,
				   "tuple with aborted xmin %u was updated to produce a tuple at offset %u with committed xmin %u",
				   cur->xmin, off, nt->xmin);
	}
	/* a chain starts at a redirect or a non-heap-only tuple */
	for (off = 1; off <= c->maxoff; off++)
	{
		if (c->lp[off].flags != LP_NORMAL || !c->valid[off] || c->predecessor[off] != 0 ||
			c->multi_pred[off])
			continue;
		/* verify_heapam asks pg_xact; an aborted xmin by hint is no chain member */
		if (heaptuple_xmin_invalid(as_tuple(&c->t[off], &tbuf)))
			continue;
		if (heaptuple_is_heap_only(&tbuf))
			report(c, D_HEAP_HOT_CHAIN, off, "tuple is root of chain but is marked as heap-only tuple");
	}
}

int
heapcheck_page(const uint8_t *page, const struct page_header *h,
			   uint32_t blkno, struct diags *ds)
{
	struct check c;
	unsigned	off;

	memset(&c, 0, sizeof(c));
	c.page = page;
	c.blkno = blkno;
	c.ds = ds;
	c.maxoff = page_item_count(h);
	if (c.maxoff > MAX_OFFSET_NUMBER)
		c.maxoff = MAX_OFFSET_NUMBER;
	for (off = 1; off <= c.maxoff; off++)
		heappage_lp(page, off, &c.lp[off]);
	check_items(&c, h);
	check_chains(&c);
	return c.found;
}
