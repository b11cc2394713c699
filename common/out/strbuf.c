/*
 * A growable string, PostgreSQL's StringInfo for the rm_desc ports.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/fmt.h"
#include "out/strbuf.h"

static bool
reserve(struct strbuf *sb, size_t more)
{
	size_t		ncap;
	char	   *nd;

	if (sb->oom)
		return false;
	if (sb->len + more + 1 <= sb->cap)
		return true;
	ncap = sb->cap ? sb->cap : 256;
	while (ncap < sb->len + more + 1)
		ncap *= 2;
	nd = realloc(sb->data, ncap);
	if (nd == NULL)
	{
		sb->oom = true;
		return false;
	}
	sb->data = nd;
	sb->cap = ncap;
	return true;
}

void
sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->data != NULL)
		sb->data[0] = '\0';
}

void
sb_free(struct strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
	sb->oom = false;
}

void
sb_putc(struct strbuf *sb, char c)
{
	if (!reserve(sb, 1))
		return;
	sb->data[sb->len++] = c;
	sb->data[sb->len] = '\0';
}

void
sb_puts(struct strbuf *sb, const char *s)
{
	size_t		n = strlen(s);

	if (!reserve(sb, n))
		return;
	memcpy(sb->data + sb->len, s, n + 1);
	sb->len += n;
}

void
sb_putn(struct strbuf *sb, const char *s, size_t n)
{
	if (!reserve(sb, n))
		return;
	memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void
sb_putu(struct strbuf *sb, uint64_t v)
{
	if (!reserve(sb, FMT_U64_MAX))
		return;
	sb->len += fmt_u64(sb->data + sb->len, v);
	sb->data[sb->len] = '\0';
}

void
sb_puthex(struct strbuf *sb, uint64_t v, int width, bool upper)
{
	if (!reserve(sb, 16))
		return;
	sb->len += fmt_hex(sb->data + sb->len, v, width, upper);
	sb->data[sb->len] = '\0';
}

char *
sb_room(struct strbuf *sb, size_t n)
{
	if (!reserve(sb, n))
		return NULL;
	return sb->data + sb->len;
}

void
sb_advance(struct strbuf *sb, size_t n)
{
	sb->len += n;
	sb->data[sb->len] = '\0';
}

/* One formatted field, padded to width as printf pads it. */
static void
put_field(struct strbuf *sb, const char *sign, const char *s, size_t n,
		  int width, bool left, bool zero)
{
	size_t		sl = strlen(sign);
	size_t		w = width > 0 ? (size_t) width : 0;
	size_t		padn = w > sl + n ? w - sl - n : 0;
	char	   *p;

	if (!reserve(sb, sl + n + padn))
		return;
	p = sb->data + sb->len;
	if (!left && !zero)
	{
		memset(p, ' ', padn);
		p += padn;
	}
	memcpy(p, sign, sl);
	p += sl;
	if (!left && zero)
	{
		memset(p, '0', padn);
		p += padn;
	}
	memcpy(p, s, n);
	p += n;
	if (left)
	{
		memset(p, ' ', padn);
		p += padn;
	}
	sb->len = (size_t) (p - sb->data);
	sb->data[sb->len] = '\0';
}

/*
 * printf for the conversions the description code uses (%d %i %u %x %X %c
 * %s %%, flags '-' and '0', a width, the length modifiers hh h l ll z j t)
 * without the C library's generic machinery; false at anything else, and
 * the caller starts again with vsnprintf.
 */
static bool
fast_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	const char *p = fmt;

	for (;;)
	{
		const char *q = p;
		bool		left = false,
					zero = false;
		int			width = 0,
					lm = 0;
		char		num[FMT_U64_MAX + 1];
		char		conv;

		while (*q != '\0' && *q != '%')
			q++;
		if (q > p)
			sb_putn(sb, p, (size_t) (q - p));
		if (*q == '\0')
			return true;
		q++;
		if (*q == '%')
		{
			sb_putc(sb, '%');
			p = q + 1;
			continue;
		}
		for (;; q++)
		{
			if (*q == '-')
				left = true;
			else if (*q == '0')
				zero = true;
			else
				break;
		}
		if (left)
			zero = false;
		while (*q >= '0' && *q <= '9')
		{
			width = width * 10 + (*q++ - '0');
			if (width > 1024)
				return false;
		}
		if (*q == 'h')
		{
			lm = -1;
			if (*++q == 'h')
			{
				lm = -2;
				q++;
			}
		}
		else if (*q == 'l')
		{
			lm = 1;
			if (*++q == 'l')
			{
				lm = 2;
				q++;
			}
		}
		else if (*q == 'j')
			lm = 2, q++;
		else if (*q == 'z' || *q == 't')
			lm = 3, q++;
		conv = *q++;
		p = q;
		switch (conv)
		{
			case 'd':
			case 'i':
				{
					int64_t		v;
					uint64_t	m;

					if (lm == 3)
						return false;
					if (lm == 2)
						v = va_arg(ap, long long);
					else if (lm == 1)
						v = va_arg(ap, long);
					else
					{
						v = va_arg(ap, int);
						if (lm == -1)
							v = (short) v;
						else if (lm == -2)
							v = (signed char) v;
					}
					m = v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;
					put_field(sb, v < 0 ? "-" : "", num, fmt_u64(num, m), width, left, zero);
					break;
				}
			case 'u':
			case 'x':
			case 'X':
				{
					uint64_t	v;

					if (lm == 3)
						v = va_arg(ap, size_t);
					else if (lm == 2)
						v = va_arg(ap, unsigned long long);
					else if (lm == 1)
						v = va_arg(ap, unsigned long);
					else
					{
						v = va_arg(ap, unsigned int);
						if (lm == -1)
							v = (unsigned short) v;
						else if (lm == -2)
							v = (unsigned char) v;
					}
					put_field(sb, "", num,
							  conv == 'u' ? fmt_u64(num, v) : fmt_hex(num, v, 0, conv == 'X'),
							  width, left, zero);
					break;
				}
			case 'c':
				if (lm != 0 || zero)
					return false;
				num[0] = (char) va_arg(ap, int);
				put_field(sb, "", num, 1, width, left, false);
				break;
			case 's':
				{
					const char *s;

					if (lm != 0 || zero)
						return false;
					s = va_arg(ap, const char *);
					if (s == NULL)
						return false;
					put_field(sb, "", s, strlen(s), width, left, false);
					break;
				}
			default:
				return false;
		}
	}
}

static void
slow_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list		ap2;
	int			n;
	size_t		room = sb->cap > sb->len ? sb->cap - sb->len : 0;

	va_copy(ap2, ap);
	n = vsnprintf(room ? sb->data + sb->len : NULL, room, fmt, ap);
	if (n < 0)
	{
		va_end(ap2);
		return;
	}
	if ((size_t) n < room)
		sb->len += (size_t) n;
	else if (reserve(sb, (size_t) n))
	{
		vsnprintf(sb->data + sb->len, (size_t) n + 1, fmt, ap2);
		sb->len += (size_t) n;
	}
	va_end(ap2);
}

void
sb_printf(struct strbuf *sb, const char *fmt,...)
{
	va_list		ap,
				ap2;
	size_t		start = sb->len;

	if (sb->oom)
		return;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	if (!fast_vprintf(sb, fmt, ap) && !sb->oom)
	{
		/* what the fast path wrote is dropped: vsnprintf does all of it */
		sb->len = start;
		if (sb->data != NULL)
			sb->data[start] = '\0';
		slow_vprintf(sb, fmt, ap2);
	}
	va_end(ap2);
	va_end(ap);
}

const char *
sb_str(const struct strbuf *sb)
{
	return sb->data != NULL ? sb->data : "";
}
