/*
 * walrows: heap records' rows as the page holds them -- from the record,
 * its full page image, or a page followed since an earlier image, in the
 * order heap_xlog_insert/_multi_insert/_update/_delete/_inplace apply
 * them -- and the names the WAL tells on the way.
 */
#include <stdlib.h>
#include <string.h>

#include "heap/heappage.h"
#include "rmgrdesc/rmgrdesc.h"
#include "wal/walimage.h"
#include "wal/walpages.h"
#include "wal/walrows.h"

#define XLOG_FPI_FOR_HINT 0xA0
#define XLOG_FPI 0xB0

struct walrows_state {
	struct walnames *names;		/* NULL: no names to learn */
	bool		all;			/* rows of every relation, not only pg_class's */
	struct walpages *wp;
	struct walheap h;
	uint8_t		image[WAL_MAX_BLOCK_ID + 1][WAL_BLCKSZ];	/* restored images */
	int8_t		restored[WAL_MAX_BLOCK_ID + 1];	/* 0 not tried, 1 ok, -1 failed */
	uint8_t		oldbuf[WAL_BLCKSZ];	/* the old tuple, copied off the followed page */
	uint8_t    *arena;			/* tuples built from the record */
	size_t		cap,
				used;
};

struct walrows_state *
walrows_create(struct walnames *names, size_t max_pages)
{
	struct walrows_state *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return NULL;
	s->names = names;
	s->all = max_pages > 0;
	s->wp = walpages_create(max_pages > 0 ? max_pages : 256);
	if (s->wp == NULL)
	{
		free(s);
		return NULL;
	}
	return s;
}

void
walrows_free(struct walrows_state *s)
{
	if (s == NULL)
		return;
	walpages_free(s->wp);
	free(s->arena);
	free(s);
}

size_t
walrows_evicted(const struct walrows_state *s)
{
	return walpages_evicted(s->wp);
}

const char *
walrow_source_name(enum walrow_source s)
{
	static const char *const names[] = {"none", "record", "image", "page"};

	return names[s];
}

static struct walpage_key
key_of(const struct walblock *b)
{
	struct walpage_key k = {b->spcoid, b->dboid, b->relnumber, b->blkno};

	return k;
}

/* Block id's image restored (once per record), or NULL. */
static const uint8_t *
image_of(struct walrows_state *s, const struct walrec *r, int id, struct diags *ds)
{
	if (!walrec_has_block(r, id) || !r->blocks[id].has_image)
		return NULL;
	if (s->restored[id] == 0)
		s->restored[id] = wal_restore_image(&r->blocks[id], s->image[id], ds) == 0 ? 1 : -1;
	return s->restored[id] == 1 ? s->image[id] : NULL;
}

/* The tuple at offnum of a restored page, or NULL. */
static const uint8_t *
page_tuple(const uint8_t *page, uint16_t offnum, size_t *len)
{
	struct page_header h;
	struct heap_item it;

	page_header_decode(page, &h);
	if (offnum == 0 || offnum > page_item_count(&h) || h.special != WAL_BLCKSZ)
		return NULL;
	heappage_item(page, offnum, &it);
	if (it.id.flags != LP_NORMAL || !it.has_tuple || it.t.status != HT_OK)
		return NULL;
	*len = it.t.len;
	return it.t.raw;
}

static uint8_t *
arena_take(struct walrows_state *s, size_t n)
{
	uint8_t    *p;

	if (s->used + n > s->cap)
	{
		size_t		want = s->cap ? s->cap : 65536;

		while (want < s->used + n)
			want *= 2;
		/* tuples already given point into it: only grow between records */
		if (s->used > 0)
			return NULL;
		if ((p = realloc(s->arena, want)) == NULL)
			return NULL;
		s->arena = p;
		s->cap = want;
	}
	p = s->arena + s->used;
	s->used += n;
	return p;
}

/* Room for every tuple of the record, taken before the first is built. */
static void
arena_reserve(struct walrows_state *s, const struct walrec *r)
{
	size_t		need = (size_t) r->tot_len + (size_t) (WALHEAP_MAX_TUPLES + 1) * 32 + 2 * WAL_BLCKSZ;

	s->used = 0;
	if (need > s->cap)
	{
		uint8_t    *p = realloc(s->arena, need);

		if (p != NULL)
		{
			s->arena = p;
			s->cap = need;
		}
	}
}

static struct walrow_tuple *
add(struct walrows *out, const struct walheap_tuple *t)
{
	struct walrow_tuple *o = &out->t[out->n++];

	memset(o, 0, sizeof(*o));
	o->old = t->old;
	o->key_only = t->key_only;
	o->block_id = t->block_id;
	o->blkno = t->blkno;
	o->offnum = t->offnum;
	return o;
}

static void
build(struct walrows_state *s, const struct walheap_tuple *t, uint32_t xid,
	  const uint8_t *old, size_t oldlen, struct walrow_tuple *o, enum walrow_source src)
{
	size_t		room = (size_t) t->len + t->prefixlen + t->suffixlen + 24;
	uint8_t    *buf = arena_take(s, room);

	if (buf == NULL || (o->len = walheap_build(t, xid, old, oldlen, buf, room)) == 0)
	{
		o->why = buf == NULL ? "out of memory" : "the tuple in the record does not hold together";
		return;
	}
	o->tup = buf;
	o->source = src;
}

/* Is this record's page one whose rows are wanted (all, or pg_class's)? */
static bool
wanted(struct walrows_state *s, const struct walblock *b)
{
	if (b->fork != 0)
		return false;
	if (s->all)
		return true;
	return s->names != NULL && walnames_is_pg_class(s->names, b->spcoid, b->dboid, b->relnumber);
}

/* Images of the record's heap pages: followed from now on. */
static void
follow_images(struct walrows_state *s, const struct walrec *r, struct diags *ds)
{
	for (int id = 0; id <= r->max_block_id; id++)
	{
		const uint8_t *img;
		struct walpage_key k;

		if (!walrec_has_block(r, id) || !r->blocks[id].has_image || !wanted(s, &r->blocks[id]))
			continue;
		k = key_of(&r->blocks[id]);
		if ((img = image_of(s, r, id, ds)) != NULL)
			walpages_image(s->wp, &k, img);
	}
}

/* The old tuple of an UPDATE or DELETE as the page held it, copied. */
static enum walrow_source
old_tuple(struct walrows_state *s, const struct walrec *r, size_t *len, struct diags *ds)
{
	const struct walheap *h = &s->h;
	struct walpage_key k;
	const uint8_t *p,
			   *img;

	if (h->target_block < 0)
		return WRS_NONE;
	k = key_of(&r->blocks[h->target_block]);
	if ((p = walpages_get(s->wp, &k, h->target_offnum, len)) != NULL)
	{
		memcpy(s->oldbuf, p, *len);
		return WRS_PAGE;
	}
	/* the record's image is after the change: an old tuple keeps its data */
	if ((img = image_of(s, r, h->target_block, ds)) != NULL &&
		(p = page_tuple(img, h->target_offnum, len)) != NULL)
	{
		memcpy(s->oldbuf, p, *len);
		return WRS_IMAGE;
	}
	return WRS_NONE;
}

static void
learn_names(struct walrows_state *s, const struct walrec *r, const struct walrows *out)
{
	for (int i = 0; i < out->n; i++)
	{
		const struct walrow_tuple *o = &out->t[i];
		const struct walblock *b = &r->blocks[o->block_id];
		struct heap_tuple ht;

		if (o->tup == NULL || o->key_only ||
			!walnames_is_pg_class(s->names, b->spcoid, b->dboid, b->relnumber))
			continue;
		if (heaptuple_decode(o->tup, (uint16_t) o->len, &ht) == HT_OK)
			walnames_learn_class(s->names, b->dboid, &ht);
	}
}

/* The new tuples of the record, and the followed pages brought up to date. */
static void
new_tuples(struct walrows_state *s, const struct walrec *r, size_t oldlen,
		   enum walrow_source oldsrc, struct walrows *out, struct diags *ds)
{
	for (int i = 0; i < s->h.n; i++)
	{
		const struct walheap_tuple *t = &s->h.t[i];
		struct walrow_tuple *o;
		const uint8_t *img;

		if (t->old)
			continue;
		o = add(out, t);
		switch (t->status)
		{
			case WHS_OK:
				build(s, t, r->xid, NULL, 0, o, WRS_RECORD);
				break;
			case WHS_IN_IMAGE:
				if ((img = image_of(s, r, t->block_id, ds)) != NULL &&
					(o->tup = page_tuple(img, t->offnum, &o->len)) != NULL)
					o->source = WRS_IMAGE;
				else
					o->why = "the record's full page image has no tuple there";
				break;
			case WHS_NEEDS_OLD:
				if (oldsrc != WRS_NONE)
					build(s, t, r->xid, s->oldbuf, oldlen, o, WRS_PAGE);
				else
					o->why = "prefix and suffix left out (taken from the old tuple), and no earlier full page image of the page in the WAL read";
				break;
			case WHS_BAD:
				o->why = "the record is too short for its tuple";
				break;
		}
	}
}

static void
update_pages(struct walrows_state *s, const struct walrec *r, const struct walrows *out,
			 struct diags *ds)
{
	const struct walheap *h = &s->h;
	struct walpage_key k;

	if (h->init_page && walrec_has_block(r, 0) && !r->blocks[0].has_image &&
		wanted(s, &r->blocks[0]))
	{
		k = key_of(&r->blocks[0]);
		walpages_init(s->wp, &k);
	}
	follow_images(s, r, ds);
	if (h->op == WHO_INPLACE)
	{
		const struct walheap_tuple *t = &h->t[0];

		k = key_of(&r->blocks[0]);
		if (h->n == 1 && t->status == WHS_OK)
			walpages_inplace(s->wp, &k, t->offnum, t->data, t->len);
		return;
	}
	for (int i = 0; i < out->n; i++)
	{
		const struct walrow_tuple *o = &out->t[i];

		if (o->old || r->blocks[o->block_id].has_image)
			continue;
		k = key_of(&r->blocks[o->block_id]);
		if (o->tup != NULL)
			walpages_put(s->wp, &k, o->offnum, o->tup, o->len);
		else
			walpages_forget(s->wp, &k, o->offnum);
	}
}

void
walrows_record(struct walrows_state *s, const struct walrec *r, struct walrows *out,
			   struct diags *ds)
{
	size_t		oldlen = 0;
	enum walrow_source oldsrc = WRS_NONE;

	out->n = 0;
	out->op = WHO_NONE;
	memset(s->restored, 0, sizeof(s->restored));
	if (r->rmid == RM_RELMAP_ID)
	{
		if (s->names != NULL)
			walnames_learn_relmap(s->names, r);
		return;
	}
	if (r->rmid == RM_XLOG_ID)
	{
		uint8_t		info = r->info & XLR_RMGR_INFO_MASK;

		if (info == XLOG_FPI || info == XLOG_FPI_FOR_HINT)
			follow_images(s, r, ds);
		return;
	}
	if (r->rmid != RM_HEAP_ID && r->rmid != RM_HEAP2_ID)
		return;
	if (walheap_decode(r, &s->h) != 0 || s->h.op == WHO_NONE || !wanted(s, &r->blocks[0]))
	{
		/* prunes, locks, freezes: their images are the page as it is now */
		follow_images(s, r, ds);
		return;
	}
	out->op = s->h.op;
	arena_reserve(s, r);
	if (s->h.op == WHO_UPDATE || s->h.op == WHO_HOT_UPDATE || s->h.op == WHO_DELETE)
		oldsrc = old_tuple(s, r, &oldlen, ds);
	if (s->h.op != WHO_INPLACE)
		new_tuples(s, r, oldlen, oldsrc, out, ds);
	/* the old row: as the record carries it, else as the page held it */
	for (int i = 0; i < s->h.n; i++)
		if (s->h.t[i].old)
		{
			struct walrow_tuple *o = add(out, &s->h.t[i]);

			build(s, &s->h.t[i], 0, NULL, 0, o, WRS_RECORD);
			oldsrc = WRS_NONE;
		}
	if (oldsrc != WRS_NONE)
	{
		struct walheap_tuple t;
		struct walrow_tuple *o;

		memset(&t, 0, sizeof(t));
		t.old = true;
		t.block_id = s->h.target_block;
		t.blkno = s->h.target_blkno;
		t.offnum = s->h.target_offnum;
		o = add(out, &t);
		if ((o->tup = arena_take(s, oldlen)) != NULL)
		{
			memcpy((uint8_t *) o->tup, s->oldbuf, oldlen);
			o->len = oldlen;
			o->source = oldsrc;
		}
	}
	update_pages(s, r, out, ds);
	if (s->names != NULL)
		learn_names(s, r, out);
	if (s->h.op == WHO_INPLACE)
		out->n = 0;
}
