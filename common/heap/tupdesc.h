/*
 * tupdesc: what the columns of a heap relation are, in attribute order --
 * PostgreSQL's TupleDesc reduced to what reading a tuple from disk needs.
 *
 *   struct tupdesc *td = tupdesc_from_spec("id:int4,~int8,t:text", &ds);
 *   ... heap_deform(td, ...) and datum_to_text(&td->cols[i], ...) ...
 *   tupdesc_free(td);
 *
 * A tupdesc is filled either from a --types spec (below) or, later, by a
 * reader of pg_attribute on disk (tupdesc_new + tupdesc_set_column).  It
 * owns its strings; the type table it points into is static.
 *
 * The spec: columns separated by commas, in attribute order (attnum 1, 2,
 * ...), each
 *
 *     [~][NAME:]TYPE[=MISSING]
 *
 *   TYPE     a type name as pg_type.typname spells it (int4, text,
 *            timestamptz, "char" as char, ...), or as format_type() prints
 *            it (integer, character varying(20), numeric(10,2),
 *            timestamp(3) with time zone, interval day to second, ...: a
 *            type modifier in parentheses, commas and all, is ignored, as
 *            it changes no value's storage); an array as TYPE[] or _TYPE;
 *            or raw(LEN,ALIGN) for any other type: attlen LEN (-1 for a
 *            varlena, -2 for a cstring) and attalign c, s, i or d, shown as
 *            bytea-style hex.
 *   ~        the column is dropped (attisdropped): its bytes are consumed
 *            and it is not shown.  Only its storage matters, so ~int8 and
 *            ~raw(8,d) mean the same.
 *   NAME     the column name; default "cN" for attnum N.
 *   =MISSING the column's attmissingval (rows written before an ADD COLUMN
 *            ... DEFAULT): its value as text, as PostgreSQL prints it; a
 *            double-quoted form "..." (with \" and \\) may hold commas.
 *            A column without it reads NULL in such rows.
 */
#ifndef PGOD_TUPDESC_H
#define PGOD_TUPDESC_H

#include <stdbool.h>
#include <stdint.h>

#include "out/diag.h"

#define TUPDESC_MAX_ATTS 1600	/* MaxHeapAttributeNumber */

/* The types whose values we print as PostgreSQL does. */
enum pg_type_id {
	PGT_RAW = 0,				/* anything else: hex of the bytes */
	PGT_BOOL, PGT_CHAR, PGT_INT2, PGT_INT4, PGT_INT8, PGT_OID, PGT_XID,
	PGT_CID, PGT_FLOAT4, PGT_FLOAT8, PGT_NUMERIC, PGT_TEXT, PGT_VARCHAR,
	PGT_BPCHAR, PGT_NAME, PGT_BYTEA, PGT_DATE, PGT_TIME, PGT_TIMETZ,
	PGT_TIMESTAMP, PGT_TIMESTAMPTZ, PGT_INTERVAL, PGT_UUID, PGT_INET,
	PGT_CIDR, PGT_MACADDR, PGT_JSON, PGT_JSONB, PGT_TID, PGT_POINT, PGT_BOX,
	PGT_RANGE,					/* every built-in range type: the subtype is read
								 * from the value's rangetypid */
	PGT_BIT,					/* bit and varbit: VarBit's bit_len, then the bits */
	PGT__COUNT
};

/* One row of the static type table (pg_type's storage columns). */
struct pg_type_info {
	const char *typname;		/* pg_type.typname */
	enum pg_type_id id;
	uint32_t	oid;			/* pg_type.oid */
	int16_t		typlen;			/* pg_type.typlen: >0 fixed, -1 varlena, -2 cstring */
	char		typalign;		/* pg_type.typalign: c s i d */
	bool		typbyval;		/* pg_type.typbyval */
};

struct tupcol {
	char	   *name;			/* pg_attribute.attname */
	const struct pg_type_info *type;	/* the column's type; the element type for arrays */
	bool		is_array;		/* a one-or-more-dimensional array of type */
	int16_t		attlen;			/* pg_attribute.attlen */
	char		attalign;		/* pg_attribute.attalign */
	bool		attbyval;		/* pg_attribute.attbyval */
	bool		dropped;		/* pg_attribute.attisdropped */
	bool		has_missing;	/* pg_attribute.atthasmissing */
	char	   *missing;		/* attmissingval's element as text; NULL if none */
	const struct usertype *ut;	/* a type the catalog defines (types/usertype.h):
								 * printed by it (is_array: an array of it); NULL:
								 * by type */
};

struct usertype;

struct tupdesc {
	int			natts;			/* columns in cols[], dropped ones included */
	struct tupcol *cols;		/* natts entries, attnum i + 1 at cols[i] */
	void	   *owned;			/* what the columns' ut point into, or NULL */
	void		(*owned_free) (void *owned);	/* frees it with the tupdesc */
};

/* NULL (with a finding in ds) if the spec is malformed. */
struct tupdesc *tupdesc_from_spec(const char *spec, struct diags *ds);

/* An empty descriptor of natts columns (raw(-1,i)), for a catalog reader. */
struct tupdesc *tupdesc_new(int natts);
/*
 * Set column i (0-based) from catalog facts: typname may be NULL (dropped
 * columns have none, or an unknown type) and is then shown raw; missing is
 * the text of attmissingval's element, or NULL.  Returns 0, or -1 on
 * out of memory or a bad attlen/attalign.
 */
int			tupdesc_set_column(struct tupdesc *td, int i, const char *name,
							   const char *typname, int attlen, char attalign,
							   bool attbyval, bool dropped, const char *missing);
void		tupdesc_free(struct tupdesc *td);

/* The type table: by typname (or a SQL spelling), by id. NULL if unknown. */
const struct pg_type_info *pg_type_by_name(const char *name);
const struct pg_type_info *pg_type_by_id(enum pg_type_id id);
const struct pg_type_info *pg_type_by_oid(uint32_t oid);

/* PostgreSQL's att_align_nominal: offset rounded up to attalign. */
static inline uint32_t
att_align(uint32_t off, char align)
{
	uint32_t	a = align == 'd' ? 8 : align == 'i' ? 4 : align == 's' ? 2 : 1;

	return (off + a - 1) & ~(a - 1);
}

#endif
