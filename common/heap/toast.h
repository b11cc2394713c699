/*
 * toast: the forms of a varlena on disk, TOAST pointers and the chunks
 * they point at, and getting the whole value back.
 *
 * A varlena starts with one of (postgres.h / varatt.h):
 *   1-byte header   xxxxxxx1          short, length <= 126 bytes, no alignment
 *   external        00000001 + tag    a pointer; tag 18 (VARTAG_ONDISK) holds a
 *                                     varatt_external; 1, 2, 3 (indirect,
 *                                     expanded) exist only in memory
 *   4-byte header   xxxxxx00          plain, length in the upper 30 bits
 *   compressed      xxxxxx10          4-byte header + va_tcinfo: raw size in the
 *                                     low 30 bits, method (pglz 0, lz4 1; from
 *                                     14) in the top 2
 * varlena_parse() tells which, bounded by the bytes available.
 *
 * The TOAST store:
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

#include "out/diag.h"

#define TOAST_MAX_CHUNK_SIZE 1996	/* for 8 KiB blocks, every major 10..18 */
#define TOAST_INDEX_MAX (8u * 1024 * 1024)	/* chunks indexed: 160 MiB of index (16 GiB of TOAST) */
#define TOAST_CACHE_BLOCKS 8192		/* 64 MiB of pages kept in memory */
#define VALUE_MAX (1024u * 1024 * 1024)	/* MaxAllocSize-ish: no value is bigger */

#define VARTAG_INDIRECT 1
#define VARTAG_EXPANDED_RO 2
#define VARTAG_EXPANDED_RW 3
#define VARTAG_ONDISK 18

#define TOAST_PGLZ 0			/* TOAST_PGLZ_COMPRESSION_ID */
#define TOAST_LZ4 1				/* TOAST_LZ4_COMPRESSION_ID */

enum varlena_form {
	VF_SHORT,					/* 1-byte header */
	VF_PLAIN,					/* 4-byte header, not compressed */
	VF_COMPRESSED,				/* 4-byte header, compressed inline */
	VF_EXTERNAL,				/* TOAST pointer, VARTAG_ONDISK */
	VF_EXTERNAL_OTHER			/* indirect or expanded: never on disk */
};

/* varatt_external, stored unaligned after the 2-byte external header. */
struct toast_pointer {
	int32_t		rawsize;		/* va_rawsize: original size, header included */
	uint32_t	extinfo;		/* va_extinfo (va_extsize before 14) */
	uint32_t	extsize;		/* va_extinfo & 0x3FFFFFFF: stored size, no header */
	unsigned	method;			/* va_extinfo >> 30 (0 before 14) */
	uint32_t	valueid;		/* va_valueid: chunk_id in the TOAST table */
	uint32_t	toastrelid;		/* va_toastrelid */
};

struct varlena {
	enum varlena_form form;
	uint32_t	total;			/* bytes the varlena takes in the tuple */
	const uint8_t *data;		/* VF_SHORT, VF_PLAIN: the value; VF_COMPRESSED:
								 * the compressed bytes after va_tcinfo */
	uint32_t	data_len;
	uint32_t	rawsize;		/* VF_COMPRESSED: va_tcinfo & 0x3FFFFFFF */
	unsigned	method;			/* VF_COMPRESSED: va_tcinfo >> 30 */
	uint8_t		tag;			/* VF_EXTERNAL*: va_tag */
	struct toast_pointer ptr;	/* VF_EXTERNAL */
};

/*
 * Decode the varlena at p with avail bytes readable.  0, or -1 with a
 * D_BAD_VALUE finding if its header or length does not fit.
 */
int			varlena_parse(const uint8_t *p, size_t avail, struct varlena *v,
						  struct diags *ds);

/* Is the external value compressed?  (VARATT_EXTERNAL_IS_COMPRESSED) */
static inline bool
toast_pointer_compressed(const struct toast_pointer *t)
{
	return t->rawsize >= 4 && t->extsize < (uint32_t) t->rawsize - 4;
}

/*
 * Decompress src (slen bytes) of method into exactly rawsize bytes at dst.
 * 0, or -1 with a D_BAD_COMPRESSED finding.
 */
int			toast_decompress(unsigned method, const uint8_t *src, size_t slen,
							 uint8_t *dst, size_t rawsize, struct diags *ds);

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
