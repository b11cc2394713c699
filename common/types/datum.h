/*
 * datum: a heap tuple's attributes, cut out of its data with a tuple
 * descriptor (heap_deform_tuple's walk), and each printed as PostgreSQL's
 * output function for its type prints it.
 *
 *   struct attr_value vals[td->natts];   (heap-allocated by the caller)
 *   heap_deform(td, &tuple, vals, &ds);
 *   for each column i not dropped:
 *       r = datum_to_text(&td->cols[i], &vals[i], toast_or_NULL, &opts, &sb, &ds);
 *       DATUM_NULL: SQL NULL;  DATUM_OK: sb holds the text;
 *       DATUM_BAD: could not be read (a finding in ds says why)
 *
 * The walk follows PostgreSQL's rules exactly: the offset of each
 * attribute is aligned to attalign relative to the start of the data
 * (t_hoff), except for a varlena whose first byte is not zero: that is a
 * 1-byte-header varlena, never aligned (att_align_pointer); null
 * attributes (bitmap bit 0) take no space; attributes past the tuple's own
 * natts (added by ALTER TABLE after the row was written) read as their
 * missing value (attmissingval) or NULL; dropped columns are skipped but
 * their bytes consumed.  Nothing past data_len is read: an attribute that
 * does not fit is DATUM_BAD, and so are all after it.  A heap tuple is
 * exactly as long as its attributes: bytes left after the last one, or
 * more attributes in the tuple than columns in the list, mean the list is
 * wrong, and are a finding too.
 */
#ifndef PGOD_DATUM_H
#define PGOD_DATUM_H

#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"
#include "heap/heaptuple.h"
#include "out/strbuf.h"
#include "heap/toast.h"
#include "heap/tupdesc.h"
#include "types/types.h"

enum attr_kind {
	AV_NULL,					/* null in the bitmap, or past natts without a missing value */
	AV_VALUE,					/* stored in the tuple: ptr, len */
	AV_MISSING,					/* past natts: the column's missing value */
	AV_BAD						/* could not be located: the tuple is damaged */
};

struct attr_value {
	enum attr_kind kind;
	const uint8_t *ptr;			/* AV_VALUE: the attribute's bytes in the tuple */
	uint32_t	len;			/* AV_VALUE: their length (varlena header included) */
	uint32_t	off;			/* AV_VALUE: offset from the start of the data */
};

/*
 * Cut tuple t (HT_OK) into td->natts values.  Returns 0, or -1 when the
 * tuple is damaged or does not match td (findings in ds; the values after
 * the damage are AV_BAD; with bytes left over, the values read are kept).
 * A tuple with more attributes than td is read up to td's, with a finding.
 */
int			heap_deform(const struct tupdesc *td, const struct heap_tuple *t,
						struct attr_value *vals, struct diags *ds);

/*
 * The same over bare tuple data: data_len bytes from t_hoff, natts
 * attributes, the null bitmap bits (NULL if the tuple has no nulls).
 * Bytes after the last attribute are not looked at: an index tuple's
 * size is MAXALIGNed.
 */
int			heap_deform_data(const struct tupdesc *td, const uint8_t *data,
							 size_t data_len, unsigned natts,
							 const uint8_t *bits, struct attr_value *vals,
							 struct diags *ds);

enum datum_result {
	DATUM_NULL,
	DATUM_OK,
	DATUM_BAD
};

/*
 * Column col's value v as text, appended to out: detoasted (ts may be
 * NULL), decompressed, then printed by the type's output function the way
 * o says (NULL: as 12+ print).  On DATUM_BAD nothing is appended.
 */
enum datum_result datum_to_text(const struct tupcol *col,
								const struct attr_value *v,
								struct toast_store *ts,
								const struct type_opts *o,
								struct strbuf *out, struct diags *ds);

/* The type_opts of a major's profile (NULL: the newest behaviour). */
struct pg_profile;
void		type_opts_for(const struct pg_profile *prof, struct type_opts *o);

#endif
