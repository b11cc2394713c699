/*
 * walheap: the heap tuples a Heap or Heap2 WAL record carries (INSERT,
 * MULTI_INSERT, UPDATE, HOT_UPDATE, DELETE, INPLACE), as heapam_xlog.h
 * lays them out in 10..18, and a carried tuple put back together as the
 * HeapTupleHeaderData + t_bits + data a page would hold (heap_xlog_insert,
 * heap_xlog_update's reconstruction).
 *
 *   struct walheap h;
 *   if (walheap_decode(&rec, &h) == 0)
 *       for each h.t[i]: walheap_build(&h.t[i], xid, old, oldlen, buf, size)
 *
 * Pure: the decoded tuples point into the record's bytes.  What the
 * record does not carry is said, not made up: a tuple left out because
 * the block reference has a full page image (WHS_IN_IMAGE: read it from
 * the image at offnum), an update that carries only the middle of its new
 * tuple (WHS_NEEDS_OLD: the prefix and suffix come from the old tuple,
 * which the caller must know from elsewhere), a record too short
 * (WHS_BAD).  The record layouts are the same in every major 10..18.
 */
#ifndef PGOD_WALHEAP_H
#define PGOD_WALHEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wal/walrecord.h"

#define WALHEAP_MAX_TUPLES 292	/* MaxHeapTuplesPerPage (291) + 1 */

/* XLOG_HEAP_* / XLOG_HEAP2_* record kinds this decoder knows */
enum walheap_op {
	WHO_NONE,					/* not a record carrying tuples */
	WHO_INSERT,
	WHO_MULTI_INSERT,
	WHO_UPDATE,
	WHO_HOT_UPDATE,
	WHO_DELETE,
	WHO_INPLACE
};

enum walheap_status {
	WHS_OK,						/* the record holds all of the tuple */
	WHS_IN_IMAGE,				/* not in the record: in its full page image */
	WHS_NEEDS_OLD,				/* prefix/suffix compressed: needs the old tuple */
	WHS_BAD						/* the record does not hold together */
};

/* One tuple of the record: xl_heap_header and what follows it. */
struct walheap_tuple {
	bool		old;			/* the old (deleted / updated) tuple, else the new */
	bool		key_only;		/* XLH_*_CONTAINS_OLD_KEY: replica identity columns only */
	enum walheap_status status;
	int			block_id;		/* the block reference holding its page */
	uint32_t	blkno;			/* that page */
	uint16_t	offnum;			/* its line pointer */
	uint16_t	infomask2;		/* xl_heap_header.t_infomask2 */
	uint16_t	infomask;		/* xl_heap_header.t_infomask */
	uint8_t		hoff;			/* xl_heap_header.t_hoff */
	const uint8_t *data;		/* from t_bits on (bitmap, padding, oid, data) */
	uint32_t	len;			/* bytes at data */
	uint16_t	prefixlen;		/* bytes of data taken from the old tuple's start */
	uint16_t	suffixlen;		/* ... and from its end */
};

struct walheap {
	enum walheap_op op;
	bool		init_page;		/* XLOG_HEAP_INIT_PAGE: the page starts empty */
	int			target_block;	/* UPDATE/DELETE/INPLACE: block ref of the old tuple */
	uint32_t	target_blkno;	/* its page */
	uint16_t	target_offnum;	/* old_offnum / offnum */
	int			n;				/* tuples in t */
	struct walheap_tuple t[WALHEAP_MAX_TUPLES];
};

/* rmgr ids and record kinds (rmgrlist.h, heapam_xlog.h) */
#define WALHEAP_RM_HEAP2 9
#define WALHEAP_RM_HEAP 10

/*
 * Decode r.  0 (h->op WHO_NONE for records that carry no tuple), or -1
 * when the record is too short for its kind (h->op set, h->n 0).
 */
int			walheap_decode(const struct walrec *r, struct walheap *h);

/*
 * The tuple as the page holds it, into buf: a 23-byte header (xmin as
 * given, xmax 0, ctid at blkno/offnum, the infomasks and t_hoff from the
 * record), then t_bits on.  For WHS_NEEDS_OLD, old is the old tuple as the
 * page held it (header included, oldlen bytes).  Returns the length, or 0
 * if it cannot be built (too big for buf, old tuple too short for the
 * prefix and suffix, a status that is not OK or NEEDS_OLD).
 */
size_t		walheap_build(const struct walheap_tuple *t, uint32_t xmin,
						  const uint8_t *old, size_t oldlen,
						  uint8_t *buf, size_t size);

#endif
