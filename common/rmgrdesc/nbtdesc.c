/*
 * Btree descriptions: btree_desc() of each major's nbtdesc.c, records from
 * access/nbtxlog.h.  10..15 print "off 3", "level 1, firstright 5"; 16+
 * print "off: 3" and the deleted/updated offsets from the block data; 17
 * adds isCatalogRel to DELETE and REUSE_PAGE.  13 brought posting lists
 * (INSERT_POST, DEDUP), 14 64-bit safexid in UNLINK_PAGE.
 */
#include <string.h>

#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_BTREE_INSERT_LEAF 0x00
#define XLOG_BTREE_INSERT_UPPER 0x10
#define XLOG_BTREE_INSERT_META 0x20
#define XLOG_BTREE_SPLIT_L 0x30
#define XLOG_BTREE_SPLIT_R 0x40
#define XLOG_BTREE_INSERT_POST 0x50	/* 13+; SPLIT_L_ROOT / SPLIT_L_HIGHKEY before */
#define XLOG_BTREE_DEDUP 0x60		/* 13+; SPLIT_R_ROOT / SPLIT_R_HIGHKEY before */
#define XLOG_BTREE_DELETE 0x70
#define XLOG_BTREE_UNLINK_PAGE 0x80
#define XLOG_BTREE_UNLINK_PAGE_META 0x90
#define XLOG_BTREE_NEWROOT 0xA0
#define XLOG_BTREE_MARK_PAGE_HALFDEAD 0xB0
#define XLOG_BTREE_VACUUM 0xC0
#define XLOG_BTREE_REUSE_PAGE 0xD0
#define XLOG_BTREE_META_CLEANUP 0xE0

/* delvacuum_desc(): deleted offsets, then updated offsets and xl_btree_update's */
static bool
delvacuum(struct strbuf *sb, const struct walrec *r, uint32_t ndeleted, uint32_t nupdated)
{
	const struct walblock *b = &r->blocks[0];
	const uint8_t *p,
			   *end,
			   *upd;
	uint32_t	i;

	if (!walrec_has_block(r, 0) || !b->has_data)
		return true;
	p = b->data;
	end = b->data + b->data_len;
	if ((size_t) (end - p) < 2 * ((size_t) ndeleted + nupdated))
		return false;
	sb_puts(sb, ", deleted:");
	rmgr_offset_array(sb, p, ndeleted);
	sb_puts(sb, ", updated: [");
	upd = p + 2 * ((size_t) ndeleted + nupdated);
	for (i = 0; i < nupdated; i++)
	{
		uint32_t	nt,
					k;

		if (end - upd < 2)
			return false;
		nt = rd16(upd);
		if ((size_t) (end - upd - 2) < 2 * (size_t) nt)
			return false;
		sb_printf(sb, "{ off: %u, nptids: %u, ptids: [", rd16(p + 2 * ((size_t) ndeleted + i)), nt);
		for (k = 0; k < nt; k++)
			sb_printf(sb, "%s%u", k ? ", " : "", rd16(upd + 2 + 2 * k));
		sb_puts(sb, "] }");
		if (i + 1 < nupdated)
			sb_puts(sb, ", ");
		upd += 2 + 2 * nt;
	}
	sb_putc(sb, ']');
	return true;
}

bool
rmgr_desc_btree(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & 0xF0;
	bool		v16 = major >= 16;
	bool		iscat = major >= 17;

	(void) style;
	switch (info)
	{
		case XLOG_BTREE_INSERT_LEAF:
		case XLOG_BTREE_INSERT_UPPER:
		case XLOG_BTREE_INSERT_META:
			if (n < 2)
				return false;
			sb_puts(sb, v16 ? "off: " : "off ");
			sb_putu(sb, rd16(d));
			return true;
		case XLOG_BTREE_SPLIT_L:
		case XLOG_BTREE_SPLIT_R:
			/* xl_btree_split: level u32, firstright(off) u16, newitemoff u16, postingoff u16 (13+) */
			if (n < (major >= 13 ? 10u : 8u))
				return false;
			if (v16)
				sb_printf(sb, "level: %u, firstrightoff: %d, newitemoff: %d, postingoff: %d",
						  rd32(d), rd16(d + 4), rd16(d + 6), rd16(d + 8));
			else if (major >= 13)
				sb_printf(sb, "level %u, firstrightoff %d, newitemoff %d, postingoff %d",
						  rd32(d), rd16(d + 4), rd16(d + 6), rd16(d + 8));
			else if (major == 11)
				sb_printf(sb, "level %u, firstright %d", rd32(d), rd16(d + 4));
			else
				sb_printf(sb, "level %u, firstright %d, newitemoff %d",
						  rd32(d), rd16(d + 4), rd16(d + 6));
			return true;
		case 0x50:
		case 0x60:
			if (major >= 13)
			{
				if (n < 2)
					return false;
				if (info == XLOG_BTREE_INSERT_POST)
					sb_printf(sb, v16 ? "off: %u" : "off %u", rd16(d));
				else
					sb_printf(sb, v16 ? "nintervals: %u" : "nintervals %u", rd16(d));
				return true;
			}
			/* 10..12: the split variants with the same record */
			if (n < 8)
				return false;
			if (major == 11)
				sb_printf(sb, "level %u, firstright %d", rd32(d), rd16(d + 4));
			else if (major == 10)
				sb_printf(sb, "level %u, firstright %d, newitemoff %d",
						  rd32(d), rd16(d + 4), rd16(d + 6));
			return true;
		case XLOG_BTREE_VACUUM:
			if (major <= 12)
			{
				if (n < 4)
					return false;
				sb_printf(sb, "lastBlockVacuumed %u", rd32(d));
				return true;
			}
			if (n < 4)
				return false;
			if (!v16)
			{
				sb_printf(sb, "ndeleted %u; nupdated %u", rd16(d), rd16(d + 2));
				return true;
			}
			sb_printf(sb, "ndeleted: %u, nupdated: %u", rd16(d), rd16(d + 2));
			return delvacuum(sb, r, rd16(d), rd16(d + 2));
		case XLOG_BTREE_DELETE:
			if (major <= 11)
			{
				if (n < 16)
					return false;
				sb_printf(sb, "%d items", (int32_t) rd32(d + 12));
				return true;
			}
			if (n < 8)
				return false;
			if (major == 12)
				sb_printf(sb, "%d items, latest removed xid %u", (int32_t) rd32(d + 4), rd32(d));
			else if (major == 13)
				sb_printf(sb, "latestRemovedXid %u; ndeleted %u", rd32(d), rd32(d + 4));
			else if (!v16)
				sb_printf(sb, "latestRemovedXid %u; ndeleted %u; nupdated %u",
						  rd32(d), rd16(d + 4), rd16(d + 6));
			else
			{
				if (iscat && n < 9)
					return false;
				sb_printf(sb, "snapshotConflictHorizon: %u, ndeleted: %u, nupdated: %u",
						  rd32(d), rd16(d + 4), rd16(d + 6));
				if (iscat)
					sb_printf(sb, ", isCatalogRel: %c", d[8] ? 'T' : 'F');
				return delvacuum(sb, r, rd16(d + 4), rd16(d + 6));
			}
			return true;
		case XLOG_BTREE_MARK_PAGE_HALFDEAD:
			/* poffset u16, leafblk@4, leftblk@8, rightblk@12, topparent@16 */
			if (n < 20)
				return false;
			sb_printf(sb, v16 ? "topparent: %u, leaf: %u, left: %u, right: %u" :
					  "topparent %u; leaf %u; left %u; right %u",
					  rd32(d + 16), rd32(d + 4), rd32(d + 8), rd32(d + 12));
			return true;
		case XLOG_BTREE_UNLINK_PAGE_META:
		case XLOG_BTREE_UNLINK_PAGE:
			if (major <= 13)
			{
				/* leftsib, rightsib, leafleftsib, leafrightsib, topparent, btpo_xact */
				if (n < 24)
					return false;
				sb_printf(sb, "left %u; right %u; btpo_xact %u; ", rd32(d), rd32(d + 4), rd32(d + 20));
				sb_printf(sb, "leafleft %u; leafright %u; topparent %u",
						  rd32(d + 8), rd32(d + 12), rd32(d + 16));
				return true;
			}
			/* leftsib, rightsib, level, safexid@16 (u64), leafleftsib@24, leafrightsib@28, leaftopparent@32 */
			if (n < 36)
				return false;
			sb_printf(sb, v16 ? "left: %u, right: %u, level: %u, safexid: %u:%u, " :
					  "left %u; right %u; level %u; safexid %u:%u; ",
					  rd32(d), rd32(d + 4), rd32(d + 8), rd32(d + 20), rd32(d + 16));
			sb_printf(sb, v16 ? "leafleft: %u, leafright: %u, leaftopparent: %u" :
					  "leafleft %u; leafright %u; leaftopparent %u",
					  rd32(d + 24), rd32(d + 28), rd32(d + 32));
			return true;
		case XLOG_BTREE_NEWROOT:
			if (n < 8)
				return false;
			sb_printf(sb, v16 ? "level: %u" : "lev %u", rd32(d + 4));
			return true;
		case XLOG_BTREE_REUSE_PAGE:
			/* node (12), block@12, xid@16 (u32 before 14, u64 from 14), isCatalogRel@24 (16+) */
			if (n < (major >= 14 ? 24u : 20u))
				return false;
			if (major <= 13)
				sb_printf(sb, "rel %u/%u/%u; latestRemovedXid %u",
						  rd32(d), rd32(d + 4), rd32(d + 8), rd32(d + 16));
			else if (!v16)
				sb_printf(sb, "rel %u/%u/%u; latestRemovedXid %u:%u",
						  rd32(d), rd32(d + 4), rd32(d + 8), rd32(d + 20), rd32(d + 16));
			else
			{
				sb_printf(sb, "rel: %u/%u/%u, snapshotConflictHorizon: %u:%u",
						  rd32(d), rd32(d + 4), rd32(d + 8), rd32(d + 20), rd32(d + 16));
				if (iscat)
				{
					if (n < 25)
						return false;
					sb_printf(sb, ", isCatalogRel: %c", d[24] ? 'T' : 'F');
				}
			}
			return true;
		case XLOG_BTREE_META_CLEANUP:
			{
				const struct walblock *b = &r->blocks[0];

				if (major == 10)
					return true;

				/*
				 * xl_btree_metadata is block 0's data in 11 too
				 * (_bt_update_meta_cleanup_info); 11.2's btree_desc casts the
				 * main data, which this record does not have, so 11 is read
				 * as 12 reads it, in 11's layout (no version field).
				 */
				if (!walrec_has_block(r, 0) || !b->has_data || b->data_len < 24)
					return false;
				if (major >= 14)
					sb_printf(sb, v16 ? "last_cleanup_num_delpages: %u" :
							  "last_cleanup_num_delpages %u", rd32(b->data + 20));
				else
				{
					/* xl_btree_metadata: oldest_btpo_xact, float8 last_cleanup_num_heap_tuples */
					uint32_t	xoff = major == 11 ? 16 : 20;

					if (b->data_len < 32)
						return false;
					sb_printf(sb, "oldest_btpo_xact %u; last_cleanup_num_heap_tuples: %f",
							  rd32(b->data + xoff), rdf64(b->data + 24));
				}
				return true;
			}
	}
	return true;
}
