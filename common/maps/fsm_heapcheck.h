/*
 * fsm_heapcheck: a free space map against the heap it describes, offline,
 * beside vm_heapcheck for the visibility map -- and the walk that pairs
 * each heap block with its leaf slot as the fork is read in physical order.
 *
 *   struct fsm_levels lv;  memset(&lv, 0, sizeof(lv));
 *   struct fsm_heapwalk w = {known, nblocks, from, to, from};
 *   per fork block:  lag += fsm_check_upper(&lv, fb, &addr, page_or_NULL, &ds);
 *   per leaf page:   fsm_heap_blocks_until(&w, first + count, leaf, first, fn, arg);
 *   per heap block:  lag += fsm_check_leaf(heap_page, hb, cat, &ds);  (in fn)
 *   at the end:      fsm_heap_blocks_until(&w, nblocks, NULL, 0, fn, arg);
 *
 * Findings:
 *   D_FSM_OVERSTATES   a leaf records more than a category above the free
 *                      space its heap page has (the map may lag behind the
 *                      heap, never run ahead of it by more than that)
 *   D_FSM_STALE_UPPER  a level 1 or root slot differs from the root of the
 *                      page below it (fsm_set_and_search lets them lag)
 * Each returns 1 when it found the map lagging so, else 0.  Pure: pages
 * come from the caller.
 */
#ifndef PGOD_FSM_HEAPCHECK_H
#define PGOD_FSM_HEAPCHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "maps/fsm.h"
#include "out/diag.h"

/*
 * The leaf's category cat for heap block hb against its heap page (BLCKSZ
 * bytes; NULL: nothing to check).  A new page counts as empty, as VACUUM
 * records it; index pages are not checked (indexfsm.c records only free
 * or not).
 */
int			fsm_check_leaf(const uint8_t *page, uint32_t hb, uint8_t cat,
						   struct diags *ds);

/* The last page seen of each upper level, for fsm_check_upper(). */
struct fsm_levels {
	bool		have[FSM_ROOT_LEVEL + 1];	/* a page of that level was seen */
	uint32_t	logpageno[FSM_ROOT_LEVEL + 1];	/* its logical page number */
	uint8_t		nodes[FSM_ROOT_LEVEL + 1][FSM_NODES];	/* its fp_nodes */
};

/*
 * Fork block blkno at address a (p NULL: new or unreadable, all zeros):
 * its root against its parent's slot, if the parent was the last page of
 * its level seen (the physical order puts a parent before its children);
 * then p is remembered if it is an upper page.
 */
int			fsm_check_upper(struct fsm_levels *lv, uint32_t blkno,
							const struct fsm_address *a, const struct fsm_page *p,
							struct diags *ds);

/* Where the report of heap blocks stands. */
struct fsm_heapwalk {
	bool		known;			/* the heap's size is known */
	uint32_t	nblocks;		/* and it is this */
	uint32_t	from;			/* the heap blocks asked for, from */
	uint32_t	to;				/* to, inclusive */
	uint64_t	next_hb;		/* the next heap block to report */
};

/*
 * Heap blocks [w->next_hb, upto) within the range and the heap, each with
 * its category from leaf (whose slot 0 is heap block leaf_first; NULL, or
 * a block before leaf_first: 0) passed to fn.  With the heap's size
 * unknown and no leaf, only the position moves: zeros with no end in sight
 * are not reported.
 */
void		fsm_heap_blocks_until(struct fsm_heapwalk *w, uint64_t upto,
								  const struct fsm_page *leaf, uint64_t leaf_first,
								  void (*fn) (void *arg, uint64_t hb, uint8_t cat),
								  void *arg);

#endif
