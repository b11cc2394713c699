/*
 * pg_index and pg_am read from disk: which table an index is on, its key
 * columns and their DESC / NULLS FIRST options (catalog/pg_index.h), and
 * the access method's name -- what relcache.c's RelationInitIndexAccessInfo
 * learns from the two catalogs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/catalog_int.h"
#include "heap/varlena.h"
#include "io/bytes.h"

struct tupdesc *
catalog_td_of(struct catalog *c, uint32_t relid)
{
	struct tupdesc *td = catalog_layout_td(c, relid);

	return td != NULL ? td : catalog_described(c, relid);
}

int
catalog_scan_described(struct catalog *c, uint32_t relid,
					   int (*cols) (void *arg, const struct tupdesc *td),
					   cat_row_fn fn, void *arg)
{
	const struct cat_rel *r = catalog_relation_by_oid(c, relid);
	struct tupdesc *td;
	char		rel[256];
	long		rows = -1;

	if (r == NULL || (td = catalog_td_of(c, relid)) == NULL)
		return -1;
	if (cols(arg, td) == 0 &&
		catalog_path_of(c, r->reltablespace, r->filenumber, FORK_MAIN, rel, sizeof(rel)) == 0)
		rows = catalog_scan(c, rel, td, fn, arg);
	tupdesc_free(td);
	return rows < 0 ? -1 : 0;
}

/*
 * An int2vector (a one-dimensional int2 array, lower bound 0, no nulls:
 * utils/array.h's ArrayType) into out[max]; the count, or -1.
 */
static int
int2vector(const struct attr_value *v, int16_t *out, int max)
{
	struct varlena vl;
	struct diags ds;
	uint8_t    *b = NULL;
	size_t		len;
	int			n = -1,
				i;

	diags_reset(&ds);
	if (v->kind != AV_VALUE || varlena_parse(v->ptr, v->len, &vl, &ds) != 0 ||
		varlena_detoast(&vl, NULL, &b, &len, &ds) != 0)
		return -1;
	/* ndim, dataoffset, elemtype, dim, lbound: 20 bytes after the header */
	if (len >= 12 && rd32(b) == 0)
		n = 0;
	else if (len >= 20 && rd32(b) == 1 && rd32(b + 4) == 0 &&
			 rd32(b + 12) <= (uint32_t) max && 20 + 2 * (size_t) rd32(b + 12) <= len)
	{
		n = (int) rd32(b + 12);
		for (i = 0; i < n; i++)
			out[i] = (int16_t) rd16(b + 20 + 2 * (size_t) i);
	}
	free(b);
	return n;
}

struct index_cols {
	struct catalog *c;
	int			indexrelid, indrelid, indnatts, indnkeyatts, indisunique,
				indisprimary, indkey, indoption;
	size_t		cap;
};

static int
index_cols(void *arg, const struct tupdesc *td)
{
	struct index_cols *k = arg;

	k->indexrelid = catalog_col(td, "indexrelid");
	k->indrelid = catalog_col(td, "indrelid");
	k->indnatts = catalog_col(td, "indnatts");
	k->indnkeyatts = catalog_col(td, "indnkeyatts");
	k->indisunique = catalog_col(td, "indisunique");
	k->indisprimary = catalog_col(td, "indisprimary");
	k->indkey = catalog_col(td, "indkey");
	k->indoption = catalog_col(td, "indoption");
	return k->indexrelid >= 0 && k->indrelid >= 0 && k->indkey >= 0 ? 0 : -1;
}

static int
index_row(void *arg, const struct cat_row *row)
{
	struct index_cols *k = arg;
	struct catalog *c = k->c;
	struct cat_index *x;

	if (c->nindexes >= CATALOG_MAX_ROWS)
		return 1;
	if (catalog_grow(&c->indexes, &k->cap, c->nindexes, sizeof(*c->indexes), 64) != 0)
		return 1;
	x = &c->indexes[c->nindexes];
	memset(x, 0, sizeof(*x));
	x->indexrelid = row_u32(row, k->indexrelid);
	x->indrelid = row_u32(row, k->indrelid);
	x->indnatts = row_i16(row, k->indnatts);
	/* before 11 every column is a key column */
	x->indnkeyatts = k->indnkeyatts >= 0 ? row_i16(row, k->indnkeyatts) : x->indnatts;
	x->indisunique = row_char(row, k->indisunique) != 0;
	x->indisprimary = row_char(row, k->indisprimary) != 0;
	if (x->indnatts < 1 || x->indnatts > CATALOG_INDEX_MAX_KEYS ||
		x->indnkeyatts < 1 || x->indnkeyatts > x->indnatts ||
		int2vector(&row->vals[k->indkey], x->indkey, CATALOG_INDEX_MAX_KEYS) != x->indnatts)
	{
		struct diags ds;

		diags_reset(&ds);
		diag_add(&ds, D_BAD_VALUE, "pg_index row of index %u: indnatts %d, indnkeyatts %d, indkey unreadable",
				 (unsigned) x->indexrelid, x->indnatts, x->indnkeyatts);
		catalog_findings_from(c, "pg_index", &ds);
		return 0;
	}
	/* indoption has the key columns only; unreadable: ASC NULLS LAST */
	if (k->indoption >= 0 &&
		int2vector(&row->vals[k->indoption], x->indoption, CATALOG_INDEX_MAX_KEYS) < 0)
		memset(x->indoption, 0, sizeof(x->indoption));
	c->nindexes++;
	return 0;
}

static int
cmp_index(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return x < y ? -1 : x > y;
}

const struct cat_index *
catalog_index(struct catalog *c, uint32_t indexrelid)
{
	if (!c->indexes_loaded)
	{
		struct index_cols k = {.c = c};

		c->indexes_loaded = true;
		catalog_scan_described(c, PG_INDEX_RELID, index_cols, index_row, &k);
		if (c->nindexes > 0)
			qsort(c->indexes, c->nindexes, sizeof(*c->indexes), cmp_index);
	}
	if (c->indexes == NULL)
		return NULL;
	return bsearch(&indexrelid, c->indexes, c->nindexes, sizeof(*c->indexes), cmp_index);
}

struct am_cols {
	struct catalog *c;
	int			oid, amname;
	size_t		cap;
};

static int
am_cols(void *arg, const struct tupdesc *td)
{
	struct am_cols *k = arg;

	k->oid = catalog_col(td, "oid");
	k->amname = catalog_col(td, "amname");
	return k->amname >= 0 ? 0 : -1;
}

static int
am_row(void *arg, const struct cat_row *row)
{
	struct am_cols *k = arg;
	struct catalog *c = k->c;

	if (c->nams >= 65536)
		return 1;
	if (catalog_grow(&c->ams, &k->cap, c->nams, sizeof(*c->ams), 16) != 0)
		return 1;
	c->ams[c->nams].oid = row_oid(row, k->oid);
	row_name(row, k->amname, c->ams[c->nams].amname);
	c->nams++;
	return 0;
}

const char *
catalog_amname(struct catalog *c, uint32_t amoid)
{
	size_t		i;

	if (!c->ams_loaded)
	{
		struct am_cols k = {.c = c};

		c->ams_loaded = true;
		catalog_scan_described(c, PG_AM_RELID, am_cols, am_row, &k);
	}
	for (i = 0; i < c->nams; i++)
		if (c->ams[i].oid == amoid)
			return c->ams[i].amname;
	return NULL;
}
