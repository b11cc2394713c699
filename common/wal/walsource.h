/*
 * walsource: the WAL segments a reading takes its pages from, found and
 * judged as pg_waldump finds them (src/bin/pg_waldump/pg_waldump.c: the
 * directory search, the segment range, the timeline) and as xlogreader.c's
 * page checks would judge them.
 *
 *   struct walsource_spec spec = {.dir = "pgdata", ...};
 *   struct walsource_info info;
 *   struct walsource *src;
 *   switch (walsource_open(&spec, &src, &info, &ds)) { ... }   findings in ds
 *   cfg.read_page = walsource_read_page; cfg.arg = src;     (walreader.h)
 *   ... walreader_next() until WR_END ...
 *   walsource_close(src);
 *
 * The inputs are segment files named one by one (plain, .gz, .partial,
 * .partial.gz), a directory listed as pg_waldump lists it (DIR, DIR/pg_wal,
 * DIR/pg_xlog) with an optional STARTSEG [ENDSEG], or "-": consecutive
 * segments on standard input.  One file per segment is read (the complete
 * one before .gz before .partial), of one timeline (given, or that of the
 * first name).  The first readable long page header gives the profile
 * (by XLOG_PAGE_MAGIC, or spec.pg_version for a magic no major has), the
 * segment and page sizes.
 *
 * What it decides, as damage (a finding, WRP_ERROR) or the end of the WAL
 * (WRP_END): a missing segment with later ones present (WRP_MISSING, the
 * reader says it); a zeroed page is the end unless a page of this WAL
 * follows it in the segment, or the next segment begins with one (then
 * damage, said once, and a -k reading skips the gap without reading it
 * again); a file holding another segment than its name says is damage,
 * except a recycled segment past the end of the WAL (older address, no
 * segment of its own after it, not named by the user); a .partial file
 * ends where its writer stopped, a complete one cut short is damage.
 *
 * Never prints, never exits: a usage or input error comes back as a status
 * with its sentence in info->msg; findings go to ds.  The handle owns its
 * files and buffers until walsource_close(); a page handed out stays valid
 * until the next walsource_read_page() call but one (the stream keeps its
 * last two pages, which the reader may ask for again).
 */
#ifndef PGOD_WALSOURCE_H
#define PGOD_WALSOURCE_H

#include <stdbool.h>
#include <stdint.h>

#include "cluster/version.h"
#include "out/diag.h"
#include "wal/walreader.h"

/* What the command line asked for (pgwal's FILE..., -p, -s, -e, -t, -P, -k). */
struct walsource_spec {
	const char *dir;			/* -p DIR; NULL: args are the files */
	char	   *const *args;	/* FILE... ("-" alone: standard input), or
								 * with dir: [STARTSEG [ENDSEG]] */
	int			nargs;
	const char *start_seg;		/* -s given as a segment name: its first byte */
	const char *end_seg;		/* -e given as a segment name: its end */
	uint64_t	start;			/* -s as an LSN */
	bool		has_start;
	uint64_t	end;			/* -e as an LSN */
	bool		has_end;
	uint32_t	tli;			/* -t */
	bool		has_tli;
	int			pg_version;		/* -P: the major of an unknown page magic; 0: none */
	bool		keep_going;		/* -k: a finding says whether reading stops */
};

/* What was found: the reading's profile, sizes and range. */
struct walsource_info {
	const struct pg_profile *prof;
	uint32_t	seg_size;		/* xlp_seg_size of the first long header */
	uint32_t	page_size;		/* xlp_xlog_blcksz */
	uint16_t	magic;			/* xlp_magic */
	uint32_t	tli;			/* the timeline read */
	uint64_t	start;			/* where reading starts */
	uint64_t	end;			/* where it stops, if has_end */
	bool		has_end;
	char		msg[8448];		/* the sentence of a status other than OK */
};

struct walsource;

enum walsource_status {
	WSRC_OK,
	WSRC_USAGE,					/* msg: a usage error (exit 2, "Try --help") */
	WSRC_FAILED,				/* msg (may be empty), findings: exit 2 */
	WSRC_DAMAGE					/* findings: headers read and bad, exit 1 */
};

enum walsource_status walsource_open(const struct walsource_spec *spec,
									 struct walsource **out,
									 struct walsource_info *info,
									 struct diags *ds);
/* walreader's read_page callback; arg is the struct walsource. */
enum walreader_page walsource_read_page(void *arg, uint64_t pageptr,
										const uint8_t **page, struct diags *ds);
void		walsource_close(struct walsource *s);

/* A segment file name: 24 hex digits, then "", ".gz", ".partial" or ".partial.gz". */
bool		wal_looks_like_segment(const char *name);
/*
 * -s/-e: an LSN ("X/Y"), or a segment file's name (a path's last part),
 * meaning its first byte (or for an end, its end): *is_seg and *segname
 * (malloc'd) say which.  0, or -1 if neither.
 */
int			wal_parse_position(const char *s, uint64_t *lsn, bool *is_seg, char **segname);

#endif
