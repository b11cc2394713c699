/*
 * varlena: the forms of a variable-length value on disk (postgres.h /
 * varatt.h), TOAST pointers among them, and the compression methods of
 * values compressed inline or in TOAST.
 *
 * A varlena starts with one of:
 *   1-byte header   xxxxxxx1          short, length <= 126 bytes, no alignment
 *   external        00000001 + tag    a pointer; tag 18 (VARTAG_ONDISK) holds a
 *                                     varatt_external; 1, 2, 3 (indirect,
 *                                     expanded) exist only in memory
 *   4-byte header   xxxxxx00          plain, length in the upper 30 bits
 *   compressed      xxxxxx10          4-byte header + va_tcinfo: raw size in the
 *                                     low 30 bits, method (pglz 0, lz4 1; from
 *                                     14) in the top 2
 *
 *   struct varlena v;
 *   if (varlena_parse(p, avail, &v, &ds) == 0) ... v.form ...
 *
 * varlena_parse() tells which, bounded by the bytes available; the value's
 * bytes stay in the caller's buffer.  toast_decompress() expands a
 * compressed one.  To get any form's plain bytes back, TOAST included, see
 * toast.h's varlena_detoast().  Pure.
 */
#ifndef PGOD_VARLENA_H
#define PGOD_VARLENA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"

#define VALUE_MAX (1024u * 1024 * 1024)	/* MaxAllocSize-ish: no value is bigger */
#define VARLENA_EXTSIZE_MASK 0x3FFFFFFFu	/* VARLENA_EXTSIZE_MASK, also va_tcinfo's */

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

#endif
