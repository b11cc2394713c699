/*
 * sequence: a sequence page's tuple, as read_seq_tuple() in
 * src/backend/commands/sequence.c finds it.
 */
#include <string.h>

#include "heap/heappage.h"
#include "heap/sequence.h"

int
sequence_decode(const uint8_t *page, const struct page_header *h,
				uint32_t blkno, struct seq_data *s, struct diags *ds)
{
	struct heap_item it;
	struct diag *d;

	memset(s, 0, sizeof(*s));
	if (h->special > BLCKSZ - 4 || rd32(page + h->special) != SEQUENCE_MAGIC)
	{
		diag_add_block(ds, D_BAD_VALUE, blkno, "bad magic number in sequence");
		return -1;
	}
	if (page_item_count(h) < 1)
	{
		diag_add_block(ds, D_BAD_VALUE, blkno, "sequence page has no tuple");
		return -1;
	}
	heappage_item(page, 1, &it);
	if (it.id.flags != LP_NORMAL || !it.has_tuple || it.t.status != HT_OK)
	{
		/* the line pointer's own finding, if any, is heappage_lp_check's */
		d = diag_add_block(ds, D_BAD_VALUE, blkno, "sequence tuple unreadable");
		if (d != NULL)
			d->item = 1;
		return -1;
	}
	if (it.t.data_len < SEQUENCE_DATA_SIZE || it.t.natts != 3 ||
		(it.t.infomask & HEAP_HASNULL))
	{
		d = diag_add_block(ds, D_BAD_VALUE, blkno,
						   "sequence tuple of %u attributes in %u bytes, expected 3 in %u",
						   (unsigned) it.t.natts, (unsigned) it.t.data_len,
						   (unsigned) SEQUENCE_DATA_SIZE);
		if (d != NULL)
			d->item = 1;
		return -1;
	}
	/* int8, int8, bool: no padding between them at t_hoff (MAXALIGNed) */
	s->last_value = (int64_t) rd64(it.t.data);
	s->log_cnt = (int64_t) rd64(it.t.data + 8);
	s->is_called = it.t.data[16] != 0;
	return 0;
}
