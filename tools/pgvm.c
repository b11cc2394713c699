/*
 * pgvm: visibility map forks (_vm), read from disk with no server.
 *
 * Per heap block the two bits as pg_visibility_map() shows them, or their
 * counts as pg_visibility_map_summary() does; with --check, each block's
 * bits against the heap page they describe.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/clog.h"
#include "cluster/catalog_emit.h"
#include "out/cli.h"
#include "out/cli_catalog.h"
#include "out/emit.h"
#include "maps/mapfork.h"
#include "page/page.h"
#include "io/relpath.h"
#include "io/segreader.h"
#include "maps/vm.h"
#include "maps/vm_heapcheck.h"

struct options {
	bool		json;
	bool		summary;
	bool		check;
	uint32_t	from;
	uint32_t	to;
	uint8_t		want_set;		/* list only blocks with all these bits set */
	uint8_t		want_clear;		/* ... and all these clear */
	struct cli_maps in;			/* --heap files, main fork FILEs, the maps */
	const char *xact;			/* pg_xact directory, or NULL */
};

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads visibility map forks (_vm) of PostgreSQL 10 to 18, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n"
		   "  %s [OPTION]... -D DIR -d DB --relation=TABLE\n\n"
		   "FILE is a _vm fork (REL_vm), gzip'd or not, or \"-\" for standard input;\n"
		   "main fork files (REL, REL.1, ...) among them are the heap it describes.\n"
		   "Blocks are heap blocks, 0 to the heap's size (from the main fork beside\n"
		   "the map, or --heap); without a heap, up to the last block with a bit set.\n\n"
		   "Options:\n"
		   "  -b, --block=N[-M]    only heap block N, or blocks N to M\n"
		   "  -s, --set=BIT        only blocks with BIT set (all_visible, all_frozen)\n"
		   "  -u, --unset=BIT      only blocks with BIT clear\n"
		   "  -S, --summary        counts as pg_visibility_map_summary(), per map\n"
		   "  -c, --check          check the bits against the heap pages\n"
		   "  -H, --heap=FILE      the heap's main fork file (repeat for segments)\n"
		   CLI_CATALOG_HELP
		   "                       (a table: its _vm fork, and its heap for --check;\n"
		   "                       -D also reads transaction status from DIR/pg_xact)\n"
		   "  -x, --xact=DIR       read transaction status from the pg_xact DIR\n"
		   "  -j, --json           JSON Lines: one object per heap block\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

static uint8_t
parse_bit(const char *s)
{
	if (strcmp(s, "all_visible") == 0 || strcmp(s, "all-visible") == 0 ||
		strcmp(s, "visible") == 0)
		return VM_ALL_VISIBLE;
	if (strcmp(s, "all_frozen") == 0 || strcmp(s, "all-frozen") == 0 ||
		strcmp(s, "frozen") == 0)
		return VM_ALL_FROZEN;
	cli_usage_error("invalid bit \"%s\" (all_visible or all_frozen)", s);
}

/* The state of one map: the fork, the heap, the counts. */
struct vmscan {
	const char *file;
	struct mapfork *map;
	struct segreader *heap;		/* NULL unless --check */
	struct vm_logs logs;		/* --check: pg_xact, or the whole logs */
	uint32_t	cur_mapblock;	/* map block of the last lookup */
	const uint8_t *cur_page;	/* and its page (NULL: zeros) */
	bool		have_cur;
	uint64_t	visible;
	uint64_t	frozen;
	uint64_t	checked;		/* heap blocks held against their page (--check) */
	uint64_t	found[D__COUNT];	/* findings by kind, for the verdict */
	bool		damaged;		/* a finding of damage in this map */
};

/* The check's findings, counted by kind in the verdict (CHECKS in pgvm(1)). */
static const enum diag_code check_kinds[] = {
	D_VM_BITS, D_VM_PAGE_FLAG, D_VM_MAP_BIT, D_VM_NOT_VISIBLE, D_VM_NOT_FROZEN
};

/* Count what ds holds, then print it: the verdict sums what was reported. */
static void
report(struct emit *e, struct vmscan *s, struct diags *ds)
{
	for (int i = 0; i < ds->n; i++)
		s->found[ds->d[i].code]++;
	if (ds->worst >= SEV_DAMAGE)
		s->damaged = true;
	cli_report(e, s->file, ds);
}

/*
 * The last line of --check: blocks checked, findings of each check's kind
 * (and of any other kind of damage, the map's own pages included), and
 * whether all was well, as pgbtree -c and pgfsm -c end.
 */
static void
emit_verdict(struct emit *e, const struct vmscan *s)
{
	uint64_t	other = 0;

	for (int c = 0; c < D__COUNT; c++)
	{
		bool		listed = false;

		for (size_t k = 0; k < sizeof(check_kinds) / sizeof(check_kinds[0]); k++)
			listed = listed || check_kinds[k] == (enum diag_code) c;
		if (!listed && diag_severity_of((enum diag_code) c) >= SEV_DAMAGE)
			other += s->found[c];
	}
	emit_begin(e);
	emit_str(e, "file", s->file, EF_NOTEXT);
	emit_uint(e, "blocks_checked", s->checked, 0);
	for (size_t k = 0; k < sizeof(check_kinds) / sizeof(check_kinds[0]); k++)
		emit_uint(e, diag_name(check_kinds[k]), s->found[check_kinds[k]], 0);
	emit_uint(e, "other_damage", other, 0);
	emit_bool(e, "ok", !s->damaged, 0);
	emit_end(e);
}

static uint8_t
status_of(struct vmscan *s, uint32_t heapblk, struct diags *ds)
{
	struct vm_address a;

	vm_address_of(heapblk, &a);
	if (!s->have_cur || s->cur_mapblock != a.mapblock)
	{
		s->cur_page = mapfork_page(s->map, a.mapblock, ds);
		s->cur_mapblock = a.mapblock;
		s->have_cur = true;
	}
	return vm_get_status(s->cur_page, heapblk);
}

static void
emit_block(struct emit *e, const struct vmscan *s, uint32_t blkno, uint8_t st,
		   const struct diags *ds)
{
	emit_begin(e);
	emit_str(e, "file", s->file, EF_NOTEXT);
	emit_uint(e, "blkno", blkno, EF_W(6));
	emit_bool(e, "all_visible", (st & VM_ALL_VISIBLE) != 0, 0);
	emit_bool(e, "all_frozen", (st & VM_ALL_FROZEN) != 0, 0);
	cli_emit_diags(e, ds);
	emit_end(e);
}

static bool
listed(const struct options *o, uint8_t st)
{
	return (st & o->want_set) == o->want_set && (st & o->want_clear) == 0;
}

/* One heap block: its bits, the checks, the output. */
static void
do_block(struct emit *e, struct vmscan *s, uint32_t blkno, uint8_t st,
		 const struct options *o, struct diags *ds)
{
	if (st & VM_ALL_VISIBLE)
		s->visible++;
	if (st & VM_ALL_FROZEN)
		s->frozen++;
	if (o->check)
	{
		vm_check_heap_page_logs(segreader_get(s->heap, blkno, ds), blkno, st, &s->logs, ds);
		s->checked++;
	}
	else if ((st & VM_ALL_FROZEN) && !(st & VM_ALL_VISIBLE))
		diag_add_block(ds, D_VM_BITS, blkno, NULL);
	if (!o->summary && listed(o, st))
		emit_block(e, s, blkno, st, ds);
	report(e, s, ds);
}

static void
do_map(struct emit *e, const char *file, const void *arg)
{
	const struct options *o = arg;
	struct diags ds;
	struct vmscan s;
	char	  **heaps = NULL;
	int			nheaps;
	uint32_t	nblocks = 0,
				b,
				last;
	bool		known;

	diags_reset(&ds);
	memset(&s, 0, sizeof(s));
	s.file = file;
	s.map = mapfork_open(file, &ds);
	if (s.map == NULL)
	{
		cli_report(e, NULL, &ds);
		return;
	}
	nheaps = mapfork_heap_files(file, o->in.heaps, o->in.nheaps, &heaps);
	known = nheaps > 0 && segreader_nblocks(heaps, nheaps, &nblocks, &ds) == 0;
	if (!known)
	{
		if (o->check)
			diag_add(&ds, D_NOT_SUPPORTED, "--check needs the heap: no main fork beside the map, and no --heap");
		else
			diag_add(&ds, D_HEAP_SIZE_UNKNOWN,
					 "no main fork beside the map: blocks up to the last with a bit set");
		cli_report(e, file, &ds);
		if (o->check)
		{
			mapfork_close(s.map);
			segreader_free_list(heaps, nheaps);
			return;
		}
	}
	if (o->check)
	{
		s.heap = segreader_open(heaps, nheaps);
		if (o->xact != NULL)
		{
			/* pg_subtrans and pg_multixact beside a pg_xact of a data directory */
			s.logs.xact = xact_open_beside(o->xact);
			if (s.logs.xact == NULL)
				s.logs.clog = clog_open(o->xact);
		}
	}
	if (!o->summary)
		cli_file_header(e, file);

	if (known)
	{
		last = nblocks == 0 ? 0 : nblocks - 1;
		if (o->to < last)
			last = o->to;
		for (b = o->from; nblocks > 0 && b <= last; b++)
		{
			do_block(e, &s, b, status_of(&s, b, &ds), o, &ds);
			if (b == UINT32_MAX - 1)
				break;
		}
	}
	else
	{
		/*
		 * The heap's size is unknown: every block the fork describes, but
		 * a run of blocks with no bit set is held back (only its start:
		 * they are all alike) until a set bit says the heap reaches past it.
		 */
		uint32_t	pending = o->from;

		for (b = o->from; b <= o->to; b++)
		{
			uint8_t		st = status_of(&s, b, &ds);

			if (s.cur_page == NULL && mapfork_ended(s.map))
				break;
			if (st != 0)
			{
				for (; pending < b; pending++)
					do_block(e, &s, pending, 0, o, &ds);
				do_block(e, &s, b, st, o, &ds);
				pending = b + 1;
			}
			report(e, &s, &ds);
			if (s.cur_page == NULL)
			{
				/* a new or unreadable map page: no bit set in all it covers */
				uint64_t	next = vm_first_heapblk(s.cur_mapblock + 1);

				if (next > (uint64_t) o->to || next >= UINT32_MAX - 1)
					break;
				b = (uint32_t) next - 1;
			}
			if (b == UINT32_MAX - 1)
				break;
		}
	}
	if (o->summary)
	{
		emit_begin(e);
		emit_str(e, "file", file, EF_LEFT);
		emit_uint(e, "all_visible", s.visible, 0);
		emit_uint(e, "all_frozen", s.frozen, 0);
		if (known)
			emit_uint(e, "heap_blocks", nblocks, 0);
		else
			emit_null(e, "heap_blocks", 0);
		emit_end(e);
	}
	report(e, &s, &ds);
	if (o->check)
		emit_verdict(e, &s);
	clog_close(s.logs.clog);
	xact_close(s.logs.xact);
	segreader_close(s.heap);
	mapfork_close(s.map);
	segreader_free_list(heaps, nheaps);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"block", required_argument, NULL, 'b'},
		{"set", required_argument, NULL, 's'},
		{"unset", required_argument, NULL, 'u'},
		{"summary", no_argument, NULL, 'S'},
		{"check", no_argument, NULL, 'c'},
		{"heap", required_argument, NULL, 'H'},
		{"xact", required_argument, NULL, 'x'},
		{"json", no_argument, NULL, 'j'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		CLI_CATALOG_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct catalog_request q = {0};
	struct options o;
	char	   *pgxact = NULL;
	int			c,
				i;

	memset(&o, 0, sizeof(o));
	o.to = UINT32_MAX - 1;
	cli_init(argv[0]);
	cli_maps_init(&o.in, argc);
	while ((c = getopt_long(argc, argv, "b:s:u:ScH:x:jVh" CLI_CATALOG_SHORTOPTS, longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'b':
				if (cli_parse_block_range(optarg, &o.from, &o.to) != 0)
					cli_usage_error("invalid block range \"%s\"", optarg);
				break;
			case 's':
				o.want_set |= parse_bit(optarg);
				break;
			case 'u':
				o.want_clear |= parse_bit(optarg);
				break;
			case 'S':
				o.summary = true;
				break;
			case 'c':
				o.check = true;
				break;
			case 'H':
				o.in.heaps[o.in.nheaps++] = optarg;
				break;
			case 'D':
				free(pgxact);
				pgxact = malloc(strlen(optarg) + sizeof("/pg_xact"));
				if (pgxact == NULL)
					cli_usage_error("out of memory");
				strcpy(pgxact, optarg);
				strcat(pgxact, "/pg_xact");
				o.xact = pgxact;
				q.pgdata = optarg;
				break;
			case 'x':
				o.xact = optarg;
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
		/* the data directory from $PGDATA gives pg_xact too, as -D does */
		if (o.xact == NULL && q.pgdata == NULL && getenv("PGDATA") != NULL &&
			(pgxact = malloc(strlen(getenv("PGDATA")) + sizeof("/pg_xact"))) != NULL)
		{
			strcpy(pgxact, getenv("PGDATA"));
			strcat(pgxact, "/pg_xact");
			o.xact = pgxact;
		}
		i = catalog_maps_run(&o.in, &q, FORK_VM, o.json, do_map, &o);
	}
	else
		i = cli_maps_run(&o.in, argv + optind, argc - optind, "_vm", o.json, do_map, &o);
	free(pgxact);
	return i;
}
