/*
 * walpages: heap pages followed tuple by tuple through the WAL (what
 * heap_xlog_* would leave on them), a bounded pool with FIFO eviction.
 */
#include <stdlib.h>
#include <string.h>

#include "heap/heappage.h"
#include "page/page.h"
#include "wal/walheap.h"
#include "wal/walpages.h"

struct ptuple {
	uint8_t    *p;				/* the tuple, header included; NULL: unknown */
	uint16_t	len;
};

struct wpage {
	struct walpage_key key;
	bool		used;
	int			next;			/* next in the bucket's chain, -1 */
	struct ptuple t[WALHEAP_MAX_TUPLES];	/* by offnum */
};

struct walpages {
	struct wpage *pool;
	size_t		max;
	size_t		clock;			/* next slot to fill (FIFO) */
	int		   *bucket;			/* nbuckets heads, -1 empty */
	size_t		nbuckets;
	size_t		evicted;
};

static size_t
hash_key(const struct walpages *wp, const struct walpage_key *k)
{
	uint64_t	h = k->relnumber * 0x9E3779B97F4A7C15ull;

	h ^= (k->blkno + 0x7F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
	h ^= (uint64_t) k->dboid * 0x94D049BB133111EBull + k->spcoid;
	return (size_t) (h ^ (h >> 29)) & (wp->nbuckets - 1);
}

static bool
same(const struct walpage_key *a, const struct walpage_key *b)
{
	return a->relnumber == b->relnumber && a->blkno == b->blkno &&
		a->dboid == b->dboid && a->spcoid == b->spcoid;
}

struct walpages *
walpages_create(size_t max_pages)
{
	struct walpages *wp = calloc(1, sizeof(*wp));

	if (wp == NULL)
		return NULL;
	wp->max = max_pages ? max_pages : 1;
	for (wp->nbuckets = 16; wp->nbuckets < wp->max * 2; wp->nbuckets *= 2)
		;
	wp->pool = calloc(wp->max, sizeof(*wp->pool));
	wp->bucket = malloc(wp->nbuckets * sizeof(*wp->bucket));
	if (wp->pool == NULL || wp->bucket == NULL)
	{
		walpages_free(wp);
		return NULL;
	}
	memset(wp->bucket, 0xFF, wp->nbuckets * sizeof(*wp->bucket));
	return wp;
}

static void
clear_tuples(struct wpage *pg)
{
	for (int i = 0; i < WALHEAP_MAX_TUPLES; i++)
	{
		free(pg->t[i].p);
		pg->t[i].p = NULL;
		pg->t[i].len = 0;
	}
}

void
walpages_free(struct walpages *wp)
{
	if (wp == NULL)
		return;
	for (size_t i = 0; wp->pool != NULL && i < wp->max; i++)
		clear_tuples(&wp->pool[i]);
	free(wp->pool);
	free(wp->bucket);
	free(wp);
}

static struct wpage *
find(const struct walpages *wp, const struct walpage_key *k)
{
	for (int i = wp->bucket[hash_key(wp, k)]; i >= 0; i = wp->pool[i].next)
		if (same(&wp->pool[i].key, k))
			return &wp->pool[i];
	return NULL;
}

static void
unlink_page(struct walpages *wp, int idx)
{
	int		   *link = &wp->bucket[hash_key(wp, &wp->pool[idx].key)];

	while (*link >= 0 && *link != idx)
		link = &wp->pool[*link].next;
	if (*link == idx)
		*link = wp->pool[idx].next;
}

/* The page's entry, emptied: found, or taken from the pool (FIFO). */
static struct wpage *
take(struct walpages *wp, const struct walpage_key *k)
{
	struct wpage *pg = find(wp, k);
	int			idx;
	size_t		h;

	if (pg != NULL)
	{
		clear_tuples(pg);
		return pg;
	}
	idx = (int) wp->clock;
	wp->clock = (wp->clock + 1) % wp->max;
	pg = &wp->pool[idx];
	if (pg->used)
	{
		unlink_page(wp, idx);
		clear_tuples(pg);
		wp->evicted++;
	}
	pg->key = *k;
	pg->used = true;
	h = hash_key(wp, k);
	pg->next = wp->bucket[h];
	wp->bucket[h] = idx;
	return pg;
}

static void
set_tuple(struct ptuple *t, const uint8_t *tup, size_t len)
{
	free(t->p);
	t->p = NULL;
	t->len = 0;
	if (len == 0 || len > 0xFFFF || (t->p = malloc(len)) == NULL)
		return;
	memcpy(t->p, tup, len);
	t->len = (uint16_t) len;
}

void
walpages_image(struct walpages *wp, const struct walpage_key *k, const uint8_t *page)
{
	struct page_header h;
	struct wpage *pg;
	unsigned	n;

	page_header_decode(page, &h);
	/* a heap page has no special space; anything else is not followed */
	if (page_is_new(&h) || h.special != 8192 || h.lower < 24 || h.upper > 8192 ||
		h.lower > h.upper)
	{
		pg = find(wp, k);
		if (pg != NULL)
			clear_tuples(pg);	/* followed no more: nothing of it is known */
		return;
	}
	pg = take(wp, k);
	n = page_item_count(&h);
	for (unsigned i = 1; i <= n && i < WALHEAP_MAX_TUPLES; i++)
	{
		struct heap_item it;

		heappage_item(page, i, &it);
		if (it.id.flags == LP_NORMAL && it.has_tuple && it.t.status == HT_OK)
			set_tuple(&pg->t[i], it.t.raw, it.t.len);
	}
}

void
walpages_init(struct walpages *wp, const struct walpage_key *k)
{
	(void) take(wp, k);
}

bool
walpages_followed(const struct walpages *wp, const struct walpage_key *k)
{
	return find(wp, k) != NULL;
}

const uint8_t *
walpages_get(const struct walpages *wp, const struct walpage_key *k, uint16_t offnum,
			 size_t *len)
{
	const struct wpage *pg = find(wp, k);

	if (pg == NULL || offnum == 0 || offnum >= WALHEAP_MAX_TUPLES || pg->t[offnum].p == NULL)
		return NULL;
	*len = pg->t[offnum].len;
	return pg->t[offnum].p;
}

void
walpages_put(struct walpages *wp, const struct walpage_key *k, uint16_t offnum,
			 const uint8_t *tup, size_t len)
{
	struct wpage *pg = find(wp, k);

	if (pg != NULL && offnum > 0 && offnum < WALHEAP_MAX_TUPLES)
		set_tuple(&pg->t[offnum], tup, len);
}

void
walpages_forget(struct walpages *wp, const struct walpage_key *k, uint16_t offnum)
{
	walpages_put(wp, k, offnum, NULL, 0);
}

void
walpages_inplace(struct walpages *wp, const struct walpage_key *k, uint16_t offnum,
				 const uint8_t *data, size_t len)
{
	struct wpage *pg = find(wp, k);
	struct ptuple *t;

	if (pg == NULL || offnum == 0 || offnum >= WALHEAP_MAX_TUPLES)
		return;
	t = &pg->t[offnum];
	if (t->p == NULL)
		return;
	/* the same length from t_hoff, as heap_xlog_inplace insists */
	if (t->len < 23 || t->p[22] > t->len || (size_t) (t->len - t->p[22]) != len)
	{
		set_tuple(t, NULL, 0);
		return;
	}
	memcpy(t->p + t->p[22], data, len);
}

size_t
walpages_evicted(const struct walpages *wp)
{
	return wp->evicted;
}
