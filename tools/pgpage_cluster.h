/*
 * pgpage -D DIR with no FILE: the whole cluster, every relation file,
 * checked and reported by name (pgpage_cluster.c orchestrates: walk,
 * names, selection, workers, ordered output, totals; pgpage_scan.c reads
 * one file).  Only pgpage's own files include this header.
 */
#ifndef PGPAGE_CLUSTER_H
#define PGPAGE_CLUSTER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cluster/clog.h"
#include "cluster/clusternames.h"
#include "cluster/clusterwalk.h"
#include "cluster/relpattern.h"
#include "cluster/version.h"
#include "out/emit.h"

/* The options of the mode, from pgpage's command line. */
struct cluster_opts {
	const char *pgdata;			/* -D */
	bool		json;			/* --json */
	bool		verify;			/* -k */
	bool		force_verify;	/* --force-verify */
	bool		check;			/* --check: heap, B-tree, VM against heap */
	bool		summary;		/* -s: a record per relation, not only damaged ones */
	bool		strict;			/* --strict: zero pages amid written are damage */
	int			jobs;			/* --jobs; 0: the number of cores */
	int			progress;		/* -P: 1; --no-progress: 0; -1: if stderr is a tty */
	const struct pg_profile *profile;	/* --pg-version, or NULL */
	/* --database, --table, --index and their --exclude-* forms */
	struct relpattern *pat[6];
	int			npat[6];
};

enum { PAT_DB, PAT_XDB, PAT_TABLE, PAT_XTABLE, PAT_INDEX, PAT_XINDEX };

/* Add a pattern of kind (PAT_*); a pattern that does not parse is a usage error. */
void		cluster_opts_pattern(struct cluster_opts *o, int kind, const char *s);

/* Run the mode; returns the exit status. */
int			pgpage_cluster(struct cluster_opts *o);

/* What reading one file found, added up by relation and for the run. */
struct scan_stats {
	uint64_t	files;			/* files opened and read */
	uint64_t	blocks;			/* whole blocks read (pg_checksums' blocks scanned) */
	uint64_t	bytes;			/* the files' sizes on disk (progress) */
	uint64_t	bad_checksums;	/* verified, and stored != computed */
	uint64_t	damaged_blocks; /* blocks with a finding of damage */
	uint64_t	damage;			/* findings of damage */
	uint64_t	notices;		/* notices */
	int			worst;			/* worst severity, as an exit status */
};

/* What every file's reading shares (read-only but for clog). */
struct scan_ctx {
	const struct cluster_walk *w;
	const struct cluster_names *names;	/* NULL: no names */
	const struct pg_profile *prof;	/* the cluster's; never NULL */
	bool		json;
	bool		verify;			/* -k, and the cluster has checksums (or forced) */
	bool		checksums_off;	/* -k asked, pg_control says off */
	bool		check;
	bool		strict;
	struct clog *clog;			/* pg_xact, opened by the first --check that needs it */
	bool		clog_tried;
};

/*
 * The label a relation's findings carry: "base/5/16385 (db public.t)",
 * or the path alone when unnamed.
 */
void		scan_label(const struct scan_ctx *c, size_t rel, const char *file,
					   char *buf, size_t size);

/* JSON: the names of relation rel as fields of the current object. */
void		scan_emit_names(struct emit *e, const struct scan_ctx *c, size_t rel);

/*
 * Findings of ds to err as "pgpage: label: block N: message", counted in
 * st; ds is then reset.
 */
void		scan_report(FILE *err, const char *label, struct diags *ds,
						struct scan_stats *st);

/*
 * One piece of work: a file, or a range of its blocks when it is large
 * (SCAN_CHUNK blocks each), so that one big table keeps every worker busy.
 */
#define SCAN_CHUNK 16384		/* blocks: 128 MB */

struct scan_item {
	size_t		rel;			/* index in w->rels */
	size_t		file;			/* index in w->files */
	uint32_t	from;			/* absolute first block of the piece */
	uint32_t	to;				/* absolute last block; UINT32_MAX: to the end */
};

/*
 * Read item it: records on e, findings on err, counts in st.  A piece
 * after the first does not report a run of zero pages that began before
 * it; a piece with more after it reads on past its end while the pages
 * are zero, to tell whether a run ends amid written pages (only its own
 * blocks are counted).
 */
void		scan_file(struct scan_ctx *c, const struct scan_item *it, struct emit *e,
					  FILE *err, struct scan_stats *st);

#endif
