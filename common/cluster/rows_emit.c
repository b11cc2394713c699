/*
 * A relation's rows chosen by their state in the transaction logs, as
 * records, COPY text, CSV or JSON Lines: pgpage -D --relation's row modes
 * (the offline pg_dirtyread, and COPY TO of a cluster that cannot start).
 */
#include <stdlib.h>
#include <string.h>

#include "cluster/rows_emit.h"
#include "cluster/rowstate.h"
#include "cluster/rowstate_emit.h"
#include "heap/heapchain.h"
#include "heap/heappage.h"
#include "io/relpath.h"
#include "io/segreader.h"
#include "out/cli.h"
#include "out/cli_version.h"
#include "page/page.h"
#include "types/copyout.h"
#include "types/datum_emit.h"

/* Tuples kept for --all-versions' chains: 24 bytes each, 384 MiB at most. */
#define ROWS_MAX_CHAIN_REFS (16u * 1024 * 1024)

struct rows_run {
	struct emit *e;
	struct xact *x;
	const struct catalog_relation *rel;
	const struct rows_request *rq;
	struct type_opts topts;
	struct value_scratch vs;
	struct strbuf line;			/* COPY/CSV: one row */
	struct segreader *sr;
	long		rows;
};

/* The segment file holding blkno, for diagnostics. */
static const char *
file_of(const struct rows_run *r, uint32_t blkno)
{
	int			i = (int) (blkno / RELSEG_SIZE);

	return i < r->rel->nfiles ? r->rel->files[i] : r->rel->files[r->rel->nfiles - 1];
}

static bool
selected(const struct rows_run *r, const struct heap_tuple *t, const struct rowstate *rs)
{
	switch (r->rq->select)
	{
		case ROWS_VISIBLE:
			return rs->v.visible;
		case ROWS_DELETED:
			return rs->v.inserted && rs->v.deleted;
		case ROWS_ABORTED:
			return rs->v.aborted;
		case ROWS_ALL:
			return true;
		case ROWS_XID:
			return rowstate_did(r->x, rs, t, r->rq->xid) != 0;
	}
	return false;
}

/* The values cut out of t; false (with findings) if they cannot be. */
static bool
deform(struct rows_run *r, const struct heap_tuple *t, uint32_t blkno, uint16_t lp,
	   struct diags *ds)
{
	const struct tupdesc *td = r->rel->td;
	int			first = ds->n,
				i;

	if (r->vs.nvals < td->natts)
	{
		struct attr_value *nv = realloc(r->vs.vals, (size_t) td->natts * sizeof(*nv));

		if (nv == NULL)
		{
			diag_add(ds, D_VALUE_LIMIT, "out of memory for %d values", td->natts);
			return false;
		}
		r->vs.vals = nv;
		r->vs.nvals = td->natts;
	}
	heap_deform(td, t, r->vs.vals, ds);
	for (i = first; i < ds->n; i++)
	{
		ds->d[i].blkno = blkno;
		ds->d[i].has_blkno = 1;
		ds->d[i].item = lp;
	}
	return true;
}

/* --format=copy|csv: one line of COPY TO's output. */
static void
copy_row(struct rows_run *r, const struct heap_tuple *t, uint32_t blkno, uint16_t lp,
		 struct diags *ds)
{
	const struct tupdesc *td = r->rel->td;
	enum copyout_format f = r->rq->format == ROWS_CSV ? COPYOUT_CSV : COPYOUT_TEXT;
	int			i,
				k = 0,
				ncols = 0,
				first = ds->n;

	if (!deform(r, t, blkno, lp, ds))
		return;
	for (i = 0; i < td->natts; i++)
		ncols += !td->cols[i].dropped;
	sb_reset(&r->line);
	for (i = 0; i < td->natts; i++)
	{
		const struct tupcol *c = &td->cols[i];
		enum datum_result dr;

		if (c->dropped)
			continue;
		sb_reset(&r->vs.sb);
		dr = datum_to_text(c, &r->vs.vals[i], r->rel->toast, &r->topts, &r->vs.sb, ds);
		/* a value that cannot be read is written as NULL: a finding says so */
		copyout_field(&r->line, f, k++, dr == DATUM_OK ? sb_str(&r->vs.sb) : NULL,
					  r->vs.sb.len, ncols);
	}
	copyout_end(&r->line);
	for (i = first; i < ds->n; i++)
	{
		ds->d[i].blkno = blkno;
		ds->d[i].has_blkno = 1;
		ds->d[i].item = lp;
	}
	if (!r->line.oom)
		emit_raw(r->e, sb_str(&r->line), r->line.len);
}

static void
csv_header(struct rows_run *r)
{
	const struct tupdesc *td = r->rel->td;
	int			i,
				k = 0,
				ncols = 0;

	for (i = 0; i < td->natts; i++)
		ncols += !td->cols[i].dropped;
	sb_reset(&r->line);
	for (i = 0; i < td->natts; i++)
		if (!td->cols[i].dropped)
			copyout_field(&r->line, COPYOUT_CSV, k++, td->cols[i].name,
						  strlen(td->cols[i].name), ncols);
	copyout_end(&r->line);
	if (!r->line.oom)
		emit_raw(r->e, sb_str(&r->line), r->line.len);
}

static void
emit_ctid(struct emit *e, const char *key, uint32_t blkno, uint16_t lp)
{
	char		buf[32];

	snprintf(buf, sizeof(buf), "(%u,%u)", (unsigned) blkno, (unsigned) lp);
	emit_str(e, key, buf, 0);
}

static void
emit_actions(struct emit *e, unsigned did)
{
	static const char *const names[] = {"inserted", "deleted", "updated", "locked"};
	int			i;

	emit_arr_begin(e, "actions", 0);
	for (i = 0; i < 4; i++)
		if (did & (1u << i))
			emit_str(e, NULL, names[i], 0);
	emit_arr_end(e);
}

/* One row as a record (or a JSON Lines {"ctid", "values"} for --format=rows). */
static void
record_row(struct rows_run *r, const struct heap_tuple *t, const struct rowstate *rs,
		   uint32_t blkno, uint16_t lp, const struct heapchain_pos *cp,
		   const struct heapchain_ref *root, struct diags *ds)
{
	struct emit *e = r->e;

	emit_begin(e);
	if (r->rq->format == ROWS_JSONL)
	{
		emit_ctid(e, "ctid", blkno, lp);
		if (r->rel->td != NULL)
			datum_emit_values(e, r->rel->td, t, r->rel->toast, &r->topts, &r->vs,
							  blkno, lp, ds);
		emit_end(e);
		return;
	}
	emit_str(e, "file", file_of(r, blkno), EF_NOTEXT);
	if (r->rel->nspname[0] != '\0')
		emit_str(e, "nspname", r->rel->nspname, EF_NOTEXT);
	if (r->rel->relname[0] != '\0')
		emit_str(e, "relname", r->rel->relname, EF_NOTEXT);
	emit_ctid(e, "ctid", blkno, lp);
	emit_uint(e, "xmin", t->xmin, 0);
	emit_uint(e, "xmax", t->xmax, 0);
	rowstate_emit(e, rs);
	if (rs->v.xmax_kind != HVX_NONE)
		emit_str(e, "kind", heapvis_xmax_kind_name(rs->v.xmax_kind), 0);
	if (rs->v.xmax_kind == HVX_UPDATE)
		emit_ctid(e, "new_ctid", t->ctid_block, t->ctid_offset);
	if (cp != NULL)
	{
		emit_ctid(e, "chain", root->blkno, root->lp);
		emit_uint(e, "version", cp->version, 0);
	}
	if (r->rq->select == ROWS_XID)
		emit_actions(e, rowstate_did(r->x, rs, t, r->rq->xid));
	if (r->rel->td != NULL)
		datum_emit_values(e, r->rel->td, t, r->rel->toast, &r->topts, &r->vs,
						  blkno, lp, ds);
	emit_end(e);
}

static void
out_row(struct rows_run *r, const struct heap_tuple *t, const struct rowstate *rs,
		uint32_t blkno, uint16_t lp, const struct heapchain_pos *cp,
		const struct heapchain_ref *root, struct diags *ds)
{
	r->rows++;
	if (r->rq->format == ROWS_COPY || r->rq->format == ROWS_CSV)
	{
		if (r->rel->td != NULL)
			copy_row(r, t, blkno, lp, ds);
		return;
	}
	record_row(r, t, rs, blkno, lp, cp, root, ds);
}

/* The page of blkno if it is a heap page to read; findings in ds. */
static const uint8_t *
heap_page(struct rows_run *r, uint32_t blkno, struct page_header *h, struct diags *ds)
{
	const uint8_t *page = segreader_get(r->sr, blkno, ds);

	if (page == NULL)
		return NULL;
	page_header_decode(page, h);
	if (page_is_new(h))
		return NULL;
	if (!page_check(h, blkno, ds))
		return NULL;
	heappage_check_lps(page, h, blkno, ds);
	return page;
}

static bool
readable(const struct heap_item *it)
{
	return it->id.flags == LP_NORMAL && it->has_tuple && it->t.status >= HT_BAD_BITMAP;
}

/* Every selection but --all-versions: one pass in ctid order. */
static void
scan(struct rows_run *r, uint32_t nblocks)
{
	uint32_t	blkno;

	for (blkno = 0; blkno < nblocks; blkno++)
	{
		struct diags ds;
		struct page_header h;
		const uint8_t *page;
		unsigned	i,
					n;

		diags_reset(&ds);
		if ((page = heap_page(r, blkno, &h, &ds)) != NULL)
		{
			n = page_item_count(&h);
			for (i = 1; i <= n; i++)
			{
				struct heap_item it;
				struct rowstate rs;

				heappage_item(page, i, &it);
				if (!readable(&it))
					continue;
				rowstate_judge(r->x, &it.t, blkno, (uint16_t) i, &rs, &ds);
				if (selected(r, &it.t, &rs))
					out_row(r, &it.t, &rs, blkno, (uint16_t) i, NULL, NULL, &ds);
			}
		}
		cli_report(r->e, file_of(r, blkno), &ds);
	}
}

/* Pass one of --all-versions: every tuple's place in its update chain. */
static struct heapchain_ref *
collect(struct rows_run *r, uint32_t nblocks, size_t *count)
{
	struct heapchain_ref *refs = NULL;
	size_t		n = 0,
				cap = 0;
	uint32_t	blkno;

	for (blkno = 0; blkno < nblocks; blkno++)
	{
		struct diags ds;
		struct page_header h;
		const uint8_t *page;
		unsigned	i,
					m;

		diags_reset(&ds);
		if ((page = heap_page(r, blkno, &h, &ds)) != NULL)
		{
			m = page_item_count(&h);
			for (i = 1; i <= m; i++)
			{
				struct heap_item it;
				struct rowstate rs;
				struct heapchain_ref *ref;

				heappage_item(page, i, &it);
				if (!readable(&it))
					continue;
				rowstate_judge(r->x, &it.t, blkno, (uint16_t) i, &rs, &ds);
				if (n == cap)
				{
					size_t		nc = cap ? cap * 2 : 1024;
					struct heapchain_ref *nr;

					if (nc > ROWS_MAX_CHAIN_REFS ||
						(nr = realloc(refs, nc * sizeof(*nr))) == NULL)
					{
						diag_add(&ds, D_VALUE_LIMIT, "more than %zu tuples: --all-versions prints no further",
								 cap);
						cli_report(r->e, file_of(r, blkno), &ds);
						*count = n;
						return refs;
					}
					refs = nr;
					cap = nc;
				}
				ref = &refs[n++];
				ref->blkno = blkno;
				ref->lp = (uint16_t) i;
				ref->xmin = it.t.xmin;
				ref->upd_xid = rs.v.xmax_kind == HVX_UPDATE ? rs.xmax.xid : 0;
				ref->next_blkno = it.t.ctid_block;
				ref->next_lp = it.t.ctid_offset;
			}
		}
		cli_report(r->e, file_of(r, blkno), &ds);
	}
	*count = n;
	return refs;
}

/* --all-versions: each row's versions in update order. */
static void
scan_chains(struct rows_run *r, uint32_t nblocks)
{
	size_t		n = 0,
				k;
	struct heapchain_ref *refs = collect(r, nblocks, &n);
	struct heapchain_pos *pos = malloc((n ? n : 1) * sizeof(*pos));

	if (pos == NULL || heapchain_order(refs, n, pos) != 0)
	{
		fprintf(stderr, "%s: out of memory for %zu tuples\n", cli_prog(), n);
		cli_raise(EXIT_TROUBLE);
		free(pos);
		free(refs);
		return;
	}
	for (k = 0; k < n; k++)
	{
		const struct heapchain_ref *ref = &refs[pos[k].ref];
		struct diags ds,
					quiet;
		struct page_header h;
		const uint8_t *page;
		struct heap_item it;
		struct rowstate rs;

		diags_reset(&ds);
		diags_reset(&quiet);
		/* pass one said what is wrong with the pages and the logs */
		if ((page = heap_page(r, ref->blkno, &h, &quiet)) == NULL)
			continue;
		heappage_item(page, ref->lp, &it);
		rowstate_judge(r->x, &it.t, ref->blkno, ref->lp, &rs, &quiet);
		out_row(r, &it.t, &rs, ref->blkno, ref->lp, &pos[k], &refs[pos[k].root], &ds);
		cli_report(r->e, file_of(r, ref->blkno), &ds);
	}
	free(pos);
	free(refs);
}

long
rows_emit(struct emit *e, struct xact *x, const struct catalog_relation *rel,
		  const struct rows_request *rq)
{
	struct rows_run r;
	struct diags ds;
	uint32_t	nblocks = 0;

	if (rel->nfiles == 0)
		return 0;
	memset(&r, 0, sizeof(r));
	r.e = e;
	r.x = x;
	r.rel = rel;
	r.rq = rq;
	r.vs = (struct value_scratch) VALUE_SCRATCH_INIT;
	r.line = (struct strbuf) STRBUF_INIT;
	type_opts_for(cli_profile_for(e, rel->files[0], rq->profile), &r.topts);
	/* COPY prints with the output functions; the records as col::text does */
	if (rq->format == ROWS_COPY || rq->format == ROWS_CSV)
		r.topts.text_cast = false;
	diags_reset(&ds);
	if (segreader_nblocks(rel->files, rel->nfiles, &nblocks, &ds) != 0)
		nblocks = 0;
	cli_report(e, rel->files[0], &ds);
	if ((r.sr = segreader_open(rel->files, rel->nfiles)) == NULL)
	{
		fprintf(stderr, "%s: out of memory\n", cli_prog());
		cli_raise(EXIT_TROUBLE);
		return 0;
	}
	if (rq->format == ROWS_CSV && rel->td != NULL)
		csv_header(&r);
	if (rq->select == ROWS_ALL)
		scan_chains(&r, nblocks);
	else
		scan(&r, nblocks);
	segreader_close(r.sr);
	value_scratch_free(&r.vs);
	sb_free(&r.line);
	return r.rows;
}
