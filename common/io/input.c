/*
 * One input handle: a path, "-" for stdin, gzip read through zlib;
 * read-only, 64-bit offsets, bounded buffers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "io/input.h"

/*
 * The buffer holds at least one maximal piece plus room to keep the tail of
 * the previous read; reads from the kernel are large so that checksumming
 * a relation runs near memory speed.  It is sized at the first read, never
 * larger than the input needs: a regular file smaller than INPUT_BUF gets
 * its own size, so opening thousands of small files (a cluster's catalogs,
 * a fuzzer's inputs) costs no 2 MiB each.  A gzip stream or a pipe keeps
 * INPUT_BUF: a whole 1 MB WAL segment is then inflated in one read, so a
 * corrupt stream is reported at the segment's first page rather than as
 * garbage pages handed on before zlib notices.
 */
#define INPUT_BUF (2 * INPUT_MAX_PIECE)

struct input {
	char	   *path;
	int			fd;
	gzFile		gz;			/* non-NULL for gzip streams */
	bool		failed;
	bool		eof;
	int64_t		size;
	uint64_t	offset;		/* bytes handed out or skipped */
	size_t		start;		/* first unconsumed byte in buf */
	size_t		end;		/* one past the last valid byte in buf */
	size_t		cap;		/* bytes allocated at buf; 0 before the first read */
	uint8_t    *buf;
};

static ssize_t
raw_read(struct input *in, void *dst, size_t n, struct diags *ds)
{
	ssize_t		r;

	if (in->gz != NULL)
	{
		int			errnum;

		r = gzread(in->gz, dst, (unsigned) n);
		if (r < 0)
		{
			const char *msg = gzerror(in->gz, &errnum);

			diag_add(ds, errnum == Z_ERRNO ? D_READ_FAILED : D_GZIP_ERROR,
					 "%s: %s", in->path,
					 errnum == Z_ERRNO ? strerror(errno) : msg);
			in->failed = true;
			return -1;
		}
		/*
		 * zlib ends a stream cut short (inside the data, the trailer or even
		 * the header) as a plain end of file, with Z_BUF_ERROR left behind.
		 */
		if (r == 0 && (!gzeof(in->gz) ||
					   (gzerror(in->gz, &errnum), errnum == Z_BUF_ERROR)))
		{
			diag_add(ds, D_GZIP_ERROR, "%s: unexpected end of compressed data", in->path);
			in->failed = true;
			return -1;
		}
		return r;
	}
	do
		r = read(in->fd, dst, n);
	while (r < 0 && errno == EINTR);
	if (r < 0)
	{
		diag_add(ds, D_READ_FAILED, "%s: %s", in->path, strerror(errno));
		in->failed = true;
	}
	return r;
}

struct input *
input_open(const char *path, struct diags *ds)
{
	struct input *in;
	unsigned char magic[2];
	struct stat st;
	bool		is_stdin = strcmp(path, "-") == 0;

	in = calloc(1, sizeof(*in));
	if (in == NULL || (in->path = strdup(path)) == NULL)
	{
		diag_add(ds, D_OPEN_FAILED, "%s: out of memory", path);
		goto fail;
	}
	in->size = -1;
	in->fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (in->fd < 0)
	{
		diag_add(ds, D_OPEN_FAILED, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode))
	{
		diag_add(ds, D_OPEN_FAILED, "%s: is a directory", path);
		goto fail;
	}
	if (is_stdin || !S_ISREG(st.st_mode) ||
		pread(in->fd, magic, 2, 0) != 2 || magic[0] != 0x1f || magic[1] != 0x8b)
	{
		if (!is_stdin && S_ISREG(st.st_mode))
		{
			in->size = st.st_size;
			return in;
		}
		/* a stream: let zlib sniff it, it passes plain bytes through */
	}
	in->gz = gzdopen(dup(in->fd), "rb");
	if (in->gz == NULL)
	{
		diag_add(ds, D_OPEN_FAILED, "%s: cannot start gzip reader", path);
		goto fail;
	}
	gzbuffer(in->gz, 256 * 1024);
	return in;

fail:
	input_close(in);
	return NULL;
}

void
input_close(struct input *in)
{
	if (in == NULL)
		return;
	if (in->gz != NULL)
		gzclose_r(in->gz);
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	free(in->buf);
	free(in->path);
	free(in);
}

/*
 * The capacity a read of want bytes needs (want <= INPUT_MAX_PIECE): see
 * INPUT_BUF.  One byte more than a regular file's size lets the read that
 * finds its end be the same call.
 */
static size_t
capacity_for(const struct input *in, size_t want)
{
	size_t		cap = INPUT_BUF;

	if (in->gz == NULL && in->size >= 0 && (uint64_t) in->size < INPUT_BUF)
		cap = (size_t) in->size + 1;
	if (cap < want)
		cap = want;
	return cap > INPUT_BUF ? INPUT_BUF : cap;
}

/* Make at least want bytes available from start, if the input has them. */
static void
fill(struct input *in, size_t want, struct diags *ds)
{
	size_t		cap;

	if (in->end - in->start >= want || in->eof || in->failed)
		return;
	cap = capacity_for(in, want);
	if (cap > in->cap)
	{
		uint8_t    *nb = realloc(in->buf, cap);

		if (nb == NULL)
		{
			diag_add(ds, D_READ_FAILED, "%s: out of memory", in->path);
			in->failed = true;
			return;
		}
		in->buf = nb;
		in->cap = cap;
	}
	if (in->start > 0)
	{
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	while (in->end < want && !in->eof && !in->failed)
	{
		/* read as much as fits, in one call when we can */
		ssize_t		r = raw_read(in, in->buf + in->end, in->cap - in->end, ds);

		if (r < 0)
			break;
		if (r == 0)
			in->eof = true;
		in->end += (size_t) r;
	}
}

const uint8_t *
input_next(struct input *in, size_t want, size_t *got, struct diags *ds)
{
	const uint8_t *p;
	size_t		n;

	*got = 0;
	if (want == 0 || want > INPUT_MAX_PIECE)
		return NULL;
	fill(in, want, ds);
	n = in->end - in->start;
	if (n == 0)
		return NULL;
	if (n > want)
		n = want;
	p = in->buf + in->start;
	in->start += n;
	in->offset += n;
	*got = n;
	return p;
}

uint64_t
input_skip(struct input *in, uint64_t n, struct diags *ds)
{
	uint64_t	done = 0;
	size_t		have = in->end - in->start;

	if (have >= n)
	{
		in->start += (size_t) n;
		in->offset += n;
		return n;
	}
	in->start = in->end = 0;
	done = have;
	if (in->gz == NULL && in->size >= 0)
	{
		/* a regular file: seek, no reading; never past its end (nor wrap) */
		uint64_t	end = (uint64_t) in->size > in->offset ?
			(uint64_t) in->size : in->offset;
		uint64_t	pos = n > end - in->offset ? end : in->offset + n;

		if (lseek(in->fd, (off_t) pos, SEEK_SET) < 0)
		{
			diag_add(ds, D_READ_FAILED, "%s: %s", in->path, strerror(errno));
			in->failed = true;
			return done;
		}
		done = pos - in->offset;
		in->offset = pos;
		if (pos == end)
			in->eof = true;
		return done;
	}
	in->offset += done;
	while (done < n)
	{
		size_t		got;
		uint64_t	left = n - done;

		if (input_next(in, left > INPUT_MAX_PIECE ? INPUT_MAX_PIECE : (size_t) left,
					   &got, ds) == NULL)
			break;
		done += got;
	}
	return done;
}

const char *
input_path(const struct input *in)
{
	return in->path;
}

bool
input_is_gzip(const struct input *in)
{
	return in->gz != NULL && gzdirect(in->gz) == 0;
}

uint64_t
input_offset(const struct input *in)
{
	return in->offset;
}

int64_t
input_size(const struct input *in)
{
	return in->size;
}

bool
input_failed(const struct input *in)
{
	return in->failed;
}

uint8_t *
input_slurp(const char *path, size_t max, size_t *len, struct diags *ds)
{
	struct input *in = input_open(path, ds);
	uint8_t    *out;
	size_t		n = 0,
				got;
	const uint8_t *p;

	*len = 0;
	if (in == NULL)
		return NULL;
	out = malloc(max + 1);
	if (out == NULL)
	{
		input_close(in);
		return NULL;
	}
	while (n < max && (p = input_next(in, max - n > INPUT_MAX_PIECE ?
										INPUT_MAX_PIECE : max - n, &got, ds)) != NULL)
	{
		memcpy(out + n, p, got);
		n += got;
	}
	if (input_failed(in))
	{
		input_close(in);
		free(out);
		return NULL;
	}
	input_close(in);
	out[n] = '\0';
	*len = n;
	return out;
}
