/*
 * ReplicationOrigin, LogicalMessage and Generic descriptions:
 * replorigindesc.c, logicalmsgdesc.c, genericdesc.c.  14 rewrote the
 * logical message's wording to show its prefix and payload; 10..13 print
 * only its size.
 */
#include "rmgrdesc/rmgrdesc_int.h"

static bool
logicalmsg(struct strbuf *sb, int major, const uint8_t *d, uint32_t n)
{
	uint64_t	psz,
				msz,
				i;
	const uint8_t *prefix;

	/* xl_logical_message: dbId, transactional@4, prefix_size@8, message_size@16, message@24 */
	if (n < 24)
		return false;
	psz = rd64(d + 8);
	msz = rd64(d + 16);
	if (major <= 13)
	{
		sb_printf(sb, "%s message size %llu bytes",
				  d[4] ? "transactional" : "nontransactional", (unsigned long long) msz);
		return true;
	}
	if (psz == 0 || psz > n - 24 || msz > n - 24 - psz)
		return false;
	prefix = d + 24;
	if (prefix[psz - 1] != '\0')
		return false;
	sb_printf(sb, "%s, prefix \"%s\"; payload (%llu bytes): ",
			  d[4] ? "transactional" : "non-transactional", (const char *) prefix,
			  (unsigned long long) msz);
	for (i = 0; i < msz; i++)
		sb_printf(sb, "%s%02X", i ? " " : "", prefix[psz + i]);
	return true;
}

static bool
generic(struct strbuf *sb, const uint8_t *d, uint32_t n)
{
	uint32_t	p = 0;

	while (p < n)
	{
		uint16_t	off,
					len;

		if (n - p < 4)
			return false;
		off = rd16(d + p);
		len = rd16(d + p + 2);
		p += 4;
		if (len > n - p)
			return false;
		p += len;
		sb_printf(sb, p < n ? "offset %u, length %u; " : "offset %u, length %u", off, len);
	}
	return true;
}

bool
rmgr_desc_logical(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & 0xF0;

	(void) style;
	switch (r->rmid)
	{
		case RM_REPLORIGIN_ID:
			if (info == 0x00)	/* SET: remote_lsn, node_id@8, force@10 */
			{
				if (n < 11)
					return false;
				sb_printf(sb, "set %u; lsn %X/%X; force: %d", rd16(d + 8),
						  (unsigned) (rd64(d) >> 32), (unsigned) rd64(d), d[10]);
			}
			else if (info == 0x10)	/* DROP: node_id */
			{
				if (n < 2)
					return false;
				sb_printf(sb, "drop %u", rd16(d));
			}
			return true;
		case RM_LOGICALMSG_ID:
			return info == 0x00 ? logicalmsg(sb, major, d, n) : true;
		case RM_GENERIC_ID:
			return generic(sb, d, n);
	}
	return false;
}
