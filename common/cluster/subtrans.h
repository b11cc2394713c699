/*
 * subtrans: the parent of a subtransaction's XID from pg_subtrans, as
 * src/backend/access/transam/subtrans.c lays it out (every major 10..18):
 * one TransactionId (4 bytes, little-endian) per XID, SUBTRANS_XACTS_PER_PAGE
 * per 8 KiB page, 32 pages per segment file named %04X.  An entry of 0
 * means no parent (a top-level transaction, or one the file never heard of).
 *
 *   struct subtrans *st = subtrans_open("PGDATA/pg_subtrans");
 *   uint32_t parent;
 *   switch (subtrans_parent(st, xid, &parent)) { ... }
 *   subtrans_close(st);
 *
 * pg_subtrans is not crash-safe: the server zeroes it from oldestActiveXid
 * at every start, so after a clean shutdown its contents are the last
 * checkpoint's.  Whether an answer is still meaningful is cluster/xact.h's
 * business; this module only reads the bytes.  A missing or short segment
 * is SUBTRANS_UNKNOWN, never a guess.  Memory: cluster/slru.h's few pages.
 */
#ifndef PGOD_SUBTRANS_H
#define PGOD_SUBTRANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SUBTRANS_XACTS_PER_PAGE	2048	/* BLCKSZ / sizeof(TransactionId) */

enum subtrans_result {
	SUBTRANS_PARENT,			/* *parent holds the parent XID */
	SUBTRANS_NONE,				/* the entry is 0 (InvalidTransactionId) */
	SUBTRANS_UNKNOWN			/* the segment is missing or too short */
};

/* Page (TransactionIdToPage) and byte offset in it of xid's entry. */
uint32_t	subtrans_page_of(uint32_t xid);
size_t		subtrans_offset_of(uint32_t xid);
uint32_t	subtrans_segment_of(uint32_t xid);

/* Pure: xid's entry from page, the len bytes of its page on disk. */
enum subtrans_result subtrans_parent_in(const uint8_t *page, size_t len,
										uint32_t xid, uint32_t *parent);

struct subtrans;

struct subtrans *subtrans_open(const char *dir);	/* NULL: out of memory */
enum subtrans_result subtrans_parent(struct subtrans *st, uint32_t xid,
									 uint32_t *parent);
/* After SUBTRANS_UNKNOWN: true when the segment file is not there at all. */
bool		subtrans_missing(struct subtrans *st, uint32_t xid);
/* True the first time it is called for xid's segment on this handle. */
bool		subtrans_first_report(struct subtrans *st, uint32_t xid);
/* true when pg_subtrans itself is not in this copy (see slru_dir_absent) */
bool		subtrans_dir_absent(struct subtrans *st);
void		subtrans_close(struct subtrans *st);

#endif
