/*
 * CLOG, CommitTs and MultiXact descriptions: clogdesc.c, committsdesc.c,
 * mxactdesc.c.  Their SLRU page numbers became 64-bit in 17.  CommitTs
 * SETTS exists in 10..13 only (14 stopped logging it).
 */
#include "rmgrdesc/rmgrdesc_int.h"

/* a page number: int before 17, int64 from 17; false if n is too short */
static bool
pageno(int major, const uint8_t *d, uint32_t n, long long *out)
{
	if (major >= 17)
	{
		if (n < 8)
			return false;
		*out = (long long) (int64_t) rd64(d);
	}
	else
	{
		if (n < 4)
			return false;
		*out = (int32_t) rd32(d);
	}
	return true;
}

static bool
clog_desc(struct strbuf *sb, int major, const uint8_t *d, uint32_t n, uint8_t info)
{
	long long	pg;
	uint32_t	w = major >= 17 ? 8 : 4;

	if (info != 0x00 && info != 0x10)
		return true;
	if (!pageno(major, d, n, &pg))
		return false;
	if (info == 0x00)			/* CLOG_ZEROPAGE */
		sb_printf(sb, "page %lld", pg);
	else if (info == 0x10)		/* CLOG_TRUNCATE: pageno, oldestXact */
	{
		if (n < w + 4)
			return false;
		sb_printf(sb, "page %lld; oldestXact %u", pg, rd32(d + w));
	}
	return true;
}

/*
 * COMMIT_TS_SETTS of 10..13: xl_commit_ts_set (timestamp, nodeid@8,
 * mainxid@12; SizeOfCommitTsSet 16), then the subxids up to the end.
 */
static bool
committs_setts(struct strbuf *sb, enum rmgr_style style, const uint8_t *d, uint32_t n)
{
	uint32_t	i;

	if (n < 16)
		return false;
	sb_puts(sb, "set ");
	rmgr_put_timestamp(sb, style, (int64_t) rd64(d));
	sb_printf(sb, "/%d for: %u", (int) rd16(d + 8), rd32(d + 12));
	for (i = 0; i < (n - 16) / 4; i++)
		sb_printf(sb, ", %u", rd32(d + 16 + 4 * i));
	return true;
}

static bool
committs_desc(struct strbuf *sb, int major, enum rmgr_style style, const uint8_t *d,
			  uint32_t n, uint8_t info)
{
	long long	pg;
	uint32_t	w = major >= 17 ? 8 : 4;

	if (info == 0x20)			/* COMMIT_TS_SETTS */
		return major <= 13 ? committs_setts(sb, style, d, n) : true;
	if (info != 0x00 && info != 0x10)
		return true;
	if (!pageno(major, d, n, &pg))
		return false;
	if (info == 0x00)
		sb_printf(sb, "%lld", pg);
	else if (info == 0x10)		/* xl_commit_ts_truncate: pageno, oldestXid */
	{
		if (n < w + 4)
			return false;
		sb_printf(sb, "pageno %lld, oldestXid %u", pg, rd32(d + w));
	}
	return true;
}

static bool
multixact_desc(struct strbuf *sb, int major, const uint8_t *d, uint32_t n, uint8_t info)
{
	static const char *const status[] = {"(keysh) ", "(sh) ", "(fornokeyupd) ",
	"(forupd) ", "(nokeyupd) ", "(upd) "};
	long long	pg;

	switch (info)
	{
		case 0x00:				/* ZERO_OFF_PAGE */
		case 0x10:				/* ZERO_MEM_PAGE */
			if (!pageno(major, d, n, &pg))
				return false;
			sb_printf(sb, "%lld", pg);
			return true;
		case 0x20:				/* CREATE_ID: mid, moff, nmembers, members {xid, status} */
			{
				int32_t		nm,
							i;

				if (n < 12)
					return false;
				nm = (int32_t) rd32(d + 8);
				if (nm < 0 || (uint32_t) nm > (n - 12) / 8)
					return false;
				sb_printf(sb, "%u offset %u nmembers %d: ", rd32(d), rd32(d + 4), nm);
				for (i = 0; i < nm; i++)
				{
					uint32_t	st = rd32(d + 12 + 8 * i + 4);

					sb_printf(sb, "%u %s", rd32(d + 12 + 8 * i), st < 6 ? status[st] : "(unk) ");
				}
				return true;
			}
		case 0x30:				/* TRUNCATE_ID: oldestMultiDB, start/endTruncOff, start/endTruncMemb */
			if (n < 20)
				return false;
			sb_printf(sb, "offsets [%u, %u), members [%u, %u)",
					  rd32(d + 4), rd32(d + 8), rd32(d + 12), rd32(d + 16));
			return true;
	}
	return true;
}

bool
rmgr_desc_slru(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	uint8_t		info = r->info & 0xF0;

	switch (r->rmid)
	{
		case RM_CLOG_ID:
			return clog_desc(sb, major, r->main_data, r->main_data_len, info);
		case RM_COMMIT_TS_ID:
			return committs_desc(sb, major, style, r->main_data, r->main_data_len, info);
		case RM_MULTIXACT_ID:
			return multixact_desc(sb, major, r->main_data, r->main_data_len, info);
	}
	return false;
}
