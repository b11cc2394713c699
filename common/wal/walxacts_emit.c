/*
 * walxacts_emit: transactions summarised, and the timestamps --since and
 * --until take (as timestamptz_in would read them, in UTC).
 */
#include <stdio.h>
#include <string.h>

#include "out/fmt.h"
#include "types/types.h"
#include "wal/walxacts_emit.h"

static void
emit_time(struct emit *e, const char *key, int64_t t)
{
	uint8_t		b[8];
	struct strbuf sb = STRBUF_INIT;
	char		err[64];

	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t) ((uint64_t) t >> (8 * i));
	if (datetime_output(PGT_TIMESTAMPTZ, b, 8, &sb, err, sizeof(err)) == 0)
		emit_str(e, key, sb_str(&sb), 0);
	sb_free(&sb);
}

static const char *
status_name(enum walxact_state s)
{
	static const char *const names[] = {"in progress", "committed", "aborted", "prepared"};

	return names[s];
}

static void
emit_name(struct emit *e, const char *key, const char *s)
{
	if (s != NULL)
		emit_str(e, key, s, EF_NOTEXT);
	else
		emit_null(e, key, EF_NOTEXT);
}

void
walxacts_emit(struct emit *e, const struct walxact *x, struct walnames *names)
{
	emit_begin(e);
	emit_uint(e, "xid", x->xid, 0);
	emit_str(e, "status", status_name(x->state), 0);
	emit_lsn(e, "first_lsn", x->first_lsn, 0);
	if (x->end_lsn != 0)
		emit_lsn(e, "end_lsn", x->end_lsn, 0);
	else
		emit_null(e, "end_lsn", EF_NOTEXT);
	if (x->has_time)
		emit_time(e, x->state == WXS_COMMITTED ? "commit_timestamp" : "abort_timestamp",
				  x->end_time);
	emit_bool(e, "two_phase", x->two_phase, EF_NOTEXT);
	if (x->prepare_lsn != 0)
		emit_lsn(e, "prepare_lsn", x->prepare_lsn, 0);
	emit_uint(e, "records", x->records, 0);
	emit_uint(e, "bytes", x->bytes, 0);
	emit_arr_begin(e, "subxacts", 0);
	for (int i = 0; i < x->nsubxacts; i++)
		emit_uint(e, NULL, x->subxacts[i], 0);
	emit_arr_end(e);
	emit_arr_begin(e, "relations", 0);
	for (int i = 0; i < x->nrels; i++)
	{
		const struct walxact_rel *r = &x->rels[i];
		char		rel[48];

		emit_obj_begin(e, NULL, 0);
		snprintf(rel, sizeof(rel), "%u/%u/%u", (unsigned) r->spcoid, (unsigned) r->dboid,
				 (unsigned) r->relnumber);
		emit_str(e, "rel", rel, 0);
		emit_uint(e, "spcoid", r->spcoid, EF_NOTEXT);
		emit_uint(e, "dboid", r->dboid, EF_NOTEXT);
		emit_uint(e, "relfilenode", r->relnumber, EF_NOTEXT);
		if (names != NULL)
		{
			struct walname nm;
			char		full[140];

			walnames_lookup(names, r->spcoid, r->dboid, r->relnumber, &nm);
			emit_name(e, "datname", nm.datname);
			emit_name(e, "nspname", nm.nspname);
			emit_name(e, "relname", nm.relname);
			snprintf(full, sizeof(full), "%s.%s", nm.nspname ? nm.nspname : "?",
					 nm.relname ? nm.relname : "?");
			emit_str(e, "name", full, EF_NOJSON);
		}
		emit_uint(e, "inserted", r->inserted, 0);
		emit_uint(e, "updated", r->updated, 0);
		emit_uint(e, "deleted", r->deleted, 0);
		emit_obj_end(e);
	}
	emit_arr_end(e);
	emit_end(e);
}

void
walxacts_emit_all(struct emit *e, struct walxacts *x, struct walnames *names,
				  const struct walxacts_window *w)
{
	size_t		n = walxacts_count(x);

	for (size_t i = 0; i < n; i++)
	{
		const struct walxact *t = walxacts_get(x, i);

		if (t->xid != 0 && ((!w->has_since && !w->has_until) || walxacts_in_window(t, w)))
			walxacts_emit(e, t, names);
	}
}

/* days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil) */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t		era;
	unsigned	yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t) doe - 719468;
}

int
walxacts_parse_time(const char *s, int64_t *out)
{
	int			y,
				mo,
				d,
				h = 0,
				mi = 0,
				n = 0;
	double		sec = 0;
	const char *p;
	int			tzh = 0;

	if (sscanf(s, "%d-%d-%d%n", &y, &mo, &d, &n) != 3)
		return -1;
	p = s + n;
	if (*p == ' ' || *p == 'T')
	{
		int			m = 0;

		if (sscanf(p + 1, "%d:%d%n", &h, &mi, &m) != 2)
			return -1;
		p += 1 + m;
		if (*p == ':')
		{
			if (sscanf(p + 1, "%lf%n", &sec, &m) != 1)
				return -1;
			p += 1 + m;
		}
	}
	if (*p == 'Z')
		p++;
	else if (*p == '+' || *p == '-')
	{
		int			m = 0;

		if (sscanf(p + 1, "%d%n", &tzh, &m) != 1)
			return -1;
		if (*p == '-')
			tzh = -tzh;
		p += 1 + m;
	}
	if (*p != '\0' || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 24 || mi < 0 ||
		mi > 59 || sec < 0 || sec >= 61)
		return -1;
	/* TimestampTz: microseconds since 2000-01-01 00:00 UTC (10957 days after 1970) */
	*out = ((days_from_civil(y, (unsigned) mo, (unsigned) d) - 10957) * 86400 +
			(int64_t) (h - tzh) * 3600 + mi * 60) * 1000000 + (int64_t) (sec * 1e6 + 0.5);
	return 0;
}
