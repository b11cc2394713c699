/*
 * A heap tuple's fate from its header and its transactions' statuses:
 * HeapTupleSatisfiesMVCC() (access/heap/heapam_visibility.c) for a
 * snapshot at the end of the cluster's history, and the hint bits the
 * logs contradict.
 */
#include "heap/heapvis.h"

/* The logs' word as a yes/no: unknown is taken as committed (the caller is told). */
static bool
committed(enum xact_word w, struct heapvis *v)
{
	if (w == XACT_UNKNOWN)
	{
		v->assumed = true;
		return true;
	}
	return w == XACT_COMMITTED;
}

static enum heapvis_xmax
xmax_kind(const struct heap_tuple *t, const struct heapvis_in *in)
{
	if (t->xmax == INVALID_TRANSACTION_ID)
		return HVX_NONE;
	if (heaptuple_xmax_locked_only(t))
		return HVX_LOCK;
	/* a multixact of lockers only, its lock-only bit not set (pre-9.3 style) */
	if (heaptuple_xmax_is_multi(t) && in->xmax == XACT_NONE)
		return HVX_LOCK;
	/*
	 * heap_update points t_ctid at the new version; heap_delete leaves it
	 * the tuple's own (or, 11+, the moved-to-another-partition marker,
	 * whose block is InvalidBlockNumber: a delete from this relation).
	 */
	if (t->ctid_block != 0xFFFFFFFFu &&
		(t->ctid_block != in->blkno || t->ctid_offset != in->lp))
		return HVX_UPDATE;
	return HVX_DELETE;
}

void
heapvis_judge(const struct heap_tuple *t, const struct heapvis_in *in,
			  struct heapvis *v)
{
	bool		xmax_hint_invalid = heaptuple_xmax_invalid(t);

	v->inserted = v->visible = v->deleted = v->aborted = v->assumed = false;
	v->contradictions = 0;
	v->xmax_kind = xmax_kind(t, in);

	/* the hints against the logs, whatever PostgreSQL would believe */
	if (heaptuple_xmin_committed(t) && in->xmin == XACT_ABORTED)
		v->contradictions |= HV_C_XMIN_COMMITTED;
	if (heaptuple_xmin_invalid(t) && in->xmin == XACT_COMMITTED)
		v->contradictions |= HV_C_XMIN_INVALID;
	if (heaptuple_xmax_committed(t) && !heaptuple_xmax_is_multi(t) &&
		t->xmax != INVALID_TRANSACTION_ID && in->xmax == XACT_ABORTED)
		v->contradictions |= HV_C_XMAX_COMMITTED;
	if (xmax_hint_invalid && in->xmax == XACT_COMMITTED &&
		(v->xmax_kind == HVX_DELETE || v->xmax_kind == HVX_UPDATE))
		v->contradictions |= HV_C_XMAX_INVALID;

	/* xmin: the hint first, as PostgreSQL takes it (frozen is committed) */
	if (heaptuple_xmin_committed(t))
		v->inserted = true;
	else if (heaptuple_xmin_invalid(t))
		v->inserted = false;
	else
		v->inserted = committed(in->xmin, v);
	v->aborted = !v->inserted && (heaptuple_xmin_invalid(t) || in->xmin == XACT_ABORTED);

	/* xmax: a hinted-invalid or lock-only xmax deletes nothing */
	if (!xmax_hint_invalid &&
		(v->xmax_kind == HVX_DELETE || v->xmax_kind == HVX_UPDATE))
	{
		if (heaptuple_xmax_committed(t) && !heaptuple_xmax_is_multi(t))
			v->deleted = true;
		else
			v->deleted = committed(in->xmax, v);
	}
	v->visible = v->inserted && !v->deleted;
}

const char *
heapvis_xmax_kind_name(enum heapvis_xmax k)
{
	switch (k)
	{
		case HVX_LOCK:
			return "lock";
		case HVX_DELETE:
			return "delete";
		case HVX_UPDATE:
			return "update";
		default:
			return NULL;
	}
}

const char *
heapvis_contradiction_text(unsigned bit)
{
	switch (bit)
	{
		case HV_C_XMIN_COMMITTED:
			return "HEAP_XMIN_COMMITTED set but xmin aborted";
		case HV_C_XMIN_INVALID:
			return "HEAP_XMIN_INVALID set but xmin committed";
		case HV_C_XMAX_COMMITTED:
			return "HEAP_XMAX_COMMITTED set but xmax aborted";
		case HV_C_XMAX_INVALID:
			return "HEAP_XMAX_INVALID set but xmax deleted or updated it and committed";
		default:
			return "hint bits contradict the transaction logs";
	}
}
