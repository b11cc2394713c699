/*
 * A relation file's pages added up (pgpage --summary): pages by kind as
 * page_kind_of() tells them, line pointers by lp_flags (storage/itemid.h),
 * free space as pd_upper - pd_lower.
 */
#include "heap/heappage.h"
#include "page/page_summary.h"

void
page_summary_add(struct page_summary *sum, const uint8_t *page,
				 const struct page_header *h, enum page_kind kind,
				 bool checksum_failed)
{
	struct line_pointer lp;
	unsigned	i,
				n;

	sum->pages++;
	sum->by_kind[kind]++;
	if (checksum_failed)
		sum->checksum_failures++;
	if (page_is_new(h))
		return;
	if (h->upper > h->lower)
		sum->free_space += (unsigned) (h->upper - h->lower);
	if (kind != PK_HEAP && kind != PK_SEQUENCE)
		return;
	n = page_item_count(h);
	for (i = 1; i <= n; i++)
	{
		heappage_lp(page, i, &lp);
		sum->items[lp.flags]++;
	}
}

void
page_summary_emit(struct emit *e, const char *file,
				  const struct page_summary *sum, bool verified,
				  bool checksums_off)
{
	int			k;

	emit_begin(e);
	emit_str(e, "file", file, EF_NOTEXT);
	emit_str(e, "kind", "summary", EF_NOTEXT);
	emit_uint(e, "pages", sum->pages, 0);
	emit_obj_begin(e, "pages_by_kind", 0);
	for (k = 0; k <= PK_UNKNOWN; k++)
		if (sum->by_kind[k] > 0)
			emit_uint(e, page_kind_name((enum page_kind) k), sum->by_kind[k], 0);
	emit_obj_end(e);
	emit_uint(e, "live_items", sum->items[LP_NORMAL], 0);
	emit_uint(e, "dead_items", sum->items[LP_DEAD], 0);
	emit_uint(e, "unused_items", sum->items[LP_UNUSED], 0);
	emit_uint(e, "redirect_items", sum->items[LP_REDIRECT], 0);
	emit_uint(e, "free_space", sum->free_space, 0);
	emit_uint(e, "zero_pages_amid", sum->zero_amid, 0);
	if (verified)
		emit_uint(e, "checksum_failures", sum->checksum_failures, 0);
	else
		emit_null(e, "checksum_failures", EF_NOTEXT);
	/* -k asked but not done: say why, so a 0 is never read into the null */
	if (checksums_off)
		emit_str(e, "checksum_verification", "off_by_pg_control", 0);
	emit_end(e);
}
