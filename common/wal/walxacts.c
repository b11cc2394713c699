/*
 * walxacts: transactions summarised from their records (xact.c's commit,
 * abort, prepare and assignment records, and the heap records' rows).
 */
#include <stdlib.h>
#include <string.h>

#include "io/bytes.h"
#include "rmgrdesc/rmgrdesc.h"
#include "wal/walreader.h"
#include "wal/walxacts.h"

#define XLOG_XACT_COMMIT 0x00
#define XLOG_XACT_PREPARE 0x10
#define XLOG_XACT_ABORT 0x20
#define XLOG_XACT_COMMIT_PREPARED 0x30
#define XLOG_XACT_ABORT_PREPARED 0x40
#define XLOG_XACT_ASSIGNMENT 0x50

struct walxacts {
	int			major;
	struct walxact *x;			/* every xid seen, subtransactions included */
	size_t		n,
				cap;
	int32_t    *slot;			/* open addressing: index into x, -1 empty */
	size_t		nslots;
	size_t		dropped;
	const struct walxact **top;	/* walxacts_count()'s list */
	size_t		ntop;
};

struct walxacts *
walxacts_create(int major)
{
	struct walxacts *x = calloc(1, sizeof(*x));

	if (x == NULL)
		return NULL;
	x->major = major;
	x->nslots = 1024;
	if ((x->slot = malloc(x->nslots * sizeof(*x->slot))) == NULL)
	{
		free(x);
		return NULL;
	}
	memset(x->slot, 0xFF, x->nslots * sizeof(*x->slot));
	return x;
}

void
walxacts_free(struct walxacts *x)
{
	if (x == NULL)
		return;
	for (size_t i = 0; i < x->n; i++)
	{
		free(x->x[i].subxacts);
		free(x->x[i].rels);
	}
	free(x->x);
	free(x->slot);
	free(x->top);
	free(x);
}

static size_t
slot_of(const struct walxacts *x, uint32_t xid)
{
	size_t		i = (size_t) (xid * 2654435761u) & (x->nslots - 1);

	while (x->slot[i] >= 0 && x->x[x->slot[i]].xid != xid)
		i = (i + 1) & (x->nslots - 1);
	return i;
}

static int
rehash(struct walxacts *x)
{
	size_t		want = x->nslots * 2;
	int32_t    *s = malloc(want * sizeof(*s));

	if (s == NULL)
		return -1;
	free(x->slot);
	x->slot = s;
	x->nslots = want;
	memset(s, 0xFF, want * sizeof(*s));
	for (size_t i = 0; i < x->n; i++)
		s[slot_of(x, x->x[i].xid)] = (int32_t) i;
	return 0;
}

/* xid's own entry (made if new at lsn), or NULL when full. */
static struct walxact *
entry(struct walxacts *x, uint32_t xid, uint64_t lsn)
{
	size_t		s = slot_of(x, xid);
	struct walxact *e;

	if (x->slot[s] >= 0)
		return &x->x[x->slot[s]];
	if (x->n >= WALXACTS_MAX)
	{
		x->dropped++;
		return NULL;
	}
	if (x->n == x->cap)
	{
		size_t		want = x->cap ? x->cap * 2 : 256;
		struct walxact *p = realloc(x->x, want * sizeof(*p));

		if (p == NULL)
			return NULL;
		x->x = p;
		x->cap = want;
	}
	if ((x->n + 1) * 2 > x->nslots)
	{
		if (rehash(x) != 0)
			return NULL;
		s = slot_of(x, xid);
	}
	e = &x->x[x->n];
	memset(e, 0, sizeof(*e));
	e->xid = xid;
	e->first_lsn = lsn;
	x->slot[s] = (int32_t) x->n++;
	return e;
}

/* The entry whose counts xid's records go to: its top-level's. */
static struct walxact *
top_of(struct walxacts *x, uint32_t xid, uint64_t lsn)
{
	struct walxact *e = entry(x, xid, lsn);
	int			hops = 0;

	while (e != NULL && e->parent != 0 && hops++ < 64)
		e = entry(x, e->parent, lsn);
	return e;
}

static struct walxact_rel *
rel_of(struct walxact *e, uint32_t spc, uint32_t db, uint32_t rel)
{
	struct walxact_rel *p;

	for (int i = 0; i < e->nrels; i++)
		if (e->rels[i].relnumber == rel && e->rels[i].dboid == db && e->rels[i].spcoid == spc)
			return &e->rels[i];
	if ((e->nrels & (e->nrels - 1)) == 0)
	{
		p = realloc(e->rels, (size_t) (e->nrels ? e->nrels * 2 : 1) * sizeof(*p));
		if (p == NULL)
			return NULL;
		e->rels = p;
	}
	p = &e->rels[e->nrels++];
	memset(p, 0, sizeof(*p));
	p->spcoid = spc;
	p->dboid = db;
	p->relnumber = rel;
	return p;
}

/* sub's counts go to top from now on (indexes, not pointers: entry() moves x) */
static void
fold(struct walxacts *x, uint32_t sub, uint32_t top, uint64_t lsn)
{
	struct walxact *s,
			   *t;
	size_t		si,
				ti;

	if (sub == top || sub == 0 || entry(x, top, lsn) == NULL || (s = entry(x, sub, lsn)) == NULL)
		return;
	if (s->parent != 0)
		return;
	si = (size_t) (s - x->x);
	ti = (size_t) (entry(x, top, lsn) - x->x);
	s = &x->x[si];
	t = &x->x[ti];
	s->parent = top;
	t->records += s->records;
	t->bytes += s->bytes;
	if (s->records > 0 && s->first_lsn < t->first_lsn)
		t->first_lsn = s->first_lsn;
	for (int i = 0; i < s->nrels; i++)
	{
		struct walxact_rel *r = rel_of(t, s->rels[i].spcoid, s->rels[i].dboid,
									   s->rels[i].relnumber);

		if (r != NULL)
		{
			r->inserted += s->rels[i].inserted;
			r->updated += s->rels[i].updated;
			r->deleted += s->rels[i].deleted;
		}
	}
	s->records = s->bytes = 0;
	s->nrels = 0;
	/* a subxact listed for top: kept in top's list if not there yet */
	for (int i = 0; i < t->nsubxacts; i++)
		if (t->subxacts[i] == sub)
			return;
	if ((t->nsubxacts & (t->nsubxacts - 1)) == 0)
	{
		uint32_t   *p = realloc(t->subxacts, (size_t) (t->nsubxacts ? t->nsubxacts * 2 : 1) * sizeof(*p));

		if (p == NULL)
			return;
		t->subxacts = p;
	}
	t->subxacts[t->nsubxacts++] = sub;
}

static void
xact_record(struct walxacts *x, const struct walrec *r)
{
	struct xact_summary xs;
	struct walxact *e;
	uint32_t	xid;

	if (!rmgr_xact_summary(x->major, r, &xs))
		return;
	if (xs.kind == XLOG_XACT_ASSIGNMENT)
	{
		for (int32_t i = 0; i < xs.nsubxacts; i++)
			fold(x, rd32(xs.subxacts + 4 * i), xs.twophase_xid, r->lsn);
		return;
	}
	xid = xs.twophase_xid != 0 ? xs.twophase_xid : r->xid;
	if (xid == 0)
		return;
	for (int32_t i = 0; i < xs.nsubxacts; i++)
		fold(x, rd32(xs.subxacts + 4 * i), xid, r->lsn);
	if ((e = entry(x, xid, r->lsn)) == NULL)
		return;
	switch (xs.kind)
	{
		case XLOG_XACT_PREPARE:
			e->state = WXS_PREPARED;
			e->two_phase = true;
			e->prepare_lsn = r->lsn;
			return;
		case XLOG_XACT_COMMIT:
		case XLOG_XACT_COMMIT_PREPARED:
			e->state = WXS_COMMITTED;
			break;
		default:
			e->state = WXS_ABORTED;
			break;
	}
	if (xs.kind == XLOG_XACT_COMMIT_PREPARED || xs.kind == XLOG_XACT_ABORT_PREPARED)
		e->two_phase = true;
	e->end_lsn = r->lsn;
	e->end_time = xs.xact_time;
	e->has_time = true;
}

void
walxacts_add(struct walxacts *x, const struct walrec *r, const struct walheap *h)
{
	struct walxact *e;
	uint32_t	xid = r->xid;

	if (r->rmid == RM_XACT_ID)
	{
		struct xact_summary xs;

		/* a COMMIT PREPARED is written by a session with no xid of its own */
		if (xid == 0 && rmgr_xact_summary(x->major, r, &xs))
			xid = xs.twophase_xid;
	}
	if (xid != 0 && r->toplevel_xid != 0)
		fold(x, xid, r->toplevel_xid, r->lsn);
	if (xid != 0 && (e = top_of(x, xid, r->lsn)) != NULL)
	{
		e->records++;
		e->bytes += r->tot_len;
		if (h != NULL && h->op != WHO_NONE && h->op != WHO_INPLACE && walrec_has_block(r, 0))
		{
			const struct walblock *b = &r->blocks[0];
			struct walxact_rel *rel = rel_of(e, b->spcoid, b->dboid, b->relnumber);

			if (rel != NULL)
			{
				if (h->op == WHO_INSERT)
					rel->inserted++;
				else if (h->op == WHO_MULTI_INSERT)
					rel->inserted += (uint64_t) h->n;
				else if (h->op == WHO_DELETE)
					rel->deleted++;
				else
					rel->updated++;
			}
		}
	}
	if (r->rmid == RM_XACT_ID)
		xact_record(x, r);
}

static int
cmp_first(const void *a, const void *b)
{
	const struct walxact *x = *(const struct walxact *const *) a,
			   *y = *(const struct walxact *const *) b;

	if (x->first_lsn != y->first_lsn)
		return x->first_lsn < y->first_lsn ? -1 : 1;
	return x->xid < y->xid ? -1 : x->xid > y->xid;
}

size_t
walxacts_count(struct walxacts *x)
{
	free(x->top);
	x->ntop = 0;
	if ((x->top = malloc((x->n + 1) * sizeof(*x->top))) == NULL)
		return 0;
	for (size_t i = 0; i < x->n; i++)
		if (x->x[i].parent == 0)
			x->top[x->ntop++] = &x->x[i];
	qsort(x->top, x->ntop, sizeof(*x->top), cmp_first);
	return x->ntop;
}

const struct walxact *
walxacts_get(const struct walxacts *x, size_t i)
{
	return i < x->ntop ? x->top[i] : NULL;
}

size_t
walxacts_dropped(const struct walxacts *x)
{
	return x->dropped;
}

const struct walxact *
walxacts_find(struct walxacts *x, uint32_t xid)
{
	size_t		s = slot_of(x, xid);
	const struct walxact *e;
	int			hops = 0;

	if (x->slot[s] < 0)
		return NULL;
	e = &x->x[x->slot[s]];
	while (e->parent != 0 && hops++ < 64)
	{
		s = slot_of(x, e->parent);
		if (x->slot[s] < 0)
			break;
		e = &x->x[x->slot[s]];
	}
	return e;
}

bool
walxacts_in_window(const struct walxact *t, const struct walxacts_window *w)
{
	return t->state == WXS_COMMITTED && (!w->has_since || t->end_time >= w->since) &&
		(!w->has_until || t->end_time <= w->until);
}

struct walxacts *
walxacts_collect(const struct walsource_info *in, struct walsource *src, struct diags *ds)
{
	struct walreader_config cfg;
	struct walreader *rd;
	struct walrec_raw raw;
	struct walrec *rec = malloc(sizeof(*rec));
	struct walheap *h = malloc(sizeof(*h));
	struct walxacts *x = walxacts_create(in->prof->major);
	enum walreader_result res;

	memset(&cfg, 0, sizeof(cfg));
	cfg.seg_size = in->seg_size;
	cfg.page_size = in->page_size;
	cfg.magic = in->magic;
	cfg.max_rmid = in->prof->wal_max_rmid;
	cfg.custom_rmgrs = in->prof->wal_custom_rmgrs;
	cfg.read_page = walsource_read_page;
	cfg.arg = src;
	rd = walreader_create(&cfg);
	if (rd != NULL && rec != NULL && h != NULL && x != NULL)
	{
		walreader_seek(rd, in->start);
		while ((res = walreader_next(rd, &raw, ds)) != WR_END)
		{
			diags_reset(ds);	/* said in the reading that prints */
			if (res == WR_DAMAGE)
				continue;
			if (in->has_end && raw.end_lsn > in->end)
				break;
			if (walrecord_decode(in->prof, raw.data, raw.len, raw.lsn, rec, ds) != 0)
				continue;
			walheap_decode(rec, h);
			walxacts_add(x, rec, h);
		}
	}
	diags_reset(ds);
	walreader_free(rd);
	free(rec);
	free(h);
	return x;
}

