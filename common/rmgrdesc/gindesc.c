/*
 * Gin descriptions: gin_desc() of gindesc.c (access/ginxlog.h), the same
 * wording in 10..18.  Where block 0 carries a full page image, its data is
 * not looked at and "(full page image)" is said instead, as gin_desc does.
 */
#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_GIN_INSERT 0x20
#define XLOG_GIN_SPLIT 0x30
#define XLOG_GIN_VACUUM_DATA_LEAF_PAGE 0x90
#define XLOG_GIN_DELETE_LISTPAGE 0x80

#define GIN_INSERT_ISDATA 0x01
#define GIN_INSERT_ISLEAF 0x02
#define GIN_SPLIT_ROOT 0x04

#define GIN_SEGMENT_DELETE 1
#define GIN_SEGMENT_INSERT 2
#define GIN_SEGMENT_REPLACE 3
#define GIN_SEGMENT_ADDITEMS 4

/* BlockIdData: bi_hi, bi_lo */
static uint32_t
blockid(const uint8_t *p)
{
	return ((uint32_t) rd16(p) << 16) | rd16(p + 2);
}

/* desc_recompress_leaf(): ginxlogRecompressDataLeaf, nactions then actions */
static bool
recompress_leaf(struct strbuf *sb, const uint8_t *p, uint32_t n)
{
	const uint8_t *end = p + n;
	uint16_t	nactions,
				i;

	if (n < 2)
		return false;
	nactions = rd16(p);
	p += 2;
	sb_printf(sb, " %d segments:", (int) nactions);
	for (i = 0; i < nactions; i++)
	{
		uint8_t		segno,
					action;
		uint16_t	nitems = 0;

		if (end - p < 2)
			return false;
		segno = p[0];
		action = p[1];
		p += 2;
		if (action == GIN_SEGMENT_INSERT || action == GIN_SEGMENT_REPLACE)
		{
			/* GinPostingList: first (6 bytes), nbytes u16, bytes[] */
			uint32_t	size;

			if (end - p < 8)
				return false;
			size = 8 + ((rd16(p + 6) + 1u) & ~1u);	/* SHORTALIGN(SizeOfGinPostingList) */
			if ((uint32_t) (end - p) < size)
				return false;
			p += size;
		}
		if (action == GIN_SEGMENT_ADDITEMS)
		{
			if (end - p < 2)
				return false;
			nitems = rd16(p);
			p += 2;
			if ((uint32_t) (end - p) < 6u * nitems)
				return false;
			p += 6u * nitems;
		}
		switch (action)
		{
			case GIN_SEGMENT_ADDITEMS:
				sb_printf(sb, " %d (add %d items)", segno, nitems);
				break;
			case GIN_SEGMENT_DELETE:
				sb_printf(sb, " %d (delete)", segno);
				break;
			case GIN_SEGMENT_INSERT:
				sb_printf(sb, " %d (insert)", segno);
				break;
			case GIN_SEGMENT_REPLACE:
				sb_printf(sb, " %d (replace)", segno);
				break;
			default:
				sb_printf(sb, " %d unknown action %d ???", segno, action);
				return true;
		}
	}
	return true;
}

static bool
image0(struct strbuf *sb, const struct walrec *r)
{
	if (!walrec_has_block(r, 0) || !r->blocks[0].has_image)
		return false;
	sb_puts(sb, r->blocks[0].apply_image ? " (full page image)" :
			" (full page image, for WAL verification)");
	return true;
}

bool
rmgr_desc_gin(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	const struct walblock *b = &r->blocks[0];

	(void) major;
	(void) style;
	switch (r->info & 0xF0)
	{
		case XLOG_GIN_INSERT:
			{
				uint16_t	flags;

				if (n < 2)
					return false;
				flags = rd16(d);
				sb_printf(sb, "isdata: %c isleaf: %c",
						  (flags & GIN_INSERT_ISDATA) ? 'T' : 'F',
						  (flags & GIN_INSERT_ISLEAF) ? 'T' : 'F');
				if (!(flags & GIN_INSERT_ISLEAF))
				{
					if (n < 10)
						return false;
					sb_printf(sb, " children: %u/%u", blockid(d + 2), blockid(d + 6));
				}
				if (image0(sb, r))
					return true;
				if (!walrec_has_block(r, 0) || !b->has_data)
					return false;
				if (!(flags & GIN_INSERT_ISDATA))
				{
					/* ginxlogInsertEntry: offset, isDelete */
					if (b->data_len < 3)
						return false;
					sb_printf(sb, " isdelete: %c", b->data[2] ? 'T' : 'F');
				}
				else if (flags & GIN_INSERT_ISLEAF)
					return recompress_leaf(sb, b->data, b->data_len);
				else
				{
					/*
					 * ginxlogInsertDataInternal, 12 bytes: offset, PostingItem
					 * {child_blkno BlockIdData@2, key ItemPointerData@6}
					 */
					if (b->data_len < 12)
						return false;
					sb_printf(sb, " pitem: %u-%u/%u", blockid(b->data + 2),
							  blockid(b->data + 6), rd16(b->data + 10));
				}
				return true;
			}
		case XLOG_GIN_SPLIT:
			{
				/* ginxlogSplit: node, rrlink, leftChildBlkno, rightChildBlkno, flags@24 */
				uint16_t	flags;

				if (n < 26)
					return false;
				flags = rd16(d + 24);
				sb_printf(sb, "isrootsplit: %c", (flags & GIN_SPLIT_ROOT) ? 'T' : 'F');
				sb_printf(sb, " isdata: %c isleaf: %c",
						  (flags & GIN_INSERT_ISDATA) ? 'T' : 'F',
						  (flags & GIN_INSERT_ISLEAF) ? 'T' : 'F');
				return true;
			}
		case XLOG_GIN_VACUUM_DATA_LEAF_PAGE:
			if (image0(sb, r))
				return true;
			if (!walrec_has_block(r, 0) || !b->has_data)
				return false;
			return recompress_leaf(sb, b->data, b->data_len);
		case XLOG_GIN_DELETE_LISTPAGE:
			/* ginxlogDeleteListPages: GinMetaPageData (56 bytes), ndeleted */
			if (n < 60)
				return false;
			sb_printf(sb, "ndeleted: %d", (int32_t) rd32(d + 56));
			return true;
	}
	return true;
}
