/*
 * The catalog read from disk as a tool shows it: --list of databases and
 * relations (oid2name's answers, with pg_class's and pg_relation_filepath()'s
 * names), and --relation resolved to files, columns and TOAST.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/catalog.h"
#include "cluster/catalog_emit.h"
#include "out/cli.h"

/* Each finding as "prog: PGDATA/FILE: block N: what", then forgotten. */
static void
report(struct emit *e, struct catalog *c)
{
	const struct cat_finding *f;
	int			n,
				i;

	f = catalog_findings(c, &n);
	for (i = 0; i < n; i++)
	{
		struct diags ds;
		char		path[1024];

		diags_reset(&ds);
		ds.d[0] = f[i].d;
		ds.n = 1;
		ds.worst = diag_severity_of(f[i].d.code);
		snprintf(path, sizeof(path), "%s/%s", catalog_pgdata(c), f[i].file ? f[i].file : "");
		cli_report(e, f[i].file ? path : catalog_pgdata(c), &ds);
	}
	catalog_clear_findings(c);
}

static const char *
pgdata_of(const struct catalog_request *q)
{
	const char *d = q->pgdata ? q->pgdata : getenv("PGDATA");

	if (d == NULL || d[0] == '\0')
		cli_usage_error("no data directory: give -D DIR or set PGDATA");
	return d;
}

static struct catalog *
open_or_die(const struct catalog_request *q, const char *db)
{
	const char *err = NULL;
	struct catalog *c = catalog_open(pgdata_of(q), db, &err);

	if (c == NULL)
	{
		fprintf(stderr, "%s: %s: %s%s%s\n", cli_prog(), pgdata_of(q), err,
				db ? ": " : "", db ? db : "");
		exit(EXIT_TROUBLE);
	}
	return c;
}

static void
emit_char(struct emit *e, const char *key, char v, unsigned flags)
{
	char		s[2] = {v, '\0'};

	emit_str(e, key, s, flags);
}

static void
emit_blocks(struct emit *e, const struct catalog *c, const struct cat_rel *r)
{
	static const char *const keys[] = {"main_blocks", "fsm_blocks", "vm_blocks", "init_blocks"};
	int			f;

	for (f = FORK_MAIN; f <= FORK_INIT; f++)
	{
		int64_t		b = catalog_fork_blocks(c, r, (enum fork_number) f);

		if (b >= 0)
			emit_int(e, keys[f], b, f == FORK_MAIN ? EF_W(6) : 0);
		else
			emit_null(e, keys[f], f == FORK_MAIN ? EF_W(6) : EF_NOTEXT);
	}
}

static void
emit_columns(struct emit *e, const struct catalog *c, const struct cat_rel *r)
{
	int			i;

	emit_arr_begin(e, "columns", EF_NOTEXT);
	for (i = 0; i < r->natts; i++)
	{
		const struct cat_att *a = &r->atts[i];
		const struct cat_type *t = a->attisdropped ? NULL : catalog_type(c, a->atttypid);

		emit_obj_begin(e, NULL, 0);
		emit_int(e, "attnum", a->attnum, 0);
		emit_str(e, "attname", a->attname, 0);
		if (t != NULL)
			emit_str(e, "typname", t->typname, 0);
		else
			emit_null(e, "typname", 0);
		emit_int(e, "attlen", a->attlen, 0);
		emit_char(e, "attalign", a->attalign, 0);
		emit_bool(e, "attbyval", a->attbyval, 0);
		emit_bool(e, "attisdropped", a->attisdropped, 0);
		emit_obj_end(e);
	}
	emit_arr_end(e);
}

/* Text: one line per column under its relation. */
static void
text_columns(struct emit *e, const struct catalog *c, const struct cat_rel *r)
{
	int			i;

	for (i = 0; i < r->natts; i++)
	{
		const struct cat_att *a = &r->atts[i];
		const struct cat_type *t = a->attisdropped ? NULL : catalog_type(c, a->atttypid);

		emit_begin(e);
		emit_str(e, NULL, "", EF_BARE | EF_W(4));
		emit_int(e, "attnum", a->attnum, EF_W(4));
		emit_str(e, "attname", a->attname, EF_LEFT | EF_W(24));
		emit_str(e, "typname", t ? t->typname : "-", EF_LEFT | EF_W(16));
		emit_int(e, "attlen", a->attlen, EF_W(3));
		emit_char(e, "attalign", a->attalign, 0);
		emit_bool(e, "attbyval", a->attbyval, 0);
		if (a->attisdropped)
			emit_str(e, NULL, "dropped", EF_BARE);
		emit_end(e);
	}
}

/* An index's table and options (pg_index), a relation's access method (pg_am). */
static void
emit_index(struct emit *e, struct catalog *c, const struct cat_rel *r)
{
	const struct cat_index *x = r->relkind == 'i' || r->relkind == 'I' ?
		catalog_index(c, r->oid) : NULL;
	const char *am = r->relam ? catalog_amname(c, r->relam) : NULL;
	const struct cat_rel *t;
	int			i;

	if (am)
		emit_str(e, "amname", am, 0);
	else
		emit_null(e, "amname", EF_NOTEXT);
	if (x == NULL)
		return;
	t = catalog_relation_by_oid(c, x->indrelid);
	emit_uint(e, "indrelid", x->indrelid, EF_NOTEXT);
	if (t != NULL)
	{
		const char *nsp = catalog_nspname(c, t->relnamespace);

		emit_str(e, "tablename", t->relname, 0);
		if (nsp)
			emit_str(e, "tableschema", nsp, EF_NOTEXT);
	}
	emit_int(e, "indnatts", x->indnatts, EF_NOTEXT);
	emit_int(e, "indnkeyatts", x->indnkeyatts, EF_NOTEXT);
	emit_bool(e, "indisunique", x->indisunique, EF_NOTEXT);
	emit_bool(e, "indisprimary", x->indisprimary, EF_NOTEXT);
	emit_arr_begin(e, "indkey", EF_NOTEXT);
	for (i = 0; i < x->indnatts; i++)
		emit_int(e, NULL, x->indkey[i], 0);
	emit_arr_end(e);
	emit_arr_begin(e, "indoption", EF_NOTEXT);
	for (i = 0; i < x->indnkeyatts; i++)
		emit_int(e, NULL, x->indoption[i], 0);
	emit_arr_end(e);
}

static void
list_relations(struct emit *e, struct catalog *c, bool columns)
{
	size_t		n,
				i;
	const struct cat_rel *rels = catalog_relations(c, &n);

	if (columns)
		catalog_load_attributes(c, NULL);
	for (i = 0; i < n; i++)
	{
		const struct cat_rel *r = &rels[i];
		const char *nsp = catalog_nspname(c, r->relnamespace);
		char		path[512];

		emit_begin(e);
		emit_uint(e, "oid", r->oid, EF_W(6));
		if (nsp)
			emit_str(e, "nspname", nsp, EF_LEFT | EF_W(18));
		else
			emit_null(e, "nspname", 0);
		emit_str(e, "relname", r->relname, EF_LEFT | EF_W(40));
		emit_uint(e, "relfilenode", r->relfilenode, EF_W(6));
		emit_char(e, "relkind", r->relkind, 0);
		emit_char(e, "relpersistence", r->relpersistence, 0);
		emit_uint(e, "reltablespace", r->reltablespace, EF_W(4));
		if (catalog_filepath(c, r, FORK_MAIN, path, sizeof(path)) == 0)
			emit_str(e, "filepath", path, EF_LEFT | EF_W(20));
		else
			emit_null(e, "filepath", EF_W(20));
		emit_blocks(e, c, r);
		emit_index(e, c, r);
		if (columns && emit_format_of(e) == EMIT_JSON)
			emit_columns(e, c, r);
		emit_end(e);
		if (columns && emit_format_of(e) == EMIT_TEXT)
			text_columns(e, c, r);
	}
}

/* --catalog-versions: one record per pg_class row version, visible or not. */
static void
list_versions(struct emit *e, struct catalog *c, bool columns)
{
	struct cat_version *v;
	struct cat_att_version *av = NULL;
	int			n = catalog_class_versions(c, &v),
				na = 0,
				i,
				j = 0;

	if (columns)
		na = catalog_att_versions(c, 0, &av);
	for (i = 0; i < n; i++)
	{
		const struct cat_rel *r = &v[i].rel;
		const char *nsp = catalog_nspname(c, r->relnamespace);
		char		path[512];

		emit_begin(e);
		emit_uint(e, "oid", r->oid, EF_W(6));
		if (nsp)
			emit_str(e, "nspname", nsp, EF_LEFT | EF_W(18));
		else
			emit_null(e, "nspname", 0);
		emit_str(e, "relname", r->relname, EF_LEFT | EF_W(32));
		emit_uint(e, "relfilenode", r->relfilenode, EF_W(6));
		emit_char(e, "relkind", r->relkind, 0);
		emit_char(e, "relpersistence", r->relpersistence, EF_NOTEXT);
		emit_uint(e, "reltablespace", r->reltablespace, EF_NOTEXT);
		emit_int(e, "relnatts", r->relnatts, EF_NOTEXT);
		if (catalog_filepath(c, r, FORK_MAIN, path, sizeof(path)) == 0)
			emit_str(e, "filepath", path, EF_LEFT | EF_W(20));
		else
			emit_null(e, "filepath", EF_W(20));
		/* an old file number's file may still be there, until a checkpoint */
		{
			int64_t		b = catalog_fork_blocks(c, r, FORK_MAIN);

			if (b >= 0)
				emit_int(e, "main_blocks", b, EF_W(6));
			else
				emit_null(e, "main_blocks", EF_W(6));
		}
		{
			char		ctid[32];

			snprintf(ctid, sizeof(ctid), "(%u,%u)", (unsigned) v[i].blkno, (unsigned) v[i].lp);
			emit_str(e, "ctid", ctid, EF_NOTEXT);
		}
		emit_uint(e, "xmin", v[i].xmin, EF_W(6));
		emit_uint(e, "xmax", v[i].xmax, EF_W(6));
		emit_bool(e, "visible", v[i].visible, 0);
		if (columns && emit_format_of(e) == EMIT_JSON)
		{
			while (j < na && av[j].attrelid < r->oid)
				j++;
			emit_arr_begin(e, "columns", 0);
			for (int k = j; k < na && av[k].attrelid == r->oid; k++)
			{
				const struct cat_att *a = &av[k].a;
				const struct cat_type *t = a->attisdropped ? NULL : catalog_type(c, a->atttypid);

				emit_obj_begin(e, NULL, 0);
				emit_int(e, "attnum", a->attnum, 0);
				emit_str(e, "attname", a->attname, 0);
				if (t != NULL)
					emit_str(e, "typname", t->typname, 0);
				else
					emit_null(e, "typname", 0);
				emit_int(e, "attlen", a->attlen, 0);
				emit_bool(e, "attisdropped", a->attisdropped, 0);
				emit_uint(e, "xmin", av[k].xmin, 0);
				emit_uint(e, "xmax", av[k].xmax, 0);
				emit_bool(e, "visible", av[k].visible, 0);
				emit_obj_end(e);
			}
			emit_arr_end(e);
		}
		emit_end(e);
		if (columns && emit_format_of(e) == EMIT_TEXT)
		{
			while (j < na && av[j].attrelid < r->oid)
				j++;
			for (int k = j; k < na && av[k].attrelid == r->oid; k++)
			{
				const struct cat_att *a = &av[k].a;
				const struct cat_type *t = a->attisdropped ? NULL : catalog_type(c, a->atttypid);

				emit_begin(e);
				emit_str(e, NULL, "", EF_BARE | EF_W(4));
				emit_int(e, "attnum", a->attnum, EF_W(4));
				emit_str(e, "attname", a->attname, EF_LEFT | EF_W(24));
				emit_str(e, "typname", t ? t->typname : "-", EF_LEFT | EF_W(16));
				emit_uint(e, "xmin", av[k].xmin, EF_W(6));
				emit_uint(e, "xmax", av[k].xmax, EF_W(6));
				emit_bool(e, "visible", av[k].visible, 0);
				if (a->attisdropped)
					emit_str(e, NULL, "dropped", EF_BARE);
				emit_end(e);
			}
		}
	}
	if (n < 0)
	{
		fprintf(stderr, "%s: %s: pg_class cannot be read\n", cli_prog(), catalog_pgdata(c));
		cli_raise(EXIT_DAMAGE);
	}
	free(v);
	free(av);
}

static void
list_databases(struct emit *e, struct catalog *c)
{
	struct cat_database *dbs;
	int			n = catalog_databases(c, &dbs),
				i;

	if (n < 0)
	{
		fprintf(stderr, "%s: %s/base: cannot read the database directories\n",
				cli_prog(), catalog_pgdata(c));
		cli_raise(EXIT_TROUBLE);
	}
	for (i = 0; i < n; i++)
	{
		char		path[64];

		emit_begin(e);
		emit_uint(e, "oid", dbs[i].oid, EF_W(6));
		if (dbs[i].datname[0] != '\0')
			emit_str(e, "datname", dbs[i].datname, EF_LEFT | EF_W(20));
		else
			emit_null(e, "datname", EF_W(20));
		snprintf(path, sizeof(path), "base/%u", (unsigned) dbs[i].oid);
		emit_str(e, "filepath", path, 0);
		emit_end(e);
	}
	free(dbs);
}

void
catalog_emit_list(struct emit *e, const struct catalog_request *q)
{
	struct catalog *c = open_or_die(q, q->dbname);

	report(e, c);
	if (q->dbname == NULL)
		list_databases(e, c);
	else if (q->versions)
	{
		catalog_load_attributes(c, NULL);	/* pg_type, for the type names */
		list_versions(e, c, q->columns);
	}
	else
		list_relations(e, c, q->columns);
	report(e, c);
	catalog_close(c);
}

static struct toast_store *
open_toast(struct emit *e, struct catalog *c, const struct cat_rel *r)
{
	const struct cat_rel *t = r->reltoastrelid ?
		catalog_relation_by_oid(c, r->reltoastrelid) : NULL;
	struct toast_store *ts = NULL;
	struct diags ds;
	char	  **paths;
	int			n;

	if (t == NULL || (n = catalog_segment_paths(c, t, FORK_MAIN, &paths)) == 0)
		return NULL;
	diags_reset(&ds);
	ts = toast_open((const char *const *) paths, n, &ds);
	cli_report(e, paths[0], &ds);
	catalog_free_paths(paths, n);
	return ts;
}

/* q->relation in c, or NULL: said, exit status 2. */
static const struct cat_rel *
find_or_say(struct catalog *c, const struct catalog_request *q)
{
	const char *err;
	const struct cat_rel *r = catalog_find_relation(c, q->relation, &err);

	if (r == NULL)
	{
		fprintf(stderr, "%s: %s: %s\n", cli_prog(), q->relation, err);
		cli_raise(EXIT_TROUBLE);
	}
	return r;
}

int
catalog_open_relation(struct emit *e, const struct catalog_request *q,
					  struct catalog_relation *rel)
{
	struct catalog *c;
	const struct cat_rel *r;
	char		path[512];

	memset(rel, 0, sizeof(*rel));
	if (q->dbname == NULL)
		cli_usage_error("--relation needs -d DBNAME");
	c = open_or_die(q, q->dbname);
	report(e, c);
	if ((r = find_or_say(c, q)) == NULL)
	{
		catalog_close(c);
		return -1;
	}
	snprintf(rel->relname, sizeof(rel->relname), "%s", r->relname);
	snprintf(rel->nspname, sizeof(rel->nspname), "%s",
			 catalog_nspname(c, r->relnamespace) ? catalog_nspname(c, r->relnamespace) : "");
	if (catalog_load_attributes(c, r) == 0)
		rel->td = catalog_tupdesc(c, r);
	rel->nfiles = catalog_segment_paths(c, r, FORK_MAIN, &rel->files);
	if (rel->nfiles == 0)
	{
		struct diags ds;
		char		full[1100];

		diags_reset(&ds);
		if (catalog_filepath(c, r, FORK_MAIN, path, sizeof(path)) == 0)
		{
			diag_add(&ds, D_FILE_MISSING, "the main fork of %s (oid %u)", r->relname,
					 (unsigned) r->oid);
			snprintf(full, sizeof(full), "%s/%s", catalog_pgdata(c), path);
			cli_report(e, full, &ds);
		}
		else
		{
			/* a view or a partitioned table: nothing to read, not damage */
			diag_add(&ds, D_NOT_RELATION, "%s (oid %u, relkind %c) has no storage",
					 r->relname, (unsigned) r->oid, r->relkind ? r->relkind : '?');
			cli_report(e, q->relation, &ds);
		}
	}
	rel->toast = open_toast(e, c, r);
	report(e, c);
	catalog_close(c);
	return 0;
}

void
catalog_relation_free(struct catalog_relation *rel)
{
	catalog_free_paths(rel->files, rel->nfiles);
	tupdesc_free(rel->td);
	toast_close(rel->toast);
	memset(rel, 0, sizeof(*rel));
}

int
catalog_relation_forks(struct emit *e, const struct catalog_request *q,
					   enum fork_number fork, char ***files)
{
	static const char *const sfx[] = {"", "_fsm", "_vm", "_init"};
	struct catalog *c = open_or_die(q, q->dbname);
	const struct cat_rel *r;
	char	  **maps = NULL,
			  **heaps = NULL,
			  **all;
	int			nmaps = 0,
				nheaps = 0,
				i;

	*files = NULL;
	report(e, c);
	if ((r = find_or_say(c, q)) == NULL)
	{
		catalog_close(c);
		return 0;
	}
	nmaps = catalog_segment_paths(c, r, fork, &maps);
	nheaps = catalog_segment_paths(c, r, FORK_MAIN, &heaps);
	if (nmaps == 0)
	{
		struct diags ds;
		char		path[512],
					full[1100];

		diags_reset(&ds);
		if (catalog_filepath(c, r, fork, path, sizeof(path)) == 0)
		{
			/* a table never vacuumed has no map: PostgreSQL reads none as empty */
			diag_add(&ds, D_FORK_ABSENT, "the %s fork of %s (oid %u)", sfx[fork] + 1,
					 r->relname, (unsigned) r->oid);
			snprintf(full, sizeof(full), "%s/%s", catalog_pgdata(c), path);
			cli_report(e, full, &ds);
		}
		else
		{
			diag_add(&ds, D_NOT_RELATION, "%s (oid %u, relkind %c) has no storage",
					 r->relname, (unsigned) r->oid, r->relkind ? r->relkind : '?');
			cli_report(e, q->relation, &ds);
		}
	}
	else if ((all = calloc((size_t) (nmaps + nheaps), sizeof(*all))) != NULL)
	{
		for (i = 0; i < nmaps; i++)
			all[i] = maps[i];
		for (i = 0; i < nheaps; i++)
			all[nmaps + i] = heaps[i];
		free(maps);
		free(heaps);
		maps = heaps = NULL;
		*files = all;
	}
	catalog_free_paths(maps, maps ? nmaps : 0);
	catalog_free_paths(heaps, heaps ? nheaps : 0);
	report(e, c);
	catalog_close(c);
	return *files ? nmaps + nheaps : 0;
}

int
catalog_maps_run(struct cli_maps *m, const struct catalog_request *q,
				 enum fork_number fork, bool json,
				 void (*each) (struct emit *e, const char *map, const void *arg),
				 const void *arg)
{
	char	  **files;
	int			n = catalog_relation_forks(NULL, q, fork, &files),
				rc,
				i;
	char	  **heaps;

	if (n == 0)
	{
		cli_maps_free(m);
		return cli_finish(cli_emit_open(json));
	}
	/* room for every file found, the --heap files kept */
	if ((heaps = calloc((size_t) (n + m->nheaps), sizeof(*heaps))) == NULL ||
		(m->maps = realloc(m->maps, (size_t) n * sizeof(*m->maps))) == NULL)
		cli_usage_error("out of memory");
	for (i = 0; i < m->nheaps; i++)
		heaps[i] = m->heaps[i];
	free(m->heaps);
	m->heaps = heaps;
	rc = cli_maps_run(m, files, n, fork == FORK_FSM ? "_fsm" : "_vm", json, each, arg);
	catalog_free_paths(files, n);
	return rc;
}

int
catalog_open_index(struct emit *e, const struct catalog_request *q,
				   struct catalog_index_rel *ix)
{
	struct catalog *c = open_or_die(q, q->dbname);
	const struct cat_rel *r;
	const struct cat_index *x;
	const char *am;
	int			i;

	memset(ix, 0, sizeof(*ix));
	report(e, c);
	if ((r = find_or_say(c, q)) == NULL)
	{
		catalog_close(c);
		return -1;
	}
	if ((r->relkind != 'i' && r->relkind != 'I') || (x = catalog_index(c, r->oid)) == NULL)
	{
		fprintf(stderr, "%s: %s: not an index (relkind %c)%s\n", cli_prog(), q->relation,
				r->relkind ? r->relkind : '?',
				r->relkind == 'i' ? ", or no pg_index row" : "");
		cli_raise(EXIT_TROUBLE);
		report(e, c);
		catalog_close(c);
		return -1;
	}
	am = catalog_amname(c, r->relam);
	ix->btree = r->relam == BTREE_AM_OID || (am != NULL && strcmp(am, "btree") == 0);
	ix->nkeyatts = x->indnkeyatts;
	for (i = 0; i < x->indnkeyatts && i < 32; i++)
		ix->indoption[i] = x->indoption[i];
	/* the index's own columns: their storage is the opclass's (name_ops: cstring) */
	if (catalog_load_attributes(c, r) == 0)
		ix->td = catalog_tupdesc(c, r);
	ix->nfiles = catalog_segment_paths(c, r, FORK_MAIN, &ix->files);
	if (ix->nfiles == 0 && r->relkind == 'i')
	{
		struct diags ds;
		char		path[512],
					full[1100];

		diags_reset(&ds);
		catalog_filepath(c, r, FORK_MAIN, path, sizeof(path));
		diag_add(&ds, D_FILE_MISSING, "the main fork of %s (oid %u)", r->relname,
				 (unsigned) r->oid);
		snprintf(full, sizeof(full), "%s/%s", catalog_pgdata(c), path);
		cli_report(e, full, &ds);
	}
	report(e, c);
	catalog_close(c);
	return 0;
}

void
catalog_index_free(struct catalog_index_rel *ix)
{
	catalog_free_paths(ix->files, ix->nfiles);
	tupdesc_free(ix->td);
	memset(ix, 0, sizeof(*ix));
}
