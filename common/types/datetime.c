/*
 * date, time, timetz, timestamp, timestamptz, interval: integer datetimes
 * (every major 10..18), printed as DateStyle ISO and IntervalStyle postgres
 * print them in a UTC session (datetime.c: EncodeDateOnly, EncodeTimeOnly,
 * EncodeDateTime, EncodeInterval).
 */
#include <stdio.h>
#include <stdlib.h>

#include "page/page.h"
#include "types/types.h"

#define POSTGRES_EPOCH_JDATE 2451545	/* date2j(2000, 1, 1) */
#define USECS_PER_DAY INT64_C(86400000000)
#define USECS_PER_HOUR INT64_C(3600000000)
#define USECS_PER_MINUTE INT64_C(60000000)
#define USECS_PER_SEC INT64_C(1000000)

/*
 * j2date: Julian day to the proleptic Gregorian calendar.  Unsigned
 * arithmetic as PostgreSQL's: a hostile day number gives a wrong date,
 * never undefined behaviour.
 */
static void
j2date(int64_t jd, int *year, int *month, int *day)
{
	unsigned int julian,
				quad,
				extra;
	int			y;

	julian = (unsigned) jd;
	julian += 32044;
	quad = julian / 146097;
	extra = (julian - quad * 146097) * 4 + 3;
	julian += 60 + quad * 3 + extra / 146097;
	quad = julian / 1461;
	julian -= quad * 1461;
	y = (int) (julian * 4 / 1461);
	julian = ((y != 0) ? ((julian + 305) % 365) : ((julian + 306) % 366)) + 123;
	y += (int) quad * 4;
	*year = y - 4800;
	quad = julian * 2141 / 65536;
	*day = (int) (julian - 7834 * quad / 256);
	*month = (int) ((quad + 10) % 12 + 1);
}

/* AppendSeconds: seconds, and a fraction without trailing zeros */
static void
seconds(struct strbuf *out, int64_t sec, int64_t fsec, bool fill)
{
	char		frac[24];
	int			n;

	sb_printf(out, fill ? "%02lld" : "%lld", (long long) llabs(sec));
	if (fsec == 0)
		return;
	snprintf(frac, sizeof(frac), "%06lld", (long long) llabs(fsec));
	for (n = 6; n > 0 && frac[n - 1] == '0'; n--)
		frac[n - 1] = '\0';
	sb_printf(out, ".%s", frac);
}

static void
time_of_day(struct strbuf *out, int64_t t)
{
	int64_t		h = t / USECS_PER_HOUR,
				m,
				s;

	t -= h * USECS_PER_HOUR;
	m = t / USECS_PER_MINUTE;
	t -= m * USECS_PER_MINUTE;
	s = t / USECS_PER_SEC;
	t -= s * USECS_PER_SEC;
	sb_printf(out, "%02lld:%02lld:", (long long) h, (long long) m);
	seconds(out, s, t, true);
}

/* EncodeTimezone: zone is seconds west of UTC, shown as +/-hh[:mm[:ss]] */
static void
timezone_out(struct strbuf *out, int32_t zone)
{
	long long	sec = llabs((long long) zone),
				min = sec / 60,
				hour;

	sec -= min * 60;
	hour = min / 60;
	min -= hour * 60;
	sb_putc(out, zone <= 0 ? '+' : '-');
	if (sec != 0)
		sb_printf(out, "%02lld:%02lld:%02lld", hour, min, sec);
	else if (min != 0)
		sb_printf(out, "%02lld:%02lld", hour, min);
	else
		sb_printf(out, "%02lld", hour);
}

static void
date_out(struct strbuf *out, int64_t jd, int *year_out)
{
	int			y,
				m,
				d;

	j2date(jd, &y, &m, &d);
	sb_printf(out, "%04lld-%02d-%02d", y > 0 ? (long long) y : -((long long) y - 1), m, d);
	*year_out = y;
}

/* AddPostgresIntPart */
static void
int_part(struct strbuf *out, long long value, const char *units,
		 bool *is_zero, bool *is_before)
{
	if (value == 0)
		return;
	sb_printf(out, "%s%s%lld %s%s", !*is_zero ? " " : "",
			  (*is_before && value > 0) ? "+" : "", value, units,
			  value != 1 ? "s" : "");
	*is_before = value < 0;
	*is_zero = false;
}

static void
interval_out(struct strbuf *out, int64_t time, int32_t day, int32_t month)
{
	bool		is_zero = true,
				is_before = false,
				minus;
	int64_t		hour,
				min,
				sec;

	/* 17+: infinite intervals */
	if (month == INT32_MAX && day == INT32_MAX && time == INT64_MAX)
	{
		sb_puts(out, "infinity");
		return;
	}
	if (month == INT32_MIN && day == INT32_MIN && time == INT64_MIN)
	{
		sb_puts(out, "-infinity");
		return;
	}
	int_part(out, month / 12, "year", &is_zero, &is_before);
	int_part(out, month % 12, "mon", &is_zero, &is_before);
	int_part(out, day, "day", &is_zero, &is_before);
	hour = time / USECS_PER_HOUR;
	time -= hour * USECS_PER_HOUR;
	min = time / USECS_PER_MINUTE;
	time -= min * USECS_PER_MINUTE;
	sec = time / USECS_PER_SEC;
	time -= sec * USECS_PER_SEC;
	if (is_zero || hour != 0 || min != 0 || sec != 0 || time != 0)
	{
		minus = hour < 0 || min < 0 || sec < 0 || time < 0;
		sb_printf(out, "%s%s%02lld:%02lld:", is_zero ? "" : " ",
				  minus ? "-" : (is_before ? "+" : ""),
				  (long long) llabs(hour), (long long) llabs(min));
		seconds(out, sec, time, true);
	}
}

int
datetime_output(enum pg_type_id id, const uint8_t *p, size_t len,
				struct strbuf *out, char *err, size_t errlen)
{
	int32_t		d32;
	int64_t		t,
				date;
	int			year;

	(void) len;					/* fixed lengths, checked by the caller */
	(void) err;
	(void) errlen;
	switch (id)
	{
		case PGT_DATE:
			d32 = (int32_t) rd32(p);
			if (d32 == INT32_MIN)
				sb_puts(out, "-infinity");
			else if (d32 == INT32_MAX)
				sb_puts(out, "infinity");
			else
			{
				date_out(out, (int64_t) d32 + POSTGRES_EPOCH_JDATE, &year);
				if (year <= 0)
					sb_puts(out, " BC");
			}
			return 0;
		case PGT_TIME:
			time_of_day(out, (int64_t) rd64(p));
			return 0;
		case PGT_TIMETZ:
			time_of_day(out, (int64_t) rd64(p));
			timezone_out(out, (int32_t) rd32(p + 8));
			return 0;
		case PGT_TIMESTAMP:
		case PGT_TIMESTAMPTZ:
			t = (int64_t) rd64(p);
			if (t == INT64_MIN)
			{
				sb_puts(out, "-infinity");
				return 0;
			}
			if (t == INT64_MAX)
			{
				sb_puts(out, "infinity");
				return 0;
			}
			date = t / USECS_PER_DAY;
			t -= date * USECS_PER_DAY;
			if (t < 0)
			{
				t += USECS_PER_DAY;
				date -= 1;
			}
			date_out(out, date + POSTGRES_EPOCH_JDATE, &year);
			sb_putc(out, ' ');
			time_of_day(out, t);
			if (id == PGT_TIMESTAMPTZ)
				sb_puts(out, "+00");
			if (year <= 0)
				sb_puts(out, " BC");
			return 0;
		case PGT_INTERVAL:
			interval_out(out, (int64_t) rd64(p), (int32_t) rd32(p + 8),
						 (int32_t) rd32(p + 12));
			return 0;
		default:
			break;
	}
	return -1;
}
