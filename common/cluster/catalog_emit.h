/*
 * catalog_emit: what a tool does with the catalog read from disk (-D,
 * -d, --list, --columns, --relation): the databases and relations listed
 * as oid2name would, and a relation resolved to its files, its column list
 * and its TOAST relation, so a page tool decodes values with no -T.
 *
 *   struct catalog_request q = {pgdata, dbname, list, columns, relation};
 *   catalog_emit_list(e, &q);                          --list
 *   catalog_open_relation(e, &q, &rel);                --relation
 *   ... read rel.files[0..nfiles) as if named, with rel.td and rel.toast ...
 *   catalog_relation_free(&rel);
 *
 * Both report every finding (the file it names, under the data
 * directory) through cli_report(), so they set the exit status.
 */
#ifndef PGOD_CATALOG_EMIT_H
#define PGOD_CATALOG_EMIT_H

#include <stdbool.h>

#include "heap/toast.h"
#include "heap/tupdesc.h"
#include "io/relpath.h"
#include "out/cli.h"
#include "out/cli_catalog.h"
#include "out/emit.h"


struct catalog_relation {
	char	  **files;			/* the main fork's segments, full paths */
	int			nfiles;
	struct tupdesc *td;			/* its columns; NULL if pg_attribute has none */
	struct toast_store *toast;	/* its TOAST relation, or NULL */
	char		nspname[64];	/* pg_namespace.nspname ("" if unknown) */
	char		relname[64];	/* pg_class.relname */
};

/* Usage errors (no data directory, no -d with --relation) end the program. */
void		catalog_emit_list(struct emit *e, const struct catalog_request *q);
/* 0, or -1 when the relation cannot be resolved (reported; exit status set). */
int			catalog_open_relation(struct emit *e, const struct catalog_request *q,
								  struct catalog_relation *rel);
void		catalog_relation_free(struct catalog_relation *rel);

/*
 * --relation TABLE for a map tool: *files (malloc'd, free with
 * catalog_free_paths) holds the fork's segments, then the main fork's
 * (the heap the map describes).  Returns the count; 0 when the fork has
 * no file (reported: a missing fork is damage only if the heap has
 * blocks) or the relation cannot be resolved (reported, exit status 2).
 */
int			catalog_relation_forks(struct emit *e, const struct catalog_request *q,
								   enum fork_number fork, char ***files);

/*
 * The whole run of pgfsm or pgvm with --relation (cli_maps_run with the
 * files catalog_relation_forks finds; m keeps its --heap files).
 */
int			catalog_maps_run(struct cli_maps *m, const struct catalog_request *q,
							 enum fork_number fork, bool json,
							 void (*each) (struct emit *e, const char *map, const void *arg),
							 const void *arg);

/* --relation INDEX for pgbtree: its files and key columns from the catalog. */
struct catalog_index_rel {
	char	  **files;			/* the index's main fork segments, full paths */
	int			nfiles;
	struct tupdesc *td;			/* the index's columns (its own pg_attribute rows),
								 * INCLUDE ones last; NULL if unreadable */
	int			nkeyatts;		/* pg_index.indnkeyatts */
	int16_t		indoption[32];	/* pg_index.indoption of each key column */
	bool		btree;			/* pg_am.amname is btree */
};

/* 0, or -1 when the index cannot be resolved (reported; exit status set). */
int			catalog_open_index(struct emit *e, const struct catalog_request *q,
							   struct catalog_index_rel *ix);
void		catalog_index_free(struct catalog_index_rel *ix);

#endif
