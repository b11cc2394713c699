/*
 * A tuple's row state rendered through emit: pg_xact_status() words,
 * pg_get_multixact_members() modes, visibility.
 */
#include <stdio.h>

#include "cluster/rowstate_emit.h"

static void
emit_status(struct emit *e, const char *key, const struct xact_status *st)
{
	const char *w = xact_sql(st);

	if (w != NULL)
		emit_str(e, key, w, 0);
	else
		emit_null(e, key, 0);
}

/* pg_get_multixact_members()'s mode words */
static const char *
mode_name(uint8_t mode)
{
	const char *n = mxact_status_name(mode);

	return n != NULL ? n : "?";
}

static void
text_fields(struct emit *e, const struct rowstate *rs)
{
	char		buf[96];
	const char *a = xact_sql(&rs->xmin),
			   *b = xact_sql(&rs->xmax);
	size_t		i;

	snprintf(buf, sizeof(buf), "%s/%s", a ? a : "-", b ? b : "-");
	emit_str(e, "status", buf, 0);
	emit_str(e, NULL, rs->v.visible ? "visible" : "invisible", EF_BARE);
	if (!rs->multi)
		return;
	emit_arr_begin(e, "members", 0);
	for (i = 0; i < rs->nmembers && i < ROWSTATE_MAX_MEMBERS; i++)
	{
		const char *w = xact_sql(&rs->mem[i].st);

		snprintf(buf, sizeof(buf), "%u:%s:%s", (unsigned) rs->mem[i].xid,
				 mode_name(rs->mem[i].mode), w ? w : "-");
		emit_str(e, NULL, buf, 0);
	}
	emit_arr_end(e);
}

void
rowstate_emit(struct emit *e, const struct rowstate *rs)
{
	size_t		i;

	if (emit_format_of(e) == EMIT_TEXT)
	{
		text_fields(e, rs);
		return;
	}
	emit_status(e, "xmin_status", &rs->xmin);
	emit_status(e, "xmax_status", &rs->xmax);
	if (rs->multi)
	{
		emit_arr_begin(e, "members", 0);
		for (i = 0; i < rs->nmembers && i < ROWSTATE_MAX_MEMBERS; i++)
		{
			emit_obj_begin(e, NULL, 0);
			emit_uint(e, "xid", rs->mem[i].xid, 0);
			emit_str(e, "mode", mode_name(rs->mem[i].mode), 0);
			emit_status(e, "status", &rs->mem[i].st);
			emit_obj_end(e);
		}
		emit_arr_end(e);
	}
	emit_bool(e, "visible", rs->v.visible, 0);
}

void
rowstate_emit_tuple_fn(struct emit *e, const struct heap_item *it, uint32_t blkno,
					   void *arg, struct diags *ds)
{
	struct rowstate rs;

	rowstate_judge((struct xact *) arg, &it->t, blkno, it->lp, &rs, ds);
	rowstate_emit(e, &rs);
}
