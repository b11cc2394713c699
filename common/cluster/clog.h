/*
 * clog: transaction status from pg_xact (clog.c's layout, every major
 * 10..18): two bits per XID, CLOG_XACTS_PER_PAGE per 8 KiB page, 32 pages
 * per SLRU segment file named %04X.
 *
 *   struct clog *c = clog_open("PGDATA/pg_xact");
 *   enum clog_status s = clog_status(c, xid);
 *   clog_close(c);
 *
 * clog_status_in() is the pure part (a segment's bytes in, a status out);
 * clog_status() reads the pages it needs through cluster/slru.h, keeping a
 * few 8 KiB pages in memory, never a whole segment.  A segment file may be
 * gzip'd (NAME.gz).  An XID whose segment is missing or too short is
 * CLOG_UNKNOWN, never a guess; clog_missing() then tells a missing file
 * from a short one, and clog_first_report() lets a caller say so once per
 * segment.  These are the raw two bits: what they mean for a transaction
 * (sub-commits, special and too old XIDs, a crash) is cluster/xact.h's.
 */
#ifndef PGOD_CLOG_H
#define PGOD_CLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CLOG_BITS_PER_XACT		2		/* CLOG_BITS_PER_XACT */
#define CLOG_XACTS_PER_BYTE		4		/* CLOG_XACTS_PER_BYTE */
#define CLOG_XACTS_PER_PAGE		32768	/* BLCKSZ * CLOG_XACTS_PER_BYTE */
#define CLOG_PAGES_PER_SEGMENT	32		/* SLRU_PAGES_PER_SEGMENT */
#define CLOG_SEGMENT_BYTES		(CLOG_PAGES_PER_SEGMENT * 8192)

enum clog_status {
	CLOG_IN_PROGRESS = 0,		/* TRANSACTION_STATUS_IN_PROGRESS */
	CLOG_COMMITTED = 1,			/* TRANSACTION_STATUS_COMMITTED */
	CLOG_ABORTED = 2,			/* TRANSACTION_STATUS_ABORTED */
	CLOG_SUB_COMMITTED = 3,		/* TRANSACTION_STATUS_SUB_COMMITTED */
	CLOG_UNKNOWN = 4			/* not in the files we have */
};

/* Segment file number and byte offset in it of xid's two bits. */
uint32_t	clog_segment_of(uint32_t xid);
size_t		clog_byte_of(uint32_t xid);

/*
 * Status of xid from seg, the len bytes of its segment file.  XIDs 1
 * (bootstrap) and 2 (frozen) are committed; 0 (invalid) is aborted, as
 * TransactionIdDidCommit/DidAbort see them.
 */
enum clog_status clog_status_in(const uint8_t *seg, size_t len, uint32_t xid);

const char *clog_status_name(enum clog_status s);	/* "committed", ... */

struct clog;

struct clog *clog_open(const char *dir);
enum clog_status clog_status(struct clog *c, uint32_t xid);
void		clog_close(struct clog *c);

/* After CLOG_UNKNOWN: true when xid's segment file is not there at all. */
bool		clog_missing(struct clog *c, uint32_t xid);
/* True the first time it is called for xid's segment on this handle. */
bool		clog_first_report(struct clog *c, uint32_t xid);

#endif
