/*
 * clusterfile: what a file of a cluster is, by its name alone (a trailing
 * .gz aside): global/pg_control, pg_filenode.map, one of the files with no
 * pages a glob over a database directory also meets (PG_VERSION,
 * pg_internal.init, ...), a WAL segment, or else a relation segment to be
 * read page by page.  What pgpage decides before it opens a file.
 *
 *   const char *what = NULL;
 *   switch (file_role(path, &what)) ...    ROLE_SKIP: what says what it is
 *
 * Pure: no file is opened.
 */
#ifndef PGOD_CLUSTERFILE_H
#define PGOD_CLUSTERFILE_H

/* What a file is, by its name (a trailing .gz aside). */
enum file_role {
	ROLE_RELATION,				/* anything else: read page by page */
	ROLE_CONTROL,				/* global/pg_control */
	ROLE_RELMAP,				/* pg_filenode.map */
	ROLE_SKIP,					/* a cluster file with no pages: notice */
	ROLE_WAL					/* a WAL segment's name: notice */
};

/* The role of path; for ROLE_SKIP, *what names the file for the notice. */
enum file_role file_role(const char *path, const char **what);

#endif
