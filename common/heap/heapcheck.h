/*
 * heapcheck: the offline part of amcheck's verify_heapam() (14+) for one
 * heap page, applied to every major 10..18 (the heap page format has not
 * changed): what can be told from the page's own bytes, with no catalog,
 * no pg_xact and no pg_multixact.
 *
 *   line pointers   redirects within 1..maxoff and to a normal item;
 *                   lp_off MAXALIGNed; lp_len >= MAXALIGN(SizeofHeapTupleHeader);
 *                   the item inside the page and inside [pd_upper, pd_special)
 *                   (PageRepairFragmentation's rule); a dead item's storage,
 *                   if any, inside the page: heappage_lp_check(), which
 *                   pgpage applies without --check too
 *   tuple headers   t_hoff within lp_len and equal to what natts, the null
 *                   bitmap (and before 12 the OID) give; natts <= 1600; a
 *                   multixact xmax not marked committed, nor 0 once xmin
 *                   committed (by hint bits); HOT-updated tuples have an
 *                   xmax; heap-only tuples are HEAP_UPDATED; and ours, not
 *                   amcheck's: HASEXTERNAL implies HASVARWIDTH (heap_fill_tuple)
 *   HOT chains      redirects point at heap-only tuples; no two line
 *                   pointers lead to one tuple; HOT_UPDATED and
 *                   HEAP_ONLY_TUPLE agree along each update; a heap-only
 *                   tuple is never a chain's root; hint bits do not say an
 *                   aborted xmin was updated into a committed one
 *   attributes      without types: each non-null attribute takes at least
 *                   one byte, so the non-null count fits the data length
 *
 * The wording of each finding is verify_heapam's where it has one.  Each
 * finding is added at blkno with its offset number in the diag's item.
 * Pure: the caller's page in, findings out.
 */
#ifndef PGOD_HEAPCHECK_H
#define PGOD_HEAPCHECK_H

#include <stdint.h>

#include "out/diag.h"
#include "page/page.h"

/*
 * Check a heap page whose header is sane enough to hold line pointers
 * (call it for pages that are not new).  Returns the number of findings.
 */
int			heapcheck_page(const uint8_t *page, const struct page_header *h,
						   uint32_t blkno, struct diags *ds);

#endif
