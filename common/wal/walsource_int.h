/*
 * walsource_int.h: the walsource handle, shared by walsource.c (finding
 * the segments) and walsource_page.c (reading and judging their pages).
 * Nothing outside common/wal/walsource*.c includes it.
 */
#ifndef PGOD_WALSOURCE_INT_H
#define PGOD_WALSOURCE_INT_H

#include <string.h>

#include "io/input.h"
#include "wal/walsource.h"

struct segfile {
	uint64_t	segno;
	char	   *path;
	int			rank;			/* plain 0, .gz 1, .partial 2, .partial.gz 3 */
	bool		named;			/* named by the user (FILE, STARTSEG, ENDSEG): another
								 * segment under its name is damage, never the end */
};

/* The segments we read, and the one open now. */
struct walsource {
	char	  **files;			/* every path listed or named (owned) */
	size_t		nfiles;
	struct segfile *f;			/* those of the timeline, one per segment */
	size_t		n;
	uint32_t	seg_size;
	uint32_t	page_size;
	size_t		cur;			/* index in f of the open segment */
	struct input *in;
	uint64_t	in_segno;
	/* "-": one stream of consecutive segments, from address base on */
	bool		stream;
	uint64_t	base;			/* xlp_pageaddr of the stream's first page */
	uint8_t    *hold;			/* the last page handed out, so it can be asked again */
	uint64_t	hold_ptr;		/* its address; UINT64_MAX: none */
	uint8_t    *prev;			/* the one before: resynchronising after a record
								 * found bad on the page after it goes back one */
	uint64_t	prev_ptr;		/* its address; UINT64_MAX: none */
	/* files: a zeroed page with written WAL after it (see written_after) */
	uint16_t	magic;			/* XLOG_PAGE_MAGIC of the pages */
	uint32_t	tli;			/* the timeline read (that of the names) */
	uint64_t	end;			/* where reading stops (-e, ENDSEG); UINT64_MAX: none */
	bool		keep_going;		/* -k: a finding says whether reading stops */
	bool		has_bad;		/* bad_segno holds another segment */
	uint64_t	bad_segno;
	uint64_t	gap_from;		/* the zeroed page */
	uint64_t	gap_to;			/* the next page of this WAL; 0: none known */
};

/* The file name of a path: findings name files, not long paths. */
static inline const char *
walsource_base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

#endif
