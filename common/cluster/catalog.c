/*
 * The catalog read from disk: opening a data directory and a database,
 * scanning a catalog's heap files for its visible rows, and loading
 * pg_class, pg_namespace and pg_database -- what relcache.c and
 * relmapper.c do at backend start, from the files alone.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cluster/catalog_int.h"
#include "cluster/control.h"
#include "heap/heappage.h"
#include "io/blockreader.h"
#include "io/bytes.h"
#include "io/input.h"
#include "page/checksum.h"
#include "page/page.h"

void
catalog_finding(struct catalog *c, const char *file, const struct diag *d)
{
	struct cat_finding *f;

	if (c->nfindings >= CATALOG_MAX_FINDINGS)
		return;
	f = &c->findings[c->nfindings];
	f->file = file != NULL ? strdup(file) : NULL;
	f->d = *d;
	c->nfindings++;
}

void
catalog_findings_from(struct catalog *c, const char *file, struct diags *ds)
{
	int			i;

	for (i = 0; i < ds->n; i++)
		catalog_finding(c, file, &ds->d[i]);
	diags_reset(ds);
}

const struct cat_finding *
catalog_findings(const struct catalog *c, int *n)
{
	*n = c->nfindings;
	return c->findings;
}

void
catalog_clear_findings(struct catalog *c)
{
	int			i;

	for (i = 0; i < c->nfindings; i++)
		free(c->findings[i].file);
	c->nfindings = 0;
}

uint32_t
catalog_dboid(const struct catalog *c)
{
	return c->dboid;
}

const char *
catalog_pgdata(const struct catalog *c)
{
	return c->pgdata;
}

/* Field readers over a deformed row: the bytes are in the page. */
static const struct attr_value *
row_val(const struct cat_row *r, int col, uint32_t len)
{
	const struct attr_value *v;

	if (col < 0 || col >= r->td->natts)
		return NULL;
	v = &r->vals[col];
	return v->kind == AV_VALUE && v->len == len ? v : NULL;
}

uint32_t
row_u32(const struct cat_row *r, int col)
{
	const struct attr_value *v = row_val(r, col, 4);

	return v ? rd32(v->ptr) : 0;
}

int32_t
row_i32(const struct cat_row *r, int col)
{
	return (int32_t) row_u32(r, col);
}

int16_t
row_i16(const struct cat_row *r, int col)
{
	const struct attr_value *v = row_val(r, col, 2);

	return v ? (int16_t) rd16(v->ptr) : 0;
}

char
row_char(const struct cat_row *r, int col)
{
	const struct attr_value *v = row_val(r, col, 1);

	return v ? (char) v->ptr[0] : '\0';
}

/* A name is NAMEDATALEN bytes, NUL-padded; one that is not ends at 63. */
void
row_name(const struct cat_row *r, int col, char *buf)
{
	const struct attr_value *v = row_val(r, col, CATALOG_NAMELEN);

	buf[0] = '\0';
	if (v == NULL)
		return;
	memcpy(buf, v->ptr, CATALOG_NAMELEN - 1);
	buf[CATALOG_NAMELEN - 1] = '\0';
}

uint32_t
row_oid(const struct cat_row *r, int oidcol)
{
	return oidcol >= 0 ? row_u32(r, oidcol) : r->hdr_oid;
}

/*
 * The one rule of which row versions count (see catalog.h): heap/heapvis's,
 * as a new snapshot after a restart sees them, with each XID's status from
 * the logs (cluster/rowstate.h: pg_xact, pg_subtrans for sub-committed
 * XIDs, pg_multixact for a multixact's updater).  The hint bits are the
 * shortcut PostgreSQL itself takes; where they contradict the logs, that
 * is a finding.  An XID whose pg_xact segment is missing is taken as
 * committed (the newest version of a row wins), and said once per segment.
 */
static bool
row_visible_at(struct catalog *c, const struct heap_tuple *t, const char *file,
			   uint32_t blkno, uint16_t lp)
{
	struct rowstate rs;
	struct diags ds;
	int			i;

	diags_reset(&ds);
	rowstate_judge(c->xact, t, blkno, lp, &rs, &ds);
	for (i = 0; i < ds.n; i++)
		/* the logs' findings name their own files; a tuple's is file's */
		catalog_finding(c, ds.d[i].code == D_HINT_BITS ? file : NULL, &ds.d[i]);
	return rs.v.visible;
}

bool
catalog_row_visible(struct catalog *c, const struct heap_tuple *t, const char *file)
{
	return row_visible_at(c, t, file, 0, 0);
}

/* One page of a catalog: its visible rows to fn.  Returns fn's stop. */
static int
scan_page(struct catalog *c, const char *relpath, const uint8_t *page,
		  uint32_t blkno, const struct tupdesc *td, struct attr_value *vals,
		  long *rows, cat_row_fn fn, void *arg, struct diags *ds)
{
	struct page_header h;
	struct heap_item it;
	struct cat_row r;
	unsigned	i,
				n;

	page_header_decode(page, &h);
	if (page_is_new(&h))
	{
		page_check_new(page, blkno, ds);
		return 0;
	}
	if (!page_check(&h, blkno, ds))
		return 0;
	if (c->checksums && h.checksum != pg_checksum_page(page, blkno))
		diag_add_block(ds, D_CHECKSUM_MISMATCH, blkno, "stored 0x%04x, computed 0x%04x",
					   (unsigned) h.checksum, (unsigned) pg_checksum_page(page, blkno));
	n = page_item_count(&h);
	for (i = 1; i <= n; i++)
	{
		struct diags vd;

		heappage_item(page, i, &it);
		if (it.id.flags != LP_NORMAL || !it.has_tuple || it.t.status != HT_OK)
			continue;
		r.visible = row_visible_at(c, &it.t, relpath, blkno, (uint16_t) i);
		if (!r.visible && !c->all_versions)
			continue;
		diags_reset(&vd);
		if (heap_deform_data(td, it.t.data, it.t.data_len,
							 it.t.natts < td->natts ? it.t.natts : (unsigned) td->natts,
							 it.t.bits, vals, &vd) != 0)
		{
			int			k;

			for (k = 0; k < vd.n; k++)
			{
				vd.d[k].has_blkno = 1;
				vd.d[k].blkno = blkno;
				vd.d[k].item = (uint16_t) i;
				catalog_finding(c, relpath, &vd.d[k]);
			}
			continue;
		}
		r.td = td;
		r.vals = vals;
		r.t = &it.t;
		r.hdr_oid = it.t.has_oid ? it.t.oid : 0;
		r.blkno = blkno;
		r.lp = (uint16_t) i;
		(*rows)++;
		if (fn(arg, &r) != 0)
			return 1;
	}
	return 0;
}

long
catalog_scan(struct catalog *c, const char *relpath, const struct tupdesc *td,
			 cat_row_fn fn, void *arg)
{
	char		seg[512],
				path[1024];
	struct attr_value *vals;
	struct diags ds;
	long		rows = 0;
	unsigned	segno;
	int			stop = 0;

	vals = calloc((size_t) td->natts, sizeof(*vals));
	if (vals == NULL)
		return -1;
	diags_reset(&ds);
	for (segno = 0; !stop; segno++)
	{
		struct blockreader *br;
		const uint8_t *page;
		uint32_t	blkno;
		enum br_result res;

		if (segno == 0)
			snprintf(seg, sizeof(seg), "%s", relpath);
		else
			snprintf(seg, sizeof(seg), "%s.%u", relpath, segno);
		if (catalog_existing(c, seg, path, sizeof(path)) != 0)
		{
			if (segno == 0)
			{
				diag_add(&ds, D_FILE_MISSING, "catalog file %s", relpath);
				catalog_findings_from(c, relpath, &ds);
				free(vals);
				return -1;
			}
			break;
		}
		br = blockreader_open(path, 0, UINT32_MAX, &ds);
		if (br == NULL)
		{
			catalog_findings_from(c, seg, &ds);
			break;
		}
		while (!stop && (res = blockreader_next(br, &page, &blkno, &ds)) == BR_PAGE)
			stop = scan_page(c, seg, page, blkno, td, vals, &rows, fn, arg, &ds);
		blockreader_close(br);
		catalog_findings_from(c, seg, &ds);
	}
	free(vals);
	return rows;
}

/* Read a small file under pgdata (or its .gz); NULL with a finding. */
static uint8_t *
slurp(struct catalog *c, const char *rel, size_t max, size_t *len, bool say)
{
	char		path[1024];
	struct diags ds;
	uint8_t    *buf;

	diags_reset(&ds);
	if (catalog_existing(c, rel, path, sizeof(path)) != 0)
	{
		if (say)
		{
			diag_add(&ds, D_FILE_MISSING, NULL);
			catalog_findings_from(c, rel, &ds);
		}
		return NULL;
	}
	buf = input_slurp(path, max, len, &ds);
	catalog_findings_from(c, rel, &ds);
	return buf;
}

static bool
load_map(struct catalog *c, const char *rel, struct relmap *m)
{
	struct diags ds;
	uint8_t    *buf;
	size_t		len;
	int			rc;

	buf = slurp(c, rel, 1024, &len, true);
	if (buf == NULL)
		return false;
	diags_reset(&ds);
	/* a bad CRC is said, and the mappings are still the best there is */
	rc = relmap_decode(buf, len, m, &ds);
	catalog_findings_from(c, rel, &ds);
	free(buf);
	return rc == 0;
}

int
catalog_grow(void *arrp, size_t *cap, size_t n, size_t elem, size_t first)
{
	void	   *arr,
			   *p;
	size_t		want;

	if (n < *cap)
		return 0;
	want = *cap ? *cap * 2 : first;
	memcpy(&arr, arrp, sizeof(arr));
	if ((p = realloc(arr, want * elem)) == NULL)
		return -1;
	memcpy(arrp, &p, sizeof(p));
	*cap = want;
	return 0;
}

/*
 * Rows sorted and searched by OID: struct cat_rel and struct cat_type both
 * begin with their uint32_t oid, and a search key is a bare uint32_t.
 */
int
catalog_cmp_oid(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return x < y ? -1 : x > y;
}

/* pg_class: column indexes, then each row kept. */
struct class_cols {
	struct catalog *c;
	int			oid, relname, relnamespace, relfilenode, reltablespace,
				reltoastrelid, relkind, relpersistence, relisshared, relnatts, relam;
	size_t		cap;
};

static void
class_fill(const struct class_cols *k, const struct cat_row *row, struct cat_rel *r)
{
	struct catalog *c = k->c;

	memset(r, 0, sizeof(*r));
	r->oid = row_oid(row, k->oid);
	row_name(row, k->relname, r->relname);
	r->relnamespace = row_u32(row, k->relnamespace);
	r->relfilenode = row_u32(row, k->relfilenode);
	r->reltablespace = row_u32(row, k->reltablespace);
	r->reltoastrelid = row_u32(row, k->reltoastrelid);
	r->relkind = row_char(row, k->relkind);
	r->relpersistence = row_char(row, k->relpersistence);
	r->relisshared = row_char(row, k->relisshared) != 0;
	r->relnatts = row_i16(row, k->relnatts);
	r->relam = row_u32(row, k->relam);
	r->filenumber = r->relfilenode != 0 ? r->relfilenode :
		catalog_map_lookup(c, r->oid, r->relisshared);
}

static int
class_row(void *arg, const struct cat_row *row)
{
	struct class_cols *k = arg;
	struct catalog *c = k->c;

	if (c->nrels >= CATALOG_MAX_ROWS)
		return 1;
	if (catalog_grow(&c->rels, &k->cap, c->nrels, sizeof(*c->rels), 256) != 0)
		return 1;
	class_fill(k, row, &c->rels[c->nrels++]);
	return 0;
}

struct tupdesc *
catalog_layout_td(struct catalog *c, uint32_t relid)
{
	const char *spec = catalog_layout(c->prof->major, relid);
	struct diags ds;

	diags_reset(&ds);
	return spec ? tupdesc_from_spec(spec, &ds) : NULL;
}

/* pg_class's column indexes in td */
static void
class_cols_of(struct class_cols *k, const struct tupdesc *td)
{
	k->oid = catalog_col(td, "oid");
	k->relname = catalog_col(td, "relname");
	k->relnamespace = catalog_col(td, "relnamespace");
	k->relfilenode = catalog_col(td, "relfilenode");
	k->reltablespace = catalog_col(td, "reltablespace");
	k->reltoastrelid = catalog_col(td, "reltoastrelid");
	k->relkind = catalog_col(td, "relkind");
	k->relpersistence = catalog_col(td, "relpersistence");
	k->relisshared = catalog_col(td, "relisshared");
	k->relnatts = catalog_col(td, "relnatts");
	k->relam = catalog_col(td, "relam");
}

/* every row version of pg_class, visible or not */
struct class_versions {
	struct class_cols k;
	struct cat_version *v;
	size_t		n,
				cap;
};

static int
class_version_row(void *arg, const struct cat_row *row)
{
	struct class_versions *cv = arg;
	struct cat_version *v;

	if (cv->n >= CATALOG_MAX_ROWS)
		return 1;
	if (catalog_grow(&cv->v, &cv->cap, cv->n, sizeof(*cv->v), 256) != 0)
		return 1;
	v = &cv->v[cv->n++];
	class_fill(&cv->k, row, &v->rel);
	v->xmin = row->t->xmin;
	v->xmax = row->t->xmax;
	v->visible = row->visible;
	v->blkno = row->blkno;
	v->lp = row->lp;
	return 0;
}

static int
cmp_version(const void *a, const void *b)
{
	const struct cat_version *x = a,
			   *y = b;

	if (x->rel.oid != y->rel.oid)
		return x->rel.oid < y->rel.oid ? -1 : 1;
	/* the newer version after: by xmin, modulo 2^32 as TransactionIdPrecedes */
	if (x->xmin != y->xmin)
		return (int32_t) (x->xmin - y->xmin) < 0 ? -1 : 1;
	return 0;
}

int
catalog_class_versions(struct catalog *c, struct cat_version **out)
{
	struct class_versions cv = {.k = {.c = c}};
	struct tupdesc *td = catalog_layout_td(c, PG_CLASS_RELID);
	char		rel[256];
	uint32_t	fn = catalog_map_lookup(c, PG_CLASS_RELID, false);
	long		rows;

	*out = NULL;
	if (td == NULL)
		return -1;
	class_cols_of(&cv.k, td);
	catalog_path_of(c, 0, fn ? fn : PG_CLASS_RELID, FORK_MAIN, rel, sizeof(rel));
	c->all_versions = true;
	rows = catalog_scan(c, rel, td, class_version_row, &cv);
	c->all_versions = false;
	tupdesc_free(td);
	if (cv.n > 0)
		qsort(cv.v, cv.n, sizeof(*cv.v), cmp_version);
	*out = cv.v;
	return rows < 0 ? -1 : (int) cv.n;
}

static int
load_class(struct catalog *c)
{
	struct class_cols k = {.c = c};
	struct tupdesc *td = catalog_layout_td(c, PG_CLASS_RELID);
	char		rel[256];
	uint32_t	fn = catalog_map_lookup(c, PG_CLASS_RELID, false);

	if (td == NULL)
		return -1;
	class_cols_of(&k, td);
	/* the map is the truth; without it, initdb's file number (= the OID) */
	catalog_path_of(c, 0, fn ? fn : PG_CLASS_RELID, FORK_MAIN, rel, sizeof(rel));
	catalog_scan(c, rel, td, class_row, &k);
	tupdesc_free(td);
	if (c->nrels > 0)
		qsort(c->rels, c->nrels, sizeof(*c->rels), catalog_cmp_oid);
	return 0;
}

struct ns_cols {
	struct catalog *c;
	int			oid, nspname;
	size_t		cap;
};

static int
ns_row(void *arg, const struct cat_row *row)
{
	struct ns_cols *k = arg;
	struct catalog *c = k->c;

	if (c->nnss >= CATALOG_MAX_ROWS)
		return 1;
	if (catalog_grow(&c->nss, &k->cap, c->nnss, sizeof(*c->nss), 32) != 0)
		return 1;
	c->nss[c->nnss].oid = row_oid(row, k->oid);
	row_name(row, k->nspname, c->nss[c->nnss].nspname);
	c->nnss++;
	return 0;
}

static void
load_namespace(struct catalog *c)
{
	const struct cat_rel *r = catalog_relation_by_oid(c, PG_NAMESPACE_RELID);
	struct ns_cols k = {.c = c};
	struct tupdesc *td;
	char		rel[256];

	if (r == NULL || (td = catalog_td_of(c, PG_NAMESPACE_RELID)) == NULL)
		return;
	k.oid = catalog_col(td, "oid");
	k.nspname = catalog_col(td, "nspname");
	if (k.nspname >= 0 &&
		catalog_path_of(c, r->reltablespace, r->filenumber, FORK_MAIN, rel, sizeof(rel)) == 0)
		catalog_scan(c, rel, td, ns_row, &k);
	tupdesc_free(td);
}

const char *
catalog_nspname(const struct catalog *c, uint32_t oid)
{
	size_t		i;

	for (i = 0; i < c->nnss; i++)
		if (c->nss[i].oid == oid)
			return c->nss[i].nspname;
	return NULL;
}

/* PG_VERSION, pg_control, pg_xact and the global map: any database needs them. */
static struct catalog *
cluster_open(const char *pgdata, const char **err)
{
	struct catalog *c = calloc(1, sizeof(*c));
	uint8_t    *buf;
	size_t		len;
	int			major;

	if (c == NULL || (c->pgdata = strdup(pgdata)) == NULL)
	{
		free(c);
		*err = "out of memory";
		return NULL;
	}
	buf = slurp(c, "PG_VERSION", 64, &len, false);
	if (buf == NULL || pg_version_parse((const char *) buf, len, &major) != 0 ||
		(c->prof = pg_profile_by_major(major)) == NULL)
	{
		free(buf);
		catalog_close(c);
		*err = "no PG_VERSION of a major from 10 to 18 in the data directory";
		return NULL;
	}
	free(buf);
	c->xact = xact_open(pgdata);
	buf = slurp(c, "global/pg_control", 16384, &len, true);
	if (buf != NULL)
	{
		struct pg_control pc;
		struct diags ds;

		diags_reset(&ds);
		if (control_decode(buf, len, &pc, &ds) == 0)
		{
			c->catversion = pc.catalog_version_no;
			c->checksums = pc.data_checksum_version != 0;
			if (c->xact != NULL)
				xact_set_control(c->xact, &pc);
		}
		catalog_findings_from(c, "global/pg_control", &ds);
		free(buf);
	}
	c->gmap_ok = load_map(c, "global/pg_filenode.map", &c->gmap);
	return c;
}

struct catalog *
catalog_open(const char *pgdata, const char *db, const char **err)
{
	struct catalog *c = cluster_open(pgdata, err);
	char		rel[128],
				path[1024];
	struct stat st;
	char	   *end;
	unsigned long v;

	if (c == NULL || db == NULL)
		return c;
	errno = 0;
	v = strtoul(db, &end, 10);
	if (db[0] >= '0' && db[0] <= '9' && *end == '\0' && errno == 0 && v <= UINT32_MAX)
		c->dboid = (uint32_t) v;
	else
	{
		struct cat_database *dbs;
		int			n = catalog_databases(c, &dbs),
					i;

		bool		named = n > 0 && dbs[0].datname[0] != '\0';

		for (i = 0; i < n; i++)
			if (strcmp(dbs[i].datname, db) == 0)
				c->dboid = dbs[i].oid;
		free(dbs);
		if (c->dboid == 0)
		{
			*err = named ? "no such database" :
				"no such database (names need pg_database, global/1262; give its OID)";
			catalog_close(c);
			return NULL;
		}
	}
	snprintf(path, sizeof(path), "%s/base/%u", pgdata, (unsigned) c->dboid);
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
	{
		*err = "no directory base/OID for that database";
		catalog_close(c);
		return NULL;
	}
	snprintf(rel, sizeof(rel), "base/%u/pg_filenode.map", (unsigned) c->dboid);
	c->lmap_ok = load_map(c, rel, &c->lmap);
	load_class(c);
	load_namespace(c);
	return c;
}

void
catalog_close(struct catalog *c)
{
	size_t		i;

	if (c == NULL)
		return;
	catalog_clear_findings(c);
	for (i = 0; i < c->nrels; i++)
	{
		int			j;

		for (j = 0; j < c->rels[i].natts; j++)
			free(c->rels[i].atts[j].missingval);
		free(c->rels[i].atts);
	}
	free(c->rels);
	free(c->nss);
	free(c->types);
	free(c->enums);
	free(c->indexes);
	free(c->ams);
	xact_close(c->xact);
	catalog_dircache_free(c->dirs);
	free(c->pgdata);
	free(c);
}
