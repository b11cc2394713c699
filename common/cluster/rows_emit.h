/*
 * rows_emit: a relation's rows, one record each, chosen by their state in
 * the transaction logs (cluster/rowstate.h), with their values from the
 * catalog: what pgpage -D --relation prints with --deleted, --aborted,
 * --all-versions, --xid N and --format=copy|csv|rows, where the page
 * records are not the point.
 *
 *   struct rows_request rq = {ROWS_DELETED, 0, ROWS_RECORDS, profile};
 *   rows_emit(e, x, &rel, &rq);     rel: catalog_open_relation()'s
 *
 * Selections (every LP_NORMAL tuple of the main fork is judged):
 *   ROWS_VISIBLE  what a new snapshot sees (the export default)
 *   ROWS_DELETED  deleted or replaced by a committed transaction, still
 *                 on disk: kind "delete" or "update" (and new_ctid)
 *   ROWS_ABORTED  inserted by a transaction that aborted (or never ended)
 *   ROWS_ALL      every version, update chains in order (heap/heapchain.h)
 *   ROWS_XID      what transaction xid (or one of its subtransactions) did:
 *                 "actions" inserted, deleted, updated, locked
 * Formats: ROWS_RECORDS (text or JSON, as the emit handle is: ctid, xmin,
 * xmax, their statuses, visible, kind, values), ROWS_COPY and ROWS_CSV
 * (COPY TO's text and CSV with a header, types/copyout.h: raw bytes
 * through the text handle), ROWS_JSONL ({"ctid", "values"} per row,
 * through a JSON handle).  Rows come in ctid order but for ROWS_ALL.
 *
 * Findings (a bad page or line pointer, a value that cannot be read, hint
 * bits the logs contradict, a missing pg_xact segment) go to stderr
 * through cli_report() and set the exit status.  Returns the rows written.
 */
#ifndef PGOD_ROWS_EMIT_H
#define PGOD_ROWS_EMIT_H

#include <stdint.h>

#include "cluster/catalog_emit.h"
#include "cluster/version.h"
#include "cluster/xact.h"
#include "out/emit.h"

enum rows_select {
	ROWS_VISIBLE,
	ROWS_DELETED,
	ROWS_ABORTED,
	ROWS_ALL,
	ROWS_XID
};

enum rows_format {
	ROWS_RECORDS,
	ROWS_COPY,
	ROWS_CSV,
	ROWS_JSONL
};

/* A tool's getopt_long values for the selections: ROWS_OPT_BASE + the enum */
#define ROWS_OPT_BASE 0x400

struct rows_request {
	enum rows_select select;
	uint32_t	xid;			/* ROWS_XID */
	enum rows_format format;
	const struct pg_profile *profile;	/* prints values as this major; NULL: detect */
};

long		rows_emit(struct emit *e, struct xact *x, const struct catalog_relation *rel,
					  const struct rows_request *rq);

#endif
