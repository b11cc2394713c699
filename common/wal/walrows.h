/*
 * walrows: the rows heap WAL records wrote or removed, each as the tuple a
 * page held (or would hold), from the record itself, from its full page
 * image, or from a page followed through the WAL since an earlier image
 * (walpages.h); and what the WAL tells about relation names on the way
 * (pg_class rows, relation mapper updates: walnames.h).
 *
 *   struct walrows_state *s = walrows_create(names_or_NULL, 2048);
 *   for each record r, in WAL order:
 *       walrows_record(s, &r, &rows, &ds);   rows.n tuples (0 for most records)
 *   walrows_free(s);
 *
 * Every record must be passed, filtered or not, so that followed pages
 * stay true.  A tuple that cannot be had is given with why (never
 * guessed): an update's compressed new tuple whose page was not followed,
 * a record that does not hold together.  The tuples point into s and live
 * until the next call.
 */
#ifndef PGOD_WALROWS_H
#define PGOD_WALROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"
#include "wal/walheap.h"
#include "wal/walnames.h"
#include "wal/walrecord.h"

enum walrow_source {
	WRS_NONE,					/* not had: see why */
	WRS_RECORD,					/* carried by the record */
	WRS_IMAGE,					/* the record's own full page image */
	WRS_PAGE					/* a page followed from an earlier image */
};

struct walrow_tuple {
	bool		old;			/* the old row (update, delete), else the new */
	bool		key_only;		/* only the replica identity columns */
	int			block_id;		/* the block reference of its page */
	uint32_t	blkno;
	uint16_t	offnum;			/* ctid (blkno, offnum) */
	enum walrow_source source;
	const char *why;			/* WRS_NONE: why it cannot be had */
	const uint8_t *tup;			/* the tuple, HeapTupleHeader included */
	size_t		len;
};

struct walrows {
	enum walheap_op op;
	int			n;
	struct walrow_tuple t[WALHEAP_MAX_TUPLES + 1];
};

struct walrows_state;

struct walrows_state *walrows_create(struct walnames *names, size_t max_pages);
void		walrows_free(struct walrows_state *s);
void		walrows_record(struct walrows_state *s, const struct walrec *r,
						   struct walrows *out, struct diags *ds);
/* Pages forgotten to stay within max_pages (their later updates may not rebuild). */
size_t		walrows_evicted(const struct walrows_state *s);
const char *walrow_source_name(enum walrow_source s);

#endif
