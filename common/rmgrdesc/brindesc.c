/* BRIN descriptions: brin_desc() of brindesc.c (access/brin_xlog.h), the same in 10..18. */
#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_BRIN_CREATE_INDEX 0x00
#define XLOG_BRIN_INSERT 0x10
#define XLOG_BRIN_UPDATE 0x20
#define XLOG_BRIN_SAMEPAGE_UPDATE 0x30
#define XLOG_BRIN_REVMAP_EXTEND 0x40
#define XLOG_BRIN_DESUMMARIZE 0x50
#define XLOG_BRIN_OPMASK 0x70

bool
rmgr_desc_brin(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;

	(void) major;
	(void) style;
	switch (r->info & XLOG_BRIN_OPMASK)
	{
		case XLOG_BRIN_CREATE_INDEX:
			/* pagesPerRange, version@4 */
			if (n < 6)
				return false;
			sb_printf(sb, "v%d pagesPerRange %u", rd16(d + 4), rd32(d));
			return true;
		case XLOG_BRIN_INSERT:
			/* heapBlk, pagesPerRange@4, offnum@8 */
			if (n < 10)
				return false;
			sb_printf(sb, "heapBlk %u pagesPerRange %u offnum %u", rd32(d), rd32(d + 4), rd16(d + 8));
			return true;
		case XLOG_BRIN_UPDATE:
			/* oldOffnum, insert@4 {heapBlk, pagesPerRange, offnum} */
			if (n < 14)
				return false;
			sb_printf(sb, "heapBlk %u pagesPerRange %u old offnum %u, new offnum %u",
					  rd32(d + 4), rd32(d + 8), rd16(d), rd16(d + 12));
			return true;
		case XLOG_BRIN_SAMEPAGE_UPDATE:
			if (n < 2)
				return false;
			sb_printf(sb, "offnum %u", rd16(d));
			return true;
		case XLOG_BRIN_REVMAP_EXTEND:
			if (n < 4)
				return false;
			sb_printf(sb, "targetBlk %u", rd32(d));
			return true;
		case XLOG_BRIN_DESUMMARIZE:
			/* pagesPerRange, heapBlk@4, regOffset@8 */
			if (n < 10)
				return false;
			sb_printf(sb, "pagesPerRange %u, heapBlk %u, page offset %u", rd32(d), rd32(d + 4), rd16(d + 8));
			return true;
	}
	return true;
}
