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
 *
 * The text renderer quotes a value unless it is made only of the safe
 * characters A-Z a-z 0-9 . _ : / + - \ and is neither empty nor "null" in
 * any case: in single quotes, a quote doubled as in an SQL literal and a
 * backslash written \\ (so the \n, \t and \xHH the text renderer writes
 * for control bytes are never ambiguous).  SQL NULL prints as NULL, bare;
 * a value that cannot be read as ?, bare.  JSON is untouched: null vs
 * "null".  datum_emit_field() is that rule for one value, for any tool
 * that prints values.
 */
#ifndef PGOD_DATUM_EMIT_H
#define PGOD_DATUM_EMIT_H

#include "types/datum.h"
#include "out/emit.h"

struct value_scratch {
	struct strbuf sb;			/* one value's text */
	struct strbuf quoted;		/* its quoted form (text) */
	struct attr_value *vals;	/* nvals entries */
	int			nvals;
};

#define VALUE_SCRATCH_INIT {STRBUF_INIT, STRBUF_INIT, NULL, 0}

void		datum_emit_values(struct emit *e, const struct tupdesc *td,
							  const struct heap_tuple *t, struct toast_store *ts,
							  const struct type_opts *o, struct value_scratch *vs,
							  uint32_t blkno, uint16_t lp, struct diags *ds);
void		value_scratch_free(struct value_scratch *vs);

/*
 * One value, key name, as the rule above says: r is what datum_to_text()
 * returned and val its text (when r is DATUM_OK).  quote is scratch for
 * the quoted form.
 */
void		datum_emit_field(struct emit *e, const char *name, enum datum_result r,
							 const struct strbuf *val, struct strbuf *quote);

/* The text renderer's form of s (n bytes) appended to out, quoted if need be. */
void		datum_quote_text(const char *s, size_t n, struct strbuf *out);

#endif
