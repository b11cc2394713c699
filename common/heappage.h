/*
 * heappage: the items of a heap page, one line pointer and its tuple at a
 * time, with the rules heap_page_items() (pageinspect) uses to decide
 * whether a line pointer's storage can be read as a tuple at all: it has
 * storage (lp_len != 0), lp_len >= MinHeapTupleSize, lp_off is MAXALIGNed
 * and lp_off + lp_len lies within the page.  Whatever the line pointer
 * says, nothing outside the page is read.
 *
 * Pure: the caller's page buffer in, structs out; the tuple's pointers
 * point into the page and live as long as it does.
 */
#ifndef PGOD_HEAPPAGE_H
#define PGOD_HEAPPAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "heaptuple.h"
#include "page.h"

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

/* lp_flags as pg_filedump names them: UNUSED, NORMAL, REDIRECT, DEAD. */
const char *heappage_lp_flags_name(unsigned flags);

#endif
