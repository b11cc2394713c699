/*
 * datum_emit: a heap tuple's decoded values as one field of the record a
 * tool is emitting -- the part of pgpage -T that a second tool reading heap
 * tuples would share.
 *
 *   struct value_scratch vs = VALUE_SCRATCH_INIT;
 *   datum_emit_values(e, td, &tuple, ts, &opts, &vs, blkno, lp, &ds);  (per tuple)
 *   value_scratch_free(&vs);
 *
 * writes "values": {"col": "text" | null, ...} (JSON), values=... (text),
 * columns in attribute order, dropped ones left out.  A value that cannot
 * be read is null, with a finding in ds at blkno, item lp.  The caller's
 * scratch (text buffer, value array) is reused across calls.
 */
#ifndef PGOD_DATUM_EMIT_H
#define PGOD_DATUM_EMIT_H

#include "datum.h"
#include "emit.h"

struct value_scratch {
	struct strbuf sb;			/* one value's text */
	struct attr_value *vals;	/* nvals entries */
	int			nvals;
};

#define VALUE_SCRATCH_INIT {STRBUF_INIT, NULL, 0}

void		datum_emit_values(struct emit *e, const struct tupdesc *td,
							  const struct heap_tuple *t, struct toast_store *ts,
							  const struct type_opts *o, struct value_scratch *vs,
							  uint32_t blkno, uint16_t lp, struct diags *ds);
void		value_scratch_free(struct value_scratch *vs);

#endif
