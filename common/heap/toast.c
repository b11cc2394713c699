/*
 * The TOAST store (access/common/detoast.c, heaptoast.c): a TOAST
 * relation's chunks indexed by chunk_id, a value's chunks reassembled, and
 * any stored form of a varlena back to its plain bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "io/blockreader.h"
#include "heap/heappage.h"
#include "io/segreader.h"
#include "heap/toast.h"

/*
 * The most a compressed stream of slen bytes can expand to: a pglz group of
 * 25 bytes (a control byte, eight 3-byte tags) makes at most 8 * 273
 * bytes; an LZ4 byte at most 255.  A larger claimed raw size is corrupt,
 * and is refused before anything is allocated for it.
 */
static bool
plausible_rawsize(unsigned method, size_t slen, size_t rawsize)
{
	size_t		ratio = method == TOAST_PGLZ ? 88 : 256;

	return rawsize <= slen * ratio + 16;
}

struct chunk_ref {
	uint32_t	valueid;		/* chunk_id */
	int32_t		seq;			/* chunk_seq */
	uint32_t	blkno;			/* absolute block */
	uint16_t	lp;				/* line pointer */
	uint32_t	slot;			/* cached page, or UINT32_MAX */
};

struct toast_store {
	char	  **paths;
	int			npaths;
	struct chunk_ref *refs;
	size_t		nrefs,
				caprefs;
	uint8_t   **cache;			/* pages holding chunks, while cached */
	size_t		ncache,
				capcache;
	bool		cached;			/* every page with a chunk is in cache */
	bool		full;			/* max_refs reached */
	size_t		max_refs;		/* TOAST_INDEX_MAX unless told otherwise */
	size_t		max_cache;		/* TOAST_CACHE_BLOCKS unless told otherwise */
	struct segreader *sr;		/* uncached pages, read forward */
};

static int
ref_cmp(const void *a, const void *b)
{
	const struct chunk_ref *x = a,
			   *y = b;

	if (x->valueid != y->valueid)
		return x->valueid < y->valueid ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if (x->blkno != y->blkno)
		return x->blkno < y->blkno ? -1 : 1;
	return x->lp < y->lp ? -1 : x->lp > y->lp;
}

static void
drop_cache(struct toast_store *ts)
{
	size_t		i;

	for (i = 0; i < ts->ncache; i++)
		free(ts->cache[i]);
	free(ts->cache);
	ts->cache = NULL;
	ts->ncache = ts->capcache = 0;
	ts->cached = false;
	for (i = 0; i < ts->nrefs; i++)
		ts->refs[i].slot = UINT32_MAX;
}

/* Keep a copy of page; on any failure or past the bound, stop caching. */
static uint32_t
cache_page(struct toast_store *ts, const uint8_t *page)
{
	uint8_t    *copy;

	if (!ts->cached)
		return UINT32_MAX;
	if (ts->ncache >= ts->max_cache)
	{
		drop_cache(ts);
		return UINT32_MAX;
	}
	if (ts->ncache == ts->capcache)
	{
		size_t		n = ts->capcache ? ts->capcache * 2 : 64;
		uint8_t   **c = realloc(ts->cache, n * sizeof(*c));

		if (c == NULL)
		{
			drop_cache(ts);
			return UINT32_MAX;
		}
		ts->cache = c;
		ts->capcache = n;
	}
	copy = malloc(BLCKSZ);
	if (copy == NULL)
	{
		drop_cache(ts);
		return UINT32_MAX;
	}
	memcpy(copy, page, BLCKSZ);
	ts->cache[ts->ncache] = copy;
	return (uint32_t) ts->ncache++;
}

/* A toast tuple's chunk_id and chunk_seq, if it looks like one. */
static bool
chunk_key(const struct heap_tuple *t, uint32_t *valueid, int32_t *seq)
{
	if (t->status < HT_BAD_BITMAP || t->data == NULL || t->data_len < 9 ||
		t->natts < 3 || (t->infomask & HEAP_HASNULL) != 0)
		return false;
	if (heaptuple_xmin_invalid(t))
		return false;			/* inserted by an aborted transaction */
	*valueid = rd32(t->data);
	*seq = (int32_t) rd32(t->data + 4);
	return true;
}

static void
index_page(struct toast_store *ts, const uint8_t *page, uint32_t blkno,
		   struct diags *ds)
{
	struct page_header h;
	unsigned	i,
				n;
	uint32_t	slot = UINT32_MAX;
	bool		have_slot = false;

	page_header_decode(page, &h);
	if (page_is_new(&h) || h.special > BLCKSZ || h.lower > h.upper)
		return;
	n = page_item_count(&h);
	for (i = 1; i <= n; i++)
	{
		struct heap_item it;
		uint32_t	valueid;
		int32_t		seq;
		struct chunk_ref *r;

		heappage_item(page, i, &it);
		if (it.id.flags != LP_NORMAL || !it.has_tuple ||
			!chunk_key(&it.t, &valueid, &seq))
			continue;
		if (ts->full)
			return;
		if (ts->nrefs >= ts->max_refs)
		{
			ts->full = true;
			diag_add(ds, D_VALUE_LIMIT, "TOAST index full at %zu chunks: later values are not found",
					 ts->max_refs);
			return;
		}
		if (ts->nrefs == ts->caprefs)
		{
			size_t		cap = ts->caprefs ? ts->caprefs * 2 : 256;
			struct chunk_ref *nr = realloc(ts->refs, cap * sizeof(*nr));

			if (nr == NULL)
			{
				ts->full = true;
				diag_add(ds, D_VALUE_LIMIT, "out of memory indexing TOAST chunks");
				return;
			}
			ts->refs = nr;
			ts->caprefs = cap;
		}
		if (!have_slot)
		{
			slot = cache_page(ts, page);
			have_slot = true;
		}
		r = &ts->refs[ts->nrefs++];
		r->valueid = valueid;
		r->seq = seq;
		r->blkno = blkno;
		r->lp = (uint16_t) i;
		r->slot = ts->cached ? slot : UINT32_MAX;
	}
}

struct toast_store *
toast_open(const char *const *paths, int npaths, struct diags *ds)
{
	return toast_open_bounded(paths, npaths, TOAST_INDEX_MAX, TOAST_CACHE_BLOCKS, ds);
}

struct toast_store *
toast_open_bounded(const char *const *paths, int npaths, size_t max_chunks,
				   size_t max_cached, struct diags *ds)
{
	struct toast_store *ts;
	int			f,
				opened = 0;

	if (npaths <= 0 || npaths > 65535)
		return NULL;
	ts = calloc(1, sizeof(*ts));
	if (ts == NULL)
		return NULL;
	ts->paths = calloc((size_t) npaths, sizeof(char *));
	if (ts->paths == NULL)
	{
		free(ts);
		return NULL;
	}
	ts->npaths = npaths;
	ts->cached = true;
	ts->max_refs = max_chunks;
	ts->max_cache = max_cached;
	for (f = 0; f < npaths; f++)
	{
		struct blockreader *br;
		const uint8_t *page;
		uint32_t	blkno;
		enum br_result r;

		ts->paths[f] = strdup(paths[f]);
		if (ts->paths[f] == NULL)
		{
			toast_close(ts);
			return NULL;
		}
		br = blockreader_open(paths[f], 0, UINT32_MAX, ds);
		if (br == NULL)
			continue;
		opened++;
		while ((r = blockreader_next(br, &page, &blkno, ds)) == BR_PAGE)
			index_page(ts, page, blkno, ds);
		blockreader_close(br);
	}
	if (opened == 0)
	{
		toast_close(ts);
		return NULL;
	}
	if (ts->nrefs > 1)
		qsort(ts->refs, ts->nrefs, sizeof(*ts->refs), ref_cmp);
	return ts;
}

void
toast_close(struct toast_store *ts)
{
	int			f;

	if (ts == NULL)
		return;
	drop_cache(ts);
	segreader_close(ts->sr);
	for (f = 0; f < ts->npaths; f++)
		free(ts->paths[f]);
	free(ts->paths);
	free(ts->refs);
	free(ts);
}

size_t
toast_chunk_count(const struct toast_store *ts)
{
	return ts->nrefs;
}

static const uint8_t *
ref_page(struct toast_store *ts, const struct chunk_ref *r, struct diags *ds)
{
	if (r->slot != UINT32_MAX)
		return ts->cache[r->slot];
	if (ts->sr == NULL && (ts->sr = segreader_open(ts->paths, ts->npaths)) == NULL)
		return NULL;
	return segreader_get(ts->sr, r->blkno, ds);
}

/* The chunk_data of r: its bytes at *data, *len of them. */
static int
ref_chunk(struct toast_store *ts, const struct chunk_ref *r,
		  const uint8_t **data, size_t *len, struct diags *ds)
{
	const uint8_t *page = ref_page(ts, r, ds);
	struct heap_item it;
	struct varlena v;
	uint32_t	valueid;
	int32_t		seq;

	if (page == NULL)
		return -1;
	heappage_item(page, r->lp, &it);
	if (!it.has_tuple || !chunk_key(&it.t, &valueid, &seq) ||
		valueid != r->valueid || seq != r->seq)
		return -1;
	/* chunk_data: a bytea at offset 8, never compressed nor external */
	if (varlena_parse(it.t.data + 8, it.t.data_len - 8u, &v, ds) != 0 ||
		(v.form != VF_SHORT && v.form != VF_PLAIN))
		return -1;
	*data = v.data;
	*len = v.data_len;
	return 0;
}

int
toast_fetch(struct toast_store *ts, const struct toast_pointer *p,
			uint8_t **buf, size_t *len, struct diags *ds)
{
	size_t		lo = 0,
				hi = ts->nrefs,
				i;
	uint32_t	nchunks,
				expect = 0,
				done = 0;
	uint8_t    *out;

	*buf = NULL;
	*len = 0;
	if (p->extsize > VALUE_MAX)
	{
		diag_add(ds, D_VALUE_LIMIT, "TOAST value %u of %u bytes", p->valueid, p->extsize);
		return -1;
	}
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (ts->refs[mid].valueid < p->valueid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= ts->nrefs || ts->refs[lo].valueid != p->valueid)
	{
		diag_add(ds, D_BAD_TOAST, "value %u not found in the TOAST relation%s",
				 p->valueid, ts->full ? " (its index is full)" : "");
		return -1;
	}
	nchunks = p->extsize == 0 ? 0 : (p->extsize - 1) / TOAST_MAX_CHUNK_SIZE + 1;
	/* no allocation for a size the index cannot back */
	for (i = lo; i < ts->nrefs && ts->refs[i].valueid == p->valueid; i++)
		;
	if (i - lo < nchunks)
	{
		diag_add(ds, D_BAD_TOAST, "value %u: %zu chunks found, %u expected for %u bytes",
				 p->valueid, i - lo, nchunks, p->extsize);
		return -1;
	}
	out = malloc(p->extsize > 0 ? p->extsize : 1);
	if (out == NULL)
	{
		diag_add(ds, D_VALUE_LIMIT, "out of memory for TOAST value %u", p->valueid);
		return -1;
	}
	for (i = lo; i < ts->nrefs && ts->refs[i].valueid == p->valueid; i++)
	{
		const struct chunk_ref *r = &ts->refs[i];
		const uint8_t *data;
		size_t		dlen,
					want;

		if (r->seq < 0 || (uint32_t) r->seq >= nchunks)
		{
			diag_add(ds, D_BAD_TOAST, "value %u: unexpected chunk %d (of %u) at block %u item %u",
					 p->valueid, r->seq, nchunks, r->blkno, r->lp);
			goto bad;
		}
		if ((uint32_t) r->seq < expect)
			continue;			/* a second copy of a chunk: the first wins */
		if ((uint32_t) r->seq > expect)
		{
			diag_add(ds, D_BAD_TOAST, "value %u: chunk %u missing", p->valueid, expect);
			goto bad;
		}
		if (ref_chunk(ts, r, &data, &dlen, ds) != 0)
		{
			diag_add(ds, D_BAD_TOAST, "value %u: chunk %d at block %u item %u unreadable",
					 p->valueid, r->seq, r->blkno, r->lp);
			goto bad;
		}
		want = expect + 1 < nchunks ? TOAST_MAX_CHUNK_SIZE :
			p->extsize - (size_t) expect * TOAST_MAX_CHUNK_SIZE;
		if (dlen != want)
		{
			diag_add(ds, D_BAD_TOAST, "value %u: chunk %d has %zu bytes, expected %zu",
					 p->valueid, r->seq, dlen, want);
			goto bad;
		}
		memcpy(out + (size_t) expect * TOAST_MAX_CHUNK_SIZE, data, dlen);
		expect++;
		done++;
	}
	if (done != nchunks)
	{
		diag_add(ds, D_BAD_TOAST, "value %u: chunk %u missing (of %u)", p->valueid, expect, nchunks);
		goto bad;
	}
	*buf = out;
	*len = p->extsize;
	return 0;
bad:
	free(out);
	return -1;
}

static uint8_t *
copy_bytes(const uint8_t *p, size_t n)
{
	uint8_t    *b = malloc(n > 0 ? n : 1);

	if (b != NULL && n > 0)
		memcpy(b, p, n);
	return b;
}

int
varlena_detoast(const struct varlena *v, struct toast_store *ts,
				uint8_t **buf, size_t *len, struct diags *ds)
{
	uint8_t    *stored,
			   *out;
	size_t		slen;
	uint32_t	raw,
				tcinfo;

	*buf = NULL;
	*len = 0;
	switch (v->form)
	{
		case VF_SHORT:
		case VF_PLAIN:
			*buf = copy_bytes(v->data, v->data_len);
			if (*buf == NULL)
			{
				diag_add(ds, D_VALUE_LIMIT, "out of memory");
				return -1;
			}
			*len = v->data_len;
			return 0;
		case VF_COMPRESSED:
			if (v->rawsize > VALUE_MAX)
			{
				diag_add(ds, D_VALUE_LIMIT, "compressed value of raw size %u", v->rawsize);
				return -1;
			}
			if (!plausible_rawsize(v->method, v->data_len, v->rawsize))
			{
				diag_add(ds, D_BAD_COMPRESSED, "%u compressed bytes cannot make %u",
						 v->data_len, v->rawsize);
				return -1;
			}
			out = malloc(v->rawsize > 0 ? v->rawsize : 1);
			if (out == NULL)
			{
				diag_add(ds, D_VALUE_LIMIT, "out of memory");
				return -1;
			}
			if (toast_decompress(v->method, v->data, v->data_len, out, v->rawsize, ds) != 0)
			{
				free(out);
				return -1;
			}
			*buf = out;
			*len = v->rawsize;
			return 0;
		case VF_EXTERNAL:
			if (ts == NULL)
			{
				diag_add(ds, D_BAD_TOAST, "value %u is in TOAST relation %u, which was not given",
						 v->ptr.valueid, v->ptr.toastrelid);
				return -1;
			}
			if (v->ptr.rawsize < 4 || (uint32_t) v->ptr.rawsize - 4 > VALUE_MAX ||
				v->ptr.extsize > (uint32_t) v->ptr.rawsize - 4)
			{
				diag_add(ds, D_BAD_TOAST, "value %u: va_rawsize %d, stored size %u",
						 v->ptr.valueid, v->ptr.rawsize, v->ptr.extsize);
				return -1;
			}
			if (toast_fetch(ts, &v->ptr, &stored, &slen, ds) != 0)
				return -1;
			if (!toast_pointer_compressed(&v->ptr))
			{
				*buf = stored;
				*len = slen;
				return 0;
			}
			/* the stored bytes are a compressed varlena without va_header */
			raw = (uint32_t) v->ptr.rawsize - 4;
			if (slen < 4)
			{
				free(stored);
				diag_add(ds, D_BAD_TOAST, "value %u: compressed but only %zu bytes",
						 v->ptr.valueid, slen);
				return -1;
			}
			tcinfo = rd32(stored);
			if ((tcinfo & VARLENA_EXTSIZE_MASK) != raw)
			{
				free(stored);
				diag_add(ds, D_BAD_TOAST, "value %u: va_rawsize %d but compressed raw size %u",
						 v->ptr.valueid, v->ptr.rawsize, tcinfo & VARLENA_EXTSIZE_MASK);
				return -1;
			}
			if (!plausible_rawsize(tcinfo >> 30, slen - 4, raw))
			{
				free(stored);
				diag_add(ds, D_BAD_COMPRESSED, "value %u: %zu compressed bytes cannot make %u",
						 v->ptr.valueid, slen - 4, raw);
				return -1;
			}
			out = malloc(raw > 0 ? raw : 1);
			if (out == NULL ||
				toast_decompress(tcinfo >> 30, stored + 4, slen - 4, out, raw, ds) != 0)
			{
				if (out == NULL)
					diag_add(ds, D_VALUE_LIMIT, "out of memory");
				free(out);
				free(stored);
				return -1;
			}
			free(stored);
			*buf = out;
			*len = raw;
			return 0;
		case VF_EXTERNAL_OTHER:
			break;
	}
	diag_add(ds, D_BAD_VALUE, "%s varlena (tag %u) cannot be stored on disk",
			 v->tag == VARTAG_INDIRECT ? "an indirect" : "an expanded", v->tag);
	return -1;
}
