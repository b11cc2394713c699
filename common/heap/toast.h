/*
 * toast: the TOAST store -- the chunks of a TOAST relation, indexed by
 * value, and a value's chunks reassembled; and varlena_detoast(), any
 * stored form of a varlena (varlena.h) back to its plain bytes.
 *
 *   struct toast_store *ts = toast_open(paths, npaths, &ds);  (segments of
 *                                             one TOAST relation, any order)
 *   toast_fetch(ts, &ptr, &buf, &len, &ds);   the value's chunks, reassembled
 *   toast_close(ts);
 *
 * toast_open() scans the TOAST heap once and keeps an index, valueid ->
 * (block, line pointer, chunk_seq) per chunk, sorted; at most
 * TOAST_INDEX_MAX chunks are indexed (D_VALUE_LIMIT past that: later values
 * are not found).  The pages themselves are kept in memory when the
 * relation has at most TOAST_CACHE_BLOCKS blocks; a bigger relation is
 * re-read per value from its files (a seek for a plain file; a gzip'd one
 * is decompressed again up to the block).
 *
 * varlena_detoast() turns any stored form into the plain bytes (data only,
 * no header) in a malloc'd buffer the caller frees, never more than
 * VALUE_MAX bytes.
 */
#ifndef PGOD_TOAST_H
#define PGOD_TOAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "heap/varlena.h"
#include "out/diag.h"

#define TOAST_MAX_CHUNK_SIZE 1996	/* for 8 KiB blocks, every major 10..18 */
#define TOAST_INDEX_MAX (8u * 1024 * 1024)	/* chunks indexed: 160 MiB of index (16 GiB of TOAST) */
#define TOAST_CACHE_BLOCKS 8192		/* 64 MiB of pages kept in memory */

struct toast_store;

/* NULL only on out of memory or when no file opens; findings in ds. */
struct toast_store *toast_open(const char *const *paths, int npaths,
							   struct diags *ds);
/* The same with other bounds than TOAST_INDEX_MAX and TOAST_CACHE_BLOCKS. */
struct toast_store *toast_open_bounded(const char *const *paths, int npaths,
									   size_t max_chunks, size_t max_cached,
									   struct diags *ds);
void		toast_close(struct toast_store *ts);
/* Chunks indexed and distinct values seen. */
size_t		toast_chunk_count(const struct toast_store *ts);

/*
 * Fetch the stored bytes of an external value (extsize bytes, still
 * compressed if it was): *buf malloc'd, caller frees.  0, or -1 with a
 * D_BAD_TOAST finding (value not found, chunk missing, duplicated or of
 * the wrong size).
 */
int			toast_fetch(struct toast_store *ts, const struct toast_pointer *p,
						uint8_t **buf, size_t *len, struct diags *ds);

/*
 * Any form to its plain bytes: *buf malloc'd (caller frees), *len bytes.
 * ts may be NULL (external values then give D_BAD_TOAST).  0 or -1.
 */
int			varlena_detoast(const struct varlena *v, struct toast_store *ts,
							uint8_t **buf, size_t *len, struct diags *ds);

#endif
