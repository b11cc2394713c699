/*
 * datum_emit: decoded values as one field of a tool's record, and the text
 * renderer's quoting of them (in the spirit of COPY's text format and SQL
 * literals, so that NULL, '' and 'NULL' stay apart).
 */
#include <stdlib.h>
#include <strings.h>

#include "types/datum_emit.h"

/*
 * The characters a value may hold and print bare.  A backslash is one: a
 * bare value holds no escapes (a control byte makes it quoted), so bytea's
 * \x0a0b reads as it is.
 */
static bool
safe_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		(c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' ||
		c == '/' || c == '+' || c == '-' || c == '\\';
}

void
datum_quote_text(const char *s, size_t n, struct strbuf *out)
{
	size_t		i;
	bool		bare = n > 0 && !(n == 4 && strncasecmp(s, "null", 4) == 0);

	for (i = 0; i < n && bare; i++)
		bare = safe_char((unsigned char) s[i]);
	if (bare)
	{
		sb_putn(out, s, n);
		return;
	}
	sb_putc(out, '\'');
	for (i = 0; i < n; i++)
	{
		if (s[i] == '\'')
			sb_putc(out, '\'');
		else if (s[i] == '\\')
			sb_putc(out, '\\');
		sb_putc(out, s[i]);
	}
	sb_putc(out, '\'');
}

void
datum_emit_field(struct emit *e, const char *name, enum datum_result r,
				 const struct strbuf *val, struct strbuf *quote)
{
	bool		ok = r == DATUM_OK && !val->oom;

	if (emit_format_of(e) == EMIT_JSON)
	{
		if (ok)
			emit_strn(e, name, sb_str(val), val->len, EF_LEFT);
		else
			emit_null(e, name, 0);
		return;
	}
	if (!ok)
	{
		emit_str(e, name, r == DATUM_NULL ? "NULL" : "?", EF_LEFT);
		return;
	}
	sb_reset(quote);
	datum_quote_text(sb_str(val), val->len, quote);
	if (quote->oom)
		emit_str(e, name, "?", EF_LEFT);
	else
		emit_strn(e, name, sb_str(quote), quote->len, EF_LEFT);
}

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
		datum_emit_field(e, c->name, datum_to_text(c, &vs->vals[i], ts, o, &vs->sb, ds),
						 &vs->sb, &vs->quoted);
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
	sb_free(&vs->quoted);
	free(vs->vals);
	vs->vals = NULL;
	vs->nvals = 0;
}
