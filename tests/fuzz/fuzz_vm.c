/*
 * libFuzzer target: a visibility map page (maps/vm.c, after
 * access/heap/visibilitymap.c) and pgvm --check's comparison of its bits
 * with the heap pages (maps/vm_heapcheck.c, pg_visibility's
 * pg_check_visible() and pg_check_frozen() as far as a page can tell).
 *
 * Input: byte 0: bit 0x80 set: each heap page's status is byte 1's bits
 * (2 per page) instead of the map's; then the map page (map block 0),
 * then up to 4 heap pages (heap blocks 0..3), 8 KiB each, a partial last
 * page padded with zeros.  Each page is its own allocation.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "maps/vm.h"
#include "maps/vm_heapcheck.h"
#include "page/page.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PS 8192u
#define MAX_HEAP 4

static uint8_t *
page_from(const uint8_t *data, size_t size, size_t i)
{
	uint8_t    *p = calloc(1, PS);

	if (p == NULL)
		abort();
	if (i * PS < size)
		memcpy(p, data + i * PS, size - i * PS < PS ? size - i * PS : PS);
	return p;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags ds;
	struct page_header h;
	struct vm_address a;
	uint8_t    *map;
	const uint8_t *usable;
	bool		forced;
	uint8_t		bits;
	size_t		nheap;

	if (size < 2)
		return 0;
	forced = (data[0] & 0x80) != 0;
	bits = data[1];
	data += 2;
	size -= 2;
	map = page_from(data, size, 0);
	page_header_decode(map, &h);
	diags_reset(&ds);
	/* as pgvm: a new or unreadable map page says 0 for every heap block */
	usable = page_verify(map, &h, 0, &ds) == PV_VALID ? map : NULL;
	for (uint32_t hb = 0; hb < VM_HEAPBLOCKS_PER_PAGE; hb += 97)
	{
		vm_address_of(hb, &a);
		(void) vm_get_status(usable, hb);
	}
	nheap = size > PS ? (size - PS + PS - 1) / PS : 0;
	if (nheap > MAX_HEAP)
		nheap = MAX_HEAP;
	for (uint32_t hb = 0; hb < MAX_HEAP; hb++)
	{
		uint8_t    *heap = hb < nheap ? page_from(data, size, 1 + hb) : NULL;
		uint8_t		st = forced ? (bits >> (2 * hb)) & 3 : vm_get_status(usable, hb);

		diags_reset(&ds);
		(void) vm_check_heap_page(heap, hb, st, NULL, &ds);
		free(heap);
	}
	free(map);
	return 0;
}
