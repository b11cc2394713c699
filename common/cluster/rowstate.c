/*
 * A heap tuple's transactions asked of the logs (cluster/xact.h) and
 * judged by heap/heapvis.h, as heapam_visibility.c would judge them in a
 * new snapshot after a restart.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster/rowstate.h"

/* A multixact xmax: its members, their statuses, and the updater's. */
static void
judge_multi(struct xact *x, const struct heap_tuple *t, struct rowstate *rs,
			struct diags *ds)
{
	struct mxact_member mem[ROWSTATE_MAX_MEMBERS];
	struct mxact_member *all = mem;
	size_t		n = 0,
				i;
	uint32_t	updater;

	rs->mres = xact_multi(x, t->xmax, mem, ROWSTATE_MAX_MEMBERS, &n, ds);
	if (rs->mres == MXACT_OK && n > ROWSTATE_MAX_MEMBERS &&
		n <= MXACT_MAX_MEMBERS && (all = malloc(n * sizeof(*all))) != NULL)
	{
		/* the updater may be any of them: read them all once */
		size_t		n2 = 0;

		if (xact_multi(x, t->xmax, all, n, &n2, NULL) != MXACT_OK || n2 != n)
		{
			free(all);
			all = mem;
			n = ROWSTATE_MAX_MEMBERS;
		}
	}
	else if (n > ROWSTATE_MAX_MEMBERS)
		n = ROWSTATE_MAX_MEMBERS;
	rs->nmembers = rs->mres == MXACT_OK ? n : 0;
	for (i = 0; i < rs->nmembers && i < ROWSTATE_MAX_MEMBERS; i++)
	{
		rs->mem[i].xid = all[i].xid;
		rs->mem[i].mode = all[i].status;
		xact_lookup(x, all[i].xid, &rs->mem[i].st, ds);
	}
	updater = rs->mres == MXACT_OK ? mxact_updater(all, n) : 0;
	if (all != mem)
		free(all);
	xact_lookup(x, updater, &rs->xmax, ds);
	if (rs->mres != MXACT_OK && !heaptuple_xmax_locked_only(t))
		rs->xmax.recovered = XACT_UNKNOWN;	/* who updated cannot be told */
}

void
rowstate_judge(struct xact *x, const struct heap_tuple *t, uint32_t blkno,
			   uint16_t lp, struct rowstate *rs, struct diags *ds)
{
	struct heapvis_in in;
	unsigned	bit;

	memset(rs, 0, sizeof(*rs));
	xact_lookup(x, t->xmin, &rs->xmin, ds);
	rs->multi = heaptuple_xmax_is_multi(t) && t->xmax != 0;
	if (rs->multi)
		judge_multi(x, t, rs, ds);
	else
		xact_lookup(x, t->xmax, &rs->xmax, ds);
	in.xmin = rs->xmin.recovered;
	in.xmax = rs->xmax.recovered;
	in.blkno = blkno;
	in.lp = lp;
	heapvis_judge(t, &in, &rs->v);
	for (bit = 1; bit < (1u << HV_C_COUNT); bit <<= 1)
	{
		struct diag *d;

		if ((rs->v.contradictions & bit) == 0)
			continue;
		d = diag_add_block(ds, D_HINT_BITS, blkno, "%s %u: %s%s",
						   bit <= HV_C_XMIN_INVALID ? "xmin" : "xmax",
						   (unsigned) (bit <= HV_C_XMIN_INVALID ? t->xmin : t->xmax),
						   heapvis_contradiction_text(bit),
						   ((bit <= HV_C_XMIN_INVALID ? rs->xmin.flags : rs->xmax.flags) &
							XACT_F_WAL) ? " (after a crash: WAL past the checkpoint may say otherwise)" : "");
		if (d != NULL)
			d->item = lp;
	}
}

/* xid itself, or one of its subtransactions */
static bool
is_of(struct xact *x, const struct xact_status *st, uint32_t xid)
{
	if (st->xid < 3)
		return false;
	if (st->xid == xid || (st->top == xid && (st->flags & XACT_F_SUBTRANS)))
		return true;
	/* subtransactions are assigned after their parent */
	return (int32_t) (st->xid - xid) > 0 && xact_top(x, st->xid) == xid;
}

unsigned
rowstate_did(struct xact *x, const struct rowstate *rs, const struct heap_tuple *t,
			 uint32_t xid)
{
	unsigned	did = 0;
	size_t		i;

	if (is_of(x, &rs->xmin, xid))
		did |= ROWSTATE_DID_INSERT;
	if (rs->multi)
	{
		for (i = 0; i < rs->nmembers && i < ROWSTATE_MAX_MEMBERS; i++)
		{
			if (!is_of(x, &rs->mem[i].st, xid))
				continue;
			if (!mxact_status_is_update(rs->mem[i].mode))
				did |= ROWSTATE_DID_LOCK;
			else
				did |= rs->v.xmax_kind == HVX_UPDATE ? ROWSTATE_DID_UPDATE : ROWSTATE_DID_DELETE;
		}
		return did;
	}
	if (t->xmax != 0 && is_of(x, &rs->xmax, xid))
	{
		if (rs->v.xmax_kind == HVX_LOCK)
			did |= ROWSTATE_DID_LOCK;
		else if (rs->v.xmax_kind == HVX_UPDATE)
			did |= ROWSTATE_DID_UPDATE;
		else if (rs->v.xmax_kind == HVX_DELETE)
			did |= ROWSTATE_DID_DELETE;
	}
	return did;
}
