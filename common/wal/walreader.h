/*
 * walreader: WAL pages in, whole records out, as PostgreSQL's xlogreader
 * assembles them.
 *
 *   struct walreader_config cfg = {seg_size, page_size, magic, read_page, arg};
 *   struct walreader *r = walreader_create(&cfg);
 *   walreader_seek(r, lsn);                      first record at or after lsn
 *   while ((res = walreader_next(r, &rec, &ds)) == WR_RECORD) { ... }
 *   WR_END: the WAL ends here (zeroed or recycled space, no more input): a
 *           notice in ds, not damage.
 *   WR_DAMAGE: a bad page header, record header, CRC or continuation; the
 *           finding is in ds.  With cfg.keep_going the next call resumes at
 *           the next page that starts a record (a D_WAL_SKIPPED finding, lsn to lsn_to,
 *           says what was passed over); without it, every later call
 *           returns WR_END.
 *   walreader_free(r);
 *
 * Pages come from the caller's read_page callback, asked for in increasing
 * order of address, so a caller can stream segments from gzip'd files or a
 * pipe.  One exception: with keep_going, after a record found bad it looks
 * at the next page (is this the end of the WAL?), then resumes on the page
 * the record was found bad on: a streaming caller keeps its last two pages.  The record handed out (rec.data)
 * points into the reader or into the page the callback returned, and stays
 * valid until the next call.  Memory: one record buffer that grows with the
 * data actually read (never with a length the file merely claims), capped
 * at WALREADER_MAX_RECORD.
 *
 * The reader checks what xlogreader.c checks: page magic, info bits, long
 * header on a segment's first page, segment and page size, page address,
 * timeline not going backwards; record length, rmgr id, prev-link, and the
 * CRC-32C of every record; XLP_FIRST_IS_CONTRECORD and xlp_rem_len on
 * every continuation page.  XLOG_SWITCH ends its segment.
 */
#ifndef PGOD_WALREADER_H
#define PGOD_WALREADER_H

#include <stdbool.h>
#include <stdint.h>

#include "out/diag.h"

/* XLogPageHeaderData / XLogLongPageHeaderData (access/xlog_internal.h) */
#define WAL_SHORT_PHD 24		/* SizeOfXLogShortPHD, MAXALIGN'd */
#define WAL_LONG_PHD 40			/* SizeOfXLogLongPHD */
#define WAL_RECORD_HDR 24		/* SizeOfXLogRecord */
#define WAL_MAXALIGN(x) (((x) + 7) & ~(uint64_t) 7)

#define XLP_FIRST_IS_CONTRECORD 0x0001
#define XLP_LONG_HEADER 0x0002
#define XLP_BKP_REMOVABLE 0x0004
#define XLP_FIRST_IS_OVERWRITE_CONTRECORD 0x0008
#define XLP_ALL_FLAGS 0x000F

/* Larger than any record PostgreSQL writes (XLogRecordMaxSize is 1020 MB). */
#define WALREADER_MAX_RECORD (1024u * 1024u * 1024u)

struct wal_page_header {
	uint16_t	magic;			/* xlp_magic */
	uint16_t	info;			/* xlp_info */
	uint32_t	tli;			/* xlp_tli */
	uint64_t	pageaddr;		/* xlp_pageaddr */
	uint32_t	rem_len;		/* xlp_rem_len */
	/* long header only (XLP_LONG_HEADER) */
	uint64_t	sysid;			/* xlp_sysid */
	uint32_t	seg_size;		/* xlp_seg_size */
	uint32_t	xlog_blcksz;	/* xlp_xlog_blcksz */
};

/* Decode the header at the start of a WAL page (at least WAL_LONG_PHD bytes). */
void		wal_page_header_decode(const uint8_t *p, struct wal_page_header *h);
static inline uint32_t
wal_page_header_size(const struct wal_page_header *h)
{
	return (h->info & XLP_LONG_HEADER) ? WAL_LONG_PHD : WAL_SHORT_PHD;
}

enum walreader_page {
	WRP_OK,						/* *page points at page_size bytes */
	WRP_END,					/* no more WAL: the input ends before this page */
	WRP_MISSING,				/* this page's segment is missing, later ones exist */
	WRP_ERROR					/* could not read (a finding is in ds) */
};

/* Return the page at address pageptr (a multiple of page_size). */
typedef enum walreader_page (*walreader_page_fn) (void *arg, uint64_t pageptr,
												  const uint8_t **page,
												  struct diags *ds);

struct walreader_config {
	uint32_t	seg_size;		/* wal_segment_size, from a long page header */
	uint32_t	page_size;		/* XLOG_BLCKSZ */
	uint16_t	magic;			/* XLOG_PAGE_MAGIC of the major */
	uint8_t		max_rmid;		/* highest built-in RmgrId of the major */
	bool		custom_rmgrs;	/* 15+: ids 128..255 are custom rmgrs */
	bool		keep_going;		/* resynchronise after damage */
	uint64_t	sysid;			/* expected xlp_sysid; 0 = take the first seen */
	walreader_page_fn read_page;
	void	   *arg;
};

/* A record as assembled; decode it with walrecord_decode(). */
struct walrec_raw {
	uint64_t	lsn;			/* ReadRecPtr: where the record starts */
	uint64_t	end_lsn;		/* EndRecPtr: where the next one starts */
	const uint8_t *data;		/* xl_tot_len bytes: XLogRecord and payload */
	uint32_t	len;			/* xl_tot_len */
	uint32_t	tli;			/* xlp_tli of the page the record starts on */
	bool		crc_ok;			/* always true for WR_RECORD */
};

enum walreader_result { WR_RECORD, WR_END, WR_DAMAGE };

struct walreader;

struct walreader *walreader_create(const struct walreader_config *cfg);
void		walreader_free(struct walreader *r);

/* Position at the first record that starts at or after lsn (XLogFindNextRecord). */
void		walreader_seek(struct walreader *r, uint64_t lsn);

enum walreader_result walreader_next(struct walreader *r, struct walrec_raw *rec,
									 struct diags *ds);

/* Where reading stands: the next record's expected address. */
uint64_t	walreader_position(const struct walreader *r);

/* Segment file name "TTTTTTTTXXXXXXXXYYYYYYYY" of segno (buf >= 25 bytes). */
void		wal_segment_name(char *buf, uint32_t tli, uint64_t segno, uint32_t seg_size);
/* Parse a segment file name (24 hex digits, then nothing, ".partial", ".gz",
 * or ".partial.gz"); 0 on success. */
int			wal_parse_segment_name(const char *name, uint32_t seg_size,
								   uint32_t *tli, uint64_t *segno);

#endif
