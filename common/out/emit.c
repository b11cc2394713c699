/*
 * The output layer: one set of calls, a text and a JSON Lines renderer,
 * buffered stdout with one error path.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/emit.h"
#include "out/fmt.h"

#define EMIT_BUF (64 * 1024)
#define EMIT_DEPTH 16

/* What is open at each nesting level. */
struct level {
	bool		is_array;
	bool		objs_on_lines;	/* text: an array whose objects take a line each */
	bool		suppressed;		/* not rendered in this format */
	int			count;			/* members written so far */
};

struct emit {
	enum emit_format fmt;
	FILE	   *out;
	int			err;			/* first errno of a failed write */
	void		(*on_error) (int err);	/* told of the first failed write */
	size_t		len;
	int			depth;			/* 0 = top-level object open */
	int			suppress_depth; /* >0: inside a suppressed container */
	struct level lv[EMIT_DEPTH];
	char		buf[EMIT_BUF];
};

struct emit *
emit_open(enum emit_format fmt, FILE *out)
{
	struct emit *e = calloc(1, sizeof(*e));

	if (e == NULL)
		return NULL;
	e->fmt = fmt;
	e->out = out;
	e->depth = -1;
	return e;
}

enum emit_format
emit_format_of(const struct emit *e)
{
	return e->fmt;
}

void
emit_on_write_error(struct emit *e, void (*fn) (int err))
{
	e->on_error = fn;
}

/*
 * The first failed write: remembered for emit_close(), and told at once
 * to the hook, so that a reader of "| head" gone (EPIPE with SIGPIPE
 * ignored) stops the tool instead of letting it read on to the end.
 */
static void
write_failed(struct emit *e)
{
	e->err = errno ? errno : EIO;
	if (e->on_error != NULL)
		e->on_error(e->err);
}

/* n bytes to the stream, unless an earlier write failed. */
static void
out_write(struct emit *e, const char *s, size_t n)
{
	if (e->err != 0 || n == 0)
		return;
	errno = 0;
	if (fwrite(s, 1, n, e->out) != n)
		write_failed(e);
}

void
emit_flush(struct emit *e)
{
	out_write(e, e->buf, e->len);
	e->len = 0;
	if (e->err == 0)
	{
		errno = 0;
		if (fflush(e->out) != 0)
			write_failed(e);
	}
}

int
emit_close(struct emit *e)
{
	int			err;

	if (e == NULL)
		return ENOMEM;
	emit_flush(e);
	if (e->err == 0 && ferror(e->out))
		e->err = EIO;
	err = e->err;
	free(e);
	return err;
}

static void
put(struct emit *e, const char *s, size_t n)
{
	if (e->len + n > EMIT_BUF)
	{
		out_write(e, e->buf, e->len);
		e->len = 0;
		if (n > EMIT_BUF)
		{
			out_write(e, s, n);
			return;
		}
	}
	memcpy(e->buf + e->len, s, n);
	e->len += n;
}

char *
emit_room(struct emit *e, size_t n)
{
	if (n > EMIT_ROOM_MAX)
		return NULL;
	if (e->len + n > EMIT_BUF)
	{
		out_write(e, e->buf, e->len);
		e->len = 0;
	}
	return e->buf + e->len;
}

void
emit_commit(struct emit *e, size_t m)
{
	e->len += m;
}

void
emit_raw(struct emit *e, const char *s, size_t n)
{
	put(e, s, n);
}

static void
putc1(struct emit *e, char c)
{
	if (e->len + 1 > EMIT_BUF)
		put(e, &c, 1);
	else
		e->buf[e->len++] = c;
}

static void
puts0(struct emit *e, const char *s)
{
	put(e, s, strlen(s));
}

static void
pad(struct emit *e, size_t n)
{
	while (n-- > 0)
		putc1(e, ' ');
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t		len,
				i;
	uint32_t	cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates, beyond U+10FFFF */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		(cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

static void
put_json_string(struct emit *e, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *) str;
	size_t		i = 0,
				run = 0;

	putc1(e, '"');
	while (i < n)
	{
		unsigned char c = s[i];
		size_t		l;

		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80)
		{
			i++;
			run++;
			continue;
		}
		if (run)
			put(e, str + i - run, run);
		run = 0;
		if (c >= 0x80 && (l = utf8_seq(s + i, n - i)) > 1)
		{
			put(e, str + i, l);
			i += l;
			continue;
		}
		switch (c)
		{
			case '"': put(e, "\\\"", 2); break;
			case '\\': put(e, "\\\\", 2); break;
			case '\n': put(e, "\\n", 2); break;
			case '\t': put(e, "\\t", 2); break;
			case '\r': put(e, "\\r", 2); break;
			case '\b': put(e, "\\b", 2); break;
			case '\f': put(e, "\\f", 2); break;
			default:
				{
					char		u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};

					put(e, u, 6);
				}
		}
		i++;
	}
	if (run)
		put(e, str + n - run, run);
	putc1(e, '"');
}

/*
 * Text: bytes that would break a line or the terminal are shown escaped
 * (\n, \xNN); everything else, valid UTF-8 included, as it is.
 */
static void
put_text_string(struct emit *e, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *) str;
	size_t		i = 0;

	while (i < n)
	{
		unsigned char c = s[i];
		size_t		l;

		if (c >= 0x20 && c < 0x7f)
		{
			putc1(e, (char) c);
			i++;
		}
		else if (c >= 0x80 && (l = utf8_seq(s + i, n - i)) > 1)
		{
			put(e, str + i, l);
			i += l;
		}
		else
		{
			char		x[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};

			if (c == '\n')
				put(e, "\\n", 2);
			else if (c == '\t')
				put(e, "\\t", 2);
			else
				put(e, x, 4);
			i++;
		}
	}
}

static bool
skipped(struct emit *e, unsigned flags)
{
	if (e->suppress_depth > 0)
		return true;
	if (e->fmt == EMIT_JSON)
		return (flags & EF_NOJSON) != 0;
	return (flags & EF_NOTEXT) != 0;
}

/*
 * Start a member: separators, and the key.  Text puts a space between
 * members and "key=" before the value unless EF_BARE.
 */
static void
member(struct emit *e, const char *key, unsigned flags)
{
	struct level *l = &e->lv[e->depth];

	if (e->fmt == EMIT_JSON)
	{
		if (l->count++ > 0)
			putc1(e, ',');
		if (!l->is_array && key != NULL)
		{
			put_json_string(e, key, strlen(key));
			putc1(e, ':');
		}
		return;
	}
	if (l->is_array)
	{
		if (l->count++ > 0)
			putc1(e, ',');
		return;
	}
	if (l->count++ > 0)
		putc1(e, ' ');
	if (key != NULL && !(flags & EF_BARE))
	{
		puts0(e, key);
		putc1(e, '=');
	}
}

/* Write a scalar already formatted as text; JSON strings get quoted. */
static void
scalar(struct emit *e, const char *key, const char *v, size_t n,
	   unsigned flags, bool json_quote, bool is_number)
{
	size_t		w = EF_W(flags);

	if (e->depth < 0 || skipped(e, flags))
		return;
	member(e, key, flags);
	if (e->fmt == EMIT_JSON)
	{
		if (json_quote)
			put_json_string(e, v, n);
		else
			put(e, v, n);
		return;
	}
	if (w > n && is_number && !(flags & EF_LEFT))
		pad(e, w - n);
	put_text_string(e, v, n);
	if (w > n && !(is_number && !(flags & EF_LEFT)))
		pad(e, w - n);
}

void
emit_begin(struct emit *e)
{
	e->depth = 0;
	e->suppress_depth = 0;
	memset(&e->lv[0], 0, sizeof(e->lv[0]));
	if (e->fmt == EMIT_JSON)
		putc1(e, '{');
}

void
emit_end(struct emit *e)
{
	if (e->fmt == EMIT_JSON)
		putc1(e, '}');
	putc1(e, '\n');
	e->depth = -1;
}

static void
open_container(struct emit *e, const char *key, unsigned flags, bool array)
{
	struct level *parent,
			   *l;

	if (e->depth < 0 || e->depth + 1 >= EMIT_DEPTH)
		return;
	parent = &e->lv[e->depth];
	if (skipped(e, flags))
	{
		e->suppress_depth++;
		return;
	}
	l = &e->lv[e->depth + 1];
	memset(l, 0, sizeof(*l));
	l->is_array = array;
	if (e->fmt == EMIT_JSON)
	{
		member(e, key, flags);
		putc1(e, array ? '[' : '{');
	}
	else if (parent->is_array && parent->objs_on_lines && !array)
	{
		/* an object in an array of objects: its own indented line */
		parent->count++;
		putc1(e, '\n');
		pad(e, (size_t) e->depth * 2);
	}
	else
	{
		member(e, key, flags);
		/* arrays of scalars read as {a,b}; arrays of objects break lines */
		if (array)
		{
			l->objs_on_lines = (flags & EF_BARE) == 0 && key != NULL &&
				(flags & EF_LEFT) == 0;
			if (!l->objs_on_lines)
				putc1(e, '{');
		}
		else
			putc1(e, '{');
	}
	e->depth++;
}

static void
close_container(struct emit *e, bool array)
{
	struct level *l;

	if (e->suppress_depth > 0)
	{
		e->suppress_depth--;
		return;
	}
	if (e->depth <= 0)
		return;
	l = &e->lv[e->depth];
	if (e->fmt == EMIT_JSON)
		putc1(e, array ? ']' : '}');
	else if (array)
	{
		if (!l->objs_on_lines)
			putc1(e, '}');
	}
	else if (!(e->depth >= 1 && e->lv[e->depth - 1].is_array &&
			   e->lv[e->depth - 1].objs_on_lines))
		putc1(e, '}');
	e->depth--;
}

void
emit_obj_begin(struct emit *e, const char *key, unsigned flags)
{
	open_container(e, key, flags, false);
}

void
emit_obj_end(struct emit *e)
{
	close_container(e, false);
}

/*
 * In text, an array opened with a key lays its object elements one per
 * line; EF_LEFT or EF_BARE on the array keeps it inline as {a,b,c}.
 */
void
emit_arr_begin(struct emit *e, const char *key, unsigned flags)
{
	open_container(e, key, flags, true);
}

void
emit_arr_end(struct emit *e)
{
	close_container(e, true);
}

void
emit_uint(struct emit *e, const char *key, uint64_t v, unsigned flags)
{
	char		b[32];
	size_t		n;

	if (e->fmt == EMIT_TEXT && (flags & EF_HEX))
		n = (size_t) snprintf(b, sizeof(b), "0x%04" PRIx64, v);
	else
		n = fmt_u64(b, v);
	scalar(e, key, b, n, flags, false, true);
}

void
emit_int(struct emit *e, const char *key, int64_t v, unsigned flags)
{
	char		b[32];
	size_t		n;

	if (e->fmt == EMIT_TEXT && (flags & EF_HEX))
	{
		/* a sign and the magnitude: two's complement of 64 bits helps nobody */
		uint64_t	m = v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;

		n = (size_t) snprintf(b, sizeof(b), "%s0x%04" PRIx64, v < 0 ? "-" : "", m);
	}
	else
		n = fmt_i64(b, v);
	scalar(e, key, b, n, flags, false, true);
}

void
emit_bool(struct emit *e, const char *key, bool v, unsigned flags)
{
	if (e->fmt == EMIT_JSON)
		scalar(e, key, v ? "true" : "false", v ? 4 : 5, flags, false, false);
	else
		scalar(e, key, v ? "t" : "f", 1, flags, false, false);
}

void
emit_null(struct emit *e, const char *key, unsigned flags)
{
	scalar(e, key, "null", 4, flags, false, false);
}

void
emit_double(struct emit *e, const char *key, double v, unsigned flags)
{
	char		b[40];
	int			n;

	/* the shortest form costs a dozen conversions: not for a field not shown */
	if (e->depth < 0 || skipped(e, flags))
		return;
	if (!isfinite(v))
	{
		/* JSON has no NaN or infinity: say so as a string */
		const char *s = isnan(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity");

		scalar(e, key, s, strlen(s), flags, true, false);
		return;
	}
	n = snprintf(b, sizeof(b), "%.17g", v);
	/* prefer the shortest form that reads back exactly */
	for (int prec = 1; prec < 17; prec++)
	{
		char		t[40];
		int			m = snprintf(t, sizeof(t), "%.*g", prec, v);

		if (strtod(t, NULL) == v)
		{
			memcpy(b, t, (size_t) m + 1);
			n = m;
			break;
		}
	}
	scalar(e, key, b, (size_t) n, flags, false, true);
}

void
emit_strn(struct emit *e, const char *key, const char *s, size_t n, unsigned flags)
{
	scalar(e, key, s, n, flags | (e->fmt == EMIT_TEXT ? EF_LEFT : 0), true, false);
}

void
emit_str(struct emit *e, const char *key, const char *s, unsigned flags)
{
	if (s == NULL)
		emit_null(e, key, flags);
	else
		emit_strn(e, key, s, strlen(s), flags);
}

void
emit_lsn(struct emit *e, const char *key, uint64_t lsn, unsigned flags)
{
	char		b[FMT_LSN_MAX];
	size_t		n = fmt_lsn_pg(b, lsn);

	scalar(e, key, b, n, flags | EF_LEFT, true, false);
}

void
emit_bytea(struct emit *e, const char *key, const uint8_t *bytes, size_t n,
		   unsigned flags)
{
	static const char hex[] = "0123456789abcdef";
	char		chunk[512];
	size_t		i,
				c = 0;

	if (e->depth < 0 || skipped(e, flags))
		return;
	member(e, key, flags);
	if (e->fmt == EMIT_JSON)
		put(e, "\"\\\\x", 4);
	else
		put(e, "\\x", 2);
	for (i = 0; i < n; i++)
	{
		chunk[c++] = hex[bytes[i] >> 4];
		chunk[c++] = hex[bytes[i] & 15];
		if (c == sizeof(chunk))
		{
			put(e, chunk, c);
			c = 0;
		}
	}
	put(e, chunk, c);
	if (e->fmt == EMIT_JSON)
		putc1(e, '"');
}

void
emit_text(struct emit *e, const char *s)
{
	if (e->fmt == EMIT_TEXT && e->suppress_depth == 0)
		puts0(e, s);
}
