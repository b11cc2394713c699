/*
 * The B-tree walk and its heap-free invariants, after amcheck's
 * verify_nbtree.c: bt_check_level_from_leftmost() walks each level from
 * its leftmost page through the right links, the level below starts at
 * the leftmost page's first downlink.  Offline we see one consistent copy,
 * so what amcheck forgives to concurrency (a right link to a deleted page)
 * is damage here.
 */
#include <stdlib.h>
#include <string.h>

#include "nbtree/btree_walk.h"
#include "io/relpath.h"

struct bt_sum {
	uint8_t		state;			/* enum bt_sum_state */
	uint16_t	flags;			/* btpo_flags */
	uint32_t	prev;			/* btpo_prev */
	uint32_t	next;			/* btpo_next */
	uint32_t	level;			/* btpo_level */
	uint32_t	nitems;			/* tuples without the high key */
	uint32_t	free;			/* PageGetFreeSpace() */
	uint32_t	down_first;		/* first downlink in bt_tree.down */
	uint32_t	ndown;			/* downlinks of an internal page */
	uint32_t	walk_level;		/* level + 1 the walk reached it at; 0 not */
	uint32_t	walk_pos;		/* its place on that level's chain */
	uint64_t	hk_hash;		/* pivot_hash() of the high key, if has_hk */
	uint32_t	hk_block;		/* the high key's t_tid block: a half-dead
								 * leaf's top parent (BTreeTupleGetTopParent) */
	bool		has_hk;			/* not rightmost, and the high key decoded */
};

/* The separator after a downlink: the next pivot, or the page's high key. */
enum sep_kind {
	SEP_UNKNOWN = 0,			/* the tuple did not decode: not compared */
	SEP_KEY,					/* sep_hash holds it */
	SEP_INFINITY				/* last downlink of a rightmost page */
};

struct bt_down {
	uint32_t	child;			/* BTreeTupleGetDownLink() */
	uint16_t	item;			/* offset of the pivot tuple in its page */
	uint16_t	sep_item;		/* offset of the separator (1: the high key) */
	uint8_t		sep_kind;		/* enum sep_kind */
	uint64_t	sep_hash;		/* pivot_hash() of the separator */
};

struct bt_tree {
	struct bt_sum *s;			/* one per block, indexed by block number */
	uint32_t	n;				/* blocks seen: highest block number + 1 */
	uint32_t	cap;
	struct bt_down *d;
	uint32_t	nd;
	uint32_t	capd;
	struct bt_meta meta;
	bool		has_meta;
	bool		too_many_down;	/* downlinks past RELSEG_SIZE were dropped */
	bool		said_too_many;	/* and a finding said so */
};

/* A growing list of block numbers (one level's sibling chain). */
struct chain {
	uint32_t   *b;
	uint32_t	n;
	uint32_t	cap;
};

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

static bool
chain_push(struct chain *c, uint32_t b)
{
	if (c->n == c->cap)
	{
		uint32_t	cap = c->cap ? c->cap * 2 : 64;
		uint32_t   *p = realloc(c->b, (size_t) cap * sizeof(*p));

		if (p == NULL)
			return false;
		c->b = p;
		c->cap = cap;
	}
	c->b[c->n++] = b;
	return true;
}

static const char *
not_page_why(const struct bt_tree *t, uint32_t b)
{
	if (b >= t->n || t->s[b].state == BS_ABSENT)
		return "past the end of the file";
	switch (t->s[b].state)
	{
		case BS_NEW:
			return "an all-zero page";
		case BS_META:
			return "the metapage";
		case BS_BAD:
			return "not a readable B-tree page";
		default:
			return "a B-tree page";
	}
}

static bool
is_page(const struct bt_tree *t, uint32_t b)
{
	return b < t->n && t->s[b].state == BS_PAGE;
}

/* Walk one level's sibling chain from leftmost; fills ls and c. */
static void
walk_level(struct bt_tree *t, uint32_t leftmost, uint32_t level,
		   struct bt_level_shape *ls, struct chain *c, struct diags *ds)
{
	uint32_t	prevblk = P_NONE,
				cur = leftmost;

	memset(ls, 0, sizeof(*ls));
	ls->level = level;
	ls->leftmost = leftmost;
	c->n = 0;
	if (t->s[cur].prev != P_NONE)
		diag_add_block(ds, D_BT_SIBLING, cur,
					   "leftmost page of level %u has left link %u", level, t->s[cur].prev);
	for (;;)
	{
		struct bt_sum *s;

		if (!is_page(t, cur))
		{
			diag_add_block(ds, D_BT_SIBLING, prevblk,
						   "right link leads to block %u, %s", cur, not_page_why(t, cur));
			break;
		}
		s = &t->s[cur];
		if (prevblk != P_NONE && s->prev != prevblk)
			diag_add_block(ds, D_BT_SIBLING, prevblk,
						   "right link is %u, but block %u's left link is %u",
						   cur, cur, s->prev);
		if (s->walk_level != 0)
		{
			diag_add_block(ds, D_BT_REACHED_TWICE, cur,
						   "reached again from block %u on level %u (first on level %u)",
						   prevblk, level, s->walk_level - 1);
			break;
		}
		s->walk_level = level + 1;
		s->walk_pos = c->n;
		if (!chain_push(c, cur))
			break;
		if (s->flags & BTP_DELETED)
			diag_add_block(ds, D_BT_SIBLING, cur,
						   "deleted page is on the sibling chain of level %u (right link of block %u)",
						   level, prevblk);
		if (s->level != level && !(s->flags & BTP_DELETED))
			diag_add_block(ds, D_BT_LEVEL, cur,
						   "btpo_level %u on the sibling chain of level %u", s->level, level);
		if (((s->flags & BTP_LEAF) != 0) != (level == 0) && !(s->flags & BTP_DELETED))
			diag_add_block(ds, D_BT_LEVEL, cur, "BTP_LEAF is %s on level %u",
						   (s->flags & BTP_LEAF) ? "set" : "clear", level);
		ls->pages++;
		if (s->flags & BTP_HALF_DEAD)
			ls->half_dead++;
		ls->items += s->nitems;
		ls->free_bytes += s->free;
		ls->downlinks += s->ndown;
		prevblk = cur;
		if (s->next == P_NONE)
			break;
		cur = s->next;
	}
}

/* Each downlink of the parent chain leads, in order, to a page of level. */
static void
check_downlinks(struct bt_tree *t, const struct chain *parent, uint32_t level,
				struct diags *ds)
{
	int64_t		lastpos = -1;
	uint32_t	lastchild = P_NONE;

	for (uint32_t i = 0; i < parent->n; i++)
	{
		const struct bt_sum *p = &t->s[parent->b[i]];

		for (uint32_t k = 0; k < p->ndown; k++)
		{
			const struct bt_down *d = &t->d[p->down_first + k];
			uint32_t	c = d->child;
			struct diag *g = NULL;

			if (c == INVALID_BLOCK)
				continue;		/* the tuple did not decode: reported */
			if (!is_page(t, c))
				g = diag_add_block(ds, D_BT_DOWNLINK, parent->b[i],
								   "downlink to block %u, %s", c, not_page_why(t, c));
			else if (t->s[c].flags & BTP_DELETED)
				g = diag_add_block(ds, D_BT_DOWNLINK, parent->b[i],
								   "downlink to deleted block %u", c);
			else if (t->s[c].level != level)
				g = diag_add_block(ds, D_BT_DOWNLINK, parent->b[i],
								   "downlink to block %u of level %u, expected level %u",
								   c, t->s[c].level, level);
			else if (t->s[c].walk_level != level + 1)
				g = diag_add_block(ds, D_BT_DOWNLINK, parent->b[i],
								   "downlink to block %u, which the sibling chain of level %u does not reach",
								   c, level);
			else if ((int64_t) t->s[c].walk_pos <= lastpos)
				g = diag_add_block(ds, D_BT_DOWNLINK, parent->b[i],
								   "downlink to block %u out of order: it is not right of block %u on level %u",
								   c, lastchild, level);
			else
			{
				lastpos = t->s[c].walk_pos;
				lastchild = c;
			}
			if (g)
				g->item = d->item;
		}
	}
}

/*
 * A live page of level that no downlink leads to: amcheck's
 * bt_downlink_missing_check().  Harmless when its left sibling's split is
 * incomplete (checked by the caller), or, for an internal page, when it is
 * the top parent of a subtree whose deletion was interrupted: its leftmost
 * descent ends at a half-dead leaf whose high key names it.
 */
static void
check_missing_downlink(struct bt_tree *t, uint32_t c, uint32_t level,
					   struct diags *ds)
{
	uint32_t	b = c;

	if (t->s[c].flags & BTP_ROOT)
		return;
	if (level == 0)
	{
		diag_add_block(ds, D_BT_DOWNLINK, c, "leaf page lacks a downlink from level 1");
		return;
	}
	for (uint32_t n = 0; n <= level && is_page(t, b) && !(t->s[b].flags & BTP_LEAF); n++)
		b = t->s[b].ndown > 0 ? t->d[t->s[b].down_first].child : INVALID_BLOCK;
	if (is_page(t, b) && (t->s[b].flags & BTP_LEAF) && (t->s[b].flags & BTP_HALF_DEAD) &&
		t->s[b].next != P_NONE && t->s[b].has_hk && t->s[b].hk_block == c)
		return;
	diag_add_block(ds, D_BT_DOWNLINK, c,
				   "internal page of level %u lacks a downlink from level %u", level, level + 1);
}

/*
 * Follow the child level's chain in step with the parent level's
 * downlinks, as amcheck's bt_child_highkey_check() does: the high key of
 * each child that is not rightmost, half-dead or the left half of an
 * incomplete split is the separator after the last downlink reached; a
 * live child no downlink reaches is checked as missing one.  Run only
 * when the downlinks themselves were in order.
 */
static void
check_highkeys(struct bt_tree *t, const struct chain *parent,
			   const struct chain *child, uint32_t level, struct diags *ds)
{
	const struct bt_down *sep = NULL;
	uint32_t	sep_parent = P_NONE;
	uint32_t	i = 0,
				k = 0;
	bool		rightsplit = false;	/* the left sibling's split is incomplete */

	for (uint32_t ci = 0; ci < child->n; ci++)
	{
		uint32_t	c = child->b[ci];
		const struct bt_sum *s = &t->s[c];
		struct diag *g = NULL;
		bool		reached = false;

		/* the next downlink in parent order, if it leads here */
		while (i < parent->n && k >= t->s[parent->b[i]].ndown)
		{
			i++;
			k = 0;
		}
		if (i < parent->n)
		{
			const struct bt_down *d = &t->d[t->s[parent->b[i]].down_first + k];

			if (d->child == c)
			{
				sep = d;
				sep_parent = parent->b[i];
				k++;
				reached = true;
			}
		}
		if (!reached && !rightsplit && !(s->flags & (BTP_DELETED | BTP_HALF_DEAD)))
			check_missing_downlink(t, c, level, ds);
		rightsplit = (s->flags & BTP_INCOMPLETE_SPLIT) != 0;
		if (sep == NULL || !s->has_hk || s->next == P_NONE ||
			(s->flags & (BTP_HALF_DEAD | BTP_INCOMPLETE_SPLIT | BTP_DELETED)))
			continue;
		if (sep->sep_kind == SEP_INFINITY)
			g = diag_add_block(ds, D_BT_HIGHKEY, c,
							   "has a high key, but block %u item %u is the rightmost downlink of level %u",
							   sep_parent, sep->item, level + 1);
		else if (sep->sep_kind == SEP_KEY && sep->sep_hash != s->hk_hash)
			g = diag_add_block(ds, D_BT_HIGHKEY, c,
							   "high key differs from the separator of block %u item %u",
							   sep_parent, sep->sep_item);
		if (g)
			g->item = 1;
	}
}

static void
check_meta(struct bt_tree *t, struct diags *ds)
{
	const struct bt_meta *m = &t->meta;
	const struct bt_sum *r;

	if (!is_page(t, m->root))
	{
		diag_add_block(ds, D_BT_ROOT, 0, "btm_root %u is %s", m->root, not_page_why(t, m->root));
		return;
	}
	r = &t->s[m->root];
	if (!(r->flags & BTP_ROOT) || (r->flags & (BTP_DELETED | BTP_HALF_DEAD)))
		diag_add_block(ds, D_BT_ROOT, 0, "btm_root %u has btpo_flags 0x%04x, not a live root",
					   m->root, r->flags);
	if (r->level != m->level)
		diag_add_block(ds, D_BT_ROOT, 0, "btm_level %u, but root block %u has btpo_level %u",
					   m->level, m->root, r->level);
	if (r->prev != P_NONE || r->next != P_NONE)
		diag_add_block(ds, D_BT_ROOT, 0, "root block %u has siblings (left %u, right %u)",
					   m->root, r->prev, r->next);
	if (m->fastroot == P_NONE)
		return;
	if (!is_page(t, m->fastroot))
		diag_add_block(ds, D_BT_ROOT, 0, "btm_fastroot %u is %s", m->fastroot,
					   not_page_why(t, m->fastroot));
	else if (t->s[m->fastroot].flags & BTP_DELETED)
		diag_add_block(ds, D_BT_ROOT, 0, "btm_fastroot %u is a deleted page", m->fastroot);
	else if (t->s[m->fastroot].level != m->fastlevel)
		diag_add_block(ds, D_BT_ROOT, 0, "btm_fastlevel %u, but fast root block %u has btpo_level %u",
					   m->fastlevel, m->fastroot, t->s[m->fastroot].level);
	if (m->fastlevel > m->level)
		diag_add_block(ds, D_BT_ROOT, 0, "btm_fastlevel %u is above btm_level %u",
					   m->fastlevel, m->level);
}

void
bt_tree_walk(struct bt_tree *t, struct bt_shape *shape, struct diags *ds)
{
	struct chain a = {NULL, 0, 0},
				b = {NULL, 0, 0};
	struct chain *cur = &a,
			   *parent = &b;
	uint32_t	level,
				leftmost;

	memset(shape, 0, sizeof(*shape));
	shape->blocks = t->n;
	for (uint32_t i = 1; i < t->n; i++)
	{
		t->s[i].walk_level = 0;
		if (t->s[i].state == BS_NEW)
			shape->new_pages++;
		else if (t->s[i].state == BS_PAGE && (t->s[i].flags & BTP_DELETED))
			shape->deleted++;
		else if (t->s[i].state == BS_PAGE && (t->s[i].flags & BTP_HALF_DEAD))
			shape->half_dead++;
	}
	if (!t->has_meta || !t->meta.ok)
	{
		diag_add_block(ds, D_BT_ROOT, 0, "no valid metapage: the tree cannot be walked");
		return;
	}
	shape->root = t->meta.root;
	shape->fastroot = t->meta.fastroot;
	if (t->meta.root == P_NONE)
	{
		shape->empty = true;
		if (t->meta.level != 0)
			diag_add_block(ds, D_BT_ROOT, 0, "no root but btm_level %u", t->meta.level);
		goto unreached;
	}
	check_meta(t, ds);
	if (!is_page(t, t->meta.root))
		goto unreached;
	if (t->meta.level >= BT_WALK_MAX_LEVELS)
	{
		diag_add_block(ds, D_BT_ROOT, 0, "btm_level %u: no tree has that many levels",
					   t->meta.level);
		goto unreached;
	}
	level = t->meta.level;
	leftmost = t->meta.root;
	for (;;)
	{
		struct chain *tmp;
		const struct bt_sum *lm;

		walk_level(t, leftmost, level, &shape->levels[shape->nlevels], cur, ds);
		shape->nlevels++;
		if (parent->n > 0)
		{
			int			before = ds->n + ds->dropped;

			check_downlinks(t, parent, level, ds);
			if (ds->n + ds->dropped == before)
				check_highkeys(t, parent, cur, level, ds);
		}
		if (level == 0)
			break;
		lm = &t->s[leftmost];
		if (lm->ndown == 0)
		{
			diag_add_block(ds, D_BT_DOWNLINK, leftmost,
						   "leftmost page of level %u has no downlink", level);
			break;
		}
		leftmost = t->d[lm->down_first].child;
		if (!is_page(t, leftmost) || t->s[leftmost].walk_level != 0)
		{
			/* reported with the downlinks once level - 1 is known */
			check_downlinks(t, cur, level - 1, ds);
			break;
		}
		tmp = parent;
		parent = cur;
		cur = tmp;
		level--;
	}
unreached:
	for (uint32_t i = 1; i < t->n; i++)
		if (t->s[i].state == BS_PAGE && t->s[i].walk_level == 0 &&
			!(t->s[i].flags & (BTP_DELETED | BTP_HALF_DEAD)))
			shape->unreached++;
	free(a.b);
	free(b.b);
}
