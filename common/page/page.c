/*
 * Page headers, line pointers and page kinds (storage/bufpage.h, itemid.h),
 * and the page verdicts PageIsVerified() gives.
 */
#include <string.h>

#include "page/page.h"

void
page_header_decode(const uint8_t *page, struct page_header *h)
{
	uint16_t	sv = rd16(page + 18);

	/* pd_lsn is two uint32 halves, xlogid first */
	h->lsn = ((uint64_t) rd32(page) << 32) | rd32(page + 4);
	h->checksum = rd16(page + 8);
	h->flags = rd16(page + 10);
	h->lower = rd16(page + 12);
	h->upper = rd16(page + 14);
	h->special = rd16(page + 16);
	h->pagesize = sv & 0xFF00;
	h->version = sv & 0x00FF;
	h->prune_xid = rd32(page + 20);
}

bool
page_is_zero(const uint8_t *page, size_t len)
{
	uint64_t	acc = 0;
	size_t		i;

	/* OR whole words; the compiler vectorizes this */
	for (i = 0; i + 8 <= len; i += 8)
	{
		uint64_t	w;

		memcpy(&w, page + i, 8);
		acc |= w;
	}
	for (; i < len; i++)
		acc |= page[i];
	return acc == 0;
}

bool
page_check(const struct page_header *h, uint32_t blkno, struct diags *ds)
{
	bool		ok = true;

	if (h->flags & ~PD_VALID_FLAG_BITS)
	{
		diag_add_block(ds, D_BAD_PAGE_FLAGS, blkno, "pd_flags 0x%04x", h->flags);
		ok = false;
	}
	if (h->lower < SIZE_OF_PAGE_HEADER || h->lower > h->upper ||
		h->upper > h->special || h->special > BLCKSZ ||
		(h->special & (MAXIMUM_ALIGNOF - 1)) != 0)
	{
		diag_add_block(ds, D_BAD_PAGE_HEADER, blkno,
					   "pd_lower %u, pd_upper %u, pd_special %u",
					   h->lower, h->upper, h->special);
		ok = false;
	}
	if (h->pagesize != BLCKSZ)
	{
		diag_add_block(ds, D_BAD_PAGE_SIZE, blkno, "page size %u, expected %u",
					   h->pagesize, BLCKSZ);
		ok = false;
	}
	if (h->version != PG_PAGE_LAYOUT_VERSION)
	{
		diag_add_block(ds, D_BAD_PAGE_VERSION, blkno, "layout version %u, expected %u",
					   h->version, PG_PAGE_LAYOUT_VERSION);
		ok = false;
	}
	return ok;
}

bool
page_check_new(const uint8_t *page, uint32_t blkno, struct diags *ds)
{
	if (page_is_zero(page, BLCKSZ))
		return true;
	diag_add_block(ds, D_TORN_PAGE, blkno, NULL);
	return false;
}

enum page_verdict
page_verify(const uint8_t *page, const struct page_header *h, uint32_t blkno,
			struct diags *ds)
{
	if (page_is_new(h))
		return page_check_new(page, blkno, ds) ? PV_NEW : PV_TORN;
	return page_check(h, blkno, ds) ? PV_VALID : PV_INVALID;
}

unsigned
page_item_count(const struct page_header *h)
{
	unsigned	lower = h->lower > BLCKSZ ? BLCKSZ : h->lower;

	if (lower <= SIZE_OF_PAGE_HEADER)
		return 0;
	return (lower - SIZE_OF_PAGE_HEADER) / 4;
}

bool
page_item(const uint8_t *page, const struct page_header *h, unsigned i,
		  struct line_pointer *lp, uint32_t blkno, struct diags *ds)
{
	uint32_t	v;
	unsigned	lo = h->upper,
				hi = h->special > BLCKSZ ? BLCKSZ : h->special;
	struct diag *d;

	if (i == 0 || i > page_item_count(h))
	{
		/* not in the line pointer array: never read past the page */
		memset(lp, 0, sizeof(*lp));
		d = diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
						   "item %u of %u", i, page_item_count(h));
		if (d)
			d->item = (uint16_t) i;
		return false;
	}
	/* ItemIdData: lp_off:15, lp_flags:2, lp_len:15, low bits first */
	v = rd32(page + SIZE_OF_PAGE_HEADER + (i - 1) * 4);
	lp->off = v & 0x7FFF;
	lp->flags = (v >> 15) & 3;
	lp->len = (v >> 17) & 0x7FFF;

	if (lp->flags == LP_NORMAL || (lp->flags == LP_DEAD && lp->len > 0))
	{
		if (lp->len == 0 || lp->off < lo || (unsigned) lp->off + lp->len > hi)
		{
			d = diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
							   "lp_off %u, lp_len %u outside tuple space %u..%u",
							   lp->off, lp->len, lo, hi);
			if (d)
				d->item = (uint16_t) i;
			return false;
		}
	}
	else if (lp->flags == LP_REDIRECT && (lp->off == 0 || lp->off > page_item_count(h)))
	{
		d = diag_add_block(ds, D_BAD_LINE_POINTER, blkno,
						   "redirect to item %u of %u", lp->off, page_item_count(h));
		if (d)
			d->item = (uint16_t) i;
		return false;
	}
	return true;
}

/*
 * The kind follows the special space, the way pageinspect and pg_filedump
 * tell them apart: the access methods that share a special-space size put a
 * page id in its last two bytes (hash 0xFF80, GiST 0xFF81, SP-GiST 0xFF82,
 * BRIN 0xF091..0xF093); B-tree's last field is a cycle id that never
 * exceeds MAX_BT_CYCLE_ID (0xFF7F); GIN has no id and 8 bytes of special.
 */
enum page_kind
page_kind_of(const uint8_t *page, const struct page_header *h,
			 enum fork_number fork)
{
	unsigned	size;
	uint16_t	id;

	/* a torn page's zero header says nothing of what the rest holds */
	if (page_is_new(h))
		return page_is_zero(page, BLCKSZ) ? PK_NEW : PK_UNKNOWN;
	if (fork == FORK_FSM)
		return PK_FSM;
	if (fork == FORK_VM)
		return PK_VM;
	if (h->special > BLCKSZ || h->special < SIZE_OF_PAGE_HEADER)
		return PK_UNKNOWN;
	size = BLCKSZ - h->special;
	id = size >= 2 ? rd16(page + BLCKSZ - 2) : 0;
	switch (size)
	{
		case 0:
			return PK_HEAP;
		case 4:
		case 8:
			/*
			 * A sequence page's special space is sequence_magic (0x1717),
			 * 4 bytes that PageInit MAXALIGNs to 8: the size GIN has too.
			 */
			if (rd32(page + h->special) == 0x1717)
				return PK_SEQUENCE;
			if (size == 4)
				return PK_UNKNOWN;
			if (id == 0xFF82)
				return PK_SPGIST;
			if (id >= 0xF091 && id <= 0xF093)
				return PK_BRIN;
			return PK_GIN;
		case 16:
			if (id == 0xFF80)
				return PK_HASH;
			if (id == 0xFF81)
				return PK_GIST;
			if (id <= 0xFF7F)
				return PK_BTREE;
			return PK_UNKNOWN;
		default:
			return PK_UNKNOWN;
	}
}

const char *
page_kind_name(enum page_kind kind)
{
	static const char *const names[] = {
		[PK_NEW] = "new", [PK_HEAP] = "heap", [PK_BTREE] = "btree",
		[PK_HASH] = "hash", [PK_GIST] = "gist", [PK_GIN] = "gin",
		[PK_SPGIST] = "spgist", [PK_BRIN] = "brin",
		[PK_SEQUENCE] = "sequence", [PK_FSM] = "fsm", [PK_VM] = "vm",
		[PK_UNKNOWN] = "unknown",
	};

	return kind <= PK_UNKNOWN ? names[kind] : "unknown";
}

int
page_flag_names(uint16_t flags, const char *names[], int max)
{
	int			n = 0;

	if ((flags & PD_HAS_FREE_LINES) && n < max)
		names[n++] = "HAS_FREE_LINES";
	if ((flags & PD_PAGE_FULL) && n < max)
		names[n++] = "PAGE_FULL";
	if ((flags & PD_ALL_VISIBLE) && n < max)
		names[n++] = "ALL_VISIBLE";
	return n;
}
