/*
 * btree_keycheck: the invariants of a B-tree that need its keys compared
 * (amcheck's bt_index_check ones), with the key types of a -T list.
 *
 *   struct bt_keycheck *kc = bt_keycheck_new(&kd);
 *   for each block >= 1:  bt_keycheck_page(kc, blkno, page, &h, &o, prof, &ds)
 *   bt_keycheck_finish(kc, &ds);
 *   bt_keycheck_free(kc);
 *
 * On each page: the data items in key order (strictly increasing with the
 * heap TID tiebreak on a heapkeyspace index, non-decreasing before), each
 * <= the page's high key.  Across pages, once all are read: the first item
 * of a right sibling >= the left page's high key and > its last item; and
 * for each downlink of an internal page, the child's first item >= the
 * separator and its last item <= the next separator (or the parent's high
 * key).  Keeps copies of three tuples per page and of every separator,
 * up to 16 MiB: past that a D_VALUE_LIMIT notice, and the later pages are
 * checked on their own only, so memory stays bounded whatever the index
 * holds.  Pure; findings in the caller's diags,
 * code D_BT_KEY_ORDER, naming blocks and items.
 */
#ifndef PGOD_BTREE_KEYCHECK_H
#define PGOD_BTREE_KEYCHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "nbtree/btree_keys.h"

struct bt_keycheck;

/* NULL on out of memory; kd is copied (its td must outlive the check) */
struct bt_keycheck *bt_keycheck_new(const struct bt_keydesc *kd);
void		bt_keycheck_free(struct bt_keycheck *kc);

/* the metapage's btm_version decides; call before the pages */
void		bt_keycheck_set_heapkeyspace(struct bt_keycheck *kc, bool heapkeyspace);

/* false only on out of memory */
bool		bt_keycheck_page(struct bt_keycheck *kc, uint32_t blkno,
							 const uint8_t *page, const struct page_header *h,
							 const struct bt_opaque *o,
							 const struct pg_profile *prof, struct diags *ds);

void		bt_keycheck_finish(struct bt_keycheck *kc, struct diags *ds);

/* keys compared, for the summary */
uint64_t	bt_keycheck_compared(const struct bt_keycheck *kc);

#endif
