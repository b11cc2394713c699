/*
 * A tuple's attributes cut out of its data (heap_deform_tuple's walk in
 * access/common/heaptuple.c) and printed by type.
 */
#include <stdlib.h>
#include <string.h>

#include "types/datum.h"
#include "types/usertype.h"
#include "cluster/version.h"

static int
bad_rest(const struct tupdesc *td, int from, struct attr_value *vals)
{
	int			i;

	for (i = from; i < td->natts; i++)
	{
		memset(&vals[i], 0, sizeof(vals[i]));
		vals[i].kind = AV_BAD;
	}
	return -1;
}

/*
 * heap_deform_data, and where the last stored attribute ends in *end
 * (the offset past it from the start of the data).
 */
static int
deform(const struct tupdesc *td, const uint8_t *data, size_t data_len,
	   unsigned natts, const uint8_t *bits, struct attr_value *vals,
	   uint32_t *end, struct diags *ds)
{
	uint32_t	off = 0;
	int			i;

	*end = 0;

	if (natts > (unsigned) td->natts)
		diag_add(ds, D_BAD_VALUE, "tuple has %u attributes, the column list %d",
				 natts, td->natts);
	for (i = 0; i < td->natts; i++)
	{
		const struct tupcol *c = &td->cols[i];
		struct attr_value *v = &vals[i];
		uint32_t	len;

		memset(v, 0, sizeof(*v));
		if ((unsigned) i >= natts)
		{
			/* not stored: added after this row was written */
			v->kind = c->has_missing ? AV_MISSING : AV_NULL;
			continue;
		}
		if (bits != NULL && (bits[i >> 3] & (1u << (i & 7))) == 0)
		{
			v->kind = AV_NULL;
			continue;
		}
		/* att_align_pointer: a non-zero byte here starts a short varlena */
		if (!(c->attlen == -1 && off < data_len && data[off] != 0))
			off = att_align(off, c->attalign);
		if (off > data_len)
		{
			diag_add(ds, D_BAD_VALUE, "attribute %d at offset %u past the data (%zu bytes)",
					 i + 1, off, data_len);
			return bad_rest(td, i, vals);
		}
		if (c->attlen > 0)
			len = (uint32_t) c->attlen;
		else if (c->attlen == -1)
		{
			struct varlena vl;

			if (varlena_parse(data + off, data_len - off, &vl, ds) != 0)
			{
				diag_add(ds, D_BAD_VALUE, "attribute %d at offset %u", i + 1, off);
				return bad_rest(td, i, vals);
			}
			len = vl.total;
		}
		else
		{
			const uint8_t *nul = memchr(data + off, 0, data_len - off);

			if (nul == NULL)
			{
				diag_add(ds, D_BAD_VALUE, "attribute %d: cstring without its NUL", i + 1);
				return bad_rest(td, i, vals);
			}
			len = (uint32_t) (nul - (data + off)) + 1;
		}
		if (len > data_len - off)
		{
			diag_add(ds, D_BAD_VALUE, "attribute %d of %u bytes at offset %u, data has %zu",
					 i + 1, len, off, data_len);
			return bad_rest(td, i, vals);
		}
		v->kind = AV_VALUE;
		v->ptr = data + off;
		v->len = len;
		v->off = off;
		off += len;
		*end = off;
	}
	return 0;
}

int
heap_deform_data(const struct tupdesc *td, const uint8_t *data,
				 size_t data_len, unsigned natts, const uint8_t *bits,
				 struct attr_value *vals, struct diags *ds)
{
	uint32_t	end;

	return deform(td, data, data_len, natts, bits, vals, &end, ds);
}

int
heap_deform(const struct tupdesc *td, const struct heap_tuple *t,
			struct attr_value *vals, struct diags *ds)
{
	uint32_t	end;

	if (t->status < HT_BAD_BITMAP || t->data == NULL)
	{
		diag_add(ds, D_BAD_VALUE, "tuple header unreadable: no values");
		return bad_rest(td, 0, vals);
	}
	if (t->status == HT_BAD_BITMAP)
	{
		diag_add(ds, D_BAD_VALUE, "null bitmap does not fit before t_hoff: no values");
		return bad_rest(td, 0, vals);
	}
	if (deform(td, t->data, t->data_len, t->natts,
			   (t->infomask & HEAP_HASNULL) ? t->bits : NULL, vals, &end, ds) != 0)
		return -1;
	/*
	 * heap_fill_tuple leaves no byte after the last attribute (padding comes
	 * before an attribute, never after), and lp_len is exactly t_hoff plus
	 * the data: bytes left over mean the column list is not the table's.
	 */
	if (t->natts <= (unsigned) td->natts && end != t->data_len)
	{
		diag_add(ds, D_BAD_VALUE,
				 "%u bytes left after the last column (%u of %u bytes of data read): the column list does not match the tuple",
				 (unsigned) (t->data_len - end), end, (unsigned) t->data_len);
		return -1;
	}
	return 0;
}

enum datum_result
datum_to_text(const struct tupcol *col, const struct attr_value *v,
			  struct toast_store *ts, const struct type_opts *o,
			  struct strbuf *out, struct diags *ds)
{
	const uint8_t *p;
	size_t		len,
				before = out->len;
	uint8_t    *buf = NULL;
	int			r;
	char		err[160];

	switch (v->kind)
	{
		case AV_NULL:
			return DATUM_NULL;
		case AV_MISSING:
			if (col->missing == NULL)
				return DATUM_NULL;
			sb_puts(out, col->missing);
			return DATUM_OK;
		case AV_BAD:
			return DATUM_BAD;
		case AV_VALUE:
			break;
	}
	p = v->ptr;
	len = v->len;
	if (col->attlen == -1)
	{
		struct varlena vl;

		if (varlena_parse(v->ptr, v->len, &vl, ds) != 0 ||
			varlena_detoast(&vl, ts, &buf, &len, ds) != 0)
			return DATUM_BAD;
		p = buf;
	}
	else if (col->attlen == -2)
		len--;					/* the cstring's NUL */
	err[0] = '\0';
	if (col->ut != NULL)
		r = usertype_output(col->ut, col->is_array, p, len, ts, o, out, err, sizeof(err));
	else if (col->is_array)
		r = array_output(col->type, p, len, o, out, err, sizeof(err));
	else
		r = type_output(col->type, p, len, o, out, err, sizeof(err));
	free(buf);
	if (r != 0)
	{
		if (out->data != NULL)
		{
			out->len = before;
			out->data[before] = '\0';
		}
		diag_add(ds, D_BAD_VALUE, "column %s (%s%s): %s", col->name,
				 col->ut ? col->ut->typname : col->type->typname,
				 col->is_array ? "[]" : "", err);
		return DATUM_BAD;
	}
	return DATUM_OK;
}

void
type_opts_for(const struct pg_profile *prof, struct type_opts *o)
{
	o->float_legacy = prof != NULL && prof->float_out_legacy;
	o->char_octal = prof == NULL || !prof->char_out_raw;
	o->text_cast = true;
}
