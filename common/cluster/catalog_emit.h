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
#include "out/emit.h"

struct catalog_request {
	const char *pgdata;			/* -D; NULL: $PGDATA */
	const char *dbname;			/* -d: a name or an OID; NULL: none */
	bool		list;			/* --list */
	bool		columns;		/* --columns (with --list) */
	const char *relation;		/* --relation; NULL: none */
};

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

#endif
