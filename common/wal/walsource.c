/*
 * walsource: WAL segment files (or standard input) to pages, for
 * walreader; which files, which timeline, and whether zeroed or foreign
 * space is the end of the WAL or damage.  The search and range follow
 * src/bin/pg_waldump/pg_waldump.c; the page judgements xlogreader.c's
 * XLogReaderValidatePageHeader.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "wal/walsource_int.h"

static int
suffix_rank(const char *name)
{
	const char *rest = name + 24;

	if (strcmp(rest, "") == 0)
		return 0;
	if (strcmp(rest, ".gz") == 0)
		return 1;
	if (strcmp(rest, ".partial") == 0)
		return 2;
	return 3;
}

bool
wal_looks_like_segment(const char *name)
{
	uint32_t	tli;
	uint64_t	segno;

	/* any power-of-two size parses the hex digits; 16 MiB is only a probe */
	return strlen(name) >= 24 &&
		wal_parse_segment_name(name, 16 * 1024 * 1024, &tli, &segno) == 0;
}

static uint32_t
name_tli(const char *name)
{
	uint32_t	tli;
	uint64_t	segno;

	if (wal_parse_segment_name(name, 16 * 1024 * 1024, &tli, &segno) != 0)
		return 0;
	return tli;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(walsource_base_name(*(const char *const *) a), walsource_base_name(*(const char *const *) b));
}

/* Segment-named files of dir (pg_waldump looks in DIR, then DIR/pg_wal). */
static char **
list_dir(const char *path, size_t *n)
{
	static const char *const sub[] = {"", "/pg_wal", "/pg_xlog"};
	size_t		i;

	*n = 0;
	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++)
	{
		char		dir[4096];
		DIR		   *d;
		struct dirent *de;
		char	  **v = NULL;
		size_t		cnt = 0,
					cap = 0;

		snprintf(dir, sizeof(dir), "%s%s", path, sub[i]);
		d = opendir(dir);
		if (d == NULL)
			continue;
		while ((de = readdir(d)) != NULL)
		{
			if (!wal_looks_like_segment(de->d_name))
				continue;
			if (cnt == cap)
			{
				char	  **nv;

				cap = cap ? cap * 2 : 64;
				nv = realloc(v, cap * sizeof(*v));
				if (nv == NULL)
					break;
				v = nv;
			}
			v[cnt] = malloc(strlen(dir) + strlen(de->d_name) + 2);
			if (v[cnt] == NULL)
				break;
			sprintf(v[cnt], "%s/%s", dir, de->d_name);
			cnt++;
		}
		closedir(d);
		if (cnt > 0)
		{
			qsort(v, cnt, sizeof(*v), cmp_names);
			*n = cnt;
			return v;
		}
		free(v);
	}
	return NULL;
}

/* The first long page header of a segment file: magic, sizes. */
static int
read_long_header(const char *path, struct wal_page_header *h, struct diags *ds)
{
	struct input *in = input_open(path, ds);
	const uint8_t *p;
	size_t		got;

	if (in == NULL)
		return -1;
	p = input_next(in, WAL_LONG_PHD, &got, ds);
	if (p == NULL || got < WAL_LONG_PHD)
	{
		if (!input_failed(in))
			diag_add(ds, D_WAL_PAGE_HEADER, "%s: too short for a WAL page header", path);
		input_close(in);
		return -1;
	}
	wal_page_header_decode(p, h);
	input_close(in);
	if (!(h->info & XLP_LONG_HEADER))
	{
		diag_add(ds, D_WAL_PAGE_HEADER, "%s: the first page has no long header (xlp_info %04X)",
				 path, (unsigned) h->info);
		return -1;
	}
	return 0;
}

static int
cmp_seg(const void *a, const void *b)
{
	const struct segfile *x = a,
			   *y = b;

	if (x->segno != y->segno)
		return x->segno < y->segno ? -1 : 1;
	return x->rank - y->rank;
}


static enum walsource_status
say(struct walsource_info *info, enum walsource_status st, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

/* The status, with its sentence in info->msg. */
static enum walsource_status
say(struct walsource_info *info, enum walsource_status st, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(info->msg, sizeof(info->msg), fmt, ap);
	va_end(ap);
	return st;
}

/* A segment size walreader can read: a power of two from 1 MiB to 1 GiB. */
static bool
seg_size_ok(uint32_t n)
{
	return n >= 1024 * 1024 && n <= 1024u * 1024 * 1024 && (n & (n - 1)) == 0;
}

/*
 * The profile the records are read with, into info->prof.  The page magic
 * (XLOG_PAGE_MAGIC) changes with every major whose WAL format changed, so
 * it is what says which layouts a WAL has: pg_version may not contradict
 * a magic of 10 to 18 (17's records read with 10's layouts are garbage),
 * and is there for a magic no release of 10 to 18 has (a development
 * build, a fork), whose pages are then all held to that first page's
 * magic.  info->prof NULL if the magic is unknown and pg_version not given.
 */
static enum walsource_status
profile_for(const struct walsource_spec *spec, const char *input, uint16_t magic,
			struct walsource_info *info)
{
	const struct pg_profile *m = pg_profile_by_xlog_magic(magic);

	info->prof = m;
	if (spec->pg_version == 0)
		return WSRC_OK;
	if (m != NULL && m->major != spec->pg_version)
		return say(info, WSRC_USAGE,
				   "%s: its WAL page magic %04X is PostgreSQL %d's, not %d's: --pg-version only reads a WAL whose magic is unknown",
				   input, (unsigned) magic, m->major, spec->pg_version);
	info->prof = pg_profile_by_major(spec->pg_version);
	return WSRC_OK;
}

/* The first byte of segment name's segment (or with end, the byte after its last). */
static enum walsource_status
segment_lsn(struct walsource_info *info, const char *name, bool end, uint64_t *lsn)
{
	uint32_t	tli;
	uint64_t	segno;

	if (wal_parse_segment_name(name, info->seg_size, &tli, &segno) != 0)
		return say(info, WSRC_USAGE, "invalid segment name \"%s\"", name);
	*lsn = (segno + (end ? 1 : 0)) * info->seg_size;
	return WSRC_OK;
}

/*
 * "-": standard input holds consecutive segments (plain, or gzip'd members
 * one after the other, as "cat *.gz" gives them).  The first page's long
 * header gives the major, the sizes and where the stream starts.
 */
static enum walsource_status
open_stream(const struct walsource_spec *spec, struct walsource *s,
			struct walsource_info *info, struct diags *ds)
{
	struct wal_page_header lh;
	const uint8_t *p;
	size_t		got;
	enum walsource_status st;

	s->stream = true;
	s->in = input_open("-", ds);
	if (s->in == NULL)
		return WSRC_FAILED;
	p = input_next(s->in, 8192, &got, ds);
	if (p == NULL || got < 8192)
	{
		if (!input_failed(s->in))
			diag_add(ds, D_WAL_PAGE_HEADER, "-: too short for a WAL page");
		return WSRC_FAILED;
	}
	wal_page_header_decode(p, &lh);
	if ((lh.info & XLP_LONG_HEADER) && (st = profile_for(spec, "-", lh.magic, info)) != WSRC_OK)
		return st;
	if (!(lh.info & XLP_LONG_HEADER) || info->prof == NULL || lh.xlog_blcksz != 8192 ||
		!seg_size_ok(lh.seg_size))
		return say(info, WSRC_FAILED,
				   "-: not a WAL segment of PostgreSQL 10 to 18 (magic %04X, info %04X)",
				   (unsigned) lh.magic, (unsigned) lh.info);
	s->seg_size = info->seg_size = lh.seg_size;
	s->page_size = info->page_size = lh.xlog_blcksz;
	s->magic = info->magic = lh.magic;
	s->base = lh.pageaddr;
	s->hold = malloc(s->page_size);
	s->prev = malloc(s->page_size);
	if (s->hold == NULL || s->prev == NULL)
		return say(info, WSRC_FAILED, "out of memory");
	memcpy(s->hold, p, s->page_size);
	s->hold_ptr = s->base;
	s->prev_ptr = UINT64_MAX;
	if (spec->start_seg != NULL &&
		(st = segment_lsn(info, spec->start_seg, false, &info->start)) != WSRC_OK)
		return st;
	if (spec->end_seg != NULL &&
		(st = segment_lsn(info, spec->end_seg, true, &info->end)) != WSRC_OK)
		return st;
	if (!spec->has_start || info->start < s->base)
		info->start = s->base;
	s->tli = info->tli = spec->has_tli ? spec->tli : lh.tli;
	return WSRC_OK;
}

/*
 * -p DIR STARTSEG [ENDSEG]: a segment named as pg_waldump takes it, the
 * file name (any directory part is DIR's business) of a segment in the
 * listing of DIR (plain, .gz or .partial).  Anything else is an error.
 * *name gets the name (allocated).
 */
static enum walsource_status
segment_arg(const char *dir, const char *arg, char **files, size_t nfiles, char **name,
			struct walsource_info *info)
{
	const char *base = walsource_base_name(arg);
	char		path[4096];
	struct stat sb;
	size_t		i;

	if (wal_looks_like_segment(base))
	{
		for (i = 0; i < nfiles; i++)
			if (strncasecmp(walsource_base_name(files[i]), base, 24) == 0)
				return (*name = strdup(base)) != NULL ? WSRC_OK :
					say(info, WSRC_FAILED, "out of memory");
		return say(info, WSRC_FAILED,
				   "could not open file \"%s\": no such WAL segment in %s or %s/pg_wal",
				   base, dir, dir);
	}
	snprintf(path, sizeof(path), "%s/%s", dir, base);
	if (stat(path, &sb) != 0)
	{
		snprintf(path, sizeof(path), "%s/pg_wal/%s", dir, base);
		if (stat(path, &sb) != 0)
			return say(info, WSRC_FAILED, "could not open file \"%s\" in %s or %s/pg_wal: %s",
					   base, dir, dir, strerror(errno));
	}
	return say(info, WSRC_FAILED,
			   "%s: not a WAL segment file name (TTTTTTTTXXXXXXXXYYYYYYYY[.partial][.gz])", path);
}

/* FILE...: each must be named as a segment. */
static enum walsource_status
named_files(const struct walsource_spec *spec, struct walsource *s, struct walsource_info *info)
{
	s->files = calloc((size_t) spec->nargs, sizeof(*s->files));
	if (s->files == NULL)
		return say(info, WSRC_FAILED, "out of memory");
	for (int i = 0; i < spec->nargs; i++)
	{
		const char *f = spec->args[i];

		if (!wal_looks_like_segment(walsource_base_name(f)))
		{
			FILE	   *fp = fopen(f, "r");

			if (fp == NULL)
				return say(info, WSRC_FAILED, "cannot open (%s: %s)", f, strerror(errno));
			fclose(fp);
			return say(info, WSRC_FAILED,
					   "%s: not a WAL segment file name (TTTTTTTTXXXXXXXXYYYYYYYY[.partial][.gz])", f);
		}
		if ((s->files[s->nfiles] = strdup(f)) == NULL)
			return say(info, WSRC_FAILED, "out of memory");
		s->nfiles++;
	}
	qsort(s->files, s->nfiles, sizeof(*s->files), cmp_names);
	return WSRC_OK;
}

/* Copy the findings of one file into ds (its worst severity with them). */
static void
diags_append(struct diags *ds, const struct diags *from)
{
	for (int i = 0; i < from->n; i++)
	{
		if (ds->n < DIAG_MAX)
			ds->d[ds->n++] = from->d[i];
		else
			ds->dropped++;
	}
	ds->dropped += from->dropped;
	if (from->worst > ds->worst)
		ds->worst = from->worst;
}

/*
 * The sizes and the major from the long header of the first segment of
 * the timeline that has a readable one (a damaged first page does not
 * hide the segments after it).
 */
static enum walsource_status
first_header(const struct walsource_spec *spec, struct walsource *s,
			 struct walsource_info *info, struct diags *ds)
{
	static struct diags one;	/* large: not on the stack */
	struct wal_page_header lh;
	bool		any = false,
				read_one = false;
	enum walsource_status st;

	info->prof = NULL;
	for (size_t i = 0; i < s->nfiles && info->prof == NULL; i++)
	{
		if (name_tli(walsource_base_name(s->files[i])) != s->tli)
			continue;
		any = true;
		diags_reset(&one);
		if (read_long_header(s->files[i], &lh, &one) != 0)
		{
			if (one.worst < SEV_FATAL)
				read_one = true;
			diags_append(ds, &one);
			continue;
		}
		read_one = true;
		if ((st = profile_for(spec, s->files[i], lh.magic, info)) != WSRC_OK)
			return st;
		if (info->prof != NULL && (!seg_size_ok(lh.seg_size) || lh.xlog_blcksz != 8192))
		{
			diag_add(ds, D_WAL_PAGE_HEADER, "%s: unsupported segment size %u or page size %u",
					 s->files[i], lh.seg_size, lh.xlog_blcksz);
			info->prof = NULL;
		}
		else if (info->prof == NULL)
			diag_add(ds, D_WAL_PAGE_HEADER,
					 "%s: unknown WAL page magic %04X (not PostgreSQL 10 to 18; try --pg-version)",
					 s->files[i], (unsigned) lh.magic);
	}
	if (!any)
		return say(info, WSRC_FAILED, "no WAL segment of timeline %u", s->tli);
	/* damage if a header was read and is bad; an input error if none could be */
	if (info->prof == NULL)
		return read_one ? WSRC_DAMAGE : WSRC_FAILED;
	s->seg_size = info->seg_size = lh.seg_size;
	s->page_size = info->page_size = lh.xlog_blcksz;
	s->magic = info->magic = lh.magic;
	return WSRC_OK;
}

/* One file per segment of the timeline: the complete one before .gz before .partial. */
static enum walsource_status
segments_of_timeline(const struct walsource_spec *spec, struct walsource *s,
					 struct walsource_info *info)
{
	size_t		i,
				j = 0;

	s->f = calloc(s->nfiles, sizeof(*s->f));
	if (s->f == NULL)
		return say(info, WSRC_FAILED, "out of memory");
	for (i = 0; i < s->nfiles; i++)
	{
		uint32_t	tli;
		uint64_t	segno;

		if (wal_parse_segment_name(walsource_base_name(s->files[i]), s->seg_size, &tli, &segno) != 0 ||
			tli != s->tli)
			continue;
		s->f[s->n].segno = segno;
		s->f[s->n].path = s->files[i];
		s->f[s->n].rank = suffix_rank(walsource_base_name(s->files[i]));
		/* every FILE is named; with -p, STARTSEG and ENDSEG (range()) */
		s->f[s->n].named = spec->dir == NULL;
		s->n++;
	}
	qsort(s->f, s->n, sizeof(*s->f), cmp_seg);
	for (i = 0; i < s->n; i++)
		if (j == 0 || s->f[j - 1].segno != s->f[i].segno)
			s->f[j++] = s->f[i];
	s->n = j;
	return WSRC_OK;
}

/*
 * Where reading starts and ends: -s, -e (LSNs or segment names), and as
 * pg_waldump from STARTSEG to the end of ENDSEG, or of STARTSEG alone; -s
 * must fall inside STARTSEG, -e may reach further.
 */
static enum walsource_status
range(const struct walsource_spec *spec, struct walsource *s, const char *first_seg,
	  const char *last_seg, struct walsource_info *info)
{
	enum walsource_status st;
	bool		has_start = spec->has_start;

	if (spec->start_seg != NULL &&
		(st = segment_lsn(info, spec->start_seg, false, &info->start)) != WSRC_OK)
		return st;
	if (spec->end_seg != NULL &&
		(st = segment_lsn(info, spec->end_seg, true, &info->end)) != WSRC_OK)
		return st;
	if (first_seg != NULL)
	{
		uint32_t	tli;
		uint64_t	first,
					last;

		if (wal_parse_segment_name(first_seg, s->seg_size, &tli, &first) != 0)
			return say(info, WSRC_USAGE, "invalid segment name \"%s\"", first_seg);
		last = first;
		if (last_seg != NULL &&
			wal_parse_segment_name(last_seg, s->seg_size, &tli, &last) != 0)
			return say(info, WSRC_USAGE, "invalid segment name \"%s\"", last_seg);
		if (last < first)
			return say(info, WSRC_USAGE, "ENDSEG %s is before STARTSEG %s", last_seg, first_seg);
		if (!has_start)
		{
			info->start = first * s->seg_size;
			has_start = true;
		}
		else if (info->start / s->seg_size != first)
			return say(info, WSRC_USAGE, "start WAL location %X/%X is not inside file \"%s\"",
					   (unsigned) (info->start >> 32), (unsigned) info->start, first_seg);
		if (!info->has_end)
		{
			info->end = (last + 1) * s->seg_size;
			info->has_end = true;
		}
		for (size_t i = 0; i < s->n; i++)
			if (s->f[i].segno == first || s->f[i].segno == last)
				s->f[i].named = true;
	}
	if (!has_start)
		info->start = s->f[0].segno * s->seg_size;
	s->end = info->has_end ? info->end : UINT64_MAX;
	if (info->has_end && info->end <= info->start)
		return say(info, WSRC_USAGE, "end WAL location %X/%X is not after start %X/%X",
				   (unsigned) (info->end >> 32), (unsigned) info->end,
				   (unsigned) (info->start >> 32), (unsigned) info->start);
	return WSRC_OK;
}

static enum walsource_status
open_files(const struct walsource_spec *spec, struct walsource *s,
		   struct walsource_info *info, struct diags *ds)
{
	char	   *first_seg = NULL,	/* -p DIR STARTSEG [ENDSEG] */
			   *last_seg = NULL;
	enum walsource_status st = WSRC_OK;

	if (spec->dir != NULL)
	{
		s->files = list_dir(spec->dir, &s->nfiles);
		if (spec->nargs > 0)
			st = segment_arg(spec->dir, spec->args[0], s->files, s->nfiles, &first_seg, info);
		if (st == WSRC_OK && spec->nargs > 1)
			st = segment_arg(spec->dir, spec->args[1], s->files, s->nfiles, &last_seg, info);
		if (st == WSRC_OK && s->files == NULL)
			st = say(info, WSRC_FAILED, "%s: no WAL segment files found (looked in it and its pg_wal/)",
					 spec->dir);
	}
	else
		st = named_files(spec, s, info);
	if (st != WSRC_OK)
		goto out;

	/* the timeline: -t, or that of the first segment */
	s->tli = spec->tli;
	if (!spec->has_tli)
	{
		s->tli = name_tli(walsource_base_name(s->files[0]));
		if (spec->start_seg != NULL)
			s->tli = name_tli(spec->start_seg);
		if (first_seg != NULL)
			s->tli = name_tli(first_seg);
	}
	info->tli = s->tli;
	s->keep_going = spec->keep_going;
	if ((st = first_header(spec, s, info, ds)) != WSRC_OK ||
		(st = segments_of_timeline(spec, s, info)) != WSRC_OK)
		goto out;
	st = range(spec, s, first_seg, last_seg, info);
out:
	free(first_seg);
	free(last_seg);
	return st;
}

enum walsource_status
walsource_open(const struct walsource_spec *spec, struct walsource **out,
			   struct walsource_info *info, struct diags *ds)
{
	struct walsource *s = calloc(1, sizeof(*s));
	enum walsource_status st;

	*out = NULL;
	memset(info, 0, sizeof(*info));
	if (s == NULL)
		return say(info, WSRC_FAILED, "out of memory");
	info->start = spec->start;
	info->end = spec->end;
	info->has_end = spec->has_end;
	if (spec->dir == NULL && spec->nargs == 1 && strcmp(spec->args[0], "-") == 0)
		st = open_stream(spec, s, info, ds);
	else
		st = open_files(spec, s, info, ds);
	if (st != WSRC_OK)
	{
		walsource_close(s);
		return st;
	}
	*out = s;
	return WSRC_OK;
}

void
walsource_close(struct walsource *s)
{
	if (s == NULL)
		return;
	if (s->in != NULL)
		input_close(s->in);
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->files);
	free(s->f);
	free(s->hold);
	free(s->prev);
	free(s);
}

int
wal_parse_position(const char *s, uint64_t *lsn, bool *is_seg, char **segname)
{
	unsigned int hi,
				lo;
	int			n = 0;
	const char *base = strrchr(s, '/');

	*is_seg = false;
	/* "X/Y" as PostgreSQL parses an LSN */
	if (sscanf(s, "%X/%X%n", &hi, &lo, &n) == 2 && s[n] == '\0')
	{
		*lsn = ((uint64_t) hi << 32) | lo;
		return 0;
	}
	base = base != NULL ? base + 1 : s;
	if (wal_looks_like_segment(base))
	{
		*is_seg = true;
		*segname = strdup(base);
		return 0;
	}
	return -1;
}
