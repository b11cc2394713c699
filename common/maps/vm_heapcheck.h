/*
 * vm_heapcheck: a visibility map's bits for one heap block against the
 * heap page itself, offline: the checks pg_visibility's pg_check_visible()
 * and pg_check_frozen() make, as far as the page (and pg_xact, if given)
 * can tell without a server.
 *
 * Findings, each at the heap block (and line pointer where one is meant):
 *   D_VM_BITS         all-frozen without all-visible in the map
 *   D_VM_PAGE_FLAG    all-visible in the map, PD_ALL_VISIBLE clear on the page
 *   D_VM_MAP_BIT      PD_ALL_VISIBLE set on the page, all-visible clear in the map
 *   D_VM_NOT_VISIBLE  on an all-visible page: a dead line pointer; a tuple
 *                     whose xmin is not known committed (hint bits, else
 *                     the logs when given); a tuple whose xmax is set, is
 *                     more than a locker and is not known aborted (with
 *                     the whole logs, a multixact's members name its
 *                     updater, and a sub-committed xid's parent decides)
 *   D_VM_NOT_FROZEN   on an all-frozen page: a dead line pointer; a tuple
 *                     that heap_tuple_needs_eventual_freeze() would say
 *                     needs freezing (normal xmin not frozen, valid xmax or
 *                     multixact, normal xvac)
 * Only the first VM_CHECK_MAX_ITEMS tuple findings of a page are itemised;
 * the last one says how many more there were.
 *
 * Pure but for the logs, which may read pg_xact files: logs NULL or both
 * NULL, hint bits only; clog alone, pg_xact's bits (a sub-committed xid and
 * a multixact xmax stay unknown); xact, pg_xact, pg_subtrans and
 * pg_multixact (cluster/rowstate.h), as PostgreSQL itself would answer.
 */
#ifndef PGOD_VM_HEAPCHECK_H
#define PGOD_VM_HEAPCHECK_H

#include <stdint.h>

#include "cluster/clog.h"
#include "cluster/xact.h"
#include "out/diag.h"

#define VM_CHECK_MAX_ITEMS 8

/* Where transaction status comes from (either may be NULL). */
struct vm_logs {
	struct clog *clog;			/* pg_xact alone (--xact DIR) */
	struct xact *xact;			/* the data directory's logs: preferred */
};

/*
 * status: the block's map bits (VM_ALL_VISIBLE | VM_ALL_FROZEN); page: the
 * heap page (BLCKSZ bytes), NULL if the heap has no such block.  Returns
 * the number of findings added.
 */
int			vm_check_heap_page(const uint8_t *page, uint32_t blkno, uint8_t status,
							   struct clog *clog, struct diags *ds);
/* The same with the logs of struct vm_logs (NULL: hint bits only). */
int			vm_check_heap_page_logs(const uint8_t *page, uint32_t blkno, uint8_t status,
									const struct vm_logs *logs, struct diags *ds);

#endif
