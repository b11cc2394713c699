/*
 * relmap: pg_filenode.map (RelMapFile), the relation mapper's file that
 * gives the file number of each mapped catalog (pg_class, the shared
 * catalogs, their indexes), whose pg_class.relfilenode is 0.
 *
 *   struct relmap m;
 *   if (relmap_decode(buf, len, &m, &ds) == 0)  ... m.mappings[0..n) ...
 *
 * Pure: bytes in, struct out (it copies what it needs; buf may be freed
 * after), findings in ds.  The layout follows the size: 512 bytes up to
 * 15 (62 mappings and a pad word), 524 bytes from 16 (64 mappings, no pad),
 * as each major's utils/cache/relmapper.c defines it.
 */
#ifndef PGOD_RELMAP_H
#define PGOD_RELMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"

#define RELMAP_FILEMAGIC 0x592717		/* RELMAPPER_FILEMAGIC */
#define RELMAP_SIZE_OLD 512				/* sizeof(RelMapFile), 10..15 */
#define RELMAP_SIZE_NEW 524				/* sizeof(RelMapFile), 16.. */
#define RELMAP_MAX_MAPPINGS 64			/* the larger MAX_MAPPINGS (16..) */

struct relmap_mapping {
	uint32_t	mapoid;			/* RelMapping.mapoid: the catalog's OID */
	uint32_t	mapfilenumber;	/* RelMapping.mapfilenumber (mapfilenode
								 * before 16): its file number */
};

struct relmap {
	uint32_t	magic;			/* RelMapFile.magic */
	int32_t		num_mappings;	/* RelMapFile.num_mappings, as stored */
	unsigned	max_mappings;	/* MAX_MAPPINGS of the layout: 62 or 64 */
	unsigned	n;				/* mappings[] filled: num_mappings clamped
								 * to 0..max_mappings */
	struct relmap_mapping mappings[RELMAP_MAX_MAPPINGS];	/* RelMapFile.mappings */
	uint32_t	crc_stored;		/* RelMapFile.crc */
	uint32_t	crc_computed;	/* CRC-32C of the bytes before crc */
	bool		crc_ok;
};

/*
 * Returns 0 when the bytes were decoded (a bad magic, count or CRC is added
 * to ds as D_BAD_RELMAP / D_RELMAP_CRC, and the mappings that fit are still
 * given), -1 when the size is neither layout's (D_BAD_RELMAP; *m zeroed).
 */
int			relmap_decode(const uint8_t *buf, size_t len, struct relmap *m,
						  struct diags *ds);

#endif
