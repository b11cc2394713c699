/*
 * pgwal: WAL segments of PostgreSQL 10 to 18, read from disk with no server.
 *
 * Per record: pg_waldump's line in text, pg_get_wal_records_info()'s
 * columns (and the decoded parts) in JSON; --stats as pg_waldump --stats
 * and pg_get_wal_stats().  The inputs are segment files (plain, .gz,
 * .partial) named on the command line, a directory searched as
 * pg_waldump searches it, or "-": consecutive segments on standard input.
 * The library does the work: common/wal/walsource.c (which segments, and
 * whether zeroed or foreign space is the end or damage), walreader.c
 * (pages to records), walrecord.c (records to parts), rmgrdesc/ (names
 * and descriptions) and walrender.c (the line and the JSON object); this
 * file takes the options, filters, and loops.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out/cli.h"
#include "out/emit.h"
#include "rmgrdesc/rmgrdesc.h"
#include "wal/walfpi.h"
#include "wal/walheap.h"
#include "wal/walimage.h"
#include "wal/walnames.h"
#include "wal/walreader.h"
#include "wal/walrecord.h"
#include "wal/walrender.h"
#include "wal/walrows.h"
#include "wal/walrows_emit.h"
#include "wal/walsource.h"
#include "wal/walstats.h"
#include "wal/walxacts.h"
#include "wal/walxacts_emit.h"

struct options {
	bool		json;
	bool		bkp_details;
	bool		quiet;
	bool		keep_going;
	int			stats;			/* 0 none, 1 per rmgr, 2 per record type */
	long		limit;			/* -n; 0 = all */
	const char *path;
	uint64_t	start;
	bool		has_start;
	uint64_t	end;
	bool		has_end;
	uint32_t	tli;
	bool		has_tli;
	int			pg_version;
	bool		rmgr_filter[RMGR_COUNT];
	bool		has_rmgr_filter;
	bool		has_xid;
	uint32_t	xid;
	bool		fullpage;
	bool		has_rel;
	uint32_t	rel[3];
	bool		has_block;
	uint32_t	block;
	int			fork;			/* -1 = any */
	const char *save_fullpage;	/* --save-fullpage: directory for the page images */
	bool		fpi_verify;		/* --fpi-verify: check each restored image's header */
	const char *pgdata;			/* -D: the catalog that names relations */
	const char *dbname;			/* -d: the database of -R NAME */
	const char *relname;		/* -R NAME (with -D) */
	bool		with_indexes;	/* --with-indexes */
	struct walnames_rel *rels;	/* -R NAME: the files selected */
	int			nrels;
	bool		names;			/* --names: names in the text too */
	bool		decode_rows;	/* --decode-rows */
	bool		decode_images;	/* --decode-rows=images: the rows of page images too */
	bool		xacts;			/* --xacts */
	struct walxacts_window window;	/* --since, --until */
};

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads WAL segments of PostgreSQL 10 to 18, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n"
		   "  %s [OPTION]... -p DIR [STARTSEG [ENDSEG]]\n\n"
		   "FILE is a WAL segment file (plain, .gz, .partial), or \"-\" for consecutive\n"
		   "segments on standard input; with -p, the segments are taken from DIR or\n"
		   "DIR/pg_wal: all, or from STARTSEG to ENDSEG (or STARTSEG alone).\n\n"
		   "Options:\n"
		   "  -b, --bkp-details    print details of block references\n"
		   "  -B, --block=N        only records touching block N (with --relation)\n"
		   "  -d, --dbname=DB      the database of -R NAME (a name or an OID)\n"
		   "  -D, --pgdata=DIR     name relations from DIR's catalog (JSON: datname, nspname, relname)\n"
		   "  -e, --end=LSN        stop reading at LSN (or at the end of segment NAME)\n"
		   "  -F, --fork=FORK      only records touching fork main, fsm, vm or init\n"
		   "  -j, --json           JSON Lines: one object per record\n"
		   "  -k, --keep-going     after damage, go on at the next page that starts a record\n"
		   "  -n, --limit=N        print at most N records\n"
		   "  -p, --path=DIR       directory of the segments (DIR or DIR/pg_wal)\n"
		   "  -P, --pg-version=N   read a WAL whose page magic is unknown as PostgreSQL N's\n"
		   "  -q, --quiet          print no records, only diagnostics\n"
		   "  -r, --rmgr=RMGR      only records of RMGR (repeatable, or a comma list)\n"
		   "  -R, --relation=REL   only records touching relation T/D/R, or (with -D) the table\n"
		   "                       [SCHEMA.]NAME and its TOAST table\n"
		   "  -s, --start=LSN      start at the first record at or after LSN (or segment NAME)\n"
		   "  -t, --timeline=TLI   timeline of the segments to read\n"
		   "  -w, --fullpage       only records with full page images\n"
		   "  -x, --xid=XID        only records of transaction XID\n"
		   "  -z, --stats[=record] statistics instead of records (per record type with =record)\n"
		   "      --decode-rows[=images]  the rows of heap records, by column (with -D);\n"
		   "                       =images: of heap page images too\n"
		   "      --fpi-verify     check that every full page image restores to a valid page\n"
		   "      --names          with -D, the names in the text too\n"
		   "      --since=TIME     only records of transactions committed at or after TIME\n"
		   "      --until=TIME     only records of transactions committed at or before TIME\n"
		   "      --with-indexes   -R NAME selects the table's indexes too\n"
		   "      --xacts          one line per transaction instead of records\n"
		   "      --save-fullpage=DIR  write every full page image, restored, into DIR\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

struct state {
	struct emit *e;
	struct walrender *wr;
	struct walnames *names;		/* -D, or NULL */
	struct walname blk_names[WAL_MAX_BLOCK_ID + 1];
	struct walrows_state *rs;	/* -D or --decode-rows: rows and learnt names */
	struct walrows rows;
	struct walrows_emitter *re;	/* --decode-rows */
	const struct walrec *rec;	/* the record rows_extra() shows */
	struct walxacts *xacts;		/* --xacts, --since, --until */
	bool		images;			/* --decode-rows=images */
	uint32_t	tli;			/* of the last record read: names a damage's segment */
	bool		damage_json;	/* damage as objects of the stream (--json, records) */
};

/*
 * Findings between records.  Damage that belongs to no record shown is
 * an object of the JSON stream at the place it happened; a range passed
 * over by -k says where it starts and ends.  Notices (the end of the WAL,
 * an aborted record overwritten) stay on stderr: they are not damage and
 * every WAL has one.  Then all of them to stderr.
 */
static void
report_between(struct state *st, const struct walreader *rd, struct diags *ds)
{
	if (ds->n == 0 && ds->dropped == 0)
		return;
	for (int i = 0; st->damage_json && i < ds->n; i++)
	{
		const struct diag *d = &ds->d[i];
		uint64_t	at = walreader_position(rd);

		if (diag_severity_of(d->code) >= SEV_DAMAGE)
			walrender_damage(st->wr, d, d->has_lsn ? d->lsn : at, at, st->tli);
	}
	cli_report(st->e, NULL, ds);
}


/*
 * -R: T/D/R, or one of NAME's relations: by its file now, or by an older
 * file the WAL named for it (a TRUNCATE's or rewrite's old relfilenode).
 */
static bool
rel_selected(const struct options *o, const struct walblock *b, const struct walname *nm)
{
	if (o->rels == NULL)
		return b->spcoid == o->rel[0] && b->dboid == o->rel[1] && b->relnumber == o->rel[2];
	for (int i = 0; i < o->nrels; i++)
	{
		if (b->relnumber == o->rels[i].relnumber && b->dboid == o->rels[i].db &&
			b->spcoid == o->rels[i].spc)
			return true;
		if (nm->reloid != 0 && nm->reloid == o->rels[i].reloid && b->dboid == o->rels[i].db)
			return true;
	}
	return false;
}

static bool
rmgr_matches(const struct options *o, const struct walrec *r, const struct walname *names)
{
	int			id;

	if (o->has_rmgr_filter && (r->rmid >= RMGR_COUNT || !o->rmgr_filter[r->rmid]))
		return false;
	if (o->has_xid && r->xid != o->xid)
		return false;
	if (o->fullpage && r->fpi_len == 0)
	{
		bool		any = false;

		for (id = 0; id <= r->max_block_id; id++)
			if (r->blocks[id].in_use && r->blocks[id].has_image)
				any = true;
		if (!any)
			return false;
	}
	if (o->has_rel || o->has_block || o->fork >= 0)
	{
		for (id = 0; id <= r->max_block_id; id++)
		{
			const struct walblock *b = &r->blocks[id];

			if (!b->in_use)
				continue;
			if (o->has_rel && !rel_selected(o, b, &names[id]))
				continue;
			if (o->has_block && b->blkno != o->block)
				continue;
			if (o->fork >= 0 && b->fork != o->fork)
				continue;
			return true;
		}
		return false;
	}
	return true;
}

static void
list_rmgrs(void)
{
	int			i;

	for (i = 0; i < RMGR_COUNT; i++)
		printf("%s\n", rmgr_name((uint8_t) i));
	exit(EXIT_CLEAN);
}

/* walrender's extra fields: the record's rows */
static void
rows_extra(void *arg, struct emit *e)
{
	struct state *st = arg;

	if (st->rows.n > 0)
		walrows_emit(st->re, e, st->rec, &st->rows);
	if (st->images)
		walrows_emit_images(st->re, e, st->rec);
}

/* Findings of the catalog: file and diag as any finding. */
static void
name_finding(void *arg, const char *file, const struct diag *d)
{
	struct state *st = arg;
	struct diags one;

	diags_reset(&one);
	one.d[0] = *d;
	one.n = 1;
	one.worst = diag_severity_of(d->code);
	cli_report(st->e, file, &one);
}

/* --since/--until: the record's transaction committed in the window? */
static bool
in_window(const struct options *o, struct walxacts *x, const struct walrec *r)
{
	const struct walxact *t;

	if (!o->window.has_since && !o->window.has_until)
		return true;
	return r->xid != 0 && (t = walxacts_find(x, r->xid)) != NULL &&
		walxacts_in_window(t, &o->window);
}

/* What -D, --decode-rows and --xacts do with every record, before the filters. */
static void
per_record(struct state *st, const struct options *o, const struct walrec *rec, struct diags *ds)
{
	struct diags quiet;

	if (st->rs != NULL)
	{
		/* an image that does not restore is --fpi-verify's business */
		diags_reset(&quiet);
		walrows_record(st->rs, rec, &st->rows, &quiet);
	}
	if (st->names != NULL && (!o->stats || o->rels != NULL))
		for (int id = 0; id <= rec->max_block_id; id++)
			if (rec->blocks[id].in_use)
				walnames_lookup(st->names, rec->blocks[id].spcoid, rec->blocks[id].dboid,
								rec->blocks[id].relnumber, &st->blk_names[id]);
	(void) ds;
}

/* Read, filter and print; the exit status. */
static int
run(const struct options *o, struct walsource *src, const struct walsource_info *in,
	struct walnames *names, struct walxacts *window, struct diags *ds)
{
	struct state st;
	struct walreader_config cfg;
	struct walreader *rd;
	struct walrec_raw raw;
	struct walrec *rec;
	struct walheap *heap;		/* --xacts: the record's rows, counted */
	struct walstats stats;
	enum walreader_result res;
	long		shown = 0;
	bool		started = false;	/* a record was read (filtered or not) */

	memset(&cfg, 0, sizeof(cfg));
	cfg.seg_size = in->seg_size;
	cfg.page_size = in->page_size;
	cfg.magic = in->magic;
	cfg.max_rmid = in->prof->wal_max_rmid;
	cfg.custom_rmgrs = in->prof->wal_custom_rmgrs;
	cfg.keep_going = o->keep_going;
	cfg.read_page = walsource_read_page;
	cfg.arg = src;
	rd = walreader_create(&cfg);
	rec = malloc(sizeof(*rec));
	heap = malloc(sizeof(*heap));
	if (rd == NULL || rec == NULL || heap == NULL)
		return EXIT_TROUBLE;
	walreader_seek(rd, in->start);

	st.e = cli_emit_open(o->json);
	st.wr = walrender_create(st.e, in->prof, in->seg_size, o->json, o->bkp_details);
	if (st.wr == NULL)
		return EXIT_TROUBLE;
	st.tli = in->tli ? in->tli : 1;
	st.damage_json = o->json && !o->stats && !o->quiet && !o->xacts;
	st.names = names;
	memset(st.blk_names, 0, sizeof(st.blk_names));
	st.rs = NULL;
	st.re = NULL;
	st.images = o->decode_images;
	st.xacts = window;
	if (names != NULL || o->decode_rows)
		st.rs = walrows_create(names, o->decode_rows ? 2048 : 0);
	if (o->decode_rows)
		st.re = walrows_emitter_create(names, in->prof);
	if (names != NULL && !o->stats)
		walrender_names(st.wr, st.blk_names, o->names);
	if (o->xacts && st.xacts == NULL)
		st.xacts = walxacts_create(in->prof->major);
	if ((names != NULL || o->decode_rows) && st.rs == NULL)
		return EXIT_TROUBLE;
	walstats_init(&stats, in->prof->major);

	while ((res = walreader_next(rd, &raw, ds)) != WR_END)
	{
		/* damage, or with WR_RECORD the range -k skipped to reach it */
		report_between(&st, rd, ds);
		if (res == WR_DAMAGE)
			continue;
		st.tli = raw.tli;
		if (in->has_end && raw.end_lsn > in->end)
			break;
		/* pg_waldump's stats start at the first record read, filtered or not */
		if (o->stats && !started)
			stats.startptr = raw.lsn;
		started = true;
		if (walrecord_decode(in->prof, raw.data, raw.len, raw.lsn, rec, ds) != 0)
		{
			report_between(&st, rd, ds);
			continue;
		}
		per_record(&st, o, rec, ds);
		if (o->xacts && window == NULL)
		{
			walheap_decode(rec, heap);
			walxacts_add(st.xacts, rec, heap);
		}
		if (names != NULL)
			walnames_findings(names, false, name_finding, &st);
		if (!rmgr_matches(o, rec, st.blk_names) || !in_window(o, st.xacts, rec))
			continue;
		if (o->xacts)
			continue;
		/* the images first: what they show goes into the record's object */
		if (o->save_fullpage != NULL)
			walfpi_save(o->save_fullpage, &raw, rec, ds);
		if (o->fpi_verify)
			walfpi_verify(&raw, rec, ds);
		if (o->stats)
			walstats_add(&stats, rec, raw.end_lsn);
		else if (!o->quiet)
		{
			if (st.re != NULL && (st.rows.n > 0 || (o->decode_images && walrows_has_heap_image(rec))))
			{
				st.rec = rec;
				walrender_extra(st.wr, rows_extra, &st);
			}
			walrender_record(st.wr, &raw, rec, ds);
		}
		if (ds->n > 0 || ds->dropped > 0)
			cli_report(st.e, NULL, ds);
		shown++;
		if (o->limit > 0 && shown >= o->limit)
			break;
	}
	/* what ended the reading: a notice, or damage that stops it (after the stats in --stats) */
	if (!o->stats)
		report_between(&st, rd, ds);
	if (o->stats)
		walstats_emit(&stats, st.e, o->stats == 2);
	if (o->xacts && !o->quiet)
		walxacts_emit_all(st.e, st.xacts, names, &o->window);
	cli_report(st.e, NULL, ds);
	if (names != NULL)
		walnames_findings(names, true, name_finding, &st);
	walreader_free(rd);
	walrender_free(st.wr);
	walrows_free(st.rs);
	walrows_emitter_free(st.re);
	if (st.xacts != window)
		walxacts_free(st.xacts);
	free(rec);
	free(heap);
	return cli_finish(st.e);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"bkp-details", no_argument, NULL, 'b'},
		{"block", required_argument, NULL, 'B'},
		{"end", required_argument, NULL, 'e'},
		{"fork", required_argument, NULL, 'F'},
		{"json", no_argument, NULL, 'j'},
		{"keep-going", no_argument, NULL, 'k'},
		{"limit", required_argument, NULL, 'n'},
		{"path", required_argument, NULL, 'p'},
		{"pg-version", required_argument, NULL, 'P'},
		{"quiet", no_argument, NULL, 'q'},
		{"rmgr", required_argument, NULL, 'r'},
		{"relation", required_argument, NULL, 'R'},
		{"start", required_argument, NULL, 's'},
		{"timeline", required_argument, NULL, 't'},
		{"fullpage", no_argument, NULL, 'w'},
		{"xid", required_argument, NULL, 'x'},
		{"stats", optional_argument, NULL, 'z'},
		{"save-fullpage", required_argument, NULL, 1000},
		{"fpi-verify", no_argument, NULL, 1001},
		{"pgdata", required_argument, NULL, 'D'},
		{"dbname", required_argument, NULL, 'd'},
		{"names", no_argument, NULL, 1002},
		{"decode-rows", optional_argument, NULL, 1003},
		{"xacts", no_argument, NULL, 1004},
		{"since", required_argument, NULL, 1005},
		{"until", required_argument, NULL, 1006},
		{"with-indexes", no_argument, NULL, 1007},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	static struct diags ds;		/* large: not on the stack */
	struct options o;
	struct walsource_spec spec;
	struct walsource_info info;
	struct walsource *src;
	enum walsource_status ws;
	int			c,
				rc;
	long		v;
	char	   *start_seg = NULL,
			   *end_seg = NULL;
	bool		start_is_seg = false,
				end_is_seg = false;
	struct walnames *names = NULL;
	struct walxacts *window = NULL;

	memset(&o, 0, sizeof(o));
	o.fork = -1;
	cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, "bB:d:D:e:F:jkn:p:P:qr:R:s:t:wx:z::Vh", longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'b':
				o.bkp_details = true;
				break;
			case 'B':
				if (cli_parse_int(optarg, 0, UINT32_MAX - 1, &v) != 0)
					cli_usage_error("invalid block number \"%s\"", optarg);
				o.has_block = true;
				o.block = (uint32_t) v;
				break;
			case 'e':
				if (wal_parse_position(optarg, &o.end, &end_is_seg, &end_seg) != 0)
					cli_usage_error("invalid WAL location \"%s\"", optarg);
				o.has_end = true;
				break;
			case 'F':
				for (o.fork = 0; o.fork < 4; o.fork++)
					if (strcmp(optarg, wal_fork_names[o.fork]) == 0)
						break;
				if (o.fork == 4)
					cli_usage_error("invalid fork name \"%s\"", optarg);
				break;
			case 'j':
				o.json = true;
				break;
			case 'k':
				o.keep_going = true;
				break;
			case 'n':
				if (cli_parse_int(optarg, 0, 2147483647L, &o.limit) != 0)
					cli_usage_error("invalid value \"%s\" for option -n/--limit", optarg);
				break;
			case 'p':
				o.path = optarg;
				break;
			case 'P':
				if (cli_parse_int(optarg, 10, 18, &v) != 0)
					cli_usage_error("unsupported PostgreSQL major \"%s\" (10 to 18)", optarg);
				o.pg_version = (int) v;
				break;
			case 'q':
				o.quiet = true;
				break;
			case 'r':
				if (strcmp(optarg, "list") == 0)
					list_rmgrs();
				o.has_rmgr_filter = true;
				if (rmgr_parse_list(optarg, o.rmgr_filter) != 0)
					cli_usage_error("unknown resource manager in \"%s\" (-r list shows them)", optarg);
				break;
			case 'R':
				{
					unsigned	a,
								b,
								cc;
					int			n = 0;

					o.has_rel = true;
					if (sscanf(optarg, "%u/%u/%u%n", &a, &b, &cc, &n) != 3 || optarg[n] != '\0')
					{
						o.relname = optarg;		/* a name: resolved with -D */
						break;
					}
					o.rel[0] = a;
					o.rel[1] = b;
					o.rel[2] = cc;
				}
				break;
			case 's':
				if (wal_parse_position(optarg, &o.start, &start_is_seg, &start_seg) != 0)
					cli_usage_error("invalid WAL location \"%s\"", optarg);
				o.has_start = true;
				break;
			case 't':
				if (cli_parse_int(optarg, 1, UINT32_MAX, &v) != 0)
					cli_usage_error("invalid timeline \"%s\"", optarg);
				o.tli = (uint32_t) v;
				o.has_tli = true;
				break;
			case 'w':
				o.fullpage = true;
				break;
			case 'x':
				if (cli_parse_int(optarg, 0, UINT32_MAX, &v) != 0)
					cli_usage_error("invalid transaction ID \"%s\"", optarg);
				o.has_xid = true;
				o.xid = (uint32_t) v;
				break;
			case 'z':
				o.stats = 1;
				if (optarg != NULL)
				{
					if (strcmp(optarg, "record") != 0)
						cli_usage_error("invalid value \"%s\" for option -z/--stats", optarg);
					o.stats = 2;
				}
				break;
			case 1000:
				o.save_fullpage = optarg;
				break;
			case 1001:
				o.fpi_verify = true;
				break;
			case 'D':
				o.pgdata = optarg;
				break;
			case 'd':
				o.dbname = optarg;
				break;
			case 1002:
				o.names = true;
				break;
			case 1003:
				o.decode_rows = true;
				if (optarg != NULL && strcmp(optarg, "images") != 0)
					cli_usage_error("invalid value \"%s\" for option --decode-rows (images)", optarg);
				o.decode_images = optarg != NULL;
				break;
			case 1004:
				o.xacts = true;
				break;
			case 1005:
			case 1006:
				if (walxacts_parse_time(optarg, c == 1005 ? &o.window.since : &o.window.until) != 0)
					cli_usage_error("invalid timestamp \"%s\" (YYYY-MM-DD HH:MM[:SS] UTC)", optarg);
				if (c == 1005)
					o.window.has_since = true;
				else
					o.window.has_until = true;
				break;
			case 1007:
				o.with_indexes = true;
				break;
			case 'V':
				cli_print_version();
			case 'h':
				usage();
			default:
				cli_try_help();
		}
	}
	if (o.has_block && !o.has_rel)
		cli_usage_error("option -B/--block requires option -R/--relation");
	if (o.relname != NULL && o.pgdata == NULL)
		cli_usage_error("invalid relation specification \"%s\" (expected T/D/R, or a name with -D)",
						o.relname);
	if ((o.names || o.decode_rows || o.with_indexes || o.dbname != NULL) && o.pgdata == NULL)
		cli_usage_error("--names, --decode-rows, --with-indexes and -d need -D DIR");
	if (o.xacts && o.stats)
		cli_usage_error("--xacts and --stats are two different summaries: give one");

	diags_reset(&ds);
	/* as pg_waldump: the directory is created if missing; one error, not one per image */
	if (o.save_fullpage != NULL &&
		(walfpi_mkdir_p(o.save_fullpage) != 0 || access(o.save_fullpage, W_OK | X_OK) != 0))
	{
		fprintf(stderr, "%s: %s: cannot write page images there (%s)\n",
				cli_prog(), o.save_fullpage, strerror(errno));
		return EXIT_TROUBLE;
	}
	if (o.path != NULL && argc - optind > 2)
		cli_usage_error("too many command-line arguments (first is \"%s\")", argv[optind + 2]);
	if (o.path == NULL && optind >= argc)
		cli_usage_error("no input files");
	if (o.path == NULL && strcmp(argv[optind], "-") == 0 && argc - optind > 1)
		cli_usage_error("\"-\" (standard input) must be the only input");

	memset(&spec, 0, sizeof(spec));
	spec.dir = o.path;
	spec.args = argv + optind;
	spec.nargs = argc - optind;
	spec.start_seg = start_is_seg ? start_seg : NULL;
	spec.end_seg = end_is_seg ? end_seg : NULL;
	spec.start = o.start;
	spec.has_start = o.has_start;
	spec.end = o.end;
	spec.has_end = o.has_end;
	spec.tli = o.tli;
	spec.has_tli = o.has_tli;
	spec.pg_version = o.pg_version;
	spec.keep_going = o.keep_going;
	if (o.pgdata != NULL)
	{
		const char *err = NULL;

		if ((names = walnames_open(o.pgdata, &err)) == NULL)
		{
			fprintf(stderr, "%s: %s: %s\n", cli_prog(), o.pgdata, err);
			return EXIT_TROUBLE;
		}
		if (o.relname != NULL &&
			(o.nrels = walnames_resolve(names, o.dbname, o.relname, o.with_indexes,
										&o.rels, &err)) < 0)
		{
			fprintf(stderr, "%s: %s: %s\n", cli_prog(), o.relname, err);
			walnames_close(names);
			return EXIT_TROUBLE;
		}
	}
	if (o.window.has_since || o.window.has_until)
	{
		if (o.path == NULL && strcmp(argv[optind], "-") == 0)
			cli_usage_error("--since and --until read the WAL twice: not from standard input");
		if (walsource_open(&spec, &src, &info, &ds) == WSRC_OK)
		{
			window = walxacts_collect(&info, src, &ds);
			walsource_close(src);
		}
		diags_reset(&ds);
	}
	ws = walsource_open(&spec, &src, &info, &ds);
	if (ws != WSRC_OK)
	{
		cli_report(NULL, NULL, &ds);
		if (ws == WSRC_USAGE)
			cli_usage_error("%s", info.msg);
		if (info.msg[0] != '\0')
			fprintf(stderr, "%s: %s\n", cli_prog(), info.msg);
		rc = ws == WSRC_DAMAGE ? EXIT_DAMAGE : EXIT_TROUBLE;
	}
	else
	{
		rc = run(&o, src, &info, names, window, &ds);
		walsource_close(src);
	}
	walxacts_free(window);
	walnames_close(names);
	free(o.rels);
	free(start_seg);
	free(end_seg);
	return rc;
}
