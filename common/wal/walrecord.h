/*
 * walrecord: one assembled WAL record decoded into its parts, as
 * xlogreader.c's DecodeXLogRecord does: the XLogRecord header, the block
 * references (with their page images and data), origin, top-level xid and
 * the main data.
 *
 *   const struct pg_profile *p = pg_profile_by_major(15);
 *   struct walrec rec;
 *   if (walrecord_decode(p, raw.data, raw.len, raw.lsn, &rec, &ds) == 0) ...
 *
 * Pure: the decoded record points into the caller's bytes (images, block
 * data, main data are not copied) and is valid as long as they are.  Every
 * length is checked against the record before use; a record that does not
 * add up gives -1 and a D_WAL_RECORD finding.
 *
 * What differs between majors in the record format is read from the
 * profile (cluster/version.h): the bit values of bimg_info (wal_bimg_v15:
 * 15 moved APPLY and added per-method compression bits) and whether block
 * id 252 (top-level xid) exists (wal_toplevel_xid).
 */
#ifndef PGOD_WALRECORD_H
#define PGOD_WALRECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "cluster/version.h"
#include "out/diag.h"

#define WAL_MAX_BLOCK_ID 32		/* XLR_MAX_BLOCK_ID */
#define WAL_BLCKSZ 8192			/* BLCKSZ: 8 KiB pages only */

/* XLogRecord.xl_info: the low four bits belong to the record machinery. */
#define XLR_INFO_MASK 0x0F
#define XLR_RMGR_INFO_MASK 0xF0
#define XLR_SPECIAL_REL_UPDATE 0x01
#define XLR_CHECK_CONSISTENCY 0x02

/* XLogRecordBlockHeader.fork_flags */
#define BKPBLOCK_FORK_MASK 0x0F
#define BKPBLOCK_HAS_IMAGE 0x10
#define BKPBLOCK_HAS_DATA 0x20
#define BKPBLOCK_WILL_INIT 0x40
#define BKPBLOCK_SAME_REL 0x80

enum wal_compression {
	WALC_NONE,
	WALC_PGLZ,
	WALC_LZ4,
	WALC_ZSTD,
	WALC_UNKNOWN
};

/* DecodedBkpBlock */
struct walblock {
	bool		in_use;
	uint8_t		fork;			/* fork_flags & BKPBLOCK_FORK_MASK */
	uint8_t		flags;			/* fork_flags */
	uint32_t	spcoid;			/* RelFileNode.spcNode / RelFileLocator.spcOid */
	uint32_t	dboid;			/* dbNode / dbOid */
	uint32_t	relnumber;		/* relNode / relNumber */
	uint32_t	blkno;			/* BlockNumber */
	bool		has_data;
	uint16_t	data_len;		/* data_length */
	const uint8_t *data;
	bool		has_image;
	bool		apply_image;	/* BKPIMAGE_APPLY */
	uint16_t	bimg_len;		/* XLogRecordBlockImageHeader.length */
	uint16_t	hole_offset;	/* hole_offset */
	uint16_t	hole_length;	/* XLogRecordBlockCompressHeader.hole_length, or derived */
	uint8_t		bimg_info;		/* bimg_info, raw */
	enum wal_compression compression;
	const uint8_t *image;
};

struct walrec {
	uint64_t	lsn;			/* ReadRecPtr */
	uint32_t	tot_len;		/* xl_tot_len */
	uint32_t	xid;			/* xl_xid */
	uint64_t	prev;			/* xl_prev */
	uint8_t		info;			/* xl_info */
	uint8_t		rmid;			/* xl_rmid */
	uint32_t	crc;			/* xl_crc */
	uint16_t	origin;			/* record_origin; 0 = InvalidRepOriginId */
	uint32_t	toplevel_xid;	/* 0 = InvalidTransactionId */
	int			max_block_id;	/* -1: no block references */
	struct walblock blocks[WAL_MAX_BLOCK_ID + 1];
	const uint8_t *main_data;
	uint32_t	main_data_len;
	uint32_t	fpi_len;		/* sum of bimg_len (XLogRecGetLen) */
};

int			walrecord_decode(const struct pg_profile *prof, const uint8_t *rec,
							 uint32_t len, uint64_t lsn, struct walrec *out,
							 struct diags *ds);

const char *wal_compression_name(enum wal_compression c);	/* "pglz", ... */
extern const char *const wal_fork_names[4];	/* forkNames: main fsm vm init */

static inline bool
walrec_has_block(const struct walrec *r, int id)
{
	return id >= 0 && id <= r->max_block_id && r->blocks[id].in_use;
}

#endif
