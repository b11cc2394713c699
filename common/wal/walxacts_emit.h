/*
 * walxacts_emit: one transaction of walxacts.h as one object (JSON) or
 * line (text), its relations named from the catalog when names is given;
 * and the --since/--until window on commit times.
 *
 *   walxacts_emit(e, walxacts_get(x, i), names_or_NULL);
 *   walxacts_parse_time("2026-12-02 14:00:00", &t)   (UTC; +HH, Z accepted)
 *
 * The fields: xid, status (pg_xact_status()'s words, "prepared" for a
 * prepared transaction not yet finished), first_lsn, end_lsn (the commit
 * or abort record), commit_timestamp or abort_timestamp (that record's
 * xact_time, as pg_xact_commit_timestamp() prints it in UTC), two_phase,
 * prepare_lsn, subxacts, records, bytes, and relations: [{spcoid, dboid,
 * relfilenode, datname, nspname, relname, inserted, updated, deleted}].
 */
#ifndef PGOD_WALXACTS_EMIT_H
#define PGOD_WALXACTS_EMIT_H

#include "out/emit.h"
#include "wal/walnames.h"
#include "wal/walxacts.h"

void		walxacts_emit(struct emit *e, const struct walxact *x, struct walnames *names);
/* Every top-level transaction (in a window when w has an end), by first LSN. */
void		walxacts_emit_all(struct emit *e, struct walxacts *x, struct walnames *names,
							  const struct walxacts_window *w);
/* A timestamp as microseconds since 2000-01-01 UTC (TimestampTz); 0 or -1. */
int			walxacts_parse_time(const char *s, int64_t *out);

#endif
