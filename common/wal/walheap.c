/*
 * walheap: the tuples of heap WAL records (heapam_xlog.h) and a carried
 * tuple rebuilt as heap_xlog_insert/heap_xlog_update rebuild it.
 */
#include <string.h>

#include "heap/heaptuple.h"
#include "io/bytes.h"
#include "wal/walheap.h"

#define XLOG_HEAP_INSERT 0x00
#define XLOG_HEAP_DELETE 0x10
#define XLOG_HEAP_UPDATE 0x20
#define XLOG_HEAP_HOT_UPDATE 0x40
#define XLOG_HEAP_INPLACE 0x70
#define XLOG_HEAP_OPMASK 0x70
#define XLOG_HEAP_INIT_PAGE 0x80
#define XLOG_HEAP2_MULTI_INSERT 0x50

#define SIZE_OF_HEAP_HEADER 5	/* xl_heap_header: t_infomask2, t_infomask, t_hoff */
#define SIZE_OF_HEAP_INSERT 3	/* xl_heap_insert: offnum, flags */
#define SIZE_OF_HEAP_DELETE 8	/* xl_heap_delete: xmax, offnum, infobits_set, flags */
#define SIZE_OF_HEAP_UPDATE 14	/* xl_heap_update: ... new_offnum */
#define SIZE_OF_MULTI_INSERT 4	/* xl_heap_multi_insert: flags, ntuples, then offsets */
#define SIZE_OF_MULTI_TUPLE 7	/* xl_multi_insert_tuple: datalen, infomask2, infomask, t_hoff */

#define XLH_DELETE_CONTAINS_OLD_TUPLE (1 << 1)
#define XLH_DELETE_CONTAINS_OLD_KEY (1 << 2)
#define XLH_UPDATE_CONTAINS_OLD_TUPLE (1 << 2)
#define XLH_UPDATE_CONTAINS_OLD_KEY (1 << 3)
#define XLH_UPDATE_PREFIX_FROM_OLD (1 << 5)
#define XLH_UPDATE_SUFFIX_FROM_OLD (1 << 6)

/* little-endian stores into the tuple being built */
static void
wr16le(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t) v;
	p[1] = (uint8_t) (v >> 8);
}

static void
wr32le(uint8_t *p, uint32_t v)
{
	wr16le(p, (uint16_t) v);
	wr16le(p + 2, (uint16_t) (v >> 16));
}

/* xl_heap_header then the tuple from t_bits: n bytes at p */
static bool
take_header(struct walheap_tuple *t, const uint8_t *p, uint32_t n)
{
	if (n < SIZE_OF_HEAP_HEADER)
		return false;
	t->infomask2 = rd16(p);
	t->infomask = rd16(p + 2);
	t->hoff = p[4];
	t->data = p + SIZE_OF_HEAP_HEADER;
	t->len = n - SIZE_OF_HEAP_HEADER;
	t->status = WHS_OK;
	return true;
}

/* A tuple on block id at offnum: from the block's data, or its image. */
static struct walheap_tuple *
new_tuple(struct walheap *h, const struct walrec *r, int id, uint16_t offnum)
{
	struct walheap_tuple *t = &h->t[h->n++];

	memset(t, 0, sizeof(*t));
	t->block_id = id;
	t->blkno = r->blocks[id].blkno;
	t->offnum = offnum;
	t->status = r->blocks[id].has_image && !r->blocks[id].has_data ? WHS_IN_IMAGE : WHS_BAD;
	return t;
}

static int
decode_insert(const struct walrec *r, struct walheap *h)
{
	const struct walblock *b = &r->blocks[0];
	struct walheap_tuple *t;

	if (r->main_data_len < SIZE_OF_HEAP_INSERT || !walrec_has_block(r, 0))
		return -1;
	t = new_tuple(h, r, 0, rd16(r->main_data));
	if (b->has_data)
		take_header(t, b->data, b->data_len);
	return 0;
}

static int
decode_multi_insert(const struct walrec *r, struct walheap *h)
{
	const struct walblock *b = &r->blocks[0];
	const uint8_t *d = r->main_data;
	uint32_t	ntuples,
				off = 0,
				i;

	if (r->main_data_len < SIZE_OF_MULTI_INSERT || !walrec_has_block(r, 0))
		return -1;
	ntuples = rd16(d + 2);
	if (ntuples >= WALHEAP_MAX_TUPLES ||
		(!h->init_page && r->main_data_len < SIZE_OF_MULTI_INSERT + 2 * ntuples))
		return -1;
	for (i = 0; i < ntuples; i++)
	{
		uint16_t	offnum = h->init_page ? (uint16_t) (i + 1) :
			rd16(d + SIZE_OF_MULTI_INSERT + 2 * i);
		struct walheap_tuple *t = new_tuple(h, r, 0, offnum);
		uint32_t	datalen;

		if (!b->has_data)
			continue;
		off = (off + 1) & ~1u;	/* SHORTALIGN, the data starting aligned */
		if (off + SIZE_OF_MULTI_TUPLE > b->data_len)
			continue;			/* WHS_BAD: and so are the rest */
		datalen = rd16(b->data + off);
		if (off + SIZE_OF_MULTI_TUPLE + datalen > b->data_len)
		{
			off = b->data_len;
			continue;
		}
		t->infomask2 = rd16(b->data + off + 2);
		t->infomask = rd16(b->data + off + 4);
		t->hoff = b->data[off + 6];
		t->data = b->data + off + SIZE_OF_MULTI_TUPLE;
		t->len = datalen;
		t->status = WHS_OK;
		off += SIZE_OF_MULTI_TUPLE + datalen;
	}
	return 0;
}

/* the old tuple or key logged in the main data after the fixed part */
static void
old_from_main(const struct walrec *r, struct walheap *h, uint32_t fixed, bool key_only)
{
	struct walheap_tuple *t = &h->t[h->n];

	memset(t, 0, sizeof(*t));
	t->old = true;
	t->key_only = key_only;
	t->block_id = h->target_block;
	t->blkno = h->target_blkno;
	t->offnum = h->target_offnum;
	if (!take_header(t, r->main_data + fixed, r->main_data_len - fixed))
		t->status = WHS_BAD;
	h->n++;
}

static int
decode_delete(const struct walrec *r, struct walheap *h)
{
	uint8_t		flags;

	if (r->main_data_len < SIZE_OF_HEAP_DELETE || !walrec_has_block(r, 0))
		return -1;
	h->target_block = 0;
	h->target_blkno = r->blocks[0].blkno;
	h->target_offnum = rd16(r->main_data + 4);
	flags = r->main_data[7];
	if (flags & (XLH_DELETE_CONTAINS_OLD_TUPLE | XLH_DELETE_CONTAINS_OLD_KEY))
		old_from_main(r, h, SIZE_OF_HEAP_DELETE,
					  !(flags & XLH_DELETE_CONTAINS_OLD_TUPLE));
	return 0;
}

static int
decode_update(const struct walrec *r, struct walheap *h)
{
	const struct walblock *b = &r->blocks[0];
	const uint8_t *d = r->main_data;
	struct walheap_tuple *t;
	uint8_t		flags;

	if (r->main_data_len < SIZE_OF_HEAP_UPDATE || !walrec_has_block(r, 0))
		return -1;
	flags = d[7];
	h->target_block = walrec_has_block(r, 1) ? 1 : 0;
	h->target_blkno = r->blocks[h->target_block].blkno;
	h->target_offnum = rd16(d + 4);
	t = new_tuple(h, r, 0, rd16(d + 12));
	if (b->has_data)
	{
		const uint8_t *p = b->data;
		uint32_t	n = b->data_len;

		if (flags & XLH_UPDATE_PREFIX_FROM_OLD)
		{
			if (n < 2)
				goto old;
			t->prefixlen = rd16(p);
			p += 2;
			n -= 2;
		}
		if (flags & XLH_UPDATE_SUFFIX_FROM_OLD)
		{
			if (n < 2)
				goto old;
			t->suffixlen = rd16(p);
			p += 2;
			n -= 2;
		}
		if (take_header(t, p, n) && (t->prefixlen > 0 || t->suffixlen > 0))
			t->status = WHS_NEEDS_OLD;
		if (t->status != WHS_BAD && t->hoff >= SIZEOF_HEAP_TUPLE_HEADER &&
			t->prefixlen > 0 && (uint32_t) (t->hoff - SIZEOF_HEAP_TUPLE_HEADER) > t->len)
			t->status = WHS_BAD;
	}
old:
	if (flags & (XLH_UPDATE_CONTAINS_OLD_TUPLE | XLH_UPDATE_CONTAINS_OLD_KEY))
		old_from_main(r, h, SIZE_OF_HEAP_UPDATE,
					  !(flags & XLH_UPDATE_CONTAINS_OLD_TUPLE));
	return 0;
}

/* INPLACE: t[0].data is the tuple's new bytes from t_hoff on (no header). */
static int
decode_inplace(const struct walrec *r, struct walheap *h)
{
	const struct walblock *b = &r->blocks[0];
	struct walheap_tuple *t;

	if (r->main_data_len < 2 || !walrec_has_block(r, 0))
		return -1;
	h->target_block = 0;
	h->target_blkno = b->blkno;
	h->target_offnum = rd16(r->main_data);
	t = new_tuple(h, r, 0, h->target_offnum);
	if (b->has_data)
	{
		t->data = b->data;
		t->len = b->data_len;
		t->status = WHS_OK;
	}
	return 0;
}

int
walheap_decode(const struct walrec *r, struct walheap *h)
{
	uint8_t		op = r->info & XLOG_HEAP_OPMASK;

	h->op = WHO_NONE;
	h->n = 0;
	h->init_page = (r->info & XLOG_HEAP_INIT_PAGE) != 0;
	h->target_block = -1;
	h->target_blkno = 0;
	h->target_offnum = 0;
	if (r->rmid == WALHEAP_RM_HEAP2)
	{
		if (op != XLOG_HEAP2_MULTI_INSERT)
			return 0;
		h->op = WHO_MULTI_INSERT;
		return decode_multi_insert(r, h);
	}
	if (r->rmid != WALHEAP_RM_HEAP)
		return 0;
	switch (op)
	{
		case XLOG_HEAP_INSERT:
			h->op = WHO_INSERT;
			return decode_insert(r, h);
		case XLOG_HEAP_DELETE:
			h->op = WHO_DELETE;
			return decode_delete(r, h);
		case XLOG_HEAP_UPDATE:
		case XLOG_HEAP_HOT_UPDATE:
			h->op = op == XLOG_HEAP_UPDATE ? WHO_UPDATE : WHO_HOT_UPDATE;
			return decode_update(r, h);
		case XLOG_HEAP_INPLACE:
			h->op = WHO_INPLACE;
			return decode_inplace(r, h);
		default:
			return 0;
	}
}

size_t
walheap_build(const struct walheap_tuple *t, uint32_t xmin, const uint8_t *old,
			  size_t oldlen, uint8_t *buf, size_t size)
{
	size_t		total,
				bm;
	uint8_t    *p;
	const uint8_t *od = NULL;
	size_t		odlen = 0;

	if (t->status != WHS_OK && t->status != WHS_NEEDS_OLD)
		return 0;
	if (t->status == WHS_NEEDS_OLD)
	{
		uint8_t		ohoff;

		if (old == NULL || oldlen < SIZEOF_HEAP_TUPLE_HEADER)
			return 0;
		ohoff = old[22];
		if (ohoff > oldlen)
			return 0;
		od = old + ohoff;		/* the old tuple's data, from its t_hoff */
		odlen = oldlen - ohoff;
		if ((size_t) t->prefixlen + t->suffixlen > odlen)
			return 0;
	}
	total = SIZEOF_HEAP_TUPLE_HEADER + t->len + t->prefixlen + t->suffixlen;
	if (total > size || total > 0xFFFF)
		return 0;
	memset(buf, 0, SIZEOF_HEAP_TUPLE_HEADER);
	wr32le(buf, xmin);			/* t_xmin; t_xmax, t_cid 0 */
	wr16le(buf + 12, (uint16_t) (t->blkno >> 16));	/* t_ctid.ip_blkid.bi_hi */
	wr16le(buf + 14, (uint16_t) t->blkno);	/* bi_lo */
	wr16le(buf + 16, t->offnum);	/* ip_posid */
	wr16le(buf + 18, t->infomask2);
	wr16le(buf + 20, t->infomask);
	buf[22] = t->hoff;
	p = buf + SIZEOF_HEAP_TUPLE_HEADER;
	if (t->prefixlen > 0)
	{
		/* the bitmap, padding and oid, then the old prefix, then the rest */
		bm = t->hoff >= SIZEOF_HEAP_TUPLE_HEADER ? (size_t) t->hoff - SIZEOF_HEAP_TUPLE_HEADER : 0;
		if (bm > t->len)
			return 0;
		memcpy(p, t->data, bm);
		p += bm;
		memcpy(p, od, t->prefixlen);
		p += t->prefixlen;
		memcpy(p, t->data + bm, t->len - bm);
		p += t->len - bm;
	}
	else
	{
		memcpy(p, t->data, t->len);
		p += t->len;
	}
	if (t->suffixlen > 0)
	{
		memcpy(p, od + odlen - t->suffixlen, t->suffixlen);
		p += t->suffixlen;
	}
	return (size_t) (p - buf);
}
