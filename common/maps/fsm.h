/*
 * fsm: the free space map fork (_fsm), as freespace.c and fsmpage.c lay it
 * out in every major 10..18 (8 KiB blocks).
 *
 * Each FSM page holds, after the page header, FSMPageData: fp_next_slot
 * and a binary tree of one-byte free space categories in an array
 * (children of node n are 2n+1 and 2n+2); the first FSM_NONLEAF_NODES are
 * inner nodes, the FSM_SLOTS after them the leaves.  The pages form a
 * three-level tree: a leaf slot on a level 0 page is one heap block; a
 * leaf slot on a level 1 or 2 page is the root of one child page.  Pages
 * are addressed logically (level, page number within the level) and laid
 * out on disk depth first: root, its first child, that child's children,
 * ...  A page the fork does not reach, or a new one, reads as all zeros,
 * as fsm_readbuf() makes it.
 *
 * A category c means at least c * FSM_CAT_STEP free bytes, 255 at least
 * MaxFSMRequestSize: pg_freespace() shows fsm_avail_of(c).
 *
 * Pure functions over a caller's buffer.
 */
#ifndef PGOD_FSM_H
#define PGOD_FSM_H

#include <stdbool.h>
#include <stdint.h>

#include "out/diag.h"

#define FSM_CATEGORIES			256		/* FSM_CATEGORIES */
#define FSM_CAT_STEP			32		/* FSM_CAT_STEP: BLCKSZ / FSM_CATEGORIES */
#define FSM_MAX_REQUEST_SIZE	8160	/* MaxFSMRequestSize = MaxHeapTupleSize */
#define FSM_NODES_OFFSET		28		/* fp_nodes: MAXALIGN(SizeOfPageHeaderData) + sizeof(int) */
#define FSM_NODES				8164	/* NodesPerPage */
#define FSM_NONLEAF_NODES		4095	/* NonLeafNodesPerPage: BLCKSZ / 2 - 1 */
#define FSM_SLOTS				4069	/* SlotsPerFSMPage = LeafNodesPerPage */
#define FSM_TREE_DEPTH			3		/* FSM_TREE_DEPTH for SlotsPerFSMPage >= 1626 */
#define FSM_ROOT_LEVEL			2		/* FSM_ROOT_LEVEL */

/* A page's place in the tree: FSMAddress. */
struct fsm_address {
	int			level;			/* level: 0 leaves (heap blocks), 2 the root */
	uint32_t	logpageno;		/* logpageno: page number within the level */
};

/* One FSM page, decoded: pointers into the caller's buffer. */
struct fsm_page {
	int32_t		next_slot;		/* fp_next_slot: where the next search starts */
	const uint8_t *nodes;		/* fp_nodes[FSM_NODES] */
};

/* fsm_get_location: the leaf page and slot of heap block heapblk. */
void		fsm_location(uint32_t heapblk, struct fsm_address *a, uint16_t *slot);
/* fsm_get_heap_blk: the heap block of slot on leaf page a (level 0). */
uint64_t	fsm_heap_blk(const struct fsm_address *a, uint16_t slot);
/* fsm_logical_to_physical: the block of the _fsm fork holding page a. */
uint64_t	fsm_logical_to_physical(const struct fsm_address *a);
/* The inverse: which page block blkno of the fork holds. */
void		fsm_physical_to_logical(uint64_t blkno, struct fsm_address *a);
/* fsm_get_parent: the parent page of a (level < 2) and a's slot in it. */
void		fsm_parent(const struct fsm_address *a, struct fsm_address *parent,
					   uint16_t *slot);
/* The heap blocks page a covers: [*first, *first + *count). */
void		fsm_heap_range(const struct fsm_address *a, uint64_t *first,
						   uint64_t *count);

/* fsm_space_cat_to_avail: the bytes pg_freespace() shows for category cat. */
unsigned	fsm_avail_of(uint8_t cat);
/* fsm_space_avail_to_cat: the category VACUUM records for avail free bytes. */
uint8_t		fsm_cat_of(unsigned avail);

/* Decode the FSMPageData of page (a whole BLCKSZ page). */
void		fsm_page_decode(const uint8_t *page, struct fsm_page *p);

/* fsm_get_avail: the category of leaf slot slot. */
static inline uint8_t
fsm_leaf(const struct fsm_page *p, uint16_t slot)
{
	return p->nodes[FSM_NONLEAF_NODES + slot];
}

/* The root node fp_nodes[0]: the page's maximum (fsm_get_max_avail). */
static inline uint8_t
fsm_root(const struct fsm_page *p)
{
	return p->nodes[0];
}

/*
 * The value inner node nodeno must hold: the max of its children, a child
 * past the array counting as 0 (fsm_rebuild_page's rule).
 */
uint8_t		fsm_children_max(const struct fsm_page *p, int nodeno);

/*
 * Every inner node equal to the max of its children, as fsm_set_avail()
 * and fsm_rebuild_page() keep it.  Returns the number of inner nodes that
 * disagree; if any, one D_FSM_TREE finding at blkno names the deepest.
 */
int			fsm_check_tree(const struct fsm_page *p, uint32_t blkno,
						   struct diags *ds);

/*
 * PageGetHeapFreeSpace(): what VACUUM records for a heap page: pd_upper -
 * pd_lower less one line pointer, 0 if no line pointer could be added
 * (MaxHeapTuplesPerPage of them and none unused).  0 for a new page.
 */
#define FSM_MAX_HEAP_TUPLES_PER_PAGE 291	/* MaxHeapTuplesPerPage */
unsigned	fsm_heap_page_free(const uint8_t *page);

#endif
