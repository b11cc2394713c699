/*
 * slru: pages of an SLRU directory (pg_xact, pg_subtrans,
 * pg_multixact/offsets, pg_multixact/members) read from disk, as
 * src/backend/access/transam/slru.c names and lays out its segment files:
 * SLRU_PAGES_PER_SEGMENT pages of BLCKSZ bytes per file, the file named
 * "%04X" of the segment number (4 to 6 hex digits; the 15-digit names of
 * 17+ are pg_notify's only).  A segment may be gzip'd (NAME.gz).
 *
 *   struct slru *s = slru_open("PGDATA/pg_subtrans");   NULL: out of memory
 *   size_t len;
 *   const uint8_t *p = slru_page(s, pageno, &len);
 *   ... p[0 .. len) are the page's bytes on disk; len < SLRU_PAGE_SIZE when
 *   ... the segment ends inside the page, 0 (p NULL) when it ends before it
 *   ... or the file is missing (slru_page_missing() tells which)
 *   slru_close(s);
 *
 * The handle owns its pages: p stays valid until the next slru_page() on
 * the same handle.  Memory is flat: a small LRU of SLRU_CACHE_PAGES pages
 * (what was not found is cached too, so a missing file is not reopened at
 * every lookup), never a whole segment, whatever the XIDs asked for.
 * Pure I/O: no findings; callers say what a short page means to them.
 */
#ifndef PGOD_SLRU_H
#define PGOD_SLRU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SLRU_PAGE_SIZE			8192	/* BLCKSZ */
#define SLRU_PAGES_PER_SEGMENT	32		/* SLRU_PAGES_PER_SEGMENT */
#define SLRU_CACHE_PAGES		8		/* pages kept per handle */

struct slru;

struct slru *slru_open(const char *dir);
void		slru_close(struct slru *s);

/* The directory as given to slru_open(), for messages. */
const char *slru_dir(const struct slru *s);

/*
 * True when the directory itself is not there: a partial copy of the data
 * directory left it out (a notice), where a segment missing from a
 * directory that is there is damage.
 */
bool		slru_dir_absent(const struct slru *s);

/* Segment file number of a page. */
uint32_t	slru_segment_of(uint32_t pageno);

const uint8_t *slru_page(struct slru *s, uint32_t pageno, size_t *len);

/* After slru_page() gave len 0: true when no segment file was there at all. */
bool		slru_page_missing(struct slru *s, uint32_t pageno);

/*
 * True the first time it is asked about segno on this handle, false after:
 * lets a caller report a missing or short segment once, not per XID.
 * Bounded: one bit per possible segment (2^17 segments cover every SLRU
 * of 32-bit XIDs and multixact offsets).
 */
bool		slru_first_report(struct slru *s, uint32_t segno);

#endif
