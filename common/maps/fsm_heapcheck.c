/*
 * A free space map's leaves and upper levels against the heap and each
 * other, as storage/freespace/freespace.c and fsmpage.c keep them.
 */
#include <string.h>

#include "maps/fsm_heapcheck.h"
#include "page/page.h"

int
fsm_check_leaf(const uint8_t *page, uint32_t hb, uint8_t cat, struct diags *ds)
{
	struct page_header h;
	unsigned	free;
	uint8_t		real;

	if (page == NULL)
		return 0;
	page_header_decode(page, &h);
	if (page_is_new(&h))
		free = BLCKSZ - SIZE_OF_PAGE_HEADER;	/* what VACUUM records for a new page */
	else if (page_kind_of(page, &h, FORK_MAIN) != PK_HEAP)
		return 0;				/* index pages: only free or not, see indexfsm.c */
	else
		free = fsm_heap_page_free(page);
	real = fsm_cat_of(free);
	if (cat <= real + 1)
		return 0;
	diag_add_block(ds, D_FSM_OVERSTATES, hb,
				   "category %u (%u bytes) recorded, the page has %u bytes free (category %u)",
				   cat, fsm_avail_of(cat), free, real);
	return 1;
}

int
fsm_check_upper(struct fsm_levels *lv, uint32_t blkno, const struct fsm_address *a,
				const struct fsm_page *p, struct diags *ds)
{
	struct fsm_address parent;
	uint16_t	slot;
	uint8_t		root = p ? fsm_root(p) : 0;
	int			stale = 0;

	if (a->level < FSM_ROOT_LEVEL)
	{
		fsm_parent(a, &parent, &slot);
		if (lv->have[parent.level] &&
			lv->logpageno[parent.level] == parent.logpageno &&
			lv->nodes[parent.level][FSM_NONLEAF_NODES + slot] != root)
		{
			stale = 1;
			diag_add_block(ds, D_FSM_STALE_UPPER, blkno,
						   "level %d page %u holds %u for it, its root is %u",
						   parent.level, (unsigned) parent.logpageno,
						   lv->nodes[parent.level][FSM_NONLEAF_NODES + slot], root);
		}
	}
	if (a->level > 0)
	{
		lv->have[a->level] = true;
		lv->logpageno[a->level] = a->logpageno;
		if (p)
			memcpy(lv->nodes[a->level], p->nodes, FSM_NODES);
		else
			memset(lv->nodes[a->level], 0, FSM_NODES);
	}
	return stale;
}

void
fsm_heap_blocks_until(struct fsm_heapwalk *w, uint64_t upto,
					  const struct fsm_page *leaf, uint64_t leaf_first,
					  void (*fn) (void *arg, uint64_t hb, uint8_t cat), void *arg)
{
	uint64_t	end = upto;

	if (w->known && end > w->nblocks)
		end = w->nblocks;
	if (end > (uint64_t) w->to + 1)
		end = (uint64_t) w->to + 1;
	if (w->next_hb < w->from)
		w->next_hb = w->from;
	if (!w->known && leaf == NULL)
	{
		/* zeros with no end in sight: only the position moves */
		if (upto > w->next_hb)
			w->next_hb = upto;
		return;
	}
	for (; w->next_hb < end; w->next_hb++)
	{
		uint8_t		cat = 0;

		if (leaf != NULL && w->next_hb >= leaf_first)
			cat = fsm_leaf(leaf, (uint16_t) (w->next_hb - leaf_first));
		fn(arg, w->next_hb, cat);
	}
	if (upto > w->next_hb)
		w->next_hb = upto;
}
