#include <stdlib.h>

#include "datum_emit.h"

void
datum_emit_values(struct emit *e, const struct tupdesc *td,
				  const struct heap_tuple *t, struct toast_store *ts,
				  const struct type_opts *o, struct value_scratch *vs,
				  uint32_t blkno, uint16_t lp, struct diags *ds)
{
	int			first = ds->n,
				i;

	if (vs->nvals < td->natts)
	{
		struct attr_value *nv = realloc(vs->vals, (size_t) td->natts * sizeof(*nv));

		if (nv == NULL)
		{
			diag_add(ds, D_VALUE_LIMIT, "out of memory for %d values", td->natts);
			return;
		}
		vs->vals = nv;
		vs->nvals = td->natts;
	}
	heap_deform(td, t, vs->vals, ds);
	/* text: on a line of their own under the tuple's, as an array's object */
	if (emit_format_of(e) == EMIT_TEXT)
		emit_arr_begin(e, "values", 0);
	emit_obj_begin(e, emit_format_of(e) == EMIT_TEXT ? NULL : "values", 0);
	for (i = 0; i < td->natts; i++)
	{
		const struct tupcol *c = &td->cols[i];

		if (c->dropped)
			continue;
		sb_reset(&vs->sb);
		if (datum_to_text(c, &vs->vals[i], ts, o, &vs->sb, ds) == DATUM_OK && !vs->sb.oom)
			emit_strn(e, c->name, sb_str(&vs->sb), vs->sb.len, EF_LEFT);
		else
			emit_null(e, c->name, 0);
	}
	emit_obj_end(e);
	if (emit_format_of(e) == EMIT_TEXT)
		emit_arr_end(e);
	for (i = first; i < ds->n; i++)
	{
		ds->d[i].blkno = blkno;
		ds->d[i].has_blkno = 1;
		ds->d[i].item = lp;
	}
}

void
value_scratch_free(struct value_scratch *vs)
{
	sb_free(&vs->sb);
	free(vs->vals);
	vs->vals = NULL;
	vs->nvals = 0;
}
