/*
 * Heap tuple headers (HeapTupleHeaderData, access/htup_details.h) and their
 * infomask names as heap_tuple_infomask_flags() gives them.
 */
#include <string.h>

#include "out/fmt.h"
#include "heap/heaptuple.h"
#include "page/page.h"

enum heaptuple_status
heaptuple_decode(const uint8_t *tup, uint16_t lp_len, struct heap_tuple *t)
{
	unsigned	bitmaplen;

	memset(t, 0, sizeof(*t));
	t->raw = tup;
	t->len = lp_len;
	t->status = HT_TOO_SHORT;
	if (tup == NULL || lp_len < SIZEOF_HEAP_TUPLE_HEADER)
		return t->status;

	t->xmin = rd32(tup);
	t->xmax = rd32(tup + 4);
	t->field3 = rd32(tup + 8);
	/* ItemPointerData: BlockIdData {bi_hi, bi_lo}, then ip_posid */
	t->ctid_block = ((uint32_t) rd16(tup + 12) << 16) | rd16(tup + 14);
	t->ctid_offset = rd16(tup + 16);
	t->infomask2 = rd16(tup + 18);
	t->infomask = rd16(tup + 20);
	t->hoff = tup[22];
	t->natts = t->infomask2 & HEAP_NATTS_MASK;

	/* the checks heap_page_items() makes before it trusts t_hoff */
	t->status = HT_BAD_HOFF;
	if (t->hoff < SIZEOF_HEAP_TUPLE_HEADER || t->hoff > lp_len ||
		(t->hoff & (MAXIMUM_ALIGNOF - 1)) != 0)
		return t->status;

	t->data = tup + t->hoff;
	t->data_len = (uint16_t) (lp_len - t->hoff);
	/* the OID sits just before t_hoff; t_hoff >= 24 keeps it in the tuple */
	if (t->infomask & HEAP_HASOID_OLD)
	{
		t->has_oid = true;
		t->oid = rd32(tup + t->hoff - 4);
	}
	t->status = HT_OK;
	if (t->infomask & HEAP_HASNULL)
	{
		bitmaplen = HEAPTUPLE_BITMAPLEN(t->natts);
		if (bitmaplen <= (unsigned) (t->hoff - SIZEOF_HEAP_TUPLE_HEADER))
		{
			t->bits = tup + SIZEOF_HEAP_TUPLE_HEADER;
			t->bits_len = (uint16_t) bitmaplen;
		}
		else
			t->status = HT_BAD_BITMAP;
	}
	return t->status;
}

bool
heaptuple_att_isnull(const struct heap_tuple *t, unsigned attnum)
{
	unsigned	i;

	if (attnum < 1)
		return false;
	if (attnum > t->natts)
		return true;
	if (t->bits == NULL)
		return false;
	i = attnum - 1;
	/* att_isnull: a clear bit is a null */
	return (t->bits[i >> 3] & (1u << (i & 7))) == 0;
}

struct flag_name {
	uint16_t	bit;
	const char *name;
};

/* heap_tuple_infomask_flags()'s order */
static const struct flag_name infomask_names[] = {
	{HEAP_HASNULL, "HEAP_HASNULL"},
	{HEAP_HASVARWIDTH, "HEAP_HASVARWIDTH"},
	{HEAP_HASEXTERNAL, "HEAP_HASEXTERNAL"},
	{HEAP_HASOID_OLD, "HEAP_HASOID_OLD"},
	{HEAP_XMAX_KEYSHR_LOCK, "HEAP_XMAX_KEYSHR_LOCK"},
	{HEAP_COMBOCID, "HEAP_COMBOCID"},
	{HEAP_XMAX_EXCL_LOCK, "HEAP_XMAX_EXCL_LOCK"},
	{HEAP_XMAX_LOCK_ONLY, "HEAP_XMAX_LOCK_ONLY"},
	{HEAP_XMIN_COMMITTED, "HEAP_XMIN_COMMITTED"},
	{HEAP_XMIN_INVALID, "HEAP_XMIN_INVALID"},
	{HEAP_XMAX_COMMITTED, "HEAP_XMAX_COMMITTED"},
	{HEAP_XMAX_INVALID, "HEAP_XMAX_INVALID"},
	{HEAP_XMAX_IS_MULTI, "HEAP_XMAX_IS_MULTI"},
	{HEAP_UPDATED, "HEAP_UPDATED"},
	{HEAP_MOVED_OFF, "HEAP_MOVED_OFF"},
	{HEAP_MOVED_IN, "HEAP_MOVED_IN"},
};

static const struct flag_name infomask2_names[] = {
	{HEAP_KEYS_UPDATED, "HEAP_KEYS_UPDATED"},
	{HEAP_HOT_UPDATED, "HEAP_HOT_UPDATED"},
	{HEAP_ONLY_TUPLE, "HEAP_ONLY_TUPLE"},
};

static const struct flag_name combined_names[] = {
	{HEAP_XMAX_SHR_LOCK, "HEAP_XMAX_SHR_LOCK"},
	{HEAP_XMIN_FROZEN, "HEAP_XMIN_FROZEN"},
	{HEAP_MOVED, "HEAP_MOVED"},
};

int
heaptuple_raw_flags(uint16_t infomask, uint16_t infomask2,
					const char *names[], int max)
{
	size_t		i;
	int			n = 0;

	for (i = 0; i < sizeof(infomask_names) / sizeof(infomask_names[0]); i++)
		if ((infomask & infomask_names[i].bit) && n < max)
			names[n++] = infomask_names[i].name;
	for (i = 0; i < sizeof(infomask2_names) / sizeof(infomask2_names[0]); i++)
		if ((infomask2 & infomask2_names[i].bit) && n < max)
			names[n++] = infomask2_names[i].name;
	return n;
}

int
heaptuple_combined_flags(uint16_t infomask, const char *names[], int max)
{
	size_t		i;
	int			n = 0;

	for (i = 0; i < sizeof(combined_names) / sizeof(combined_names[0]); i++)
		if ((infomask & combined_names[i].bit) == combined_names[i].bit && n < max)
			names[n++] = combined_names[i].name;
	return n;
}

size_t
heaptuple_bits_text(const struct heap_tuple *t, char *buf, size_t size)
{
	size_t		nbits,
				i;

	if (size == 0)
		return 0;
	nbits = t->bits ? (size_t) t->bits_len * 8 : 0;
	if (nbits > size - 1)
		nbits = size - 1;
	for (i = 0; i < nbits; i++)
		buf[i] = (t->bits[i >> 3] & (1u << (i & 7))) ? '1' : '0';
	buf[nbits] = '\0';
	return nbits;
}

int
heaptuple_ctid_text(const struct heap_tuple *t, char *buf, size_t size)
{
	/* without printf: this runs once per tuple of every page listed */
	char		tmp[2 * FMT_U64_MAX + 3];
	size_t		n = 0;

	tmp[n++] = '(';
	n += fmt_u64(tmp + n, t->ctid_block);
	tmp[n++] = ',';
	n += fmt_u64(tmp + n, t->ctid_offset);
	tmp[n++] = ')';
	if (size > 0)
	{
		size_t		c = n < size - 1 ? n : size - 1;

		memcpy(buf, tmp, c);
		buf[c] = '\0';
	}
	return (int) n;
}
