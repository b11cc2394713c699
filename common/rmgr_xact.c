/*
 * Transaction descriptions: xact_desc() of each major's xactdesc.c, with
 * ParseCommitRecord()/ParseAbortRecord() for the optional parts that
 * xl_xact_xinfo announces (access/xact.h).  15 added dropped stats, the
 * "apply_feedback" flag and the origin of aborts; 18 widened the stats
 * object id to 64 bits.  PREPARE is not described (NULL).
 */
#include <string.h>

#include "rmgr.h"

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
	const uint8_t *p = d + 8,	/* after xact_time */
			   *end = d + n;

	memset(ps, 0, sizeof(*ps));
	if (n < 8)
		return false;
	if (info & XLOG_XACT_HAS_INFO)
	{
		if (end - p < 4)
			return false;
		ps->xinfo = rd32(p);
		p += 4;
	}
	if (ps->xinfo & XACT_XINFO_HAS_DBINFO)
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
		if (ps->xinfo & XACT_XINFO_HAS_GID)
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
					  (unsigned long long) (((uint64_t) rd32(x + 12) << 32) | rd32(x + 8)));
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
			return false;
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
			if (n < 4)
				return false;
			return rmgr_invalidations(sb, (int32_t) rd32(d), d + 4, n - 4, 0, 0, false);
	}
	return true;
}
