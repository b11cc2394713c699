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

#include "cluster/catalog_emit.h"
#include "out/cli.h"
#include "out/cli_catalog.h"
#include "out/emit.h"
#include "maps/fsm.h"
#include "maps/fsm_heapcheck.h"
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
	struct cli_maps in;			/* --heap files, main fork FILEs, the maps */
};

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads free space map forks (_fsm) of PostgreSQL 10 to 18, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n"
		   "  %s [OPTION]... -D DIR -d DB --relation=TABLE\n\n"
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
		   CLI_CATALOG_HELP
		   "                       (a table: its _fsm fork, and its heap for --check)\n"
		   "  -j, --json           JSON Lines: one object per heap block (or map page)\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

/* The state of one map. */
struct fsmscan {
	const char *file;
	const struct options *o;
	struct emit *e;
	struct diags *ds;			/* the findings of the map page being read */
	struct mapfork *map;
	struct segreader *heap;		/* NULL unless --check with a heap */
	struct fsm_heapwalk w;		/* the heap blocks reported so far */
	uint64_t	pending;		/* unknown size: first of a held-back run of zeros */
	struct fsm_levels levels;	/* --check across levels */
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

/* One heap block's category: checked, then reported (or held back). */
static void
heap_block(void *arg, uint64_t hb, uint8_t cat)
{
	struct fsmscan *s = arg;
	struct emit *e = s->e;
	struct diags *ds = s->ds;

	if (s->o->check && s->w.known && s->heap != NULL && hb < s->w.nblocks)
		s->lag += fsm_check_leaf(segreader_get(s->heap, (uint32_t) hb, ds),
								 (uint32_t) hb, cat, ds);
	if (s->w.known)
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

static void
do_fsm(struct emit *e, const char *file, const void *arg)
{
	const struct options *o = arg;
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
	s->e = e;
	s->ds = &ds;
	s->map = mapfork_open(file, &ds);
	if (s->map == NULL)
	{
		cli_report(e, NULL, &ds);
		free(s);
		return;
	}
	nheaps = mapfork_heap_files(file, o->in.heaps, o->in.nheaps, &heaps);
	s->w.known = nheaps > 0 && segreader_nblocks(heaps, nheaps, &s->w.nblocks, &ds) == 0;
	s->w.from = o->from;
	s->w.to = o->to;
	if (!s->w.known)
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
			s->lag += fsm_check_upper(&s->levels, fb, &a, p, &ds);
		if (o->pages)
		{
			if (first <= o->to && first + count > o->from &&
				(!s->w.known || first < s->w.nblocks || a.level > 0))
				emit_fsm_page(e, s, fb, &a, p, &ds);
			else
				cli_report(e, file, &ds);
		}
		else
			cli_report(e, file, &ds);
		if (a.level == 0)
			fsm_heap_blocks_until(&s->w, first + count, p, first, heap_block, s);
		if (fb == UINT32_MAX - 1 || (s->w.known && a.level == 0 && first + count >= s->w.nblocks &&
									 !o->pages && !o->check) || first > o->to)
			break;
	}
	/* heap blocks past the fork's end: no map page, 0 */
	if (s->w.known)
		fsm_heap_blocks_until(&s->w, (uint64_t) s->w.nblocks, NULL, 0, heap_block, s);
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
		CLI_CATALOG_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct options o;
	struct catalog_request q = {0};
	int			c;

	memset(&o, 0, sizeof(o));
	o.to = UINT32_MAX - 1;
	cli_init(argv[0]);
	cli_maps_init(&o.in, argc);
	while ((c = getopt_long(argc, argv, "b:pcsH:jVh" CLI_CATALOG_SHORTOPTS, longopts, NULL)) != -1)
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
				o.in.heaps[o.in.nheaps++] = optarg;
				break;
			case 'j':
				o.json = true;
				break;
			case 'V':
				cli_print_version();
			case 'h':
				usage();
			default:
				if (!cli_catalog_option(c, optarg, &q))
					cli_try_help();
		}
	}
	if (cli_catalog_wanted(&q))
	{
		if (optind < argc)
			cli_usage_error("--relation takes no FILE");
		return catalog_maps_run(&o.in, &q, FORK_FSM, o.json, do_fsm, &o);
	}
	return cli_maps_run(&o.in, argv + optind, argc - optind, "_fsm", o.json, do_fsm, &o);
}
