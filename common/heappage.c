#include <string.h>

#include "heappage.h"

void
heappage_lp(const uint8_t *page, unsigned i, struct line_pointer *lp)
{
	/* ItemIdData: lp_off:15, lp_flags:2, lp_len:15, low bits first */
	uint32_t	v = rd32(page + SIZE_OF_PAGE_HEADER + (i - 1) * 4);

	lp->off = v & 0x7FFF;
	lp->flags = (v >> 15) & 3;
	lp->len = (v >> 17) & 0x7FFF;
}

void
heappage_item(const uint8_t *page, unsigned i, struct heap_item *it)
{
	it->lp = (uint16_t) i;
	heappage_lp(page, i, &it->id);
	it->has_tuple = it->id.len != 0 &&
		it->id.len >= MIN_HEAP_TUPLE_SIZE &&
		(it->id.off & (MAXIMUM_ALIGNOF - 1)) == 0 &&
		(unsigned) it->id.off + it->id.len <= BLCKSZ;
	if (it->has_tuple)
		heaptuple_decode(page + it->id.off, it->id.len, &it->t);
	else
		heaptuple_decode(NULL, 0, &it->t);
}

const char *
heappage_lp_flags_name(unsigned flags)
{
	static const char *const names[4] = {"UNUSED", "NORMAL", "REDIRECT", "DEAD"};

	return names[flags & 3];
}
