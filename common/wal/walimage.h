/*
 * walimage: a full page image of a WAL block reference restored to the
 * page it stands for, as xlogreader.c's RestoreBlockImage() does:
 * decompressed (pglz, LZ4 or zstd, as bimg_info says) and the hole put
 * back as zeros.
 *
 *   uint8_t page[WAL_BLCKSZ];
 *   if (wal_restore_image(&rec.blocks[i], page, &ds) == 0) ... page is whole
 *
 * Pure: bytes in, page out; a compressed image that does not come out at
 * exactly the size the header says gives -1 and a D_BAD_COMPRESSED finding.
 */
#ifndef PGOD_WALIMAGE_H
#define PGOD_WALIMAGE_H

#include <stdint.h>

#include "out/diag.h"
#include "wal/walrecord.h"

int			wal_restore_image(const struct walblock *b, uint8_t *page, struct diags *ds);

/*
 * Restore the image into page and hold it to the page header rules of
 * page.h (PageIsVerifiedExtended without the checksum: an image's
 * pd_checksum is stale by design, PostgreSQL computes it when it writes
 * the page out).  A new page (pd_upper 0) must be all zeros.  0 if the
 * page is valid; else -1 and the findings, at block b->blkno.
 */
int			wal_verify_image(const struct walblock *b, uint8_t *page, struct diags *ds);

#endif
