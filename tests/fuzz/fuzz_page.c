/*
 * libFuzzer target: one page through every page-level decoder the tools
 * run on untrusted files -- header and checks, line pointers, heap items
 * and the offline heap checks, B-tree metapage, opaque data, stats and
 * items (with each major's rules), FSM page and tree check.  The page is
 * the input padded with zeros (or cut) to BLCKSZ, so every byte of it
 * comes from the fuzzer.
 */
#include <stdint.h>
#include <string.h>

#include "nbtree/btree.h"
#include "maps/fsm.h"
#include "heap/heapcheck.h"
#include "heap/heappage.h"
#include "page/page.h"
#include "cluster/version.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t page[BLCKSZ];
	static struct diags ds;
	struct page_header h;
	unsigned	n;

	memset(page, 0, sizeof(page));
	memcpy(page, data, size < BLCKSZ ? size : BLCKSZ);
	memset(&ds, 0, sizeof(ds));

	page_header_decode(page, &h);
	(void) page_check(&h, 7, &ds);
	(void) page_kind_of(page, &h, FORK_MAIN);
	n = page_item_count(&h);
	for (unsigned i = 1; i <= n; i++)
	{
		struct line_pointer lp;
		struct heap_item it;

		(void) page_item(page, &h, i, &lp, 7, &ds);
		heappage_item(page, i, &it);
	}
	if (!page_is_new(&h))
		(void) heapcheck_page(page, &h, 7, &ds);

	{
		struct bt_meta m;
		struct bt_opaque o;

		(void) bt_meta_decode(page, &m, &ds);
		if (!page_is_new(&h) && bt_opaque_decode(page, &h, &o, 7, &ds))
		{
			for (int major = 10; major <= 18; major += 4)
			{
				const struct pg_profile *prof = pg_profile_by_major(major);
				struct bt_stats st;
				unsigned	items;

				bt_page_stats(page, &h, &o, prof, &st);
				items = bt_item_count(&h, &o, prof);
				for (unsigned i = 1; i <= items; i++)
				{
					struct bt_item it;

					if (bt_item_decode(page, &h, &o, i, prof, 7, &it, &ds))
						for (unsigned t = 0; t < it.nposting; t++)
						{
							struct bt_tid tid;

							bt_item_tid(&it, t, &tid);
						}
				}
			}
		}
	}
	{
		static struct fsm_page fp;

		fsm_page_decode(page, &fp);
		(void) fsm_check_tree(&fp, 7, &ds);
		(void) fsm_heap_page_free(page);
	}
	return 0;
}
