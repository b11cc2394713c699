/*
 * Standby descriptions: standby_desc() of standbydesc.c, records from
 * storage/standbydefs.h.  16 renamed "subxid ovf" to "subxid overflowed"
 * and lists the subtransactions of RUNNING_XACTS.  Before 13,
 * standby_desc_invalidations() printed its "; inval msgs:" even for no
 * message (only INVALIDATIONS calls it so; commits skip it).
 */
#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_STANDBY_LOCK 0x00
#define XLOG_RUNNING_XACTS 0x10
#define XLOG_INVALIDATIONS 0x20

bool
rmgr_desc_standby(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & 0xF0;

	(void) style;
	switch (info)
	{
		case XLOG_STANDBY_LOCK:
			{
				/* xl_standby_locks: nlocks, locks[] {xid, dbOid, relOid} */
				int32_t		i,
							nl;

				if (n < 4)
					return false;
				nl = (int32_t) rd32(d);
				if (nl < 0 || (uint32_t) nl > (n - 4) / 12)
					return false;
				for (i = 0; i < nl; i++)
				{
					const uint8_t *l = d + 4 + 12 * i;

					sb_printf(sb, "xid %u db %u rel %u ", rd32(l), rd32(l + 4), rd32(l + 8));
				}
				return true;
			}
		case XLOG_RUNNING_XACTS:
			{
				/* xcnt, subxcnt, subxid_overflow@8, nextXid@12, oldestRunningXid@16,
				 * latestCompletedXid@20, xids[]@24 */
				int32_t		xcnt,
							subxcnt,
							i;

				if (n < 24)
					return false;
				xcnt = (int32_t) rd32(d);
				subxcnt = (int32_t) rd32(d + 4);
				if (xcnt < 0 || subxcnt < 0 || (uint64_t) xcnt + (uint64_t) subxcnt > (n - 24) / 4)
					return false;
				sb_printf(sb, "nextXid %u latestCompletedXid %u oldestRunningXid %u",
						  rd32(d + 12), rd32(d + 20), rd32(d + 16));
				if (xcnt > 0)
				{
					sb_printf(sb, "; %d xacts:", xcnt);
					for (i = 0; i < xcnt; i++)
						sb_printf(sb, " %u", rd32(d + 24 + 4 * i));
				}
				if (d[8])
					sb_puts(sb, major >= 16 ? "; subxid overflowed" : "; subxid ovf");
				if (major >= 16 && subxcnt > 0)
				{
					sb_printf(sb, "; %d subxacts:", subxcnt);
					for (i = 0; i < subxcnt; i++)
						sb_printf(sb, " %u", rd32(d + 24 + 4 * (xcnt + i)));
				}
				return true;
			}
		case XLOG_INVALIDATIONS:
			/* xl_invalidations: dbId, tsId, relcacheInitFileInval@8, nmsgs@12, msgs@16 */
			if (n < 16)
				return false;
			if (major <= 12 && (int32_t) rd32(d + 12) <= 0)
			{
				if (d[8])
					sb_printf(sb, "; relcache init file inval dbid %u tsid %u",
							  rd32(d), rd32(d + 4));
				sb_puts(sb, "; inval msgs:");
				return true;
			}
			return rmgr_invalidations(sb, (int32_t) rd32(d + 12), d + 16, n - 16,
									  rd32(d), rd32(d + 4), d[8] != 0);
	}
	return true;
}
