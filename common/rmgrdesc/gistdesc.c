/*
 * Gist descriptions: gist_desc() of gistdesc.c (access/gistxlog.h).  12
 * added DELETE, PAGE_REUSE and PAGE_DELETE (and dropped CREATE_INDEX, 0x50,
 * which printed nothing); 16 renamed latestRemovedXid to
 * snapshotConflictHorizon; 17 prints isCatalogRel.  PAGE_UPDATE and 13's
 * ASSIGN_LSN print nothing.
 */
#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_GIST_PAGE_UPDATE 0x00
#define XLOG_GIST_DELETE 0x10
#define XLOG_GIST_PAGE_REUSE 0x20
#define XLOG_GIST_PAGE_SPLIT 0x30
#define XLOG_GIST_PAGE_DELETE 0x60

bool
rmgr_desc_gist(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	bool		v16 = major >= 16,
				iscat = major >= 17;

	(void) style;
	switch (r->info & 0xF0)
	{
		case XLOG_GIST_PAGE_SPLIT:
			/* gistxlogPageSplit: origrlink, orignsn@8, origleaf@16, npage@18 */
			if (n < 20)
				return false;
			sb_printf(sb, "page_split: splits to %d pages", rd16(d + 18));
			return true;
		case XLOG_GIST_DELETE:
			/* gistxlogDelete: horizon, ntodelete@4, isCatalogRel@6 (16+) */
			if (major < 12)
				return true;
			if (n < (iscat ? 7u : 6u))
				return false;
			sb_printf(sb, v16 ? "delete: snapshotConflictHorizon %u, nitems: %u" :
					  "delete: latestRemovedXid %u, nitems: %u", rd32(d), rd16(d + 4));
			if (iscat)
				sb_printf(sb, ", isCatalogRel %c", d[6] ? 'T' : 'F');
			return true;
		case XLOG_GIST_PAGE_REUSE:
			/* gistxlogPageReuse: node, block@12, FullTransactionId@16, isCatalogRel@24 */
			if (major < 12)
				return true;
			if (n < (iscat ? 25u : 24u))
				return false;
			sb_printf(sb, v16 ? "rel %u/%u/%u; blk %u; snapshotConflictHorizon %u:%u" :
					  "rel %u/%u/%u; blk %u; latestRemovedXid %u:%u",
					  rd32(d), rd32(d + 4), rd32(d + 8), rd32(d + 12), rd32(d + 20), rd32(d + 16));
			if (iscat)
				sb_printf(sb, ", isCatalogRel %c", d[24] ? 'T' : 'F');
			return true;
		case XLOG_GIST_PAGE_DELETE:
			/* gistxlogPageDelete: deleteXid (u64), downlinkOffset@8 */
			if (major < 12)
				return true;
			if (n < 10)
				return false;
			sb_printf(sb, "deleteXid %u:%u; downlink %u", rd32(d + 4), rd32(d), rd16(d + 8));
			return true;
	}
	return true;
}
