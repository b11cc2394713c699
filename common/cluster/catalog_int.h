/*
 * catalog_int: what the catalog reader's files share (catalog.c loads,
 * catalog_rel.c answers, catalog_layout.c describes).  Only
 * common/cluster/catalog*.c include it.
 */
#ifndef PGOD_CATALOG_INT_H
#define PGOD_CATALOG_INT_H

#include "cluster/catalog.h"
#include "cluster/rowstate.h"
#include "cluster/relmap.h"
#include "cluster/version.h"
#include "types/datum.h"

struct catalog {
	char	   *pgdata;			/* the data directory, as given */
	const struct pg_profile *prof;	/* from PG_VERSION */
	uint32_t	catversion;		/* pg_control's catalog_version_no; 0 unknown */
	bool		checksums;		/* pg_control's data_checksum_version != 0 */
	uint32_t	dboid;			/* the database asked for */
	struct relmap gmap;			/* global/pg_filenode.map */
	struct relmap lmap;			/* base/DB/pg_filenode.map */
	bool		gmap_ok,
				lmap_ok;		/* decoded (CRC or not) */
	struct xact *xact;			/* pg_xact, pg_subtrans, pg_multixact: row state */
	struct cat_rel *rels;		/* pg_class, sorted by oid */
	size_t		nrels;
	struct {
		uint32_t	oid;		/* pg_namespace.oid */
		char		nspname[CATALOG_NAMELEN];	/* pg_namespace.nspname */
	}		   *nss;
	size_t		nnss;
	struct cat_type *types;		/* pg_type, sorted by oid; NULL until needed */
	size_t		ntypes;
	struct cat_enum *enums;		/* pg_enum, as read; after load_enums() */
	size_t		nenums;
	bool		enums_loaded;
	struct cat_index *indexes;	/* pg_index, sorted by indexrelid */
	size_t		nindexes;
	bool		indexes_loaded;
	struct cat_am {
		uint32_t	oid;		/* pg_am.oid (t_oid before 12) */
		char		amname[CATALOG_NAMELEN];	/* pg_am.amname */
	}		   *ams;			/* pg_am, sorted by oid */
	size_t		nams;
	bool		ams_loaded;
	bool		all_versions;	/* catalog_scan: every row version, not the visible */
	struct dircache *dirs;		/* catalog_existing's directory listings */
	struct cat_finding findings[CATALOG_MAX_FINDINGS];
	int			nfindings;
};

/* One visible row handed to a scan's callback. */
struct cat_row {
	const struct tupdesc *td;	/* the catalog's layout */
	const struct attr_value *vals;	/* td->natts values */
	const struct heap_tuple *t;
	uint32_t	hdr_oid;		/* t_oid (before 12), else 0 */
	uint32_t	blkno;			/* where it is: block (absolute) ... */
	uint16_t	lp;				/* ... and line pointer */
	bool		visible;		/* catalog_row_visible(); false only in a scan
								 * of every version (c->all_versions) */
};

typedef int (*cat_row_fn) (void *arg, const struct cat_row *row);

/* catalog_layout_td() of relid if known, else catalog_described(). */
struct tupdesc *catalog_td_of(struct catalog *c, uint32_t relid);

/*
 * Scan catalog relid (not bootstrapped: described by pg_attribute, found
 * through pg_class) for its visible rows; fn gets td to find its columns
 * by name first (with row NULL).  -1 if it cannot be read.
 */
int			catalog_scan_described(struct catalog *c, uint32_t relid,
								   int (*cols) (void *arg, const struct tupdesc *td),
								   cat_row_fn fn, void *arg);

/* pg_type's visible rows into c->types, once. */
void		catalog_load_types(struct catalog *c);

/* The -T column list of a bootstrap catalog in major, or NULL. */
const char *catalog_layout(int major, uint32_t relid);
/* tupdesc_from_spec() of catalog_layout() for c's major, or NULL. */
struct tupdesc *catalog_layout_td(struct catalog *c, uint32_t relid);
/* Column index by name in td, or -1. */
int			catalog_col(const struct tupdesc *td, const char *name);
/*
 * Room for one more element in a growing row array: arrp points at the
 * array pointer (of any element type), *cap is its capacity, n the
 * elements in use, elem their size, first the first capacity.  0, or -1
 * out of memory (the array is then as it was).
 */
int			catalog_grow(void *arrp, size_t *cap, size_t n, size_t elem, size_t first);
/* qsort/bsearch order of rows that begin with their uint32_t oid */
int			catalog_cmp_oid(const void *a, const void *b);

/*
 * Scan the heap at relpath (relative to pgdata, segments and .gz found)
 * with layout td, calling fn for each visible row; fn returning non-zero
 * stops the scan.  Returns rows seen, or -1 if no file is there (a
 * finding).
 */
long		catalog_scan(struct catalog *c, const char *relpath,
						 const struct tupdesc *td, cat_row_fn fn, void *arg);

/* Add a finding about file (relative to pgdata; NULL: none). */
void		catalog_finding(struct catalog *c, const char *file, const struct diag *d);
void		catalog_findings_from(struct catalog *c, const char *file, struct diags *ds);

/* Field readers: 0 / "" / false when the value is null or of the wrong size. */
uint32_t	row_u32(const struct cat_row *r, int col);
int32_t		row_i32(const struct cat_row *r, int col);
int16_t		row_i16(const struct cat_row *r, int col);
char		row_char(const struct cat_row *r, int col);
void		row_name(const struct cat_row *r, int col, char *buf);
/* The row's oid: the "oid" column (oidcol >= 0) or t_oid. */
uint32_t	row_oid(const struct cat_row *r, int oidcol);

/*
 * A catalog that is not bootstrapped, described by its own pg_attribute
 * rows (attnum >= 1, plus an "oid" column before 12 when t_oid holds
 * it): raw-typed, storage only.  NULL if pg_attribute has none.
 */
struct tupdesc *catalog_described(struct catalog *c, uint32_t relid);

/*
 * pgdata/rel, or pgdata/rel.gz, into buf; 0 if one exists (a regular
 * file).  Names are looked up in a listing of their directory, made once.
 */
int			catalog_existing(const struct catalog *c, const char *rel, char *buf,
							 size_t size);

struct dircache;
void		catalog_dircache_free(struct dircache *d);

/* The file number of a mapped catalog from the map, or 0. */
uint32_t	catalog_map_lookup(const struct catalog *c, uint32_t oid, bool shared);

/* base/DB/N, global/N or pg_tblspc/..., for a file number in a tablespace */
int			catalog_path_of(const struct catalog *c, uint32_t spc, uint32_t filenumber,
							enum fork_number fork, char *buf, size_t size);

#endif
