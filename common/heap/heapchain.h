/*
 * heapchain: the versions of each row of a heap relation in order, by
 * following update chains through t_ctid as heap_get_latest_tid() and
 * heap_hot_search_buffer() do (access/heap/heapam.c): a version's
 * successor is the tuple its t_ctid names, if that tuple's xmin is the
 * transaction that updated it (HeapTupleUpdateXmaxMatchesXmin); HOT and
 * non-HOT updates alike.
 *
 *   struct heapchain_ref refs[n];   every tuple, in (blkno, lp) order
 *   struct heapchain_pos pos[n];
 *   heapchain_order(refs, n, pos);  pos[k]: the k-th version to print
 *
 * Each chain starts at a version nothing points at (an insert, or the
 * first version left on disk), chains in the order of their first
 * version's ctid; a version two tuples claim goes to the first; a cycle
 * (damage) is broken where it closes.  Every tuple appears exactly once.
 *
 * Pure: the caller owns both arrays; O(n log n), no allocation but one
 * array of n entries (returns -1 when it cannot have it).
 */
#ifndef PGOD_HEAPCHAIN_H
#define PGOD_HEAPCHAIN_H

#include <stddef.h>
#include <stdint.h>

struct heapchain_ref {
	uint32_t	blkno;			/* the tuple's own ctid ... */
	uint16_t	lp;				/* ... */
	uint32_t	xmin;			/* t_xmin */
	uint32_t	upd_xid;		/* the transaction that updated it (t_xmax, or a
								 * multixact's updater); 0: not updated */
	uint32_t	next_blkno;		/* t_ctid: the new version, if updated */
	uint16_t	next_lp;
};

struct heapchain_pos {
	size_t		ref;			/* index into refs */
	size_t		root;			/* index of its chain's first version */
	uint32_t	version;		/* 1, 2, ... along its chain */
};

int			heapchain_order(const struct heapchain_ref *refs, size_t n,
							struct heapchain_pos *pos);

#endif
