/*
 * walrows_emit: the rows of a heap record (walrows.h) as a "rows" field
 * of the record's object: one element per row written or removed, with
 * its ctid and its columns' values by name, as the catalog (walnames.h)
 * describes the relation.
 *
 *   struct walrows_emitter *re = walrows_emitter_create(names, prof);
 *   walrows_emit(re, e, &rec, &rows);      inside the record's object
 *   walrows_emitter_free(re);
 *
 * An element: "ctid", then "new" (INSERT, MULTI_INSERT, UPDATE) and/or
 * "old" (UPDATE, DELETE, where had), each an object {column: text | null}
 * or null with "new_why"/"old_why" saying why it is not there;
 * "new_source"/"old_source" (record, image, page: walrows.h);
 * "old_ctid" for an UPDATE; "old_key_only" when the record carries only
 * the replica identity columns.  A TOASTed value whose chunks are not in
 * the data directory's TOAST relation is {"toast_pointer": {va_rawsize,
 * va_extsize, va_valueid, va_toastrelid}}: the WAL alone cannot give it.
 */
#ifndef PGOD_WALROWS_EMIT_H
#define PGOD_WALROWS_EMIT_H

#include <stdbool.h>

#include "cluster/version.h"
#include "out/emit.h"
#include "wal/walnames.h"
#include "wal/walrows.h"

struct walrows_emitter;

struct walrows_emitter *walrows_emitter_create(struct walnames *names,
											   const struct pg_profile *prof);
void		walrows_emitter_free(struct walrows_emitter *re);
void		walrows_emit(struct walrows_emitter *re, struct emit *e, const struct walrec *r,
						 const struct walrows *rows);

/*
 * --decode-rows=images: the rows of every full page image of a heap page
 * (main fork) in the record, as "image_rows": [{block_id, ctid, t_xmin,
 * t_xmax, values}], every normal line pointer's tuple as the page held it
 * then (dead or alive: the image does not say which xids committed).
 * Nothing when the record has no such image.  An image that does not
 * restore is left out (--fpi-verify says why).
 */
bool		walrows_has_heap_image(const struct walrec *r);
void		walrows_emit_images(struct walrows_emitter *re, struct emit *e, const struct walrec *r);

#endif
