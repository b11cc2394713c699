/*
 * catalog_map: what a WAL reader asks the catalog beyond catalog.h's
 * lookups -- the indexes of a table, from pg_index (indexrelid, indrelid),
 * as RelationGetIndexList() finds them.
 */
#include <stdlib.h>

#include "cluster/catalog_int.h"

#define PG_INDEX_RELID 2610

struct index_scan {
	uint32_t	heap;			/* indrelid asked for */
	int			indexrelid,
				indrelid;		/* column numbers */
	uint32_t   *out;
	size_t		n,
				cap;
};

static int
index_row(void *arg, const struct cat_row *row)
{
	struct index_scan *k = arg;

	if (row_u32(row, k->indrelid) != k->heap)
		return 0;
	if (catalog_grow(&k->out, &k->cap, k->n, sizeof(*k->out), 8) != 0)
		return 1;
	k->out[k->n++] = row_u32(row, k->indexrelid);
	return 0;
}

int
catalog_index_oids(struct catalog *c, uint32_t heap_oid, uint32_t **out)
{
	const struct cat_rel *r = catalog_relation_by_oid(c, PG_INDEX_RELID);
	struct index_scan k = {.heap = heap_oid};
	struct tupdesc *td;
	char		rel[256];

	*out = NULL;
	if (r == NULL || (td = catalog_described(c, PG_INDEX_RELID)) == NULL)
		return -1;
	k.indexrelid = catalog_col(td, "indexrelid");
	k.indrelid = catalog_col(td, "indrelid");
	if (k.indexrelid < 0 || k.indrelid < 0 ||
		catalog_path_of(c, r->reltablespace, r->filenumber, FORK_MAIN, rel, sizeof(rel)) != 0 ||
		catalog_scan(c, rel, td, index_row, &k) < 0)
	{
		tupdesc_free(td);
		free(k.out);
		return -1;
	}
	tupdesc_free(td);
	*out = k.out;
	return (int) k.n;
}
