/*
 * pgfsm: free space map forks (_fsm), read from disk with no server.
 *
 * Per heap block the free space the map records, as pg_freespace() shows
 * it; with --pages the map's own pages (level, logical page, the tree of
 * categories); with --check the trees' invariants and each leaf against
 * the heap page it describes.  One pass over the fork, in its physical
 * order (root, a level 1 page, its leaves, the next level 1 page, ...),
 * which is also the order of the heap blocks the leaves describe.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/cli.h"
#include "out/emit.h"
#include "maps/fsm.h"
#include "maps/mapfork.h"
#include "page/page.h"
#include "io/relpath.h"
#include "io/segreader.h"

struct options {
	bool		json;
	bool		pages;
	bool		check;
	bool		strict;			/* the map's lag is damage too */
	uint32_t	from;
	uint32_t	to;
	char	  **heaps;			/* --heap files and main fork FILEs */
	int			nheaps;
};

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads free space map forks (_fsm) of PostgreSQL 10 to 18, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n\n"
		   "FILE is a _fsm fork (REL_fsm), gzip'd or not, or \"-\" for standard input;\n"
		   "main fork files (REL, REL.1, ...) among them are the heap it describes.\n"
		   "Blocks are heap blocks, 0 to the heap's size (from the main fork beside\n"
		   "the map, or --heap); without a heap, up to the last block with free space.\n\n"
		   "Options:\n"
		   "  -b, --block=N[-M]    only heap block N, or blocks N to M\n"
		   "  -p, --pages          the map's pages: level, logical page, tree of categories\n"
		   "  -c, --check          check the trees and each leaf against its heap page\n"
		   "  -s, --strict         with --check, count the map's lag as damage\n"
		   "  -H, --heap=FILE      the heap's main fork file (repeat for segments)\n"
		   "  -j, --json           JSON Lines: one object per heap block (or map page)\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

/* The state of one map. */
struct fsmscan {
	const char *file;
	const struct options *o;
	struct mapfork *map;
	struct segreader *heap;		/* NULL unless --check with a heap */
	bool		known;			/* the heap's size is known */
	uint32_t	nblocks;		/* and it is this */
	uint64_t	next_hb;		/* next heap block to report */
	uint64_t	pending;		/* unknown size: first of a held-back run of zeros */
	/* --check across levels: the last root and level 1 page seen */
	bool		have_upper[FSM_ROOT_LEVEL + 1];
	uint32_t	upper_logpageno[FSM_ROOT_LEVEL + 1];
	uint8_t		upper_nodes[FSM_ROOT_LEVEL + 1][FSM_NODES];
	uint64_t	lag;			/* leaves or upper slots the map has not caught up */
};

static void
emit_heap_block(struct emit *e, struct fsmscan *s, uint64_t hb, uint8_t cat,
				struct diags *ds)
{
	if (!s->o->pages)
	{
		emit_begin(e);
		emit_str(e, "file", s->file, EF_NOTEXT);
		emit_uint(e, "blkno", hb, EF_W(6));
		emit_uint(e, "avail", fsm_avail_of(cat), EF_W(4));
		emit_uint(e, "category", cat, EF_W(3));
		cli_emit_diags(e, ds);
		emit_end(e);
	}
	cli_report(e, s->file, ds);
}

/* The leaf against the heap page: it may lag, never overstate by more than a category. */
static void
check_leaf(struct fsmscan *s, uint32_t hb, uint8_t cat, struct diags *ds)
{
	const uint8_t *page;
	struct page_header h;
	unsigned	free;
	uint8_t		real;

	if (s->heap == NULL || hb >= s->nblocks)
		return;
	page = segreader_get(s->heap, hb, ds);
	if (page == NULL)
		return;
	page_header_decode(page, &h);
	if (page_is_new(&h))
		free = BLCKSZ - SIZE_OF_PAGE_HEADER;	/* what VACUUM records for a new page */
	else if (page_kind_of(page, &h, FORK_MAIN) != PK_HEAP)
		return;					/* index pages: only free or not, see indexfsm.c */
	else
		free = fsm_heap_page_free(page);
	real = fsm_cat_of(free);
	if (cat > real + 1 && ++s->lag)
		diag_add_block(ds, D_FSM_OVERSTATES, hb,
					   "category %u (%u bytes) recorded, the page has %u bytes free (category %u)",
					   cat, fsm_avail_of(cat), free, real);
}

/* One heap block's category: checked, then reported (or held back). */
static void
heap_block(struct emit *e, struct fsmscan *s, uint64_t hb, uint8_t cat, struct diags *ds)
{
	if (s->o->check && s->known)
		check_leaf(s, (uint32_t) hb, cat, ds);
	if (s->known)
	{
		emit_heap_block(e, s, hb, cat, ds);
		return;
	}
	/* unknown size: a run of zeros only once something follows it */
	if (cat == 0 && ds->n == 0)
		return;
	for (; s->pending < hb; s->pending++)
	{
		struct diags none;

		diags_reset(&none);
		emit_heap_block(e, s, s->pending, 0, &none);
	}
	emit_heap_block(e, s, hb, cat, ds);
	s->pending = hb + 1;
}

/* Heap blocks [s->next_hb, upto) within range, with categories from leaf (NULL: 0). */
static void
heap_blocks_until(struct emit *e, struct fsmscan *s, uint64_t upto,
				  const struct fsm_page *leaf, uint64_t leaf_first, struct diags *ds)
{
	uint64_t	end = upto;

	if (s->known && end > s->nblocks)
		end = s->nblocks;
	if (end > (uint64_t) s->o->to + 1)
		end = (uint64_t) s->o->to + 1;
	if (s->next_hb < s->o->from)
		s->next_hb = s->o->from;
	if (!s->known && leaf == NULL)
	{
		/* zeros with no end in sight: only the position moves */
		if (upto > s->next_hb)
			s->next_hb = upto;
		return;
	}
	for (; s->next_hb < end; s->next_hb++)
	{
		uint8_t		cat = 0;

		if (leaf != NULL && s->next_hb >= leaf_first)
			cat = fsm_leaf(leaf, (uint16_t) (s->next_hb - leaf_first));
		heap_block(e, s, s->next_hb, cat, ds);
	}
	if (upto > s->next_hb)
		s->next_hb = upto;
}

/* "v v*n ..." : a level of the tree, runs of equal values collapsed. */
static void
emit_runs(struct emit *e, const char *key, const uint8_t *v, int n)
{
	char		buf[FSM_NODES * 4 + 16];
	size_t		len = 0;
	int			i = 0;

	buf[0] = '\0';
	while (i < n && len < sizeof(buf) - 24)
	{
		int			j = i;

		while (j < n && v[j] == v[i])
			j++;
		if (j - i > 1)
			len += (size_t) snprintf(buf + len, sizeof(buf) - len, "%s%u*%d",
									 len ? " " : "", v[i], j - i);
		else
			len += (size_t) snprintf(buf + len, sizeof(buf) - len, "%s%u",
									 len ? " " : "", v[i]);
		i = j;
	}
	emit_str(e, key, buf, 0);
}

static void
emit_fsm_page(struct emit *e, struct fsmscan *s, uint32_t blkno,
			  const struct fsm_address *a, const struct fsm_page *p,
			  struct diags *ds)
{
	static const uint8_t zeros[FSM_NODES];
	uint64_t	first,
				count;
	const uint8_t *nodes = p ? p->nodes : zeros;
	int			depth;

	fsm_heap_range(a, &first, &count);
	emit_begin(e);
	emit_str(e, "file", s->file, EF_NOTEXT);
	emit_uint(e, "blkno", blkno, EF_W(5));
	emit_uint(e, "level", (unsigned) a->level, 0);
	emit_uint(e, "logpageno", a->logpageno, EF_W(4));
	emit_uint(e, "first_heap_blkno", first, EF_NOTEXT);
	emit_uint(e, "last_heap_blkno", first + count - 1 > UINT32_MAX - 1 ? UINT32_MAX - 1 :
			  first + count - 1, EF_NOTEXT);
	emit_bool(e, "is_new", p == NULL, EF_NOTEXT);
	emit_int(e, "fp_next_slot", p ? p->next_slot : 0, 0);
	emit_uint(e, "root", nodes[0], 0);
	/* the tree, one array per depth: depth 12 holds the leaf slots */
	if (emit_format_of(e) == EMIT_JSON)
	{
		emit_arr_begin(e, "tree", 0);
		for (depth = 0; depth <= 12; depth++)
		{
			int			lo = (1 << depth) - 1,
						hi = (2 << depth) - 1,
						i;

			if (hi > FSM_NODES)
				hi = FSM_NODES;
			emit_arr_begin(e, NULL, 0);
			for (i = lo; i < hi; i++)
				emit_uint(e, NULL, nodes[i], 0);
			emit_arr_end(e);
		}
		emit_arr_end(e);
	}
	else
	{
		emit_arr_begin(e, "tree", 0);
		for (depth = 0; depth <= 12; depth++)
		{
			int			lo = (1 << depth) - 1,
						hi = (2 << depth) - 1;

			if (hi > FSM_NODES)
				hi = FSM_NODES;
			emit_obj_begin(e, NULL, 0);
			emit_uint(e, "depth", (unsigned) depth, EF_W(2));
			emit_runs(e, "nodes", nodes + lo, hi - lo);
			emit_obj_end(e);
		}
		emit_arr_end(e);
	}
	cli_emit_diags(e, ds);
	emit_end(e);
	cli_report(e, s->file, ds);
}

/* --check across levels: this page's root against its parent's slot. */
static void
check_upper(struct fsmscan *s, uint32_t blkno, const struct fsm_address *a,
			const struct fsm_page *p, struct diags *ds)
{
	struct fsm_address parent;
	uint16_t	slot;
	uint8_t		root = p ? fsm_root(p) : 0;

	if (a->level < FSM_ROOT_LEVEL)
	{
		fsm_parent(a, &parent, &slot);
		if (s->have_upper[parent.level] &&
			s->upper_logpageno[parent.level] == parent.logpageno &&
			s->upper_nodes[parent.level][FSM_NONLEAF_NODES + slot] != root)
		{
			s->lag++;
			diag_add_block(ds, D_FSM_STALE_UPPER, blkno,
						   "level %d page %u holds %u for it, its root is %u",
						   parent.level, (unsigned) parent.logpageno,
						   s->upper_nodes[parent.level][FSM_NONLEAF_NODES + slot], root);
		}
	}
	if (a->level > 0)
	{
		s->have_upper[a->level] = true;
		s->upper_logpageno[a->level] = a->logpageno;
		if (p)
			memcpy(s->upper_nodes[a->level], p->nodes, FSM_NODES);
		else
			memset(s->upper_nodes[a->level], 0, FSM_NODES);
	}
}

static void
do_fsm(struct emit *e, const char *file, const struct options *o)
{
	struct diags ds;
	struct fsmscan *s;
	char	  **heaps = NULL;
	int			nheaps;
	uint32_t	fb;

	diags_reset(&ds);
	s = calloc(1, sizeof(*s));
	if (s == NULL)
	{
		fprintf(stderr, "%s: out of memory\n", cli_prog());
		cli_raise(EXIT_TROUBLE);
		return;
	}
	s->file = file;
	s->o = o;
	s->map = mapfork_open(file, &ds);
	if (s->map == NULL)
	{
		cli_report(e, NULL, &ds);
		free(s);
		return;
	}
	nheaps = mapfork_heap_files(file, o->heaps, o->nheaps, &heaps);
	s->known = nheaps > 0 && segreader_nblocks(heaps, nheaps, &s->nblocks, &ds) == 0;
	if (!s->known)
	{
		diag_add(&ds, D_HEAP_SIZE_UNKNOWN, "no main fork beside the map: %s",
				 o->check ? "checking the map's pages only" :
				 "blocks up to the last with free space");
		cli_report(e, file, &ds);
	}
	else if (o->check)
		s->heap = segreader_open(heaps, nheaps);
	s->pending = o->from;
	cli_file_header(e, file);

	for (fb = 0;; fb++)
	{
		struct fsm_address a;
		struct fsm_page fp;
		const uint8_t *page = mapfork_page(s->map, fb, &ds);
		const struct fsm_page *p = NULL;
		uint64_t	first,
					count;

		if (page == NULL && mapfork_ended(s->map))
			break;
		fsm_physical_to_logical(fb, &a);
		fsm_heap_range(&a, &first, &count);
		if (page != NULL)
		{
			fsm_page_decode(page, &fp);
			p = &fp;
			if (o->check)
				fsm_check_tree(p, fb, &ds);
		}
		if (o->check)
			check_upper(s, fb, &a, p, &ds);
		if (o->pages)
		{
			if (first <= o->to && first + count > o->from &&
				(!s->known || first < s->nblocks || a.level > 0))
				emit_fsm_page(e, s, fb, &a, p, &ds);
			else
				cli_report(e, file, &ds);
		}
		else
			cli_report(e, file, &ds);
		if (a.level == 0)
			heap_blocks_until(e, s, first + count, p, first, &ds);
		if (fb == UINT32_MAX - 1 || (s->known && a.level == 0 && first + count >= s->nblocks &&
									 !o->pages && !o->check) || first > o->to)
			break;
	}
	/* heap blocks past the fork's end: no map page, 0 */
	if (s->known)
		heap_blocks_until(e, s, (uint64_t) s->nblocks, NULL, 0, &ds);
	if (o->strict && s->lag > 0)
		cli_raise(EXIT_DAMAGE);
	cli_report(e, file, &ds);
	segreader_close(s->heap);
	mapfork_close(s->map);
	segreader_free_list(heaps, nheaps);
	free(s);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"block", required_argument, NULL, 'b'},
		{"pages", no_argument, NULL, 'p'},
		{"check", no_argument, NULL, 'c'},
		{"strict", no_argument, NULL, 's'},
		{"heap", required_argument, NULL, 'H'},
		{"json", no_argument, NULL, 'j'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct options o;
	struct emit *e;
	char	  **maps;
	int			c,
				i,
				nmaps = 0;

	memset(&o, 0, sizeof(o));
	o.to = UINT32_MAX - 1;
	cli_init(argv[0]);
	o.heaps = calloc((size_t) argc, sizeof(char *));
	maps = calloc((size_t) argc, sizeof(char *));
	if (o.heaps == NULL || maps == NULL)
	{
		fprintf(stderr, "%s: out of memory\n", cli_prog());
		return EXIT_TROUBLE;
	}
	while ((c = getopt_long(argc, argv, "b:pcsH:jVh", longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'b':
				if (cli_parse_block_range(optarg, &o.from, &o.to) != 0)
					cli_usage_error("invalid block range \"%s\"", optarg);
				break;
			case 'p':
				o.pages = true;
				break;
			case 'c':
				o.check = true;
				break;
			case 's':
				o.strict = true;
				break;
			case 'H':
				o.heaps[o.nheaps++] = optarg;
				break;
			case 'j':
				o.json = true;
				break;
			case 'V':
				cli_print_version();
			case 'h':
				usage();
			default:
				cli_try_help();
		}
	}
	if (optind >= argc)
		cli_usage_error("no input files");
	nmaps = mapfork_split_inputs(argv + optind, argc - optind, o.heaps, &o.nheaps, maps);
	if (nmaps == 0)
		cli_usage_error("no _fsm file among the inputs");
	e = cli_emit_open(o.json);
	for (i = 0; i < nmaps; i++)
		do_fsm(e, maps[i], &o);
	free(o.heaps);
	free(maps);
	return cli_finish(e);
}
