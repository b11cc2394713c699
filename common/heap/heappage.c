/*
 * heappage: line pointers and tuples of a heap page, as pageinspect's
 * heap_page_items() reads them (contrib/pageinspect/heapfuncs.c), and the
 * line pointer rules of contrib/amcheck/verify_heapam.c.
 */
#include <string.h>

#include "heap/heappage.h"

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

/* The finding d (NULL when the list is full) belongs to item i. */
static enum heappage_lp_verdict
at_item(struct diag *d, unsigned i, enum heappage_lp_verdict v)
{
	if (d != NULL)
		d->item = (uint16_t) i;
	return v;
}

enum heappage_lp_verdict
heappage_lp_check(const struct page_header *h, unsigned i,
				  const struct line_pointer *lp, uint32_t blkno,
				  struct diags *ds)
{
	unsigned	maxoff = page_item_count(h),
				items_end = SIZE_OF_PAGE_HEADER + 4 * maxoff,
				end = (unsigned) lp->off + lp->len,
				lo = h->upper,
				hi = h->special > BLCKSZ ? BLCKSZ : h->special;

	switch (lp->flags)
	{
		case LP_UNUSED:
			return HLP_OK;
		case LP_REDIRECT:
			/* lp_off is the target's offset number; lp_len is 0 */
			if (lp->off < 1)
				return at_item(diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
										   "line pointer redirection to item at offset %u precedes minimum offset %u",
										   lp->off, 1u), i, HLP_BAD);
			if (lp->off > maxoff)
				return at_item(diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
										   "line pointer redirection to item at offset %u exceeds maximum offset %u",
										   lp->off, maxoff), i, HLP_BAD);
			return HLP_OK;
		case LP_DEAD:
			/* pruning drops a dead item's storage; an index keeps it */
			if (lp->len == 0)
				return HLP_OK;
			if (end > BLCKSZ || lp->off < items_end)
				return at_item(diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
										   "dead line pointer to page offset %u with length %u lies outside the page's item space %u..%u",
										   lp->off, lp->len, items_end, (unsigned) BLCKSZ), i, HLP_BAD);
			return HLP_OK;
		default:
			break;
	}
	/* LP_NORMAL: verify_heapam's checks, in its order */
	if ((lp->off & (MAXIMUM_ALIGNOF - 1)) != 0)
		return at_item(diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
								   "line pointer to page offset %u is not maximally aligned",
								   lp->off), i, HLP_BAD);
	if (lp->len < MIN_HEAP_TUPLE_SIZE)
		return at_item(diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
								   "line pointer length %u is less than the minimum tuple header size %u",
								   lp->len, (unsigned) MIN_HEAP_TUPLE_SIZE), i, HLP_BAD);
	if (end > BLCKSZ)
		return at_item(diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
								   "line pointer to page offset %u with length %u ends beyond maximum page offset %u",
								   lp->off, lp->len, (unsigned) BLCKSZ), i, HLP_BAD);
	/* PageRepairFragmentation's "corrupted line pointer" rule */
	if (lp->off < lo || end > hi)
		return at_item(diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
								   "line pointer to page offset %u with length %u lies outside the tuple space %u..%u",
								   lp->off, lp->len, lo, hi), i, HLP_OUTSIDE);
	return HLP_OK;
}

int
heappage_check_lps(const uint8_t *page, const struct page_header *h,
				   uint32_t blkno, struct diags *ds)
{
	unsigned	i,
				n = page_item_count(h);
	int			found = 0;
	struct line_pointer lp;

	for (i = 1; i <= n; i++)
	{
		heappage_lp(page, i, &lp);
		if (heappage_lp_check(h, i, &lp, blkno, ds) != HLP_OK)
			found++;
	}
	return found;
}

const char *
heappage_lp_flags_name(unsigned flags)
{
	static const char *const names[4] = {"UNUSED", "NORMAL", "REDIRECT", "DEAD"};

	return names[flags & 3];
}
