/*
 * Visibility map pages: two bits per heap block (access/heap/visibilitymap.c).
 */
#include <stddef.h>

#include "page/page.h"
#include "maps/vm.h"

void
vm_address_of(uint32_t heapblk, struct vm_address *a)
{
	a->mapblock = heapblk / VM_HEAPBLOCKS_PER_PAGE;
	a->mapbyte = (heapblk % VM_HEAPBLOCKS_PER_PAGE) / VM_HEAPBLOCKS_PER_BYTE;
	a->mapoffset = (uint8_t) ((heapblk % VM_HEAPBLOCKS_PER_BYTE) * VM_BITS_PER_HEAPBLOCK);
}

uint8_t
vm_get_status(const uint8_t *page, uint32_t heapblk)
{
	struct vm_address a;

	if (page == NULL)
		return 0;
	vm_address_of(heapblk, &a);
	return (uint8_t) ((page[VM_MAP_OFFSET + a.mapbyte] >> a.mapoffset) &
					  (VM_ALL_VISIBLE | VM_ALL_FROZEN));
}
