/*
 * walxacts: transactions summarised from the WAL read -- what pg_waldump
 * leaves to the reader: each transaction's first record, its commit or
 * abort record and time, its subtransactions, its two-phase state, the
 * records and bytes it wrote, and the rows it inserted, updated and
 * deleted per relation.
 *
 *   struct walxacts *x = walxacts_create(major);
 *   walxacts_add(x, &raw_end_lsn, &rec, &heap)   every record, in order
 *   walxacts_get(x, i) for i < walxacts_count(x)   in order of first LSN
 *   walxacts_free(x);
 *
 * A subtransaction's records count for its top-level transaction once
 * the WAL says whose it is (the commit or abort record's list, an
 * ASSIGNMENT record, a record's toplevel_xid).  Memory: one entry per
 * transaction and one per (transaction, relation) written, at most
 * WALXACTS_MAX transactions (the rest counted in walxacts_dropped).
 */
#ifndef PGOD_WALXACTS_H
#define PGOD_WALXACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"
#include "wal/walheap.h"
#include "wal/walrecord.h"
#include "wal/walsource.h"

#define WALXACTS_MAX (4u * 1024 * 1024)

enum walxact_state {
	WXS_OPEN,					/* no end in the WAL read */
	WXS_COMMITTED,
	WXS_ABORTED,
	WXS_PREPARED				/* PREPARE TRANSACTION, not yet finished */
};

struct walxact_rel {
	uint32_t	spcoid,
				dboid,
				relnumber;		/* the relation's file (block reference 0) */
	uint64_t	inserted,
				updated,
				deleted;		/* rows */
};

struct walxact {
	uint32_t	xid;			/* top-level xid */
	uint32_t	parent;			/* a subtransaction: its top-level xid; else 0 */
	enum walxact_state state;
	bool		two_phase;		/* PREPARE TRANSACTION seen */
	uint64_t	first_lsn;		/* its first record */
	uint64_t	prepare_lsn;	/* its PREPARE record; 0 none */
	uint64_t	end_lsn;		/* its COMMIT / ABORT (PREPARED) record; 0 none */
	int64_t		end_time;		/* xact_time of that record (us since 2000) */
	bool		has_time;
	uint64_t	records;		/* records written (subtransactions' included) */
	uint64_t	bytes;			/* their xl_tot_len */
	uint32_t   *subxacts;		/* from the commit/abort record, or learnt */
	int			nsubxacts;
	struct walxact_rel *rels;
	int			nrels;
};

struct walxacts;

struct walxacts *walxacts_create(int major);
void		walxacts_free(struct walxacts *x);
void		walxacts_add(struct walxacts *x, const struct walrec *r, const struct walheap *h);
/* The top-level transactions (subtransactions folded in), by first LSN. */
size_t		walxacts_count(struct walxacts *x);
const struct walxact *walxacts_get(const struct walxacts *x, size_t i);
size_t		walxacts_dropped(const struct walxacts *x);
/* The top-level transaction of xid (itself if not known as a sub), NULL if none. */
const struct walxact *walxacts_find(struct walxacts *x, uint32_t xid);

/* --since, --until: a window on commit times (TimestampTz) */
struct walxacts_window {
	bool		has_since,
				has_until;
	int64_t		since,
				until;
};

/* Committed in the window (either end open when not given)? */
bool		walxacts_in_window(const struct walxact *t, const struct walxacts_window *w);

/*
 * A pass over the WAL of src from in->start to in->end for the
 * transactions alone (what --since and --until need before the records
 * are shown).  Findings are dropped: the reading that shows the records
 * says them.  NULL on out of memory.
 */
struct walxacts *walxacts_collect(const struct walsource_info *in, struct walsource *src,
								  struct diags *ds);

#endif
