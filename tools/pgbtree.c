/*
 * pgbtree: B-tree index files, read from disk with no server.
 *
 * Block 0 as bt_metap() shows it, every other block as bt_page_stats()
 * with its items as bt_page_items(), in the columns of the file's major
 * (from the cluster around it, or --pg-version).  --tree walks the tree
 * from the root and prints its shape; --check verifies the invariants that
 * need neither the heap nor the key types, and with --types (the index's
 * column types) the key order too.  --types also shows each item's key.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/blockreader.h"
#include "nbtree/btree.h"
#include "nbtree/btree_keycheck.h"
#include "nbtree/btree_keys.h"
#include "nbtree/btree_walk.h"
#include "cluster/catalog_emit.h"
#include "out/cli.h"
#include "out/cli_catalog.h"
#include "out/cli_version.h"
#include "types/datum_cmp.h"
#include "types/datum_emit.h"
#include "out/emit.h"
#include "page/page.h"
#include "out/strbuf.h"
#include "cluster/version.h"

struct options {
	bool		json;
	bool		tree;
	bool		check;
	bool		no_items;
	uint32_t	from;
	uint32_t	to;
	const struct pg_profile *prof;	/* --pg-version, or NULL: detect */
	struct tupdesc *td;			/* --types, or NULL */
	int			nkeyatts;		/* columns before the ';' of --types */
	const int16_t *indoption;	/* --relation: pg_index.indoption; NULL: all ASC */
	bool		no_keycheck;	/* --relation: a key type has no ordering here */
};

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads B-tree index files of PostgreSQL 10 to 18, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n"
		   "  %s [OPTION]... -D DIR -d DB --relation=INDEX\n\n"
		   "FILE is a B-tree index segment (base/DB/REL, REL.N), gzip'd or not,\n"
		   "or \"-\" for standard input.  Block 0 is shown as bt_metap(), every other\n"
		   "block as bt_page_stats() with its items as bt_page_items().\n\n"
		   "Options:\n"
		   "  -b, --block=N[-M]    only absolute block N, or blocks N to M\n"
		   "  -c, --check          check the tree's invariants; a violation is damage\n"
		   "  -j, --json           JSON Lines: one object per page\n"
		   "  -n, --no-items       pages without their items\n"
		   "  -P, --pg-version=N   show the columns of PostgreSQL major N\n"
		   "  -t, --tree           walk the tree from its root and print its shape\n"
		   "  -T, --types=LIST     the index's column types (KEYS[;INCLUDED]): show\n"
		   "                       each item's values, check key order with -c\n"
		   CLI_CATALOG_HELP
		   "                       (an index: its key columns, types, DESC and NULLS\n"
		   "                       FIRST from pg_index and pg_attribute, no -T needed)\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

static void
emit_tid(struct emit *e, const char *key, const struct bt_tid *t, unsigned flags)
{
	char		buf[32];

	bt_tid_format(t, buf, sizeof(buf));
	emit_str(e, key, buf, flags);
}

/* bt_page_items() prints data as hex bytes separated by spaces. */
static void
emit_data(struct emit *e, const uint8_t *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char	   *buf = malloc(n * 3 + 1);
	size_t		k = 0;

	if (buf == NULL)
	{
		emit_null(e, "data", 0);
		return;
	}
	for (size_t i = 0; i < n; i++)
	{
		if (i > 0)
			buf[k++] = ' ';
		buf[k++] = hex[p[i] >> 4];
		buf[k++] = hex[p[i] & 15];
	}
	buf[k] = '\0';
	emit_strn(e, "data", buf, k, 0);
	free(buf);
}

static void
emit_meta(struct emit *e, const char *file, uint32_t blkno, const struct bt_meta *m,
		  const struct pg_profile *prof, struct diags *ds)
{
	emit_begin(e);
	emit_str(e, "file", file, EF_NOTEXT);
	emit_uint(e, "blkno", blkno, EF_W(6));
	emit_str(e, "type", "meta", EF_BARE | EF_W(4) | EF_LEFT);
	emit_uint(e, "magic", m->magic, 0);
	emit_uint(e, "version", m->version, 0);
	emit_uint(e, "root", m->root, 0);
	emit_uint(e, "level", m->level, 0);
	emit_uint(e, "fastroot", m->fastroot, 0);
	emit_uint(e, "fastlevel", m->fastlevel, 0);
	if (prof->bt_metap_cols >= 8)
	{
		emit_uint(e, prof->bt_full_xid ? "last_cleanup_num_delpages" : "oldest_xact",
				  m->oldest_xact, 0);
		emit_double(e, "last_cleanup_num_tuples", m->last_cleanup_num_heap_tuples, 0);
	}
	if (prof->bt_metap_cols >= 9)
		emit_bool(e, "allequalimage", m->allequalimage, 0);
	cli_emit_diags(e, ds);
	emit_end(e);
}

/*
 * "values": {"col": "text" | null, ...} of the attributes the tuple holds
 * (a truncated pivot holds fewer; an internal page's first item none).
 */
static void
emit_values(struct emit *e, const struct options *opt, const struct bt_item *it,
			bool minus_inf, const struct pg_profile *prof, uint32_t blkno,
			struct diags *ds)
{
	struct bt_keydesc kd = {opt->td, opt->nkeyatts, false, opt->indoption};
	struct bt_key k;
	struct attr_value *vals = calloc((size_t) opt->td->natts, sizeof(*vals));
	struct strbuf sb = STRBUF_INIT,
				quoted = STRBUF_INIT;
	struct type_opts to;
	int			first = ds->n;

	if (vals == NULL)
	{
		emit_null(e, "values", 0);
		return;
	}
	type_opts_for(prof, &to);
	bt_key_from_item(&kd, it, minus_inf, blkno, &k);
	bt_key_deform(&kd, &k, vals, ds);
	emit_obj_begin(e, "values", 0);
	for (int i = 0; i < opt->td->natts && bt_key_present(&k, i); i++)
	{
		struct tupcol c = opt->td->cols[i];

		if (c.dropped)
			continue;
		/* a name stored as cstring (name_ops): printed as its string */
		if (c.attlen == -2 && c.type && c.type->id == PGT_NAME)
			c.type = pg_type_by_id(PGT_TEXT);
		sb_reset(&sb);
		datum_emit_field(e, c.name, datum_to_text(&c, &vals[i], NULL, &to, &sb, ds),
						 &sb, &quoted);
	}
	emit_obj_end(e);
	for (int i = first; i < ds->n; i++)
	{
		ds->d[i].blkno = blkno;
		ds->d[i].has_blkno = 1;
		ds->d[i].item = it->itemoffset;
	}
	sb_free(&sb);
	sb_free(&quoted);
	free(vals);
}

static void
emit_items(struct emit *e, const uint8_t *page, const struct page_header *h,
		   const struct bt_opaque *o, const struct pg_profile *prof,
		   uint32_t blkno, const struct options *opt, struct diags *ds)
{
	unsigned	n = bt_item_count(h, o, prof);
	unsigned	firstdata = o->next == P_NONE ? 1 : 2;

	emit_arr_begin(e, "items", 0);
	for (unsigned off = 1; off <= n; off++)
	{
		struct bt_item it;

		if (!bt_item_decode(page, h, o, off, prof, blkno, &it, ds))
			continue;
		emit_obj_begin(e, NULL, 0);
		emit_uint(e, "itemoffset", it.itemoffset, EF_W(4));
		emit_tid(e, "ctid", &it.ctid, EF_W(14) | EF_LEFT);
		emit_uint(e, "itemlen", it.itemlen, EF_W(4));
		emit_bool(e, "nulls", it.nulls, 0);
		emit_bool(e, "vars", it.vars, 0);
		if (prof->bt_posting)
		{
			if (it.pivot)
				emit_null(e, "dead", 0);
			else
				emit_bool(e, "dead", it.dead, 0);
			if (it.has_htid)
				emit_tid(e, "htid", &it.htid, 0);
			else
				emit_null(e, "htid", 0);
			if (it.is_posting)
			{
				emit_arr_begin(e, "tids", 0);
				for (unsigned i = 0; i < it.nposting; i++)
				{
					struct bt_tid t;

					bt_item_tid(&it, i, &t);
					emit_tid(e, NULL, &t, 0);
				}
				emit_arr_end(e);
			}
			else
				emit_null(e, "tids", 0);
		}
		else if (it.dead)
			emit_bool(e, "dead", true, EF_NOJSON);
		emit_data(e, it.data, it.data_len);
		if (opt->td)
			emit_values(e, opt, &it, !(o->flags & BTP_LEAF) && off == firstdata,
						prof, blkno, ds);
		emit_obj_end(e);
	}
	emit_arr_end(e);
}

static void
emit_page(struct emit *e, const char *file, const uint8_t *page,
		  const struct page_header *h, uint32_t blkno,
		  const struct options *o, const struct pg_profile *prof,
		  struct diags *ds)
{
	struct bt_opaque op;
	struct bt_stats st;
	const char *names[16];
	int			nnames;
	char		type[2] = {0, 0};

	if (!bt_opaque_decode(page, h, &op, blkno, ds))
	{
		emit_begin(e);
		emit_str(e, "file", file, EF_NOTEXT);
		emit_uint(e, "blkno", blkno, EF_W(6));
		emit_null(e, "type", 0);
		cli_emit_diags(e, ds);
		emit_end(e);
		return;
	}
	if (op.flags & BTP_META)
	{
		struct bt_meta m;

		/* pageinspect refuses it; show it as the metapage it says it is */
		diag_add_block(ds, D_BT_BAD_PAGE, blkno, "a metapage outside block 0");
		bt_meta_decode(page, &m, ds);
		emit_meta(e, file, blkno, &m, prof, ds);
		return;
	}
	bt_page_stats(page, h, &op, prof, &st);
	type[0] = st.type;
	emit_begin(e);
	emit_str(e, "file", file, EF_NOTEXT);
	emit_uint(e, "blkno", blkno, EF_W(6));
	emit_str(e, "type", type, EF_BARE | EF_W(4) | EF_LEFT);
	emit_uint(e, "live_items", st.live_items, EF_W(3));
	emit_uint(e, "dead_items", st.dead_items, EF_W(3));
	emit_uint(e, "avg_item_size", st.avg_item_size, EF_W(4));
	emit_uint(e, "page_size", st.page_size, EF_NOTEXT);
	emit_uint(e, "free_size", st.free_size, EF_W(4));
	emit_int(e, "btpo_prev", st.btpo_prev, EF_W(6));
	emit_int(e, "btpo_next", st.btpo_next, EF_W(6));
	emit_int(e, prof->bt_full_xid ? "btpo_level" : "btpo", st.btpo_level, EF_W(3));
	emit_uint(e, "btpo_flags", st.btpo_flags, EF_NOTEXT);
	nnames = bt_flag_names(op.flags, names, 16);
	emit_arr_begin(e, "flag_names", 0);
	for (int i = 0; i < nnames; i++)
		emit_str(e, NULL, names[i], 0);
	emit_arr_end(e);
	if (!o->no_items)
		emit_items(e, page, h, &op, prof, blkno, o, ds);
	else
	{
		/* the items are not shown, but their damage is */
		struct bt_item it;
		unsigned	n = bt_item_count(h, &op, prof);

		for (unsigned off = 1; off <= n; off++)
			bt_item_decode(page, h, &op, off, prof, blkno, &it, ds);
	}
	cli_emit_diags(e, ds);
	emit_end(e);
}

static void
emit_other(struct emit *e, const char *file, uint32_t blkno, const char *type,
		   struct diags *ds)
{
	emit_begin(e);
	emit_str(e, "file", file, EF_NOTEXT);
	emit_uint(e, "blkno", blkno, EF_W(6));
	if (type)
		emit_str(e, "type", type, EF_BARE);
	else
		emit_null(e, "type", 0);
	cli_emit_diags(e, ds);
	emit_end(e);
}

static double
pct(uint64_t part, uint64_t whole)
{
	return whole == 0 ? 0.0 : (double) (uint64_t) (1000.0 * (double) part / (double) whole + 0.5) / 10.0;
}

static void
emit_shape(struct emit *e, const char *file, const struct bt_shape *s,
		   const struct options *o, const struct bt_keycheck *kc, bool damaged,
		   struct diags *ds)
{
	/* the room for tuples on a page: BLCKSZ less header and special space */
	const uint64_t room = BLCKSZ - SIZE_OF_PAGE_HEADER - BT_OPAQUE_SIZE;

	emit_begin(e);
	emit_str(e, "file", file, EF_NOTEXT);
	emit_str(e, "kind", o->check ? "check" : "tree", EF_NOTEXT);
	emit_uint(e, "root", s->root, 0);
	emit_uint(e, "fastroot", s->fastroot, 0);
	emit_uint(e, "levels", s->nlevels, 0);
	emit_uint(e, "blocks", s->blocks, 0);
	emit_uint(e, "deleted", s->deleted, 0);
	emit_uint(e, "half_dead", s->half_dead, 0);
	emit_uint(e, "new", s->new_pages, 0);
	emit_uint(e, "unreached", s->unreached, 0);
	if (kc)
		emit_uint(e, "key_comparisons", bt_keycheck_compared(kc), 0);
	if (o->check)
		emit_bool(e, "ok", !damaged && ds->worst < SEV_DAMAGE, 0);
	if (o->tree)
	{
		emit_arr_begin(e, "level_shape", 0);
		for (uint32_t i = 0; i < s->nlevels; i++)
		{
			const struct bt_level_shape *l = &s->levels[i];

			emit_obj_begin(e, NULL, 0);
			emit_uint(e, "level", l->level, EF_W(2));
			emit_uint(e, "pages", l->pages, EF_W(6));
			emit_uint(e, "leftmost", l->leftmost, EF_W(6));
			emit_uint(e, "items", l->items, EF_W(7));
			if (l->level > 0)
				emit_double(e, "fanout", l->pages ? pct(l->downlinks, 100 * (uint64_t) l->pages) : 0.0, 0);
			else
				emit_null(e, "fanout", EF_NOTEXT);
			emit_double(e, "fill_pct", pct(room * l->pages - (l->free_bytes < room * l->pages ? l->free_bytes : room * l->pages),
										   room * l->pages), 0);
			emit_uint(e, "half_dead", l->half_dead, 0);
			emit_obj_end(e);
		}
		emit_arr_end(e);
	}
	cli_emit_diags(e, ds);
	emit_end(e);
}

/*
 * cli_report(), remembering whether the file showed damage.  A walk keeps
 * the findings (up to DIAG_MAX, then counts them) for the file's record.
 */
static void
report(struct emit *e, const char *file, struct diags *ds, bool *damaged,
	   bool walk)
{
	if (ds->worst >= SEV_DAMAGE)
		*damaged = true;
	if (!walk)
		cli_report(e, file, ds);
}

static void
do_file(struct emit *e, const char *file, const struct options *o)
{
	struct diags ds;
	struct blockreader *br;
	const uint8_t *page;
	uint32_t	blkno;
	enum br_result r;
	const struct pg_profile *prof = o->prof;
	bool		walk = o->tree || o->check;
	struct bt_tree *t = NULL;
	struct bt_keycheck *kc = NULL;
	bool		oom = false;
	bool		damaged = false;	/* a finding of damage in this file */

	prof = cli_profile_for(e, file, o->prof);
	if (prof == NULL)
		prof = pg_profile_by_major(PG_MAJOR_MAX);
	diags_reset(&ds);
	br = blockreader_open(file, walk ? 0 : o->from, walk ? UINT32_MAX : o->to, &ds);
	if (br == NULL)
	{
		cli_report(e, NULL, &ds);
		return;
	}
	if (walk)
	{
		if (blockreader_relfile(br)->first_block != 0)
		{
			diag_add(&ds, D_NOT_SUPPORTED, "the walk starts at the metapage, in segment 0");
			cli_report(e, file, &ds);
			blockreader_close(br);
			return;
		}
		t = bt_tree_new();
		oom = t == NULL;
		if (o->check && o->td && !o->no_keycheck)
		{
			struct bt_keydesc kd = {o->td, o->nkeyatts, prof->bt_heapkeyspace, o->indoption};

			kc = bt_keycheck_new(&kd);
			oom = oom || kc == NULL;
		}
	}
	cli_file_header(e, file);
	while (!oom && (r = blockreader_next(br, &page, &blkno, &ds)) != BR_END)
	{
		struct page_header h;
		enum page_verdict v;

		if (r != BR_PAGE)
			break;
		page_header_decode(page, &h);
		v = page_verify(page, &h, blkno, &ds);
		if (v != PV_VALID)
		{
			/* as pgpage: all zeros is new; a torn or invalid page is not read */
			if (walk)
				oom = !bt_tree_add_other(t, blkno, v == PV_NEW ? BS_NEW : BS_BAD);
			else
				emit_other(e, file, blkno, v == PV_NEW ? "new" : NULL, &ds);
			report(e, file, &ds, &damaged, walk);
			continue;
		}
		if (blkno == 0 && page_kind_of(page, &h, blockreader_relfile(br)->fork) != PK_BTREE)
		{
			/* not an index whose pages could be told one by one: say it once */
			diag_add_block(&ds, D_BT_BAD_META, 0, "not a B-tree index: block 0 is a %s page",
						   page_kind_name(page_kind_of(page, &h, blockreader_relfile(br)->fork)));
			report(e, file, &ds, &damaged, walk);
			break;
		}
		if (blkno == 0)
		{
			struct bt_meta m;

			bt_meta_decode(page, &m, &ds);
			if (kc && m.ok)
				bt_keycheck_set_heapkeyspace(kc, m.version >= 4);
			if (walk)
				oom = !bt_tree_add_meta(t, &m);
			else
				emit_meta(e, file, 0, &m, prof, &ds);
		}
		else if (walk)
		{
			struct bt_opaque op;

			if (bt_opaque_decode(page, &h, &op, blkno, &ds))
			{
				oom = !bt_tree_add_page(t, blkno, page, &h, &op, prof, &ds);
				if (kc && !oom)
					oom = !bt_keycheck_page(kc, blkno, page, &h, &op, prof, &ds);
			}
			else
				oom = !bt_tree_add_other(t, blkno, BS_BAD);
		}
		else
			emit_page(e, file, page, &h, blkno, o, prof, &ds);
		report(e, file, &ds, &damaged, walk);
	}
	report(e, file, &ds, &damaged, walk);
	if (oom)
	{
		cli_report(e, file, &ds);
		fprintf(stderr, "%s: %s: out of memory\n", cli_prog(), file);
		cli_raise(EXIT_TROUBLE);
	}
	else if (walk)
	{
		struct bt_shape *shape = malloc(sizeof(*shape));

		if (shape == NULL)
		{
			fprintf(stderr, "%s: %s: out of memory\n", cli_prog(), file);
			cli_raise(EXIT_TROUBLE);
		}
		else
		{
			bt_tree_walk(t, shape, &ds);
			if (kc)
				bt_keycheck_finish(kc, &ds);
			emit_shape(e, file, shape, o, kc, damaged, &ds);
			cli_report(e, file, &ds);
			free(shape);
		}
	}
	bt_tree_free(t);
	bt_keycheck_free(kc);
	blockreader_close(br);
}

/* --types KEYS[;INCLUDED]: the index's columns (btree_keys.h). */
static void
set_types(struct options *o, const char *arg)
{
	char		err[4096];

	tupdesc_free(o->td);
	switch (bt_keydesc_from_spec(arg, &o->td, &o->nkeyatts, err, sizeof(err)))
	{
		case -2:
			cli_usage_error("out of memory");
		case -1:
			cli_usage_error("invalid --types %s", err);
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"block", required_argument, NULL, 'b'},
		{"check", no_argument, NULL, 'c'},
		{"json", no_argument, NULL, 'j'},
		{"no-items", no_argument, NULL, 'n'},
		{"pg-version", required_argument, NULL, 'P'},
		{"tree", no_argument, NULL, 't'},
		{"types", required_argument, NULL, 'T'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		CLI_CATALOG_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct options o = {false, false, false, false, 0, UINT32_MAX, NULL, NULL, 0, NULL, false};
	struct catalog_request q = {0};
	struct catalog_index_rel ix = {0};
	char	  **files;
	int			nfiles;
	struct emit *e;
	int			c,
				i;

	cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, "b:cjnP:tT:Vh" CLI_CATALOG_SHORTOPTS, longopts, NULL)) != -1)
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
			case 'j':
				o.json = true;
				break;
			case 'n':
				o.no_items = true;
				break;
			case 'P':
				o.prof = cli_pg_version_arg(optarg);
				break;
			case 't':
				o.tree = true;
				break;
			case 'T':
				set_types(&o, optarg);
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
	files = argv + optind;
	nfiles = argc - optind;
	if (cli_catalog_wanted(&q))
	{
		if (nfiles > 0)
			cli_usage_error("--relation takes no FILE");
		e = cli_emit_open(o.json);
		if (catalog_open_index(e, &q, &ix) != 0)
			return cli_finish(e);
		if (!ix.btree)
			cli_usage_error("%s is not a B-tree index", q.relation);
		if (o.td == NULL && ix.td != NULL)
		{
			o.td = ix.td;
			o.nkeyatts = ix.nkeyatts;
			o.indoption = ix.indoption;
			ix.td = NULL;
		}
		files = ix.files;
		nfiles = ix.nfiles;
	}
	else if (nfiles <= 0)
		cli_usage_error("no input files");
	else
		e = cli_emit_open(o.json);
	if (o.check && o.td)
	{
		for (i = 0; i < o.nkeyatts && !o.no_keycheck; i++)
			if (!datum_cmp_supported(&o.td->cols[i]))
			{
				/* the catalog's types: check what can be, say what cannot */
				if (q.relation == NULL)
					cli_usage_error("key column %d: no ordering known for type %s%s: --check cannot use it",
									i + 1, o.td->cols[i].type ? o.td->cols[i].type->typname : "raw",
									o.td->cols[i].is_array ? "[]" : "");
				fprintf(stderr, "%s: %s: key column %d (%s): no ordering known for its type: key order not checked\n",
						cli_prog(), q.relation, i + 1, o.td->cols[i].name);
				o.no_keycheck = true;
			}
	}
	/* the catalog's index: its segments, the walk reading segment 0 */
	for (i = 0; i < nfiles && (q.relation == NULL || i == 0 || !(o.tree || o.check)); i++)
		do_file(e, files[i], &o);
	i = cli_finish(e);
	tupdesc_free(o.td);
	catalog_index_free(&ix);
	return i;
}
