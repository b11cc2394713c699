/*
 * walsource's pages: read_page for walreader, from consecutive segments on
 * standard input (the last two pages held, as the reader may ask again)
 * or from segment files, judging as it goes whether zeroed or foreign
 * space is the end of the WAL or damage (see walsource.h).  The checks
 * mirror xlogreader.c's XLogReaderValidatePageHeader and pg_waldump's
 * "unexpected pageaddr".
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "wal/walsource_int.h"

/* read_page() for a stream: pages come in order; the reader never goes back. */
static enum walreader_page
read_stream_page(struct walsource *s, uint64_t ptr, const uint8_t **page, struct diags *ds)
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
page_of_this_wal(const struct walsource *s, const uint8_t *p, uint64_t ptr)
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
written_after(struct walsource *s, uint64_t ptr)
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
own_segment_after(const struct walsource *s, size_t i)
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
segment_is_its_name(struct walsource *s, size_t i, const uint8_t *p, struct diags *ds)
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
			 walsource_base_name(s->f[i].path), seg, (unsigned) (h.pageaddr >> 32), (unsigned) h.pageaddr,
			 h.tli, (unsigned) (want >> 32), (unsigned) want, s->tli,
			 s->keep_going ? "" : "; stopped, -k reads on");
	s->has_bad = true;
	s->bad_segno = s->f[i].segno;
	return false;
}

static enum walreader_page
read_file_page(struct walsource *s, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	uint64_t	segno = ptr / s->seg_size;
	uint64_t	off = ptr % s->seg_size;
	const uint8_t *p = NULL;
	size_t		got;

	/* a page of a file found to hold another segment: said once, at its first page */
	if (s->has_bad && segno == s->bad_segno)
	{
		diag_add(ds, D_WAL_PAGE_HEADER, "file %s holds another segment",
				 walsource_base_name(s->f[s->cur].path));
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
enum walreader_page
walsource_read_page(void *arg, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	struct walsource *s = arg;
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
