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

#include "nbtree/btree_walk_int.h"
#include "io/relpath.h"

/* A growing list of block numbers (one level's sibling chain). */
struct chain {
	uint32_t   *b;
	uint32_t	n;
	uint32_t	cap;
};

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
