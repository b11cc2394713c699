/*
 * pgpage: the pages of relation files, read from disk with no server.
 *
 * Per page: the header as page_header() shows it, the page kind, flag
 * names, line pointer count, free space and the checksum verdict; the
 * file global/pg_control is decoded as pg_control_*() show it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blockreader.h"
#include "checksum.h"
#include "cli.h"
#include "control.h"
#include "emit.h"
#include "input.h"
#include "page.h"

struct options {
	bool		json;
	bool		verify;
	uint32_t	from;
	uint32_t	to;
};

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads the pages of PostgreSQL relation files, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n\n"
		   "FILE is a relation segment (base/DB/REL, REL.N, REL_fsm, REL_vm,\n"
		   "REL_init), gzip'd or not, \"-\" for standard input, or global/pg_control.\n\n"
		   "Options:\n"
		   "  -b, --block=N[-M]    only absolute block N, or blocks N to M\n"
		   "  -j, --json           JSON Lines: one object per page\n"
		   "  -k, --verify         verify page checksums; a mismatch is damage\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

/* page_header() shows pd_checksum as a smallint; so do we, in JSON. */
static int64_t
as_smallint(uint16_t v)
{
	return (int16_t) v;
}

static void
emit_page(struct emit *e, const char *file, const uint8_t *page, uint32_t blkno,
		  const struct relfile *rf, const struct options *o, struct diags *ds)
{
	struct page_header h;
	enum page_kind kind;
	const char *flags[4];
	int			nflags,
				i;
	bool		zero;
	uint16_t	computed = 0;

	page_header_decode(page, &h);
	zero = page_is_new(&h) && page_is_zero(page, BLCKSZ);
	kind = page_kind_of(page, &h, rf->fork);
	if (!page_is_new(&h))
	{
		computed = pg_checksum_page(page, blkno);
		page_check(&h, blkno, ds);
		if (o->verify && computed != h.checksum)
			diag_add_block(ds, D_CHECKSUM_MISMATCH, blkno,
						   "stored 0x%04x, computed 0x%04x", h.checksum, computed);
	}
	else if (!zero)
		diag_add_block(ds, D_BAD_PAGE_HEADER, blkno,
					   "pd_upper is 0 but the page is not all zeros");

	emit_begin(e);
	emit_str(e, "file", file, EF_NOTEXT);
	emit_uint(e, "blkno", blkno, EF_W(6));
	emit_str(e, "kind", page_kind_name(kind), EF_W(8) | EF_BARE);
	emit_lsn(e, "lsn", h.lsn, EF_W(11));
	if (emit_format_of(e) == EMIT_JSON)
		emit_int(e, "checksum", as_smallint(h.checksum), 0);
	else
		emit_uint(e, "checksum", h.checksum, EF_HEX);
	emit_uint(e, "flags", h.flags, EF_HEX);
	emit_uint(e, "lower", h.lower, EF_W(4));
	emit_uint(e, "upper", h.upper, EF_W(4));
	emit_uint(e, "special", h.special, EF_W(4));
	emit_uint(e, "pagesize", h.pagesize, 0);
	emit_uint(e, "version", h.version, 0);
	emit_uint(e, "prune_xid", h.prune_xid, 0);
	nflags = page_flag_names(h.flags, flags, 4);
	emit_arr_begin(e, "flag_names", EF_NOTEXT);
	for (i = 0; i < nflags; i++)
		emit_str(e, NULL, flags[i], 0);
	emit_arr_end(e);
	emit_uint(e, "item_count", page_item_count(&h), 0);
	emit_uint(e, "free_space", h.upper > h.lower ? (unsigned) (h.upper - h.lower) : 0, 0);
	if (page_is_new(&h))
	{
		emit_null(e, "checksum_computed", EF_NOTEXT);
		emit_null(e, "checksum_ok", EF_NOTEXT);
	}
	else
	{
		if (emit_format_of(e) == EMIT_JSON)
			emit_int(e, "checksum_computed", as_smallint(computed), 0);
		else if (computed != h.checksum)
			emit_uint(e, "computed", computed, EF_HEX);
		emit_bool(e, "checksum_ok", computed == h.checksum, EF_NOTEXT);
	}
	cli_emit_diags(e, ds);
	emit_end(e);
	cli_report(e, file, ds);
}

/*
 * All-zero pages are what PostgreSQL leaves at a relation's end when an
 * extension was never written, what hash indexes preallocate, and what
 * 16+ leaves in FSM and VM forks; amid written pages of anything else they
 * are lost writes or damage.  They are held back (only their count: they
 * are all alike) until the next written page says which.
 */
struct zero_run {
	uint32_t	first;
	uint32_t	count;
};

static void
flush_zeros(struct emit *e, const char *file, struct zero_run *z, bool damage,
			const struct relfile *rf, const struct options *o, struct diags *ds)
{
	static const uint8_t zeros[BLCKSZ];
	uint32_t	i;

	for (i = 0; i < z->count; i++)
	{
		if (damage)
			diag_add_block(ds, D_ZERO_PAGE, z->first + i, NULL);
		emit_page(e, file, zeros, z->first + i, rf, o, ds);
	}
	z->count = 0;
}

static void
do_relation(struct emit *e, const char *file, const struct options *o)
{
	struct diags ds;
	struct blockreader *br;
	const uint8_t *page = NULL;
	uint32_t	blkno;
	enum br_result r;
	struct zero_run z = {0, 0};
	bool		zeros_ok;

	diags_reset(&ds);
	br = blockreader_open(file, o->from, o->to, &ds);
	if (br == NULL)
	{
		cli_report(e, NULL, &ds);
		return;
	}
	zeros_ok = blockreader_relfile(br)->fork == FORK_FSM ||
		blockreader_relfile(br)->fork == FORK_VM;
	if (emit_format_of(e) == EMIT_TEXT)
	{
		emit_flush(e);
		emit_begin(e);
		emit_text(e, "== ");
		emit_text(e, file);
		emit_end(e);
	}
	while ((r = blockreader_next(br, &page, &blkno, &ds)) != BR_END)
	{
		struct page_header h;

		if (r == BR_ERROR)
			break;
		if (r == BR_SHORT)
		{
			flush_zeros(e, file, &z, false, blockreader_relfile(br), o, &ds);
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
		flush_zeros(e, file, &z, !zeros_ok, blockreader_relfile(br), o, &ds);
		emit_page(e, file, page, blkno, blockreader_relfile(br), o, &ds);
	}
	flush_zeros(e, file, &z, false, blockreader_relfile(br), o, &ds);
	cli_report(e, file, &ds);
	blockreader_close(br);
}

static void
do_control(struct emit *e, const char *file)
{
	struct diags ds;
	struct pg_control c;
	uint8_t    *buf;
	size_t		len;
	char		tmp[64];

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
		emit_str(e, "file", file, EF_NOTEXT);
		emit_str(e, "kind", "pg_control", EF_BARE);
		emit_int(e, "pg_version", c.profile ? c.profile->major : 0, 0);
		emit_uint(e, "pg_control_version", c.pg_control_version, 0);
		emit_uint(e, "catalog_version_no", c.catalog_version_no, 0);
		snprintf(tmp, sizeof(tmp), "%llu", (unsigned long long) c.system_identifier);
		emit_str(e, "system_identifier", tmp, 0);
		emit_str(e, "state", c.state_name, 0);
		emit_lsn(e, "checkpoint_lsn", c.checkpoint, 0);
		emit_lsn(e, "redo_lsn", c.redo, 0);
		emit_uint(e, "timeline_id", c.timeline, 0);
		emit_uint(e, "prev_timeline_id", c.prev_timeline, 0);
		emit_bool(e, "full_page_writes", c.full_page_writes, 0);
		snprintf(tmp, sizeof(tmp), "%u:%u", c.next_xid_epoch, c.next_xid);
		emit_str(e, "next_xid", tmp, 0);
		emit_uint(e, "next_oid", c.next_oid, 0);
		emit_uint(e, "next_multixact_id", c.next_multi, 0);
		emit_uint(e, "next_multi_offset", c.next_multi_offset, 0);
		emit_uint(e, "oldest_xid", c.oldest_xid, 0);
		emit_uint(e, "oldest_xid_dbid", c.oldest_xid_db, 0);
		emit_uint(e, "oldest_active_xid", c.oldest_active_xid, 0);
		emit_uint(e, "oldest_multi_xid", c.oldest_multi, 0);
		emit_uint(e, "oldest_multi_dbid", c.oldest_multi_db, 0);
		emit_uint(e, "oldest_commit_ts_xid", c.oldest_commit_ts_xid, 0);
		emit_uint(e, "newest_commit_ts_xid", c.newest_commit_ts_xid, 0);
		emit_uint(e, "max_data_alignment", c.max_align, 0);
		emit_uint(e, "database_block_size", c.blcksz, 0);
		emit_uint(e, "blocks_per_segment", c.relseg_size, 0);
		emit_uint(e, "wal_block_size", c.xlog_blcksz, 0);
		emit_uint(e, "bytes_per_wal_segment", c.xlog_seg_size, 0);
		emit_uint(e, "max_identifier_length", c.name_data_len, 0);
		emit_uint(e, "max_index_columns", c.index_max_keys, 0);
		emit_uint(e, "max_toast_chunk_size", c.toast_max_chunk_size, 0);
		emit_uint(e, "large_object_chunk_size", c.loblksize, 0);
		emit_bool(e, "float8_pass_by_value", c.float8_byval, 0);
		emit_uint(e, "data_page_checksum_version", c.data_checksum_version, 0);
		emit_bool(e, "crc_ok", c.crc_ok, 0);
		cli_emit_diags(e, &ds);
		emit_end(e);
	}
	cli_report(e, file, &ds);
	free(buf);
}

static bool
is_control_file(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;

	return strcmp(base, "pg_control") == 0 || strcmp(base, "pg_control.gz") == 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"block", required_argument, NULL, 'b'},
		{"json", no_argument, NULL, 'j'},
		{"verify", no_argument, NULL, 'k'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct options o = {false, false, 0, UINT32_MAX};
	struct emit *e;
	int			c,
				i;

	cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, "b:jkVh", longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'b':
				if (cli_parse_block_range(optarg, &o.from, &o.to) != 0)
					cli_usage_error("invalid block range \"%s\"", optarg);
				break;
			case 'j':
				o.json = true;
				break;
			case 'k':
				o.verify = true;
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
	e = emit_open(o.json ? EMIT_JSON : EMIT_TEXT, stdout);
	if (e == NULL)
	{
		fprintf(stderr, "%s: out of memory\n", cli_prog());
		return EXIT_TROUBLE;
	}
	for (i = optind; i < argc; i++)
	{
		if (is_control_file(argv[i]))
			do_control(e, argv[i]);
		else
			do_relation(e, argv[i], &o);
	}
	return cli_finish(e);
}
