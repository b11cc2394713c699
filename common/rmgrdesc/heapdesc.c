/*
 * Heap and Heap2 descriptions: heap_desc() and heap2_desc() of each
 * major's src/backend/access/rmgrdesc/heapdesc.c, record structs from
 * access/heapam_xlog.h.  Three wordings: 10..15 ("off 3 flags 0x01"),
 * 16 ("off: 3, flags: 0x01", arrays from the block data) and 17/18
 * (pruning and freezing merged into PRUNE_* records; 18 adds the
 * invalidation messages of INPLACE).  11 added TRUNCATE, 12 the flags,
 * 14 replaced CLEAN/CLEANUP_INFO by PRUNE/VACUUM.
 */
#include <string.h>

#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_HEAP_OPMASK 0x70
#define XLOG_HEAP_INIT_PAGE 0x80
#define XLOG_HEAP_INSERT 0x00
#define XLOG_HEAP_DELETE 0x10
#define XLOG_HEAP_UPDATE 0x20
#define XLOG_HEAP_TRUNCATE 0x30
#define XLOG_HEAP_HOT_UPDATE 0x40
#define XLOG_HEAP_CONFIRM 0x50
#define XLOG_HEAP_LOCK 0x60
#define XLOG_HEAP_INPLACE 0x70

#define XLOG_HEAP2_REWRITE 0x00
#define XLOG_HEAP2_VISIBLE 0x40
#define XLOG_HEAP2_MULTI_INSERT 0x50
#define XLOG_HEAP2_LOCK_UPDATED 0x60
#define XLOG_HEAP2_NEW_CID 0x70

/* xl_heap_prune.flags (17+) */
#define XLHP_IS_CATALOG_REL 0x02
#define XLHP_HAS_CONFLICT_HORIZON 0x08
#define XLHP_HAS_FREEZE_PLANS 0x10
#define XLHP_HAS_REDIRECTIONS 0x20
#define XLHP_HAS_DEAD_ITEMS 0x40
#define XLHP_HAS_NOW_UNUSED_ITEMS 0x80

/* xl_heap_*.infobits_set, 10..15: "IS_MULTI LOCK_ONLY " */
static void
infobits_old(struct strbuf *sb, uint8_t b)
{
	if (b & 0x01)
		sb_puts(sb, "IS_MULTI ");
	if (b & 0x02)
		sb_puts(sb, "LOCK_ONLY ");
	if (b & 0x04)
		sb_puts(sb, "EXCL_LOCK ");
	if (b & 0x08)
		sb_puts(sb, "KEYSHR_LOCK ");
	if (b & 0x10)
		sb_puts(sb, "KEYS_UPDATED ");
}

/* 16+: "infobits: [IS_MULTI, LOCK_ONLY]" */
static void
infobits_new(struct strbuf *sb, uint8_t b, const char *key)
{
	static const char *const names[] = {"IS_MULTI", "LOCK_ONLY", "EXCL_LOCK",
	"KEYSHR_LOCK", "KEYS_UPDATED"};
	bool		first = true;
	int			i;

	sb_puts(sb, key);
	sb_puts(sb, ": [");
	for (i = 0; i < 5; i++)
		if (b & (1u << i))
		{
			if (!first)
				sb_puts(sb, ", ");
			sb_puts(sb, names[i]);
			first = false;
		}
	sb_putc(sb, ']');
}

static void
redirect_array(struct strbuf *sb, const uint8_t *p, uint32_t count)
{
	uint32_t	i;

	sb_puts(sb, " [");
	for (i = 0; i < count; i++)
		sb_printf(sb, "%s%u->%u", i ? ", " : "", rd16(p + 4 * i), rd16(p + 4 * i + 2));
	sb_putc(sb, ']');
}

/*
 * Freeze plans (xl_heap_freeze_plan / xlhp_freeze_plan, 12 bytes: xmax,
 * t_infomask2, t_infomask, frzflags, ntuples) followed by their offsets.
 * false if the data is too short.
 */
/*
 * A uint16 count, hdr bytes in all (the count and its padding), then count
 * elements of elem bytes: the layout of each array in a PRUNE_* record's
 * block data.  Advances *c past it; false if the data is too short.
 */
static bool
counted_array(const uint8_t **c, const uint8_t *end, size_t hdr, size_t elem,
			  uint32_t *count, const uint8_t **arr)
{
	if ((size_t) (end - *c) < hdr)
		return false;
	*count = rd16(*c);
	*arr = *c + hdr;
	if ((size_t) (end - *arr) < (size_t) *count * elem)
		return false;
	*c = *arr + elem * *count;
	return true;
}

static bool
plans_desc(struct strbuf *sb, const uint8_t *plans, uint32_t nplans,
		   const uint8_t *offs, const uint8_t *end)
{
	uint32_t	i;

	if ((size_t) (end - plans) < (size_t) nplans * 12)
		return false;
	sb_puts(sb, " [");
	for (i = 0; i < nplans; i++)
	{
		const uint8_t *pl = plans + 12 * i;
		uint16_t	nt = rd16(pl + 10);

		if ((size_t) (end - offs) < (size_t) nt * 2)
			return false;
		sb_printf(sb, "%s{ xmax: %u, infomask: %u, infomask2: %u, ntuples: %u, offsets:",
				  i ? ", " : "", rd32(pl), rd16(pl + 6), rd16(pl + 4), nt);
		rmgr_offset_array(sb, offs, nt);
		offs += 2 * nt;
		sb_puts(sb, " }");
	}
	sb_putc(sb, ']');
	return true;
}

bool
rmgr_desc_heap(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & XLOG_HEAP_OPMASK;
	bool		v16 = major >= 16;

	(void) style;
	switch (info)
	{
		case XLOG_HEAP_INSERT:
			/* xl_heap_insert: offnum u16, flags u8 */
			if (n < 3)
				return false;
			/* by hand, not sb_printf: the commonest records of all */
			sb_puts(sb, v16 ? "off: " : "off ");
			sb_putu(sb, rd16(d));
			if (major >= 12)
			{
				sb_puts(sb, v16 ? ", flags: 0x" : " flags 0x");
				sb_puthex(sb, d[2], 2, true);
			}
			return true;
		case XLOG_HEAP_DELETE:
			/* xl_heap_delete: xmax u32, offnum u16, infobits_set u8, flags u8 */
			if (n < 8)
				return false;
			if (v16)
			{
				sb_printf(sb, "xmax: %u, off: %u, ", rd32(d), rd16(d + 4));
				infobits_new(sb, d[6], "infobits");
				sb_printf(sb, ", flags: 0x%02X", d[7]);
				return true;
			}
			if (major >= 12)
				sb_printf(sb, "off %u flags 0x%02X ", rd16(d + 4), d[7]);
			else
				sb_printf(sb, "off %u ", rd16(d + 4));
			infobits_old(sb, d[6]);
			return true;
		case XLOG_HEAP_UPDATE:
		case XLOG_HEAP_HOT_UPDATE:
			/* xl_heap_update: old_xmax, old_offnum, old_infobits_set, flags, new_xmax, new_offnum */
			if (n < 14)
				return false;
			if (v16)
			{
				sb_puts(sb, "old_xmax: ");
				sb_putu(sb, rd32(d));
				sb_puts(sb, ", old_off: ");
				sb_putu(sb, rd16(d + 4));
				sb_puts(sb, ", ");
				infobits_new(sb, d[6], "old_infobits");
				sb_puts(sb, ", flags: 0x");
				sb_puthex(sb, d[7], 2, true);
				sb_puts(sb, ", new_xmax: ");
				sb_putu(sb, rd32(d + 8));
				sb_puts(sb, ", new_off: ");
				sb_putu(sb, rd16(d + 12));
				return true;
			}
			sb_puts(sb, "off ");
			sb_putu(sb, rd16(d + 4));
			sb_puts(sb, " xmax ");
			sb_putu(sb, rd32(d));
			if (major >= 12)
			{
				sb_puts(sb, " flags 0x");
				sb_puthex(sb, d[7], 2, true);
			}
			sb_putc(sb, ' ');
			infobits_old(sb, d[6]);
			sb_puts(sb, "; new off ");
			sb_putu(sb, rd16(d + 12));
			sb_puts(sb, " xmax ");
			sb_putu(sb, rd32(d + 8));
			return true;
		case XLOG_HEAP_TRUNCATE:
			{
				/* xl_heap_truncate: dbId, nrelids u32, flags u8, relids[] at 12 */
				uint32_t	i,
							nrel;

				if (major < 11)
					return true;
				if (n < 12)
					return false;
				nrel = rd32(d + 4);
				if (nrel > (n - 12) / 4)
					return false;
				if (v16)
				{
					bool		first = true;

					sb_puts(sb, "flags: [");
					if (d[8] & 0x01)
					{
						sb_puts(sb, "CASCADE");
						first = false;
					}
					if (d[8] & 0x02)
						sb_puts(sb, first ? "RESTART_SEQS" : ", RESTART_SEQS");
					sb_printf(sb, "], nrelids: %u, relids: [", nrel);
					for (i = 0; i < nrel; i++)
						sb_printf(sb, "%s%u", i ? ", " : "", rd32(d + 12 + 4 * i));
					sb_putc(sb, ']');
					return true;
				}
				if (d[8] & 0x01)
					sb_puts(sb, "cascade ");
				if (d[8] & 0x02)
					sb_puts(sb, "restart_seqs ");
				sb_printf(sb, "nrelids %u relids", nrel);
				for (i = 0; i < nrel; i++)
					sb_printf(sb, " %u", rd32(d + 12 + 4 * i));
				return true;
			}
		case XLOG_HEAP_CONFIRM:
			if (n < 2)
				return false;
			sb_printf(sb, v16 ? "off: %u" : "off %u", rd16(d));
			return true;
		case XLOG_HEAP_INPLACE:
			if (n < 2)
				return false;
			sb_printf(sb, v16 ? "off: %u" : "off %u", rd16(d));
			if (major >= 18)
			{
				/* offnum, dbId@4, tsId@8, relcacheInitFileInval@12, nmsgs@16, msgs@20 */
				if (n < 20)
					return false;
				return rmgr_invalidations(sb, (int32_t) rd32(d + 16), d + 20, n - 20,
										  rd32(d + 4), rd32(d + 8), d[12] != 0);
			}
			return true;
		case XLOG_HEAP_LOCK:
			/* xl_heap_lock: xmax (locking_xid), offnum, infobits_set, flags */
			if (n < 8)
				return false;
			if (v16)
			{
				sb_puts(sb, "xmax: ");
				sb_putu(sb, rd32(d));
				sb_puts(sb, ", off: ");
				sb_putu(sb, rd16(d + 4));
				sb_puts(sb, ", ");
				infobits_new(sb, d[6], "infobits");
				sb_puts(sb, ", flags: 0x");
				sb_puthex(sb, d[7], 2, true);
				return true;
			}
			sb_puts(sb, "off ");
			sb_putu(sb, rd16(d + 4));
			sb_puts(sb, ": xid ");
			sb_putu(sb, rd32(d));
			if (major >= 12)
			{
				sb_puts(sb, ": flags 0x");
				sb_puthex(sb, d[7], 2, true);
			}
			else
			{
				sb_puts(sb, ": flags ");
				sb_putu(sb, d[7]);
			}
			sb_putc(sb, ' ');
			infobits_old(sb, d[6]);
			return true;
	}
	return true;
}

/* 17+: XLOG_HEAP2_PRUNE_ON_ACCESS / _VACUUM_SCAN / _VACUUM_CLEANUP */
static bool
prune17(struct strbuf *sb, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		flags;
	const struct walblock *b = &r->blocks[0];

	if (n < 2)
		return false;
	flags = d[1];
	if (flags & XLHP_HAS_CONFLICT_HORIZON)
	{
		if (n < 6)
			return false;
		sb_printf(sb, "snapshotConflictHorizon: %u", rd32(d + 2));
	}
	sb_printf(sb, ", isCatalogRel: %c", (flags & XLHP_IS_CATALOG_REL) ? 'T' : 'F');
	if (walrec_has_block(r, 0) && b->has_data)
	{
		const uint8_t *c = b->data,
				   *end = b->data + b->data_len;
		const uint8_t *plans = NULL,
				   *redir = NULL,
				   *dead = NULL,
				   *unused = NULL;
		uint32_t	nplans = 0,
					nredir = 0,
					ndead = 0,
					nunused = 0;

		if (((flags & XLHP_HAS_FREEZE_PLANS) && !counted_array(&c, end, 4, 12, &nplans, &plans)) ||
			((flags & XLHP_HAS_REDIRECTIONS) && !counted_array(&c, end, 2, 4, &nredir, &redir)) ||
			((flags & XLHP_HAS_DEAD_ITEMS) && !counted_array(&c, end, 2, 2, &ndead, &dead)) ||
			((flags & XLHP_HAS_NOW_UNUSED_ITEMS) && !counted_array(&c, end, 2, 2, &nunused, &unused)))
			return false;
		sb_printf(sb, ", nplans: %u, nredirected: %u, ndead: %u, nunused: %u",
				  nplans, nredir, ndead, nunused);
		if (nplans > 0)
		{
			sb_puts(sb, ", plans:");
			if (!plans_desc(sb, plans, nplans, c, end))
				return false;
		}
		if (nredir > 0)
		{
			sb_puts(sb, ", redirected:");
			redirect_array(sb, redir, nredir);
		}
		if (ndead > 0)
		{
			sb_puts(sb, ", dead:");
			rmgr_offset_array(sb, dead, ndead);
		}
		if (nunused > 0)
		{
			sb_puts(sb, ", unused:");
			rmgr_offset_array(sb, unused, nunused);
		}
	}
	return true;
}

bool
rmgr_desc_heap2(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & XLOG_HEAP_OPMASK;
	bool		v16 = major >= 16;
	const struct walblock *b0 = &r->blocks[0];
	bool		has_b0data = walrec_has_block(r, 0) && b0->has_data;

	(void) style;
	switch (info)
	{
		case XLOG_HEAP2_REWRITE:
			return true;
		case 0x10:
			if (major >= 17)
				return prune17(sb, r);
			if (n < 8)
				return false;
			if (major == 16)
			{
				/* xl_heap_prune: snapshotConflictHorizon, nredirected, ndead */
				uint32_t	nred = rd16(d + 4),
							ndead = rd16(d + 6);

				sb_printf(sb, "snapshotConflictHorizon: %u, nredirected: %u, ndead: %u",
						  rd32(d), nred, ndead);
				if (has_b0data)
				{
					uint32_t	len = b0->data_len / 2,
								nunused;

					if ((uint64_t) nred * 2 + ndead > len)
						return false;
					nunused = len - nred * 2 - ndead;
					sb_printf(sb, ", nunused: %u", nunused);
					sb_puts(sb, ", redirected:");
					redirect_array(sb, b0->data, nred);
					sb_puts(sb, ", dead:");
					rmgr_offset_array(sb, b0->data + 4 * nred, ndead);
					sb_puts(sb, ", unused:");
					rmgr_offset_array(sb, b0->data + 4 * nred + 2 * ndead, nunused);
				}
			}
			else if (major >= 14)
			{
				sb_puts(sb, "latestRemovedXid ");
				sb_putu(sb, rd32(d));
				sb_puts(sb, " nredirected ");
				sb_putu(sb, rd16(d + 4));
				sb_puts(sb, " ndead ");
				sb_putu(sb, rd16(d + 6));
			}
			else				/* xl_heap_clean */
				sb_printf(sb, "remxid %u", rd32(d));
			return true;
		case 0x20:
			if (major >= 17)
				return prune17(sb, r);
			if (major >= 14)
			{
				/* xl_heap_vacuum: nunused */
				if (n < 2)
					return false;
				if (v16)
				{
					sb_printf(sb, "nunused: %u", rd16(d));
					if (has_b0data)
					{
						if (b0->data_len / 2 < rd16(d))
							return false;
						sb_puts(sb, ", unused:");
						rmgr_offset_array(sb, b0->data, rd16(d));
					}
				}
				else
					sb_printf(sb, "nunused %u", rd16(d));
			}
			else
			{
				/* 10..13: XLOG_HEAP2_FREEZE_PAGE is 0x20 */
				if (n < 6)
					return false;
				sb_printf(sb, "cutoff xid %u ntuples %u", rd32(d), rd16(d + 4));
			}
			return true;
		case 0x30:
			if (major >= 17)
				return prune17(sb, r);
			if (major == 16)
			{
				/* xl_heap_freeze_page: snapshotConflictHorizon, nplans */
				if (n < 6)
					return false;
				sb_printf(sb, "snapshotConflictHorizon: %u, nplans: %u", rd32(d), rd16(d + 4));
				if (has_b0data)
				{
					const uint8_t *end = b0->data + b0->data_len;

					if (b0->data_len < 12u * rd16(d + 4))
						return false;
					sb_puts(sb, ", plans:");
					return plans_desc(sb, b0->data, rd16(d + 4),
									  b0->data + 12 * rd16(d + 4), end);
				}
			}
			else if (major >= 14)	/* xl_heap_freeze_page */
			{
				if (n < 6)
					return false;
				sb_printf(sb, "cutoff xid %u ntuples %u", rd32(d), rd16(d + 4));
			}
			else				/* xl_heap_cleanup_info: node, latestRemovedXid */
			{
				if (n < 16)
					return false;
				sb_printf(sb, "remxid %u", rd32(d + 12));
			}
			return true;
		case XLOG_HEAP2_VISIBLE:
			if (n < 5)
				return false;
			if (v16)
				sb_printf(sb, "snapshotConflictHorizon: %u, flags: 0x%02X", rd32(d), d[4]);
			else if (major >= 12)
				sb_printf(sb, "cutoff xid %u flags 0x%02X", rd32(d), d[4]);
			else
				sb_printf(sb, "cutoff xid %u flags %d", rd32(d), d[4]);
			return true;
		case XLOG_HEAP2_MULTI_INSERT:
			/* xl_heap_multi_insert: flags u8, ntuples u16 at 2, offsets[] at 4 */
			if (n < 4)
				return false;
			if (v16)
			{
				uint32_t	nt = rd16(d + 2);

				sb_printf(sb, "ntuples: %d, flags: 0x%02X", (int) nt, d[0]);
				if (has_b0data && !(r->info & XLOG_HEAP_INIT_PAGE))
				{
					if ((n - 4) / 2 < nt)
						return false;
					sb_puts(sb, ", offsets:");
					rmgr_offset_array(sb, d + 4, nt);
				}
			}
			else if (major >= 12)
				sb_printf(sb, "%d tuples flags 0x%02X", rd16(d + 2), d[0]);
			else
				sb_printf(sb, "%d tuples", rd16(d + 2));
			return true;
		case XLOG_HEAP2_LOCK_UPDATED:
			if (n < 8)
				return false;
			if (v16)
			{
				sb_printf(sb, "xmax: %u, off: %u, ", rd32(d), rd16(d + 4));
				infobits_new(sb, d[6], "infobits");
				sb_printf(sb, ", flags: 0x%02X", d[7]);
				return true;
			}
			if (major >= 12)
				sb_printf(sb, "off %u: xmax %u: flags 0x%02X ", rd16(d + 4), rd32(d), d[7]);
			else
				sb_printf(sb, "off %u: xmax %u: flags %u ", rd16(d + 4), rd32(d), d[7]);
			infobits_old(sb, d[6]);
			return true;
		case XLOG_HEAP2_NEW_CID:
			/* xl_heap_new_cid: top_xid, cmin, cmax, combocid, target_node, target_tid */
			if (n < 34)
				return false;
			if (v16)
			{
				sb_printf(sb, "rel: %u/%u/%u, tid: %u/%u", rd32(d + 16), rd32(d + 20), rd32(d + 24),
						  ((uint32_t) rd16(d + 28) << 16) | rd16(d + 30), rd16(d + 32));
				sb_printf(sb, ", cmin: %u, cmax: %u, combo: %u", rd32(d + 4), rd32(d + 8), rd32(d + 12));
				return true;
			}
			sb_printf(sb, "rel %u/%u/%u; tid %u/%u", rd32(d + 16), rd32(d + 20), rd32(d + 24),
					  ((uint32_t) rd16(d + 28) << 16) | rd16(d + 30), rd16(d + 32));
			sb_printf(sb, "; cmin: %u, cmax: %u, combo: %u", rd32(d + 4), rd32(d + 8), rd32(d + 12));
			return true;
	}
	return true;
}
