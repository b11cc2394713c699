/*
 * btree_keys: the key of a B-tree index tuple, cut into attribute values
 * with a column list (-T), and two keys compared as nbtree's _bt_compare
 * orders them -- what pgbtree needs to show keys and to check key order.
 *
 *   struct bt_keydesc kd = {td, nkeyatts, heapkeyspace, indoption};
 *   bt_key_from_item(&kd, &it, minus_inf, blkno, &k);
 *   bt_key_deform(&kd, &k, vals, &ds);            attribute values
 *   bt_key_cmp(&kd, &a, true, &b, &res, err, n);  order
 *
 * Layout (access/itup.h): IndexTupleData (t_tid, t_info), then when
 * INDEX_NULL_MASK an IndexAttributeBitMapData (bit set: not null), then
 * the attributes from the MAXALIGN'd data offset, aligned as heap
 * attributes are (index_getattr).  A pivot tuple with INDEX_ALT_TID_MASK
 * holds only BTreeTupleGetNAtts() attributes: the others were truncated
 * away (suffix truncation, 12+; INCLUDE columns, 11+) and compare as minus
 * infinity.  A posting list tuple's key ends where its posting list
 * starts.  The first data item of an internal page is minus infinity
 * whatever it holds.
 *
 * Order: key attributes (the first nkeyatts columns) in turn, each by its
 * type's default operator class (datum_cmp.h), ASC NULLS LAST unless
 * indoption says DESC (the values' order reversed) or NULLS FIRST; on a
 * heapkeyspace index (btm_version 4) then the heap TID, absent (a pivot
 * that dropped it) meaning minus infinity.  INCLUDE columns never take
 * part.  Pure; the caller owns every buffer.
 */
#ifndef PGOD_BTREE_KEYS_H
#define PGOD_BTREE_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nbtree/btree.h"
#include "types/datum.h"
#include "heap/tupdesc.h"

struct bt_keydesc {
	const struct tupdesc *td;	/* every column of the index, INCLUDE ones last */
	int			nkeyatts;		/* indnkeyatts: the key columns, first in td */
	bool		heapkeyspace;	/* btm_version >= 4: the heap TID is part of the key */
	const int16_t *indoption;	/* pg_index.indoption of each key column, or
								 * NULL: all ASC NULLS LAST */
};

/* pg_index.indoption bits (catalog/pg_index.h) */
#define INDOPTION_DESC 0x0001
#define INDOPTION_NULLS_FIRST 0x0002

/*
 * The index's columns from a --types list KEYS[;INCLUDED] (tupdesc.h's
 * spec): those after the ';' are INCLUDE columns, shown but never
 * compared.  At most INDEX_MAX_KEYS columns, none dropped; a name column
 * (not name[]) is stored as name_ops stores it, a cstring (opckeytype), so
 * without its 64-byte padding.  Returns 0 with *td (tupdesc_free()) and
 * *nkeyatts; -1 with err holding the list as quoted and why ("\"x\": ..."),
 * or -2 when out of memory.
 */
int			bt_keydesc_from_spec(const char *spec, struct tupdesc **td,
								 int *nkeyatts, char *err, size_t errlen);

/* Where an index tuple's key is, and its heap TIDs. */
struct bt_key {
	const uint8_t *tuple;		/* IndexTupleData */
	uint32_t	end;			/* key bytes end here (from tuple) */
	bool		nulls;			/* INDEX_NULL_MASK: the bitmap follows t_info */
	int			natts;			/* attributes stored (0: minus infinity) */
	bool		has_htid;		/* a heap TID takes part in the order */
	struct bt_tid htid;			/* the lowest heap TID (posting: the first) */
	struct bt_tid maxhtid;		/* the highest (posting: the last) */
	uint32_t	blkno;			/* where it was read, for diagnostics */
	uint16_t	off;
};

/* The key of a decoded item (it->ok); minus_inf for an internal page's first data item. */
void		bt_key_from_item(const struct bt_keydesc *kd, const struct bt_item *it,
							 bool minus_inf, uint32_t blkno, struct bt_key *k);

/* A copy that outlives the page: *dst's tuple is malloc'd.  false on out of memory. */
bool		bt_key_copy(struct bt_key *dst, const struct bt_key *src);
void		bt_key_free(struct bt_key *k);

/*
 * Cut the key into kd->td->natts values (vals: that many); attributes not
 * stored are AV_NULL and reported by bt_key_present().  0, or -1 with
 * findings when the tuple does not hold its attributes.
 */
int			bt_key_deform(const struct bt_keydesc *kd, const struct bt_key *k,
						  struct attr_value *vals, struct diags *ds);

/* Attribute i (0-based) is stored in the tuple (not truncated away). */
static inline bool
bt_key_present(const struct bt_key *k, int i)
{
	return i < k->natts;
}

/*
 * *res = -1, 0, 1 as key a (with its highest heap TID if a_max, else its
 * lowest) sorts before, with, after key b (its lowest heap TID).  Returns
 * 0, or -1 with a reason in err when a value cannot be read or compared.
 */
int			bt_key_cmp(const struct bt_keydesc *kd, const struct bt_key *a,
					   bool a_max, const struct bt_key *b, int *res,
					   char *err, size_t errlen);

#endif
