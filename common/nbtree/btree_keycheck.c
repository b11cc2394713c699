/*
 * B-tree invariants that compare keys (amcheck's verify_nbtree.c):
 * order within pages, high keys, separators against their children.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nbtree/btree_keycheck.h"

/* what a page leaves behind for the checks across pages */
struct page_keys {
	bool		have;
	bool		leaf;
	uint32_t	level;
	uint32_t	next;			/* btpo_next */
	bool		has_hikey,
				has_first,
				has_last;
	struct bt_key hikey;		/* copies */
	struct bt_key first;		/* the first data item (not minus infinity) */
	struct bt_key last;
};

struct downlink {
	uint32_t	parent;
	uint16_t	item;
	uint32_t	child;
	bool		has_sep;		/* false: the minus infinity item */
	struct bt_key sep;			/* copy */
};

struct bt_keycheck {
	struct bt_keydesc kd;
	struct page_keys *pages;
	uint32_t	npages;
	struct downlink *dl;
	size_t		ndl,
				capdl;
	uint64_t	compared;
	size_t		held;			/* bytes of key copies and downlinks kept */
	bool		full;			/* over KEYCHECK_MAX_HELD: pages after not kept */
};

/*
 * What the checks across pages may keep: a real index keeps about three
 * keys per page, but a hostile one could make every page hold 2.7 kB keys
 * and hundreds of downlinks.  Past the bound the pages read later are
 * checked on their own only, and a notice says from which block.
 */
#define KEYCHECK_MAX_HELD ((size_t) 16 * 1024 * 1024)

struct bt_keycheck *
bt_keycheck_new(const struct bt_keydesc *kd)
{
	struct bt_keycheck *kc = calloc(1, sizeof(*kc));

	if (kc)
		kc->kd = *kd;
	return kc;
}

void
bt_keycheck_free(struct bt_keycheck *kc)
{
	if (kc == NULL)
		return;
	for (uint32_t i = 0; i < kc->npages; i++)
	{
		bt_key_free(&kc->pages[i].hikey);
		bt_key_free(&kc->pages[i].first);
		bt_key_free(&kc->pages[i].last);
	}
	for (size_t i = 0; i < kc->ndl; i++)
		bt_key_free(&kc->dl[i].sep);
	free(kc->pages);
	free(kc->dl);
	free(kc);
}

void
bt_keycheck_set_heapkeyspace(struct bt_keycheck *kc, bool heapkeyspace)
{
	kc->kd.heapkeyspace = heapkeyspace;
}

uint64_t
bt_keycheck_compared(const struct bt_keycheck *kc)
{
	return kc->compared;
}

static void finding(struct diags *ds, uint32_t blkno, uint16_t item,
					const char *fmt,...) __attribute__((format(printf, 4, 5)));

static void
finding(struct diags *ds, uint32_t blkno, uint16_t item, const char *fmt,...)
{
	char		buf[256];
	va_list		ap;
	struct diag *d;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	d = diag_add_block(ds, D_BT_KEY_ORDER, blkno, "%s", buf);
	if (d)
		d->item = item;
}

/*
 * Compare, counting; a comparison that cannot be made is a finding of its
 * own (a value that does not read) and counts as in order.
 */
static int
cmp(struct bt_keycheck *kc, const struct bt_key *a, bool a_max,
	const struct bt_key *b, struct diags *ds)
{
	char		err[200];
	int			res;

	kc->compared++;
	if (bt_key_cmp(&kc->kd, a, a_max, b, &res, err, sizeof(err)) != 0)
	{
		struct diag *d = diag_add_block(ds, D_BAD_VALUE, a->blkno,
										"item %u or block %u item %u: %s",
										a->off, b->blkno, b->off, err);

		if (d)
			d->item = a->off;
		return 0;
	}
	return res;
}

static bool
grow_pages(struct bt_keycheck *kc, uint32_t blkno)
{
	uint32_t	n = kc->npages ? kc->npages : 64;
	struct page_keys *p;

	if (blkno < kc->npages)
		return true;
	while (n <= blkno)
		n = n > UINT32_MAX / 2 ? UINT32_MAX : n * 2;
	p = realloc(kc->pages, (size_t) n * sizeof(*p));
	if (p == NULL)
		return false;
	memset(p + kc->npages, 0, (size_t) (n - kc->npages) * sizeof(*p));
	kc->pages = p;
	kc->npages = n;
	return true;
}

static bool
add_downlink(struct bt_keycheck *kc, uint32_t parent, uint16_t item,
			 uint32_t child, const struct bt_key *sep)
{
	struct downlink *d;

	if (kc->ndl == kc->capdl)
	{
		size_t		n = kc->capdl ? kc->capdl * 2 : 256;

		d = realloc(kc->dl, n * sizeof(*d));
		if (d == NULL)
			return false;
		kc->dl = d;
		kc->capdl = n;
	}
	d = &kc->dl[kc->ndl];
	memset(d, 0, sizeof(*d));
	kc->held += sizeof(*d) + (sep ? sep->end : 0);
	d->parent = parent;
	d->item = item;
	d->child = child;
	if (sep)
	{
		if (!bt_key_copy(&d->sep, sep))
			return false;
		d->has_sep = true;
	}
	kc->ndl++;
	return true;
}

bool
bt_keycheck_page(struct bt_keycheck *kc, uint32_t blkno, const uint8_t *page,
				 const struct page_header *h, const struct bt_opaque *o,
				 const struct pg_profile *prof, struct diags *ds)
{
	bool		leaf = (o->flags & BTP_LEAF) != 0,
				rightmost = o->next == P_NONE,
				hks = kc->kd.heapkeyspace;
	unsigned	n,
				firstdata = rightmost ? 1 : 2;
	struct bt_item it;
	struct bt_key hk,
				prev,
				k;
	bool		has_hk = false,
				has_prev = false,
				has_first = false;
	struct page_keys *pk,
				alone = {0};
	bool		keep;
	struct diags scratch;

	if (o->flags & (BTP_DELETED | BTP_META))
		return true;			/* no keys to order */
	if (!kc->full && kc->held > KEYCHECK_MAX_HELD)
	{
		kc->full = true;
		diag_add_block(ds, D_VALUE_LIMIT, blkno,
					   "keys of over %zu MiB kept: from here on pages are checked on their own, not against their siblings, parents and children",
					   KEYCHECK_MAX_HELD >> 20);
	}
	keep = !kc->full;
	if (!keep)
		pk = &alone;			/* checked on its own: nothing kept */
	else
	{
		if (!grow_pages(kc, blkno))
			return false;
		pk = &kc->pages[blkno];
	}
	if (pk->have)
		return true;
	pk->have = keep;
	pk->leaf = leaf;
	pk->level = o->level;
	pk->next = o->next;
	n = bt_item_count(h, o, prof);
	/* the items' own damage is reported by the walk: not again here */
	diags_reset(&scratch);
	if (!rightmost && n >= 1 &&
		bt_item_decode(page, h, o, P_HIKEY, prof, blkno, &it, &scratch))
	{
		bt_key_from_item(&kc->kd, &it, false, blkno, &hk);
		has_hk = true;
		if (keep)
		{
			if (!bt_key_copy(&pk->hikey, &hk))
				return false;
			kc->held += hk.end;
			pk->has_hikey = true;
		}
	}
	for (unsigned off = firstdata; off <= n; off++)
	{
		bool		minus_inf = !leaf && off == firstdata;

		if (!bt_item_decode(page, h, o, off, prof, blkno, &it, &scratch))
			continue;
		bt_key_from_item(&kc->kd, &it, minus_inf, blkno, &k);
		if (keep && !leaf && !add_downlink(kc, blkno, (uint16_t) off, it.ctid.block,
								   minus_inf ? NULL : &k))
			return false;
		if (minus_inf)
			continue;
		if (has_prev)
		{
			int			r = cmp(kc, &prev, true, &k, ds);

			if (r > 0 || (hks && r == 0))
				finding(ds, blkno, (uint16_t) off,
						r > 0 ? "item %u sorts before item %u" :
						"item %u is equal to item %u, heap TID included",
						off, prev.off);
		}
		if (has_hk && cmp(kc, &k, true, &hk, ds) > 0)
			finding(ds, blkno, (uint16_t) off, "item %u is above the high key", off);
		if (!has_first && keep)
		{
			if (!bt_key_copy(&pk->first, &k))
				return false;
			kc->held += k.end;
			pk->has_first = has_first = true;
		}
		prev = k;
		has_prev = true;
	}
	if (has_prev && keep)
	{
		if (!bt_key_copy(&pk->last, &prev))
			return false;
		kc->held += prev.end;
		pk->has_last = true;
	}
	return true;
}

void
bt_keycheck_finish(struct bt_keycheck *kc, struct diags *ds)
{
	bool		hks = kc->kd.heapkeyspace;

	/* right siblings */
	for (uint32_t b = 0; b < kc->npages; b++)
	{
		struct page_keys *p = &kc->pages[b],
				   *r;

		if (!p->have || p->next == P_NONE || p->next >= kc->npages)
			continue;
		r = &kc->pages[p->next];
		if (!r->have || !r->has_first || r->level != p->level || r->leaf != p->leaf)
			continue;
		if (p->has_hikey && cmp(kc, &p->hikey, false, &r->first, ds) > 0)
			finding(ds, p->next, r->first.off,
					"item %u, the first of the page, is below the high key of its left sibling, block %u",
					r->first.off, b);
		if (p->has_last)
		{
			int			c = cmp(kc, &p->last, true, &r->first, ds);

			if (c > 0 || (hks && c == 0))
				finding(ds, p->next, r->first.off,
						"item %u, the first of the page, is not above block %u item %u, the last of its left sibling",
						r->first.off, b, p->last.off);
		}
	}
	/* downlinks: the separator and the next one bound the child */
	for (size_t i = 0; i < kc->ndl; i++)
	{
		const struct downlink *d = &kc->dl[i];
		const struct page_keys *c,
				   *par;
		const struct bt_key *upper = NULL;
		uint16_t	upper_item = 1;

		if (d->child >= kc->npages || !kc->pages[d->child].have)
			continue;
		c = &kc->pages[d->child];
		par = &kc->pages[d->parent];
		if (i + 1 < kc->ndl && kc->dl[i + 1].parent == d->parent)
		{
			if (kc->dl[i + 1].has_sep)
			{
				upper = &kc->dl[i + 1].sep;
				upper_item = kc->dl[i + 1].item;
			}
		}
		else if (par->has_hikey)
			upper = &par->hikey;
		if (d->has_sep && c->has_first && cmp(kc, &d->sep, false, &c->first, ds) > 0)
			finding(ds, d->parent, d->item,
					"separator of item %u is above item %u, the first of its child, block %u",
					d->item, c->first.off, d->child);
		if (upper && c->has_last && cmp(kc, &c->last, true, upper, ds) > 0)
			finding(ds, d->parent, upper_item,
					"block %u item %u, the last of the child of item %u, is above the next separator",
					d->child, c->last.off, d->item);
	}
}
