/*
 * libFuzzer target: a free space map fork (maps/fsm.c, after
 * storage/freespace/fsmpage.c and freespace.c) and pgfsm --check's
 * comparison with the heap (maps/fsm_heapcheck.c): each FSM page's tree,
 * upper slots against the pages below, and every leaf slot against its
 * heap page.
 *
 * Input: byte 0: how many fork pages (1 + b % 4, laid out depth first as
 * on disk: root, level 1, leaf, ...), bit 0x80: the heap's size is known;
 * bytes 1..2: the heap's size in blocks (little-endian); then the fork
 * pages, then up to 4 heap pages (heap blocks 0..3), each 8 KiB, a
 * partial last one padded with zeros.  Each page is its own allocation.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "maps/fsm.h"
#include "maps/fsm_heapcheck.h"
#include "page/page.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PS 8192u
#define MAX_HEAP 4

struct heap {
	uint8_t    *pg[MAX_HEAP];
	size_t		n;
	struct diags *ds;
};

static void
heap_block(void *arg, uint64_t hb, uint8_t cat)
{
	struct heap *h = arg;

	(void) fsm_check_leaf(hb < h->n ? h->pg[hb] : NULL, (uint32_t) hb, cat, h->ds);
	(void) fsm_avail_of(cat);
}

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
	static struct fsm_levels lv;
	struct fsm_heapwalk w;
	struct heap heap;
	struct diags ds;
	size_t		nfork,
				i;

	if (size < 3)
		return 0;
	nfork = 1 + data[0] % 4;
	memset(&lv, 0, sizeof(lv));
	memset(&w, 0, sizeof(w));
	w.known = (data[0] & 0x80) != 0;
	w.nblocks = (uint32_t) (data[1] | data[2] << 8);
	w.from = 0;
	w.to = UINT32_MAX;
	w.next_hb = 0;
	data += 3;
	size -= 3;
	heap.ds = &ds;
	heap.n = size > nfork * PS ? (size - nfork * PS + PS - 1) / PS : 0;
	if (heap.n > MAX_HEAP)
		heap.n = MAX_HEAP;
	for (i = 0; i < heap.n; i++)
		heap.pg[i] = page_from(data, size, nfork + i);
	diags_reset(&ds);
	for (uint32_t fb = 0; fb < nfork; fb++)
	{
		uint8_t    *page = page_from(data, size, fb);
		struct page_header h;
		struct fsm_address a;
		struct fsm_page p;
		bool		usable;

		page_header_decode(page, &h);
		usable = page_verify(page, &h, fb, &ds) == PV_VALID;
		fsm_physical_to_logical(fb, &a);
		(void) fsm_logical_to_physical(&a);
		fsm_page_decode(page, &p);
		if (usable)
		{
			(void) fsm_check_tree(&p, fb, &ds);
			(void) fsm_root(&p);
		}
		(void) fsm_check_upper(&lv, fb, &a, usable ? &p : NULL, &ds);
		if (a.level == 0)
		{
			uint64_t	first,
						count;

			fsm_heap_range(&a, &first, &count);
			fsm_heap_blocks_until(&w, first + count, usable ? &p : NULL, first,
								  heap_block, &heap);
		}
		free(page);
	}
	if (w.known)
		fsm_heap_blocks_until(&w, w.nblocks, NULL, 0, heap_block, &heap);
	for (i = 0; i < heap.n; i++)
	{
		(void) fsm_heap_page_free(heap.pg[i]);
		free(heap.pg[i]);
	}
	return 0;
}
