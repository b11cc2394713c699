/*
 * The catalog's answers about relations: lookup by OID and by name (as
 * the parser reads identifiers: scan.l's quoting, downcase_identifier),
 * pg_attribute and pg_type rows, a relation's tuple descriptor with its
 * types resolved, and its files (relpath.c's GetRelationPath, as
 * pg_relation_filepath() prints it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cluster/catalog_int.h"
#include "heap/toast.h"
#include "io/bytes.h"
#include "io/input.h"

const struct cat_rel *
catalog_relations(const struct catalog *c, size_t *n)
{
	*n = c->nrels;
	return c->rels;
}

const struct cat_rel *
catalog_relation_by_oid(const struct catalog *c, uint32_t oid)
{
	if (c->rels == NULL)
		return NULL;
	return bsearch(&oid, c->rels, c->nrels, sizeof(*c->rels), catalog_cmp_oid);
}


/*
 * One identifier from *s into out (at most NAMEDATALEN - 1 bytes, as the
 * parser truncates): "quoted" with "" for a quote, or bare and folded to
 * lower case (ASCII only, as downcase_identifier does in UTF-8).  -1 if
 * malformed.
 */
static int
ident(const char **s, char *out)
{
	const char *p = *s;
	size_t		n = 0;

	if (*p == '"')
	{
		for (p++;; p++)
		{
			if (*p == '\0')
				return -1;
			if (*p == '"' && p[1] != '"')
				break;
			if (*p == '"')
				p++;
			if (n < CATALOG_NAMELEN - 1)
				out[n++] = *p;
		}
		p++;
	}
	else
		for (; *p != '\0' && *p != '.'; p++)
			if (n < CATALOG_NAMELEN - 1)
				out[n++] = *p >= 'A' && *p <= 'Z' ? (char) (*p - 'A' + 'a') : *p;
	out[n] = '\0';
	*s = p;
	return n > 0 ? 0 : -1;
}

#define PG_CATALOG_NAMESPACE 11
#define PG_PUBLIC_NAMESPACE 2200

const struct cat_rel *
catalog_find_relation(struct catalog *c, const char *spec, const char **err)
{
	char		a[CATALOG_NAMELEN],
				b[CATALOG_NAMELEN];
	const char *p = spec;
	const struct cat_rel *in_path[2] = {NULL, NULL},
			   *other = NULL;
	bool		qualified = false;
	size_t		i;
	int			nother = 0;
	char	   *end;
	unsigned long v = strtoul(spec, &end, 10);

	*err = "no such relation";
	if (spec[0] >= '0' && spec[0] <= '9' && *end == '\0')
		return v <= UINT32_MAX ? catalog_relation_by_oid(c, (uint32_t) v) : NULL;
	if (ident(&p, a) != 0)
		goto bad;
	if (*p == '.')
	{
		p++;
		qualified = true;
		if (ident(&p, b) != 0)
			goto bad;
	}
	if (*p != '\0')
		goto bad;
	for (i = 0; i < c->nrels; i++)
	{
		const struct cat_rel *r = &c->rels[i];
		const char *nsp = catalog_nspname(c, r->relnamespace);

		if (qualified)
		{
			if (nsp != NULL && strcmp(nsp, a) == 0 && strcmp(r->relname, b) == 0)
				return r;
			continue;
		}
		if (strcmp(r->relname, a) != 0)
			continue;
		/* the default search_path: pg_catalog first, then public */
		if (r->relnamespace == PG_CATALOG_NAMESPACE)
			in_path[0] = r;
		else if (r->relnamespace == PG_PUBLIC_NAMESPACE)
			in_path[1] = r;
		else
		{
			other = r;
			nother++;
		}
	}
	if (in_path[0] || in_path[1])
		return in_path[0] ? in_path[0] : in_path[1];
	if (nother == 1)
		return other;
	if (nother > 1)
		*err = "relation name is in several schemas: give schema.name";
	return NULL;
bad:
	*err = "not a relation name (NAME, schema.name, \"Quoted\" or an OID)";
	return NULL;
}

/* pg_attribute: the rows of one relation (relid) or of all (0). */
struct att_cols {
	struct catalog *c;
	uint32_t	relid;
	int			attrelid, attname, atttypid, atttypmod, attlen, attnum, attalign,
				attbyval, attisdropped, atthasmissing, attmissingval;
	struct att_tmp {
		uint32_t	relid;
		struct cat_att a;
		uint32_t	xmin,
					xmax;		/* the tuple's, for catalog_att_versions */
		bool		visible;
	}		   *rows;
	size_t		n,
				cap;
};

static int
att_row(void *arg, const struct cat_row *row)
{
	struct att_cols *k = arg;
	uint32_t	relid = row_u32(row, k->attrelid);
	struct cat_att *a;

	if ((k->relid != 0 && relid != k->relid) || row_i16(row, k->attnum) < 1)
		return 0;
	if (k->n >= CATALOG_MAX_ROWS)
		return 1;
	if (catalog_grow(&k->rows, &k->cap, k->n, sizeof(*k->rows), 64) != 0)
		return 1;
	k->rows[k->n].relid = relid;
	k->rows[k->n].xmin = row->t->xmin;
	k->rows[k->n].xmax = row->t->xmax;
	k->rows[k->n].visible = row->visible;
	a = &k->rows[k->n].a;
	memset(a, 0, sizeof(*a));
	a->attnum = row_i16(row, k->attnum);
	row_name(row, k->attname, a->attname);
	a->atttypid = row_u32(row, k->atttypid);
	a->atttypmod = row_i32(row, k->atttypmod);
	a->attlen = row_i16(row, k->attlen);
	a->attalign = row_char(row, k->attalign);
	a->attbyval = row_char(row, k->attbyval) != 0;
	a->attisdropped = row_char(row, k->attisdropped) != 0;
	a->atthasmissing = k->atthasmissing >= 0 && row_char(row, k->atthasmissing) != 0;
	/* kept as stored: its text needs the type, and pg_type may need loading */
	if (a->atthasmissing && k->attmissingval >= 0 && !a->attisdropped &&
		row->vals[k->attmissingval].kind == AV_VALUE &&
		(a->missingval = malloc(row->vals[k->attmissingval].len)) != NULL)
	{
		a->missinglen = row->vals[k->attmissingval].len;
		memcpy(a->missingval, row->vals[k->attmissingval].ptr, a->missinglen);
	}
	k->n++;
	return 0;
}

static int
cmp_att(const void *x, const void *y)
{
	const struct att_tmp *a = x,
			   *b = y;

	if (a->relid != b->relid)
		return a->relid < b->relid ? -1 : 1;
	if (a->a.attnum != b->a.attnum)
		return a->a.attnum < b->a.attnum ? -1 : 1;
	/* versions (catalog_att_versions): the older first */
	if (a->xmin != b->xmin)
		return (int32_t) (a->xmin - b->xmin) < 0 ? -1 : 1;
	return 0;
}

/*
 * Scan pg_attribute for relid (0: all) into k (sorted by relid, attnum):
 * the visible rows, or with all every version.
 */
static int
scan_atts(struct catalog *c, uint32_t relid, struct att_cols *k, bool all)
{
	const char *spec = catalog_layout(c->prof->major, PG_ATTRIBUTE_RELID);
	struct tupdesc *td;
	struct diags ds;
	uint32_t	fn = catalog_map_lookup(c, PG_ATTRIBUTE_RELID, false);
	char		rel[256];
	long		rows;

	memset(k, 0, sizeof(*k));
	k->c = c;
	k->relid = relid;
	diags_reset(&ds);
	if (spec == NULL || (td = tupdesc_from_spec(spec, &ds)) == NULL)
		return -1;
	k->attrelid = catalog_col(td, "attrelid");
	k->attname = catalog_col(td, "attname");
	k->atttypid = catalog_col(td, "atttypid");
	k->atttypmod = catalog_col(td, "atttypmod");
	k->attlen = catalog_col(td, "attlen");
	k->attnum = catalog_col(td, "attnum");
	k->attalign = catalog_col(td, "attalign");
	k->attbyval = catalog_col(td, "attbyval");
	k->attisdropped = catalog_col(td, "attisdropped");
	k->atthasmissing = catalog_col(td, "atthasmissing");
	k->attmissingval = catalog_col(td, "attmissingval");
	catalog_path_of(c, 0, fn ? fn : PG_ATTRIBUTE_RELID, FORK_MAIN, rel, sizeof(rel));
	c->all_versions = all;
	rows = catalog_scan(c, rel, td, att_row, k);
	c->all_versions = false;
	tupdesc_free(td);
	if (k->n > 0)
		qsort(k->rows, k->n, sizeof(*k->rows), cmp_att);
	return rows < 0 ? -1 : 0;
}

static void
free_atts(struct att_cols *k)
{
	size_t		i;

	for (i = 0; i < k->n; i++)
		free(k->rows[i].a.missingval);
	free(k->rows);
}

struct tupdesc *
catalog_described(struct catalog *c, uint32_t relid)
{
	struct att_cols k;
	struct tupdesc *td = NULL;
	size_t		i;

	if (scan_atts(c, relid, &k, false) == 0 && k.n > 0 &&
		(td = tupdesc_new(k.rows[k.n - 1].a.attnum)) != NULL)
		for (i = 0; i < k.n; i++)
		{
			const struct cat_att *a = &k.rows[i].a;

			if (tupdesc_set_column(td, a->attnum - 1, a->attname, NULL, a->attlen,
								   a->attalign, a->attbyval, a->attisdropped, NULL) != 0)
			{
				tupdesc_free(td);
				td = NULL;
				break;
			}
		}
	free_atts(&k);
	return td;
}

int
catalog_load_attributes(struct catalog *c, const struct cat_rel *want)
{
	struct att_cols k;
	size_t		i = 0;

	catalog_load_types(c);
	if (scan_atts(c, want ? want->oid : 0, &k, false) != 0)
	{
		free_atts(&k);
		return -1;
	}
	while (i < k.n)
	{
		size_t		j = i;
		struct cat_rel *r = (struct cat_rel *) catalog_relation_by_oid(c, k.rows[i].relid);

		while (j < k.n && k.rows[j].relid == k.rows[i].relid)
			j++;
		if (r != NULL && r->atts == NULL &&
			(r->atts = malloc((j - i) * sizeof(*r->atts))) != NULL)
		{
			size_t		m;

			for (m = i; m < j; m++)
			{
				r->atts[m - i] = k.rows[m].a;
				k.rows[m].a.missingval = NULL;	/* now r's */
			}
			r->natts = (int) (j - i);
		}
		i = j;
	}
	free_atts(&k);
	return 0;
}


int
catalog_att_versions(struct catalog *c, uint32_t relid, struct cat_att_version **out)
{
	struct att_cols k;
	size_t		i;
	int			rc = scan_atts(c, relid, &k, true);

	*out = NULL;
	if (rc == 0 && k.n > 0 && (*out = calloc(k.n, sizeof(**out))) != NULL)
		for (i = 0; i < k.n; i++)
		{
			(*out)[i].attrelid = k.rows[i].relid;
			(*out)[i].a = k.rows[i].a;
			(*out)[i].a.missingval = NULL;
			(*out)[i].a.missinglen = 0;
			(*out)[i].xmin = k.rows[i].xmin;
			(*out)[i].xmax = k.rows[i].xmax;
			(*out)[i].visible = k.rows[i].visible;
		}
	free_atts(&k);
	return rc != 0 ? -1 : *out != NULL ? (int) k.n : 0;
}

int
catalog_filepath(const struct catalog *c, const struct cat_rel *r,
				 enum fork_number fork, char *buf, size_t size)
{
	/*
	 * Only these kinds have storage (pg_relation_filepath()'s list); a view
	 * or a composite type of 10 and 11 still has a relfilenode, never a file
	 */
	if (r->filenumber == 0 || strchr("rmiSt", r->relkind) == NULL || r->relkind == '\0')
		return -1;
	return catalog_path_of(c, r->relisshared ? GLOBALTABLESPACE_OID : r->reltablespace,
						   r->filenumber, fork, buf, size);
}

int
catalog_segment_paths(const struct catalog *c, const struct cat_rel *r,
					  enum fork_number fork, char ***paths)
{
	char		rel[512],
				seg[540],
				path[1100];
	char	  **v = NULL;
	int			n = 0;

	*paths = NULL;
	if (catalog_filepath(c, r, fork, rel, sizeof(rel)) != 0)
		return 0;
	for (;; n++)
	{
		char	  **p;

		if (n == 0)
			snprintf(seg, sizeof(seg), "%s", rel);
		else
			snprintf(seg, sizeof(seg), "%s.%d", rel, n);
		if (catalog_existing(c, seg, path, sizeof(path)) != 0 ||
			(p = realloc(v, (size_t) (n + 1) * sizeof(*v))) == NULL)
			break;
		v = p;
		if ((v[n] = strdup(path)) == NULL)
			break;
	}
	*paths = v;
	return n;
}

void
catalog_free_paths(char **paths, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

int64_t
catalog_fork_blocks(const struct catalog *c, const struct cat_rel *r,
					enum fork_number fork)
{
	char	  **paths;
	int			n = catalog_segment_paths(c, r, fork, &paths),
				i;
	int64_t		bytes = 0;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++)
	{
		struct diags ds;
		struct input *in;
		struct stat st;
		size_t		len = strlen(paths[i]);

		/* a plain file's size is stat()'s; a gzip'd one's is known only by reading it through */
		if (len < 3 || strcmp(paths[i] + len - 3, ".gz") != 0)
		{
			if (stat(paths[i], &st) == 0)
				bytes += st.st_size;
			continue;
		}
		diags_reset(&ds);
		if ((in = input_open(paths[i], &ds)) == NULL)
			continue;
		if (input_size(in) >= 0 && !input_is_gzip(in))
			bytes += input_size(in);
		else
			bytes += (int64_t) input_skip(in, (uint64_t) RELSEG_SIZE * 8192, &ds);
		input_close(in);
	}
	catalog_free_paths(paths, n);
	return bytes / 8192;
}
