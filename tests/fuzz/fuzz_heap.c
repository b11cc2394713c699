/*
 * libFuzzer target: a heap page's items (heap/heappage.c, as pageinspect's
 * heap_page_items()), its tuple headers (heap/heaptuple.c, after
 * access/htup_details.h) and verify_heapam's offline checks
 * (heap/heapcheck.c) -- then the same bytes as one tuple of their own
 * length, as a line pointer could point at them.
 *
 * Input: the page (padded with zeros or cut to 8 KiB).  The page and the
 * lone tuple are exact-size allocations, so ASan sees a read past them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "heap/heapcheck.h"
#include "heap/heappage.h"
#include "heap/heaptuple.h"
#include "page/page.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
tuple(const struct heap_tuple *t)
{
	const char *names[HEAPTUPLE_MAX_RAW_FLAGS];
	char		bits[HEAPTUPLE_BITMAPLEN(HEAP_NATTS_MASK) * 8 + 1];
	char		ctid[32];

	(void) heaptuple_raw_flags(t->infomask, t->infomask2, names, HEAPTUPLE_MAX_RAW_FLAGS);
	(void) heaptuple_combined_flags(t->infomask, names, HEAPTUPLE_MAX_COMBINED_FLAGS);
	(void) heaptuple_bits_text(t, bits, sizeof(bits));
	(void) heaptuple_ctid_text(t, ctid, sizeof(ctid));
	for (unsigned a = 0; a <= t->natts + 1u; a++)
		(void) heaptuple_att_isnull(t, a);
	(void) heaptuple_xmin(t);
	(void) heaptuple_xmax_locked_only(t);
	(void) heaptuple_is_hot_updated(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct page_header h;
	struct diags ds;
	struct heap_tuple t;
	uint8_t    *page,
			   *raw;
	unsigned	n;
	uint16_t	len = size > UINT16_MAX ? UINT16_MAX : (uint16_t) size;

	page = calloc(1, BLCKSZ);
	raw = malloc(len ? len : 1);
	if (page == NULL || raw == NULL)
		abort();
	memcpy(page, data, size < BLCKSZ ? size : BLCKSZ);
	memcpy(raw, data, len);

	diags_reset(&ds);
	page_header_decode(page, &h);
	(void) page_verify(page, &h, 3, &ds);
	n = page_item_count(&h);
	for (unsigned i = 1; i <= n; i++)
	{
		struct heap_item it;

		heappage_item(page, i, &it);
		(void) heappage_lp_flags_name(it.id.flags);
		(void) heappage_lp_check(&h, i, &it.id, 3, &ds);
		if (it.has_tuple)
			tuple(&it.t);
	}
	if (!page_is_new(&h))
	{
		(void) heappage_check_lps(page, &h, 3, &ds);
		diags_reset(&ds);
		(void) heapcheck_page(page, &h, 3, &ds);
	}
	if (heaptuple_decode(len ? raw : NULL, len, &t) >= HT_BAD_HOFF)
		tuple(&t);
	free(raw);
	free(page);
	return 0;
}
