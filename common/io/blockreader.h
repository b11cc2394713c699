/*
 * blockreader: the blocks of one relation file, numbered absolutely.
 *
 *   struct blockreader *br = blockreader_open(path, from, to, &ds);
 *   while ((r = blockreader_next(br, &page, &blkno, &ds)) != BR_END) {
 *       BR_PAGE: a whole BLCKSZ page at page (valid until the next call)
 *       BR_SHORT: the file ended inside block blkno (D_TRUNCATED_BLOCK added)
 *       BR_ERROR: a read error (added to ds); nothing more will come
 *   }
 *   blockreader_close(br);
 *
 * from/to are absolute block numbers (inclusive; to = UINT32_MAX for all):
 * the file name's segment number says where the file starts.  One input
 * yields at most RELSEG_SIZE blocks, as a segment holds: past that,
 * D_INPUT_TOO_LONG is added and BR_END returned, so a device or a pipe
 * that never ends ends here.
 */
#ifndef PGOD_BLOCKREADER_H
#define PGOD_BLOCKREADER_H

#include <stdint.h>

#include "out/diag.h"
#include "io/relpath.h"

enum br_result { BR_END = 0, BR_PAGE, BR_SHORT, BR_ERROR };

struct blockreader;

struct blockreader *blockreader_open(const char *path, uint32_t from,
									 uint32_t to, struct diags *ds);
enum br_result blockreader_next(struct blockreader *br, const uint8_t **page,
								uint32_t *blkno, struct diags *ds);
const struct relfile *blockreader_relfile(const struct blockreader *br);
/* How many bytes the short last block had (after BR_SHORT). */
size_t		blockreader_short_len(const struct blockreader *br);
void		blockreader_close(struct blockreader *br);

#endif
