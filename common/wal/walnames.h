/*
 * walnames: the names of the relations WAL block references point at
 * (rel T/D/R), from a data directory's catalog read from disk, and the
 * columns and TOAST relation of each, for decoding the rows heap records
 * carry.
 *
 *   struct walnames *n = walnames_open(pgdata, &err);
 *   walnames_lookup(n, spc, db, rel, &name)     per block reference
 *   walnames_learn_relmap(n, &rec)              each RELMAP UPDATE record
 *   walnames_is_pg_class(n, spc, db, rel)       a tuple of pg_class? then
 *   walnames_learn_class(n, db, &tuple)         learn its relfilenode
 *   walnames_columns(n, &name, &td, &ts)        columns, TOAST of a relation
 *   walnames_findings(n, final, fn, arg)              what went wrong, once each
 *   walnames_close(n);
 *
 * Each database's catalog is read on first reference, once (pg_class and
 * pg_namespace; pg_attribute and pg_type on the first walnames_columns()
 * of that database): memory follows what the WAL touches.  A database
 * with no base/OID directory stays unnamed (its relations' names NULL),
 * counted for one notice.  The catalog is the directory's state now; a
 * relfilenode it no longer has (dropped, truncated, rewritten) is named
 * from what the WAL read so far said about it: pg_class rows written by
 * heap records (CREATE, TRUNCATE, VACUUM FULL, ALTER ... TYPE write one
 * with the new relfilenode; an update's old row where the page was
 * followed from a full page image) and the relation mapper's updates for
 * mapped catalogs; and a mapped catalog's file numbered with its OID
 * (below 16384: initdb's, before a VACUUM FULL gave it another) is that
 * catalog's.  Such a name has source "wal"; there are no columns for
 * it (pg_attribute's rows of a dropped relation are gone).  Everything
 * returned lives until walnames_close().
 */
#ifndef PGOD_WALNAMES_H
#define PGOD_WALNAMES_H

#include <stdbool.h>
#include <stdint.h>

#include "heap/heaptuple.h"
#include "heap/toast.h"
#include "heap/tupdesc.h"
#include "out/diag.h"
#include "wal/walrecord.h"

enum walname_source {
	WNS_NONE,					/* unknown */
	WNS_CATALOG,				/* the data directory's pg_class */
	WNS_WAL						/* a pg_class row or relmap update in the WAL read */
};

struct walname {
	const char *datname;		/* pg_database.datname, or NULL */
	const char *nspname;		/* pg_namespace.nspname, or NULL */
	const char *relname;		/* pg_class.relname, or NULL */
	uint32_t	reloid;			/* pg_class.oid; 0 unknown */
	char		relkind;		/* pg_class.relkind; 0 unknown */
	enum walname_source source;
	const void *rel;			/* opaque: the catalog row, for walnames_columns */
	uint32_t	dboid;			/* the database whose catalog named it */
};

struct walnames;

/* NULL when the directory has no readable PG_VERSION: why in *err. */
struct walnames *walnames_open(const char *pgdata, const char **err);
void		walnames_close(struct walnames *n);

/* The name of rel T/D/R (D 0: a shared catalog). */
void		walnames_lookup(struct walnames *n, uint32_t spc, uint32_t db, uint32_t rel,
							struct walname *out);

/* A RELMAP UPDATE record (xl_relmap_update): its mappings are learnt. */
void		walnames_learn_relmap(struct walnames *n, const struct walrec *r);
/* Is T/D/R pg_class's file (by the catalog's map)? */
bool		walnames_is_pg_class(struct walnames *n, uint32_t spc, uint32_t db, uint32_t rel);
/* A pg_class tuple seen in the WAL of database db: its relfilenode is learnt. */
void		walnames_learn_class(struct walnames *n, uint32_t db, const struct heap_tuple *t);

/*
 * The columns of a named relation (td NULL when the catalog has none for
 * it: a name learnt from the WAL, no pg_attribute rows) and its TOAST
 * store (NULL when it has no TOAST relation or its files are not in the
 * data directory).  Both cached, owned by n.
 */
void		walnames_columns(struct walnames *n, const struct walname *name,
							 const struct tupdesc **td, struct toast_store **ts);

/* Relations whose files are "rel" in the catalog of db's name: -R NAME. */
struct walnames_rel {
	uint32_t	spc;			/* the tablespace of the file */
	uint32_t	db;				/* 0 for a shared catalog */
	uint32_t	relnumber;		/* the file number */
	char		relkind;		/* pg_class.relkind */
	uint32_t	reloid;			/* pg_class.oid: older files the WAL names match too */
};
/*
 * The files of relation spec (schema.table, a name, an OID) in the
 * database named or numbered db (NULL: the only database, or the one whose
 * directory comes first): the table, its TOAST table and its index, and
 * with indexes its indexes too.  *out malloc'd (caller frees); the count,
 * or -1 with *err.
 */
int			walnames_resolve(struct walnames *n, const char *db, const char *spec,
							 bool indexes, struct walnames_rel **out, const char **err);

/*
 * Each finding not yet told (catalog files damaged or missing) to fn with
 * the file it is about (full path); with final, also the one notice about
 * the databases with no directory and how many references that left
 * unnamed (D_NAMES_UNKNOWN).
 */
void		walnames_findings(struct walnames *n, bool final,
							  void (*fn) (void *arg, const char *file, const struct diag *d),
							  void *arg);

#endif
