/*
 * The summary of every page that the B-tree walk needs, and the checks
 * local to one page (amcheck's verify_nbtree.c bt_target_page_check()
 * parts that need neither the heap nor the key types).
 */
#include <stdlib.h>
#include <string.h>

#include "io/relpath.h"
#include "nbtree/btree_walk_int.h"

struct bt_tree *
bt_tree_new(void)
{
	return calloc(1, sizeof(struct bt_tree));
}

void
bt_tree_free(struct bt_tree *t)
{
	if (t == NULL)
		return;
	free(t->s);
	free(t->d);
	free(t);
}

static struct bt_sum *
slot(struct bt_tree *t, uint32_t blkno)
{
	if (blkno == UINT32_MAX)
		return NULL;
	if (blkno >= t->cap)
	{
		uint32_t	cap = t->cap ? t->cap : 64;
		struct bt_sum *s;

		while (cap <= blkno)
			cap = cap > UINT32_MAX / 2 ? UINT32_MAX : cap * 2;
		s = realloc(t->s, (size_t) cap * sizeof(*s));
		if (s == NULL)
			return NULL;
		memset(s + t->cap, 0, (size_t) (cap - t->cap) * sizeof(*s));
		t->s = s;
		t->cap = cap;
	}
	if (blkno >= t->n)
		t->n = blkno + 1;
	return &t->s[blkno];
}

static bool
add_down(struct bt_tree *t, uint32_t child, uint16_t item)
{
	/*
	 * Every page but the root has one downlink in a sound tree, and a
	 * segment has RELSEG_SIZE pages: more is damage, and not kept.
	 */
	if (t->nd >= RELSEG_SIZE)
	{
		t->too_many_down = true;
		return true;
	}
	if (t->nd == t->capd)
	{
		uint32_t	cap = t->capd ? t->capd * 2 : 256;
		struct bt_down *d;

		if (cap < t->capd)
			return false;
		d = realloc(t->d, (size_t) cap * sizeof(*d));
		if (d == NULL)
			return false;
		t->d = d;
		t->capd = cap;
	}
	memset(&t->d[t->nd], 0, sizeof(t->d[t->nd]));
	t->d[t->nd].child = child;
	t->d[t->nd].item = item;
	t->nd++;
	return true;
}

bool
bt_tree_add_meta(struct bt_tree *t, const struct bt_meta *m)
{
	struct bt_sum *s = slot(t, 0);

	if (s == NULL)
		return false;
	s->state = BS_META;
	t->meta = *m;
	t->has_meta = true;
	return true;
}

bool
bt_tree_add_other(struct bt_tree *t, uint32_t blkno, enum bt_sum_state state)
{
	struct bt_sum *s = slot(t, blkno);

	if (s == NULL)
		return false;
	s->state = (uint8_t) state;
	return true;
}

static bool
same_key(const struct bt_item *a, const struct bt_item *b)
{
	uint16_t	mask = INDEX_NULL_MASK | INDEX_VAR_MASK;

	return (a->t_info & mask) == (b->t_info & mask) && a->key_len == b->key_len &&
		memcmp(a->key, b->key, a->key_len) == 0;
}

/* The lowest and highest heap TID of a non-pivot tuple. */
static void
tid_range(const struct bt_item *it, struct bt_tid *lo, struct bt_tid *hi)
{
	*lo = it->htid;
	if (it->is_posting)
		bt_item_tid(it, it->nposting - 1u, hi);
	else
		*hi = it->htid;
}

static void
at_item(struct diag *d, unsigned item)
{
	if (d)
		d->item = (uint16_t) item;
}

/*
 * What amcheck's bt_pivot_tuple_identical() compares: the tuple from the
 * t_tid offset on (key count and heap TID bit of a heapkeyspace pivot), or
 * from t_info on before version 4, with its length.  A parent's separator
 * is a copy of the child's high key (_bt_insert_parent, _bt_newroot), so
 * the two hash alike; different hashes prove different tuples, equal ones
 * are taken as the same (a collision could only hide damage).
 */
static uint64_t
pivot_hash(const struct bt_item *it, bool heapkeyspace)
{
	unsigned	from = heapkeyspace ? 4 : 6;
	uint64_t	h = 0xcbf29ce484222325u ^ it->itemlen;	/* FNV-1a */

	for (unsigned i = from; i < it->itemlen; i++)
	{
		h ^= it->tuple[i];
		h *= 0x100000001b3u;
	}
	return h;
}

/*
 * Checks of one leaf page that hold whatever the key types: TIDs of a
 * posting list ascend; in a heapkeyspace index (version 4) tuples with
 * byte-identical keys are equal keys, ordered by heap TID, and the high
 * key's heap TID bounds the last of them.
 */
static void
check_tuples(const uint8_t *page, const struct page_header *h,
			 const struct bt_opaque *o, const struct pg_profile *prof,
			 bool heapkeyspace, uint32_t blkno, struct bt_tree *t,
			 struct diags *ds)
{
	unsigned	maxoff = page_item_count(h),
				off;
	bool		leaf = (o->flags & BTP_LEAF) != 0;
	unsigned	first = o->next == P_NONE ? 1 : 2;
	struct bt_item prev,
				hikey;
	bool		have_prev = false,
				have_hikey = false;

	for (off = 1; off <= maxoff; off++)
	{
		struct bt_item it;
		struct bt_tid lo,
					hi;

		if (!bt_item_decode(page, h, o, off, prof, blkno, &it, ds))
		{
			if (!leaf && off >= first && !add_down(t, INVALID_BLOCK, (uint16_t) off))
				return;
			continue;
		}
		if (off == 1 && first == 2)
		{
			t->s[blkno].has_hk = true;
			t->s[blkno].hk_hash = pivot_hash(&it, heapkeyspace);
			t->s[blkno].hk_block = it.ctid.block;
		}
		if (!leaf && off > first && t->nd > 0 && !t->too_many_down)
		{
			/* this pivot is the separator after the previous downlink */
			t->d[t->nd - 1].sep_kind = SEP_KEY;
			t->d[t->nd - 1].sep_item = (uint16_t) off;
			t->d[t->nd - 1].sep_hash = pivot_hash(&it, heapkeyspace);
		}
		if (!leaf && off >= first && !add_down(t, it.ctid.block, (uint16_t) off))
			return;
		if (heapkeyspace && it.pivot && !it.is_pivot)
			at_item(diag_add_block(ds, D_BT_BAD_TUPLE, blkno,
								   "pivot tuple without INDEX_ALT_TID_MASK in a version %u index (t_info 0x%04x)",
								   t->meta.version, it.t_info), off);
		if (it.is_posting)
		{
			struct bt_tid a,
						b;

			for (unsigned i = 1; i < it.nposting; i++)
			{
				bt_item_tid(&it, i - 1, &a);
				bt_item_tid(&it, i, &b);
				if (bt_tid_cmp(&a, &b) >= 0)
				{
					at_item(diag_add_block(ds, D_BT_POSTING, blkno,
										   "TID %u (%u,%u) of the posting list is not above TID %u (%u,%u)",
										   i, b.block, b.offset, i - 1, a.block, a.offset), off);
					break;
				}
			}
		}
		if (!leaf || !heapkeyspace)
			continue;
		if (it.pivot)
		{
			hikey = it;
			have_hikey = it.has_htid;
			continue;
		}
		tid_range(&it, &lo, &hi);
		if (have_prev && same_key(&prev, &it))
		{
			struct bt_tid plo,
						phi;

			tid_range(&prev, &plo, &phi);
			if (bt_tid_cmp(&phi, &lo) >= 0)
				at_item(diag_add_block(ds, D_BT_POSTING, blkno,
									   "item %u ends at (%u,%u), item %u with an equal key starts at (%u,%u)",
									   prev.itemoffset, phi.block, phi.offset, off, lo.block, lo.offset), off);
		}
		prev = it;
		have_prev = true;
	}
	if (have_prev && have_hikey && hikey.key_len <= prev.key_len &&
		same_key(&prev, &hikey))
	{
		struct bt_tid lo,
					hi;

		tid_range(&prev, &lo, &hi);
		if (bt_tid_cmp(&hi, &hikey.htid) > 0)
			at_item(diag_add_block(ds, D_BT_POSTING, blkno,
								   "high key's heap TID (%u,%u) is below the heap TID (%u,%u) of item %u with an equal key",
								   hikey.htid.block, hikey.htid.offset, hi.block, hi.offset,
								   prev.itemoffset), 1);
	}
}

bool
bt_tree_add_page(struct bt_tree *t, uint32_t blkno, const uint8_t *page,
				 const struct page_header *h, const struct bt_opaque *o,
				 const struct pg_profile *prof, struct diags *ds)
{
	struct bt_sum *s = slot(t, blkno);
	unsigned	maxoff = page_item_count(h);
	uint32_t	nd = t->nd;

	if (s == NULL)
		return false;
	s->state = BS_PAGE;
	s->flags = o->flags;
	s->prev = o->prev;
	s->next = o->next;
	s->level = o->level;
	s->free = page_free_space(h);
	if (o->flags & BTP_DELETED)
		return true;
	s->nitems = maxoff > 0 && o->next != P_NONE ? maxoff - 1 : maxoff;
	check_tuples(page, h, o, prof, t->has_meta && t->meta.version >= 4, blkno, t, ds);
	if (t->too_many_down && !t->said_too_many)
	{
		t->said_too_many = true;
		diag_add_block(ds, D_BT_DOWNLINK, blkno,
					   "more downlinks than a segment has pages (%u): the rest are not followed",
					   (unsigned) RELSEG_SIZE);
	}
	/* check_tuples may have grown t->s: find the slot again */
	s = &t->s[blkno];
	s->down_first = nd;
	s->ndown = t->nd - nd;
	if (s->ndown > 0)
	{
		/* the last downlink's separator is the page's own high key */
		struct bt_down *last = &t->d[t->nd - 1];

		if (o->next == P_NONE)
			last->sep_kind = SEP_INFINITY;
		else if (s->has_hk)
		{
			last->sep_kind = SEP_KEY;
			last->sep_item = 1;
			last->sep_hash = s->hk_hash;
		}
	}
	return true;
}
