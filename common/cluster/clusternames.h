/*
 * clusternames: a walked cluster's relations named from its own catalog
 * (database, schema, relation) and held against it: files no pg_class row
 * owns, pg_class rows whose files are gone.
 *
 *   struct cluster_names *n = cluster_names_load(w);   NULL: out of memory
 *   n->rels[i] names w->rels[i] (named false: the catalog could not say)
 *   n->findings[0 .. nfindings): orphans (at their relation), missing files
 *   cluster_names_free(n);
 *
 * Each database under base/ is opened with catalog_open() in turn and
 * closed again, so memory is one database's pg_class at a time plus one
 * cn_rel per walked relation.  A database whose catalog cannot be read
 * keeps paths for names and has neither check.  Shared relations
 * (global/) are named from the first database read.
 *
 * Findings (struct cw_finding, rel CW_CLUSTER unless at a relation):
 *   D_ORPHAN_FILE     a relation whose files no pg_class row of its
 *                     database owns (a notice: a crash between creating a
 *                     file and committing leaves these)
 *   D_FILE_MISSING    a pg_class row with storage (relkind r i S t m, not
 *                     temporary) whose main fork's segment 0 is absent,
 *                     where its directory holds other relations' files
 *   D_NOT_IN_COPY     one notice per directory that holds none of them
 *                     (a partial copy: global/ or a database left out)
 */
#ifndef PGOD_CLUSTERNAMES_H
#define PGOD_CLUSTERNAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cluster/catalog.h"
#include "cluster/clusterwalk.h"

/* The names of one walked relation. */
struct cn_rel {
	bool		named;			/* a pg_class row owns the files */
	bool		db_named;		/* datname is known */
	uint32_t	oid;			/* pg_class.oid */
	char		relkind;		/* pg_class.relkind */
	char		datname[CATALOG_NAMELEN];	/* pg_database.datname */
	char		nspname[CATALOG_NAMELEN];	/* pg_namespace.nspname */
	char		relname[CATALOG_NAMELEN];	/* pg_class.relname */
};

struct cluster_names {
	struct cn_rel *rels;		/* one per w->rels[] */
	struct cw_finding *findings;	/* as described above, in database order */
	size_t		nfindings;
	int			dbs_read;		/* databases whose catalog was read */
};

struct cluster_names *cluster_names_load(const struct cluster_walk *w);
void		cluster_names_free(struct cluster_names *n);

#endif
