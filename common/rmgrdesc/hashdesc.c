/*
 * Hash descriptions: hash_desc() of hashdesc.c (access/hash_xlog.h).
 * VACUUM_ONE_PAGE changed: 10/11 print only ntuples, 12/13 "latest
 * removed xid", 14/15 "latestRemovedXid", 16 snapshotConflictHorizon, 17
 * isCatalogRel.
 */
#include <string.h>

#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_HASH_INIT_META_PAGE 0x00
#define XLOG_HASH_INIT_BITMAP_PAGE 0x10
#define XLOG_HASH_INSERT 0x20
#define XLOG_HASH_ADD_OVFL_PAGE 0x30
#define XLOG_HASH_SPLIT_ALLOCATE_PAGE 0x40
#define XLOG_HASH_SPLIT_COMPLETE 0x60
#define XLOG_HASH_MOVE_PAGE_CONTENTS 0x70
#define XLOG_HASH_SQUEEZE_PAGE 0x80
#define XLOG_HASH_DELETE 0x90
#define XLOG_HASH_UPDATE_META_PAGE 0xB0
#define XLOG_HASH_VACUUM_ONE_PAGE 0xC0

bool
rmgr_desc_hash(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;

	(void) style;
	switch (r->info & 0xF0)
	{
		case XLOG_HASH_INIT_META_PAGE:
			/* num_tuples (double), procid@8, ffactor@12 */
			if (n < 14)
				return false;
			sb_printf(sb, "num_tuples %g, fillfactor %d", rdf64(d), rd16(d + 12));
			return true;
		case XLOG_HASH_INIT_BITMAP_PAGE:
			if (n < 2)
				return false;
			sb_printf(sb, "bmsize %d", rd16(d));
			return true;
		case XLOG_HASH_INSERT:
			if (n < 2)
				return false;
			sb_printf(sb, "off %u", rd16(d));
			return true;
		case XLOG_HASH_ADD_OVFL_PAGE:
			if (n < 3)
				return false;
			sb_printf(sb, "bmsize %d, bmpage_found %c", rd16(d), d[2] ? 'T' : 'F');
			return true;
		case XLOG_HASH_SPLIT_ALLOCATE_PAGE:
			/* new_bucket, old_bucket_flag@4, new_bucket_flag@6, flags@8 */
			if (n < 9)
				return false;
			sb_printf(sb, "new_bucket %u, meta_page_masks_updated %c, issplitpoint_changed %c",
					  rd32(d), (d[8] & 1) ? 'T' : 'F', (d[8] & 2) ? 'T' : 'F');
			return true;
		case XLOG_HASH_SPLIT_COMPLETE:
			if (n < 4)
				return false;
			sb_printf(sb, "old_bucket_flag %u, new_bucket_flag %u", rd16(d), rd16(d + 2));
			return true;
		case XLOG_HASH_MOVE_PAGE_CONTENTS:
			if (n < 3)
				return false;
			sb_printf(sb, "ntups %d, is_primary %c", rd16(d), d[2] ? 'T' : 'F');
			return true;
		case XLOG_HASH_SQUEEZE_PAGE:
			/* prevblkno, nextblkno@4, ntups@8, is_prim_bucket_same_wrt@10 */
			if (n < 11)
				return false;
			sb_printf(sb, "prevblkno %u, nextblkno %u, ntups %d, is_primary %c",
					  rd32(d), rd32(d + 4), rd16(d + 8), d[10] ? 'T' : 'F');
			return true;
		case XLOG_HASH_DELETE:
			if (n < 2)
				return false;
			sb_printf(sb, "clear_dead_marking %c, is_primary %c", d[0] ? 'T' : 'F', d[1] ? 'T' : 'F');
			return true;
		case XLOG_HASH_UPDATE_META_PAGE:
			if (n < 8)
				return false;
			sb_printf(sb, "ntuples %g", rdf64(d));
			return true;
		case XLOG_HASH_VACUUM_ONE_PAGE:
			if (major <= 11)
			{
				/* hnode, ntuples@12 */
				if (n < 16)
					return false;
				sb_printf(sb, "ntuples %d", (int32_t) rd32(d + 12));
			}
			else if (major <= 15)
			{
				/* latestRemovedXid, ntuples (int)@4; 14 renamed the label */
				if (n < 8)
					return false;
				sb_printf(sb, major <= 13 ? "ntuples %d, latest removed xid %u" :
						  "ntuples %d, latestRemovedXid %u", (int32_t) rd32(d + 4), rd32(d));
			}
			else
			{
				/* snapshotConflictHorizon, ntuples (u16)@4, isCatalogRel@6 */
				if (n < 7)
					return false;
				sb_printf(sb, "ntuples %d, snapshotConflictHorizon %u", rd16(d + 4), rd32(d));
				if (major >= 17)
					sb_printf(sb, ", isCatalogRel %c", d[6] ? 'T' : 'F');
			}
			return true;
	}
	return true;
}
