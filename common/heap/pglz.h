/*
 * pglz: PostgreSQL's own LZ compression format (src/common/pg_lzcompress.c),
 * decompression only, written for untrusted input.
 *
 * The stream is a sequence of groups: one control byte, then up to eight
 * items, bit i of the control byte (LSB first) telling item i's kind: 0 a
 * literal byte, 1 a match tag of two bytes (length - 3 in the low nibble of
 * the first, offset's high 4 bits in its high nibble, offset's low 8 bits in
 * the second) and, when the length nibble is 15 (length 18), a third byte
 * adding 0..255 to the length.  A match copies from offset bytes back in the
 * output, possibly overlapping (run-length repeats).
 *
 * pglz_decompress() never reads past src + slen nor writes past
 * dst + rawsize; it returns the number of bytes written, or a negative
 * PGLZ_* code for corrupt input.  With complete, both the input and the
 * output must be used up exactly, as PostgreSQL checks for TOAST values.
 */
#ifndef PGOD_PGLZ_H
#define PGOD_PGLZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PGLZ_TRUNCATED	(-1)	/* a match tag runs past the end of the input */
#define PGLZ_BAD_OFFSET (-2)	/* offset 0, or before the start of the output */
#define PGLZ_INCOMPLETE (-3)	/* complete: the sizes do not come out exactly */

long		pglz_decompress(const uint8_t *src, size_t slen, uint8_t *dst,
							size_t rawsize, bool complete);
const char *pglz_strerror(long code);

#endif
