/*
 * B-tree pages decoded as pageinspect shows them.  Layouts from each
 * major's access/nbtree.h and access/itup.h; the columns and their corner
 * cases (deleted pages, pivot heap TIDs, posting lists) from each major's
 * contrib/pageinspect/btreefuncs.c, selected through the profile.
 */
#include <stdio.h>
#include <string.h>

#include "nbtree/btree.h"

#define MAX_BT_CYCLE_ID 0xFF7F	/* other AMs put a page ID above this */

bool
bt_meta_decode(const uint8_t *page, struct bt_meta *m, struct diags *ds)
{
	const uint8_t *p = page + SIZE_OF_PAGE_HEADER;	/* PageGetContents */
	struct page_header h;

	memset(m, 0, sizeof(*m));
	page_header_decode(page, &h);
	m->magic = rd32(p);
	m->version = rd32(p + 4);
	m->root = rd32(p + 8);
	m->level = rd32(p + 12);
	m->fastroot = rd32(p + 16);
	m->fastlevel = rd32(p + 20);
	m->oldest_xact = rd32(p + 24);
	memcpy(&m->last_cleanup_num_heap_tuples, p + 32, sizeof(double));
	m->allequalimage = p[40] != 0;
	if (h.special == BLCKSZ - BT_OPAQUE_SIZE)
		m->btpo_flags = rd16(page + h.special + 12);
	if (m->version < BTREE_NOVAC_VERSION)
	{
		/* _bt_metaversion(): only version 3+ metapages have these set */
		m->oldest_xact = 0;
		m->last_cleanup_num_heap_tuples = -1;
		m->allequalimage = false;
	}
	m->ok = true;
	if (m->magic != BTREE_MAGIC)
	{
		diag_add_block(ds, D_BT_BAD_META, 0, "btm_magic 0x%06x, expected 0x%06x",
					   m->magic, BTREE_MAGIC);
		m->ok = false;
	}
	else if (m->version < BTREE_MIN_VERSION || m->version > BTREE_MAX_VERSION)
	{
		diag_add_block(ds, D_BT_BAD_META, 0, "btm_version %u, expected 2 to 4",
					   m->version);
		m->ok = false;
	}
	else if ((m->btpo_flags & BTP_META) == 0)
	{
		diag_add_block(ds, D_BT_BAD_META, 0, "block 0 lacks BTP_META (btpo_flags 0x%04x)",
					   m->btpo_flags);
		m->ok = false;
	}
	return m->ok;
}

bool
bt_opaque_decode(const uint8_t *page, const struct page_header *h,
				 struct bt_opaque *o, uint32_t blkno, struct diags *ds)
{
	const uint8_t *s;

	memset(o, 0, sizeof(*o));
	if (h->special != BLCKSZ - BT_OPAQUE_SIZE)
	{
		diag_add_block(ds, D_BT_BAD_PAGE, blkno,
					   "pd_special %u, a B-tree page has it at %u",
					   h->special, BLCKSZ - BT_OPAQUE_SIZE);
		return false;
	}
	s = page + h->special;
	o->prev = rd32(s);
	o->next = rd32(s + 4);
	o->level = rd32(s + 8);
	o->flags = rd16(s + 12);
	o->cycleid = rd16(s + 14);
	if (o->cycleid > MAX_BT_CYCLE_ID)
	{
		diag_add_block(ds, D_BT_BAD_PAGE, blkno,
					   "page ID 0x%04x: a page of another index method", o->cycleid);
		return false;
	}
	o->ok = true;
	return true;
}

/* IndexTupleSize() of the tuple a line pointer points at, never past the page. */
static unsigned
tuple_size_at(const uint8_t *page, unsigned off)
{
	if (off + 8 > BLCKSZ)
		return 0;
	return rd16(page + off + 6) & INDEX_SIZE_MASK;
}

void
bt_page_stats(const uint8_t *page, const struct page_header *h,
			  const struct bt_opaque *o, const struct pg_profile *prof,
			  struct bt_stats *st)
{
	unsigned	maxoff = page_item_count(h),
				off;
	uint64_t	item_size = 0;

	memset(st, 0, sizeof(*st));
	st->page_size = h->pagesize;
	if (o->flags & BTP_DELETED)
	{
		if (!prof->bt_full_xid)
		{
			/*
			 * 10..13 return early: the opaque links stay at their
			 * InvalidBlockNumber placeholder, printed with %d.
			 */
			st->type = 'd';
			st->btpo_prev = -1;
			st->btpo_next = -1;
			st->btpo_level = (int32_t) o->level;	/* btpo.xact */
			return;
		}
		st->type = ((o->flags & BTP_LEAF) || !(o->flags & BTP_HAS_FULLXID)) ? 'd' : 'D';
		maxoff = 0;				/* BTDeletedPageData is no tuple */
	}
	else if (o->flags & BTP_HALF_DEAD)
		st->type = 'e';
	else if (o->flags & BTP_LEAF)
		st->type = 'l';
	else if (o->flags & BTP_ROOT)
		st->type = 'r';
	else
		st->type = 'i';
	if (prof->bt_full_xid)
	{
		st->btpo_prev = o->prev;
		st->btpo_next = o->next;
		st->btpo_level = o->level;
	}
	else
	{
		st->btpo_prev = (int32_t) o->prev;
		st->btpo_next = (int32_t) o->next;
		st->btpo_level = (int32_t) o->level;
	}
	st->btpo_flags = o->flags;
	for (off = 1; off <= maxoff; off++)
	{
		uint32_t	v = rd32(page + SIZE_OF_PAGE_HEADER + (off - 1) * 4);

		item_size += tuple_size_at(page, v & 0x7FFF);
		if (((v >> 15) & 3) == LP_DEAD)
			st->dead_items++;
		else
			st->live_items++;
	}
	st->free_size = page_free_space(h);
	if (maxoff > 0)
		st->avg_item_size = (uint32_t) (item_size / maxoff);
}

unsigned
bt_item_count(const struct page_header *h, const struct bt_opaque *o,
			  const struct pg_profile *prof)
{
	if ((o->flags & BTP_DELETED) && prof->bt_full_xid)
		return 0;
	return page_item_count(h);
}

static void
tid_at(const uint8_t *p, struct bt_tid *t)
{
	t->block = ((uint32_t) rd16(p) << 16) | rd16(p + 2);
	t->offset = rd16(p + 4);
}

static void
item_finding(struct diags *ds, uint32_t blkno, unsigned off, const char *what,
			 unsigned a, unsigned b)
{
	struct diag *d = diag_add_block(ds, D_BT_BAD_TUPLE, blkno, what, a, b);

	if (d)
		d->item = (uint16_t) off;
}

bool
bt_item_decode(const uint8_t *page, const struct page_header *h,
			   const struct bt_opaque *o, unsigned off,
			   const struct pg_profile *prof, uint32_t blkno,
			   struct bt_item *it, struct diags *ds)
{
	unsigned	dataoff,
				len,
				dend;
	bool		leaf = (o->flags & BTP_LEAF) != 0,
				rightmost = o->next == P_NONE;

	memset(it, 0, sizeof(*it));
	it->itemoffset = (uint16_t) off;
	it->data = page;
	it->pivot = !leaf || (!rightmost && off == P_HIKEY);
	if (!page_item(page, h, off, &it->lp, blkno, ds))
		return false;
	/* PageAddItem MAXALIGNs every tuple; PageIndexTupleDelete calls one
	 * that is not a corrupted line pointer */
	if (it->lp.len > 0 && (it->lp.off & (MAXIMUM_ALIGNOF - 1)) != 0)
	{
		struct diag *d = diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
										"line pointer to page offset %u is not maximally aligned",
										it->lp.off);

		if (d)
			d->item = (uint16_t) off;
		return false;
	}
	it->dead = it->lp.flags == LP_DEAD;
	if (it->lp.flags == LP_UNUSED || it->lp.flags == LP_REDIRECT || it->lp.len == 0)
	{
		item_finding(ds, blkno, off, "line pointer flags %u, length %u: no index tuple",
					 it->lp.flags, it->lp.len);
		return false;
	}
	if (it->lp.len < INDEX_TUPLE_HEADER)
	{
		item_finding(ds, blkno, off, "lp_len %u is shorter than the %u-byte tuple header",
					 it->lp.len, INDEX_TUPLE_HEADER);
		return false;
	}
	it->tuple = page + it->lp.off;
	tid_at(it->tuple, &it->ctid);
	it->t_info = rd16(it->tuple + 6);
	it->itemlen = it->t_info & INDEX_SIZE_MASK;
	it->nulls = (it->t_info & INDEX_NULL_MASK) != 0;
	it->vars = (it->t_info & INDEX_VAR_MASK) != 0;
	dataoff = it->nulls ? INDEX_TUPLE_HEADER_NULLS : INDEX_TUPLE_HEADER;
	len = it->itemlen;
	if (len > it->lp.len)
	{
		item_finding(ds, blkno, off, "tuple length %u exceeds lp_len %u",
					 len, it->lp.len);
		return false;
	}
	if (len < dataoff)
	{
		item_finding(ds, blkno, off, "tuple length %u is shorter than its %u-byte header",
					 len, dataoff);
		return false;
	}
	dend = len;
	if (it->t_info & INDEX_ALT_TID_MASK)
	{
		it->is_posting = (it->ctid.offset & BT_IS_POSTING) != 0;
		it->is_pivot = !it->is_posting;
	}
	if (it->is_pivot)
	{
		it->natts = it->ctid.offset & BT_OFFSET_MASK;
		if (it->ctid.offset & BT_PIVOT_HEAP_TID_ATTR)
		{
			if (len < dataoff + 8)
			{
				item_finding(ds, blkno, off, "pivot tuple of %u bytes has no room for its heap TID after %u header bytes",
							 len, dataoff);
				return false;
			}
			it->has_htid = true;
			tid_at(it->tuple + len - TID_SIZE, &it->htid);
			dend = len - 8;		/* MAXALIGN(sizeof(ItemPointerData)) */
		}
	}
	else if (it->is_posting)
	{
		uint32_t	postoff = it->ctid.block;

		it->nposting = it->ctid.offset & BT_OFFSET_MASK;
		if (postoff < dataoff || postoff > len ||
			(len - postoff) / TID_SIZE < it->nposting)
		{
			item_finding(ds, blkno, off, "posting list at offset %u does not fit a tuple of %u bytes",
						 postoff, len);
			it->nposting = 0;
			return false;
		}
		if (it->nposting == 0)
		{
			item_finding(ds, blkno, off, "posting list of %u TIDs in a tuple of %u bytes",
						 0, len);
			return false;
		}
		it->posting = it->tuple + postoff;
		it->has_htid = true;
		tid_at(it->posting, &it->htid);
		dend = postoff;
	}
	else
	{
		it->has_htid = true;
		it->htid = it->ctid;
	}
	/* a !heapkeyspace pivot has no heap TID, whatever its t_tid says */
	if (it->pivot && !it->is_pivot)
		it->has_htid = false;
	it->data = it->tuple + dataoff;
	it->key = it->tuple + INDEX_TUPLE_HEADER;
	it->key_len = dend - INDEX_TUPLE_HEADER;
	/* up to 12, pageinspect shows every byte after the header */
	it->data_len = (prof->bt_posting ? dend : len) - dataoff;
	it->ok = true;
	return true;
}

void
bt_item_tid(const struct bt_item *it, unsigned i, struct bt_tid *tid)
{
	if (it->posting == NULL || i >= it->nposting)
	{
		tid->block = INVALID_BLOCK;
		tid->offset = 0;
		return;
	}
	tid_at(it->posting + (size_t) i * TID_SIZE, tid);
}

int
bt_tid_cmp(const struct bt_tid *a, const struct bt_tid *b)
{
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	return 0;
}

int
bt_flag_names(uint16_t flags, const char *names[], int max)
{
	static const char *const n[] = {
		"LEAF", "ROOT", "DELETED", "META", "HALF_DEAD", "SPLIT_END",
		"HAS_GARBAGE", "INCOMPLETE_SPLIT", "HAS_FULLXID"
	};
	int			k = 0;

	for (unsigned i = 0; i < sizeof(n) / sizeof(n[0]); i++)
		if ((flags & (1u << i)) && k < max)
			names[k++] = n[i];
	return k;
}

void
bt_tid_format(const struct bt_tid *t, char *buf, size_t size)
{
	snprintf(buf, size, "(%u,%u)", t->block, t->offset);
}
