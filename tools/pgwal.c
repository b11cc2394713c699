/*
 * pgwal: WAL segments of PostgreSQL 10 to 18, read from disk with no server.
 *
 * Per record: pg_waldump's line in text, pg_get_wal_records_info()'s
 * columns (and the decoded parts) in JSON; --stats as pg_waldump --stats
 * and pg_get_wal_stats().  The inputs are segment files (plain, .gz,
 * .partial) named on the command line, a directory searched as
 * pg_waldump searches it, or "-": consecutive segments on standard input.
 * The reading itself is common/walreader.c (pages to records),
 * walrecord.c (records to parts) and rmgr*.c (names and descriptions);
 * this file picks the inputs, filters, and prints.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out/cli.h"
#include "out/emit.h"
#include "out/fmt.h"
#include "io/input.h"
#include "rmgrdesc/rmgrdesc.h"
#include "out/strbuf.h"
#include "wal/walreader.h"
#include "wal/walimage.h"
#include "wal/walrecord.h"
#include "wal/walstats.h"

struct segfile {
	uint64_t	segno;
	char	   *path;
	int			rank;			/* plain 0, .gz 1, .partial 2, .partial.gz 3 */
	bool		named;			/* named by the user (FILE, STARTSEG, ENDSEG): another
								 * segment under its name is damage, never the end */
};

/* The segments we read, and the one open now. */
struct segsrc {
	struct segfile *f;
	size_t		n;
	uint32_t	seg_size;
	uint32_t	page_size;
	size_t		cur;			/* index in f of the open segment */
	struct input *in;
	uint64_t	in_segno;
	/* "-": one stream of consecutive segments, from address base on */
	bool		stream;
	uint64_t	base;			/* xlp_pageaddr of the stream's first page */
	uint8_t    *hold;			/* the last page handed out, so it can be asked again */
	uint64_t	hold_ptr;		/* its address; UINT64_MAX: none */
	uint8_t    *prev;			/* the one before: resynchronising after a record
								 * found bad on the page after it goes back one */
	uint64_t	prev_ptr;		/* its address; UINT64_MAX: none */
	/* files: a zeroed page with written WAL after it (see written_after) */
	uint16_t	magic;			/* XLOG_PAGE_MAGIC of the pages */
	uint32_t	tli;			/* the timeline read (that of the names) */
	uint64_t	end;			/* where reading stops (-e, ENDSEG); UINT64_MAX: none */
	bool		keep_going;		/* -k: a finding says whether reading stops */
	bool		has_bad;		/* bad_segno holds another segment */
	uint64_t	bad_segno;
	uint64_t	gap_from;		/* the zeroed page */
	uint64_t	gap_to;			/* the next page of this WAL; 0: none known */
};

struct options {
	bool		json;
	bool		bkp_details;
	bool		quiet;
	bool		keep_going;
	int			stats;			/* 0 none, 1 per rmgr, 2 per record type */
	long		limit;			/* -n; 0 = all */
	const char *path;
	uint64_t	start;
	bool		has_start;
	uint64_t	end;
	bool		has_end;
	uint32_t	tli;
	bool		has_tli;
	int			pg_version;
	bool		rmgr_filter[RMGR_COUNT];
	bool		has_rmgr_filter;
	bool		has_xid;
	uint32_t	xid;
	bool		fullpage;
	bool		has_rel;
	uint32_t	rel[3];
	bool		has_block;
	uint32_t	block;
	int			fork;			/* -1 = any */
	const char *save_fullpage;	/* --save-fullpage: directory for the page images */
	bool		fpi_verify;		/* --fpi-verify: check each restored image's header */
};

static void usage(void) __attribute__((noreturn));

static void
usage(void)
{
	printf("%s reads WAL segments of PostgreSQL 10 to 18, with no server.\n\n"
		   "Usage:\n"
		   "  %s [OPTION]... FILE...\n"
		   "  %s [OPTION]... -p DIR [STARTSEG [ENDSEG]]\n\n"
		   "FILE is a WAL segment file (plain, .gz, .partial), or \"-\" for consecutive\n"
		   "segments on standard input; with -p, the segments are taken from DIR or\n"
		   "DIR/pg_wal: all, or from STARTSEG to ENDSEG (or STARTSEG alone).\n\n"
		   "Options:\n"
		   "  -b, --bkp-details    print details of block references\n"
		   "  -B, --block=N        only records touching block N (with --relation)\n"
		   "  -e, --end=LSN        stop reading at LSN (or at the end of segment NAME)\n"
		   "  -F, --fork=FORK      only records touching fork main, fsm, vm or init\n"
		   "  -j, --json           JSON Lines: one object per record\n"
		   "  -k, --keep-going     after damage, go on at the next page that starts a record\n"
		   "  -n, --limit=N        print at most N records\n"
		   "  -p, --path=DIR       directory of the segments (DIR or DIR/pg_wal)\n"
		   "  -P, --pg-version=N   read a WAL whose page magic is unknown as PostgreSQL N's\n"
		   "  -q, --quiet          print no records, only diagnostics\n"
		   "  -r, --rmgr=RMGR      only records of RMGR (repeatable, or a comma list)\n"
		   "  -R, --relation=T/D/R only records touching relation T/D/R\n"
		   "  -s, --start=LSN      start at the first record at or after LSN (or segment NAME)\n"
		   "  -t, --timeline=TLI   timeline of the segments to read\n"
		   "  -w, --fullpage       only records with full page images\n"
		   "  -x, --xid=XID        only records of transaction XID\n"
		   "  -z, --stats[=record] statistics instead of records (per record type with =record)\n"
		   "      --fpi-verify     check that every full page image restores to a valid page\n"
		   "      --save-fullpage=DIR  write every full page image, restored, into DIR\n"
		   "  -V, --version        print the version and exit\n"
		   "  -h, --help           print this help and exit\n\n"
		   "Exit status: 0 clean, 1 damage found, 2 usage or I/O error.\n",
		   cli_prog(), cli_prog(), cli_prog());
	exit(EXIT_CLEAN);
}

/* "X/Y" as PostgreSQL parses an LSN. */
static int
parse_lsn(const char *s, uint64_t *out)
{
	unsigned int hi,
				lo;
	int			n = 0;

	if (sscanf(s, "%X/%X%n", &hi, &lo, &n) != 2 || s[n] != '\0')
		return -1;
	*out = ((uint64_t) hi << 32) | lo;
	return 0;
}

static const char *
base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

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

static bool
looks_like_segment(const char *name)
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
	return strcmp(base_name(*(const char *const *) a), base_name(*(const char *const *) b));
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
			if (!looks_like_segment(de->d_name))
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

/* read_page() for a stream: pages come in order; the reader never goes back. */
static enum walreader_page
read_stream_page(struct segsrc *s, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	const uint8_t *p;
	size_t		got;
	uint64_t	off;

	if (ptr == s->hold_ptr)
	{
		*page = s->hold;
		return WRP_OK;
	}
	if (ptr == s->prev_ptr)
	{
		*page = s->prev;
		return WRP_OK;
	}
	if (ptr < s->base || ptr - s->base < input_offset(s->in))
		return WRP_END;			/* behind us: cannot be read again */
	off = ptr - s->base;
	if (input_offset(s->in) < off)
		input_skip(s->in, off - input_offset(s->in), ds);
	if (input_failed(s->in))
		return WRP_ERROR;
	if (input_offset(s->in) != off)
		return WRP_END;
	p = input_next(s->in, s->page_size, &got, ds);
	if (input_failed(s->in))
		return WRP_ERROR;
	if (p == NULL || got < s->page_size)
		return WRP_END;			/* the stream ends: the end of the WAL */
	{
		/* the page handed out last stays valid: the older buffer is reused */
		uint8_t    *older = s->prev;

		s->prev = s->hold;
		s->prev_ptr = s->hold_ptr;
		s->hold = older;
	}
	memcpy(s->hold, p, s->page_size);
	s->hold_ptr = ptr;
	*page = s->hold;
	return WRP_OK;
}

/* xlp_magic, xlp_info and xlp_pageaddr zero: the reader's end of WAL. */
static bool
zeroed_header(const uint8_t *p)
{
	struct wal_page_header h;

	wal_page_header_decode(p, &h);
	return h.magic == 0 && h.info == 0 && h.pageaddr == 0;
}

/* A page of this WAL: our magic, and its own address in xlp_pageaddr. */
static bool
page_of_this_wal(const struct segsrc *s, const uint8_t *p, uint64_t ptr)
{
	struct wal_page_header h;

	wal_page_header_decode(p, &h);
	return h.magic == s->magic && h.pageaddr == ptr;
}

/*
 * A page whose header is zeroed is where PostgreSQL's WAL ends (a new
 * segment is zero-filled), and the reader takes it so.  Amid written WAL
 * it is damage: a page of this WAL further on in the segment, or the
 * next segment's first page, says the WAL went on.  The address of that
 * page, or 0.  Reads the open input on past ptr; what was passed over is
 * remembered (gap_from, gap_to) so that -k does not read it again.
 */
static uint64_t
written_after(struct segsrc *s, uint64_t ptr)
{
	static struct diags scratch;	/* large: not on the stack */
	uint64_t	seg_end = ptr - ptr % s->seg_size + s->seg_size,
				q;
	struct input *in;
	const uint8_t *p;
	size_t		got,
				i;

	diags_reset(&scratch);
	s->gap_from = ptr;
	s->gap_to = 0;
	for (q = ptr + s->page_size; q < seg_end; q += s->page_size)
	{
		p = input_next(s->in, s->page_size, &got, &scratch);
		if (p == NULL || got < s->page_size)
			break;
		if (page_of_this_wal(s, p, q))
			return s->gap_to = q;
	}
	if (q < seg_end)
		return 0;				/* a short file: read_page says what it is */
	for (i = 0; i < s->n && s->f[i].segno <= seg_end / s->seg_size; i++)
	{
		if (s->f[i].segno != seg_end / s->seg_size)
			continue;
		in = input_open(s->f[i].path, &scratch);
		if (in == NULL)
			break;
		p = input_next(in, s->page_size, &got, &scratch);
		if (p != NULL && got == s->page_size && page_of_this_wal(s, p, seg_end))
			s->gap_to = seg_end;
		input_close(in);
		break;
	}
	return s->gap_to;
}

/* Does a file after f[i] (within the range read) hold the segment its name says? */
static bool
own_segment_after(const struct segsrc *s, size_t i)
{
	static struct diags scratch;	/* large: not on the stack */
	size_t		j;

	for (j = i + 1; j < s->n && s->f[j].segno * s->seg_size < s->end; j++)
	{
		struct input *in;
		const uint8_t *p;
		size_t		got;
		bool		ok = false;

		diags_reset(&scratch);
		in = input_open(s->f[j].path, &scratch);
		if (in == NULL)
			continue;
		p = input_next(in, s->page_size, &got, &scratch);
		if (p != NULL && got == s->page_size)
			ok = page_of_this_wal(s, p, s->f[j].segno * s->seg_size);
		input_close(in);
		if (ok)
			return true;
	}
	return false;
}

/*
 * The first page of segment file f[i] says which segment it holds
 * (xlp_pageaddr, xlp_tli); it must be the one its name says, as
 * pg_waldump's "unexpected pageaddr" holds it.  One exception: a segment
 * PostgreSQL recycled (renamed ahead, not yet written) carries an older
 * address, and is where the WAL ends when no segment after it holds its
 * own; the reader says so as a notice.  A file the user named, or one
 * with WAL of its own after it, is damage: another segment under this
 * name (an archive mix-up).  A bad magic or a zeroed page is left to the
 * page checks.  False, with the finding in ds, if f[i] is another segment.
 */
static bool
segment_is_its_name(struct segsrc *s, size_t i, const uint8_t *p, struct diags *ds)
{
	struct wal_page_header h;
	uint64_t	want = s->f[i].segno * s->seg_size;
	char		seg[32];

	wal_page_header_decode(p, &h);
	if (h.magic != s->magic || zeroed_header(p))
		return true;
	if (h.pageaddr == want && h.tli <= s->tli)
		return true;
	if (!s->f[i].named && h.pageaddr < want && h.pageaddr % s->seg_size == 0 &&
		h.tli <= s->tli && !own_segment_after(s, i))
		return true;
	wal_segment_name(seg, h.tli, h.pageaddr / s->seg_size, s->seg_size);
	/* the file's name, not its path: a long path would crowd the facts out */
	diag_add(ds, D_WAL_PAGE_HEADER,
			 "%s holds segment %s (xlp_pageaddr %X/%X, xlp_tli %u), not that of its name (%X/%X, tli %u)%s",
			 base_name(s->f[i].path), seg, (unsigned) (h.pageaddr >> 32), (unsigned) h.pageaddr,
			 h.tli, (unsigned) (want >> 32), (unsigned) want, s->tli,
			 s->keep_going ? "" : "; stopped, -k reads on");
	s->has_bad = true;
	s->bad_segno = s->f[i].segno;
	return false;
}

static enum walreader_page
read_file_page(struct segsrc *s, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	uint64_t	segno = ptr / s->seg_size;
	uint64_t	off = ptr % s->seg_size;
	const uint8_t *p = NULL;
	size_t		got;

	/* a page of a file found to hold another segment: said once, at its first page */
	if (s->has_bad && segno == s->bad_segno)
	{
		diag_add(ds, D_WAL_PAGE_HEADER, "file %s holds another segment",
				 base_name(s->f[s->cur].path));
		return WRP_ERROR;
	}

	/* inside a run of pages found not to be this WAL's: no need to read them again */
	if (s->gap_to != 0 && ptr > s->gap_from && ptr < s->gap_to)
	{
		diag_add(ds, D_WAL_PAGE_HEADER, "not a page of this WAL (no written page from %X/%X to %X/%X)",
				 (unsigned) (s->gap_from >> 32), (unsigned) s->gap_from,
				 (unsigned) (s->gap_to >> 32), (unsigned) s->gap_to);
		return WRP_ERROR;
	}

	if (s->in == NULL || s->in_segno != segno || input_offset(s->in) > off)
	{
		size_t		i;

		if (s->in != NULL)
			input_close(s->in);
		s->in = NULL;
		for (i = 0; i < s->n && s->f[i].segno < segno; i++)
			;
		if (i == s->n)
			return WRP_END;
		if (s->f[i].segno != segno)
			return WRP_MISSING;
		s->cur = i;
		s->in = input_open(s->f[i].path, ds);
		if (s->in == NULL)
			return WRP_ERROR;
		s->in_segno = segno;
		/* whatever page is asked for, the first says which segment this is */
		p = input_next(s->in, s->page_size, &got, ds);
		if (input_failed(s->in))
			return WRP_ERROR;
		if (p != NULL && got == s->page_size && !segment_is_its_name(s, i, p, ds))
			return WRP_ERROR;
		if (off != 0 || got < s->page_size)
			p = NULL;
	}
	if (p == NULL)
	{
		if (input_offset(s->in) < off)
		{
			input_skip(s->in, off - input_offset(s->in), ds);
			if (input_failed(s->in))
				return WRP_ERROR;
		}
		if (input_offset(s->in) != off)
			goto short_file;
		p = input_next(s->in, s->page_size, &got, ds);
		if (input_failed(s->in))
			return WRP_ERROR;
		if (p == NULL || got < s->page_size)
			goto short_file;
	}
	if (zeroed_header(p))
	{
		uint64_t	next;

		if (s->hold == NULL && (s->hold = malloc(s->page_size)) == NULL)
		{
			diag_add(ds, D_READ_FAILED, "out of memory");
			return WRP_ERROR;
		}
		memcpy(s->hold, p, s->page_size);
		next = written_after(s, ptr);
		if (next != 0)
		{
			diag_add(ds, D_WAL_PAGE_HEADER,
					 "zeroed page at offset %" PRIu64 " of segment file %s, amid written WAL: the next page written is at %X/%X",
					 off, s->f[s->cur].path, (unsigned) (next >> 32), (unsigned) next);
			return WRP_ERROR;
		}
		p = s->hold;
	}
	*page = p;
	return WRP_OK;

short_file:
	/* a .partial segment ends where its writer stopped: the end of WAL */
	if (s->f[s->cur].rank >= 2)
		return WRP_END;
	{
		struct diag *d = diag_add(ds, D_WAL_PAGE_HEADER,
								  "segment file %s is truncated: no full page at offset %" PRIu64,
								  s->f[s->cur].path, off);

		if (d != NULL)
		{
			d->lsn = ptr;
			d->has_lsn = 1;
		}
	}
	return WRP_ERROR;
}

/*
 * The page at ptr.  A finding of the input layer (open, read, gzip) says
 * no LSN: it gets the page's, so that it has a place in the JSON stream.
 */
static enum walreader_page
read_page(void *arg, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	struct segsrc *s = arg;
	int			n0 = ds->n;
	enum walreader_page res;

	res = s->stream ? read_stream_page(s, ptr, page, ds) : read_file_page(s, ptr, page, ds);
	for (int i = n0; i < ds->n; i++)
		if (!ds->d[i].has_lsn)
		{
			ds->d[i].lsn = ptr;
			ds->d[i].has_lsn = 1;
		}
	return res;
}

static inline char *
put_mem(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

#define PUT_LIT(p, lit) put_mem((p), (lit), sizeof(lit) - 1)

static inline char *
put_u(char *p, uint64_t v)
{
	return p + fmt_u64(p, v);
}

/* v right-aligned in w columns: %*u */
static char *
put_u_right(char *p, uint64_t v, size_t w)
{
	char		b[FMT_U64_MAX];
	size_t		n = fmt_u64(b, v);

	if (n < w)
	{
		memset(p, ' ', w - n);
		p += w - n;
	}
	return put_mem(p, b, n);
}

static inline char *
put_str(char *p, const char *s)
{
	return put_mem(p, s, strlen(s));
}

/* "rel S/D/R" */
static char *
put_rel(char *p, const struct walblock *b)
{
	p = PUT_LIT(p, "rel ");
	p = put_u(p, b->spcoid);
	*p++ = '/';
	p = put_u(p, b->dboid);
	*p++ = '/';
	return put_u(p, b->relnumber);
}

/*
 * XLogRecGetBlockRefInfo(record, pretty, detailed_format, ...) of 15+;
 * before 15 pg_waldump printed the same, without the compression method.
 * Formatted by hand: this runs for every record shown.
 */
static void
block_ref_info(struct strbuf *sb, int major, const struct walrec *r, bool pretty, bool detailed)
{
	int			id;

	if (detailed && pretty)
		sb_putc(sb, '\n');
	for (id = 0; id <= r->max_block_id; id++)
	{
		const struct walblock *b = &r->blocks[id];
		const char *fork;
		char	   *p0,
				   *p;

		if (!b->in_use)
			continue;
		fork = b->fork < 4 ? wal_fork_names[b->fork] : "?";
		/* every piece below is bounded: numbers, and names of a few bytes */
		p0 = sb_room(sb, 256);
		if (p0 == NULL)
			return;
		p = p0;
		if (detailed)
		{
			if (pretty)
				*p++ = '\t';
			else if (id > 0)
				*p++ = ' ';
			p = PUT_LIT(p, "blkref #");
			p = put_u(p, (unsigned) id);
			p = PUT_LIT(p, ": ");
			p = put_rel(p, b);
			p = PUT_LIT(p, " fork ");
			p = put_str(p, fork);
			p = PUT_LIT(p, " blk ");
			p = put_u(p, b->blkno);
			if (b->has_image)
			{
				p = PUT_LIT(p, " (FPW");
				if (!b->apply_image)
					p = PUT_LIT(p, " for WAL verification");
				p = PUT_LIT(p, "); hole: offset: ");
				p = put_u(p, b->hole_offset);
				p = PUT_LIT(p, ", length: ");
				p = put_u(p, b->hole_length);
				if (b->compression != WALC_NONE)
				{
					p = PUT_LIT(p, ", compression saved: ");
					p = put_u(p, (unsigned) (WAL_BLCKSZ - b->hole_length - b->bimg_len));
					/* 15 brought more methods than pglz, and names them */
					if (major >= 15)
					{
						p = PUT_LIT(p, ", method: ");
						p = put_str(p, wal_compression_name(b->compression));
					}
				}
			}
			if (pretty)
				*p++ = '\n';
		}
		else
		{
			p = PUT_LIT(p, ", blkref #");
			p = put_u(p, (unsigned) id);
			p = PUT_LIT(p, ": ");
			p = put_rel(p, b);
			if (b->fork != 0)
			{
				p = PUT_LIT(p, " fork ");
				p = put_str(p, fork);
			}
			p = PUT_LIT(p, " blk ");
			p = put_u(p, b->blkno);
			if (b->has_image)
				p = b->apply_image ? PUT_LIT(p, " FPW") : PUT_LIT(p, " FPW for WAL verification");
		}
		sb_advance(sb, (size_t) (p - p0));
	}
	if (!detailed && pretty)
		sb_putc(sb, '\n');
}

static bool
rmgr_matches(const struct options *o, const struct walrec *r)
{
	int			id;

	if (o->has_rmgr_filter && (r->rmid >= RMGR_COUNT || !o->rmgr_filter[r->rmid]))
		return false;
	if (o->has_xid && r->xid != o->xid)
		return false;
	if (o->fullpage && r->fpi_len == 0)
	{
		bool		any = false;

		for (id = 0; id <= r->max_block_id; id++)
			if (r->blocks[id].in_use && r->blocks[id].has_image)
				any = true;
		if (!any)
			return false;
	}
	if (o->has_rel || o->has_block || o->fork >= 0)
	{
		for (id = 0; id <= r->max_block_id; id++)
		{
			const struct walblock *b = &r->blocks[id];

			if (!b->in_use)
				continue;
			if (o->has_rel && (b->spcoid != o->rel[0] || b->dboid != o->rel[1] ||
							   b->relnumber != o->rel[2]))
				continue;
			if (o->has_block && b->blkno != o->block)
				continue;
			if (o->fork >= 0 && b->fork != o->fork)
				continue;
			return true;
		}
		return false;
	}
	return true;
}

struct state {
	const struct options *o;
	const struct wal_traits *t;
	struct emit *e;
	struct strbuf desc;
	struct strbuf blk;
	struct strbuf out;			/* records formatted, not yet written */
	int			out_err;		/* ENOMEM: out could not hold a record (write errors exit at once) */
	struct walstats stats;
	long		shown;
	bool		started;		/* a record was read (filtered or not) */
	uint32_t	seg_size;
	uint64_t	seg_no;			/* the segment seg_name names */
	uint32_t	seg_tli;
	char		seg_name[32];
	uint32_t	tli;			/* of the last record read: names a damage's segment */
	bool		damage_json;	/* damage as objects of the stream (--json, records) */
};

/*
 * Records are formatted by hand into st->out and written in large pieces
 * (emit's per-field calls cost more than the decoding): the text is the
 * same as emit's, proven by the golden, CLI and oracle tests.  Whatever
 * emit holds goes first, so the two keep their order.
 */
#define OUT_CHUNK (64 * 1024)

static void
out_flush(struct state *st)
{
	const char *p = st->out.data;
	size_t		n = st->out.len;

	if (st->out.oom && st->out_err == 0)
		st->out_err = ENOMEM;
	if (n == 0)
		return;
	emit_flush(st->e);
	while (n > 0 && st->out_err == 0)
	{
		ssize_t		w = write(STDOUT_FILENO, p, n);

		if (w < 0)
		{
			if (errno == EINTR)
				continue;
			/* a reader gone (EPIPE, SIGPIPE ignored): stop now, not at the end */
			cli_write_failed(errno);
		}
		p += w;
		n -= (size_t) w;
	}
	sb_reset(&st->out);
}

/* Diagnostics go to stderr after the records before them. */
static void
report(struct state *st, struct diags *ds)
{
	if (ds->n > 0 || ds->dropped > 0)
		out_flush(st);
	cli_report(st->e, NULL, ds);
}

/*
 * Damage that belongs to no record shown: the records before it, then one
 * object per finding at the place it happened, told from a record by its
 * "damage" key (the finding's code); a range passed over by -k says where
 * it starts and ends.  Notices (the end of the WAL, an aborted record
 * overwritten) stay on stderr: they are not damage and every WAL has one.
 */
static void
damage_objects(struct state *st, const struct walreader *rd, const struct diags *ds)
{
	static struct diags one;	/* large: not on the stack */
	struct emit *e = st->e;
	int			i;

	if (!st->damage_json)
		return;
	out_flush(st);
	for (i = 0; i < ds->n; i++)
	{
		const struct diag *d = &ds->d[i];
		uint64_t	lsn = d->has_lsn ? d->lsn : walreader_position(rd);
		char		seg[32];

		if (diag_severity_of(d->code) < SEV_DAMAGE)
			continue;
		emit_begin(e);
		emit_str(e, "damage", diag_name(d->code), 0);
		emit_lsn(e, "lsn", lsn, 0);
		wal_segment_name(seg, st->tli, lsn / st->seg_size, st->seg_size);
		emit_str(e, "segment", seg, 0);
		emit_uint(e, "timeline", st->tli, 0);
		if (d->code == D_WAL_SKIPPED)
		{
			unsigned	hi,
						lo;
			uint64_t	to = walreader_position(rd);

			/* walreader's own words: "resynchronised at %X/%X" */
			if (sscanf(d->detail, "resynchronised at %X/%X", &hi, &lo) == 2)
				to = ((uint64_t) hi << 32) | lo;
			emit_lsn(e, "skipped_from", lsn, 0);
			emit_lsn(e, "skipped_to", to, 0);
		}
		one.n = 1;
		one.d[0] = *d;
		if (!one.d[0].has_lsn)
		{
			one.d[0].lsn = lsn;
			one.d[0].has_lsn = 1;
		}
		cli_emit_diags(e, &one);
		emit_end(e);
	}
}

/* Findings between records: into the stream, then to stderr. */
static void
report_between(struct state *st, const struct walreader *rd, struct diags *ds)
{
	if (ds->n == 0 && ds->dropped == 0)
		return;
	damage_objects(st, rd, ds);
	report(st, ds);
}

/* ,"key": with key a string literal */
#define PUT_JKEY(p, key) PUT_LIT((p), ",\"" key "\":")
#define PUT_JU(p, key, v) put_u(PUT_JKEY((p), key), (v))
#define PUT_JB(p, key, v) ((v) ? PUT_LIT(PUT_JKEY((p), key), "true") : PUT_LIT(PUT_JKEY((p), key), "false"))
/* s must be fmt_json_plain */
#define PUT_JS(p, key, s) put_json_s(PUT_JKEY((p), key), (s))
#define PUT_JLSN(p, key, lsn) put_json_lsn(PUT_JKEY((p), key), (lsn))

static char *
put_json_s(char *p, const char *s)
{
	*p++ = '"';
	p = put_str(p, s);
	*p++ = '"';
	return p;
}

static char *
put_json_lsn(char *p, uint64_t lsn)
{
	*p++ = '"';
	p += fmt_lsn_pg(p, lsn);
	*p++ = '"';
	return p;
}

/* a long string already checked fmt_json_plain, or null */
static void
put_json_text(struct strbuf *sb, const char *jkey, size_t klen, const char *s, size_t n,
			  bool null)
{
	char	   *p0 = sb_room(sb, klen + 8),
			   *p;

	if (p0 == NULL)
		return;
	p = put_mem(p0, jkey, klen);
	if (null)
		p = PUT_LIT(p, "null");
	else
		*p++ = '"';
	sb_advance(sb, (size_t) (p - p0));
	if (!null)
	{
		sb_putn(sb, s, n);
		sb_putc(sb, '"');
	}
}

/* pg_waldump's line: the text renderer of a record. */
static void
text_record(struct state *st, const struct walrec_raw *raw, const struct walrec *r,
			const char *name, const char *id)
{
	struct strbuf *sb = &st->out;
	size_t		nl = strlen(name),
				il = strlen(id),
				start = sb->len;
	char	   *p0 = sb_room(sb, 160 + nl + il),
			   *p;
	const char *desc = sb_str(&st->desc),
			   *blk = sb_str(&st->blk);

	if (p0 == NULL)
		return;
	/* "rmgr: %-11s len (rec/tot): %6u/%6u, tx: %10u, lsn: %X/%08X, prev %X/%08X, desc: %s %s" */
	p = PUT_LIT(p0, "rmgr: ");
	p = put_mem(p, name, nl);
	if (nl < 11)
	{
		memset(p, ' ', 11 - nl);
		p += 11 - nl;
	}
	p = PUT_LIT(p, " len (rec/tot): ");
	p = put_u_right(p, r->tot_len - r->fpi_len, 6);
	*p++ = '/';
	p = put_u_right(p, r->tot_len, 6);
	p = PUT_LIT(p, ", tx: ");
	p = put_u_right(p, r->xid, 10);
	p = PUT_LIT(p, ", lsn: ");
	p += fmt_lsn_waldump(p, raw->lsn);
	p = PUT_LIT(p, ", prev ");
	p += fmt_lsn_waldump(p, r->prev);
	p = PUT_LIT(p, ", desc: ");
	p = put_mem(p, id, il);
	*p++ = ' ';
	sb_advance(sb, (size_t) (p - p0));
	sb_putn(sb, desc, strlen(desc));
	sb_putn(sb, blk, strlen(blk));
	/* the block text ends with the newline the record's end writes */
	if (sb->len > start && sb->data[sb->len - 1] == '\n')
		sb->len--;
	sb_putc(sb, '\n');
}

/*
 * The JSON object of a record, as emit writes it, when no string in it
 * needs an escape (false otherwise: emit_json_record() does it then).
 */
static bool
json_record(struct state *st, const struct walrec_raw *raw, const struct walrec *r,
			const char *name, const char *id, bool have_desc)
{
	struct strbuf *sb = &st->out;
	const char *desc = sb_str(&st->desc),
			   *blk = sb_str(&st->blk);

	/* a NUL inside is not plain: emit (which stops at it) writes those */
	size_t		dn = st->desc.len,
				bn = st->blk.len,
				nl = strlen(name),
				il = strlen(id);
	char	   *p0,
			   *p;
	int			i,
				shown = 0;

	if (!fmt_json_plain(name, nl) || !fmt_json_plain(id, il) || !fmt_json_plain(desc, dn) ||
		!fmt_json_plain(blk, bn))
		return false;
	p0 = sb_room(sb, 400 + nl + il);
	if (p0 == NULL)
		return true;
	p = PUT_LIT(p0, "{\"start_lsn\":\"");
	p += fmt_lsn_pg(p, raw->lsn);
	*p++ = '"';
	p = PUT_JLSN(p, "end_lsn", raw->end_lsn);
	p = PUT_JLSN(p, "prev_lsn", r->prev);
	p = PUT_JU(p, "xid", r->xid);
	p = PUT_JS(p, "resource_manager", name);
	p = PUT_JS(p, "record_type", id);
	p = PUT_JU(p, "record_length", r->tot_len);
	p = PUT_JU(p, "main_data_length", r->main_data_len);
	p = PUT_JU(p, "fpi_length", r->fpi_len);
	sb_advance(sb, (size_t) (p - p0));
	put_json_text(sb, ",\"description\":", sizeof(",\"description\":") - 1, desc, dn,
				  !have_desc || (st->desc.len == 0 && st->t->walinspect_nulls));
	put_json_text(sb, ",\"block_ref\":", sizeof(",\"block_ref\":") - 1, blk, bn,
				  r->max_block_id < 0 && st->t->walinspect_nulls);
	p0 = sb_room(sb, 256);
	if (p0 == NULL)
		return true;
	p = PUT_JB(p0, "description_known", have_desc);
	p = PUT_JU(p, "rmid", r->rmid);
	p = PUT_JU(p, "info", r->info);
	p = PUT_JB(p, "crc_ok", raw->crc_ok);
	if (st->seg_name[0] == '\0' || st->seg_no != raw->lsn / st->seg_size ||
		st->seg_tli != raw->tli)
	{
		st->seg_no = raw->lsn / st->seg_size;
		st->seg_tli = raw->tli;
		wal_segment_name(st->seg_name, raw->tli, st->seg_no, st->seg_size);
	}
	p = PUT_JS(p, "segment", st->seg_name);
	p = PUT_JU(p, "timeline", raw->tli);
	if (r->origin != 0)
		p = PUT_JU(p, "origin", r->origin);
	if (r->toplevel_xid != 0)
		p = PUT_JU(p, "toplevel_xid", r->toplevel_xid);
	p = PUT_LIT(p, ",\"blocks\":[");
	sb_advance(sb, (size_t) (p - p0));
	for (i = 0; i <= r->max_block_id; i++)
	{
		const struct walblock *b = &r->blocks[i];

		if (!b->in_use)
			continue;
		p0 = sb_room(sb, 512);
		if (p0 == NULL)
			return true;
		p = p0;
		if (shown++ > 0)
			*p++ = ',';
		p = PUT_LIT(p, "{\"block_id\":");
		p = put_u(p, (unsigned) i);
		p = PUT_JU(p, "spcoid", b->spcoid);
		p = PUT_JU(p, "dboid", b->dboid);
		p = PUT_JU(p, "relfilenode", b->relnumber);
		p = PUT_JS(p, "fork", b->fork < 4 ? wal_fork_names[b->fork] : "?");
		p = PUT_JU(p, "blkno", b->blkno);
		p = PUT_JB(p, "will_init", (b->flags & BKPBLOCK_WILL_INIT) != 0);
		p = PUT_JU(p, "data_length", b->data_len);
		p = PUT_JB(p, "has_image", b->has_image);
		/* the same fields whether or not there is an image: one schema */
		p = PUT_JU(p, "image_length", b->bimg_len);
		p = PUT_JU(p, "hole_offset", b->hole_offset);
		p = PUT_JU(p, "hole_length", b->hole_length);
		p = PUT_JS(p, "compression", wal_compression_name(b->compression));
		p = PUT_JB(p, "apply", b->apply_image);
		p = PUT_JU(p, "bimg_info", b->bimg_info);
		*p++ = '}';
		sb_advance(sb, (size_t) (p - p0));
	}
	sb_putn(sb, "]}\n", 3);
	return true;
}

/*
 * The JSON object of a record through emit: any string, escaped, and the
 * findings about the record (ds) as its "diagnostics".
 */
static void
emit_json_record(struct state *st, const struct walrec_raw *raw, const struct walrec *r,
				 const char *name, const char *id, bool have_desc, const struct diags *ds)
{
	struct emit *e = st->e;

	emit_begin(e);
	emit_lsn(e, "start_lsn", raw->lsn, 0);
	emit_lsn(e, "end_lsn", raw->end_lsn, 0);
	emit_lsn(e, "prev_lsn", r->prev, 0);
	emit_uint(e, "xid", r->xid, 0);
	emit_str(e, "resource_manager", name, 0);
	emit_str(e, "record_type", id, 0);
	emit_uint(e, "record_length", r->tot_len, 0);
	emit_uint(e, "main_data_length", r->main_data_len, 0);
	emit_uint(e, "fpi_length", r->fpi_len, 0);
	if (!have_desc)
		emit_null(e, "description", 0);
	else if (st->desc.len == 0 && st->t->walinspect_nulls)
		emit_null(e, "description", 0);
	else
		emit_str(e, "description", sb_str(&st->desc), 0);
	if (r->max_block_id < 0 && st->t->walinspect_nulls)
		emit_null(e, "block_ref", 0);
	else
		emit_str(e, "block_ref", sb_str(&st->blk), 0);
	emit_bool(e, "description_known", have_desc, 0);
	emit_uint(e, "rmid", r->rmid, 0);
	emit_uint(e, "info", r->info, 0);
	emit_bool(e, "crc_ok", raw->crc_ok, 0);
	{
		char		seg[32];

		wal_segment_name(seg, raw->tli, raw->lsn / st->seg_size, st->seg_size);
		emit_str(e, "segment", seg, 0);
	}
	emit_uint(e, "timeline", raw->tli, 0);
	if (r->origin != 0)
		emit_uint(e, "origin", r->origin, 0);
	if (r->toplevel_xid != 0)
		emit_uint(e, "toplevel_xid", r->toplevel_xid, 0);
	emit_arr_begin(e, "blocks", 0);
	{
		int			i;

		for (i = 0; i <= r->max_block_id; i++)
		{
			const struct walblock *b = &r->blocks[i];

			if (!b->in_use)
				continue;
			emit_obj_begin(e, NULL, 0);
			emit_uint(e, "block_id", (unsigned) i, 0);
			emit_uint(e, "spcoid", b->spcoid, 0);
			emit_uint(e, "dboid", b->dboid, 0);
			emit_uint(e, "relfilenode", b->relnumber, 0);
			emit_str(e, "fork", b->fork < 4 ? wal_fork_names[b->fork] : "?", 0);
			emit_uint(e, "blkno", b->blkno, 0);
			emit_bool(e, "will_init", (b->flags & BKPBLOCK_WILL_INIT) != 0, 0);
			emit_uint(e, "data_length", b->data_len, 0);
			emit_bool(e, "has_image", b->has_image, 0);
			/* the same fields whether or not there is an image: one schema */
			emit_uint(e, "image_length", b->bimg_len, 0);
			emit_uint(e, "hole_offset", b->hole_offset, 0);
			emit_uint(e, "hole_length", b->hole_length, 0);
			emit_str(e, "compression", wal_compression_name(b->compression), 0);
			emit_bool(e, "apply", b->apply_image, 0);
			emit_uint(e, "bimg_info", b->bimg_info, 0);
			emit_obj_end(e);
		}
	}
	emit_arr_end(e);
	cli_emit_diags(e, ds);
	emit_end(e);
}

/* A record, with in JSON the findings about it (ds). */
static void
emit_record(struct state *st, const struct walrec_raw *raw, const struct walrec *r,
			const struct diags *ds)
{
	const char *name = rmgr_name(r->rmid);
	const char *id = rmgr_identify(st->t->major, r->rmid, r->info);
	char		unknown[32],
				nb[16];
	bool		have_desc;

	if (id == NULL)
	{
		snprintf(unknown, sizeof(unknown), "UNKNOWN (%x)", (unsigned) (r->info & ~XLR_INFO_MASK));
		id = unknown;
	}
	if (name == NULL)			/* custom rmgr (15+): pg_waldump's customNNN */
		name = rmgr_custom_name(st->t->major, r->rmid, nb, sizeof(nb));
	if (name == NULL)			/* not reached: the reader lets no other id through */
		name = "UNKNOWN";
	sb_reset(&st->desc);
	sb_reset(&st->blk);
	if (!st->o->json)
	{
		have_desc = rmgr_desc(&st->desc, st->t->major, RS_WALDUMP, r);
		block_ref_info(&st->blk, st->t->major, r, true, st->o->bkp_details);
		text_record(st, raw, r, name, id);
	}
	else
	{
		have_desc = rmgr_desc(&st->desc, st->t->major, RS_WALINSPECT, r);
		block_ref_info(&st->blk, st->t->major, r, false, true);
		/* the hand-made line has no diagnostics: emit writes the rare record that has */
		if (ds->n > 0 || !json_record(st, raw, r, name, id, have_desc))
		{
			out_flush(st);
			emit_json_record(st, raw, r, name, id, have_desc, ds);
		}
	}
	if (st->out.len >= OUT_CHUNK)
		out_flush(st);
}

static int
parse_rmgr_list(struct options *o, const char *arg)
{
	char	   *copy = strdup(arg),
			   *tok,
			   *save = NULL;
	int			ok = 0;

	if (copy == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save))
	{
		int			i;
		bool		found = false;

		for (i = 0; i < RMGR_COUNT; i++)
			if (strcasecmp(tok, rmgr_name((uint8_t) i)) == 0)
			{
				o->rmgr_filter[i] = true;
				found = true;
			}
		if (!found)
			ok = -1;
	}
	free(copy);
	o->has_rmgr_filter = true;
	return ok;
}

static void
list_rmgrs(void)
{
	int			i;

	for (i = 0; i < RMGR_COUNT; i++)
		printf("%s\n", rmgr_name((uint8_t) i));
	exit(EXIT_CLEAN);
}

/* -s/-e: an LSN, or a segment name meaning its first byte (or, for -e, its end) */
static int
parse_position(const char *s, uint64_t *lsn, bool *is_seg, char **segname)
{
	*is_seg = false;
	if (parse_lsn(s, lsn) == 0)
		return 0;
	if (looks_like_segment(base_name(s)))
	{
		*is_seg = true;
		*segname = strdup(base_name(s));
		return 0;
	}
	return -1;
}

/*
 * --save-fullpage: each full page image of the record, restored, as
 * DIR/TLI-LSNHI-LSNLO.SPC.DB.REL.BLK_FORK (pg_waldump's names).  A file
 * that cannot be written is an I/O error (2); an image that cannot be
 * restored is damage.
 */
static void
save_fullpages(const char *dir, const struct walrec_raw *raw, const struct walrec *r,
			   struct diags *ds)
{
	uint8_t		page[WAL_BLCKSZ];
	int			id;

	for (id = 0; id <= r->max_block_id; id++)
	{
		const struct walblock *b = &r->blocks[id];
		char		path[4096];
		FILE	   *f;
		bool		ok;

		if (!b->in_use || !b->has_image)
			continue;
		if (wal_restore_image(b, page, ds) != 0)
		{
			struct diag *d = ds->n > 0 ? &ds->d[ds->n - 1] : NULL;

			if (d != NULL)
			{
				d->lsn = raw->lsn;
				d->has_lsn = 1;
			}
			continue;
		}
		snprintf(path, sizeof(path), "%s/%08X-%08X-%08X.%u.%u.%u.%u_%s", dir,
				 raw->tli, (unsigned) (raw->lsn >> 32), (unsigned) raw->lsn,
				 b->spcoid, b->dboid, b->relnumber, b->blkno,
				 b->fork < 4 ? wal_fork_names[b->fork] : "unknown");
		f = fopen(path, "wb");
		if (f == NULL)
		{
			diag_add(ds, D_OPEN_FAILED, "cannot write %s: %s", path, strerror(errno));
			continue;
		}
		ok = fwrite(page, sizeof(page), 1, f) == 1;
		if (fclose(f) != 0)
			ok = false;
		if (!ok)
			diag_add(ds, D_OPEN_FAILED, "cannot write %s: %s", path, strerror(errno));
	}
}

/*
 * --fpi-verify: each full page image of the record, restored, held to the
 * page header rules (PageIsVerifiedExtended without the checksum: an
 * image's pd_checksum is stale by design, PostgreSQL sets it when it
 * writes the page out).  A new page (pd_upper 0) must be all zeros.  Each
 * finding is said at the block, the record's LSN and the block reference.
 */
static void
verify_fullpages(const struct walrec_raw *raw, const struct walrec *r, struct diags *ds)
{
	static struct diags found;	/* large: not on the stack */
	uint8_t		page[WAL_BLCKSZ];
	int			id,
				i;

	for (id = 0; id <= r->max_block_id; id++)
	{
		const struct walblock *b = &r->blocks[id];

		if (!b->in_use || !b->has_image)
			continue;
		diags_reset(&found);
		wal_verify_image(b, page, &found);
		for (i = 0; i < found.n; i++)
		{
			struct diag *d = diag_add_block(ds, found.d[i].code, b->blkno,
											"full page image of blkref #%d, rel %u/%u/%u fork %s blk %u: %s",
											id, b->spcoid, b->dboid, b->relnumber,
											b->fork < 4 ? wal_fork_names[b->fork] : "?",
											b->blkno, found.d[i].detail);

			if (d != NULL)
			{
				d->lsn = raw->lsn;
				d->has_lsn = 1;
			}
		}
	}
}

/* Read, filter and print; the exit status. */
static int
run(const struct options *o, const struct wal_traits *t, struct segsrc *src,
	struct diags *ds)
{
	struct state st;
	struct walreader_config cfg;
	struct walreader *rd;
	struct walrec_raw raw;
	struct walrec *rec;
	enum walreader_result res;

	st.t = t;
	memset(&cfg, 0, sizeof(cfg));
	cfg.seg_size = src->seg_size;
	cfg.page_size = src->page_size;
	cfg.magic = src->magic;
	cfg.max_rmid = t->max_rmid;
	cfg.custom_rmgrs = t->custom_rmgrs;
	cfg.keep_going = o->keep_going;
	cfg.read_page = read_page;
	cfg.arg = src;
	rd = walreader_create(&cfg);
	rec = malloc(sizeof(*rec));
	if (rd == NULL || rec == NULL)
		return EXIT_TROUBLE;
	walreader_seek(rd, o->start);

	st.o = o;
	st.e = cli_emit_open(o->json);
	st.desc = (struct strbuf) STRBUF_INIT;
	st.blk = (struct strbuf) STRBUF_INIT;
	st.out = (struct strbuf) STRBUF_INIT;
	st.out_err = 0;
	st.seg_name[0] = '\0';
	st.shown = 0;
	st.started = false;
	st.seg_size = src->seg_size;
	st.tli = o->tli ? o->tli : 1;
	st.damage_json = o->json && !o->stats && !o->quiet;
	walstats_init(&st.stats, t->major);

	while ((res = walreader_next(rd, &raw, ds)) != WR_END)
	{
		/* damage, or with WR_RECORD the range -k skipped to reach it */
		report_between(&st, rd, ds);
		if (res == WR_DAMAGE)
			continue;
		st.tli = raw.tli;
		if (o->has_end && raw.end_lsn > o->end)
			break;
		/* pg_waldump's stats start at the first record read, filtered or not */
		if (o->stats && !st.started)
			st.stats.startptr = raw.lsn;
		st.started = true;
		if (walrecord_decode(t, raw.data, raw.len, raw.lsn, rec, ds) != 0)
		{
			report_between(&st, rd, ds);
			continue;
		}
		if (!rmgr_matches(o, rec))
			continue;
		/* the images first: what they show goes into the record's object */
		if (o->save_fullpage != NULL)
			save_fullpages(o->save_fullpage, &raw, rec, ds);
		if (o->fpi_verify)
			verify_fullpages(&raw, rec, ds);
		if (o->stats)
			walstats_add(&st.stats, rec, raw.end_lsn);
		else if (!o->quiet)
			emit_record(&st, &raw, rec, ds);
		if (ds->n > 0 || ds->dropped > 0)
			report(&st, ds);
		st.shown++;
		if (o->limit > 0 && st.shown >= o->limit)
			break;
	}
	/* what ended the reading: a notice, or damage that stops it (after the stats in --stats) */
	if (!o->stats)
		report_between(&st, rd, ds);
	out_flush(&st);
	if (o->stats)
		walstats_emit(&st.stats, st.e, o->stats == 2, o->json);
	cli_report(st.e, NULL, ds);
	if (st.out_err != 0)
	{
		/* as cli_finish() says it of emit's writes */
		fprintf(stderr, "%s: error writing standard output: %s\n", cli_prog(),
				strerror(st.out_err));
		cli_raise(EXIT_TROUBLE);
	}
	walreader_free(rd);
	if (src->in != NULL)
		input_close(src->in);
	src->in = NULL;
	sb_free(&st.desc);
	sb_free(&st.blk);
	sb_free(&st.out);
	free(rec);
	return cli_finish(st.e);
}

/*
 * The major whose layouts the records are read with.  The page magic
 * (XLOG_PAGE_MAGIC) changes with every major whose WAL format changed, so
 * it is what says which layouts a WAL has: -P may not contradict a magic
 * of 10 to 18 (17's records read with 10's layouts are garbage), and is
 * there for a magic no release of 10 to 18 has (a development build, a
 * fork), whose pages are then all held to that first page's magic.
 * NULL if the magic is unknown and -P not given.
 */
static const struct wal_traits *
traits_for(const struct options *o, const char *input, uint16_t magic)
{
	const struct wal_traits *m = wal_traits_by_magic(magic);

	if (o->pg_version == 0)
		return m;
	if (m != NULL && m->major != o->pg_version)
		cli_usage_error("%s: its WAL page magic %04X is PostgreSQL %d's, not %d's: --pg-version only reads a WAL whose magic is unknown",
						input, (unsigned) magic, m->major, o->pg_version);
	return wal_traits_by_major(o->pg_version);
}

/*
 * "-": standard input holds consecutive segments (plain, or gzip'd members
 * one after the other, as "cat *.gz" gives them).  The first page's long
 * header gives the major, the sizes and where the stream starts.
 */
static int
run_stream(struct options *o, const char *start_seg, const char *end_seg)
{
	struct segsrc src;
	struct diags ds;
	struct wal_page_header lh;
	const struct wal_traits *t;
	const uint8_t *p;
	size_t		got;
	int			rc;

	memset(&src, 0, sizeof(src));
	diags_reset(&ds);
	src.stream = true;
	src.in = input_open("-", &ds);
	if (src.in == NULL)
	{
		cli_report(NULL, NULL, &ds);
		return EXIT_TROUBLE;
	}
	p = input_next(src.in, 8192, &got, &ds);
	if (p == NULL || got < 8192)
	{
		if (!input_failed(src.in))
			diag_add(&ds, D_WAL_PAGE_HEADER, "-: too short for a WAL page");
		cli_report(NULL, NULL, &ds);
		input_close(src.in);
		return EXIT_TROUBLE;
	}
	wal_page_header_decode(p, &lh);
	t = (lh.info & XLP_LONG_HEADER) ? traits_for(o, "-", lh.magic) : NULL;
	if (!(lh.info & XLP_LONG_HEADER) || t == NULL || lh.xlog_blcksz != 8192 ||
		lh.seg_size < 1024 * 1024 || lh.seg_size > 1024u * 1024 * 1024 ||
		(lh.seg_size & (lh.seg_size - 1)) != 0)
	{
		fprintf(stderr, "%s: -: not a WAL segment of PostgreSQL 10 to 18 (magic %04X, info %04X)\n",
				cli_prog(), (unsigned) lh.magic, (unsigned) lh.info);
		input_close(src.in);
		return EXIT_TROUBLE;
	}
	src.seg_size = lh.seg_size;
	src.page_size = lh.xlog_blcksz;
	src.magic = lh.magic;
	src.base = lh.pageaddr;
	src.hold = malloc(src.page_size);
	src.prev = malloc(src.page_size);
	if (src.hold == NULL || src.prev == NULL)
	{
		free(src.hold);
		free(src.prev);
		input_close(src.in);
		return EXIT_TROUBLE;
	}
	memcpy(src.hold, p, src.page_size);
	src.hold_ptr = src.base;
	src.prev_ptr = UINT64_MAX;
	if (start_seg != NULL || end_seg != NULL)
	{
		uint32_t	tli;
		uint64_t	segno;

		if (start_seg != NULL)
		{
			if (wal_parse_segment_name(start_seg, src.seg_size, &tli, &segno) != 0)
				cli_usage_error("invalid segment name \"%s\"", start_seg);
			o->start = segno * src.seg_size;
		}
		if (end_seg != NULL)
		{
			if (wal_parse_segment_name(end_seg, src.seg_size, &tli, &segno) != 0)
				cli_usage_error("invalid segment name \"%s\"", end_seg);
			o->end = (segno + 1) * src.seg_size;
		}
	}
	if (!o->has_start || o->start < src.base)
		o->start = src.base;
	if (!o->has_tli)
		o->tli = lh.tli;
	rc = run(o, t, &src, &ds);
	free(src.hold);
	free(src.prev);
	return rc;
}


/*
 * -p DIR STARTSEG [ENDSEG]: a segment named as pg_waldump takes it, the
 * file name (any directory part is DIR's business) of a segment in the
 * listing of DIR (plain, .gz or .partial).  Anything else is an error (2).
 * Returns the name (allocated).
 */
static char *
segment_arg(const char *dir, const char *arg, char **files, size_t nfiles)
{
	const char *name = base_name(arg);
	char		path[4096];
	struct stat sb;
	size_t		i;

	if (looks_like_segment(name))
	{
		for (i = 0; i < nfiles; i++)
			if (strncasecmp(base_name(files[i]), name, 24) == 0)
				return strdup(name);
		fprintf(stderr, "%s: could not open file \"%s\": no such WAL segment in %s or %s/pg_wal\n",
				cli_prog(), name, dir, dir);
		exit(EXIT_TROUBLE);
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (stat(path, &sb) != 0)
	{
		snprintf(path, sizeof(path), "%s/pg_wal/%s", dir, name);
		if (stat(path, &sb) != 0)
		{
			fprintf(stderr, "%s: could not open file \"%s\" in %s or %s/pg_wal: %s\n",
					cli_prog(), name, dir, dir, strerror(errno));
			exit(EXIT_TROUBLE);
		}
	}
	fprintf(stderr, "%s: %s: not a WAL segment file name (TTTTTTTTXXXXXXXXYYYYYYYY[.partial][.gz])\n",
			cli_prog(), path);
	exit(EXIT_TROUBLE);
}

/* mkdir -p: each missing component of path, as pg_mkdir_p does. */
static int
mkdir_p(const char *path)
{
	char		buf[4096];
	size_t		n = strlen(path);

	if (n == 0 || n >= sizeof(buf))
	{
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, n + 1);
	for (size_t i = 1; i <= n; i++)
	{
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0777) != 0 && errno != EEXIST)
			return -1;
		buf[i] = i < n ? '/' : '\0';
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"bkp-details", no_argument, NULL, 'b'},
		{"block", required_argument, NULL, 'B'},
		{"end", required_argument, NULL, 'e'},
		{"fork", required_argument, NULL, 'F'},
		{"json", no_argument, NULL, 'j'},
		{"keep-going", no_argument, NULL, 'k'},
		{"limit", required_argument, NULL, 'n'},
		{"path", required_argument, NULL, 'p'},
		{"pg-version", required_argument, NULL, 'P'},
		{"quiet", no_argument, NULL, 'q'},
		{"rmgr", required_argument, NULL, 'r'},
		{"relation", required_argument, NULL, 'R'},
		{"start", required_argument, NULL, 's'},
		{"timeline", required_argument, NULL, 't'},
		{"fullpage", no_argument, NULL, 'w'},
		{"xid", required_argument, NULL, 'x'},
		{"stats", optional_argument, NULL, 'z'},
		{"save-fullpage", required_argument, NULL, 1000},
		{"fpi-verify", no_argument, NULL, 1001},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct options o;
	struct state st;
	struct segsrc src;
	struct diags ds;
	struct wal_page_header lh;
	char	  **files = NULL;
	size_t		nfiles = 0,
				i;
	int			c,
				rc;
	long		v;
	char	   *start_seg = NULL,
			   *end_seg = NULL,
			   *first_seg = NULL,	/* -p DIR STARTSEG [ENDSEG] */
			   *last_seg = NULL;
	bool		start_is_seg = false,
				end_is_seg = false;
	const char *first_tli_name;

	memset(&o, 0, sizeof(o));
	o.fork = -1;
	cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, "bB:e:F:jkn:p:P:qr:R:s:t:wx:z::Vh", longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'b':
				o.bkp_details = true;
				break;
			case 'B':
				if (cli_parse_int(optarg, 0, UINT32_MAX - 1, &v) != 0)
					cli_usage_error("invalid block number \"%s\"", optarg);
				o.has_block = true;
				o.block = (uint32_t) v;
				break;
			case 'e':
				if (parse_position(optarg, &o.end, &end_is_seg, &end_seg) != 0)
					cli_usage_error("invalid WAL location \"%s\"", optarg);
				o.has_end = true;
				break;
			case 'F':
				for (o.fork = 0; o.fork < 4; o.fork++)
					if (strcmp(optarg, wal_fork_names[o.fork]) == 0)
						break;
				if (o.fork == 4)
					cli_usage_error("invalid fork name \"%s\"", optarg);
				break;
			case 'j':
				o.json = true;
				break;
			case 'k':
				o.keep_going = true;
				break;
			case 'n':
				if (cli_parse_int(optarg, 0, 2147483647L, &o.limit) != 0)
					cli_usage_error("invalid value \"%s\" for option -n/--limit", optarg);
				break;
			case 'p':
				o.path = optarg;
				break;
			case 'P':
				if (cli_parse_int(optarg, 10, 18, &v) != 0)
					cli_usage_error("unsupported PostgreSQL major \"%s\" (10 to 18)", optarg);
				o.pg_version = (int) v;
				break;
			case 'q':
				o.quiet = true;
				break;
			case 'r':
				if (strcmp(optarg, "list") == 0)
					list_rmgrs();
				if (parse_rmgr_list(&o, optarg) != 0)
					cli_usage_error("unknown resource manager in \"%s\" (-r list shows them)", optarg);
				break;
			case 'R':
				{
					unsigned	a,
								b,
								cc;
					int			n = 0;

					if (sscanf(optarg, "%u/%u/%u%n", &a, &b, &cc, &n) != 3 || optarg[n] != '\0')
						cli_usage_error("invalid relation specification \"%s\" (expected T/D/R)", optarg);
					o.has_rel = true;
					o.rel[0] = a;
					o.rel[1] = b;
					o.rel[2] = cc;
				}
				break;
			case 's':
				if (parse_position(optarg, &o.start, &start_is_seg, &start_seg) != 0)
					cli_usage_error("invalid WAL location \"%s\"", optarg);
				o.has_start = true;
				break;
			case 't':
				if (cli_parse_int(optarg, 1, UINT32_MAX, &v) != 0)
					cli_usage_error("invalid timeline \"%s\"", optarg);
				o.tli = (uint32_t) v;
				o.has_tli = true;
				break;
			case 'w':
				o.fullpage = true;
				break;
			case 'x':
				if (cli_parse_int(optarg, 0, UINT32_MAX, &v) != 0)
					cli_usage_error("invalid transaction ID \"%s\"", optarg);
				o.has_xid = true;
				o.xid = (uint32_t) v;
				break;
			case 'z':
				o.stats = 1;
				if (optarg != NULL)
				{
					if (strcmp(optarg, "record") != 0)
						cli_usage_error("invalid value \"%s\" for option -z/--stats", optarg);
					o.stats = 2;
				}
				break;
			case 1000:
				o.save_fullpage = optarg;
				break;
			case 1001:
				o.fpi_verify = true;
				break;
			case 'V':
				cli_print_version();
			case 'h':
				usage();
			default:
				cli_try_help();
		}
	}
	if (o.has_block && !o.has_rel)
		cli_usage_error("option -B/--block requires option -R/--relation");

	diags_reset(&ds);
	memset(&src, 0, sizeof(src));
	rc = EXIT_TROUBLE;
	/* as pg_waldump: the directory is created if missing; one error, not one per image */
	if (o.save_fullpage != NULL &&
		(mkdir_p(o.save_fullpage) != 0 || access(o.save_fullpage, W_OK | X_OK) != 0))
	{
		fprintf(stderr, "%s: %s: cannot write page images there (%s)\n",
				cli_prog(), o.save_fullpage, strerror(errno));
		goto out;
	}
	if (o.path != NULL)
	{
		if (argc - optind > 2)
			cli_usage_error("too many command-line arguments (first is \"%s\")", argv[optind + 2]);
		files = list_dir(o.path, &nfiles);
		if (optind < argc)
			first_seg = segment_arg(o.path, argv[optind], files, nfiles);
		if (optind + 1 < argc)
			last_seg = segment_arg(o.path, argv[optind + 1], files, nfiles);
		if (files == NULL)
		{
			fprintf(stderr, "%s: %s: no WAL segment files found (looked in it and its pg_wal/)\n",
					cli_prog(), o.path);
			goto out;
		}
	}
	else
	{
		if (optind >= argc)
			cli_usage_error("no input files");
		if (strcmp(argv[optind], "-") == 0)
		{
			if (argc - optind > 1)
				cli_usage_error("\"-\" (standard input) must be the only input");
			rc = run_stream(&o, start_is_seg ? start_seg : NULL, end_is_seg ? end_seg : NULL);
			goto out;
		}
		files = calloc((size_t) (argc - optind), sizeof(*files));
		if (files == NULL)
			goto out;
		for (i = 0; i < (size_t) (argc - optind); i++)
		{
			const char *f = argv[optind + (int) i];

			if (!looks_like_segment(base_name(f)))
			{
				FILE	   *fp = fopen(f, "r");

				if (fp == NULL)
				{
					fprintf(stderr, "%s: cannot open (%s: %s)\n", cli_prog(), f, strerror(errno));
					goto out;
				}
				fclose(fp);
				fprintf(stderr, "%s: %s: not a WAL segment file name (TTTTTTTTXXXXXXXXYYYYYYYY[.partial][.gz])\n",
						cli_prog(), f);
				goto out;
			}
			if ((files[nfiles] = strdup(f)) == NULL)
				goto out;
			nfiles++;
		}
		qsort(files, nfiles, sizeof(*files), cmp_names);
	}

	/* the timeline: -t, or that of the first segment */
	if (!o.has_tli)
	{
		first_tli_name = base_name(files[0]);
		o.tli = name_tli(first_tli_name);
		if (start_is_seg)
			o.tli = name_tli(start_seg);
		if (first_seg != NULL)
			o.tli = name_tli(first_seg);
	}

	/*
	 * The sizes and the major from the long header of the first segment of
	 * the timeline that has a readable one (a damaged first page does not
	 * hide the segments after it).
	 */
	st.t = NULL;
	{
		bool		any = false,
					read_one = false;

		for (i = 0; i < nfiles && st.t == NULL; i++)
		{
			if (name_tli(base_name(files[i])) != o.tli)
				continue;
			any = true;
			if (read_long_header(files[i], &lh, &ds) != 0)
			{
				if (ds.worst < SEV_FATAL)
					read_one = true;
				cli_report(NULL, NULL, &ds);
				continue;
			}
			read_one = true;
			st.t = traits_for(&o, files[i], lh.magic);
			if (st.t != NULL &&
				(lh.seg_size < 1024 * 1024 || lh.seg_size > 1024u * 1024 * 1024 ||
				 (lh.seg_size & (lh.seg_size - 1)) != 0 || lh.xlog_blcksz != 8192))
			{
				diag_add(&ds, D_WAL_PAGE_HEADER, "%s: unsupported segment size %u or page size %u",
						 files[i], lh.seg_size, lh.xlog_blcksz);
				cli_report(NULL, NULL, &ds);
				st.t = NULL;
			}
			else if (st.t == NULL)
			{
				diag_add(&ds, D_WAL_PAGE_HEADER,
						 "%s: unknown WAL page magic %04X (not PostgreSQL 10 to 18; try --pg-version)",
						 files[i], (unsigned) lh.magic);
				cli_report(NULL, NULL, &ds);
			}
		}
		if (!any)
		{
			fprintf(stderr, "%s: no WAL segment of timeline %u\n", cli_prog(), o.tli);
			goto out;
		}
		if (st.t == NULL)
		{
			/* damage if a header was read and is bad; 2 if nothing could be read */
			rc = read_one ? EXIT_DAMAGE : EXIT_TROUBLE;
			goto out;
		}
	}
	src.seg_size = lh.seg_size;
	src.page_size = lh.xlog_blcksz;
	src.magic = lh.magic;
	src.tli = o.tli;
	src.keep_going = o.keep_going;
	src.f = calloc(nfiles, sizeof(*src.f));
	if (src.f == NULL)
		goto out;
	for (i = 0; i < nfiles; i++)
	{
		uint32_t	tli;
		uint64_t	segno;

		if (wal_parse_segment_name(base_name(files[i]), src.seg_size, &tli, &segno) != 0 ||
			tli != o.tli)
			continue;
		src.f[src.n].segno = segno;
		src.f[src.n].path = files[i];
		src.f[src.n].rank = suffix_rank(base_name(files[i]));
		/* every FILE is named; with -p, STARTSEG and ENDSEG (below) */
		src.f[src.n].named = o.path == NULL;
		src.n++;
	}
	qsort(src.f, src.n, sizeof(*src.f), cmp_seg);
	{
		/* one file per segment: the complete one before .gz before .partial */
		size_t		j = 0;

		for (i = 0; i < src.n; i++)
			if (j == 0 || src.f[j - 1].segno != src.f[i].segno)
				src.f[j++] = src.f[i];
		src.n = j;
	}
	if (start_is_seg)
	{
		uint32_t	tli;
		uint64_t	segno;

		if (wal_parse_segment_name(start_seg, src.seg_size, &tli, &segno) != 0)
			cli_usage_error("invalid segment name \"%s\"", start_seg);
		o.start = segno * src.seg_size;
	}
	if (end_is_seg)
	{
		uint32_t	tli;
		uint64_t	segno;

		if (wal_parse_segment_name(end_seg, src.seg_size, &tli, &segno) != 0)
			cli_usage_error("invalid segment name \"%s\"", end_seg);
		o.end = (segno + 1) * src.seg_size;
	}
	if (first_seg != NULL)
	{
		/*
		 * As pg_waldump: from STARTSEG to the end of ENDSEG, or of STARTSEG
		 * alone; -s must fall inside STARTSEG, -e may reach further.
		 */
		uint32_t	tli;
		uint64_t	first,
					last;

		if (wal_parse_segment_name(first_seg, src.seg_size, &tli, &first) != 0)
			cli_usage_error("invalid segment name \"%s\"", first_seg);
		last = first;
		if (last_seg != NULL &&
			wal_parse_segment_name(last_seg, src.seg_size, &tli, &last) != 0)
			cli_usage_error("invalid segment name \"%s\"", last_seg);
		if (last < first)
			cli_usage_error("ENDSEG %s is before STARTSEG %s", last_seg, first_seg);
		if (!o.has_start)
		{
			o.start = first * src.seg_size;
			o.has_start = true;
		}
		else if (o.start / src.seg_size != first)
			cli_usage_error("start WAL location %X/%X is not inside file \"%s\"",
							(unsigned) (o.start >> 32), (unsigned) o.start, first_seg);
		if (!o.has_end)
		{
			o.end = (last + 1) * src.seg_size;
			o.has_end = true;
		}
		for (i = 0; i < src.n; i++)
			if (src.f[i].segno == first || src.f[i].segno == last)
				src.f[i].named = true;
	}
	if (!o.has_start)
		o.start = src.f[0].segno * src.seg_size;
	src.end = o.has_end ? o.end : UINT64_MAX;
	if (o.has_end && o.end <= o.start)
		cli_usage_error("end WAL location %X/%X is not after start %X/%X",
						(unsigned) (o.end >> 32), (unsigned) o.end,
						(unsigned) (o.start >> 32), (unsigned) o.start);

	rc = run(&o, st.t, &src, &ds);
out:
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	free(src.f);
	free(src.hold);
	free(start_seg);
	free(end_seg);
	free(first_seg);
	free(last_seg);
	return rc;
}
