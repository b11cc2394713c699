/*
 * walreader: record assembly across pages and segments, after
 * xlogreader.c's XLogReadRecord, XLogFindNextRecord and
 * XLogReaderValidatePageHeader, written for a reader that only goes forward.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/crc32c.h"
#include "io/bytes.h"
#include "wal/walreader.h"

#define RM_XLOG_ID 0
#define XLOG_SWITCH 0x40
#define XLR_RMGR_INFO_MASK 0xF0

struct walreader {
	struct walreader_config cfg;
	const uint8_t *page;		/* the page at page_ptr, from read_page */
	uint64_t	page_ptr;		/* UINT64_MAX: none loaded */
	struct wal_page_header ph;	/* its header */
	uint32_t	latest_tli;		/* highest xlp_tli seen, which may not go back */
	uint64_t	next;			/* NextRecPtr */
	uint64_t	prev;			/* ReadRecPtr of the record before */
	bool		rand_access;	/* prev-link unknown: only check it is < lsn */
	bool		seek_pending;	/* find the first record at or after seek_to */
	bool		seeking;		/* records before seek_to are read, not returned */
	uint64_t	seek_to;
	bool		stopped;		/* end reached, or damage without keep_going */
	bool		need_resync;	/* damage at damage_at, keep_going */
	uint64_t	damage_at;
	uint64_t	resync_from;	/* the page to look for a record start from */
	uint8_t    *buf;			/* records spanning pages are copied here */
	size_t		cap;
};

void
wal_page_header_decode(const uint8_t *p, struct wal_page_header *h)
{
	h->magic = rd16(p);
	h->info = rd16(p + 2);
	h->tli = rd32(p + 4);
	h->pageaddr = rd64(p + 8);
	h->rem_len = rd32(p + 16);
	if (h->info & XLP_LONG_HEADER)
	{
		h->sysid = rd64(p + 24);
		h->seg_size = rd32(p + 32);
		h->xlog_blcksz = rd32(p + 36);
	}
	else
	{
		h->sysid = 0;
		h->seg_size = 0;
		h->xlog_blcksz = 0;
	}
}

void
wal_segment_name(char *buf, uint32_t tli, uint64_t segno, uint32_t seg_size)
{
	uint64_t	per = UINT64_C(0x100000000) / seg_size;

	snprintf(buf, 25, "%08X%08X%08X", (unsigned) tli,
			 (unsigned) (segno / per), (unsigned) (segno % per));
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int
wal_parse_segment_name(const char *name, uint32_t seg_size, uint32_t *tli,
					   uint64_t *segno)
{
	uint32_t	v[3] = {0, 0, 0};
	uint64_t	per;
	const char *rest = name + 24;
	int			i;

	if (seg_size == 0)
		return -1;
	for (i = 0; i < 24; i++)
	{
		int			x = hexval(name[i]);

		if (x < 0)
			return -1;
		v[i / 8] = (v[i / 8] << 4) | (uint32_t) x;
	}
	if (strcmp(rest, "") != 0 && strcmp(rest, ".partial") != 0 &&
		strcmp(rest, ".gz") != 0 && strcmp(rest, ".partial.gz") != 0)
		return -1;
	per = UINT64_C(0x100000000) / seg_size;
	if (v[2] >= per)
		return -1;
	*tli = v[0];
	*segno = (uint64_t) v[1] * per + v[2];
	return 0;
}

struct walreader *
walreader_create(const struct walreader_config *cfg)
{
	struct walreader *r;

	if (cfg->page_size < 1024 || cfg->page_size > 65536 ||
		(cfg->page_size & (cfg->page_size - 1)) != 0 ||
		cfg->seg_size < cfg->page_size || cfg->seg_size % cfg->page_size != 0 ||
		(cfg->seg_size & (cfg->seg_size - 1)) != 0)
		return NULL;
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return NULL;
	r->cfg = *cfg;
	r->page_ptr = UINT64_MAX;
	r->rand_access = true;
	return r;
}

void
walreader_free(struct walreader *r)
{
	if (r == NULL)
		return;
	free(r->buf);
	free(r);
}

void
walreader_seek(struct walreader *r, uint64_t lsn)
{
	r->seek_pending = true;
	r->seek_to = lsn;
	r->stopped = false;
	r->need_resync = false;
	r->rand_access = true;
	r->page_ptr = UINT64_MAX;
}

uint64_t
walreader_position(const struct walreader *r)
{
	return r->seek_pending ? r->seek_to : r->next;
}

enum lp {
	LP_OK,
	LP_END,						/* calm end of WAL, notice added */
	LP_DAMAGE					/* finding added */
};

static const char *
segname_of(const struct walreader *r, uint64_t ptr, uint32_t tli, char *buf)
{
	wal_segment_name(buf, tli ? tli : 1, ptr / r->cfg.seg_size, r->cfg.seg_size);
	return buf;
}

/* XLogReaderValidatePageHeader, with zeroed and recycled pages as the end. */
static enum lp
validate_page(struct walreader *r, uint64_t ptr, const uint8_t *p,
			  struct wal_page_header *h, struct diags *ds)
{
	uint32_t	offset = (uint32_t) (ptr % r->cfg.seg_size);
	char		seg[32];		/* named only for a finding: not per page */

/*
 * The segment is named by the timeline of the pages read so far, as
 * xlogreader.c names it by the file's (ws_tli): a damaged page's own
 * xlp_tli is one of the bytes in doubt (a garbage page was said to sit in
 * segment ACA5E3FE0000000000000002).  Only the first page has no other.
 */
#define SEG segname_of(r, ptr, r->latest_tli ? r->latest_tli : h->tli, seg)

	wal_page_header_decode(p, h);
	if (h->magic == 0 && h->info == 0 && h->pageaddr == 0)
	{
		diag_add_lsn(ds, D_WAL_END, ptr, "zeroed page in segment %s, offset %u", SEG, offset);
		return LP_END;
	}
	if (h->magic != r->cfg.magic)
	{
		diag_add_lsn(ds, D_WAL_PAGE_HEADER, ptr,
			  "invalid magic number %04X in segment %s, offset %u",
			  (unsigned) h->magic, SEG, offset);
		return LP_DAMAGE;
	}
	if ((h->info & ~XLP_ALL_FLAGS) != 0 ||
		(offset == 0 && !(h->info & XLP_LONG_HEADER)))
	{
		diag_add_lsn(ds, D_WAL_PAGE_HEADER, ptr,
			  "invalid info bits %04X in segment %s, offset %u",
			  (unsigned) h->info, SEG, offset);
		return LP_DAMAGE;
	}
	if (h->info & XLP_LONG_HEADER)
	{
		if (r->cfg.sysid != 0 && h->sysid != r->cfg.sysid)
		{
			diag_add_lsn(ds, D_WAL_PAGE_HEADER, ptr,
				  "segment %s is from a different database system: system identifier %" PRIu64 ", expected %" PRIu64,
				  SEG, h->sysid, r->cfg.sysid);
			return LP_DAMAGE;
		}
		if (h->seg_size != r->cfg.seg_size || h->xlog_blcksz != r->cfg.page_size)
		{
			diag_add_lsn(ds, D_WAL_PAGE_HEADER, ptr,
				  "segment %s: segment size %u and page size %u in its header, expected %u and %u",
				  SEG, h->seg_size, h->xlog_blcksz, r->cfg.seg_size, r->cfg.page_size);
			return LP_DAMAGE;
		}
		if (r->cfg.sysid == 0)
			r->cfg.sysid = h->sysid;
	}
	if (h->pageaddr != ptr)
	{
		if (h->pageaddr < ptr && h->pageaddr % r->cfg.page_size == 0)
		{
			/* a recycled segment not yet overwritten: where WAL ends */
			diag_add_lsn(ds, D_WAL_END, ptr,
				  "recycled page (address %X/%X) in segment %s, offset %u",
				  (unsigned) (h->pageaddr >> 32), (unsigned) h->pageaddr, SEG, offset);
			return LP_END;
		}
		diag_add_lsn(ds, D_WAL_PAGE_HEADER, ptr,
			  "unexpected pageaddr %X/%X in segment %s, offset %u",
			  (unsigned) (h->pageaddr >> 32), (unsigned) h->pageaddr, SEG, offset);
		return LP_DAMAGE;
	}
	if (h->tli < r->latest_tli)
	{
		diag_add_lsn(ds, D_WAL_PAGE_HEADER, ptr,
			  "out-of-sequence timeline ID %u (after %u) in segment %s, offset %u",
			  h->tli, r->latest_tli, SEG, offset);
		return LP_DAMAGE;
	}
	r->latest_tli = h->tli;
	return LP_OK;
}
#undef SEG

static enum lp
load_page(struct walreader *r, uint64_t ptr, struct diags *ds)
{
	const uint8_t *p = NULL;
	enum walreader_page st;
	struct wal_page_header h;
	enum lp res;
	char		seg[32];

	if (r->page_ptr == ptr)
		return LP_OK;
	r->page_ptr = UINT64_MAX;
	st = r->cfg.read_page(r->cfg.arg, ptr, &p, ds);
	switch (st)
	{
		case WRP_OK:
			break;
		case WRP_END:
			diag_add_lsn(ds, D_WAL_END, ptr, "no more WAL input");
			return LP_END;
		case WRP_MISSING:
			segname_of(r, ptr, r->latest_tli, seg);
			diag_add_lsn(ds, D_WAL_MISSING_SEGMENT, ptr, "segment %s is missing", seg);
			return LP_DAMAGE;
		case WRP_ERROR:
		default:
			return LP_DAMAGE;
	}
	res = validate_page(r, ptr, p, &h, ds);
	if (res != LP_OK)
		return res;
	r->page = p;
	r->page_ptr = ptr;
	r->ph = h;
	return LP_OK;
}

static bool
grow(struct walreader *r, size_t need)
{
	size_t		ncap;
	uint8_t    *nb;

	if (need <= r->cap)
		return true;
	ncap = r->cap ? r->cap : 65536;
	while (ncap < need)
		ncap *= 2;
	nb = realloc(r->buf, ncap);
	if (nb == NULL)
		return false;
	r->buf = nb;
	r->cap = ncap;
	return true;
}

/* ValidXLogRecordHeader */
static bool
valid_record_header(struct walreader *r, uint64_t lsn, const uint8_t *h,
					struct diags *ds)
{
	uint32_t	tot_len = rd32(h);
	uint64_t	prev = rd64(h + 8);
	uint8_t		rmid = h[17];

	if (tot_len < WAL_RECORD_HDR)
	{
		diag_add_lsn(ds, D_WAL_RECORD, lsn, "invalid record length: wanted %u, got %u",
			  WAL_RECORD_HDR, tot_len);
		return false;
	}
	if (rmid > r->cfg.max_rmid && !(r->cfg.custom_rmgrs && rmid >= 128))
	{
		diag_add_lsn(ds, D_WAL_RECORD, lsn, "invalid resource manager ID %u", rmid);
		return false;
	}
	if (r->rand_access ? !(prev < lsn) : prev != r->prev)
	{
		diag_add_lsn(ds, D_WAL_RECORD, lsn, "record with incorrect prev-link %X/%X",
			  (unsigned) (prev >> 32), (unsigned) prev);
		return false;
	}
	return true;
}

static bool
crc_ok(const uint8_t *rec, uint32_t len)
{
	uint32_t	c = CRC32C_INIT;

	c = crc32c_update(c, rec + WAL_RECORD_HDR, len - WAL_RECORD_HDR);
	c = crc32c_update(c, rec, 20);	/* offsetof(XLogRecord, xl_crc) */
	return CRC32C_FIN(c) == rd32(rec + 20);
}

static enum walreader_result
damage(struct walreader *r, uint64_t at)
{
	uint64_t	after = at - at % r->cfg.page_size + r->cfg.page_size;

	if (r->cfg.keep_going)
	{
		r->need_resync = true;
		r->damage_at = at;
		/*
		 * The page after the one the record starts on; or, for a record
		 * found bad on a later page, that page: those between hold only its
		 * continuation, and a stream cannot go back to them.
		 */
		r->resync_from = r->page_ptr != UINT64_MAX && r->page_ptr > after ? r->page_ptr : after;
	}
	else
		r->stopped = true;
	r->page_ptr = UINT64_MAX;
	return WR_DAMAGE;
}

static enum walreader_result
end(struct walreader *r)
{
	r->stopped = true;
	return WR_END;
}

/*
 * A record that does not check out (header, prev-link, CRC) on the last
 * page that was ever written is where the WAL ends, as PostgreSQL's
 * recovery sees it: a write torn by a crash, or old bytes the insert
 * position had not reached.  If the page after the one just read is
 * zeroed, recycled or absent, the finding becomes a notice and the WAL
 * ends; otherwise it is damage.
 */
static enum walreader_result
record_damage(struct walreader *r, uint64_t lsn, struct diags *ds)
{
	struct diags scratch;
	uint64_t	cur = r->page_ptr,
				next;

	if (r->page_ptr == UINT64_MAX)
		return damage(r, lsn);
	next = r->page_ptr + r->cfg.page_size;
	diags_reset(&scratch);
	if (load_page(r, next, &scratch) == LP_END && ds->n > 0 && ds->dropped == 0 &&
		(ds->d[ds->n - 1].code == D_WAL_RECORD || ds->d[ds->n - 1].code == D_WAL_CRC))
	{
		char		detail[DIAG_DETAIL];

		snprintf(detail, sizeof(detail), "%s", ds->d[ds->n - 1].detail);
		ds->n--;
		ds->worst = SEV_NOTICE;
		for (int i = 0; i < ds->n; i++)
			if (diag_severity_of(ds->d[i].code) > ds->worst)
				ds->worst = diag_severity_of(ds->d[i].code);
		diag_add_lsn(ds, D_WAL_END, lsn, "invalid record on the last written page (%s)", detail);
		return end(r);
	}
	r->page_ptr = cur;			/* the page the record was found bad on */
	return damage(r, lsn);
}

/*
 * From page p on, find the first record that starts on a page of its own:
 * skip continuation data (xlp_rem_len) as XLogFindNextRecord does.  Sets
 * r->next; LP_END if the WAL ends first.  Damaged pages are passed over
 * when keep_going (damage_ok), else reported.
 */
static enum lp
find_record_start(struct walreader *r, uint64_t p, bool damage_ok, struct diags *ds)
{
	uint32_t	ps = r->cfg.page_size;
	struct diags scratch;

	for (;;)
	{
		enum lp		res;
		uint32_t	hdr;

		diags_reset(&scratch);
		res = load_page(r, p, damage_ok ? &scratch : ds);
		if (res == LP_END)
		{
			if (damage_ok)
				diag_add_lsn(ds, D_WAL_END, p, "no record starts after the damage");
			return LP_END;
		}
		if (res == LP_DAMAGE)
		{
			if (!damage_ok)
				return LP_DAMAGE;
			p += ps;
			continue;
		}
		hdr = wal_page_header_size(&r->ph);
		if (!(r->ph.info & XLP_FIRST_IS_CONTRECORD))
		{
			r->next = p + hdr;
			return LP_OK;
		}
		if ((uint64_t) hdr + r->ph.rem_len < ps)
		{
			r->next = WAL_MAXALIGN(p + hdr + r->ph.rem_len);
			return LP_OK;
		}
		p += ps;
	}
}

enum walreader_result
walreader_next(struct walreader *r, struct walrec_raw *rec, struct diags *ds)
{
	uint32_t	ps = r->cfg.page_size;

	if (r->stopped)
		return WR_END;
	if (r->seek_pending)
	{
		enum lp		res;

		r->seek_pending = false;
		res = find_record_start(r, r->seek_to - r->seek_to % ps, false, ds);
		if (res == LP_END)
			return end(r);
		if (res == LP_DAMAGE)
			return damage(r, r->seek_to);
		r->seeking = true;
	}
	if (r->need_resync)
	{
		uint64_t	from = r->damage_at;
		enum lp		res;

		r->need_resync = false;
		res = find_record_start(r, r->resync_from, true, ds);
		if (res == LP_END)
			return end(r);
		{
			struct diag *d = diag_add_lsn(ds, D_WAL_SKIPPED, from, "resynchronised at %X/%X",
										  (unsigned) (r->next >> 32), (unsigned) r->next);

			/* the end of the range, for a caller that shows it apart */
			if (d != NULL)
			{
				d->lsn_to = r->next;
				d->has_lsn_to = 1;
			}
		}
		r->rand_access = true;
	}

	for (;;)
	{
		uint64_t	lsn = r->next;
		uint64_t	pptr;
		uint32_t	off,
					tot_len,
					got;
		const uint8_t *data;
		uint64_t	endpos;
		bool		hdr_checked = false;
		enum lp		res;

		if (lsn % ps == 0)
		{
			res = load_page(r, lsn, ds);
			if (res == LP_END)
				return end(r);
			if (res == LP_DAMAGE)
				return damage(r, lsn);
			if (r->ph.info & XLP_FIRST_IS_CONTRECORD)
			{
				diag_add_lsn(ds, D_WAL_CONTRECORD, lsn,
					  "a record was expected but the page continues one (xlp_rem_len %u)",
					  r->ph.rem_len);
				return damage(r, lsn);
			}
			lsn += wal_page_header_size(&r->ph);
			r->next = lsn;
		}
		pptr = lsn - lsn % ps;
		res = load_page(r, pptr, ds);
		if (res == LP_END)
			return end(r);
		if (res == LP_DAMAGE)
			return damage(r, lsn);
		off = (uint32_t) (lsn - pptr);
		if (off < wal_page_header_size(&r->ph) || lsn % 8 != 0)
		{
			diag_add_lsn(ds, D_WAL_RECORD, lsn, "invalid record offset");
			return damage(r, lsn);
		}
		tot_len = rd32(r->page + off);
		if (tot_len == 0)
		{
			diag_add_lsn(ds, D_WAL_END, lsn, "zeroed space where a record should start");
			return end(r);
		}
		if (off + WAL_RECORD_HDR <= ps)
		{
			if (!valid_record_header(r, lsn, r->page + off, ds))
				return record_damage(r, lsn, ds);
			hdr_checked = true;
		}
		else if (tot_len < WAL_RECORD_HDR)
		{
			diag_add_lsn(ds, D_WAL_RECORD, lsn, "invalid record length: wanted %u, got %u",
				  WAL_RECORD_HDR, tot_len);
			return damage(r, lsn);
		}
		if (tot_len > WALREADER_MAX_RECORD)
		{
			diag_add_lsn(ds, D_WAL_RECORD, lsn, "record length %u is too large", tot_len);
			return damage(r, lsn);
		}
		rec->tli = r->ph.tli;
		if (off + tot_len <= ps)
		{
			data = r->page + off;
			endpos = lsn + tot_len;
		}
		else
		{
			uint32_t	first = ps - off;
			uint64_t	p = pptr;

			if (!grow(r, first))
			{
				diag_add_lsn(ds, D_WAL_RECORD, lsn, "out of memory for a record of %u bytes", tot_len);
				return damage(r, lsn);
			}
			memcpy(r->buf, r->page + off, first);
			got = first;
			endpos = 0;
			while (got < tot_len)
			{
				uint32_t	hdr,
							n;

				p += ps;
				res = load_page(r, p, ds);
				if (res == LP_END)
					return end(r);
				if (res == LP_DAMAGE)
					return damage(r, lsn);
				hdr = wal_page_header_size(&r->ph);
				if (!(r->ph.info & XLP_FIRST_IS_CONTRECORD))
				{
					if (r->ph.info & XLP_FIRST_IS_OVERWRITE_CONTRECORD)
						break;	/* the record was aborted and overwritten */
					diag_add_lsn(ds, D_WAL_CONTRECORD, p,
						  "there is no contrecord flag; the record at %X/%X is cut short",
						  (unsigned) (lsn >> 32), (unsigned) lsn);
					return damage(r, p);
				}
				if (r->ph.rem_len == 0 || r->ph.rem_len != tot_len - got)
				{
					diag_add_lsn(ds, D_WAL_CONTRECORD, p,
						  "invalid contrecord length %u (expected %u) for the record at %X/%X",
						  r->ph.rem_len, tot_len - got, (unsigned) (lsn >> 32), (unsigned) lsn);
					return damage(r, p);
				}
				n = tot_len - got;
				if (n > ps - hdr)
					n = ps - hdr;
				if (!grow(r, (size_t) got + n))
				{
					diag_add_lsn(ds, D_WAL_RECORD, lsn, "out of memory for a record of %u bytes", tot_len);
					return damage(r, lsn);
				}
				memcpy(r->buf + got, r->page + hdr, n);
				got += n;
				endpos = p + hdr + n;
			}
			if (got < tot_len)
			{
				/* XLP_FIRST_IS_OVERWRITE_CONTRECORD: go on at this page's record */
				diag_add_lsn(ds, D_WAL_END, lsn,
					  "record aborted and overwritten at %X/%X (XLP_FIRST_IS_OVERWRITE_CONTRECORD)",
					  (unsigned) (p >> 32), (unsigned) p);
				r->next = p + wal_page_header_size(&r->ph);
				r->rand_access = true;
				continue;
			}
			data = r->buf;
			if (!hdr_checked && !valid_record_header(r, lsn, data, ds))
				return record_damage(r, lsn, ds);
		}
		if (!crc_ok(data, tot_len))
		{
			diag_add_lsn(ds, D_WAL_CRC, lsn, "stored 0x%08x", rd32(data + 20));
			return record_damage(r, lsn, ds);
		}
		rec->lsn = lsn;
		rec->data = data;
		rec->len = tot_len;
		rec->crc_ok = true;
		rec->end_lsn = WAL_MAXALIGN(endpos);
		if (data[17] == RM_XLOG_ID && (data[16] & XLR_RMGR_INFO_MASK) == XLOG_SWITCH)
		{
			uint64_t	e = rec->end_lsn + r->cfg.seg_size - 1;

			rec->end_lsn = e - e % r->cfg.seg_size;
		}
		r->next = rec->end_lsn;
		r->prev = lsn;
		r->rand_access = false;
		if (r->seeking && lsn < r->seek_to)
			continue;
		r->seeking = false;
		return WR_RECORD;
	}
}
