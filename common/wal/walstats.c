/*
 * Record counts and sizes per rmgr and record type (xlogstats.c), shown
 * as pg_waldump --stats and pg_get_wal_stats() show them.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "wal/walstats.h"
#include "cluster/version.h"

void
walstats_init(struct walstats *s, int major)
{
	memset(s, 0, sizeof(*s));
	s->major = major;
}

void
walstats_add(struct walstats *s, const struct walrec *r, uint64_t end_lsn)
{
	uint32_t	fpi = r->fpi_len;
	uint32_t	rec = r->tot_len - fpi;
	uint8_t		recid = r->info >> 4;

	if (r->rmid >= RMGR_COUNT)
		return;
	s->count++;
	s->rmgr[r->rmid].count++;
	s->rmgr[r->rmid].rec_len += rec;
	s->rmgr[r->rmid].fpi_len += fpi;
	/* Transaction keeps a flag in the top bit of its four */
	if (r->rmid == RM_XACT_ID)
		recid &= 0x07;
	s->record[r->rmid][recid].count++;
	s->record[r->rmid][recid].rec_len += rec;
	s->record[r->rmid][recid].fpi_len += fpi;
	s->endptr = end_lsn;
}

static double
pct(uint64_t a, uint64_t total)
{
	return total != 0 ? 100 * (double) a / (double) total : 0;
}

/* A line of pg_waldump's table alone: nothing in JSON. */
static void
text_line(struct emit *e, const char *line)
{
	emit_text(e, line);
	emit_text(e, "\n");
}

/*
 * One row: pg_get_wal_stats()'s columns (JSON) and pg_waldump's line
 * (text), drawn from the same counts in one object.
 */
static void
row(struct emit *e, const char *name, const struct walstats_row *w,
	uint64_t tc, uint64_t tr, uint64_t tf, uint64_t tt)
{
	uint64_t	tot = w->rec_len + w->fpi_len;
	char		line[512];

	emit_begin(e);
	/* pg_get_wal_stats() names the column the same with per_record or not */
	emit_str(e, "resource_manager/record_type", name, EF_NOTEXT);
	emit_uint(e, "count", w->count, EF_NOTEXT);
	emit_double(e, "count_percentage", pct(w->count, tc), EF_NOTEXT);
	emit_uint(e, "record_size", w->rec_len, EF_NOTEXT);
	emit_double(e, "record_size_percentage", pct(w->rec_len, tr), EF_NOTEXT);
	emit_uint(e, "fpi_size", w->fpi_len, EF_NOTEXT);
	emit_double(e, "fpi_size_percentage", pct(w->fpi_len, tf), EF_NOTEXT);
	emit_uint(e, "combined_size", tot, EF_NOTEXT);
	emit_double(e, "combined_size_percentage", pct(tot, tt), EF_NOTEXT);
	snprintf(line, sizeof(line),
			 "%-27s %20" PRIu64 " (%6.02f) %20" PRIu64 " (%6.02f) %20" PRIu64 " (%6.02f) %20" PRIu64 " (%6.02f)",
			 name, w->count, pct(w->count, tc), w->rec_len, pct(w->rec_len, tr),
			 w->fpi_len, pct(w->fpi_len, tf), tot, pct(tot, tt));
	emit_text(e, line);
	emit_end(e);
}

void
walstats_emit(const struct walstats *s, struct emit *e, bool per_record)
{
	const struct pg_profile *p = pg_profile_by_major(s->major);
	uint64_t	tc = 0,
				tr = 0,
				tf = 0,
				tt;
	int			ri,
				rj;
	char		line[512],
				a[32],
				b[32];

	for (ri = 0; ri < RMGR_COUNT; ri++)
	{
		tc += s->rmgr[ri].count;
		tr += s->rmgr[ri].rec_len;
		tf += s->rmgr[ri].fpi_len;
	}
	tt = tr + tf;
	/* pg_waldump prints nothing for no records; pg_get_wal_stats() has its rows of zeros */
	if (s->endptr == 0 && emit_format_of(e) == EMIT_TEXT)
		return;
	/* the range line is 15's addition; earlier majors start at the table */
	if (p == NULL || p->waldump_stats_range)
	{
		snprintf(line, sizeof(line), "WAL statistics between %X/%X and %X/%X:",
				 (unsigned) (s->startptr >> 32), (unsigned) s->startptr,
				 (unsigned) (s->endptr >> 32), (unsigned) s->endptr);
		text_line(e, line);
	}
	snprintf(line, sizeof(line), "%-27s %20s %8s %20s %8s %20s %8s %20s %8s\n"
			 "%-27s %20s %8s %20s %8s %20s %8s %20s %8s",
			 "Type", "N", "(%)", "Record size", "(%)", "FPI size", "(%)", "Combined size", "(%)",
			 "----", "-", "---", "-----------", "---", "--------", "---", "-------------", "---");
	text_line(e, line);
	for (ri = 0; ri < RMGR_COUNT; ri++)
	{
		const char *rm = rmgr_name((uint8_t) ri);

		if (!per_record)
		{
			row(e, rm, &s->rmgr[ri], tc, tr, tf, tt);
			continue;
		}
		for (rj = 0; rj < 16; rj++)
		{
			const char *id;
			char		name[96],
						unk[32];

			if (s->record[ri][rj].count == 0)
				continue;
			id = rmgr_identify(s->major, (uint8_t) ri, (uint8_t) (rj << 4));
			if (id == NULL)
			{
				snprintf(unk, sizeof(unk), "UNKNOWN (%x)", rj << 4);
				id = unk;
			}
			snprintf(name, sizeof(name), "%s/%s", rm, id);
			row(e, name, &s->record[ri][rj], tc, tr, tf, tt);
		}
	}
	snprintf(line, sizeof(line), "%-27s %20s %8s %20s %8s %20s %8s %20s",
			 "", "--------", "", "--------", "", "--------", "", "--------");
	text_line(e, line);
	snprintf(a, sizeof(a), "[%.02f%%]", pct(tr, tt));
	snprintf(b, sizeof(b), "[%.02f%%]", pct(tf, tt));
	snprintf(line, sizeof(line), "%-27s %20" PRIu64 " %-9s%20" PRIu64 " %-9s%20" PRIu64 " %-9s%20" PRIu64 " %-6s",
			 "Total", s->count, "", tr, a, tf, b, tt, "[100%]");
	text_line(e, line);
}
