/*
 * Free space map pages: the binary tree of fsmpage.c and the levels of
 * freespace.c.
 */
#include "maps/fsm.h"
#include "page/page.h"

void
fsm_location(uint32_t heapblk, struct fsm_address *a, uint16_t *slot)
{
	a->level = 0;
	a->logpageno = heapblk / FSM_SLOTS;
	*slot = (uint16_t) (heapblk % FSM_SLOTS);
}

uint64_t
fsm_heap_blk(const struct fsm_address *a, uint16_t slot)
{
	return (uint64_t) a->logpageno * FSM_SLOTS + slot;
}

uint64_t
fsm_logical_to_physical(const struct fsm_address *a)
{
	uint64_t	leafno = a->logpageno;
	uint64_t	pages = 0;
	int			l;

	/* the first leaf page below a, then the pages before it at each level */
	for (l = 0; l < a->level; l++)
		leafno *= FSM_SLOTS;
	for (l = 0; l < FSM_TREE_DEPTH; l++)
	{
		pages += leafno + 1;
		leafno /= FSM_SLOTS;
	}
	/* a page above the bottom comes before its first leaf */
	pages -= (uint64_t) a->level;
	return pages - 1;
}

/*
 * Depth first: block 0 is the root; then each level 1 page i takes
 * FSM_SLOTS + 1 blocks, itself followed by its leaves.
 */
void
fsm_physical_to_logical(uint64_t blkno, struct fsm_address *a)
{
	uint64_t	r,
				i,
				j;

	if (blkno == 0)
	{
		a->level = FSM_ROOT_LEVEL;
		a->logpageno = 0;
		return;
	}
	r = blkno - 1;
	i = r / (FSM_SLOTS + 1);
	j = r % (FSM_SLOTS + 1);
	if (j == 0)
	{
		a->level = 1;
		a->logpageno = (uint32_t) i;
	}
	else
	{
		a->level = 0;
		a->logpageno = (uint32_t) (i * FSM_SLOTS + j - 1);
	}
}

void
fsm_parent(const struct fsm_address *a, struct fsm_address *parent,
		   uint16_t *slot)
{
	parent->level = a->level + 1;
	parent->logpageno = a->logpageno / FSM_SLOTS;
	*slot = (uint16_t) (a->logpageno % FSM_SLOTS);
}

void
fsm_heap_range(const struct fsm_address *a, uint64_t *first, uint64_t *count)
{
	uint64_t	span = FSM_SLOTS;
	int			l;

	for (l = 0; l < a->level; l++)
		span *= FSM_SLOTS;
	*first = (uint64_t) a->logpageno * span;
	*count = span;
}

unsigned
fsm_avail_of(uint8_t cat)
{
	return cat == 255 ? FSM_MAX_REQUEST_SIZE : (unsigned) cat * FSM_CAT_STEP;
}

uint8_t
fsm_cat_of(unsigned avail)
{
	unsigned	cat;

	if (avail >= FSM_MAX_REQUEST_SIZE)
		return 255;
	cat = avail / FSM_CAT_STEP;
	return (uint8_t) (cat > 254 ? 254 : cat);
}

void
fsm_page_decode(const uint8_t *page, struct fsm_page *p)
{
	p->next_slot = (int32_t) rd32(page + FSM_NODES_OFFSET - 4);
	p->nodes = page + FSM_NODES_OFFSET;
}

uint8_t
fsm_children_max(const struct fsm_page *p, int nodeno)
{
	int			l = 2 * nodeno + 1;
	uint8_t		v = 0;

	if (l < FSM_NODES)
		v = p->nodes[l];
	if (l + 1 < FSM_NODES && p->nodes[l + 1] > v)
		v = p->nodes[l + 1];
	return v;
}

int
fsm_check_tree(const struct fsm_page *p, uint32_t blkno, struct diags *ds)
{
	int			n,
				bad = 0,
				deepest = -1;

	for (n = FSM_NONLEAF_NODES - 1; n >= 0; n--)
	{
		if (p->nodes[n] != fsm_children_max(p, n))
		{
			if (deepest < 0)
				deepest = n;
			bad++;
		}
	}
	if (bad > 0)
		diag_add_block(ds, D_FSM_TREE, blkno,
					   "node %d holds %u, its children's max is %u; %d inner node%s disagree%s",
					   deepest, p->nodes[deepest], fsm_children_max(p, deepest),
					   bad, bad == 1 ? "" : "s", bad == 1 ? "s" : "");
	return bad;
}

unsigned
fsm_heap_page_free(const uint8_t *page)
{
	struct page_header h;
	unsigned	space,
				nline,
				i;

	page_header_decode(page, &h);
	space = page_free_space(&h);
	if (page_is_new(&h) || space == 0)
		return 0;
	nline = page_item_count(&h);
	if (nline >= FSM_MAX_HEAP_TUPLES_PER_PAGE)
	{
		if ((h.flags & PD_HAS_FREE_LINES) == 0)
			return 0;
		for (i = 1; i <= nline; i++)
		{
			const uint8_t *lp = page + SIZE_OF_PAGE_HEADER + 4 * (i - 1);

			/* lp_flags: bits 15-16 of the 32-bit ItemIdData */
			if (((rd32(lp) >> 15) & 3) == LP_UNUSED)
				break;
		}
		if (i > nline)
			return 0;
	}
	return space;
}
