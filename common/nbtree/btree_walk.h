/*
 * btree_walk: the shape of a B-tree and the invariants that need no heap
 * and no key types, from a summary of every page of segment 0.
 *
 *   struct bt_tree *t = bt_tree_new();
 *   for each block:  bt_tree_add_meta(t, &meta)         (block 0)
 *                    bt_tree_add_page(t, blkno, page, &h, &o, prof, &ds)
 *                    bt_tree_add_other(t, blkno, BS_NEW or BS_BAD)
 *   bt_tree_walk(t, &shape, &ds);   the level-by-level walk and its checks
 *   bt_tree_free(t);
 *
 * bt_tree_add_page() also runs the checks local to one page (posting
 * lists ascending, heap TIDs ascending among byte-identical keys of a
 * heapkeyspace leaf, pivot tuples marked) and keeps of the page only its
 * links, level, flags, counts, a hash of its high key and its downlinks
 * with a hash of the separator after each: memory grows with the index
 * actually read (some 60 bytes per page, 24 per downlink), never with a
 * count read from it.  A segment has at most RELSEG_SIZE pages, so the
 * block reader bounds the first; downlinks past RELSEG_SIZE (a sound tree
 * has one per page) are damage, said once with D_BT_DOWNLINK, and not kept.  Pure: no I/O; findings go into the caller's diags.
 *
 * Two files: btree_pagesum.c gathers each page (bt_tree_add_*) with its
 * local checks, btree_walk.c walks the levels (bt_tree_walk).
 *
 * Key order between different keys needs the key types, which this module
 * does not have: it is not checked here (see pgbtree(1)).
 */
#ifndef PGOD_BTREE_WALK_H
#define PGOD_BTREE_WALK_H

#include <stdbool.h>
#include <stdint.h>

#include "nbtree/btree.h"

enum bt_sum_state {
	BS_ABSENT = 0,				/* not in the file (past its end, or not read) */
	BS_NEW,						/* all zeros, or pd_upper 0 */
	BS_BAD,						/* not readable as a B-tree page */
	BS_META,					/* block 0 */
	BS_PAGE						/* a B-tree page with usable opaque data */
};

#define BT_WALK_MAX_LEVELS 64	/* far above any real tree (fan-out >= 3) */

struct bt_level_shape {
	uint32_t	level;			/* btpo_level of the pages */
	uint32_t	leftmost;		/* first block of the level */
	uint32_t	pages;			/* pages on the sibling chain */
	uint32_t	half_dead;		/* of them, half-dead */
	uint64_t	items;			/* tuples, without high keys */
	uint64_t	free_bytes;		/* PageGetFreeSpace() summed */
	uint64_t	downlinks;		/* internal levels: downlinks to the level below */
};

struct bt_shape {
	bool		empty;			/* btm_root is P_NONE: no pages yet */
	uint32_t	root;			/* btm_root */
	uint32_t	fastroot;		/* btm_fastroot */
	uint32_t	nlevels;		/* levels walked */
	struct bt_level_shape levels[BT_WALK_MAX_LEVELS];	/* root level first */
	uint32_t	blocks;			/* blocks of the file, metapage included */
	uint32_t	deleted;		/* BTP_DELETED pages */
	uint32_t	half_dead;		/* BTP_HALF_DEAD pages */
	uint32_t	new_pages;		/* all-zero pages */
	uint32_t	unreached;		/* live pages no sibling chain of the walk reached */
};

struct bt_tree;

struct bt_tree *bt_tree_new(void);
void		bt_tree_free(struct bt_tree *t);

/* false only if out of memory */
bool		bt_tree_add_meta(struct bt_tree *t, const struct bt_meta *m);
bool		bt_tree_add_page(struct bt_tree *t, uint32_t blkno, const uint8_t *page,
							 const struct page_header *h, const struct bt_opaque *o,
							 const struct pg_profile *prof, struct diags *ds);
bool		bt_tree_add_other(struct bt_tree *t, uint32_t blkno,
							  enum bt_sum_state state);

/*
 * Walk from the metapage's root down, each level left to right through the
 * right links; check the metapage root and fast root, sibling links both
 * ways, levels, that no page is reached twice, that each level's downlinks
 * lead, in order, to pages of the level below, and that their high keys
 * are the separators the parents hold.  Fills shape.
 */
void		bt_tree_walk(struct bt_tree *t, struct bt_shape *shape,
						 struct diags *ds);

#endif
