/* Sequence descriptions: seq_desc() of seqdesc.c, the same in 10..18. */
#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_SEQ_LOG 0x00

bool
rmgr_desc_seq(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;

	(void) major;
	(void) style;
	if ((r->info & 0xF0) == XLOG_SEQ_LOG)
	{
		/* xl_seq_rec: node (spc, db, rel) */
		if (r->main_data_len < 12)
			return false;
		sb_printf(sb, "rel %u/%u/%u", rd32(d), rd32(d + 4), rd32(d + 8));
	}
	return true;
}
