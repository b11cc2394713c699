/*
 * walrender: a WAL record shown, as pg_waldump's line (text) or as one
 * JSON object of pg_get_wal_records_info()'s columns and the decoded
 * parts; and the object that stands in a JSON stream for damage between
 * records.  Both formats are drawn from one struct walrow, and every JSON
 * field name is spelled once, in walrender.c's field lists.
 *
 *   struct walrender *w = walrender_create(e, prof, seg_size, json, bkp_details);
 *   walrender_record(w, &raw, &rec, &ds);     ds: findings about the record
 *   walrender_damage(w, &ds.d[i], lsn, to, tli);   JSON only
 *   walrender_free(w);
 *
 * Everything goes through the emitter e (its buffer, its one write-error
 * path); a record with no findings and no byte that needs a JSON escape is
 * laid out by hand (emit_room), the rest through emit's field calls, with
 * the same bytes.  The handle keeps the description buffers between calls.
 */
#ifndef PGOD_WALRENDER_H
#define PGOD_WALRENDER_H

#include <stdbool.h>
#include <stdint.h>

#include "cluster/version.h"
#include "out/diag.h"
#include "out/emit.h"
#include "wal/walreader.h"
#include "wal/walrecord.h"

struct walrender;

struct walrender *walrender_create(struct emit *e, const struct pg_profile *prof,
								   uint32_t seg_size, bool json, bool bkp_details);
void		walrender_record(struct walrender *w, const struct walrec_raw *raw,
							 const struct walrec *r, const struct diags *ds);
/*
 * Damage d that belongs to no record, found at lsn on timeline tli: an
 * object told from a record by its "damage" key (the finding's code); a
 * D_WAL_SKIPPED range runs from lsn to its lsn_to (or to, if it has none).
 */
void		walrender_damage(struct walrender *w, const struct diag *d, uint64_t lsn,
							 uint64_t to, uint32_t tli);
void		walrender_free(struct walrender *w);

/*
 * With -D: the names of the next records' block references, names[id] for
 * block id (NULL: none); JSON gets datname, nspname, relname in each block
 * (null when unknown), text only with in_text (--names: "(datname
 * nspname.relname)" after each "rel T/D/R").  The array is read at each
 * walrender_record() call: the caller fills it per record.
 */
struct walname;
void		walrender_names(struct walrender *w, const struct walname *names, bool in_text);

/*
 * More of the next record: fn(arg, e) adds fields to its JSON object
 * before its diagnostics (text: an object of its own after the line).
 * fn NULL: nothing more.  Reset by each walrender_record().
 */
void		walrender_extra(struct walrender *w, void (*fn) (void *arg, struct emit *e),
							void *arg);

#endif
