/*
 * vm: the visibility map fork (_vm), as visibilitymap.c lays it out in
 * every major 10..18.
 *
 * Each map page is a page header followed by a bitmap of MAPSIZE bytes:
 * two bits per heap block, VISIBILITYMAP_ALL_VISIBLE (low bit) and
 * VISIBILITYMAP_ALL_FROZEN, four heap blocks per byte, low bits first.
 * Heap block h lives on map block h / VM_HEAPBLOCKS_PER_PAGE, byte
 * (h % VM_HEAPBLOCKS_PER_PAGE) / 4, bit offset 2 * (h % 4).  A map page
 * the fork does not reach, or one that is new, says 0 for every heap
 * block, as visibilitymap_get_status() does.
 *
 * Pure functions over a caller's buffer.
 */
#ifndef PGOD_VM_H
#define PGOD_VM_H

#include <stdbool.h>
#include <stdint.h>

#define VM_BITS_PER_HEAPBLOCK	2		/* BITS_PER_HEAPBLOCK */
#define VM_HEAPBLOCKS_PER_BYTE	4		/* HEAPBLOCKS_PER_BYTE */
#define VM_MAPSIZE				8168	/* MAPSIZE: BLCKSZ - MAXALIGN(SizeOfPageHeaderData) */
#define VM_HEAPBLOCKS_PER_PAGE	32672	/* HEAPBLOCKS_PER_PAGE: MAPSIZE * 4 */
#define VM_MAP_OFFSET			24		/* PageGetContents: MAXALIGN(SizeOfPageHeaderData) */

#define VM_ALL_VISIBLE			0x01	/* VISIBILITYMAP_ALL_VISIBLE */
#define VM_ALL_FROZEN			0x02	/* VISIBILITYMAP_ALL_FROZEN */

/* Where heap block heapblk's two bits live. */
struct vm_address {
	uint32_t	mapblock;		/* HEAPBLK_TO_MAPBLOCK: block of the _vm fork */
	uint32_t	mapbyte;		/* HEAPBLK_TO_MAPBYTE: byte within the bitmap */
	uint8_t		mapoffset;		/* HEAPBLK_TO_OFFSET: bit offset within the byte */
};

void		vm_address_of(uint32_t heapblk, struct vm_address *a);

/* First heap block map block mapblock describes. */
static inline uint64_t
vm_first_heapblk(uint32_t mapblock)
{
	return (uint64_t) mapblock * VM_HEAPBLOCKS_PER_PAGE;
}

/*
 * The status bits (VM_ALL_VISIBLE | VM_ALL_FROZEN) of heapblk on map page
 * page, which must be the map block vm_address_of() names; a NULL page
 * (beyond the fork, or new) gives 0.
 */
uint8_t		vm_get_status(const uint8_t *page, uint32_t heapblk);

#endif
