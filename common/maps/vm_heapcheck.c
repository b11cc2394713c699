/*
 * A map's bits against the heap page they describe, as pg_visibility's
 * pg_check_visible() and pg_check_frozen() judge them.
 */
#include <stdbool.h>
#include <stdio.h>

#include "cluster/rowstate.h"
#include "heap/heappage.h"
#include "page/page.h"
#include "maps/vm.h"
#include "maps/vm_heapcheck.h"

/* Per page: how many tuple findings so far, to itemise only the first few. */
struct tally {
	int			n;
	int			more;
};

static void
item_finding(struct diags *ds, struct tally *t, enum diag_code code,
			 uint32_t blkno, unsigned lp, const char *why)
{
	struct diag *d;

	if (t->n >= VM_CHECK_MAX_ITEMS)
	{
		t->more++;
		return;
	}
	t->n++;
	d = diag_add_block(ds, code, blkno, "%s", why);
	if (d != NULL)
		d->item = (uint16_t) lp;
}

static bool
xid_is_normal(uint32_t xid)
{
	return xid >= 3;			/* TransactionIdIsNormal: > FrozenTransactionId */
}

/* Why the tuple is not visible to all, or NULL if it may be. */
static const char *
not_visible_why(const struct heap_tuple *t, struct clog *clog, char *buf, size_t size)
{
	if (heaptuple_xmin_invalid(t))
	{
		snprintf(buf, size, "xmin %u is marked aborted", (unsigned) t->xmin);
		return buf;
	}
	if (!heaptuple_xmin_committed(t))
	{
		enum clog_status s = clog ? clog_status(clog, t->xmin) : CLOG_UNKNOWN;

		if (s != CLOG_COMMITTED)
		{
			if (clog)
				snprintf(buf, size, "xmin %u is %s in pg_xact", (unsigned) t->xmin,
						 clog_status_name(s));
			else
				snprintf(buf, size, "xmin %u is not hinted committed", (unsigned) t->xmin);
			return buf;
		}
	}
	if (!heaptuple_xmax_invalid(t) && t->xmax != 0 && !heaptuple_xmax_locked_only(t))
	{
		if (heaptuple_xmax_is_multi(t))
		{
			snprintf(buf, size, "xmax is multixact %u, an update", (unsigned) t->xmax);
			return buf;
		}
		if (clog && !heaptuple_xmax_committed(t))
		{
			enum clog_status s = clog_status(clog, t->xmax);

			if (s == CLOG_ABORTED)
				return NULL;
			snprintf(buf, size, "xmax %u deleted or updated it (%s in pg_xact)",
					 (unsigned) t->xmax, clog_status_name(s));
			return buf;
		}
		snprintf(buf, size, "xmax %u deleted or updated it%s", (unsigned) t->xmax,
				 heaptuple_xmax_committed(t) ? " (hinted committed)" : "");
		return buf;
	}
	return NULL;
}

/*
 * The same from the whole logs: a sub-committed xid through pg_subtrans,
 * a multixact's updater from its members.  What the logs say of a
 * transaction goes to ds (a missing segment, once), not the hint bits:
 * contradictions are pgpage's to report.
 */
static const char *
not_visible_xact(const struct heap_tuple *t, uint32_t blkno, uint16_t lp,
				 struct xact *x, char *buf, size_t size, struct diags *ds)
{
	struct rowstate rs;
	struct diags rd;
	const char *w;
	int			i;

	diags_reset(&rd);
	rowstate_judge(x, t, blkno, lp, &rs, &rd);
	for (i = 0; i < rd.n; i++)
		if (rd.d[i].code != D_HINT_BITS && ds->n < DIAG_MAX)
			ds->d[ds->n++] = rd.d[i];
	if (heaptuple_xmin_invalid(t))
	{
		snprintf(buf, size, "xmin %u is marked aborted", (unsigned) t->xmin);
		return buf;
	}
	if (!heaptuple_xmin_committed(t) && rs.xmin.recovered != XACT_COMMITTED)
	{
		snprintf(buf, size, "xmin %u is %s in the transaction logs", (unsigned) t->xmin,
				 xact_word_name(rs.xmin.recovered));
		return buf;
	}
	if (heaptuple_xmax_invalid(t) ||
		(rs.v.xmax_kind != HVX_DELETE && rs.v.xmax_kind != HVX_UPDATE))
		return NULL;
	w = heaptuple_xmax_committed(t) && !rs.multi ? "committed" : xact_word_name(rs.xmax.recovered);
	if (rs.xmax.recovered == XACT_ABORTED && !(heaptuple_xmax_committed(t) && !rs.multi))
		return NULL;
	if (rs.multi)
		snprintf(buf, size, "xmax is multixact %u, updated by %u (%s)", (unsigned) t->xmax,
				 (unsigned) rs.xmax.xid, w);
	else
		snprintf(buf, size, "xmax %u deleted or updated it (%s)", (unsigned) t->xmax, w);
	return buf;
}

/* heap_tuple_needs_eventual_freeze(): why, or NULL. */
static const char *
not_frozen_why(const struct heap_tuple *t, char *buf, size_t size)
{
	if (xid_is_normal(heaptuple_xmin(t)))
		snprintf(buf, size, "xmin %u is not frozen", (unsigned) t->xmin);
	else if (heaptuple_xmax_is_multi(t) && t->xmax != 0)
		snprintf(buf, size, "xmax is multixact %u", (unsigned) t->xmax);
	else if (!heaptuple_xmax_is_multi(t) && xid_is_normal(t->xmax))
		snprintf(buf, size, "xmax %u is set", (unsigned) t->xmax);
	else if (heaptuple_has_xvac(t) && xid_is_normal(t->field3))
		snprintf(buf, size, "xvac %u is set", (unsigned) t->field3);
	else
		return NULL;
	return buf;
}

int
vm_check_heap_page(const uint8_t *page, uint32_t blkno, uint8_t status,
				   struct clog *clog, struct diags *ds)
{
	struct vm_logs logs = {clog, NULL};

	return vm_check_heap_page_logs(page, blkno, status, &logs, ds);
}

int
vm_check_heap_page_logs(const uint8_t *page, uint32_t blkno, uint8_t status,
						const struct vm_logs *logs, struct diags *ds)
{
	struct clog *clog = logs != NULL ? logs->clog : NULL;
	struct xact *x = logs != NULL ? logs->xact : NULL;
	int			before = ds->n + ds->dropped;
	bool		visible = (status & VM_ALL_VISIBLE) != 0;
	bool		frozen = (status & VM_ALL_FROZEN) != 0;
	struct page_header h;
	struct tally tv = {0, 0},
				tf = {0, 0};
	unsigned	i,
				nline;
	char		why[128];

	if (frozen && !visible)
		diag_add_block(ds, D_VM_BITS, blkno, NULL);
	if (page == NULL)
	{
		if (visible || frozen)
			diag_add_block(ds, D_VM_PAGE_FLAG, blkno, "the heap has no such block");
		return ds->n + ds->dropped - before;
	}
	page_header_decode(page, &h);
	if (page_is_new(&h))
	{
		if (visible)
			diag_add_block(ds, D_VM_PAGE_FLAG, blkno, "the page is new");
		return ds->n + ds->dropped - before;
	}
	if (visible && (h.flags & PD_ALL_VISIBLE) == 0)
		diag_add_block(ds, D_VM_PAGE_FLAG, blkno, NULL);
	if (!visible && (h.flags & PD_ALL_VISIBLE) != 0)
		diag_add_block(ds, D_VM_MAP_BIT, blkno, NULL);
	if (!visible && !frozen)
		return ds->n + ds->dropped - before;

	/* the items read below: a line pointer off its page is damage here too */
	heappage_check_lps(page, &h, blkno, ds);
	nline = page_item_count(&h);
	if (nline > (BLCKSZ - SIZE_OF_PAGE_HEADER) / 4)
		nline = (BLCKSZ - SIZE_OF_PAGE_HEADER) / 4;
	for (i = 1; i <= nline; i++)
	{
		struct heap_item it;
		const char *w;

		heappage_item(page, i, &it);
		if (it.id.flags == LP_UNUSED || it.id.flags == LP_REDIRECT)
			continue;
		if (it.id.flags == LP_DEAD)
		{
			if (visible)
				item_finding(ds, &tv, D_VM_NOT_VISIBLE, blkno, i, "dead line pointer");
			if (frozen)
				item_finding(ds, &tf, D_VM_NOT_FROZEN, blkno, i, "dead line pointer");
			continue;
		}
		if (!it.has_tuple || it.t.status == HT_TOO_SHORT)
			continue;			/* a bad line pointer: reported above */
		if (visible && x != NULL)
			w = not_visible_xact(&it.t, blkno, (uint16_t) i, x, why, sizeof(why), ds);
		else if (visible)
			w = not_visible_why(&it.t, clog, why, sizeof(why));
		else
			w = NULL;
		if (w != NULL)
			item_finding(ds, &tv, D_VM_NOT_VISIBLE, blkno, i, w);
		if (frozen && (w = not_frozen_why(&it.t, why, sizeof(why))) != NULL)
			item_finding(ds, &tf, D_VM_NOT_FROZEN, blkno, i, w);
	}
	if (tv.more > 0)
		diag_add_block(ds, D_VM_NOT_VISIBLE, blkno, "and %d more tuples", tv.more);
	if (tf.more > 0)
		diag_add_block(ds, D_VM_NOT_FROZEN, blkno, "and %d more tuples", tf.more);
	return ds->n + ds->dropped - before;
}
