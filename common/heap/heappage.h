/*
 * heappage: the items of a heap page (and of a sequence page, which holds
 * one heap tuple), one line pointer and its tuple at a time, with the
 * rules heap_page_items() (pageinspect) uses to decide whether a line
 * pointer's storage can be read as a tuple at all: it has storage
 * (lp_len != 0), lp_len >= MinHeapTupleSize, lp_off is MAXALIGNed and
 * lp_off + lp_len lies within the page.  Whatever the line pointer says,
 * nothing outside the page is read.
 *
 *   heappage_item(page, i, &it)           line pointer i and its tuple
 *   heappage_lp_check(h, i, &lp, blkno, ds)   is it where it may be?
 *   heappage_check_lps(page, h, blkno, ds)    the same for every one
 *
 * heap_page_items() shows a line pointer that breaks a rule without its
 * tuple and says nothing; we show it the same way, and the check
 * functions add the finding (verify_heapam's wording) so that every mode
 * of every tool that reads the page reports it.
 *
 * Pure: the caller's page buffer in, structs and findings out; the tuple's
 * pointers point into the page and live as long as it does.
 */
#ifndef PGOD_HEAPPAGE_H
#define PGOD_HEAPPAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "out/diag.h"
#include "heap/heaptuple.h"
#include "page/page.h"

struct heap_item {
	uint16_t	lp;				/* offset number, 1-based (OffsetNumber) */
	struct line_pointer id;		/* the ItemIdData */
	bool		has_tuple;		/* heap_page_items() would decode t: the
								 * rules above; t.status says how far */
	struct heap_tuple t;		/* the tuple, valid if has_tuple */
};

/* Read line pointer i (1-based) raw; i must be <= page_item_count(). */
void		heappage_lp(const uint8_t *page, unsigned i, struct line_pointer *lp);

/* Line pointer i (1..page_item_count(h)) and its tuple, if readable. */
void		heappage_item(const uint8_t *page, unsigned i, struct heap_item *it);

/* What heappage_lp_check() found of one line pointer. */
enum heappage_lp_verdict {
	HLP_OK,						/* nothing wrong */
	HLP_OUTSIDE,				/* a normal item inside the page but outside
								 * [pd_upper, pd_special): reported, its tuple
								 * can still be read */
	HLP_BAD						/* reported; no tuple to read (a redirect: no
								 * target) */
};

/*
 * Line pointer i (1-based) of a page with header h against the rules of
 * PostgreSQL (verify_heapam's line pointer checks; PageRepairFragmentation's
 * tuple space): a redirect's target within 1..maxoff; a normal item
 * MAXALIGNed, at least MinHeapTupleSize long, ending within the page and
 * lying inside [pd_upper, pd_special); a dead item's storage, if it has
 * any, within the page past the line pointer array.  Unused line pointers
 * are not looked at (PostgreSQL ignores their storage).  Each broken rule
 * is one D_BAD_LINE_POINTER at blkno with the item number.
 */
enum heappage_lp_verdict heappage_lp_check(const struct page_header *h, unsigned i,
										   const struct line_pointer *lp,
										   uint32_t blkno, struct diags *ds);

/* heappage_lp_check() for every line pointer; returns the findings added. */
int			heappage_check_lps(const uint8_t *page, const struct page_header *h,
							   uint32_t blkno, struct diags *ds);

/* lp_flags as pg_filedump names them: UNUSED, NORMAL, REDIRECT, DEAD. */
const char *heappage_lp_flags_name(unsigned flags);

#endif
