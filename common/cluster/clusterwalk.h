/*
 * clusterwalk: the relation files of a data directory, found as
 * pg_checksums finds them, grouped by relation, with what can be told of
 * the cluster as a whole before a page is read.
 *
 *   struct cluster_walk *w = cluster_walk_open(pgdata, &err);   NULL: why in err
 *   w->rels[0 .. nrels): each relation's files, w->files[first .. first + nfiles)
 *   w->findings[0 .. nfindings): pg_control, PG_VERSION, pg_filenode.map,
 *                                segments missing or short, files skipped
 *   cluster_walk_free(w);
 *
 * What is walked: global/, base/<db>/, and pg_tblspc/<oid>/PG_<major>_<catversion>/<db>/
 * (the link followed; the version directory named by pg_control).  What is
 * skipped, as pg_checksums skips it: pg_control, pg_filenode.map,
 * pg_internal.init*, PG_VERSION, config_exec_params*, names beginning
 * pgsql_tmp, .DS_Store; and, as base backups skip them, temporary
 * relations' files (t<backend>_<relfilenode>...), which the server removes
 * at its next start.  A trailing .gz is read through (REL.gz is REL).
 * Other names are skipped with a notice.  Relations are sorted by database
 * OID (global first), relfilenode, tablespace; their files by fork and
 * segment, so any two walks of one directory list the same things in the
 * same order.
 *
 * Findings (at a relation, or the cluster's: rel CW_CLUSTER):
 *   D_CONTROL_CRC, D_BAD_CONTROL_FILE, D_UNKNOWN_VERSION   pg_control
 *   D_NOT_SUPPORTED     a block or segment size other than 8 KiB, 1 GiB
 *   D_BAD_PG_VERSION    PG_VERSION unreadable or not pg_control's major
 *   D_BAD_RELMAP, D_RELMAP_CRC    each pg_filenode.map
 *   D_SEGMENT_MISSING   16384.1 and 16384.3 without 16384.2
 *   D_SEGMENT_SHORT     a plain segment of fewer than RELSEG_SIZE blocks
 *                       with a later segment after it
 *   D_NOT_IN_COPY       a partial copy: pg_control, PG_VERSION, base/, a
 *                       tablespace's target absent (notices)
 *   D_NOT_RELATION      a file or directory that is no relation's (notice)
 * A file whose size is not a multiple of the block size is left to the
 * reader of its blocks, which names the block (D_TRUNCATED_BLOCK).
 *
 * Only directories are listed and the small files above read: no page.
 * Memory grows with the number of files (one entry each).  Read-only.
 */
#ifndef PGOD_CLUSTERWALK_H
#define PGOD_CLUSTERWALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cluster/control.h"
#include "io/relpath.h"
#include "out/diag.h"

#define CW_CLUSTER ((size_t) -1)	/* a finding about no one relation */

/* One relation segment file. */
struct cw_file {
	char	   *path;			/* under the data directory: base/5/16385.1.gz */
	uint64_t	size;			/* st_size: bytes on disk (gzip'd: compressed) */
	uint32_t	segno;			/* ".N": the segment number */
	enum fork_number fork;		/* _fsm, _vm, _init, or main */
	bool		gz;				/* the name ends in .gz */
};

/* One relation: the files of one relfilenode in one database directory. */
struct cw_rel {
	uint32_t	spcoid;			/* 1664 global/, 1663 base/, else pg_tblspc/<oid> */
	uint32_t	dboid;			/* database OID; 0 for global/ */
	uint32_t	relfilenode;	/* the file number in the names */
	size_t		first;			/* its files: files[first .. first + nfiles) */
	size_t		nfiles;
};

/* One database directory walked. */
struct cw_db {
	uint32_t	spcoid;			/* where it is, as in cw_rel */
	uint32_t	dboid;			/* its name: the database's OID */
	char	   *dir;			/* under the data directory */
	size_t		nfiles;			/* relation files found in it */
};

struct cw_finding {
	size_t		rel;			/* index in rels[], or CW_CLUSTER */
	size_t		seq;			/* order found: ties in the sort */
	char	   *file;			/* under the data directory; NULL: the cluster */
	struct diag d;
};

struct cluster_walk {
	char	   *pgdata;			/* as given */
	bool		have_control;	/* pg_control was decoded */
	struct pg_control control;	/* global/pg_control, if have_control */
	int			major;			/* PG_VERSION's major; 0 unknown */
	const struct pg_profile *profile;	/* pg_control's, else PG_VERSION's; NULL */
	struct cw_file *files;		/* grouped by relation, see rels */
	size_t		nfiles;
	struct cw_rel *rels;		/* in the order described above */
	size_t		nrels;
	struct cw_db *dbs;			/* sorted by dboid, spcoid; global/ as dboid 0 */
	size_t		ndbs;
	struct cw_finding *findings;	/* cluster's first, then by relation */
	size_t		nfindings;
	uint64_t	total_bytes;	/* sum of files[].size */
};

/*
 * Walk pgdata.  NULL when it cannot be walked at all (not a directory,
 * out of memory): *err says why (a static sentence).
 */
struct cluster_walk *cluster_walk_open(const char *pgdata, const char **err);
void		cluster_walk_free(struct cluster_walk *w);

/* The findings about relation rel (or CW_CLUSTER): first index and count. */
size_t		cluster_walk_findings_of(const struct cluster_walk *w, size_t rel,
									 size_t *n);

#endif
