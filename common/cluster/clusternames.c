/*
 * A walked cluster's relations named from its catalog, and its files held
 * against pg_class both ways (what pg_relation_filenode() maps, read
 * backwards).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/clusternames.h"

/* A pg_class row's place on disk: tablespace and file number. */
struct owner {
	uint32_t	spcoid;
	uint32_t	filenumber;
	size_t		idx;			/* in catalog_relations() */
};

static int
cmp_owner(const void *a, const void *b)
{
	const struct owner *x = a,
			   *y = b;

	if (x->spcoid != y->spcoid)
		return x->spcoid < y->spcoid ? -1 : 1;
	return x->filenumber < y->filenumber ? -1 : x->filenumber > y->filenumber;
}

static bool
has_storage(const struct cat_rel *r)
{
	return r->filenumber != 0 && r->relpersistence != 't' &&
		strchr("riStm", r->relkind) != NULL && r->relkind != '\0';
}

/* The tablespace a row's files are in: 1664 shared, else its own or the database's. */
static uint32_t
spc_of(const struct cat_rel *r, uint32_t dbspc)
{
	if (r->relisshared)
		return GLOBALTABLESPACE_OID;
	return r->reltablespace ? r->reltablespace : dbspc;
}

/* The walked relation at (dboid, spcoid, relfilenode), or -1. */
static long
walked(const struct cluster_walk *w, uint32_t dboid, uint32_t spcoid, uint32_t fn)
{
	size_t		lo = 0,
				hi = w->nrels;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		const struct cw_rel *r = &w->rels[mid];
		int			c;

		c = r->dboid != dboid ? (r->dboid < dboid ? -1 : 1) :
			r->relfilenode != fn ? (r->relfilenode < fn ? -1 : 1) :
			r->spcoid != spcoid ? (r->spcoid < spcoid ? -1 : 1) : 0;
		if (c == 0)
			return (long) mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The walked database directory (dboid, spcoid), or NULL. */
static const struct cw_db *
walked_db(const struct cluster_walk *w, uint32_t dboid, uint32_t spcoid)
{
	size_t		i;

	for (i = 0; i < w->ndbs; i++)
		if (w->dbs[i].dboid == dboid && w->dbs[i].spcoid == spcoid)
			return &w->dbs[i];
	return NULL;
}

static int
add(struct cluster_names *n, size_t *cap, size_t rel, const char *file,
	enum diag_code code, const char *detail)
{
	struct cw_finding *f;

	if (n->nfindings >= *cap)
	{
		size_t		nc = *cap ? *cap * 2 : 32;

		if ((f = realloc(n->findings, nc * sizeof(*f))) == NULL)
			return -1;
		n->findings = f;
		*cap = nc;
	}
	f = &n->findings[n->nfindings];
	memset(f, 0, sizeof(*f));
	f->rel = rel;
	f->seq = n->nfindings;
	f->d.code = code;
	snprintf(f->d.detail, sizeof(f->d.detail), "%s", detail);
	f->file = NULL;
	if (file != NULL && (f->file = malloc(strlen(file) + 1)) == NULL)
		return -1;
	if (file != NULL)
		strcpy(f->file, file);
	n->nfindings++;
	return 0;
}

/*
 * One database: name its walked relations, find orphans and missing
 * files.  shared: also the shared relations of global/.
 */
static int
one_db(const struct cluster_walk *w, struct cluster_names *n, size_t *cap,
	   struct catalog *c, uint32_t dboid, const char *datname, bool shared)
{
	size_t		nrels,
				i,
				nown = 0;
	const struct cat_rel *rels = catalog_relations(c, &nrels);
	struct owner *own;
	long		missing_dir[2] = {0, 0};	/* rows whose directory has no files: db, global */
	char		detail[DIAG_DETAIL];

	if (nrels == 0)
		return 0;
	if ((own = malloc(nrels * sizeof(*own))) == NULL)
		return -1;
	for (i = 0; i < nrels; i++)
	{
		const struct cat_rel *r = &rels[i];
		uint32_t	spc = spc_of(r, DEFAULTTABLESPACE_OID);
		uint32_t	db = r->relisshared ? 0 : dboid;
		const struct cw_db *d;
		char		path[128];

		if (r->filenumber == 0 || (r->relisshared && !shared))
			continue;
		own[nown].spcoid = spc;
		own[nown].filenumber = r->filenumber;
		own[nown++].idx = i;
		if (!has_storage(r) || walked(w, db, spc, r->filenumber) >= 0)
			continue;
		d = walked_db(w, db, spc);
		if (d == NULL || d->nfiles == 0)
		{
			missing_dir[r->relisshared]++;
			continue;
		}
		if (catalog_filepath(c, r, FORK_MAIN, path, sizeof(path)) != 0)
			continue;
		snprintf(detail, sizeof(detail), "%s.%s (oid %u, relkind %c) has no file",
				 catalog_nspname(c, r->relnamespace) ? catalog_nspname(c, r->relnamespace) : "?",
				 r->relname, (unsigned) r->oid, r->relkind);
		if (add(n, cap, CW_CLUSTER, path, D_FILE_MISSING, detail) != 0)
			goto oom;
	}
	if (nown > 1)
		qsort(own, nown, sizeof(*own), cmp_owner);
	for (i = 0; i < w->nrels; i++)
	{
		const struct cw_rel *wr = &w->rels[i];
		struct owner key = {wr->spcoid, wr->relfilenode, 0};
		const struct owner *o;
		const struct cat_rel *r;
		const char *nsp;

		if (wr->dboid != (shared && wr->dboid == 0 ? 0 : dboid) ||
			(wr->dboid == 0 && !shared))
			continue;
		if (nown == 0 || (o = bsearch(&key, own, nown, sizeof(*own), cmp_owner)) == NULL)
		{
			if (add(n, cap, i, w->files[wr->first].path, D_ORPHAN_FILE, "") != 0)
				goto oom;
			continue;
		}
		r = &rels[o->idx];
		nsp = catalog_nspname(c, r->relnamespace);
		n->rels[i].named = true;
		n->rels[i].oid = r->oid;
		n->rels[i].relkind = r->relkind;
		snprintf(n->rels[i].nspname, CATALOG_NAMELEN, "%s", nsp ? nsp : "");
		snprintf(n->rels[i].relname, CATALOG_NAMELEN, "%s", r->relname);
		if (wr->dboid != 0 && datname[0] != '\0')
		{
			n->rels[i].db_named = true;
			snprintf(n->rels[i].datname, CATALOG_NAMELEN, "%s", datname);
		}
	}
	free(own);
	for (i = 0; i < 2; i++)
	{
		char		dir[64];

		if (missing_dir[i] == 0)
			continue;
		if (i == 1)
			snprintf(dir, sizeof(dir), "global");
		else
			snprintf(dir, sizeof(dir), "base/%u", (unsigned) dboid);
		snprintf(detail, sizeof(detail), "no relation files: %ld relations' files not checked",
				 missing_dir[i]);
		if (add(n, cap, CW_CLUSTER, dir, D_NOT_IN_COPY, detail) != 0)
			return -1;
	}
	return 0;
oom:
	free(own);
	return -1;
}

struct cluster_names *
cluster_names_load(const struct cluster_walk *w)
{
	struct cluster_names *n = calloc(1, sizeof(*n));
	struct cat_database *dbs = NULL;
	int			ndbs = -1;
	size_t		cap = 0,
				i;
	bool		shared = true;

	if (n == NULL || (w->nrels > 0 && (n->rels = calloc(w->nrels, sizeof(*n->rels))) == NULL))
	{
		free(n);
		return NULL;
	}
	for (i = 0; i < w->ndbs; i++)
	{
		const struct cw_db *d = &w->dbs[i];
		const char *err = NULL;
		char		oid[16];
		const char *datname = "";
		struct catalog *c;
		int			j;

		if (d->dboid == 0 || d->spcoid != DEFAULTTABLESPACE_OID)
			continue;			/* catalog_open reads base/ databases */
		snprintf(oid, sizeof(oid), "%u", (unsigned) d->dboid);
		if ((c = catalog_open(w->pgdata, oid, &err)) == NULL)
			continue;
		if (ndbs < 0)
			ndbs = catalog_databases(c, &dbs);
		for (j = 0; j < ndbs; j++)
			if (dbs[j].oid == d->dboid)
				datname = dbs[j].datname;
		if (one_db(w, n, &cap, c, d->dboid, datname, shared) != 0)
		{
			catalog_close(c);
			free(dbs);
			cluster_names_free(n);
			return NULL;
		}
		shared = false;
		n->dbs_read++;
		catalog_close(c);
	}
	/* the databases named but not in the copy, by their directories */
	for (i = 0; i < w->nrels; i++)
	{
		int			j;

		for (j = 0; j < ndbs && !n->rels[i].db_named && w->rels[i].dboid != 0; j++)
			if (dbs[j].oid == w->rels[i].dboid && dbs[j].datname[0] != '\0')
			{
				n->rels[i].db_named = true;
				snprintf(n->rels[i].datname, CATALOG_NAMELEN, "%s", dbs[j].datname);
			}
	}
	free(dbs);
	return n;
}

void
cluster_names_free(struct cluster_names *n)
{
	size_t		i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nfindings; i++)
		free(n->findings[i].file);
	free(n->findings);
	free(n->rels);
	free(n);
}
