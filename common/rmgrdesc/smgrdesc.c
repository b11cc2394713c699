/*
 * Storage descriptions: smgr_desc() of smgrdesc.c (catalog/storage_xlog.h),
 * the same wording in 10..18.
 */
#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_SMGR_CREATE 0x10
#define XLOG_SMGR_TRUNCATE 0x20

bool
rmgr_desc_smgr(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & 0xF0;

	(void) style;
	if (info == XLOG_SMGR_CREATE)
	{
		/* xl_smgr_create: rnode (spc, db, rel), forkNum */
		if (n < 16)
			return false;
		rmgr_relpath(sb, major, rd32(d), rd32(d + 4), rd32(d + 8), (int) rd32(d + 12));
	}
	else if (info == XLOG_SMGR_TRUNCATE)
	{
		/* xl_smgr_truncate: blkno, rnode, flags */
		if (n < 20)
			return false;
		rmgr_relpath(sb, major, rd32(d + 4), rd32(d + 8), rd32(d + 12), 0);
		sb_printf(sb, " to %u blocks flags %d", rd32(d), (int32_t) rd32(d + 16));
	}
	return true;
}
