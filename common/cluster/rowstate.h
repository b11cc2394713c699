/*
 * rowstate: one heap tuple's state from the cluster's transaction logs --
 * the status of its xmin and xmax in pg_xact_status()'s words, a
 * multixact xmax's members with their lock modes and statuses, and what
 * heap/heapvis.h makes of them (visible, deleted, updated, contradicting
 * hint bits).
 *
 *   struct xact *x = xact_open(pgdata);
 *   struct rowstate rs;
 *   rowstate_judge(x, &tuple, blkno, lp, &rs, &ds);    per tuple
 *   xact_sql(&rs.xmin), rs.v.visible, rs.mem[0..rs.nmembers) ...
 *
 * Findings go to ds at blkno, item lp: each hint bit the logs contradict
 * (D_HINT_BITS), and whatever xact.h finds reading the logs (a missing
 * segment once per segment, a multixact that cannot be right).  The
 * struct is the caller's; nothing is kept between calls but xact's pages.
 */
#ifndef PGOD_ROWSTATE_H
#define PGOD_ROWSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cluster/xact.h"
#include "heap/heapvis.h"

/* Members kept per tuple for printing; the updater is found among all. */
#define ROWSTATE_MAX_MEMBERS 64

struct rowstate_member {
	uint32_t	xid;			/* MultiXactMember.xid */
	uint8_t		mode;			/* MultiXactMember.status (enum mxact_status) */
	struct xact_status st;		/* its transaction's status */
};

struct rowstate {
	struct xact_status xmin;	/* t_xmin's status */
	struct xact_status xmax;	/* t_xmax's; a multixact: its updater's (xid 0:
								 * none, or the members could not be read) */
	bool		multi;			/* t_xmax is a MultiXactId */
	enum mxact_result mres;		/* multi: how reading its members went */
	size_t		nmembers;		/* multi: its member count (mem holds the
								 * first ROWSTATE_MAX_MEMBERS) */
	struct rowstate_member mem[ROWSTATE_MAX_MEMBERS];
	struct heapvis v;			/* what it all means */
};

void		rowstate_judge(struct xact *x, const struct heap_tuple *t, uint32_t blkno,
						   uint16_t lp, struct rowstate *rs, struct diags *ds);

/*
 * Did transaction xid (or a subtransaction of it, by pg_subtrans) insert,
 * delete, update or lock the tuple?  ROWSTATE_DID_* bits.
 */
#define ROWSTATE_DID_INSERT	0x01
#define ROWSTATE_DID_DELETE	0x02
#define ROWSTATE_DID_UPDATE	0x04
#define ROWSTATE_DID_LOCK	0x08
unsigned	rowstate_did(struct xact *x, const struct rowstate *rs,
						 const struct heap_tuple *t, uint32_t xid);

#endif
