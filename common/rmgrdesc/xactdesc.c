/*
 * Transaction descriptions: xact_desc() of each major's xactdesc.c, with
 * ParseCommitRecord()/ParseAbortRecord() for the optional parts that
 * xl_xact_xinfo announces (access/xact.h).  15 added dropped stats, the
 * "apply_feedback" flag and the origin of aborts; 18 widened the stats
 * object id to 64 bits.  PREPARE is described from 13 (ParsePrepareRecord:
 * the two-phase state file's header xl_xact_prepare, then MAXALIGNed
 * arrays); 10..12 print nothing for it, and 16 and 17 forget its dropped
 * stats (ParsePrepareRecord does not copy the counts).  INVALIDATION is 14+.
 */
#include <string.h>

#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_XACT_COMMIT 0x00
#define XLOG_XACT_PREPARE 0x10
#define XLOG_XACT_ABORT 0x20
#define XLOG_XACT_COMMIT_PREPARED 0x30
#define XLOG_XACT_ABORT_PREPARED 0x40
#define XLOG_XACT_ASSIGNMENT 0x50
#define XLOG_XACT_INVALIDATIONS 0x60
#define XLOG_XACT_OPMASK 0x70
#define XLOG_XACT_HAS_INFO 0x80

#define XACT_XINFO_HAS_DBINFO (1u << 0)
#define XACT_XINFO_HAS_SUBXACTS (1u << 1)
#define XACT_XINFO_HAS_RELFILENODES (1u << 2)
#define XACT_XINFO_HAS_INVALS (1u << 3)
#define XACT_XINFO_HAS_TWOPHASE (1u << 4)
#define XACT_XINFO_HAS_ORIGIN (1u << 5)
#define XACT_XINFO_HAS_GID (1u << 7)
#define XACT_XINFO_HAS_DROPPED_STATS (1u << 8)
#define XACT_COMPLETION_APPLY_FEEDBACK (1u << 29)
#define XACT_COMPLETION_UPDATE_RELCACHE_FILE (1u << 30)
#define XACT_COMPLETION_FORCE_SYNC_COMMIT (1u << 31)

/* xl_xact_parsed_commit / _abort: pointers into the record */
struct parsed {
	uint32_t	xinfo;
	uint32_t	dbid,
				tsid;
	int32_t		nsubxacts;
	const uint8_t *subxacts;
	int32_t		nrels;
	const uint8_t *rels;		/* RelFileNode, 12 bytes each */
	int32_t		nstats;
	const uint8_t *stats;		/* xl_xact_stats_item, 12 (16 in 18) bytes each */
	int32_t		nmsgs;
	const uint8_t *msgs;
	uint32_t	twophase_xid;
	uint64_t	origin_lsn;
	int64_t		origin_ts;
};

static uint32_t
stats_item_size(int major)
{
	return major >= 18 ? 16 : 12;
}

/* Take a counted array: int count, then count * size bytes.  false if short. */
static bool
take_array(const uint8_t **p, const uint8_t *end, uint32_t size, int32_t *count,
		   const uint8_t **items)
{
	if (end - *p < 4)
		return false;
	*count = (int32_t) rd32(*p);
	*p += 4;
	if (*count < 0 || (uint64_t) (end - *p) < (uint64_t) * count * size)
		return false;
	*items = *p;
	*p += (size_t) *count * size;
	return true;
}

static bool
parse(int major, uint8_t info, const uint8_t *d, uint32_t n, bool commit, struct parsed *ps)
{
	const uint8_t *p,
			   *end;

	memset(ps, 0, sizeof(*ps));
	/* no pointer arithmetic before the check: d is NULL without main data */
	if (n < 8)
		return false;
	p = d + 8;					/* after xact_time */
	end = d + n;
	if (info & XLOG_XACT_HAS_INFO)
	{
		if (end - p < 4)
			return false;
		ps->xinfo = rd32(p);
		p += 4;
	}
	/* 10's ParseAbortRecord has no dbinfo (its aborts never carry one) */
	if ((ps->xinfo & XACT_XINFO_HAS_DBINFO) && (commit || major >= 11))
	{
		if (end - p < 8)
			return false;
		ps->dbid = rd32(p);
		ps->tsid = rd32(p + 4);
		p += 8;
	}
	if ((ps->xinfo & XACT_XINFO_HAS_SUBXACTS) &&
		!take_array(&p, end, 4, &ps->nsubxacts, &ps->subxacts))
		return false;
	if ((ps->xinfo & XACT_XINFO_HAS_RELFILENODES) &&
		!take_array(&p, end, 12, &ps->nrels, &ps->rels))
		return false;
	if (major >= 15 && (ps->xinfo & XACT_XINFO_HAS_DROPPED_STATS) &&
		!take_array(&p, end, stats_item_size(major), &ps->nstats, &ps->stats))
		return false;
	if (commit && (ps->xinfo & XACT_XINFO_HAS_INVALS) &&
		!take_array(&p, end, 16, &ps->nmsgs, &ps->msgs))
		return false;
	if (ps->xinfo & XACT_XINFO_HAS_TWOPHASE)
	{
		if (end - p < 4)
			return false;
		ps->twophase_xid = rd32(p);
		p += 4;
		if (major >= 11 && (ps->xinfo & XACT_XINFO_HAS_GID))
		{
			const uint8_t *z = memchr(p, '\0', (size_t) (end - p));

			if (z == NULL)
				return false;
			p = z + 1;
		}
	}
	if (ps->xinfo & XACT_XINFO_HAS_ORIGIN)
	{
		if (end - p < 16)
			return false;
		ps->origin_lsn = rd64(p);
		ps->origin_ts = (int64_t) rd64(p + 8);
	}
	return true;
}

static void
relations(struct strbuf *sb, int major, const char *label, int32_t n, const uint8_t *rels)
{
	int32_t		i;

	if (n <= 0)
		return;
	sb_printf(sb, "; %s:", label);
	for (i = 0; i < n; i++)
	{
		const uint8_t *x = rels + 12 * i;

		sb_putc(sb, ' ');
		rmgr_relpath(sb, major, rd32(x), rd32(x + 4), rd32(x + 8), 0);
	}
}

static void
subxacts(struct strbuf *sb, int32_t n, const uint8_t *x)
{
	int32_t		i;

	if (n <= 0)
		return;
	sb_puts(sb, "; subxacts:");
	for (i = 0; i < n; i++)
		sb_printf(sb, " %u", rd32(x + 4 * i));
}

static void
dropped_stats(struct strbuf *sb, int major, const char *label, int32_t n, const uint8_t *s)
{
	int32_t		i;
	uint32_t	sz = stats_item_size(major);

	if (n <= 0)
		return;
	sb_printf(sb, "; %sdropped stats:", label);
	for (i = 0; i < n; i++)
	{
		const uint8_t *x = s + sz * i;

		if (major >= 18)
			sb_printf(sb, " %d/%u/%llu", (int32_t) rd32(x), rd32(x + 4),
					  (unsigned long long) rd64(x + 8));
		else
			sb_printf(sb, " %d/%u/%u", (int32_t) rd32(x), rd32(x + 4), rd32(x + 8));
	}
}

static void
origin(struct strbuf *sb, enum rmgr_style style, uint16_t node, const struct parsed *ps)
{
	sb_printf(sb, "; origin: node %u, lsn %X/%X, at ", node,
			  (unsigned) (ps->origin_lsn >> 32), (unsigned) ps->origin_lsn);
	rmgr_put_timestamp(sb, style, ps->origin_ts);
}

/*
 * ParsePrepareRecord(): xl_xact_prepare (13, 14: 64 bytes; 15+: 72, with
 * the two stats counts), then gid, subxacts, commit rels, abort rels,
 * commit stats, abort stats (15+), invalidations, each MAXALIGNed.
 */
#define MAXALIGN8(x) (((uint64_t) (x) + 7) & ~(uint64_t) 7)

/* Take an aligned array of count items of size bytes at *off; false if short. */
static bool
take_aligned(uint64_t *off, uint32_t n, int32_t count, uint32_t size, const uint8_t *d,
			 const uint8_t **items)
{
	uint64_t	len;

	if (count < 0)
		return false;
	len = (uint64_t) count * size;
	if (*off > n || len > n - *off)
		return false;
	*items = d + *off;
	*off += MAXALIGN8(len);
	return true;
}

static bool
prepare(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	bool		stats = major >= 15;
	uint32_t	hdr = stats ? 72 : 64;
	int32_t		nsub,
				ncrel,
				narel,
				ncst = 0,
				nast = 0,
				nmsgs;
	uint16_t	gidlen;
	bool		initfile;
	uint64_t	off,
				olsn;
	int64_t		ots;
	const uint8_t *sub,
			   *crel,
			   *arel,
			   *cst = NULL,
			   *ast = NULL,
			   *msgs,
			   *gid;
	uint32_t	sz = stats_item_size(major);

	if (n < hdr)
		return false;
	/* xid@8, database@12, prepared_at@16, owner@24, nsubxacts@28, ncommitrels@32, nabortrels@36 */
	nsub = (int32_t) rd32(d + 28);
	ncrel = (int32_t) rd32(d + 32);
	narel = (int32_t) rd32(d + 36);
	if (stats)
	{
		/* ncommitstats@40, nabortstats@44, ninvalmsgs@48, initfileinval@52, gidlen@54, origin@56 */
		ncst = (int32_t) rd32(d + 40);
		nast = (int32_t) rd32(d + 44);
		nmsgs = (int32_t) rd32(d + 48);
		initfile = d[52] != 0;
		gidlen = rd16(d + 54);
		olsn = rd64(d + 56);
		ots = (int64_t) rd64(d + 64);
	}
	else
	{
		/* ninvalmsgs@40, initfileinval@44, gidlen@46, origin_lsn@48, origin_timestamp@56 */
		nmsgs = (int32_t) rd32(d + 40);
		initfile = d[44] != 0;
		gidlen = rd16(d + 46);
		olsn = rd64(d + 48);
		ots = (int64_t) rd64(d + 56);
	}
	off = hdr;
	if (!take_aligned(&off, n, gidlen, 1, d, &gid) ||
		!take_aligned(&off, n, nsub, 4, d, &sub) ||
		!take_aligned(&off, n, ncrel, 12, d, &crel) ||
		!take_aligned(&off, n, narel, 12, d, &arel) ||
		(stats && !take_aligned(&off, n, ncst, sz, d, &cst)) ||
		(stats && !take_aligned(&off, n, nast, sz, d, &ast)) ||
		!take_aligned(&off, n, nmsgs, 16, d, &msgs))
		return false;

	/* the gid is strncpy'd into a zeroed GIDSIZE (200) buffer and printed with %s */
	sb_printf(sb, "gid %.*s: ", (int) strnlen((const char *) gid, gidlen < 200 ? gidlen : 200),
			  (const char *) gid);
	rmgr_put_timestamp(sb, style, (int64_t) rd64(d + 16));
	relations(sb, major, "rels(commit)", ncrel, crel);
	relations(sb, major, "rels(abort)", narel, arel);
	/* 16 and 17's ParsePrepareRecord leaves the stats counts 0 */
	if (major == 15 || major >= 18)
	{
		dropped_stats(sb, major, "commit ", ncst, cst);
		dropped_stats(sb, major, "abort ", nast, ast);
	}
	subxacts(sb, nsub, sub);
	/* the database is the dbId; tsId stays 0 */
	if (!rmgr_invalidations(sb, nmsgs, msgs, 16u * (uint32_t) nmsgs, rd32(d + 12), 0, initfile))
		return false;
	if (major >= 15 && r->origin != 0)
	{
		struct parsed ps;

		memset(&ps, 0, sizeof(ps));
		ps.origin_lsn = olsn;
		ps.origin_ts = ots;
		origin(sb, style, r->origin, &ps);
	}
	return true;
}

bool
rmgr_desc_xact(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & XLOG_XACT_OPMASK;
	struct parsed ps;

	switch (info)
	{
		case XLOG_XACT_COMMIT:
		case XLOG_XACT_COMMIT_PREPARED:
			if (!parse(major, r->info, d, n, true, &ps))
				return false;
			if (ps.twophase_xid != 0)
				sb_printf(sb, "%u: ", ps.twophase_xid);
			rmgr_put_timestamp(sb, style, (int64_t) rd64(d));
			relations(sb, major, "rels", ps.nrels, ps.rels);
			subxacts(sb, ps.nsubxacts, ps.subxacts);
			dropped_stats(sb, major, "", ps.nstats, ps.stats);
			if (!rmgr_invalidations(sb, ps.nmsgs, ps.msgs, 16u * (uint32_t) ps.nmsgs,
									ps.dbid, ps.tsid,
									(ps.xinfo & XACT_COMPLETION_UPDATE_RELCACHE_FILE) != 0))
				return false;
			if (major >= 15 && (ps.xinfo & XACT_COMPLETION_APPLY_FEEDBACK))
				sb_puts(sb, "; apply_feedback");
			if (ps.xinfo & XACT_COMPLETION_FORCE_SYNC_COMMIT)
				sb_puts(sb, "; sync");
			if (ps.xinfo & XACT_XINFO_HAS_ORIGIN)
				origin(sb, style, r->origin, &ps);
			return true;
		case XLOG_XACT_ABORT:
		case XLOG_XACT_ABORT_PREPARED:
			if (!parse(major, r->info, d, n, false, &ps))
				return false;
			if (ps.twophase_xid != 0)
				sb_printf(sb, "%u: ", ps.twophase_xid);
			rmgr_put_timestamp(sb, style, (int64_t) rd64(d));
			relations(sb, major, "rels", ps.nrels, ps.rels);
			subxacts(sb, ps.nsubxacts, ps.subxacts);
			if (major >= 15)
			{
				if (ps.xinfo & XACT_XINFO_HAS_ORIGIN)
					origin(sb, style, r->origin, &ps);
				dropped_stats(sb, major, "", ps.nstats, ps.stats);
			}
			return true;
		case XLOG_XACT_PREPARE:
			return major < 13 || prepare(sb, major, style, r);
		case XLOG_XACT_ASSIGNMENT:
			{
				/* xl_xact_assignment: xtop, nsubxacts, xsub[] */
				int32_t		i,
							ns;

				if (n < 8)
					return false;
				ns = (int32_t) rd32(d + 4);
				if (ns < 0 || (uint32_t) ns > (n - 8) / 4)
					return false;
				sb_printf(sb, "xtop %u: subxacts:", rd32(d));
				for (i = 0; i < ns; i++)
					sb_printf(sb, " %u", rd32(d + 8 + 4 * i));
				return true;
			}
		case XLOG_XACT_INVALIDATIONS:
			if (major < 14)
				return true;
			if (n < 4)
				return false;
			return rmgr_invalidations(sb, (int32_t) rd32(d), d + 4, n - 4, 0, 0, false);
	}
	return true;
}

bool
rmgr_xact_summary(int major, const struct walrec *r, struct xact_summary *out)
{
	uint8_t		info = r->info & XLOG_XACT_OPMASK;
	struct parsed ps;

	memset(out, 0, sizeof(*out));
	out->kind = info;
	switch (info)
	{
		case XLOG_XACT_COMMIT:
		case XLOG_XACT_COMMIT_PREPARED:
		case XLOG_XACT_ABORT:
		case XLOG_XACT_ABORT_PREPARED:
			if (!parse(major, r->info, r->main_data, r->main_data_len,
					   info == XLOG_XACT_COMMIT || info == XLOG_XACT_COMMIT_PREPARED, &ps))
				return false;
			out->xact_time = (int64_t) rd64(r->main_data);
			out->twophase_xid = ps.twophase_xid;
			out->nsubxacts = ps.nsubxacts;
			out->subxacts = ps.subxacts;
			return true;
		case XLOG_XACT_PREPARE:
			/* xl_xact_prepare: magic, total_len, xid, database, prepared_at */
			if (r->main_data_len < 24)
				return false;
			out->twophase_xid = rd32(r->main_data + 8);
			out->xact_time = (int64_t) rd64(r->main_data + 16);
			return true;
		case XLOG_XACT_ASSIGNMENT:
			/* xl_xact_assignment: xtop, nsubxacts, xsub[] */
			if (r->main_data_len < 8)
				return false;
			out->twophase_xid = rd32(r->main_data);	/* the top-level xid */
			out->nsubxacts = (int32_t) rd32(r->main_data + 4);
			if (out->nsubxacts < 0 || (uint32_t) out->nsubxacts > (r->main_data_len - 8) / 4)
				return false;
			out->subxacts = r->main_data + 8;
			return true;
		default:
			return false;
	}
}
