/*
 * The catalog's types: pg_type rows, pg_enum labels, and a relation's
 * columns resolved to what prints their values as PostgreSQL's output
 * functions do (format_type's knowledge reduced to storage and printer):
 * domains through typbasetype, arrays through typelem, enums through
 * pg_enum, composites through typrelid's own pg_attribute rows, as
 * lookup_type_cache and record_out find them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/catalog_int.h"
#include "io/bytes.h"
#include "types/usertype.h"

const struct cat_type *
catalog_type(const struct catalog *c, uint32_t oid)
{
	if (c->types == NULL)
		return NULL;
	return bsearch(&oid, c->types, c->ntypes, sizeof(*c->types), catalog_cmp_oid);
}

/* pg_type: every visible row, the storage facts and the resolution links. */
struct type_cols {
	struct catalog *c;
	int			oid, typname, typlen, typbyval, typtype, typalign, typelem,
				typbasetype, typrelid, typnamespace;
	size_t		cap;
};

static int
type_row(void *arg, const struct cat_row *row)
{
	struct type_cols *k = arg;
	struct catalog *c = k->c;
	struct cat_type *t;

	if (c->ntypes >= CATALOG_MAX_ROWS)
		return 1;
	if (catalog_grow(&c->types, &k->cap, c->ntypes, sizeof(*c->types), 512) != 0)
		return 1;
	t = &c->types[c->ntypes++];
	t->oid = row_oid(row, k->oid);
	row_name(row, k->typname, t->typname);
	t->typlen = row_i16(row, k->typlen);
	t->typbyval = row_char(row, k->typbyval) != 0;
	t->typtype = row_char(row, k->typtype);
	t->typalign = row_char(row, k->typalign);
	t->typelem = row_u32(row, k->typelem);
	t->typbasetype = row_u32(row, k->typbasetype);
	t->typrelid = row_u32(row, k->typrelid);
	t->typnamespace = row_u32(row, k->typnamespace);
	return 0;
}


void
catalog_load_types(struct catalog *c)
{
	const char *spec = catalog_layout(c->prof->major, PG_TYPE_RELID);
	struct type_cols k = {.c = c};
	struct tupdesc *td;
	struct diags ds;
	uint32_t	fn = catalog_map_lookup(c, PG_TYPE_RELID, false);
	char		rel[256];

	if (c->types != NULL || spec == NULL)
		return;
	diags_reset(&ds);
	if ((td = tupdesc_from_spec(spec, &ds)) == NULL)
		return;
	k.oid = catalog_col(td, "oid");
	k.typname = catalog_col(td, "typname");
	k.typlen = catalog_col(td, "typlen");
	k.typbyval = catalog_col(td, "typbyval");
	k.typtype = catalog_col(td, "typtype");
	k.typalign = catalog_col(td, "typalign");
	k.typelem = catalog_col(td, "typelem");
	k.typbasetype = catalog_col(td, "typbasetype");
	k.typrelid = catalog_col(td, "typrelid");
	k.typnamespace = catalog_col(td, "typnamespace");
	catalog_path_of(c, 0, fn ? fn : PG_TYPE_RELID, FORK_MAIN, rel, sizeof(rel));
	catalog_scan(c, rel, td, type_row, &k);
	tupdesc_free(td);
	if (c->ntypes > 0)
		qsort(c->types, c->ntypes, sizeof(*c->types), catalog_cmp_oid);
}

/* pg_enum: every visible row (oid, enumtypid, enumlabel), loaded once. */
struct enum_cols {
	struct catalog *c;
	int			oid, enumtypid, enumlabel;
	size_t		cap;
};

static int
enum_row(void *arg, const struct cat_row *row)
{
	struct enum_cols *k = arg;
	struct catalog *c = k->c;
	struct cat_enum *e;

	if (c->nenums >= CATALOG_MAX_ROWS)
		return 1;
	if (catalog_grow(&c->enums, &k->cap, c->nenums, sizeof(*c->enums), 64) != 0)
		return 1;
	e = &c->enums[c->nenums++];
	e->oid = row_oid(row, k->oid);
	e->enumtypid = row_u32(row, k->enumtypid);
	row_name(row, k->enumlabel, e->label);
	return 0;
}

static void
load_enums(struct catalog *c)
{
	const struct cat_rel *r = catalog_relation_by_oid(c, PG_ENUM_RELID);
	struct enum_cols k = {.c = c};
	struct tupdesc *td;
	char		rel[256];

	if (c->enums_loaded)
		return;
	c->enums_loaded = true;
	if (r == NULL || (td = catalog_td_of(c, PG_ENUM_RELID)) == NULL)
		return;
	k.oid = catalog_col(td, "oid");
	k.enumtypid = catalog_col(td, "enumtypid");
	k.enumlabel = catalog_col(td, "enumlabel");
	if (k.enumtypid >= 0 && k.enumlabel >= 0 &&
		catalog_path_of(c, r->reltablespace, r->filenumber, FORK_MAIN, rel, sizeof(rel)) == 0)
		catalog_scan(c, rel, td, enum_row, &k);
	tupdesc_free(td);
}

const struct cat_enum *
catalog_enums(struct catalog *c, size_t *n)
{
	load_enums(c);
	*n = c->nenums;
	return c->enums;
}

/* What a column of some type is printed as: built-in, catalog-made, or raw. */
struct resolved {
	const struct pg_type_info *bi;	/* a type of the static table, or NULL */
	const struct usertype *ut;	/* an enum or composite, or NULL */
	bool		is_array;		/* an array of bi or ut */
};

#define MAX_TYPE_DEPTH 16
#define CSTRINGOID 2275		/* domains, arrays and composites nested */

static struct tupdesc *build_td(struct catalog *c, struct usertype_set *s,
								const struct cat_rel *r, int depth);

static const struct usertype *
enum_type(struct catalog *c, struct usertype_set *s, const struct cat_type *t)
{
	struct usertype *u = usertype_find(s, t->oid);
	size_t		i;

	if (u != NULL)
		return u;
	load_enums(c);
	if ((u = usertype_add(s, t->oid, t->typname, 'e', 4, 'i')) == NULL)
		return NULL;
	for (i = 0; i < c->nenums; i++)
		if (c->enums[i].enumtypid == t->oid &&
			usertype_add_label(u, c->enums[i].oid, c->enums[i].label) != 0)
			break;
	usertype_labels_done(u);
	return u;
}

static const struct usertype *
composite_type(struct catalog *c, struct usertype_set *s, const struct cat_type *t,
			   int depth)
{
	struct usertype *u = usertype_find(s, t->oid);
	const struct cat_rel *r;

	if (u != NULL)
		return u;
	if ((r = catalog_relation_by_oid(c, t->typrelid)) == NULL)
		return NULL;
	if (r->atts == NULL && catalog_load_attributes(c, r) != 0)
		return NULL;
	if ((u = usertype_add(s, t->oid, t->typname, 'c', -1, 'd')) == NULL)
		return NULL;
	u->attrs = build_td(c, s, r, depth + 1);
	return u;
}

/* typid with domains stripped, as a built-in or catalog type, not an array. */
static void
resolve_scalar(struct catalog *c, struct usertype_set *s, uint32_t typid, int depth,
			   struct resolved *out, const struct cat_type **tp)
{
	const struct cat_type *t = NULL;
	int			i;

	memset(out, 0, sizeof(*out));
	*tp = NULL;
	for (i = 0; i < MAX_TYPE_DEPTH; i++)
	{
		if ((out->bi = pg_type_by_oid(typid)) != NULL)
			return;
		if ((t = catalog_type(c, typid)) == NULL)
			return;
		if (t->typtype != 'd')
			break;
		typid = t->typbasetype;
	}
	if (i == MAX_TYPE_DEPTH || depth >= MAX_TYPE_DEPTH)
		return;
	*tp = t;
	if (t->typtype == 'e')
		out->ut = enum_type(c, s, t);
	else if (t->typtype == 'c')
		out->ut = composite_type(c, s, t, depth);
}

static void
resolve(struct catalog *c, struct usertype_set *s, uint32_t typid, int depth,
		struct resolved *out)
{
	const struct cat_type *t;
	struct resolved el;

	resolve_scalar(c, s, typid, depth, out, &t);
	if (out->bi || out->ut || t == NULL || t->typelem == 0 || t->typlen != -1)
		return;
	/* an array (typelem, varlena): its element, through domains too */
	resolve_scalar(c, s, t->typelem, depth + 1, &el, &t);
	if (el.bi == NULL && el.ut == NULL)
		return;
	*out = el;
	out->is_array = true;
}

/*
 * attmissingval's one element as text.  The column is anyarray: the
 * element type is the array's own elemtype, stored as an ArrayType
 * (utils/array.h): ndim, dataoffset, elemtype, dims, lbounds, [nulls],
 * data.  The element is printed as column col prints.
 */
static char *
missing_text(const struct catalog *c, const struct cat_att *a, const struct tupcol *col)
{
	struct varlena vl;
	struct diags ds;
	uint8_t    *b = NULL;
	size_t		len,
				off;
	uint32_t	ndim,
				dataoffset;
	struct attr_value ev;
	struct strbuf sb = STRBUF_INIT;
	struct type_opts o;
	char	   *out = NULL;

	diags_reset(&ds);
	if (varlena_parse(a->missingval, a->missinglen, &vl, &ds) != 0 ||
		varlena_detoast(&vl, NULL, &b, &len, &ds) != 0)
		return NULL;
	/* b is the array without its 4-byte header: offsets below are 4 less */
	if (len < 20 || (ndim = rd32(b)) != 1)
		goto done;
	dataoffset = rd32(b + 4);
	if (dataoffset != 0)
	{
		if (dataoffset < 4 || dataoffset - 4 >= len || len <= 20 || (b[20] & 1) == 0)
			goto done;			/* a null element: no missing value */
		off = dataoffset - 4;
	}
	else
		off = 24 - 4;			/* MAXALIGN(16 + 8 * ndim) */
	off = att_align((uint32_t) (off + 4), a->attalign) - 4;
	if (off >= len)
		goto done;
	ev.kind = AV_VALUE;
	ev.ptr = b + off;
	ev.off = 0;
	if (a->attlen > 0)
		ev.len = (uint32_t) a->attlen;
	else if (a->attlen == -1 && varlena_parse(b + off, len - off, &vl, &ds) == 0)
		ev.len = vl.total;
	else
		goto done;
	if (off + ev.len > len)
		goto done;
	type_opts_for(c->prof, &o);
	if (datum_to_text(col, &ev, NULL, &o, &sb, &ds) == DATUM_OK)
		out = strndup(sb.data ? sb.data : "", sb.len);
done:
	sb_free(&sb);
	free(b);
	return out;
}

/* Column i of td from attribute a, its type resolved into s. */
static int
set_column(struct catalog *c, struct usertype_set *s, struct tupdesc *td,
		   const struct cat_att *a, int depth)
{
	struct tupcol *col = &td->cols[a->attnum - 1];
	struct resolved rt = {NULL, NULL, false};
	char		tbuf[CATALOG_NAMELEN + 2];
	const char *typname = NULL;

	if (!a->attisdropped)
		resolve(c, s, a->atttypid, depth, &rt);
	if (rt.bi != NULL)
	{
		snprintf(tbuf, sizeof(tbuf), "%s%s", rt.is_array ? "_" : "", rt.bi->typname);
		typname = tbuf;
	}
	if (tupdesc_set_column(td, a->attnum - 1, a->attname, typname, a->attlen,
						   a->attalign, a->attbyval, a->attisdropped, NULL) != 0)
		return -1;
	/* the catalog's storage facts win: a type that disagrees shows raw */
	if (rt.ut != NULL && (rt.is_array ? a->attlen == -1 :
						  a->attlen == rt.ut->typlen && a->attalign == rt.ut->typalign))
		tupdesc_set_usertype(col, rt.ut, rt.is_array);
	/*
	 * name_ops keeps a name as a cstring (its opckeytype), so an index's
	 * attribute says cstring: read and ordered as the name it is, as
	 * pgbtree -T's name does
	 */
	if (a->atttypid == CSTRINGOID && a->attlen == -2 && !a->attisdropped)
		col->type = pg_type_by_id(PGT_NAME);
	if (a->missingval != NULL && (col->missing = missing_text(c, a, col)) != NULL)
		col->has_missing = true;
	return 0;
}

static struct tupdesc *
build_td(struct catalog *c, struct usertype_set *s, const struct cat_rel *r, int depth)
{
	struct tupdesc *td;
	int			i;

	if (r->atts == NULL || r->natts == 0 || r->atts[r->natts - 1].attnum < 1 ||
		(td = tupdesc_new(r->atts[r->natts - 1].attnum)) == NULL)
		return NULL;
	for (i = 0; i < r->natts; i++)
		if (set_column(c, s, td, &r->atts[i], depth) != 0)
		{
			tupdesc_free(td);
			return NULL;
		}
	return td;
}

struct tupdesc *
catalog_tupdesc(struct catalog *c, const struct cat_rel *r)
{
	struct usertype_set *s = usertype_set_new();
	struct tupdesc *td;

	if (s == NULL)
		return NULL;
	catalog_load_types(c);
	if ((td = build_td(c, s, r, 0)) == NULL)
	{
		usertype_set_free(s);
		return NULL;
	}
	tupdesc_adopt(td, s);
	return td;
}
