/*
 * btree: B-tree index pages of PostgreSQL 10..18 (access/nbtree.h,
 * access/itup.h), decoded the way pageinspect's btreefuncs.c shows them.
 *
 *   bt_meta_decode(page, &m, &ds)               block 0: BTMetaPageData
 *   bt_opaque_decode(page, &h, &o, blkno, &ds)  any other block: BTPageOpaqueData
 *   bt_page_stats(page, &h, &o, prof, blkno, &st)   bt_page_stats() columns
 *   n = bt_item_count(page, &h, &o, prof);      how many bt_page_items() rows
 *   bt_item_decode(page, &h, &o, off, prof, blkno, &it, &ds)  one of them
 *   bt_item_tid(&it, i, &tid)                   TID i of a posting list
 *
 * All functions are pure: they read the caller's BLCKSZ buffer and fill
 * caller's structs; pointers in a struct bt_item point into that buffer
 * and live as long as it does.  Nothing read from the page is trusted: a
 * tuple that does not fit its line pointer or the page, a posting list
 * that runs past its tuple, gives a finding and a clamped, safe result.
 */
#ifndef PGOD_BTREE_H
#define PGOD_BTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"
#include "page/page.h"
#include "cluster/version.h"

#define BTREE_MAGIC			0x053162	/* btm_magic */
#define BTREE_MIN_VERSION	2
#define BTREE_NOVAC_VERSION 3		/* metapage fields past btm_fastlevel valid */
#define BTREE_MAX_VERSION	4
#define BT_OPAQUE_SIZE		16		/* MAXALIGN(sizeof(BTPageOpaqueData)) */
#define P_NONE				0		/* no sibling */
#define P_HIKEY				1		/* the high key's offset on a non-rightmost page */
#define INVALID_BLOCK		0xFFFFFFFFu		/* InvalidBlockNumber */

/* btpo_flags (nbtree.h) */
#define BTP_LEAF			0x0001	/* leaf page */
#define BTP_ROOT			0x0002	/* root page (has no parent) */
#define BTP_DELETED			0x0004	/* deleted from the tree */
#define BTP_META			0x0008	/* the metapage */
#define BTP_HALF_DEAD		0x0010	/* empty, but still in the tree */
#define BTP_SPLIT_END		0x0020	/* rightmost page of a split group */
#define BTP_HAS_GARBAGE		0x0040	/* has LP_DEAD tuples */
#define BTP_INCOMPLETE_SPLIT 0x0080	/* right sibling's downlink is missing */
#define BTP_HAS_FULLXID		0x0100	/* 14+: holds BTDeletedPageData */

/* IndexTupleData.t_info (itup.h) and the t_tid offset bits (nbtree.h) */
#define INDEX_SIZE_MASK		0x1FFF
#define INDEX_ALT_TID_MASK	0x2000	/* INDEX_AM_RESERVED_BIT */
#define INDEX_VAR_MASK		0x4000
#define INDEX_NULL_MASK		0x8000
#define BT_OFFSET_MASK		0x0FFF	/* key count (pivot) or TID count (posting) */
#define BT_STATUS_OFFSET_MASK 0xF000
#define BT_PIVOT_HEAP_TID_ATTR 0x1000
#define BT_IS_POSTING		0x2000
#define INDEX_TUPLE_HEADER	8		/* MAXALIGN(sizeof(IndexTupleData)) */
#define INDEX_TUPLE_HEADER_NULLS 16 /* ... + IndexAttributeBitMapData, aligned */
#define INDEX_MAX_KEYS		32		/* columns of an index; bits of IndexAttributeBitMapData */
#define TID_SIZE			6		/* sizeof(ItemPointerData) */

/* BTMetaPageData, at PageGetContents(block 0) = offset 24. */
struct bt_meta {
	uint32_t	magic;			/* btm_magic */
	uint32_t	version;		/* btm_version */
	uint32_t	root;			/* btm_root */
	uint32_t	level;			/* btm_level */
	uint32_t	fastroot;		/* btm_fastroot */
	uint32_t	fastlevel;		/* btm_fastlevel */
	uint32_t	oldest_xact;	/* btm_oldest_btpo_xact (11..13), the same
								 * word is btm_last_cleanup_num_delpages (14+) */
	double		last_cleanup_num_heap_tuples;	/* btm_last_cleanup_num_heap_tuples */
	bool		allequalimage;	/* btm_allequalimage (13+; zero before) */
	uint16_t	btpo_flags;		/* the metapage's own opaque flags */
	bool		ok;				/* magic, version and BTP_META are right */
};

/* BTPageOpaqueData, the 16 bytes at pd_special. */
struct bt_opaque {
	uint32_t	prev;			/* btpo_prev: left sibling or P_NONE */
	uint32_t	next;			/* btpo_next: right sibling or P_NONE */
	uint32_t	level;			/* btpo.level (10..13) / btpo_level (14+); the
								 * deletion XID btpo.xact on 10..13 deleted pages */
	uint16_t	flags;			/* btpo_flags */
	uint16_t	cycleid;		/* btpo_cycleid */
	bool		ok;				/* pd_special leaves exactly 16 bytes */
};

/* One row of bt_page_stats(). */
struct bt_stats {
	char		type;			/* 'l', 'i', 'r', 'e' (half-dead), 'd', 'D' (14+) */
	uint32_t	live_items;
	uint32_t	dead_items;
	uint32_t	avg_item_size;
	uint32_t	page_size;
	uint32_t	free_size;		/* PageGetFreeSpace() */
	int64_t		btpo_prev;		/* -1 where 10..13 print InvalidBlockNumber as %d */
	int64_t		btpo_next;
	uint32_t	btpo_level;		/* "btpo" before 14: level, or xact if deleted */
	uint16_t	btpo_flags;		/* 0 on 10..13 deleted pages (not read there) */
};

struct bt_tid {
	uint32_t	block;			/* ip_blkid: bi_hi << 16 | bi_lo */
	uint16_t	offset;			/* ip_posid */
};

/* One row of bt_page_items(), plus what nbtree.h says about the tuple. */
struct bt_item {
	uint16_t	itemoffset;		/* line pointer number */
	struct line_pointer lp;
	struct bt_tid ctid;			/* t_tid as stored (a downlink, counts, ...) */
	uint16_t	t_info;			/* t_info */
	uint16_t	itemlen;		/* IndexTupleSize() */
	bool		nulls;			/* IndexTupleHasNulls() */
	bool		vars;			/* IndexTupleHasVarwidths() */
	const uint8_t *tuple;		/* the tuple's first byte in the page */
	const uint8_t *data;		/* the "data" column's bytes */
	size_t		data_len;
	const uint8_t *key;			/* the bytes after t_info up to the posting
								 * list or pivot heap TID (null bitmap, keys,
								 * INCLUDE columns, padding) */
	size_t		key_len;
	bool		pivot;			/* shown as a pivot: not leaf, or the high key */
	bool		is_pivot;		/* BTreeTupleIsPivot() */
	bool		is_posting;		/* BTreeTupleIsPosting() */
	uint16_t	natts;			/* key attributes stored, for pivots with
								 * INDEX_ALT_TID_MASK; 0 if not known */
	bool		dead;			/* ItemIdIsDead() */
	bool		has_htid;		/* the "htid" column is not NULL */
	struct bt_tid htid;
	uint16_t	nposting;		/* posting list TIDs (0 if not a posting tuple) */
	const uint8_t *posting;		/* the first of them, in the page */
	bool		ok;				/* the tuple fits its line pointer and the page */
};

/* Metapage of block 0.  Returns true if it is a B-tree metapage. */
bool		bt_meta_decode(const uint8_t *page, struct bt_meta *m,
						   struct diags *ds);

/* Opaque data of a non-new page; false (and a finding) if no room for it. */
bool		bt_opaque_decode(const uint8_t *page, const struct page_header *h,
							 struct bt_opaque *o, uint32_t blkno,
							 struct diags *ds);

/* bt_page_stats() of one page, with the rules of the profile's major. */
void		bt_page_stats(const uint8_t *page, const struct page_header *h,
						  const struct bt_opaque *o,
						  const struct pg_profile *prof, struct bt_stats *st);

/* The number of rows bt_page_items() gives for the page. */
unsigned	bt_item_count(const struct page_header *h, const struct bt_opaque *o,
						  const struct pg_profile *prof);

/*
 * Item off (1-based) as bt_page_items() shows it.  Returns false if the
 * item cannot be shown (line pointer or tuple out of bounds: finding
 * added, it->ok false, data empty).
 */
bool		bt_item_decode(const uint8_t *page, const struct page_header *h,
						   const struct bt_opaque *o, unsigned off,
						   const struct pg_profile *prof, uint32_t blkno,
						   struct bt_item *it, struct diags *ds);

/* TID i (< it->nposting) of a posting list. */
void		bt_item_tid(const struct bt_item *it, unsigned i, struct bt_tid *tid);

/* -1, 0, 1 as ItemPointerCompare(). */
int			bt_tid_cmp(const struct bt_tid *a, const struct bt_tid *b);

/* Flag names of btpo_flags ("LEAF", "ROOT", ...) into names[]; returns count. */
int			bt_flag_names(uint16_t flags, const char *names[], int max);

/* "(block,offset)" as the tid type prints it; buf of >= 24 bytes. */
void		bt_tid_format(const struct bt_tid *t, char *buf, size_t size);

#endif
