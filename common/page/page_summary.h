/*
 * page_summary: what one relation file holds, added up page by page --
 * pages by kind, line pointers by lp_flags, free space, checksum failures,
 * all-zero pages amid written ones -- and that sum rendered through emit
 * as one record (pgpage --summary).
 *
 *   struct page_summary s;
 *   memset(&s, 0, sizeof(s));
 *   page_summary_add(&s, page, &h, kind, checksum_failed);   per page
 *   s.zero_amid += n;                                        per zero run
 *   page_summary_emit(e, file, &s, verified, checksums_off);
 *
 * Pure: the caller owns the sum.
 */
#ifndef PGOD_PAGE_SUMMARY_H
#define PGOD_PAGE_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "out/emit.h"
#include "page/page.h"

struct page_summary {
	uint32_t	pages;
	uint32_t	by_kind[PK_UNKNOWN + 1];	/* pages of each page_kind */
	uint64_t	items[4];		/* line pointers by lp_flags (heap pages) */
	uint64_t	free_space;		/* sum of pd_upper - pd_lower */
	uint32_t	checksum_failures;	/* stored != computed, pages not new
									 * (torn pages included) */
	uint32_t	zero_amid;		/* all-zero pages amid written pages */
};

/* One page of kind kind; checksum_failed when it was verified and failed. */
void		page_summary_add(struct page_summary *sum, const uint8_t *page,
							 const struct page_header *h, enum page_kind kind,
							 bool checksum_failed);

/*
 * The record: verified says checksums were verified (else
 * checksum_failures is null); checksums_off that -k was asked in a
 * cluster whose pg_control says they are off, which the record says.
 */
void		page_summary_emit(struct emit *e, const char *file,
							  const struct page_summary *sum, bool verified,
							  bool checksums_off);

#endif
