/*
 * pgpage: the pages of relation files, read from disk with no server.
 *
 * Per page: the header as page_header() shows it, the page kind, flag
 * names, line pointer count, free space and the checksum verdict; on heap
 * pages every line pointer and tuple header as heap_page_items() shows
 * them, and with --check verify_heapam's offline checks (common/heapcheck).
 * --summary adds a file up instead; --hex dumps bytes.  The file
 * global/pg_control is decoded as pg_control_*() show it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/catalog_emit.h"
#include "cluster/clusterfile.h"
#include "cluster/control.h"
#include "cluster/control_emit.h"
#include "cluster/relmap.h"
#include "cluster/rows_emit.h"
#include "cluster/rowstate_emit.h"
#include "cluster/version.h"
#include "heap/heapcheck.h"
#include "heap/heappage.h"
#include "heap/heappage_emit.h"
#include "io/blockreader.h"
#include "io/input.h"
#include "out/cli.h"
#include "out/cli_version.h"
#include "out/emit.h"
#include "page/checksum.h"
#include "page/page.h"
#include "page/page_emit.h"
#include "page/page_summary.h"
#include "pgpage_cluster.h"
#include "types/datum_emit.h"
#include "wal/walreader.h"

/* getopt_long values of long options with no short form */
enum {
	OPT_PG_VERSION = 0x100,
	OPT_NO_PROGRESS,
	OPT_PAT = 0x200				/* + PAT_DB .. PAT_XINDEX */
};

struct options {
	bool		json;
	bool		verify;			/* -k, and this file's cluster has checksums */
	bool		force_verify;	/* --force-verify: -k whatever pg_control says */
	bool		checksums_off;	/* -k asked, pg_control says data checksums off */
	bool		strict;			/* --strict: all-zero pages amid written are damage */
	bool		check;			/* --check: verify_heapam's offline checks */
	bool		summary;		/* --summary: one record per file */
	bool		hex;			/* --hex: raw bytes of pages or of --item */
	uint16_t	item;			/* --item: only this line pointer, 0 = all */
	const struct pg_profile *profile;	/* --pg-version, or NULL: detect */
	uint32_t	from;
	uint32_t	to;
	struct tupdesc *types;		/* -T: decode tuple values with these columns */
	struct toast_store *toast;	/* --toast: the TOAST relation of -T's values */
	struct value_scratch *vs;	/* -T: scratch reused from tuple to tuple */
	struct xact *xact;			/* -D --relation: each tuple's row state */
	bool		rowmode;		/* --deleted, --aborted, --all-versions, --xid, --format */
	struct rows_request rows;	/* which rows, in which format */
};

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads the pages of PostgreSQL relation files, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n"
		   "  %s -D DIR [-k] [--check] [OPTION]...\n\n"
		   "FILE is a relation segment (base/DB/REL, REL.N, REL_fsm, REL_vm,\n"
		   "REL_init), gzip'd or not, \"-\" for standard input, global/pg_control or\n"
		   "pg_filenode.map; other files of a cluster are skipped with a notice.\n\n"
		   "Options:\n"
		   "  -b, --block=N[-M]    only absolute block N, or blocks N to M\n"
		   "  -c, --check          check heap pages as amcheck's verify_heapam does\n"
		   "                       (line pointers, tuple headers, HOT chains)\n"
		   "  -i, --item=N         only line pointer N of each page (heap items, --hex)\n"
		   "  -j, --json           JSON Lines: one object per page\n"
		   "  -k, --verify         verify page checksums; a mismatch is damage (not in a\n"
		   "                       cluster whose pg_control says checksums are off)\n"
		   "      --force-verify   with -k, verify even where pg_control says they are off\n"
		   "      --pg-version=N   the cluster's major (10..18) instead of detecting it\n"
		   "  -s, --summary        one record per file: pages by kind, items, free\n"
		   "                       space, checksum failures (with -k)\n"
		   "      --strict         all-zero pages amid written pages are damage\n"
		   "  -T, --types=LIST     decode heap tuples' values; LIST: the columns' types\n"
		   "                       in order, e.g. int4,name:text,~int8 (see pgpage(1))\n"
		   "      --toast=FILE     the TOAST relation's file for -T (once per segment)\n"
		   "  -x, --hex            also dump the raw bytes of each page (or of --item)\n"
		   "  -D, --pgdata=DIR     with no FILE: every relation file of the cluster in\n"
		   "                       DIR, by name, findings only; else the directory for\n"
		   "                       the options below (else $PGDATA)\n"
		   "      --database=PAT   -D: only databases matching PAT (pg_amcheck's patterns)\n"
		   "      --table=PAT      -D: only tables matching [[DB.]SCHEMA.]NAME, * and ?\n"
		   "      --index=PAT      -D: only indexes matching PAT\n"
		   "      --exclude-database=PAT, --exclude-table=PAT, --exclude-index=PAT\n"
		   "  -J, --jobs=N         -D: N worker processes (default: the number of cores)\n"
		   "  -P, --progress       -D: progress on stderr (default: when it is a terminal)\n"
		   "      --no-progress    -D: no progress\n"
		   "  -d, --dbname=DB      the database, by name or OID\n"
		   "      --list           the databases, or with -d the relations and their files\n"
		   "      --columns        with --list, each relation's columns\n"
		   "      --catalog-versions  with --list, every version of each pg_class row\n"
		   "                       (and with --columns of its pg_attribute rows) still\n"
		   "                       on disk, dead ones too, with xmin, xmax and visible\n"
		   "      --relation=REL   read relation REL (NAME, schema.name or OID) of -d's\n"
		   "                       database, its values decoded from the catalog, each\n"
		   "                       tuple's row state from pg_xact, pg_subtrans and\n"
		   "                       pg_multixact\n"
		   "      --deleted        with --relation: rows deleted or updated by committed\n"
		   "                       transactions, still on disk\n"
		   "      --aborted        with --relation: rows inserted by aborted transactions\n"
		   "      --all-versions   with --relation: every row version, update chains in order\n"
		   "      --xid=N          with --relation: the rows transaction N inserted,\n"
		   "                       deleted, updated or locked\n"
		   "      --format=FMT     with --relation: the visible (or selected) rows as\n"
		   "                       copy (COPY text), csv (with a header) or rows (JSON Lines)\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

/* --hex: the bytes to dump, the page's or the --item's; returns the count. */
static size_t
hex_span(const uint8_t *page, const struct page_header *h,
		 const struct options *o, const uint8_t **p, unsigned *off)
{
	*p = page;
	*off = 0;
	if (o->item)
		return page_item_bytes(page, h, o->item, p, off);
	return BLCKSZ;
}

static void
emit_page(struct emit *e, const char *file, const uint8_t *page, uint32_t blkno,
		  const struct relfile *rf, const struct options *o,
		  struct page_summary *sum, struct diags *ds)
{
	struct page_header h;
	enum page_kind kind;
	bool		written;
	uint16_t	computed = 0;
	const uint8_t *hexp = NULL;
	unsigned	hexoff = 0;
	size_t		hexlen = 0;
	const struct heappage_emit_opts ho = {o->profile, o->item, o->types, o->toast, o->vs,
		o->xact ? rowstate_emit_tuple_fn : NULL, o->xact};

	page_header_decode(page, &h);
	kind = page_kind_of(page, &h, rf->fork);
	/*
	 * A page is new only if every byte is zero (PageIsVerified); a zero
	 * header over written bytes is a torn page: invalid, and its checksum
	 * is verified like any written page's, so it fails.
	 */
	written = page_verify(page, &h, blkno, ds) != PV_NEW;
	if (written)
	{
		computed = pg_checksum_page(page, blkno);
		if (o->verify && computed != h.checksum)
			diag_add_block(ds, D_CHECKSUM_MISMATCH, blkno,
						   "stored 0x%04x, computed 0x%04x", h.checksum, computed);
	}
	/* a line pointer off its page is damage in every mode */
	if ((kind == PK_HEAP || kind == PK_SEQUENCE) && o->check)
		heapcheck_page(page, &h, blkno, ds);
	else if (kind == PK_HEAP || kind == PK_SEQUENCE)
		heappage_check_lps(page, &h, blkno, ds);
	if (sum != NULL)
	{
		page_summary_add(sum, page, &h, kind, written && computed != h.checksum);
		cli_report(e, file, ds);
		return;
	}

	emit_begin(e);
	emit_str(e, "file", file, EF_NOTEXT);
	emit_uint(e, "blkno", blkno, EF_W(6));
	emit_str(e, "kind", page_kind_name(kind), EF_W(8) | EF_BARE);
	page_emit_header(e, &h);
	page_emit_checksum(e, &h, written, computed, !o->checksums_off);
	if (kind == PK_HEAP || kind == PK_SEQUENCE)
		heappage_emit_items(e, page, &h, &ho, blkno, ds);
	if (kind == PK_SEQUENCE)
		heappage_emit_sequence(e, page, &h, blkno, ds);
	if (o->hex)
		hexlen = hex_span(page, &h, o, &hexp, &hexoff);
	if (o->hex && emit_format_of(e) == EMIT_JSON)
		emit_bytea(e, "raw", hexp, hexlen, 0);
	cli_emit_diags(e, ds);
	emit_end(e);
	if (o->hex && emit_format_of(e) == EMIT_TEXT)
		page_emit_hex_lines(e, hexp, hexlen, hexoff);
	cli_report(e, file, ds);
}

/*
 * All-zero pages are what PostgreSQL leaves at a relation's end when an
 * extension was never written, what hash indexes preallocate, and what
 * 16+ leaves in FSM and VM forks.  Amid written pages of anything else they
 * may be lost writes, but PostgreSQL reads them as new pages without
 * complaint (an extension that was never written before a crash, SP-GiST
 * of 10 and 11): a notice per run of them, damage only with --strict.
 * They are held back (only their count: they are all alike) until the next
 * written page says which.
 */
struct zero_run {
	uint32_t	first;
	uint32_t	count;
};

static void
flush_zeros(struct emit *e, const char *file, struct zero_run *z, bool amid,
			const struct relfile *rf, const struct options *o, struct page_summary *sum,
			struct diags *ds)
{
	static const uint8_t zeros[BLCKSZ];
	uint32_t	i;

	if (amid && z->count > 0 && sum != NULL)
		sum->zero_amid += z->count;
	if (amid && z->count > 0 && !o->strict)
	{
		if (z->count == 1)
			diag_add_block(ds, D_ZERO_PAGES, z->first, "1 page");
		else
			diag_add_block(ds, D_ZERO_PAGES, z->first, "%u pages, blocks %u to %u",
						   (unsigned) z->count, (unsigned) z->first,
						   (unsigned) (z->first + z->count - 1));
	}
	for (i = 0; i < z->count; i++)
	{
		if (amid && o->strict)
			diag_add_block(ds, D_ZERO_PAGE, z->first + i, NULL);
		emit_page(e, file, zeros, z->first + i, rf, o, sum, ds);
	}
	z->count = 0;
}

/*
 * Whether a block is the first page of a WAL segment: a long page header
 * (XLP_LONG_HEADER) with a known XLOG_PAGE_MAGIC, 8 KiB WAL pages and a
 * segment size PostgreSQL allows (a power of two, 1 MB to 1 GB).
 */
static bool
looks_like_wal(const uint8_t *page)
{
	struct wal_page_header h;

	wal_page_header_decode(page, &h);
	return pg_profile_by_xlog_magic(h.magic) != NULL &&
		(h.info & XLP_LONG_HEADER) != 0 && h.xlog_blcksz == 8192 &&
		h.seg_size >= 1024 * 1024 && h.seg_size <= 1024 * 1024 * 1024 &&
		(h.seg_size & (h.seg_size - 1)) == 0;
}

/*
 * -k: whether the cluster above file has data checksums, from its
 * pg_control (data_checksum_version).  pg_control is looked up once per
 * directory of input files; the notice is said once per pg_control.  No
 * pg_control (a lone file, stdin) or one that cannot be trusted: verify.
 */
static void
checksums_for(struct emit *e, const char *file, struct options *o)
{
	static char lastdir[4096];
	static bool last_off;
	static char said[4096];
	static char found[4096];
	const char *slash = strrchr(file, '/');
	size_t		dlen = slash ? (size_t) (slash - file) : 0;
	struct pg_control c;
	struct diags ds;

	if (dlen >= sizeof(lastdir) || strcmp(file, "-") == 0)
		return;
	if (lastdir[0] == '\0' || strncmp(lastdir, file, dlen) != 0 || lastdir[dlen] != '\0')
	{
		memcpy(lastdir, file, dlen);
		lastdir[dlen] = '\0';
		if (dlen == 0)
			strcpy(lastdir, ".");
		last_off = pg_control_near(file, &c, found, sizeof(found)) == 1 &&
			c.data_checksum_version == 0;
	}
	if (!last_off)
		return;
	o->verify = false;
	o->checksums_off = true;
	if (strcmp(said, found) != 0)
	{
		snprintf(said, sizeof(said), "%s", found);
		diags_reset(&ds);
		diag_add(&ds, D_CHECKSUMS_DISABLED,
				 "data_checksum_version 0; --force-verify verifies anyway");
		cli_report(e, found, &ds);
	}
}

static void
do_relation(struct emit *e, const char *file, const struct options *opts)
{
	struct diags ds;
	struct blockreader *br;
	const uint8_t *page = NULL;
	uint32_t	blkno;
	enum br_result r;
	struct zero_run z = {0, 0};
	bool		zeros_ok;
	struct page_summary s0,
			   *sum = NULL;
	struct options fo = *opts;
	const struct options *o = &fo;
	bool		any = false;
	bool		wal = false;

	/* the major only names things in text; --pg-version wins, and says so */
	fo.profile = cli_profile_for(e, file, opts->profile);
	if (fo.verify && !fo.force_verify)
		checksums_for(e, file, &fo);
	if (o->summary)
	{
		memset(&s0, 0, sizeof(s0));
		sum = &s0;
	}
	diags_reset(&ds);
	br = blockreader_open(file, o->from, o->to, &ds);
	if (br == NULL)
	{
		cli_report(e, NULL, &ds);
		return;
	}
	zeros_ok = blockreader_relfile(br)->fork == FORK_FSM ||
		blockreader_relfile(br)->fork == FORK_VM;
	cli_file_header(e, file);
	while ((r = blockreader_next(br, &page, &blkno, &ds)) != BR_END)
	{
		struct page_header h;

		if (r == BR_ERROR)
			break;
		/* a WAL segment under a name of its own: one line, not 2,000 */
		if (!any && blkno == blockreader_relfile(br)->first_block &&
			(r == BR_PAGE || blockreader_short_len(br) >= WAL_LONG_PHD) &&
			looks_like_wal(page))
		{
			diags_reset(&ds);
			diag_add(&ds, D_WAL_SEGMENT_INPUT, "long page header at offset 0");
			wal = true;
			break;
		}
		any = true;
		if (r == BR_SHORT)
		{
			flush_zeros(e, file, &z, false, blockreader_relfile(br), o, sum, &ds);
			cli_report(e, file, &ds);
			break;
		}
		page_header_decode(page, &h);
		if (page_is_new(&h) && page_is_zero(page, BLCKSZ))
		{
			if (z.count == 0)
				z.first = blkno;
			z.count++;
			continue;
		}
		if (page_kind_of(page, &h, blockreader_relfile(br)->fork) == PK_HASH)
			zeros_ok = true;
		flush_zeros(e, file, &z, !zeros_ok, blockreader_relfile(br), o, sum, &ds);
		emit_page(e, file, page, blkno, blockreader_relfile(br), o, sum, &ds);
	}
	flush_zeros(e, file, &z, false, blockreader_relfile(br), o, sum, &ds);
	/* a truncated relation is normal, but a silent run would look like no input */
	if (!any && r == BR_END && o->from <= blockreader_relfile(br)->first_block)
		diag_add(&ds, D_EMPTY_FILE, NULL);
	cli_report(e, file, &ds);
	if (sum != NULL && !wal)
		page_summary_emit(e, file, sum, o->verify, o->checksums_off);
	blockreader_close(br);
}

static void
do_control(struct emit *e, const char *file)
{
	struct diags ds;
	struct pg_control c;
	uint8_t    *buf;
	size_t		len;

	diags_reset(&ds);
	buf = input_slurp(file, 16384, &len, &ds);
	if (buf == NULL)
	{
		cli_report(e, NULL, &ds);
		return;
	}
	if (control_decode(buf, len, &c, &ds) == 0)
	{
		emit_begin(e);
		control_emit(e, file, &c);
		cli_emit_diags(e, &ds);
		emit_end(e);
	}
	cli_report(e, file, &ds);
	free(buf);
}

/* pg_filenode.map: the mapped catalogs' file numbers, as relmapper.c reads them. */
static void
do_relmap(struct emit *e, const char *file)
{
	struct diags ds;
	struct relmap m;
	uint8_t    *buf;
	size_t		len;
	unsigned	i;

	diags_reset(&ds);
	/* a little more than either layout, so a longer file is seen as such */
	buf = input_slurp(file, 1024, &len, &ds);
	if (buf == NULL)
	{
		cli_report(e, NULL, &ds);
		return;
	}
	if (relmap_decode(buf, len, &m, &ds) == 0)
	{
		emit_begin(e);
		emit_str(e, "file", file, EF_NOTEXT);
		emit_str(e, "kind", "pg_filenode.map", EF_BARE);
		emit_uint(e, "magic", m.magic, EF_HEX);
		emit_int(e, "num_mappings", m.num_mappings, 0);
		emit_bool(e, "crc_ok", m.crc_ok, 0);
		emit_arr_begin(e, "mappings", 0);
		for (i = 0; i < m.n; i++)
		{
			emit_obj_begin(e, NULL, 0);
			emit_uint(e, "mapoid", m.mappings[i].mapoid, 0);
			emit_uint(e, "mapfilenumber", m.mappings[i].mapfilenumber, 0);
			emit_obj_end(e);
		}
		emit_arr_end(e);
		cli_emit_diags(e, &ds);
		emit_end(e);
	}
	cli_report(e, file, &ds);
	free(buf);
}

/* One notice for a file pgpage does not read as pages. */
static void
skip_file(struct emit *e, const char *file, enum diag_code code, const char *what)
{
	struct diags ds;

	diags_reset(&ds);
	diag_add(&ds, code, "%s", what);
	cli_report(e, file, &ds);
}

/*
 * -D: --list from the catalog, or --relation's files read as if named,
 * with its columns and TOAST relation from the catalog in place of -T.
 */
static int
by_catalog(const struct catalog_request *q, struct options *o)
{
	struct emit *e;
	struct catalog_relation rel;
	int			i;

	if (o->rowmode && q->relation == NULL)
		cli_usage_error("--deleted, --aborted, --all-versions, --xid and --format need --relation");
	if (o->json && (o->rows.format == ROWS_COPY || o->rows.format == ROWS_CSV))
		cli_usage_error("--format=copy and csv do not go with --json");
	e = cli_emit_open(o->json || o->rows.format == ROWS_JSONL);
	if (q->list)
		catalog_emit_list(e, q);
	else if (q->relation == NULL)
		cli_usage_error("-D and -d need --list or --relation");
	else if (catalog_open_relation(e, q, &rel) == 0)
	{
		const char *pgdata = q->pgdata ? q->pgdata : getenv("PGDATA");

		/* the row state needs the logs: xact_open reads nothing yet */
		if ((o->xact = xact_open(pgdata)) == NULL)
			cli_usage_error("out of memory");
		if (o->types == NULL)
			o->types = rel.td;
		o->toast = rel.toast;
		if (o->rowmode)
		{
			o->rows.profile = o->profile;
			rows_emit(e, o->xact, &rel, &o->rows);
		}
		else
			for (i = 0; i < rel.nfiles; i++)
				do_relation(e, rel.files[i], o);
		if (o->types == rel.td)
			o->types = NULL;
		xact_close(o->xact);
		o->xact = NULL;
		catalog_relation_free(&rel);
	}
	if (o->vs != NULL)
		value_scratch_free(o->vs);
	return cli_finish(e);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		/* -D --relation's row modes (cluster/rows_emit.h) */
		{"deleted", no_argument, NULL, ROWS_OPT_BASE + ROWS_DELETED},
		{"aborted", no_argument, NULL, ROWS_OPT_BASE + ROWS_ABORTED},
		{"all-versions", no_argument, NULL, ROWS_OPT_BASE + ROWS_ALL},
		{"xid", required_argument, NULL, ROWS_OPT_BASE + ROWS_XID},
		{"format", required_argument, NULL, 'f'},
		{"block", required_argument, NULL, 'b'},
		{"check", no_argument, NULL, 'c'},
		{"hex", no_argument, NULL, 'x'},
		{"item", required_argument, NULL, 'i'},
		{"pg-version", required_argument, NULL, OPT_PG_VERSION},
		{"force-verify", no_argument, NULL, 'F'},
		{"strict", no_argument, NULL, 'S'},
		{"summary", no_argument, NULL, 's'},
		{"types", required_argument, NULL, 'T'},
		{"toast", required_argument, NULL, 'O'},
		{"json", no_argument, NULL, 'j'},
		{"verify", no_argument, NULL, 'k'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		{"pgdata", required_argument, NULL, 'D'},
		{"dbname", required_argument, NULL, 'd'},
		{"list", no_argument, NULL, 'L'},
		{"columns", no_argument, NULL, 'C'},
		{"relation", required_argument, NULL, 'R'},
		{"jobs", required_argument, NULL, 'J'},
		{"progress", no_argument, NULL, 'P'},
		{"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
		{"database", required_argument, NULL, OPT_PAT + PAT_DB},
		{"exclude-database", required_argument, NULL, OPT_PAT + PAT_XDB},
		{"table", required_argument, NULL, OPT_PAT + PAT_TABLE},
		{"exclude-table", required_argument, NULL, OPT_PAT + PAT_XTABLE},
		{"index", required_argument, NULL, OPT_PAT + PAT_INDEX},
		{"exclude-index", required_argument, NULL, OPT_PAT + PAT_XINDEX},
		{"catalog-versions", no_argument, NULL, 'A'},
		{NULL, 0, NULL, 0}
	};
	struct catalog_request cq = {0};
	struct options o = {.from = 0, .to = UINT32_MAX};
	struct emit *e;
	int			c,
				i;
	long		n;
	const char **toast = NULL;
	int			ntoast = 0;
	struct diags ds;
	struct value_scratch vs = VALUE_SCRATCH_INIT;
	struct cluster_opts co = {.progress = -1};
	bool		cluster_only = false;	/* an option of -D's whole-cluster mode */

	cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, "b:cD:d:i:J:jkPsT:xVh", longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'b':
				if (cli_parse_block_range(optarg, &o.from, &o.to) != 0)
					cli_usage_error("invalid block range \"%s\"", optarg);
				break;
			case 'c':
				o.check = true;
				break;
			case 'i':
				if (cli_parse_int(optarg, 1, BLCKSZ / 4, &n) != 0)
					cli_usage_error("invalid item number \"%s\"", optarg);
				o.item = (uint16_t) n;
				break;
			case OPT_PG_VERSION:
				o.profile = cli_pg_version_arg(optarg);
				break;
			case 'J':
				if (cli_parse_int(optarg, 1, 256, &n) != 0)
					cli_usage_error("invalid number of jobs \"%s\" (1 to 256)", optarg);
				co.jobs = (int) n;
				cluster_only = true;
				break;
			case 'P':
				co.progress = 1;
				cluster_only = true;
				break;
			case OPT_NO_PROGRESS:
				co.progress = 0;
				cluster_only = true;
				break;
			case OPT_PAT + PAT_DB:
			case OPT_PAT + PAT_XDB:
			case OPT_PAT + PAT_TABLE:
			case OPT_PAT + PAT_XTABLE:
			case OPT_PAT + PAT_INDEX:
			case OPT_PAT + PAT_XINDEX:
				cluster_opts_pattern(&co, c - OPT_PAT, optarg);
				cluster_only = true;
				break;
			case 'F':
				o.force_verify = true;
				break;
			case 'S':
				o.strict = true;
				break;
			case 's':
				o.summary = true;
				break;
			case 'T':
				diags_reset(&ds);
				tupdesc_free(o.types);
				if ((o.types = tupdesc_from_spec(optarg, &ds)) == NULL)
					cli_usage_error("invalid --types \"%s\": %s", optarg,
									ds.n > 0 ? ds.d[0].detail : "out of memory");
				o.vs = &vs;
				break;
			case 'O':
				if ((toast = realloc(toast, (size_t) (ntoast + 1) * sizeof(*toast))) == NULL)
					cli_usage_error("out of memory");
				toast[ntoast++] = optarg;
				break;
			case 'x':
				o.hex = true;
				break;
			case 'j':
				o.json = true;
				break;
			case 'k':
				o.verify = true;
				break;
			case 'D':
				cq.pgdata = optarg;
				break;
			case 'd':
				cq.dbname = optarg;
				break;
			case 'L':
				cq.list = true;
				break;
			case 'C':
				cq.columns = true;
				break;
			case 'A':
				cq.versions = true;
				break;
			case 'R':
				cq.relation = optarg;
				o.vs = &vs;
				break;
			case ROWS_OPT_BASE + ROWS_DELETED:
			case ROWS_OPT_BASE + ROWS_ABORTED:
			case ROWS_OPT_BASE + ROWS_ALL:
			case ROWS_OPT_BASE + ROWS_XID:
				if (o.rowmode && o.rows.select != ROWS_VISIBLE)
					cli_usage_error("give one of --deleted, --aborted, --all-versions, --xid");
				o.rowmode = true;
				o.rows.select = (enum rows_select) (c - ROWS_OPT_BASE);
				if (c == ROWS_OPT_BASE + ROWS_XID)
				{
					if (cli_parse_int(optarg, 3, UINT32_MAX, &n) != 0)
						cli_usage_error("invalid transaction ID \"%s\"", optarg);
					o.rows.xid = (uint32_t) n;
				}
				break;
			case 'f':
				o.rowmode = true;
				if (strcmp(optarg, "copy") == 0)
					o.rows.format = ROWS_COPY;
				else if (strcmp(optarg, "csv") == 0)
					o.rows.format = ROWS_CSV;
				else if (strcmp(optarg, "rows") == 0)
					o.rows.format = ROWS_JSONL;
				else
					cli_usage_error("invalid --format \"%s\": copy, csv or rows", optarg);
				break;
			case 'V':
				cli_print_version();
			case 'h':
				usage();
			default:
				cli_try_help();
		}
	}
	if (cq.versions && !(cq.list && cq.dbname))
		cli_usage_error("--catalog-versions goes with -d and --list");
	if (cq.pgdata && !cq.list && !cq.relation && !o.rowmode && optind >= argc)
	{
		if (o.hex || o.item || o.types || ntoast > 0 || o.from != 0 || o.to != UINT32_MAX)
			cli_usage_error("-D with no FILE reads the whole cluster: no --block, --hex, --item, --types or --toast");
		co.pgdata = cq.pgdata;
		co.json = o.json;
		co.verify = o.verify;
		co.force_verify = o.force_verify;
		co.check = o.check;
		co.summary = o.summary;
		co.strict = o.strict;
		co.profile = o.profile;
		if (cq.dbname)
			cluster_opts_pattern(&co, PAT_DB, cq.dbname);
		return pgpage_cluster(&co);
	}
	if (cluster_only)
		cli_usage_error("--jobs, --progress and the patterns go with -D DIR and no FILE");
	if (cq.pgdata || cq.dbname || cq.list || cq.relation)
	{
		if (optind < argc || ntoast > 0)
			cli_usage_error("-D, --list and --relation take no FILE or --toast");
		return by_catalog(&cq, &o);
	}
	if (optind >= argc)
		cli_usage_error("no input files");
	if (o.rowmode)
		cli_usage_error("--deleted, --aborted, --all-versions, --xid and --format need --relation");
	if (o.summary && (o.hex || o.item))
		cli_usage_error("--summary does not go with --hex or --item");
	if (ntoast > 0 && o.types == NULL)
		cli_usage_error("--toast needs --types");
	e = cli_emit_open(o.json);
	if (ntoast > 0)
	{
		diags_reset(&ds);
		o.toast = toast_open(toast, ntoast, &ds);
		cli_report(e, NULL, &ds);
	}
	for (i = optind; i < argc && (ntoast == 0 || o.toast != NULL); i++)
	{
		const char *what = NULL;

		switch (file_role(argv[i], &what))
		{
			case ROLE_CONTROL:
				do_control(e, argv[i]);
				break;
			case ROLE_RELMAP:
				do_relmap(e, argv[i]);
				break;
			case ROLE_SKIP:
				skip_file(e, argv[i], D_NOT_RELATION, what);
				break;
			case ROLE_WAL:
				skip_file(e, argv[i], D_WAL_SEGMENT_INPUT, "by its name");
				break;
			case ROLE_RELATION:
				do_relation(e, argv[i], &o);
				break;
		}
	}
	toast_close(o.toast);
	free(toast);
	tupdesc_free(o.types);
	value_scratch_free(&vs);
	return cli_finish(e);
}
