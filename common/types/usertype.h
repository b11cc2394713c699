/*
 * usertype: the types a catalog defines and the static type table cannot
 * know -- enums (a value is its pg_enum row's OID, printed as the label,
 * as enum_out does) and composites (a value is a whole heap tuple,
 * printed as record_out prints it) -- so a column of such a type, or an
 * array of them, prints as PostgreSQL prints it.
 *
 *   struct usertype_set *s = usertype_set_new();
 *   struct usertype *u = usertype_add(s, oid, "mood", 'e', 4, 'i');
 *   usertype_add_label(u, enumoid, "happy");          (enums)
 *   u->attrs = td;                                     (composites: owned)
 *   tupdesc_set_usertype(col, u, is_array) ... print with datum_to_text()
 *   usertype_set_free(s);                              (frees every u)
 *
 * A set owns its types and their column lists; a tuple descriptor whose
 * columns point into a set owns it (tupdesc_adopt), so the two live and
 * die together.  Nothing here reads files: the catalog reader fills them.
 */
#ifndef PGOD_USERTYPE_H
#define PGOD_USERTYPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "heap/toast.h"
#include "heap/tupdesc.h"
#include "out/strbuf.h"
#include "types/types.h"

struct usertype {
	uint32_t	oid;			/* pg_type.oid */
	char	   *typname;		/* pg_type.typname */
	char		typtype;		/* pg_type.typtype: 'e' enum, 'c' composite */
	int16_t		typlen;			/* pg_type.typlen: 4 (enum), -1 (composite) */
	char		typalign;		/* pg_type.typalign */
	uint32_t   *label_oids;		/* enum: pg_enum.oid, sorted */
	char	  **labels;			/* enum: pg_enum.enumlabel of label_oids[i] */
	size_t		nlabels;
	struct tupdesc *attrs;		/* composite: typrelid's columns; owned */
	struct usertype *next;		/* the set's list */
};

struct usertype_set;

struct usertype_set *usertype_set_new(void);
void		usertype_set_free(struct usertype_set *s);
/* The type of oid in s, or NULL. */
struct usertype *usertype_find(const struct usertype_set *s, uint32_t oid);
/* A new type in s (NULL out of memory). */
struct usertype *usertype_add(struct usertype_set *s, uint32_t oid, const char *typname,
							  char typtype, int16_t typlen, char typalign);
/* One enum label (any order); 0, or -1 out of memory. */
int			usertype_add_label(struct usertype *u, uint32_t oid, const char *label);
/* Sort the labels for lookup; after the last usertype_add_label(). */
void		usertype_labels_done(struct usertype *u);

/* Point column c at u (an array of u if is_array). */
void		tupdesc_set_usertype(struct tupcol *c, const struct usertype *u, bool is_array);
/* td owns s from now on: tupdesc_free(td) frees it. */
void		tupdesc_adopt(struct tupdesc *td, struct usertype_set *s);

/*
 * A value of u (an array of u if is_array): p, len are the plain bytes
 * (an enum's 4, a composite's tuple without its varlena header, an
 * array's data without header).  Composite fields stored compressed are
 * read through; ts may be NULL.  0, or -1 with a reason in err.
 */
int			usertype_output(const struct usertype *u, bool is_array,
							const uint8_t *p, size_t len, struct toast_store *ts,
							const struct type_opts *o, struct strbuf *out,
							char *err, size_t errlen);

#endif
