/*
 * heappage_emit: the contents of a heap page rendered through emit -- every
 * line pointer and tuple header as pageinspect's heap_page_items() shows
 * them, with heap_tuple_infomask_flags()'s names, and a sequence page's
 * tuple as SELECT * FROM seq shows it.  What pgpage prints inside a page's
 * record; any tool that shows heap pages draws on the same.
 *
 *   struct heappage_emit_opts o = {profile, item, types, toast, &vs, fn, arg};
 *   emit_begin(e); ... page fields ...
 *   heappage_emit_items(e, page, &h, &o, blkno, &ds);   "items": [...]
 *   heappage_emit_sequence(e, page, &h, blkno, &ds);     "sequence": {...}
 *   emit_end(e);
 *
 * JSON: the columns heap_page_items() leaves NULL when a line pointer has
 * no readable tuple are null here too.  Text: one compact line per item in
 * the spirit of pg_filedump's, with natts, the null bitmap up to natts,
 * the infomask flags by name and a redirect's target.  Decoded values
 * (types, with -T) join their tuple's object as "values" (datum_emit).
 * Nothing is kept between calls; findings go to the caller's ds.
 */
#ifndef PGOD_HEAPPAGE_EMIT_H
#define PGOD_HEAPPAGE_EMIT_H

#include <stdint.h>

#include "cluster/version.h"
#include "heap/tupdesc.h"
#include "out/diag.h"
#include "out/emit.h"
#include "page/page.h"
#include "types/datum_emit.h"

struct toast_store;
struct heap_item;

/*
 * More fields for a tuple, emitted into its object before its values
 * (pgpage -D: the row state from the transaction logs).
 */
typedef void (*heappage_tuple_fn) (struct emit *e, const struct heap_item *it,
								   uint32_t blkno, void *arg, struct diags *ds);

struct heappage_emit_opts {
	const struct pg_profile *profile;	/* names the infomask bits and
										 * prints values; NULL: the latest */
	uint16_t	item;			/* only this line pointer; 0: all */
	const struct tupdesc *types;	/* decode values with these columns, or NULL */
	struct toast_store *toast;	/* the TOAST relation of those values, or NULL */
	struct value_scratch *vs;	/* scratch for the values (with types) */
	heappage_tuple_fn tuple_fn;	/* called for each tuple read, or NULL */
	void	   *tuple_arg;		/* its argument */
};

/* "items": each line pointer of the page (or o->item's), with its tuple. */
void		heappage_emit_items(struct emit *e, const uint8_t *page,
								const struct page_header *h,
								const struct heappage_emit_opts *o, uint32_t blkno,
								struct diags *ds);

/*
 * "sequence": a sequence page's tuple (text: a line of its own under the
 * items); nothing but a finding when the page holds no sequence tuple.
 */
void		heappage_emit_sequence(struct emit *e, const uint8_t *page,
								   const struct page_header *h, uint32_t blkno,
								   struct diags *ds);

#endif
