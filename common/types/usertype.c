/*
 * Enum and composite values printed as enum_out (utils/adt/enum.c) and
 * record_out (utils/adt/rowtypes.c) print them; arrays of them through
 * array.c's walk.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/bytes.h"
#include "types/datum.h"
#include "types/usertype.h"

struct usertype_set {
	struct usertype *head;
};

struct usertype_set *
usertype_set_new(void)
{
	return calloc(1, sizeof(struct usertype_set));
}

void
usertype_set_free(struct usertype_set *s)
{
	struct usertype *u,
			   *next;
	size_t		i;

	if (s == NULL)
		return;
	for (u = s->head; u != NULL; u = next)
	{
		next = u->next;
		for (i = 0; i < u->nlabels; i++)
			free(u->labels[i]);
		free(u->labels);
		free(u->label_oids);
		tupdesc_free(u->attrs);
		free(u->typname);
		free(u);
	}
	free(s);
}

struct usertype *
usertype_find(const struct usertype_set *s, uint32_t oid)
{
	struct usertype *u;

	for (u = s->head; u != NULL; u = u->next)
		if (u->oid == oid)
			return u;
	return NULL;
}

struct usertype *
usertype_add(struct usertype_set *s, uint32_t oid, const char *typname,
			 char typtype, int16_t typlen, char typalign)
{
	struct usertype *u = calloc(1, sizeof(*u));

	if (u == NULL || (u->typname = strdup(typname)) == NULL)
	{
		free(u);
		return NULL;
	}
	u->oid = oid;
	u->typtype = typtype;
	u->typlen = typlen;
	u->typalign = typalign;
	u->next = s->head;
	s->head = u;
	return u;
}

int
usertype_add_label(struct usertype *u, uint32_t oid, const char *label)
{
	uint32_t   *o = realloc(u->label_oids, (u->nlabels + 1) * sizeof(*o));
	char	  **l;

	if (o == NULL)
		return -1;
	u->label_oids = o;
	if ((l = realloc(u->labels, (u->nlabels + 1) * sizeof(*l))) == NULL)
		return -1;
	u->labels = l;
	if ((l[u->nlabels] = strdup(label)) == NULL)
		return -1;
	o[u->nlabels++] = oid;
	return 0;
}

void
usertype_labels_done(struct usertype *u)
{
	size_t		i,
				j;

	/* insertion sort of the two arrays together: an enum has few labels */
	for (i = 1; i < u->nlabels; i++)
		for (j = i; j > 0 && u->label_oids[j - 1] > u->label_oids[j]; j--)
		{
			uint32_t	o = u->label_oids[j];
			char	   *l = u->labels[j];

			u->label_oids[j] = u->label_oids[j - 1];
			u->labels[j] = u->labels[j - 1];
			u->label_oids[j - 1] = o;
			u->labels[j - 1] = l;
		}
}

void
tupdesc_set_usertype(struct tupcol *c, const struct usertype *u, bool is_array)
{
	c->ut = u;
	c->is_array = is_array;
}

static void
set_free(void *s)
{
	usertype_set_free(s);
}

void
tupdesc_adopt(struct tupdesc *td, struct usertype_set *s)
{
	td->owned = s;
	td->owned_free = set_free;
}

/* enum_out: the label of the pg_enum row whose OID the value is. */
static int
enum_output(const struct usertype *u, const uint8_t *p, size_t len,
			struct strbuf *out, char *err, size_t errlen)
{
	uint32_t	oid;
	size_t		lo = 0,
				hi = u->nlabels;

	if (len != 4)
	{
		snprintf(err, errlen, "enum value of %zu bytes", len);
		return -1;
	}
	oid = rd32(p);
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (u->label_oids[mid] == oid)
		{
			sb_puts(out, u->labels[mid]);
			return 0;
		}
		if (u->label_oids[mid] < oid)
			lo = mid + 1;
		else
			hi = mid;
	}
	snprintf(err, errlen, "enum value %u is not a label of %s in pg_enum", oid, u->typname);
	return -1;
}

/* record_out's rule: quote an empty value or one with " \ ( ) , or a space */
static void
record_field(struct strbuf *out, const char *s, size_t n)
{
	bool		quote = n == 0;
	size_t		i;

	for (i = 0; i < n && !quote; i++)
		quote = s[i] == '"' || s[i] == '\\' || s[i] == '(' || s[i] == ')' ||
			s[i] == ',' || isspace((unsigned char) s[i]);
	if (quote)
		sb_putc(out, '"');
	for (i = 0; i < n; i++)
	{
		if (s[i] == '"' || s[i] == '\\')
			sb_putc(out, s[i]);
		sb_putc(out, s[i]);
	}
	if (quote)
		sb_putc(out, '"');
}

/*
 * record_out over a composite datum: HeapTupleHeaderData (htup_details.h)
 * without its 4-byte datum_len_: datum_typmod, datum_typeid, t_ctid,
 * t_infomask2 (natts), t_infomask (HEAP_HASNULL), t_hoff (counted from
 * the varlena's start), t_bits; the attributes from t_hoff.
 */
static int
record_output(const struct usertype *u, const uint8_t *p, size_t len,
			  struct toast_store *ts, const struct type_opts *o,
			  struct strbuf *out, char *err, size_t errlen)
{
	const struct tupdesc *td = u->attrs;
	struct attr_value *vals;
	struct strbuf sb = STRBUF_INIT;
	struct type_opts eo = *o;
	struct diags ds;
	unsigned	natts,
				hoff;
	uint32_t	typeid;
	bool		first = true;
	int			i,
				rc = 0;

	if (td == NULL)
	{
		snprintf(err, errlen, "composite %s without attributes", u->typname);
		return -1;
	}
	if (len < 19)
	{
		snprintf(err, errlen, "composite of %zu bytes", len);
		return -1;
	}
	typeid = rd32(p + 4);
	natts = rd16(p + 14) & 0x07FF;	/* HEAP_NATTS_MASK */
	hoff = p[18];
	if (typeid != u->oid || hoff < 23 || hoff - 4 > len ||
		((rd16(p + 16) & 0x0001) && 19 + (natts + 7) / 8 > hoff - 4))
	{
		snprintf(err, errlen, "composite header: type %u (expected %u), t_hoff %u, %u attributes, %zu bytes",
				 typeid, u->oid, hoff, natts, len);
		return -1;
	}
	if ((vals = calloc(td->natts > 0 ? (size_t) td->natts : 1, sizeof(*vals))) == NULL)
	{
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	diags_reset(&ds);
	if (heap_deform_data(td, p + hoff - 4, len - (hoff - 4),
						 natts < (unsigned) td->natts ? natts : (unsigned) td->natts,
						 (rd16(p + 16) & 0x0001) ? p + 19 : NULL, vals, &ds) != 0)
	{
		snprintf(err, errlen, "composite %s: %s", u->typname, ds.n ? ds.d[0].detail : "damaged");
		free(vals);
		return -1;
	}
	eo.text_cast = false;		/* fields print with their output function */
	sb_putc(out, '(');
	for (i = 0; i < td->natts && rc == 0; i++)
	{
		if (td->cols[i].dropped)
			continue;
		if (!first)
			sb_putc(out, ',');
		first = false;
		sb_reset(&sb);
		switch (datum_to_text(&td->cols[i], &vals[i], ts, &eo, &sb, &ds))
		{
			case DATUM_NULL:
				break;
			case DATUM_OK:
				record_field(out, sb_str(&sb), sb.len);
				break;
			case DATUM_BAD:
				snprintf(err, errlen, "composite %s: %s", u->typname,
						 ds.n ? ds.d[0].detail : "a field cannot be read");
				rc = -1;
		}
	}
	sb_putc(out, ')');
	sb_free(&sb);
	free(vals);
	return rc;
}

/* One element or value of u; the array walk's printer too. */
struct elem_arg {
	const struct usertype *u;
	struct toast_store *ts;
};

static int
print_one(const void *arg, const uint8_t *p, size_t len, const struct type_opts *o,
		  struct strbuf *out, char *err, size_t errlen)
{
	const struct elem_arg *a = arg;

	if (a->u->typtype == 'e')
		return enum_output(a->u, p, len, out, err, errlen);
	if (a->u->typtype == 'c')
		return record_output(a->u, p, len, a->ts, o, out, err, errlen);
	snprintf(err, errlen, "type %s has no output function here", a->u->typname);
	return -1;
}

int
usertype_output(const struct usertype *u, bool is_array, const uint8_t *p,
				size_t len, struct toast_store *ts, const struct type_opts *o,
				struct strbuf *out, char *err, size_t errlen)
{
	struct elem_arg a = {u, ts};
	struct type_opts eo = {false, true, false};
	struct array_elem el = {u->oid, u->typname, u->typlen, u->typalign, print_one, &a};

	if (o != NULL)
		eo = *o;
	if (is_array)
		return array_output_elem(&el, p, len, &eo, out, err, errlen);
	return print_one(&a, p, len, &eo, out, err, errlen);
}
