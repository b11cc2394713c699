/*
 * walnames: relation names for WAL block references, from the catalog on
 * disk (cluster/catalog.h), one database at a time as the WAL touches it,
 * and from the pg_class rows and relation mapper updates in the WAL itself
 * (relmapper.c's xl_relmap_update).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/catalog.h"
#include "cluster/relmap.h"
#include "io/bytes.h"
#include "types/datum.h"
#include "wal/walnames.h"

/* a file number of the catalog and the row it belongs to */
struct fnent {
	uint32_t	filenumber;
	uint32_t	idx;			/* into the catalog's rels */
};

struct dbent {
	uint32_t	dboid;
	bool		absent;			/* no base/OID directory, or no catalog in it */
	struct catalog *c;
	const struct cat_rel *rels;
	size_t		nrels;
	struct fnent *fn;			/* sorted by filenumber: local and shared rows */
	size_t		nfn;
	bool		atts_tried;		/* pg_attribute loaded (or tried) */
	struct tupdesc **td;		/* per rel, NULL until asked */
	struct toast_store **ts;	/* per rel */
	uint8_t    *asked;			/* per rel: 1 td asked, 2 ts asked */
	uint32_t	class_fn;		/* pg_class's file number */
	struct tupdesc *class_td;	/* pg_class's columns */
	bool		class_tried;
	uint64_t	unnamed;		/* references left unnamed (absent) */
};

/* A file number the WAL said something about. */
struct learnt {
	uint32_t	db;				/* 0: shared */
	uint32_t	filenumber;
	uint32_t	oid;			/* pg_class.oid */
	uint32_t	nspoid;			/* pg_class.relnamespace; 0 unknown */
	char		relkind;		/* pg_class.relkind; 0 unknown */
	char		relname[64];	/* "" from a relmap update: named by oid */
};

struct walnames {
	char	   *pgdata;
	struct cat_database *dbs;	/* pg_database (or directories) */
	int			ndbs;
	struct dbent *ents;
	size_t		nents,
				cap;
	struct learnt *learnt;
	size_t		nlearnt,
				lcap;
	bool		absent_told;
};

struct walnames *
walnames_open(const char *pgdata, const char **err)
{
	struct walnames *n = calloc(1, sizeof(*n));
	struct catalog *c;

	if (n == NULL || (n->pgdata = strdup(pgdata)) == NULL)
	{
		free(n);
		*err = "out of memory";
		return NULL;
	}
	c = catalog_open(pgdata, NULL, err);
	if (c == NULL)
	{
		walnames_close(n);
		return NULL;
	}
	n->ndbs = catalog_databases(c, &n->dbs);
	if (n->ndbs < 0)
		n->ndbs = 0;
	catalog_close(c);
	return n;
}

void
walnames_close(struct walnames *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->nents; i++)
	{
		struct dbent *d = &n->ents[i];

		for (size_t j = 0; d->asked != NULL && j < d->nrels; j++)
		{
			tupdesc_free(d->td[j]);
			toast_close(d->ts[j]);
		}
		free(d->td);
		free(d->ts);
		free(d->asked);
		free(d->fn);
		tupdesc_free(d->class_td);
		catalog_close(d->c);
	}
	free(n->ents);
	free(n->learnt);
	free(n->dbs);
	free(n->pgdata);
	free(n);
}

static int
cmp_fn(const void *a, const void *b)
{
	const struct fnent *x = a,
			   *y = b;

	return x->filenumber < y->filenumber ? -1 : x->filenumber > y->filenumber;
}

static const char *
datname_of(const struct walnames *n, uint32_t db)
{
	for (int i = 0; i < n->ndbs; i++)
		if (n->dbs[i].oid == db)
			return n->dbs[i].datname[0] != '\0' ? n->dbs[i].datname : NULL;
	return NULL;
}

/* Read database db's catalog: pg_class rows indexed by file number. */
static void
load_db(struct walnames *n, struct dbent *d)
{
	char		oid[16];
	const char *err;

	snprintf(oid, sizeof(oid), "%u", (unsigned) d->dboid);
	d->c = catalog_open(n->pgdata, oid, &err);
	if (d->c == NULL)
	{
		d->absent = true;
		return;
	}
	d->rels = catalog_relations(d->c, &d->nrels);
	d->fn = malloc((d->nrels + 1) * sizeof(*d->fn));
	d->td = calloc(d->nrels + 1, sizeof(*d->td));
	d->ts = calloc(d->nrels + 1, sizeof(*d->ts));
	d->asked = calloc(d->nrels + 1, 1);
	if (d->fn == NULL || d->td == NULL || d->ts == NULL || d->asked == NULL)
	{
		d->nrels = 0;
		return;
	}
	for (size_t i = 0; i < d->nrels; i++)
		if (d->rels[i].filenumber != 0)
		{
			d->fn[d->nfn].filenumber = d->rels[i].filenumber;
			d->fn[d->nfn++].idx = (uint32_t) i;
		}
	qsort(d->fn, d->nfn, sizeof(*d->fn), cmp_fn);
	for (size_t i = 0; i < d->nrels; i++)
		if (d->rels[i].oid == 1259)
			d->class_fn = d->rels[i].filenumber;
}

static struct dbent *
db_entry(struct walnames *n, uint32_t db)
{
	struct dbent *d;

	for (size_t i = 0; i < n->nents; i++)
		if (n->ents[i].dboid == db)
			return &n->ents[i];
	if (n->nents == n->cap)
	{
		size_t		want = n->cap ? n->cap * 2 : 8;
		struct dbent *p = realloc(n->ents, want * sizeof(*p));

		if (p == NULL)
			return NULL;
		n->ents = p;
		n->cap = want;
	}
	d = &n->ents[n->nents++];
	memset(d, 0, sizeof(*d));
	d->dboid = db;
	load_db(n, d);
	return d;
}

/* Shared catalogs are in every database's pg_class: the first one readable. */
static struct dbent *
shared_entry(struct walnames *n)
{
	for (size_t i = 0; i < n->nents; i++)
		if (n->ents[i].c != NULL)
			return &n->ents[i];
	for (int i = 0; i < n->ndbs; i++)
	{
		struct dbent *d = db_entry(n, n->dbs[i].oid);

		if (d != NULL && d->c != NULL)
			return d;
	}
	return NULL;
}

static const struct cat_rel *
by_filenumber(const struct dbent *d, uint32_t filenumber, bool shared)
{
	struct fnent key = {filenumber, 0};
	const struct fnent *f = bsearch(&key, d->fn, d->nfn, sizeof(*d->fn), cmp_fn);

	if (f == NULL)
		return NULL;
	/* equal file numbers sit together: take the one of the right kind */
	while (f > d->fn && f[-1].filenumber == filenumber)
		f--;
	for (; f < d->fn + d->nfn && f->filenumber == filenumber; f++)
		if (d->rels[f->idx].relisshared == shared)
			return &d->rels[f->idx];
	return NULL;
}

static void
name_from_rel(const struct dbent *d, const struct cat_rel *r, struct walname *out)
{
	out->nspname = catalog_nspname(d->c, r->relnamespace);
	out->relname = r->relname;
	out->reloid = r->oid;
	out->relkind = r->relkind;
	out->source = WNS_CATALOG;
	out->rel = r;
	out->dboid = d->dboid;
}

static const struct learnt *
learnt_of(const struct walnames *n, uint32_t db, uint32_t filenumber)
{
	/* the newest word wins */
	for (size_t i = n->nlearnt; i-- > 0;)
		if (n->learnt[i].filenumber == filenumber && n->learnt[i].db == db)
			return &n->learnt[i];
	return NULL;
}

void
walnames_lookup(struct walnames *n, uint32_t spc, uint32_t db, uint32_t rel,
				struct walname *out)
{
	bool		shared = spc == GLOBALTABLESPACE_OID;
	struct dbent *d = shared ? shared_entry(n) : db_entry(n, db);
	const struct cat_rel *r;
	const struct learnt *l;

	memset(out, 0, sizeof(*out));
	out->datname = shared ? NULL : datname_of(n, db);
	if (d == NULL)
		return;
	if (d->c == NULL)
	{
		d->unnamed++;
		return;
	}
	if ((r = by_filenumber(d, rel, shared)) != NULL)
	{
		name_from_rel(d, r, out);
		return;
	}
	if ((l = learnt_of(n, shared ? 0 : db, rel)) == NULL)
	{
		/*
		 * A mapped catalog's file from before a VACUUM FULL of it: initdb
		 * numbers a catalog's first file with its OID, and file numbers
		 * below FirstNormalObjectId (16384) are given out by initdb alone.
		 */
		if (rel < 16384 && (r = catalog_relation_by_oid(d->c, rel)) != NULL &&
			r->relfilenode == 0 && r->relisshared == shared)
		{
			name_from_rel(d, r, out);
			out->source = WNS_WAL;
			out->rel = NULL;
		}
		return;
	}
	if (l->relname[0] == '\0')
	{
		/* a mapped catalog's old file: named by its OID */
		if ((r = catalog_relation_by_oid(d->c, l->oid)) != NULL)
		{
			name_from_rel(d, r, out);
			out->source = WNS_WAL;
			out->rel = NULL;
		}
		return;
	}
	out->relname = l->relname;
	out->nspname = l->nspoid ? catalog_nspname(d->c, l->nspoid) : NULL;
	out->reloid = l->oid;
	out->relkind = l->relkind;
	out->source = WNS_WAL;
	out->dboid = d->dboid;
}

static void
learn(struct walnames *n, const struct learnt *l)
{
	if (n->nlearnt == n->lcap)
	{
		size_t		want = n->lcap ? n->lcap * 2 : 64;
		struct learnt *p;

		if (want > (1u << 20) || (p = realloc(n->learnt, want * sizeof(*p))) == NULL)
			return;				/* bounded: past a million, nothing more is learnt */
		n->learnt = p;
		n->lcap = want;
	}
	n->learnt[n->nlearnt++] = *l;
}

void
walnames_learn_relmap(struct walnames *n, const struct walrec *r)
{
	struct relmap m;
	struct diags ds;
	uint32_t	db,
				nbytes;

	/* xl_relmap_update: dbid, tsid, nbytes, then the whole RelMapFile */
	if (r->main_data_len < 12)
		return;
	db = rd32(r->main_data);
	nbytes = rd32(r->main_data + 8);
	if (nbytes > r->main_data_len - 12)
		return;
	diags_reset(&ds);
	if (relmap_decode(r->main_data + 12, nbytes, &m, &ds) != 0)
		return;
	for (unsigned i = 0; i < m.n; i++)
	{
		struct learnt l;

		memset(&l, 0, sizeof(l));
		l.db = db;
		l.filenumber = m.mappings[i].mapfilenumber;
		l.oid = m.mappings[i].mapoid;
		learn(n, &l);
	}
}

static struct tupdesc *
class_td(struct dbent *d)
{
	const struct cat_rel *r;

	if (d->class_tried || d->c == NULL)
		return d->class_td;
	d->class_tried = true;
	if (!d->atts_tried)
	{
		d->atts_tried = true;
		catalog_load_attributes(d->c, NULL);
	}
	if ((r = catalog_relation_by_oid(d->c, 1259)) != NULL)
		d->class_td = catalog_tupdesc(d->c, r);
	return d->class_td;
}

bool
walnames_is_pg_class(struct walnames *n, uint32_t spc, uint32_t db, uint32_t rel)
{
	struct dbent *d;

	if (spc == GLOBALTABLESPACE_OID || (d = db_entry(n, db)) == NULL || d->c == NULL)
		return false;
	return d->class_fn != 0 && d->class_fn == rel;
}

/* A fixed-width column's value, or 0 when null or of another width. */
static uint32_t
val_u32(const struct tupdesc *td, const struct attr_value *v, const char *col)
{
	for (int i = 0; i < td->natts; i++)
		if (!td->cols[i].dropped && strcmp(td->cols[i].name, col) == 0)
			return v[i].kind == AV_VALUE && v[i].len == 4 ? rd32(v[i].ptr) : 0;
	return 0;
}

static const struct attr_value *
val_of(const struct tupdesc *td, const struct attr_value *v, const char *col)
{
	for (int i = 0; i < td->natts; i++)
		if (!td->cols[i].dropped && strcmp(td->cols[i].name, col) == 0)
			return v[i].kind == AV_VALUE ? &v[i] : NULL;
	return NULL;
}

void
walnames_learn_class(struct walnames *n, uint32_t db, const struct heap_tuple *t)
{
	struct dbent *d = db_entry(n, db);
	const struct tupdesc *td;
	struct attr_value vals[64];
	const struct attr_value *name,
			   *kind;
	struct diags ds;
	struct learnt l;

	if (d == NULL || (td = class_td(d)) == NULL || td->natts > 64 || t->status != HT_OK)
		return;
	diags_reset(&ds);
	if (heap_deform(td, t, vals, &ds) != 0)
		return;
	memset(&l, 0, sizeof(l));
	l.db = db;
	l.filenumber = val_u32(td, vals, "relfilenode");
	l.oid = t->has_oid ? t->oid : val_u32(td, vals, "oid");
	l.nspoid = val_u32(td, vals, "relnamespace");
	name = val_of(td, vals, "relname");
	kind = val_of(td, vals, "relkind");
	if (l.filenumber == 0 || name == NULL || name->len != 64)
		return;					/* a mapped catalog: its map says */
	memcpy(l.relname, name->ptr, 63);
	l.relname[63] = '\0';
	if (l.relname[0] == '\0')
		return;
	l.relkind = kind != NULL && kind->len == 1 ? (char) kind->ptr[0] : 0;
	learn(n, &l);
}

void
walnames_columns(struct walnames *n, const struct walname *name,
				 const struct tupdesc **td, struct toast_store **ts)
{
	struct dbent *d;
	const struct cat_rel *r = name->rel;
	size_t		i;

	*td = NULL;
	*ts = NULL;
	if (r == NULL || (d = db_entry(n, name->dboid)) == NULL || d->c == NULL ||
		r < d->rels || r >= d->rels + d->nrels)
		return;
	i = (size_t) (r - d->rels);
	if (!(d->asked[i] & 1))
	{
		d->asked[i] |= 1;
		if (!d->atts_tried)
		{
			d->atts_tried = true;
			catalog_load_attributes(d->c, NULL);
		}
		d->td[i] = catalog_tupdesc(d->c, r);
	}
	if (!(d->asked[i] & 2))
	{
		const struct cat_rel *t;
		char	  **paths = NULL;
		int			np = 0;

		d->asked[i] |= 2;
		if (r->reltoastrelid != 0 && (t = catalog_relation_by_oid(d->c, r->reltoastrelid)) != NULL &&
			(np = catalog_segment_paths(d->c, t, FORK_MAIN, &paths)) > 0)
		{
			struct diags ds;

			diags_reset(&ds);
			d->ts[i] = toast_open((const char *const *) paths, np, &ds);
		}
		if (paths != NULL)
			catalog_free_paths(paths, np);
	}
	*td = d->td[i];
	*ts = d->ts[i];
}

static bool
db_matches(const struct walnames *n, uint32_t oid, const char *db)
{
	char		b[16];
	const char *dn = datname_of(n, oid);

	snprintf(b, sizeof(b), "%u", (unsigned) oid);
	return strcmp(b, db) == 0 || (dn != NULL && strcmp(dn, db) == 0);
}

static int
add_rel(struct walnames_rel **out, size_t *cnt, size_t *cap, const struct dbent *d,
		const struct cat_rel *r)
{
	struct walnames_rel *p;

	if (r->filenumber == 0 && !r->relisshared)
		return 0;
	if (*cnt == *cap)
	{
		size_t		want = *cap ? *cap * 2 : 8;

		if ((p = realloc(*out, want * sizeof(*p))) == NULL)
			return -1;
		*out = p;
		*cap = want;
	}
	p = &(*out)[(*cnt)++];
	p->spc = r->relisshared ? GLOBALTABLESPACE_OID :
		r->reltablespace ? r->reltablespace : DEFAULTTABLESPACE_OID;
	p->db = r->relisshared ? 0 : d->dboid;
	p->relnumber = r->filenumber;
	p->relkind = r->relkind;
	p->reloid = r->oid;
	return 0;
}

/* r, its TOAST table, and with indexes the indexes of both */
static int
collect(struct dbent *d, const struct cat_rel *r, bool indexes,
		struct walnames_rel **out, size_t *cnt, size_t *cap)
{
	const struct cat_rel *rels[2] = {r, NULL};

	if (r->reltoastrelid != 0)
		rels[1] = catalog_relation_by_oid(d->c, r->reltoastrelid);
	for (int k = 0; k < 2; k++)
	{
		uint32_t   *idx = NULL;
		int			ni;

		if (rels[k] == NULL)
			continue;
		if (add_rel(out, cnt, cap, d, rels[k]) != 0)
			return -1;
		if (!indexes)
			continue;
		ni = catalog_index_oids(d->c, rels[k]->oid, &idx);
		for (int j = 0; j < ni; j++)
		{
			const struct cat_rel *ir = catalog_relation_by_oid(d->c, idx[j]);

			if (ir != NULL && add_rel(out, cnt, cap, d, ir) != 0)
			{
				free(idx);
				return -1;
			}
		}
		free(idx);
	}
	return 0;
}

int
walnames_resolve(struct walnames *n, const char *db, const char *spec, bool indexes,
				 struct walnames_rel **out, const char **err)
{
	size_t		cnt = 0,
				cap = 0;
	int			found = 0;
	const char *e = "no such relation";

	*out = NULL;
	*err = NULL;
	for (int i = 0; i < n->ndbs; i++)
	{
		struct dbent *d;
		const struct cat_rel *r;
		const char *why;

		if (db != NULL && !db_matches(n, n->dbs[i].oid, db))
			continue;
		if ((d = db_entry(n, n->dbs[i].oid)) == NULL || d->c == NULL)
			continue;
		if ((r = catalog_find_relation(d->c, spec, &why)) == NULL)
		{
			e = why;
			continue;
		}
		/* a name found in several databases is not one relation: say so */
		if (found++ > 0 && db == NULL)
		{
			free(*out);
			*out = NULL;
			*err = "found in more than one database: give -d DBNAME";
			return -1;
		}
		if (collect(d, r, indexes, out, &cnt, &cap) != 0)
		{
			*err = "out of memory";
			return -1;
		}
	}
	if (found == 0)
	{
		*err = db != NULL && n->ndbs > 0 ? e : n->ndbs == 0 ? "no database in the data directory" : e;
		return -1;
	}
	return (int) cnt;
}

void
walnames_findings(struct walnames *n, bool final,
				  void (*fn) (void *arg, const char *file, const struct diag *d), void *arg)
{
	char		path[1200];
	char		list[96];
	size_t		len = 0;
	uint64_t	refs = 0;
	int			nabsent = 0;

	for (size_t i = 0; i < n->nents; i++)
	{
		struct dbent *d = &n->ents[i];
		const struct cat_finding *f;
		int			nf;

		if (d->absent && d->unnamed > 0)
		{
			if (nabsent++ < 8 && len < sizeof(list) - 16)
				len += (size_t) snprintf(list + len, sizeof(list) - len, "%s%u",
										 nabsent > 1 ? ", " : "", (unsigned) d->dboid);
			refs += d->unnamed;
		}
		if (d->c == NULL)
			continue;
		f = catalog_findings(d->c, &nf);
		for (int j = 0; j < nf; j++)
		{
			snprintf(path, sizeof(path), "%s/%s", n->pgdata, f[j].file ? f[j].file : "");
			fn(arg, path, &f[j].d);
		}
		catalog_clear_findings(d->c);
	}
	if (final && nabsent > 0 && !n->absent_told)
	{
		struct diag d;

		memset(&d, 0, sizeof(d));
		d.code = D_NAMES_UNKNOWN;
		snprintf(d.detail, sizeof(d.detail),
				 "database%s %s%s not in the data directory (no base/OID): %llu block references left unnamed",
				 nabsent > 1 ? "s" : "", list, nabsent > 8 ? ", ..." : "",
				 (unsigned long long) refs);
		n->absent_told = true;
		fn(arg, n->pgdata, &d);
	}
}
