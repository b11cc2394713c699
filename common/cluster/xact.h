/*
 * xact: the status of any transaction ID of a stopped cluster, in
 * pg_xact_status()'s words, from the cluster's own transaction logs:
 * pg_xact (cluster/clog.h), pg_subtrans (cluster/subtrans.h),
 * pg_multixact (cluster/multixact.h), pg_twophase and global/pg_control.
 * The rules are PostgreSQL's (every major 10..18): TransactionIdInRecentPast
 * and pg_xact_status() in utils/adt/xid8funcs.c (txid_status() in txid.c
 * before 13), TransactionIdDidCommit() in access/transam/transam.c.
 *
 *   struct xact *x = xact_open("PGDATA");        NULL: out of memory only
 *   struct xact_status st;
 *   xact_lookup(x, xid, &st, &ds);                a tuple's 32-bit xid
 *   xact_lookup_full(x, fxid, &st, &ds);          an xid8 (epoch << 32 | xid)
 *   xact_sql(&st)        "committed", "aborted", "in progress", or NULL:
 *                        what pg_xact_status() answers once the cluster is
 *                        started (NULL: no xid, too old, in the future)
 *   xact_multi(x, multi, members, max, &n, &ds);  a multixact's members
 *   xact_close(x);
 *
 * Opening reads nothing.  The first lookup reads pg_control; the SLRU
 * files are read page by page as lookups need them (a few pages per
 * directory in memory, whatever the XIDs).  Any of them missing or short
 * is a finding at lookup time, in the ds the caller passes (said once per
 * file or segment per handle), and the answer says "unknown", never a
 * guess.  The handle owns everything it reads; a struct xact_status is the
 * caller's.
 *
 * Two answers per XID:
 *   raw        the logs exactly as they are on disk (a sub-committed XID
 *              resolved through pg_subtrans to its top-level transaction);
 *   recovered  the same once the server started again and ran recovery:
 *              nothing is running any more, so a transaction still marked
 *              in progress is aborted (as TransactionIdDidCommit/DidAbort
 *              and pg_xact_status() judge it after a restart), except a
 *              prepared one (a pg_twophase file), which stays in progress.
 * After a crash (pg_control's state not "shut down") pg_xact on disk may
 * lag WAL: a transaction marked in progress may have a commit record after
 * the last checkpoint, which this module does not read; such answers carry
 * XACT_F_WAL.  XIDs at or past the checkpoint's next XID are normal then
 * (assigned after it), and a finding (D_XACT_FUTURE) after a clean shutdown.
 *
 * XIDs older than pg_control's oldestXid: pg_xact_status() gives NULL (no
 * longer kept).  Here they carry XACT_F_TOO_OLD; raw and recovered come
 * from pg_xact if it still holds them (TransactionIdDidCommit would read
 * it), else committed with XACT_F_ASSUMED: VACUUM has frozen or removed
 * every tuple of such an XID before oldestXid could pass it.
 */
#ifndef PGOD_XACT_H
#define PGOD_XACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cluster/clog.h"
#include "cluster/control.h"
#include "cluster/multixact.h"
#include "out/diag.h"

enum xact_word {
	XACT_NONE,					/* no transaction: InvalidTransactionId */
	XACT_COMMITTED,				/* "committed" */
	XACT_ABORTED,				/* "aborted" */
	XACT_IN_PROGRESS,			/* "in progress" */
	XACT_UNKNOWN				/* the logs that would say are missing or short */
};

/* Flags of a struct xact_status: why the answer is what it is. */
#define XACT_F_SPECIAL		0x0001	/* 0 invalid, 1 bootstrap, 2 frozen */
#define XACT_F_TOO_OLD		0x0002	/* precedes oldestXid (or wrapped): pg_xact_status() NULL */
#define XACT_F_FUTURE		0x0004	/* at or past the checkpoint's nextXid */
#define XACT_F_SUBTRANS		0x0008	/* sub-committed: decided by its parent(s), see top */
#define XACT_F_NO_PARENT	0x0010	/* sub-committed, pg_subtrans has no (readable) parent */
#define XACT_F_PREPARED		0x0020	/* in progress as a prepared transaction (pg_twophase) */
#define XACT_F_NEVER_ENDED	0x0040	/* marked in progress, nothing runs it: aborted once recovered */
#define XACT_F_ASSUMED		0x0080	/* recovered comes from a rule, not from the logs */
#define XACT_F_WAL			0x0100	/* after a crash: WAL past the checkpoint may decide otherwise */
#define XACT_F_NO_CONTROL	0x0200	/* pg_control unreadable: no range checks, no crash test */

struct xact_status {
	uint32_t	xid;			/* as asked */
	uint64_t	fxid;			/* FullTransactionId: epoch << 32 | xid */
	enum clog_status bits;		/* pg_xact's two bits of xid (CLOG_UNKNOWN: not read) */
	uint32_t	top;			/* the XID whose bits decided: xid, or its top-level parent */
	enum xact_word raw;			/* the logs as on disk */
	enum xact_word recovered;	/* once recovery ran: what visibility should use */
	unsigned	flags;			/* XACT_F_* */
};

/* "committed", "aborted", "in progress"; "none", "unknown" for the others. */
const char *xact_word_name(enum xact_word w);

/* pg_xact_status()'s answer: the recovered word, NULL for no xid, too old,
 * in the future (where PostgreSQL raises an error) and unknown. */
const char *xact_sql(const struct xact_status *st);

struct xact;

struct xact *xact_open(const char *pgdata);
/*
 * The logs of the data directory a pg_xact directory belongs to: NULL when
 * dir's last component is not "pg_xact" (a copy of it alone) or when
 * there is no global/pg_control beside it.
 */
struct xact *xact_open_beside(const char *pg_xact_dir);
void		xact_close(struct xact *x);

/*
 * Use c instead of PGDATA/global/pg_control (a caller that decoded it
 * already, or a test); copied.  Before the first lookup.
 */
void		xact_set_control(struct xact *x, const struct pg_control *c);

/* pg_control as the handle reads it; NULL when it could not be read. */
const struct pg_control *xact_control(struct xact *x, struct diags *ds);

/* true when pg_control says the cluster did not shut down cleanly */
bool		xact_crashed(struct xact *x, struct diags *ds);

/* A 32-bit XID (a tuple's xmin or xmax), widened against nextXid's epoch
 * as widen_snapshot_xid() does. */
void		xact_lookup(struct xact *x, uint32_t xid, struct xact_status *st,
						struct diags *ds);

/* An xid8 / FullTransactionId, judged as TransactionIdInRecentPast(). */
void		xact_lookup_full(struct xact *x, uint64_t fxid,
							 struct xact_status *st, struct diags *ds);

/*
 * The top-level transaction of xid by pg_subtrans, whatever its pg_xact
 * status (a subtransaction still running at a crash, or aborted, has its
 * parent there too): xid itself when pg_subtrans names no parent or
 * cannot be read.  A parent must precede its child; chains are bounded.
 */
uint32_t	xact_top(struct xact *x, uint32_t xid);

/*
 * Members of a multixact (a tuple's xmax with HEAP_XMAX_IS_MULTI), bounded
 * by pg_control's nextMulti, nextMultiOffset and oldestMulti; see
 * cluster/multixact.h for out, max, n and the findings.  Each member's
 * status is then xact_lookup() of its xid; mxact_updater() names the
 * updater.
 */
enum mxact_result xact_multi(struct xact *x, uint32_t multi,
							 struct mxact_member *out, size_t max, size_t *n,
							 struct diags *ds);

#endif
