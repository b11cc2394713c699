/*
 * rowstate_emit: a tuple's row state (cluster/rowstate.h) as fields of
 * the object being emitted, in pg_xact_status()'s and
 * pg_get_multixact_members()'s words:
 *
 *   JSON  "xmin_status": "committed"|"aborted"|"in progress"|null,
 *         "xmax_status": ... (a multixact: its updater's, null if none),
 *         "members": [{"xid", "mode", "status"}, ...] (a multixact only),
 *         "visible": true|false
 *   text  status=committed/- visible  members=1234:keysh:committed,...
 *
 * rowstate_emit_tuple_fn is heappage_emit's per-tuple hook (arg: the
 * struct xact *), so pgpage's page records carry the same fields.
 */
#ifndef PGOD_ROWSTATE_EMIT_H
#define PGOD_ROWSTATE_EMIT_H

#include "cluster/rowstate.h"
#include "heap/heappage.h"
#include "out/emit.h"

void		rowstate_emit(struct emit *e, const struct rowstate *rs);
void		rowstate_emit_tuple_fn(struct emit *e, const struct heap_item *it,
								   uint32_t blkno, void *arg, struct diags *ds);

#endif
