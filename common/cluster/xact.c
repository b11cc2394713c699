/*
 * Transaction status of a stopped cluster from pg_xact, pg_subtrans,
 * pg_multixact, pg_twophase and pg_control: the rules of
 * TransactionIdDidCommit() (access/transam/transam.c) and
 * TransactionIdInRecentPast()/pg_xact_status() (utils/adt/xid8funcs.c,
 * txid.c before 13).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cluster/xact.h"
#include "cluster/subtrans.h"
#include "io/input.h"

#define DB_SHUTDOWNED		1		/* DBState: a clean shutdown */

/*
 * Nested savepoints make chains of sub-committed parents; each parent
 * precedes its child, so a chain ends, but a hostile pg_subtrans could make
 * it 2^31 long.  No real nesting comes near this.
 */
#define XACT_MAX_DEPTH		4096

struct xact {
	char	   *pgdata;
	struct clog *clog;			/* pg_xact */
	struct subtrans *sub;		/* pg_subtrans */
	struct multixact *mx;		/* pg_multixact */
	struct pg_control pc;		/* global/pg_control, once read */
	int			control;		/* 0 not read yet, 1 read, -1 unreadable */
	bool		control_said;	/* its findings went to a caller once */
	struct diags *control_ds;	/* pg_control's findings, until said */
	uint32_t	tp_xid;			/* last pg_twophase question ... */
	bool		tp_valid;
	bool		tp_prepared;	/* ... and its answer */
};

const char *
xact_word_name(enum xact_word w)
{
	static const char *const names[] = {
		"none", "committed", "aborted", "in progress", "unknown"
	};

	return (unsigned) w < 5 ? names[w] : "unknown";
}

const char *
xact_sql(const struct xact_status *st)
{
	if (st->flags & (XACT_F_TOO_OLD | XACT_F_FUTURE))
		return NULL;
	if (st->recovered == XACT_NONE || st->recovered == XACT_UNKNOWN)
		return NULL;
	return xact_word_name(st->recovered);
}

static char *
path_in(const char *pgdata, const char *rel)
{
	size_t		n = strlen(pgdata) + strlen(rel) + 2;
	char	   *p = malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s/%s", pgdata, rel);
	return p;
}

struct xact *
xact_open(const char *pgdata)
{
	struct xact *x = calloc(1, sizeof(*x));
	char	   *p;

	if (x == NULL || (x->pgdata = strdup(pgdata)) == NULL)
		goto fail;
	if ((p = path_in(pgdata, "pg_xact")) == NULL)
		goto fail;
	x->clog = clog_open(p);
	free(p);
	if ((p = path_in(pgdata, "pg_subtrans")) == NULL)
		goto fail;
	x->sub = subtrans_open(p);
	free(p);
	if ((p = path_in(pgdata, "pg_multixact")) == NULL)
		goto fail;
	x->mx = multixact_open(p);
	free(p);
	if (x->clog == NULL || x->sub == NULL || x->mx == NULL)
		goto fail;
	return x;
fail:
	xact_close(x);
	return NULL;
}

struct xact *
xact_open_beside(const char *dir)
{
	size_t		n = strlen(dir);
	char	   *pgdata,
			   *p;
	struct xact *x = NULL;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n < 7 || strncmp(dir + n - 7, "pg_xact", 7) != 0 ||
		(n > 7 && dir[n - 8] != '/'))
		return NULL;
	if ((pgdata = strndup(dir, n > 7 ? n - 8 : 0)) == NULL)
		return NULL;
	if (pgdata[0] == '\0')
	{
		free(pgdata);
		if ((pgdata = strdup(".")) == NULL)
			return NULL;
	}
	if ((p = path_in(pgdata, "global/pg_control")) != NULL && access(p, R_OK) == 0)
		x = xact_open(pgdata);
	free(p);
	free(pgdata);
	return x;
}

void
xact_close(struct xact *x)
{
	if (x == NULL)
		return;
	clog_close(x->clog);
	subtrans_close(x->sub);
	multixact_close(x->mx);
	free(x->control_ds);
	free(x->pgdata);
	free(x);
}

void
xact_set_control(struct xact *x, const struct pg_control *c)
{
	x->pc = *c;
	x->control = 1;
	x->control_said = true;
}

static void
read_control(struct xact *x)
{
	char	   *p = path_in(x->pgdata, "global/pg_control");
	uint8_t    *buf = NULL;
	size_t		len = 0;

	x->control = -1;
	x->control_ds = malloc(sizeof(*x->control_ds));
	if (x->control_ds == NULL || p == NULL)
	{
		free(p);
		return;
	}
	diags_reset(x->control_ds);
	buf = input_slurp(p, 16384, &len, x->control_ds);
	free(p);
	if (buf == NULL)
	{
		diags_reset(x->control_ds);
		diag_add(x->control_ds, D_FILE_MISSING,
				 "global/pg_control: transaction status without the next and oldest XIDs");
		return;
	}
	if (control_decode(buf, len, &x->pc, x->control_ds) == 0)
		x->control = 1;
	free(buf);
}

const struct pg_control *
xact_control(struct xact *x, struct diags *ds)
{
	if (x->control == 0)
		read_control(x);
	if (!x->control_said && ds != NULL)
	{
		x->control_said = true;
		for (int i = 0; x->control_ds != NULL && i < x->control_ds->n; i++)
			diag_add(ds, x->control_ds->d[i].code, "global/pg_control: %s",
					 x->control_ds->d[i].detail);
	}
	return x->control == 1 ? &x->pc : NULL;
}

bool
xact_crashed(struct xact *x, struct diags *ds)
{
	const struct pg_control *c = xact_control(x, ds);

	return c != NULL && c->state != DB_SHUTDOWNED;
}

/* TransactionIdPrecedes for normal XIDs: modulo-2^32 order. */
static bool
xid_precedes(uint32_t a, uint32_t b)
{
	return (int32_t) (a - b) < 0;
}

/* A prepared transaction keeps a pg_twophase file: %08X before 17.3/18,
 * epoch and xid (%08X%08X) after. */
static bool
prepared(struct xact *x, uint32_t xid, uint32_t epoch)
{
	char		rel[64];
	char	   *p;

	if (x->tp_valid && x->tp_xid == xid)
		return x->tp_prepared;
	x->tp_valid = true;
	x->tp_xid = xid;
	x->tp_prepared = false;
	snprintf(rel, sizeof(rel), "pg_twophase/%08X", (unsigned) xid);
	if ((p = path_in(x->pgdata, rel)) != NULL)
	{
		x->tp_prepared = access(p, F_OK) == 0;
		free(p);
	}
	snprintf(rel, sizeof(rel), "pg_twophase/%08X%08X", (unsigned) epoch, (unsigned) xid);
	if (!x->tp_prepared && (p = path_in(x->pgdata, rel)) != NULL)
	{
		x->tp_prepared = access(p, F_OK) == 0;
		free(p);
	}
	return x->tp_prepared;
}

/* The status of st->top from its bits, once no parent is left to follow. */
static void
from_bits(struct xact *x, struct xact_status *st, enum clog_status s,
		  bool crashed, struct diags *ds)
{
	switch (s)
	{
		case CLOG_COMMITTED:
			st->raw = st->recovered = XACT_COMMITTED;
			return;
		case CLOG_ABORTED:
			st->raw = st->recovered = XACT_ABORTED;
			return;
		case CLOG_IN_PROGRESS:
			st->raw = XACT_IN_PROGRESS;
			if (prepared(x, st->top, (uint32_t) (st->fxid >> 32)))
			{
				st->recovered = XACT_IN_PROGRESS;
				st->flags |= XACT_F_PREPARED;
			}
			else
			{
				st->recovered = XACT_ABORTED;
				st->flags |= XACT_F_NEVER_ENDED;
			}
			if (crashed)
				st->flags |= XACT_F_WAL;
			return;
		default:
			break;
	}
	st->raw = XACT_UNKNOWN;
	if (st->flags & XACT_F_TOO_OLD)
	{
		/* truncated away, as it may be: VACUUM saw to its tuples */
		st->recovered = XACT_COMMITTED;
		st->flags |= XACT_F_ASSUMED;
	}
	else if (crashed && (st->flags & XACT_F_FUTURE))
	{
		/* a page made after the checkpoint, not yet written: WAL knows */
		st->recovered = XACT_ABORTED;
		st->flags |= XACT_F_ASSUMED | XACT_F_WAL;
	}
	else
	{
		st->recovered = XACT_UNKNOWN;
		/* in the future of a clean shutdown: D_XACT_FUTURE said it */
		if (st->flags & XACT_F_FUTURE)
			return;
		if (ds != NULL && clog_first_report(x->clog, st->top))
			diag_add(ds, D_XACT_UNKNOWN, "pg_xact/%04X %s: status of xid %u unknown",
					 (unsigned) clog_segment_of(st->top),
					 clog_missing(x->clog, st->top) ? "missing" : "too short",
					 (unsigned) st->top);
	}
}

/* TransactionIdDidCommit's walk up pg_subtrans from a sub-committed xid. */
static void
resolve(struct xact *x, struct xact_status *st, bool crashed, struct diags *ds)
{
	enum clog_status s = clog_status(x->clog, st->xid);
	uint32_t	cur = st->xid;

	st->bits = s;
	for (int depth = 0; s == CLOG_SUB_COMMITTED; depth++)
	{
		uint32_t	parent;
		enum subtrans_result r = subtrans_parent(x->sub, cur, &parent);

		st->flags |= XACT_F_SUBTRANS;
		if (r == SUBTRANS_NONE)
		{
			/* DidCommit: "no pg_subtrans entry for subcommitted XID": not committed */
			st->flags |= XACT_F_NO_PARENT | XACT_F_ASSUMED;
			st->raw = XACT_UNKNOWN;
			st->recovered = XACT_ABORTED;
			return;
		}
		if (r == SUBTRANS_UNKNOWN)
		{
			st->flags |= XACT_F_NO_PARENT;
			st->raw = st->recovered = XACT_UNKNOWN;
			if (ds == NULL || !subtrans_first_report(x->sub, cur))
				return;
			if (subtrans_dir_absent(x->sub))
				diag_add(ds, D_NOT_IN_COPY, "pg_subtrans: parent of sub-committed xid %u unknown",
						 (unsigned) cur);
			else
				diag_add(ds, D_XACT_UNKNOWN, "pg_subtrans/%04X %s: parent of sub-committed xid %u unknown",
						 (unsigned) subtrans_segment_of(cur),
						 subtrans_missing(x->sub, cur) ? "missing" : "too short",
						 (unsigned) cur);
			return;
		}
		if (!xid_precedes(parent, cur) || parent < 3 || depth >= XACT_MAX_DEPTH)
		{
			st->flags |= XACT_F_NO_PARENT;
			st->raw = st->recovered = XACT_UNKNOWN;
			if (ds != NULL)
				diag_add(ds, D_SUBTRANS_PARENT, "xid %u: parent %u %s", (unsigned) cur,
						 (unsigned) parent, depth >= XACT_MAX_DEPTH ?
						 "ends no chain of sub-committed parents" : "does not precede it");
			return;
		}
		cur = parent;
		st->top = cur;
		s = clog_status(x->clog, cur);
	}
	from_bits(x, st, s, crashed, ds);
}

void
xact_lookup_full(struct xact *x, uint64_t fxid, struct xact_status *st,
				 struct diags *ds)
{
	const struct pg_control *c;
	uint32_t	xid = (uint32_t) fxid;
	uint32_t	epoch = (uint32_t) (fxid >> 32);
	bool		crashed = false;

	memset(st, 0, sizeof(*st));
	st->xid = st->top = xid;
	st->fxid = fxid;
	st->bits = CLOG_UNKNOWN;
	if (xid < 3)
	{
		/* special XIDs: no epoch, no pg_xact bits (they are 0 on disk) */
		st->flags = XACT_F_SPECIAL;
		st->fxid = xid;
		st->raw = st->recovered = xid == 0 ? XACT_NONE : XACT_COMMITTED;
		if (xid != 0)
			st->bits = CLOG_COMMITTED;
		return;
	}
	c = xact_control(x, ds);
	if (c == NULL)
		st->flags |= XACT_F_NO_CONTROL;
	else
	{
		uint64_t	next = (uint64_t) c->next_xid_epoch << 32 | c->next_xid;

		crashed = c->state != DB_SHUTDOWNED;
		if (fxid >= next)
		{
			st->flags |= XACT_F_FUTURE;
			if (!crashed && ds != NULL)
				diag_add(ds, D_XACT_FUTURE, "xid %u:%u at or past the next xid %u:%u of a cluster shut down cleanly",
						 (unsigned) epoch, (unsigned) xid,
						 (unsigned) c->next_xid_epoch, (unsigned) c->next_xid);
		}
		else if ((uint64_t) epoch + 1 < c->next_xid_epoch ||
				 ((uint64_t) epoch + 1 == c->next_xid_epoch && xid < c->next_xid) ||
				 xid_precedes(xid, c->oldest_xid))
			st->flags |= XACT_F_TOO_OLD;
	}
	resolve(x, st, crashed, ds);
}

void
xact_lookup(struct xact *x, uint32_t xid, struct xact_status *st,
			struct diags *ds)
{
	const struct pg_control *c = xid < 3 ? NULL : xact_control(x, ds);
	uint64_t	epoch = 0;

	/* widen_snapshot_xid: above the next xid means the epoch before */
	if (c != NULL)
	{
		epoch = c->next_xid_epoch;
		if (xid > c->next_xid && epoch > 0)
			epoch--;
	}
	xact_lookup_full(x, epoch << 32 | xid, st, ds);
}

uint32_t
xact_top(struct xact *x, uint32_t xid)
{
	uint32_t	cur = xid,
				parent;

	for (int depth = 0; cur >= 3 && depth < XACT_MAX_DEPTH; depth++)
	{
		if (subtrans_parent(x->sub, cur, &parent) != SUBTRANS_PARENT ||
			parent < 3 || !xid_precedes(parent, cur))
			break;
		cur = parent;
	}
	return cur;
}

enum mxact_result
xact_multi(struct xact *x, uint32_t multi, struct mxact_member *out,
		   size_t max, size_t *n, struct diags *ds)
{
	const struct pg_control *c = xact_control(x, ds);
	struct mxact_limits lim;

	if (c == NULL)
		return multixact_members(x->mx, NULL, multi, out, max, n, ds);
	lim.next_multi = c->next_multi;
	lim.next_offset = c->next_multi_offset;
	lim.oldest_multi = c->oldest_multi;
	return multixact_members(x->mx, &lim, multi, out, max, n, ds);
}
