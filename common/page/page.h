/*
 * page: the page header (PageHeaderData), line pointers (ItemIdData) and
 * the kind of a page, common to every relation file of every major 10..18.
 *
 * page_header_decode() reads the 24 header bytes; page_check() applies the
 * sanity rules PostgreSQL applies before it lets a page into shared buffers
 * (PageIsVerifiedExtended) plus the page size and layout version, adding a
 * finding per broken rule.  page_item() decodes one line pointer and says
 * whether it lies inside the page.  Pure functions over a caller's buffer.
 */
#ifndef PGOD_PAGE_H
#define PGOD_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "io/bytes.h"
#include "out/diag.h"
#include "io/relpath.h"

#define BLCKSZ 8192
#define SIZE_OF_PAGE_HEADER 24		/* SizeOfPageHeaderData */
#define PG_PAGE_LAYOUT_VERSION 4
#define MAXIMUM_ALIGNOF 8

#define PD_HAS_FREE_LINES	0x0001
#define PD_PAGE_FULL		0x0002
#define PD_ALL_VISIBLE		0x0004
#define PD_VALID_FLAG_BITS	0x0007

#define LP_UNUSED	0			/* unused (should always have lp_len=0) */
#define LP_NORMAL	1			/* used (should always have lp_len>0) */
#define LP_REDIRECT 2			/* HOT redirect (should have lp_len=0) */
#define LP_DEAD		3			/* dead, may or may not have storage */

struct page_header {
	uint64_t	lsn;			/* pd_lsn: xlogid << 32 | xrecoff */
	uint16_t	checksum;		/* pd_checksum */
	uint16_t	flags;			/* pd_flags */
	uint16_t	lower;			/* pd_lower: end of the line pointer array */
	uint16_t	upper;			/* pd_upper: start of tuple space */
	uint16_t	special;		/* pd_special: start of the special space */
	uint16_t	pagesize;		/* pd_pagesize_version & 0xFF00 */
	uint8_t		version;		/* pd_pagesize_version & 0x00FF */
	uint32_t	prune_xid;		/* pd_prune_xid: oldest prunable XID, or zero */
};

struct line_pointer {
	uint16_t	off;			/* lp_off: offset to the tuple (15 bits) */
	uint8_t		flags;			/* lp_flags: LP_* (2 bits) */
	uint16_t	len;			/* lp_len: byte length of the tuple (15 bits) */
};

enum page_kind {
	PK_NEW,						/* all zero (PageIsNew and valid) */
	PK_HEAP,
	PK_BTREE,
	PK_HASH,
	PK_GIST,
	PK_GIN,
	PK_SPGIST,
	PK_BRIN,
	PK_SEQUENCE,
	PK_FSM,
	PK_VM,
	PK_UNKNOWN					/* unrecognised, or pd_upper 0 over bytes
								 * that are not all zero (a torn page) */
};

void		page_header_decode(const uint8_t *page, struct page_header *h);
bool		page_is_zero(const uint8_t *page, size_t len);
static inline bool
page_is_new(const struct page_header *h)
{
	return h->upper == 0;		/* PageIsNew */
}

/* PageGetFreeSpace(): pd_upper - pd_lower less one line pointer, at least 0 */
static inline uint32_t
page_free_space(const struct page_header *h)
{
	return h->upper >= h->lower + 4 ? (uint32_t) (h->upper - h->lower - 4) : 0;
}

/*
 * The header sanity checks.  Returns true if the header is sane; each
 * broken rule adds a finding at blkno.  Call only for pages that are not new.
 */
bool		page_check(const struct page_header *h, uint32_t blkno,
					   struct diags *ds);

/*
 * For a page whose header says new (pd_upper 0): PostgreSQL's
 * PageIsVerified accepts it only if every byte is zero.  Returns true if
 * so; else adds D_TORN_PAGE (a torn write zeroed the header sector, or
 * garbage) and returns false.
 */
bool		page_check_new(const uint8_t *page, uint32_t blkno, struct diags *ds);

/* What PageIsVerified() would make of a page, as page_verify() tells. */
enum page_verdict {
	PV_NEW,						/* all zeros: a page never written */
	PV_TORN,					/* pd_upper 0 over bytes that are not all zero */
	PV_INVALID,					/* a header that fails page_check() */
	PV_VALID					/* a header that passes */
};

/*
 * The one verdict on a page every tool gives before reading it: a new
 * header (pd_upper 0) by page_check_new(), any other by page_check(), the
 * findings at blkno.  h is page's decoded header.
 */
enum page_verdict page_verify(const uint8_t *page, const struct page_header *h,
							  uint32_t blkno, struct diags *ds);

/* Number of line pointers (PageGetMaxOffsetNumber), 0 if pd_lower is short. */
unsigned	page_item_count(const struct page_header *h);

/*
 * Line pointer number i (1-based).  Returns true if its storage (for
 * LP_NORMAL and LP_DEAD with storage) lies within the tuple space
 * [pd_upper, pd_special), else adds D_BAD_LINE_POINTER and returns false.
 */
bool		page_item(const uint8_t *page, const struct page_header *h,
					  unsigned i, struct line_pointer *lp, uint32_t blkno,
					  struct diags *ds);

enum page_kind page_kind_of(const uint8_t *page, const struct page_header *h,
							enum fork_number fork);
const char *page_kind_name(enum page_kind kind);

/* Flag names ("HAS_FREE_LINES", ...) of pd_flags into names[]; returns count. */
int			page_flag_names(uint16_t flags, const char *names[], int max);

#endif
