/*
 * SPGist descriptions: spg_desc() of spgdesc.c (access/spgxlog.h), in the
 * wording of 14+ ("off: 1, headoff: 0, ...").  16 renamed newestredirectxid
 * to snapshotConflictHorizon, 17 prints isCatalogRel.  10..13 had shorter
 * wording ("add leaf to page; off 1; ..."), the same record layouts.
 */
#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_SPGIST_ADD_LEAF 0x10
#define XLOG_SPGIST_MOVE_LEAFS 0x20
#define XLOG_SPGIST_ADD_NODE 0x30
#define XLOG_SPGIST_SPLIT_TUPLE 0x40
#define XLOG_SPGIST_PICKSPLIT 0x50
#define XLOG_SPGIST_VACUUM_LEAF 0x60
#define XLOG_SPGIST_VACUUM_ROOT 0x70
#define XLOG_SPGIST_VACUUM_REDIRECT 0x80

/* 10..13 */
static bool
old_desc(struct strbuf *sb, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;

	switch (r->info & 0xF0)
	{
		case XLOG_SPGIST_ADD_LEAF:
			if (n < 10)
				return false;
			sb_printf(sb, "add leaf to page; off %u; headoff %u; parentoff %u",
					  rd16(d + 2), rd16(d + 4), rd16(d + 6));
			if (d[0])
				sb_puts(sb, " (newpage)");
			if (d[1])
				sb_puts(sb, " (nulls)");
			return true;
		case XLOG_SPGIST_MOVE_LEAFS:
			if (n < 2)
				return false;
			sb_printf(sb, "%u leafs", rd16(d));
			return true;
		case XLOG_SPGIST_ADD_NODE:
			if (n < 2)
				return false;
			sb_printf(sb, "off %u", rd16(d));
			return true;
		case XLOG_SPGIST_SPLIT_TUPLE:
			if (n < 6)
				return false;
			sb_printf(sb, "prefix off: %u, postfix off: %u (same %d, new %d)",
					  rd16(d), rd16(d + 2), d[5], d[4]);
			return true;
		case XLOG_SPGIST_PICKSPLIT:
			if (n < 13)
				return false;
			sb_printf(sb, "ndel %u; nins %u", rd16(d + 2), rd16(d + 4));
			if (d[12])
				sb_puts(sb, " (innerIsParent)");
			if (d[0])
				sb_puts(sb, " (isRootSplit)");
			return true;
		case XLOG_SPGIST_VACUUM_REDIRECT:
			if (n < 8)
				return false;
			sb_printf(sb, "newest XID %u", rd32(d + 4));
			return true;
	}
	/* CREATE_INDEX (10, 11), VACUUM_LEAF, VACUUM_ROOT: nothing to print */
	return true;
}

bool
rmgr_desc_spgist(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;

	(void) style;
	if (major < 14)
		return old_desc(sb, r);
	switch (r->info & 0xF0)
	{
		case XLOG_SPGIST_ADD_LEAF:
			/* newPage, storesNulls, offnumLeaf@2, offnumHeadLeaf@4, offnumParent@6, nodeI@8 */
			if (n < 10)
				return false;
			sb_printf(sb, "off: %u, headoff: %u, parentoff: %u, nodeI: %u",
					  rd16(d + 2), rd16(d + 4), rd16(d + 6), rd16(d + 8));
			if (d[0])
				sb_puts(sb, " (newpage)");
			if (d[1])
				sb_puts(sb, " (nulls)");
			return true;
		case XLOG_SPGIST_MOVE_LEAFS:
			/* nMoves, newPage@2, replaceDead@3, storesNulls@4, offnumParent@6, nodeI@8 */
			if (n < 10)
				return false;
			sb_printf(sb, "nmoves: %u, parentoff: %u, nodeI: %u", rd16(d), rd16(d + 6), rd16(d + 8));
			if (d[2])
				sb_puts(sb, " (newpage)");
			if (d[3])
				sb_puts(sb, " (replacedead)");
			if (d[4])
				sb_puts(sb, " (nulls)");
			return true;
		case XLOG_SPGIST_ADD_NODE:
			/* offnum, offnumNew@2, newPage@4, parentBlk (int8)@5, offnumParent@6, nodeI@8 */
			if (n < 10)
				return false;
			sb_printf(sb, "off: %u, newoff: %u, parentBlk: %d, parentoff: %u, nodeI: %u",
					  rd16(d), rd16(d + 2), (int8_t) d[5], rd16(d + 6), rd16(d + 8));
			if (d[4])
				sb_puts(sb, " (newpage)");
			return true;
		case XLOG_SPGIST_SPLIT_TUPLE:
			/* offnumPrefix, offnumPostfix@2, newPage@4, postfixBlkSame@5 */
			if (n < 6)
				return false;
			sb_printf(sb, "prefixoff: %u, postfixoff: %u", rd16(d), rd16(d + 2));
			if (d[4])
				sb_puts(sb, " (newpage)");
			if (d[5])
				sb_puts(sb, " (same)");
			return true;
		case XLOG_SPGIST_PICKSPLIT:
			/* isRootSplit, nDelete@2, nInsert@4, initSrc, initDest, offnumInner@8,
			 * initInner@10, storesNulls@11, innerIsParent@12, offnumParent@14, nodeI@16 */
			if (n < 18)
				return false;
			sb_printf(sb, "ndelete: %u, ninsert: %u, inneroff: %u, parentoff: %u, nodeI: %u",
					  rd16(d + 2), rd16(d + 4), rd16(d + 8), rd16(d + 14), rd16(d + 16));
			if (d[12])
				sb_puts(sb, " (innerIsParent)");
			if (d[11])
				sb_puts(sb, " (nulls)");
			if (d[0])
				sb_puts(sb, " (isRootSplit)");
			return true;
		case XLOG_SPGIST_VACUUM_LEAF:
			if (n < 8)
				return false;
			sb_printf(sb, "ndead: %u, nplaceholder: %u, nmove: %u, nchain: %u",
					  rd16(d), rd16(d + 2), rd16(d + 4), rd16(d + 6));
			return true;
		case XLOG_SPGIST_VACUUM_ROOT:
			if (n < 2)
				return false;
			sb_printf(sb, "ndelete: %u", rd16(d));
			return true;
		case XLOG_SPGIST_VACUUM_REDIRECT:
			/* nToPlaceholder, firstPlaceholder@2, horizon@4, isCatalogRel@8 (16+) */
			if (n < (major >= 17 ? 9u : 8u))
				return false;
			sb_printf(sb, major >= 16 ?
					  "ntoplaceholder: %u, firstplaceholder: %u, snapshotConflictHorizon: %u" :
					  "ntoplaceholder: %u, firstplaceholder: %u, newestredirectxid: %u",
					  rd16(d), rd16(d + 2), rd32(d + 4));
			if (major >= 17)
				sb_printf(sb, ", isCatalogRel: %c", d[8] ? 'T' : 'F');
			return true;
	}
	return true;
}
