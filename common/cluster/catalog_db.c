/*
 * The databases of a cluster: pg_database's rows (a shared, mapped
 * catalog: global/pg_filenode.map), or the directories under base/ of a
 * partial copy that has no global/1262 -- what oid2name lists.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "cluster/catalog_int.h"

struct db_cols {
	int			oid, datname;
	struct cat_database *dbs;
	size_t		n, cap;
};

static int
db_row(void *arg, const struct cat_row *row)
{
	struct db_cols *k = arg;

	if (k->n >= 65536)
		return 1;
	if (catalog_grow(&k->dbs, &k->cap, k->n, sizeof(*k->dbs), 16) != 0)
		return 1;
	memset(&k->dbs[k->n], 0, sizeof(k->dbs[k->n]));
	k->dbs[k->n].oid = row_oid(row, k->oid);
	row_name(row, k->datname, k->dbs[k->n].datname);
	k->n++;
	return 0;
}

static int
cmp_db(const void *a, const void *b)
{
	uint32_t	x = ((const struct cat_database *) a)->oid,
				y = ((const struct cat_database *) b)->oid;

	return x < y ? -1 : x > y;
}

/* Every all-digits directory under base/: the databases that have files. */
static int
db_dirs(struct catalog *c, struct db_cols *k)
{
	char		path[1024];
	DIR		   *d;
	struct dirent *de;

	snprintf(path, sizeof(path), "%s/base", c->pgdata);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
	{
		char	   *end;
		unsigned long v;

		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		errno = 0;
		v = strtoul(de->d_name, &end, 10);
		if (*end != '\0' || errno != 0 || v > UINT32_MAX)
			continue;
		if (catalog_grow(&k->dbs, &k->cap, k->n, sizeof(*k->dbs), 16) != 0)
			break;
		memset(&k->dbs[k->n], 0, sizeof(k->dbs[k->n]));
		k->dbs[k->n++].oid = (uint32_t) v;
	}
	closedir(d);
	return 0;
}

int
catalog_databases(struct catalog *c, struct cat_database **out)
{
	struct db_cols k = {0};
	struct tupdesc *td = catalog_layout_td(c, PG_DATABASE_RELID);
	uint32_t	fn = catalog_map_lookup(c, PG_DATABASE_RELID, true);
	char		rel[64],
				path[1024];

	*out = NULL;
	snprintf(rel, sizeof(rel), "global/%u", (unsigned) (fn ? fn : PG_DATABASE_RELID));
	/* a partial copy without pg_database is normal: the directories say */
	if (td != NULL && catalog_existing(c, rel, path, sizeof(path)) == 0)
	{
		k.oid = catalog_col(td, "oid");
		k.datname = catalog_col(td, "datname");
		if (catalog_scan(c, rel, td, db_row, &k) < 0)
			k.n = 0;
	}
	else if (db_dirs(c, &k) != 0)
	{
		tupdesc_free(td);
		return -1;
	}
	tupdesc_free(td);
	if (k.n > 0)
		qsort(k.dbs, k.n, sizeof(*k.dbs), cmp_db);
	*out = k.dbs;
	return (int) k.n;			/* 65536 rows at most; or one per database directory */
}

