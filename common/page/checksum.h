/*
 * checksum: PostgreSQL's data page checksum (pg_checksum_page).
 *
 * FNV-1a-like mixing over 32 parallel lanes, the block number mixed in so
 * that a page moved elsewhere fails, reduced to 1..65535.  blkno must be
 * the absolute block number (segment number * RELSEG_SIZE + block in file).
 * The page is read only: pd_checksum counts as zero without touching it.
 * Meaningless for new (all-zero) pages, which PostgreSQL never checksums.
 */
#ifndef PGOD_CHECKSUM_H
#define PGOD_CHECKSUM_H

#include <stdint.h>

uint16_t	pg_checksum_page(const uint8_t *page, uint32_t blkno);

#endif
