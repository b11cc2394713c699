#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

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
sb_printf(struct strbuf *sb, const char *fmt,...)
{
	va_list		ap;
	int			n;
	size_t		room = sb->cap > sb->len ? sb->cap - sb->len : 0;

	va_start(ap, fmt);
	n = vsnprintf(room ? sb->data + sb->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t) n < room)
	{
		sb->len += (size_t) n;
		return;
	}
	if (!reserve(sb, (size_t) n))
		return;
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t) n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t) n;
}

const char *
sb_str(const struct strbuf *sb)
{
	return sb->data != NULL ? sb->data : "";
}
