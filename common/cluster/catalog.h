/*
 * catalog: a cluster's own system catalog read straight from its files
 * (no server): pg_class, pg_namespace, pg_attribute, pg_type and, when its
 * file is there, pg_database, as PostgreSQL's relcache would see them after
 * a restart.
 *
 *   struct catalog *c = catalog_open(pgdata, "16384");   (OID or name)
 *   for each struct cat_finding f in c: report f.file, f.d
 *   catalog_relations(c, &n)               every visible pg_class row
 *   r = catalog_find_relation(c, "public.t")   NAME, schema.name, "Quoted", OID
 *   catalog_load_attributes(c, r)          pg_attribute of r (or of all: NULL)
 *   td = catalog_tupdesc(c, r, ...)        r's columns as -T would give them
 *   catalog_segment_paths(c, r, FORK_MAIN, ...)   the files on disk
 *   catalog_close(c);
 *
 * How rows are found: the mapped catalogs (pg_class, pg_attribute, pg_type,
 * pg_database, ...) through the two pg_filenode.map files; every other
 * catalog through pg_class.relfilenode.  The bootstrap catalogs' own column
 * layouts come from catalog_layout.c's per-major table (before 12 their oid
 * is t_oid in the tuple header); every other catalog is described by its
 * rows in pg_attribute.  Which row versions count: catalog_row_visible().
 *
 * Memory: pg_class and pg_namespace rows in full (what any question needs);
 * pg_type when a column list is asked for; pg_attribute only of the
 * relations asked for.  Bounded: at most CATALOG_MAX_ROWS rows per catalog,
 * CATALOG_MAX_FINDINGS findings kept.  Files are opened read-only, never
 * written.  Damage (a bad page, a bad map CRC, a missing file or pg_xact
 * segment) is a finding naming the file; what can still be read is.
 * Everything returned lives until catalog_close().
 */
#ifndef PGOD_CATALOG_H
#define PGOD_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"
#include "heap/heaptuple.h"
#include "heap/tupdesc.h"
#include "io/relpath.h"

#define CATALOG_MAX_ROWS (4u * 1024 * 1024)	/* rows kept per catalog */
#define CATALOG_MAX_FINDINGS 256
#define CATALOG_NAMELEN 64		/* NAMEDATALEN */

/* Fixed OIDs, the same in 10..18 (catalog/pg_*.h, pg_*.dat). */
#define PG_TYPE_RELID 1247
#define PG_ATTRIBUTE_RELID 1249
#define PG_CLASS_RELID 1259
#define PG_DATABASE_RELID 1262
#define PG_NAMESPACE_RELID 2615
#define PG_ENUM_RELID 3501
#define PG_INDEX_RELID 2610
#define PG_AM_RELID 2601
#define BTREE_AM_OID 403
#define DEFAULTTABLESPACE_OID 1663
#define GLOBALTABLESPACE_OID 1664

/* One finding and the file it is about (relative to the data directory). */
struct cat_finding {
	char	   *file;			/* NULL: about the data directory as a whole */
	struct diag d;
};

/* A database: a pg_database row, or only a directory under base/. */
struct cat_database {
	uint32_t	oid;			/* pg_database.oid (t_oid before 12) */
	char		datname[CATALOG_NAMELEN];	/* pg_database.datname; "" if unknown */
	uint32_t	dattablespace;	/* pg_database.dattablespace; 0 if unknown */
};

/* One pg_attribute row, what reading the relation's tuples needs. */
struct cat_att {
	int16_t		attnum;			/* pg_attribute.attnum */
	char		attname[CATALOG_NAMELEN];	/* pg_attribute.attname */
	uint32_t	atttypid;		/* pg_attribute.atttypid */
	int32_t		atttypmod;		/* pg_attribute.atttypmod */
	int16_t		attlen;			/* pg_attribute.attlen */
	char		attalign;		/* pg_attribute.attalign */
	bool		attbyval;		/* pg_attribute.attbyval */
	bool		attisdropped;	/* pg_attribute.attisdropped */
	bool		atthasmissing;	/* pg_attribute.atthasmissing (11+) */
	uint8_t    *missingval;		/* attmissingval as stored (a one-element
								 * anyarray varlena), or NULL */
	uint32_t	missinglen;		/* its bytes */
};

/* One pg_class row. */
struct cat_rel {
	uint32_t	oid;			/* pg_class.oid (t_oid before 12) */
	char		relname[CATALOG_NAMELEN];	/* pg_class.relname */
	uint32_t	relnamespace;	/* pg_class.relnamespace */
	uint32_t	relfilenode;	/* pg_class.relfilenode; 0 if mapped */
	uint32_t	reltablespace;	/* pg_class.reltablespace; 0 = the database's */
	uint32_t	reltoastrelid;	/* pg_class.reltoastrelid */
	char		relkind;		/* pg_class.relkind */
	char		relpersistence; /* pg_class.relpersistence */
	bool		relisshared;	/* pg_class.relisshared */
	int16_t		relnatts;		/* pg_class.relnatts */
	uint32_t	relam;			/* pg_class.relam: an index's access method (and a
								 * table's, 12+); 0 if none */
	uint32_t	filenumber;		/* relfilenode, or the map's; 0 if none */
	struct cat_att *atts;		/* attnum >= 1, in attnum order, after
								 * catalog_load_attributes(); else NULL */
	int			natts;			/* entries in atts */
};

/* One pg_type row. */
struct cat_type {
	uint32_t	oid;			/* pg_type.oid (t_oid before 12) */
	char		typname[CATALOG_NAMELEN];	/* pg_type.typname */
	int16_t		typlen;			/* pg_type.typlen */
	bool		typbyval;		/* pg_type.typbyval */
	char		typtype;		/* pg_type.typtype: b c d e p r m */
	char		typalign;		/* pg_type.typalign */
	uint32_t	typelem;		/* pg_type.typelem */
	uint32_t	typbasetype;	/* pg_type.typbasetype (domains) */
	uint32_t	typrelid;		/* pg_type.typrelid (composites) */
	uint32_t	typnamespace;	/* pg_type.typnamespace */
};

/* One pg_enum row. */
struct cat_enum {
	uint32_t	oid;			/* pg_enum.oid (t_oid before 12) */
	uint32_t	enumtypid;		/* pg_enum.enumtypid */
	char		label[CATALOG_NAMELEN];	/* pg_enum.enumlabel */
};

#define CATALOG_INDEX_MAX_KEYS 32	/* INDEX_MAX_KEYS */

/* One pg_index row. */
struct cat_index {
	uint32_t	indexrelid;		/* pg_index.indexrelid */
	uint32_t	indrelid;		/* pg_index.indrelid: the table */
	int16_t		indnatts;		/* pg_index.indnatts: key and INCLUDE columns */
	int16_t		indnkeyatts;	/* pg_index.indnkeyatts (11+; else indnatts) */
	bool		indisunique;	/* pg_index.indisunique */
	bool		indisprimary;	/* pg_index.indisprimary */
	int16_t		indkey[CATALOG_INDEX_MAX_KEYS];	/* pg_index.indkey: table attnums,
												 * 0 for an expression */
	int16_t		indoption[CATALOG_INDEX_MAX_KEYS];	/* pg_index.indoption: DESC 1,
													 * NULLS FIRST 2 */
};

/* One version of a catalog row, visible or not, with its tuple's XIDs. */
struct cat_version {
	struct cat_rel rel;			/* pg_class's columns in that version */
	uint32_t	xmin;			/* t_xmin: the transaction that wrote it */
	uint32_t	xmax;			/* t_xmax: the one that replaced or deleted it, or 0 */
	bool		visible;		/* the version that counts (catalog_row_visible) */
	uint32_t	blkno;			/* its ctid in pg_class: block ... */
	uint16_t	lp;				/* ... and line pointer */
};

/* One version of a pg_attribute row. */
struct cat_att_version {
	uint32_t	attrelid;		/* pg_attribute.attrelid */
	struct cat_att a;			/* its columns (missingval not kept) */
	uint32_t	xmin;			/* t_xmin */
	uint32_t	xmax;			/* t_xmax */
	bool		visible;		/* catalog_row_visible */
};

struct catalog;

/*
 * Open database db (its OID in decimal, or its name when pg_database is
 * readable) of the cluster at pgdata and load pg_class and pg_namespace;
 * db NULL: the cluster only (for catalog_databases).  NULL only when
 * nothing can be read (out of memory, no PG_VERSION, no such database):
 * why in *err (a static sentence).
 */
struct catalog *catalog_open(const char *pgdata, const char *db,
							 const char **err);
void		catalog_close(struct catalog *c);

/*
 * The databases of the cluster: pg_database's visible rows when its file
 * (global/1262 through the global map) is there, else one entry per
 * directory under base/ (datname ""), sorted by OID.  *out malloc'd, the
 * caller frees.  Returns the count, or -1 if base/ cannot be read.
 */
int			catalog_databases(struct catalog *c, struct cat_database **out);

/* Findings so far (each once); catalog_clear_findings() forgets them. */
const struct cat_finding *catalog_findings(const struct catalog *c, int *n);
void		catalog_clear_findings(struct catalog *c);

uint32_t	catalog_dboid(const struct catalog *c);
const char *catalog_pgdata(const struct catalog *c);

/* pg_class's visible rows, in OID order. */
const struct cat_rel *catalog_relations(const struct catalog *c, size_t *n);
const struct cat_rel *catalog_relation_by_oid(const struct catalog *c, uint32_t oid);
/*
 * Every version of every pg_class row still on disk -- a dropped table's
 * last definition, a relation's file number before a rewrite, a name
 * before a RENAME -- sorted by oid, then xmin.  *out malloc'd, the caller
 * frees.  The count, or -1 if pg_class cannot be read.
 */
int			catalog_class_versions(struct catalog *c, struct cat_version **out);

/*
 * Every version of the pg_attribute rows (attnum >= 1) of relid, or of
 * all relations (0), sorted by attrelid, attnum, xmin; as above.
 */
int			catalog_att_versions(struct catalog *c, uint32_t relid,
								 struct cat_att_version **out);

/* pg_namespace.nspname of oid, or NULL. */
const char *catalog_nspname(const struct catalog *c, uint32_t oid);

/*
 * A relation named as a user would: an OID, NAME (searched in pg_catalog
 * then public, as the default search_path), schema.name; either part may
 * be double-quoted as PostgreSQL quotes identifiers ("My ""T""").  An
 * unquoted part is folded to lower case, as the parser does.  NULL if
 * none (or several, for a bare name found in no searched schema but in
 * several others): why in *err.
 */
const struct cat_rel *catalog_find_relation(struct catalog *c, const char *spec,
											const char **err);

/*
 * Load pg_attribute rows (attnum >= 1) of r, or of every relation when r
 * is NULL, and pg_type.  0, or -1 if pg_attribute cannot be read at all
 * (a finding says why).
 */
int			catalog_load_attributes(struct catalog *c, const struct cat_rel *r);

/* pg_enum's visible rows, in file order (loaded on first call). */
const struct cat_enum *catalog_enums(struct catalog *c, size_t *n);

/*
 * pg_index's row of an index, and pg_am's amname of an access method:
 * each catalog read whole on first call.  NULL if none (or unreadable:
 * a finding says why).
 */
const struct cat_index *catalog_index(struct catalog *c, uint32_t indexrelid);
const char *catalog_amname(struct catalog *c, uint32_t amoid);

/* pg_type row of oid (after catalog_load_attributes), or NULL. */
const struct cat_type *catalog_type(const struct catalog *c, uint32_t oid);

/*
 * r's columns as a tuple descriptor for heap_deform/datum_to_text: names,
 * storage, dropped columns, missing values; types by pg_type (domains by
 * their base type, arrays by their element type, enums by their pg_enum
 * labels, composites by their own attributes, loaded as needed; a type
 * with no decoder raw).  NULL if r has no attributes loaded or out of
 * memory.
 */
struct tupdesc *catalog_tupdesc(struct catalog *c, const struct cat_rel *r);

/*
 * r's file path as pg_relation_filepath() prints it ("base/16384/16385",
 * "global/1262", "pg_tblspc/S/PG_16_202307071/16384/16385"), with a fork
 * suffix ("_fsm") for fork != FORK_MAIN.  0, or -1 if r has no file.
 */
int			catalog_filepath(const struct catalog *c, const struct cat_rel *r,
							 enum fork_number fork, char *buf, size_t size);

/*
 * The files of r's fork that exist under the data directory, segment 0,
 * 1, ... up to the first one missing, each either as named or NAME.gz:
 * full paths, *paths malloc'd (free with catalog_free_paths).  Returns the
 * count (0: no file).
 */
int			catalog_segment_paths(const struct catalog *c, const struct cat_rel *r,
								  enum fork_number fork, char ***paths);
void		catalog_free_paths(char **paths, int n);

/*
 * Blocks of r's fork over all its segments (a gzip'd one is read through
 * to learn its size); -1 if the fork has no file.
 */
int64_t		catalog_fork_blocks(const struct catalog *c, const struct cat_rel *r,
								enum fork_number fork);

/*
 * The OIDs of heap_oid's indexes, from pg_index (catalog_map.c): *out
 * malloc'd (caller frees).  The count, or -1 if pg_index cannot be read.
 */
int			catalog_index_oids(struct catalog *c, uint32_t heap_oid, uint32_t **out);

/*
 * The one rule of which catalog row versions count: what a new snapshot
 * after a restart sees (heap/heapvis.h), each XID's status from pg_xact,
 * pg_subtrans and pg_multixact (cluster/rowstate.h), the hint bits taken
 * as PostgreSQL takes them; hint bits the logs contradict are findings.
 * An XID whose pg_xact segment is missing is taken as committed, with a
 * finding.
 */
bool		catalog_row_visible(struct catalog *c, const struct heap_tuple *t,
								const char *file);

#endif
