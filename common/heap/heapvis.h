/*
 * heapvis: what a heap tuple's header and the transaction logs' answers
 * about its xmin and xmax mean together -- whether a new snapshot taken
 * at the end of the cluster's history sees the tuple, what its xmax did
 * (nothing, lock, delete, update) and where the hint bits contradict the
 * logs.  The rules are HeapTupleSatisfiesMVCC()'s
 * (access/heap/heapam_visibility.c, the same in 10..18) for a snapshot
 * in which no transaction runs but the prepared ones: the hint bits are
 * the shortcut PostgreSQL takes (a set XMIN_COMMITTED or XMAX_INVALID is
 * believed without asking pg_xact), the logs decide the rest.
 *
 *   struct heapvis_in in = {xmin_word, xmax_word, blkno, lp};
 *   struct heapvis v;
 *   heapvis_judge(&tuple, &in, &v);
 *   v.visible, v.xmax_kind, v.deleted, v.contradictions
 *
 * The caller asks the logs (cluster/xact.h's recovered answer: a
 * transaction that never ended is aborted, a prepared one in progress);
 * for a multixact xmax the word is its updater's, XACT_NONE when no
 * member updated.  XACT_UNKNOWN (the logs that would say are missing) is
 * taken as committed, as the newest version of a row then wins; the
 * result says it assumed so.
 *
 * Pure: no allocation, no printing; the tuple is only read.
 */
#ifndef PGOD_HEAPVIS_H
#define PGOD_HEAPVIS_H

#include <stdbool.h>
#include <stdint.h>

#include "cluster/xact.h"
#include "heap/heaptuple.h"

/* What the logs say of the tuple's transactions (recovered words). */
struct heapvis_in {
	enum xact_word xmin;		/* t_xmin's status (XACT_COMMITTED for 1, 2) */
	enum xact_word xmax;		/* t_xmax's status; a multixact: its updater's,
								 * XACT_NONE if none of its members updated */
	uint32_t	blkno;			/* the tuple's own ctid: tells an update */
	uint16_t	lp;				/* (t_ctid elsewhere) from a delete */
};

/* What xmax did to the tuple, whatever became of its transaction. */
enum heapvis_xmax {
	HVX_NONE,					/* no xmax (0) */
	HVX_LOCK,					/* only locked it (HEAP_XMAX_IS_LOCKED_ONLY, or
								 * a multixact with no updater) */
	HVX_DELETE,					/* deleted it: t_ctid is the tuple's own */
	HVX_UPDATE					/* replaced it: t_ctid names the new version */
};

/* Hint bits that the logs contradict (heapvis.contradictions). */
#define HV_C_XMIN_COMMITTED	0x01	/* HEAP_XMIN_COMMITTED, xmin aborted */
#define HV_C_XMIN_INVALID	0x02	/* HEAP_XMIN_INVALID (not frozen), xmin committed */
#define HV_C_XMAX_COMMITTED	0x04	/* HEAP_XMAX_COMMITTED, xmax aborted */
#define HV_C_XMAX_INVALID	0x08	/* HEAP_XMAX_INVALID, xmax a committed deleter */
#define HV_C_COUNT			4

struct heapvis {
	bool		inserted;		/* xmin counts as committed (hint, frozen or logs) */
	bool		visible;		/* a new snapshot sees it */
	enum heapvis_xmax xmax_kind;
	bool		deleted;		/* xmax deleted or updated it and committed */
	bool		aborted;		/* xmin aborted (by hint or logs) */
	bool		assumed;		/* an unknown status was taken as committed */
	unsigned	contradictions;	/* HV_C_* */
};

void		heapvis_judge(const struct heap_tuple *t, const struct heapvis_in *in,
						  struct heapvis *v);

/* "delete", "update", "lock", or NULL for HVX_NONE: --deleted's kind. */
const char *heapvis_xmax_kind_name(enum heapvis_xmax k);

/* The sentence for one HV_C_* bit, e.g. "HEAP_XMIN_COMMITTED set, xmin aborted". */
const char *heapvis_contradiction_text(unsigned bit);

#endif
