/*
 * pgpage -D: one relation file of the cluster read page by page, as
 * pg_checksums' scan_file() reads it, with pgpage's page checks, and with
 * --check amcheck's offline checks (heap pages, the B-tree walk of
 * bt_index_parent_check, the visibility map against its heap as
 * pg_visibility's pg_check_visible/pg_check_frozen, each FSM page's tree
 * and the FSM's leaves against the heap as pgfsm --check).  Only pages with
 * findings are written: JSON records on e, messages on err.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap/heapcheck.h"
#include "heap/heappage.h"
#include "io/blockreader.h"
#include "maps/mapfork.h"
#include "maps/fsm.h"
#include "maps/fsm_heapcheck.h"
#include "maps/vm.h"
#include "maps/vm_heapcheck.h"
#include "nbtree/btree.h"
#include "nbtree/btree_walk.h"
#include "out/cli.h"
#include "page/checksum.h"
#include "page/page.h"
#include "page/page_emit.h"
#include "pgpage_cluster.h"

void
scan_label(const struct scan_ctx *c, size_t rel, const char *file, char *buf,
		   size_t size)
{
	const struct cn_rel *n = c->names ? &c->names->rels[rel] : NULL;

	if (n != NULL && n->named && n->db_named)
		snprintf(buf, size, "%s (%s %s.%s)", file, n->datname, n->nspname, n->relname);
	else if (n != NULL && n->named)
		snprintf(buf, size, "%s (%s.%s)", file, n->nspname, n->relname);
	else
		snprintf(buf, size, "%s", file);
}

void
scan_emit_names(struct emit *e, const struct scan_ctx *c, size_t rel)
{
	const struct cn_rel *n = c->names ? &c->names->rels[rel] : NULL;
	const struct cw_rel *r = &c->w->rels[rel];
	char		kind[2] = {0, 0};

	if (n != NULL && n->db_named)
		emit_str(e, "datname", n->datname, EF_NOTEXT);
	else
		emit_null(e, "datname", EF_NOTEXT);
	emit_uint(e, "dboid", r->dboid, EF_NOTEXT);
	if (n != NULL && n->named)
	{
		kind[0] = n->relkind;
		emit_str(e, "nspname", n->nspname, EF_NOTEXT);
		emit_str(e, "relname", n->relname, EF_NOTEXT);
		emit_uint(e, "oid", n->oid, EF_NOTEXT);
		emit_str(e, "relkind", kind, EF_NOTEXT);
	}
	else
	{
		emit_null(e, "nspname", EF_NOTEXT);
		emit_null(e, "relname", EF_NOTEXT);
	}
	emit_uint(e, "relfilenode", r->relfilenode, EF_NOTEXT);
	emit_uint(e, "reltablespace", r->spcoid, EF_NOTEXT);
}

void
scan_report(FILE *err, const char *label, struct diags *ds, struct scan_stats *st)
{
	char		buf[1024];
	int			i;

	for (i = 0; i < ds->n; i++)
	{
		diag_format(&ds->d[i], cli_prog(), label, buf, sizeof(buf));
		fprintf(err, "%s\n", buf);
		if (diag_severity_of(ds->d[i].code) == SEV_NOTICE)
			st->notices++;
		else
			st->damage++;
	}
	if (ds->dropped > 0)
	{
		fprintf(err, "%s: %s: %d more findings not shown\n", cli_prog(), label, ds->dropped);
		st->damage += (uint64_t) ds->dropped;
	}
	if ((int) ds->worst > st->worst)
		st->worst = (int) ds->worst;
	diags_reset(ds);
}

/* What one file's reading holds between pages. */
struct fscan {
	struct scan_ctx *c;
	size_t		rel;
	const struct cw_file *f;
	struct emit *e;
	FILE	   *err;
	struct scan_stats *st;
	char		label[512];
	bool		heap;			/* --check: heap pages of a main fork with a map */
	struct mapfork *vm;			/* --check: its _vm fork, or NULL */
	struct mapfork *fsm;		/* --check: its _fsm fork, or NULL */
	uint32_t	fsm_block;		/* the fork block fsm_page is */
	bool		fsm_have;		/* fsm_page is fork block fsm_block */
	bool		fsm_some;		/* and it was there (else all zeros) */
	struct fsm_page fsm_page;	/* decoded */
	uint32_t	vm_block;		/* the map block vm_page is */
	const uint8_t *vm_page;		/* NULL: new, beyond the fork or damaged */
	bool		vm_have;		/* vm_page is map block vm_block */
	struct bt_tree *bt;			/* --check on a B-tree's segment 0 */
	bool		bt_oom;
	bool		zeros_ok;		/* zero pages here are no one's concern */
	uint32_t	zfirst;			/* a held run of all-zero pages */
	uint32_t	zcount;
};

/* JSON: a record for findings that belong to no one page's record. */
static void
emit_findings(struct fscan *s, struct diags *ds)
{
	if (ds->n == 0 || emit_format_of(s->e) != EMIT_JSON)
		return;
	emit_begin(s->e);
	emit_str(s->e, "file", s->f->path, 0);
	emit_str(s->e, "fork", fork_name(s->f->fork), 0);
	emit_uint(s->e, "segno", s->f->segno, 0);
	scan_emit_names(s->e, s->c, s->rel);
	cli_emit_diags(s->e, ds);
	emit_end(s->e);
}

static void
report_file(struct fscan *s, struct diags *ds)
{
	emit_findings(s, ds);
	scan_report(s->err, s->label, ds, s->st);
}

/* A page's findings: its record (JSON), its messages, its counts. */
static void
report_page(struct fscan *s, const uint8_t *page, uint32_t blkno, bool written,
			uint16_t computed, struct diags *ds)
{
	struct page_header h;

	if (ds->n == 0 && ds->dropped == 0)
		return;
	if (ds->worst >= SEV_DAMAGE)
		s->st->damaged_blocks++;
	if (emit_format_of(s->e) == EMIT_JSON)
	{
		page_header_decode(page, &h);
		emit_begin(s->e);
		emit_str(s->e, "file", s->f->path, 0);
		emit_uint(s->e, "blkno", blkno, 0);
		emit_str(s->e, "fork", fork_name(s->f->fork), 0);
		emit_uint(s->e, "segno", s->f->segno, 0);
		scan_emit_names(s->e, s->c, s->rel);
		emit_str(s->e, "kind", page_kind_name(page_kind_of(page, &h, s->f->fork)), 0);
		page_emit_header(s->e, &h);
		page_emit_checksum(s->e, &h, written, computed, !s->c->checksums_off);
		cli_emit_diags(s->e, ds);
		emit_end(s->e);
	}
	scan_report(s->err, s->label, ds, s->st);
}

/* --check: the map bits of heap block blkno against the page. */
static void
vm_check(struct fscan *s, const uint8_t *page, uint32_t blkno, struct diags *ds)
{
	struct diags vds;			/* the map's own page findings: its own file's */
	uint32_t	mb = blkno / VM_HEAPBLOCKS_PER_PAGE;

	if (s->vm == NULL)
		return;
	if (!s->vm_have || mb != s->vm_block)
	{
		diags_reset(&vds);
		s->vm_page = mapfork_page(s->vm, mb, &vds);
		s->vm_block = mb;
		s->vm_have = true;
	}
	if (!s->c->clog_tried)
	{
		char		xact[4096];

		s->c->clog_tried = true;
		snprintf(xact, sizeof(xact), "%s/pg_xact", s->c->w->pgdata);
		s->c->clog = clog_open(xact);
	}
	vm_check_heap_page(page, blkno, vm_get_status(s->vm_page, blkno), s->c->clog, ds);
}

/*
 * --check: the FSM's leaf for heap block blkno against the page (a map
 * that records more room than the page has; a new page counts as empty).
 */
static void
fsm_check(struct fscan *s, const uint8_t *page, uint32_t blkno, struct diags *ds)
{
	struct diags fds;			/* the map's own page findings: its own file's */
	struct fsm_address a;
	uint16_t	slot;
	uint64_t	fb;
	const uint8_t *fp;

	if (s->fsm == NULL)
		return;
	fsm_location(blkno, &a, &slot);
	fb = fsm_logical_to_physical(&a);
	if (fb > UINT32_MAX)
		return;
	if (!s->fsm_have || fb != s->fsm_block)
	{
		diags_reset(&fds);
		fp = mapfork_page(s->fsm, (uint32_t) fb, &fds);
		s->fsm_block = (uint32_t) fb;
		s->fsm_have = true;
		s->fsm_some = fp != NULL;
		if (fp != NULL)
			fsm_page_decode(fp, &s->fsm_page);
	}
	fsm_check_leaf(page, blkno, s->fsm_some ? fsm_leaf(&s->fsm_page, slot) : 0, ds);
}

/* The held run of zero pages: new pages, said once (or each, --strict, amid written). */
static void
flush_zeros(struct fscan *s, bool amid)
{
	static const uint8_t zeros[BLCKSZ];
	struct diags ds;
	uint32_t	i;

	diags_reset(&ds);
	if (amid && s->zcount > 0 && !s->c->strict)
	{
		if (s->zcount == 1)
			diag_add_block(&ds, D_ZERO_PAGES, s->zfirst, "1 page");
		else
			diag_add_block(&ds, D_ZERO_PAGES, s->zfirst, "%u pages, blocks %u to %u",
						   (unsigned) s->zcount, (unsigned) s->zfirst,
						   (unsigned) (s->zfirst + s->zcount - 1));
		report_page(s, zeros, s->zfirst, false, 0, &ds);
	}
	for (i = 0; i < s->zcount; i++)
	{
		if (amid && s->c->strict)
			diag_add_block(&ds, D_ZERO_PAGE, s->zfirst + i, NULL);
		if (s->heap)
		{
			vm_check(s, zeros, s->zfirst + i, &ds);
			fsm_check(s, zeros, s->zfirst + i, &ds);
		}
		if (s->bt && !s->bt_oom)
			s->bt_oom = !bt_tree_add_other(s->bt, s->zfirst + i, BS_NEW);
		report_page(s, zeros, s->zfirst + i, false, 0, &ds);
	}
	s->zcount = 0;
}

/* --check, a B-tree: block 0 starts the tree, each page joins it. */
static void
bt_page(struct fscan *s, const uint8_t *page, const struct page_header *h,
		uint32_t blkno, bool valid, struct diags *ds)
{
	struct bt_opaque op;
	struct bt_meta m;

	if (blkno == 0)
	{
		if (!valid || page_kind_of(page, h, s->f->fork) != PK_BTREE ||
			(s->bt = bt_tree_new()) == NULL)
			return;
		bt_meta_decode(page, &m, ds);
		s->bt_oom = !bt_tree_add_meta(s->bt, &m);
		return;
	}
	if (s->bt == NULL || s->bt_oom)
		return;
	if (!valid)
		s->bt_oom = !bt_tree_add_other(s->bt, blkno, BS_BAD);
	else if (bt_opaque_decode(page, h, &op, blkno, ds))
		s->bt_oom = !bt_tree_add_page(s->bt, blkno, page, h, &op, s->c->prof, ds);
	else
		s->bt_oom = !bt_tree_add_other(s->bt, blkno, BS_BAD);
}

static void
one_page(struct fscan *s, const uint8_t *page, uint32_t blkno)
{
	struct diags ds;
	struct page_header h;
	enum page_kind kind;
	bool		valid;
	uint16_t	computed;

	diags_reset(&ds);
	page_header_decode(page, &h);
	kind = page_kind_of(page, &h, s->f->fork);
	valid = page_verify(page, &h, blkno, &ds) == PV_VALID;
	computed = pg_checksum_page(page, blkno);
	if (s->c->verify && computed != h.checksum)
	{
		diag_add_block(&ds, D_CHECKSUM_MISMATCH, blkno,
					   "stored 0x%04x, computed 0x%04x", h.checksum, computed);
		s->st->bad_checksums++;
	}
	if (kind == PK_HEAP || kind == PK_SEQUENCE)
	{
		if (s->c->check && valid)
			heapcheck_page(page, &h, blkno, &ds);
		else
			heappage_check_lps(page, &h, blkno, &ds);
	}
	if (s->heap && (kind == PK_HEAP || !valid))
	{
		vm_check(s, page, blkno, &ds);
		fsm_check(s, page, blkno, &ds);
	}
	if (s->c->check && s->f->fork == FORK_FSM && valid)
	{
		struct fsm_page fp;

		fsm_page_decode(page, &fp);
		fsm_check_tree(&fp, blkno, &ds);
	}
	if (s->c->check && s->f->fork == FORK_MAIN && s->f->segno == 0)
		bt_page(s, page, &h, blkno, valid, &ds);
	report_page(s, page, blkno, true, computed, &ds);
}

/* --check: the relation's map fork (_vm, _fsm), when this is its heap's main fork. */
static struct mapfork *
map_of(struct fscan *s, enum fork_number fork)
{
	const struct cw_rel *r = &s->c->w->rels[s->rel];
	const struct cn_rel *n = s->c->names ? &s->c->names->rels[s->rel] : NULL;
	size_t		i;
	char		path[4096];
	struct diags ds;

	if (n != NULL && n->named && strchr("rtm", n->relkind) == NULL)
		return NULL;
	for (i = r->first; i < r->first + r->nfiles; i++)
		if (s->c->w->files[i].fork == fork && s->c->w->files[i].segno == 0)
		{
			diags_reset(&ds);
			snprintf(path, sizeof(path), "%s/%s", s->c->w->pgdata, s->c->w->files[i].path);
			return mapfork_open(path, &ds);
		}
	return NULL;
}

/* The B-tree walk at the end of its segment 0. */
static void
bt_finish(struct fscan *s)
{
	struct diags ds;
	struct bt_shape *shape;

	diags_reset(&ds);
	if (s->bt_oom || (shape = malloc(sizeof(*shape))) == NULL)
	{
		fprintf(s->err, "%s: %s: out of memory for the B-tree walk\n", cli_prog(), s->label);
		s->st->worst = EXIT_TROUBLE;
		return;
	}
	bt_tree_walk(s->bt, shape, &ds);
	free(shape);
	report_file(s, &ds);
}

/*
 * Whether a file's first page says zero pages are normal in it: a hash
 * index preallocates them (read for a piece after the first, which has
 * not seen block 0).
 */
static bool
hash_file(const char *path, uint32_t first_block)
{
	struct diags ds;
	struct blockreader *br;
	const uint8_t *page;
	uint32_t	blkno;
	struct page_header h;
	bool		hash = false;

	diags_reset(&ds);
	if ((br = blockreader_open(path, first_block, first_block, &ds)) == NULL)
		return false;
	if (blockreader_next(br, &page, &blkno, &ds) == BR_PAGE)
	{
		page_header_decode(page, &h);
		hash = page_kind_of(page, &h, FORK_MAIN) == PK_HASH;
	}
	blockreader_close(br);
	return hash;
}

void
scan_file(struct scan_ctx *c, const struct scan_item *it, struct emit *e, FILE *err,
		  struct scan_stats *st)
{
	struct fscan s;
	struct diags ds;
	struct blockreader *br;
	const uint8_t *page;
	uint32_t	blkno;
	enum br_result r;
	char		path[4096];
	uint32_t	first;
	bool		piece,
				skipping = false;	/* zero pages of a run an earlier piece said */

	memset(&s, 0, sizeof(s));
	s.c = c;
	s.rel = it->rel;
	s.f = &c->w->files[it->file];
	s.e = e;
	s.err = err;
	s.st = st;
	first = s.f->segno * RELSEG_SIZE;
	piece = it->from > first;
	scan_label(c, it->rel, s.f->path, s.label, sizeof(s.label));
	if (it->to == UINT32_MAX)
		st->bytes += s.f->size - (uint64_t) (it->from - first) * BLCKSZ;
	else
		st->bytes += (uint64_t) (it->to - it->from + 1) * BLCKSZ;
	s.zeros_ok = s.f->fork == FORK_FSM || s.f->fork == FORK_VM;
	if (c->check && s.f->fork == FORK_MAIN)
	{
		s.vm = map_of(&s, FORK_VM);
		s.fsm = map_of(&s, FORK_FSM);
	}
	s.heap = s.vm != NULL || s.fsm != NULL;
	diags_reset(&ds);
	snprintf(path, sizeof(path), "%s/%s", c->w->pgdata, s.f->path);
	if (piece && !s.zeros_ok && s.f->fork == FORK_MAIN)
		s.zeros_ok = hash_file(path, first);
	/* a piece after the first starts a block early, to see a run go on */
	if ((br = blockreader_open(path, piece ? it->from - 1 : it->from, UINT32_MAX, &ds)) == NULL)
	{
		report_file(&s, &ds);
		mapfork_close(s.vm);
		mapfork_close(s.fsm);
		return;
	}
	if (!piece)
		st->files++;
	while ((r = blockreader_next(br, &page, &blkno, &ds)) != BR_END)
	{
		struct page_header h;
		bool		zero;

		if (r == BR_SHORT && blkno <= it->to)
			st->damaged_blocks++;	/* D_TRUNCATED_BLOCK in ds */
		if (r != BR_PAGE)
			break;				/* or a read error, in ds */
		page_header_decode(page, &h);
		zero = page_is_new(&h) && page_is_zero(page, BLCKSZ);
		if (blkno < it->from)
		{
			skipping = zero;	/* the block before the piece */
			continue;
		}
		if (blkno > it->to)
		{
			/* past the piece: only to end a run of zero pages */
			if (s.zcount == 0 || !zero)
				break;
			s.zcount++;
			continue;
		}
		st->blocks++;
		if (zero && skipping)
			continue;
		skipping = false;
		if (zero)
		{
			if (s.zcount++ == 0)
				s.zfirst = blkno;
			continue;
		}
		if (page_kind_of(page, &h, s.f->fork) == PK_HASH)
			s.zeros_ok = true;
		flush_zeros(&s, !s.zeros_ok);
		one_page(&s, page, blkno);
	}
	/* a run that stopped at a written page past the piece was amid them */
	flush_zeros(&s, r == BR_PAGE && blkno > it->to && !s.zeros_ok);
	if (r == BR_SHORT && blkno > it->to)
		diags_reset(&ds);		/* the next piece's to say */
	if (s.bt != NULL)
		bt_finish(&s);
	report_file(&s, &ds);
	bt_tree_free(s.bt);
	mapfork_close(s.vm);
	mapfork_close(s.fsm);
	blockreader_close(br);
}
