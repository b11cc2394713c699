/*
 * heaptuple: the heap tuple header (HeapTupleHeaderData, htup_details.h),
 * the same in every major 10..18, and its infomask bits.
 *
 * heaptuple_decode() takes the bytes a line pointer points at and its
 * lp_len, and fills a struct heap_tuple: the fixed header fields, and when
 * t_hoff allows, the null bitmap, the OID of a pre-12 table WITH OIDS and
 * the user data.  It never reads past lp_len; a header too short to hold
 * or a t_hoff that does not fit is reported in the status, never trusted.
 * Pointers in the struct point into the caller's buffer and live as long as
 * it does.  The predicates mirror PostgreSQL's macros of the same meaning
 * (HeapTupleHeaderXminFrozen, HEAP_XMAX_IS_LOCKED_ONLY, ...).
 *
 * Pure: no printing, no allocation, no exit.
 */
#ifndef PGOD_HEAPTUPLE_H
#define PGOD_HEAPTUPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIZEOF_HEAP_TUPLE_HEADER 23	/* SizeofHeapTupleHeader: offsetof(t_bits) */
#define MIN_HEAP_TUPLE_SIZE 24		/* MinHeapTupleSize: MAXALIGN of the above */
#define MAX_HEAP_ATTRIBUTES 1600	/* MaxHeapAttributeNumber */
#define HEAPTUPLE_BITMAPLEN(natts) (((unsigned) (natts) + 7) / 8)	/* BITMAPLEN */

/* t_infomask */
#define HEAP_HASNULL			0x0001	/* has null attribute(s) */
#define HEAP_HASVARWIDTH		0x0002	/* has variable-width attribute(s) */
#define HEAP_HASEXTERNAL		0x0004	/* has external stored attribute(s) */
#define HEAP_HASOID_OLD			0x0008	/* has an object-id field (HEAP_HASOID < 12) */
#define HEAP_XMAX_KEYSHR_LOCK	0x0010	/* xmax is a key-shared locker */
#define HEAP_COMBOCID			0x0020	/* t_cid is a combo CID */
#define HEAP_XMAX_EXCL_LOCK		0x0040	/* xmax is exclusive locker */
#define HEAP_XMAX_LOCK_ONLY		0x0080	/* xmax, if valid, is only a locker */
#define HEAP_XMAX_SHR_LOCK		(HEAP_XMAX_EXCL_LOCK | HEAP_XMAX_KEYSHR_LOCK)
#define HEAP_LOCK_MASK			(HEAP_XMAX_SHR_LOCK | HEAP_XMAX_EXCL_LOCK | \
								 HEAP_XMAX_KEYSHR_LOCK)
#define HEAP_XMIN_COMMITTED		0x0100	/* t_xmin committed */
#define HEAP_XMIN_INVALID		0x0200	/* t_xmin invalid/aborted */
#define HEAP_XMIN_FROZEN		(HEAP_XMIN_COMMITTED | HEAP_XMIN_INVALID)
#define HEAP_XMAX_COMMITTED		0x0400	/* t_xmax committed */
#define HEAP_XMAX_INVALID		0x0800	/* t_xmax invalid/aborted */
#define HEAP_XMAX_IS_MULTI		0x1000	/* t_xmax is a MultiXactId */
#define HEAP_UPDATED			0x2000	/* this is UPDATEd version of row */
#define HEAP_MOVED_OFF			0x4000	/* moved elsewhere by pre-9.0 VACUUM FULL */
#define HEAP_MOVED_IN			0x8000	/* moved here by pre-9.0 VACUUM FULL */
#define HEAP_MOVED				(HEAP_MOVED_OFF | HEAP_MOVED_IN)
#define HEAP_XACT_MASK			0xFFF0	/* visibility-related bits */

/* t_infomask2 */
#define HEAP_NATTS_MASK			0x07FF	/* 11 bits for number of attributes */
#define HEAP_KEYS_UPDATED		0x2000	/* tuple was updated and key cols modified, or deleted */
#define HEAP_HOT_UPDATED		0x4000	/* tuple was HOT-updated */
#define HEAP_ONLY_TUPLE			0x8000	/* this is heap-only tuple */
#define HEAP2_XACT_MASK			0xE000	/* visibility-related bits */

#define INVALID_TRANSACTION_ID	0		/* InvalidTransactionId */
#define FROZEN_TRANSACTION_ID	2		/* FrozenTransactionId */

/* How much of the tuple could be decoded; each level includes the ones before. */
enum heaptuple_status {
	HT_TOO_SHORT,		/* lp_len < SizeofHeapTupleHeader: nothing decoded */
	HT_BAD_HOFF,		/* header fields only: t_hoff < 23, > lp_len or not MAXALIGNed */
	HT_BAD_BITMAP,		/* as HT_OK, but HEAP_HASNULL and BITMAPLEN(natts) > t_hoff - 23:
						 * bits is NULL */
	HT_OK				/* everything decoded */
};

struct heap_tuple {
	enum heaptuple_status status;
	const uint8_t *raw;			/* the tuple: HeapTupleHeader, lp_len bytes */
	uint16_t	len;			/* lp_len */
	uint32_t	xmin;			/* t_heap.t_xmin: inserting xact (raw, not frozen-mapped) */
	uint32_t	xmax;			/* t_heap.t_xmax: deleting or locking xact */
	uint32_t	field3;			/* t_heap.t_field3: t_cid, or t_xvac if HEAP_MOVED */
	uint32_t	ctid_block;		/* t_ctid.ip_blkid: bi_hi << 16 | bi_lo */
	uint16_t	ctid_offset;	/* t_ctid.ip_posid */
	uint16_t	infomask2;		/* t_infomask2: natts and HEAP2 flag bits */
	uint16_t	infomask;		/* t_infomask */
	uint8_t		hoff;			/* t_hoff: offset to the user data */
	uint16_t	natts;			/* t_infomask2 & HEAP_NATTS_MASK */
	const uint8_t *bits;		/* t_bits: null bitmap (1 = not null), NULL if
								 * !HEAP_HASNULL or it does not fit before t_hoff */
	uint16_t	bits_len;		/* bytes of t_bits: BITMAPLEN(natts), 0 if none */
	bool		has_oid;		/* HEAP_HASOID_OLD and t_hoff lets us read it */
	uint32_t	oid;			/* the Oid just before t_hoff (WITH OIDS, < 12) */
	const uint8_t *data;		/* user data at t_hoff, NULL below HT_BAD_BITMAP */
	uint16_t	data_len;		/* lp_len - t_hoff */
};

/*
 * Decode the lp_len bytes at tup.  Returns t->status; fields beyond what the
 * status allows are zero/NULL.  tup may be NULL only when lp_len is 0.
 */
enum heaptuple_status heaptuple_decode(const uint8_t *tup, uint16_t lp_len,
									   struct heap_tuple *t);

/*
 * Is attribute attnum (1-based, as attnum in pg_attribute) null?  Like
 * heap_attisnull(): attributes past natts are not stored (null, or their
 * missing default from 11 on); without a null bitmap none is null.
 * attnum < 1 returns false.
 */
bool		heaptuple_att_isnull(const struct heap_tuple *t, unsigned attnum);

/* HeapTupleHeaderXminCommitted */
static inline bool
heaptuple_xmin_committed(const struct heap_tuple *t)
{
	return (t->infomask & HEAP_XMIN_COMMITTED) != 0;
}

/* HeapTupleHeaderXminInvalid: HEAP_XMIN_INVALID without COMMITTED */
static inline bool
heaptuple_xmin_invalid(const struct heap_tuple *t)
{
	return (t->infomask & HEAP_XMIN_FROZEN) == HEAP_XMIN_INVALID;
}

/* HeapTupleHeaderXminFrozen: both bits */
static inline bool
heaptuple_xmin_frozen(const struct heap_tuple *t)
{
	return (t->infomask & HEAP_XMIN_FROZEN) == HEAP_XMIN_FROZEN;
}

/* HeapTupleHeaderGetXmin: FrozenTransactionId when frozen, else t_xmin */
static inline uint32_t
heaptuple_xmin(const struct heap_tuple *t)
{
	return heaptuple_xmin_frozen(t) ? FROZEN_TRANSACTION_ID : t->xmin;
}

/* HEAP_XMAX_INVALID is set (a hint: xmax aborted or never set) */
static inline bool
heaptuple_xmax_invalid(const struct heap_tuple *t)
{
	return (t->infomask & HEAP_XMAX_INVALID) != 0;
}

/* HEAP_XMAX_COMMITTED is set */
static inline bool
heaptuple_xmax_committed(const struct heap_tuple *t)
{
	return (t->infomask & HEAP_XMAX_COMMITTED) != 0;
}

/* HEAP_XMAX_IS_MULTI is set: t_xmax is a MultiXactId */
static inline bool
heaptuple_xmax_is_multi(const struct heap_tuple *t)
{
	return (t->infomask & HEAP_XMAX_IS_MULTI) != 0;
}

/* HEAP_XMAX_IS_LOCKED_ONLY: xmax only locks, it did not update or delete */
static inline bool
heaptuple_xmax_locked_only(const struct heap_tuple *t)
{
	return (t->infomask & HEAP_XMAX_LOCK_ONLY) != 0 ||
		(t->infomask & (HEAP_XMAX_IS_MULTI | HEAP_LOCK_MASK)) == HEAP_XMAX_EXCL_LOCK;
}

/* HeapTupleHeaderIsHotUpdated: flagged, xmax not invalid, xmin not invalid */
static inline bool
heaptuple_is_hot_updated(const struct heap_tuple *t)
{
	return (t->infomask2 & HEAP_HOT_UPDATED) != 0 &&
		(t->infomask & HEAP_XMAX_INVALID) == 0 &&
		!heaptuple_xmin_invalid(t);
}

/* HeapTupleHeaderIsHeapOnly */
static inline bool
heaptuple_is_heap_only(const struct heap_tuple *t)
{
	return (t->infomask2 & HEAP_ONLY_TUPLE) != 0;
}

/* t_field3 is t_xvac (pre-9.0 VACUUM FULL), not t_cid */
static inline bool
heaptuple_has_xvac(const struct heap_tuple *t)
{
	return (t->infomask & HEAP_MOVED) != 0;
}

/*
 * The flag names heap_tuple_infomask_flags() gives (pageinspect 13+), in
 * its order, into names[] (up to max); returns how many.  raw: every set
 * bit of t_infomask then t_infomask2 ("HEAP_HASNULL", ...); combined:
 * "HEAP_XMAX_SHR_LOCK", "HEAP_XMIN_FROZEN", "HEAP_MOVED" when all their
 * bits are set.  The names are static strings.
 */
#define HEAPTUPLE_MAX_RAW_FLAGS 19
#define HEAPTUPLE_MAX_COMBINED_FLAGS 3
int			heaptuple_raw_flags(uint16_t infomask, uint16_t infomask2,
								const char *names[], int max);
int			heaptuple_combined_flags(uint16_t infomask,
									 const char *names[], int max);

/*
 * t_bits as heap_page_items() shows it: one '0'/'1' per bit of the
 * BITMAPLEN(natts) bytes (so a multiple of 8), NUL-terminated.  buf needs
 * bits_len * 8 + 1 bytes; returns the string length, 0 if no bitmap.
 */
size_t		heaptuple_bits_text(const struct heap_tuple *t, char *buf, size_t size);

/* t_ctid as tid prints it: "(block,offset)".  Returns snprintf's count. */
int			heaptuple_ctid_text(const struct heap_tuple *t, char *buf, size_t size);

#endif
