/*
 * Column lists: -T parsing and the TupleDesc a tuple is read with
 * (access/tupdesc.h reduced to what reading from disk needs).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap/tupdesc.h"

/* pg_type rows (typname, oid, typlen, typalign, typbyval), 64-bit builds. */
static const struct pg_type_info types[] = {
	{"raw", PGT_RAW, 0, -1, 'i', false},
	{"bool", PGT_BOOL, 16, 1, 'c', true},
	{"char", PGT_CHAR, 18, 1, 'c', true},
	{"int2", PGT_INT2, 21, 2, 's', true},
	{"int4", PGT_INT4, 23, 4, 'i', true},
	{"int8", PGT_INT8, 20, 8, 'd', true},
	{"oid", PGT_OID, 26, 4, 'i', true},
	{"xid", PGT_XID, 28, 4, 'i', true},
	{"cid", PGT_CID, 29, 4, 'i', true},
	{"float4", PGT_FLOAT4, 700, 4, 'i', true},
	{"float8", PGT_FLOAT8, 701, 8, 'd', true},
	{"numeric", PGT_NUMERIC, 1700, -1, 'i', false},
	{"text", PGT_TEXT, 25, -1, 'i', false},
	{"varchar", PGT_VARCHAR, 1043, -1, 'i', false},
	{"bpchar", PGT_BPCHAR, 1042, -1, 'i', false},
	{"name", PGT_NAME, 19, 64, 'c', false},
	{"bytea", PGT_BYTEA, 17, -1, 'i', false},
	{"date", PGT_DATE, 1082, 4, 'i', true},
	{"time", PGT_TIME, 1083, 8, 'd', true},
	{"timetz", PGT_TIMETZ, 1266, 12, 'd', false},
	{"timestamp", PGT_TIMESTAMP, 1114, 8, 'd', true},
	{"timestamptz", PGT_TIMESTAMPTZ, 1184, 8, 'd', true},
	{"interval", PGT_INTERVAL, 1186, 16, 'd', false},
	{"uuid", PGT_UUID, 2950, 16, 'c', false},
	{"inet", PGT_INET, 869, -1, 'i', false},
	{"cidr", PGT_CIDR, 650, -1, 'i', false},
	{"macaddr", PGT_MACADDR, 829, 6, 'i', false},
	{"json", PGT_JSON, 114, -1, 'i', false},
	{"jsonb", PGT_JSONB, 3802, -1, 'i', false},
	{"tid", PGT_TID, 27, 6, 's', false},
	{"point", PGT_POINT, 600, 16, 'd', false},
	{"box", PGT_BOX, 603, 32, 'd', false},
	{"int4range", PGT_RANGE, 3904, -1, 'i', false},
	{"numrange", PGT_RANGE, 3906, -1, 'i', false},
	{"tsrange", PGT_RANGE, 3908, -1, 'd', false},
	{"tstzrange", PGT_RANGE, 3910, -1, 'd', false},
	{"daterange", PGT_RANGE, 3912, -1, 'i', false},
	{"int8range", PGT_RANGE, 3926, -1, 'd', false},
	{"bit", PGT_BIT, 1560, -1, 'i', false},
	{"varbit", PGT_BIT, 1562, -1, 'i', false},
};

/* SQL spellings a user may type instead of the typname. */
static const struct {
	const char *alias;
	const char *typname;
} aliases[] = {
	{"boolean", "bool"}, {"smallint", "int2"}, {"integer", "int4"},
	{"int", "int4"}, {"bigint", "int8"}, {"real", "float4"},
	{"double precision", "float8"}, {"decimal", "numeric"},
	{"character varying", "varchar"}, {"character", "bpchar"},
	{"\"char\"", "char"}, {"timestamp without time zone", "timestamp"},
	{"timestamp with time zone", "timestamptz"},
	{"time without time zone", "time"}, {"time with time zone", "timetz"},
	{"bit varying", "varbit"},
};

const struct pg_type_info *
pg_type_by_name(const char *name)
{
	size_t		i;

	for (i = 1; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(types[i].typname, name) == 0)
			return &types[i];
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(aliases[i].alias, name) == 0)
			return pg_type_by_name(aliases[i].typname);
	return NULL;
}

const struct pg_type_info *
pg_type_by_id(enum pg_type_id id)
{
	size_t		i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].id == id)
			return &types[i];
	return &types[0];
}

const struct pg_type_info *
pg_type_by_oid(uint32_t oid)
{
	size_t		i;

	for (i = 1; i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].oid == oid)
			return &types[i];
	return NULL;
}

struct tupdesc *
tupdesc_new(int natts)
{
	struct tupdesc *td;
	int			i;

	if (natts < 0 || natts > TUPDESC_MAX_ATTS)
		return NULL;
	td = calloc(1, sizeof(*td));
	if (td == NULL)
		return NULL;
	td->cols = calloc(natts > 0 ? (size_t) natts : 1, sizeof(*td->cols));
	if (td->cols == NULL)
	{
		free(td);
		return NULL;
	}
	td->natts = natts;
	for (i = 0; i < natts; i++)
	{
		td->cols[i].type = &types[0];
		td->cols[i].attlen = -1;
		td->cols[i].attalign = 'i';
	}
	return td;
}

void
tupdesc_free(struct tupdesc *td)
{
	int			i;

	if (td == NULL)
		return;
	for (i = 0; i < td->natts; i++)
	{
		free(td->cols[i].name);
		free(td->cols[i].missing);
	}
	free(td->cols);
	if (td->owned_free != NULL)
		td->owned_free(td->owned);
	free(td);
}

static bool
valid_storage(int attlen, char attalign)
{
	if (attalign != 'c' && attalign != 's' && attalign != 'i' && attalign != 'd')
		return false;
	return attlen == -1 || attlen == -2 || (attlen > 0 && attlen <= 8192);
}

int
tupdesc_set_column(struct tupdesc *td, int i, const char *name,
				   const char *typname, int attlen, char attalign,
				   bool attbyval, bool dropped, const char *missing)
{
	struct tupcol *c;
	const struct pg_type_info *t = NULL;
	bool		is_array = false;

	if (i < 0 || i >= td->natts || !valid_storage(attlen, attalign))
		return -1;
	if (attbyval && attlen != 1 && attlen != 2 && attlen != 4 && attlen != 8)
		return -1;
	c = &td->cols[i];
	if (typname != NULL)
	{
		t = pg_type_by_name(typname);
		if (t == NULL && typname[0] == '_')
		{
			t = pg_type_by_name(typname + 1);
			is_array = t != NULL;
		}
	}
	/* The catalog's storage facts win; a type that disagrees shows raw. */
	if (t != NULL && !is_array && (t->typlen != attlen || t->typalign != attalign))
		t = NULL;
	if (t != NULL && is_array && attlen != -1)
		t = NULL;
	if (t == NULL)
		is_array = false;
	free(c->name);
	free(c->missing);
	c->name = strdup(name != NULL ? name : "?");
	c->missing = missing != NULL ? strdup(missing) : NULL;
	if (c->name == NULL || (missing != NULL && c->missing == NULL))
		return -1;
	c->type = t != NULL ? t : &types[0];
	c->is_array = is_array;
	c->ut = NULL;
	c->attlen = (int16_t) attlen;
	c->attalign = attalign;
	c->attbyval = attbyval;
	c->dropped = dropped;
	c->has_missing = missing != NULL;
	return 0;
}

/*
 * A type as format_type() prints it, brought to the spelling the type
 * table knows, into buf: the type modifier "(...)" dropped wherever it
 * stands (varchar(20), numeric(10,2), timestamp(3) with time zone, bit
 * varying(5)), an interval's fields (interval day to second) dropped,
 * blanks squeezed.  Returns -1 if it does not fit or parentheses do not
 * pair.
 */
static int
normalize_type(const char *s, char *buf, size_t size)
{
	size_t		n = 0;
	int			depth = 0;

	for (; *s != '\0'; s++)
	{
		if (*s == '(')
			depth++;
		else if (*s == ')')
		{
			if (--depth < 0)
				return -1;
		}
		else if (depth > 0)
			continue;
		else if (isspace((unsigned char) *s))
		{
			/* one blank between words, none before "[]" or at the end */
			if (n > 0 && buf[n - 1] != ' ' && n + 1 < size)
				buf[n++] = ' ';
		}
		else if (n + 1 < size)
		{
			if (*s == '[' && n > 0 && buf[n - 1] == ' ')
				n--;
			buf[n++] = *s;
		}
		else
			return -1;
	}
	if (depth != 0)
		return -1;
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	/* INTERVAL's field qualifier (year, day to second, ...) stores nothing */
	if (strncmp(buf, "interval ", 9) == 0)
	{
		char	   *br = strchr(buf, '[');

		memmove(buf + 8, br ? br : buf + n, br ? strlen(br) + 1 : 1);
	}
	return 0;
}

/*
 * The spec parser.  One item at a time; a copy of the item is cut into
 * its parts in place.
 */
static int
parse_type(const char *s, const struct pg_type_info **t, bool *is_array,
		   int *len, char *align, bool *byval)
{
	char		buf[80];
	size_t		n = strlen(s);
	int			l;
	char		a,
				close;

	*is_array = false;
	if (sscanf(s, "raw(%d,%c%c", &l, &a, &close) == 3 && close == ')' &&
		s[n - 1] == ')' && strchr(s, ')') == s + n - 1)
	{
		if (!valid_storage(l, a))
			return -1;
		*t = &types[0];
		*len = l;
		*align = a;
		*byval = l == 1 || l == 2 || l == 4 || l == 8;
		return 0;
	}
	if (n == 0 || normalize_type(s, buf, sizeof(buf)) != 0)
		return -1;
	n = strlen(buf);
	/* an array of any dimensions: format_type prints one [] for all */
	while (n > 2 && strcmp(buf + n - 2, "[]") == 0)
	{
		n -= 2;
		buf[n] = '\0';
		*is_array = true;
	}
	*t = pg_type_by_name(buf);
	if (*t == NULL && buf[0] == '_' && !*is_array)
	{
		*t = pg_type_by_name(buf + 1);
		*is_array = true;
	}
	if (*t == NULL)
		return -1;
	if (*is_array)
	{
		*len = -1;
		*align = (*t)->typalign == 'd' ? 'd' : 'i';
		*byval = false;
	}
	else
	{
		*len = (*t)->typlen;
		*align = (*t)->typalign;
		*byval = (*t)->typbyval;
	}
	return 0;
}

/* The end of one item: the next comma outside quotes and parentheses. */
static const char *
item_end(const char *p)
{
	bool		quoted = false;
	int			depth = 0;

	for (; *p != '\0'; p++)
	{
		if (quoted)
		{
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '"')
				quoted = false;
		}
		else if (*p == '"')
			quoted = true;
		else if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == ',' && depth == 0)
			break;
	}
	return p;
}

/* Undo the quoting of a =MISSING part in place; -1 if malformed. */
static int
unquote(char *s)
{
	char	   *r = s + 1,
			   *w = s;

	if (s[0] != '"')
		return 0;
	while (*r != '\0' && *r != '"')
	{
		if (*r == '\\' && r[1] != '\0')
			r++;
		*w++ = *r++;
	}
	if (*r != '"' || r[1] != '\0')
		return -1;
	*w = '\0';
	return 0;
}

static int
parse_item(struct tupdesc *td, int i, char *item, struct diags *ds)
{
	char	   *name = NULL,
			   *type = item,
			   *missing = NULL,
			   *p;
	const struct pg_type_info *t;
	bool		dropped = false,
				is_array,
				byval;
	int			len;
	char		align,
				defname[16];
	struct tupcol *c = &td->cols[i];

	while (isspace((unsigned char) *type))
		type++;
	if (*type == '~')
	{
		dropped = true;
		type++;
	}
	/* =MISSING starts at the first '=' (type names have none) */
	p = strchr(type, '=');
	if (p != NULL)
	{
		*p = '\0';
		missing = p + 1;
		if (unquote(missing) != 0)
		{
			diag_add(ds, D_BAD_TYPE_SPEC, "column %d: bad quoting in \"%s\"", i + 1, missing);
			return -1;
		}
	}
	/* NAME: ends at the first ':' before any '(' */
	p = strchr(type, ':');
	if (p != NULL && (strchr(type, '(') == NULL || p < strchr(type, '(')))
	{
		*p = '\0';
		name = type;
		type = p + 1;
	}
	for (p = type + strlen(type); p > type && isspace((unsigned char) p[-1]); p--)
		p[-1] = '\0';
	if (parse_type(type, &t, &is_array, &len, &align, &byval) != 0)
	{
		diag_add(ds, D_BAD_TYPE_SPEC, "column %d: unknown type \"%s\"", i + 1, type);
		return -1;
	}
	if (name == NULL || name[0] == '\0')
	{
		snprintf(defname, sizeof(defname), "c%d", i + 1);
		name = defname;
	}
	c->name = strdup(name);
	if (missing != NULL)
		c->missing = strdup(missing);
	if (c->name == NULL || (missing != NULL && c->missing == NULL))
	{
		diag_add(ds, D_BAD_TYPE_SPEC, "out of memory");
		return -1;
	}
	c->type = t;
	c->is_array = is_array;
	c->attlen = (int16_t) len;
	c->attalign = align;
	c->attbyval = byval;
	c->dropped = dropped;
	c->has_missing = missing != NULL;
	return 0;
}

struct tupdesc *
tupdesc_from_spec(const char *spec, struct diags *ds)
{
	struct tupdesc *td;
	const char *p,
			   *e;
	int			n = 0,
				i;
	char	   *item;

	if (spec == NULL || *spec == '\0')
	{
		diag_add(ds, D_BAD_TYPE_SPEC, "empty column list");
		return NULL;
	}
	for (p = spec;; p = e + 1)
	{
		e = item_end(p);
		n++;
		if (*e == '\0')
			break;
	}
	if (n > TUPDESC_MAX_ATTS)
	{
		diag_add(ds, D_BAD_TYPE_SPEC, "%d columns, at most %d", n, TUPDESC_MAX_ATTS);
		return NULL;
	}
	td = tupdesc_new(n);
	if (td == NULL)
	{
		diag_add(ds, D_BAD_TYPE_SPEC, "out of memory");
		return NULL;
	}
	for (p = spec, i = 0; i < n; i++, p = e + 1)
	{
		e = item_end(p);
		item = strndup(p, (size_t) (e - p));
		if (item == NULL || parse_item(td, i, item, ds) != 0)
		{
			if (item == NULL)
				diag_add(ds, D_BAD_TYPE_SPEC, "out of memory");
			free(item);
			tupdesc_free(td);
			return NULL;
		}
		free(item);
	}
	return td;
}
