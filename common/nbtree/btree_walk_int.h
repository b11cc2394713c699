/*
 * btree_walk_int: what btree_pagesum.c gathers of each page and
 * btree_walk.c walks -- the state behind struct bt_tree, shared by the two
 * files of the module and included by nothing else.
 */
#ifndef PGOD_BTREE_WALK_INT_H
#define PGOD_BTREE_WALK_INT_H

#include "nbtree/btree_walk.h"

struct bt_sum {
	uint8_t		state;			/* enum bt_sum_state */
	uint16_t	flags;			/* btpo_flags */
	uint32_t	prev;			/* btpo_prev */
	uint32_t	next;			/* btpo_next */
	uint32_t	level;			/* btpo_level */
	uint32_t	nitems;			/* tuples without the high key */
	uint32_t	free;			/* PageGetFreeSpace() */
	uint32_t	down_first;		/* first downlink in bt_tree.down */
	uint32_t	ndown;			/* downlinks of an internal page */
	uint32_t	walk_level;		/* level + 1 the walk reached it at; 0 not */
	uint32_t	walk_pos;		/* its place on that level's chain */
	uint64_t	hk_hash;		/* pivot_hash() of the high key, if has_hk */
	uint32_t	hk_block;		/* the high key's t_tid block: a half-dead
								 * leaf's top parent (BTreeTupleGetTopParent) */
	bool		has_hk;			/* not rightmost, and the high key decoded */
};

/* The separator after a downlink: the next pivot, or the page's high key. */
enum sep_kind {
	SEP_UNKNOWN = 0,			/* the tuple did not decode: not compared */
	SEP_KEY,					/* sep_hash holds it */
	SEP_INFINITY				/* last downlink of a rightmost page */
};

struct bt_down {
	uint32_t	child;			/* BTreeTupleGetDownLink() */
	uint16_t	item;			/* offset of the pivot tuple in its page */
	uint16_t	sep_item;		/* offset of the separator (1: the high key) */
	uint8_t		sep_kind;		/* enum sep_kind */
	uint64_t	sep_hash;		/* pivot_hash() of the separator */
};

struct bt_tree {
	struct bt_sum *s;			/* one per block, indexed by block number */
	uint32_t	n;				/* blocks seen: highest block number + 1 */
	uint32_t	cap;
	struct bt_down *d;
	uint32_t	nd;
	uint32_t	capd;
	struct bt_meta meta;
	bool		has_meta;
	bool		too_many_down;	/* downlinks past RELSEG_SIZE were dropped */
	bool		said_too_many;	/* and a finding said so */
};

#endif
