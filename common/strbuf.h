/*
 * strbuf: a growable string, PostgreSQL's StringInfo for the rm_desc
 * ports.  Always NUL-terminated; on out of memory it stops growing and
 * remembers the failure (sb->oom) instead of failing each caller.
 *
 *   struct strbuf sb = STRBUF_INIT;  sb_printf(&sb, "off %u", off);  ...
 *   sb_reset(&sb);  (keeps the memory for the next record)   sb_free(&sb);
 */
#ifndef PGOD_STRBUF_H
#define PGOD_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char	   *data;
	size_t		len;
	size_t		cap;
	bool		oom;
};

#define STRBUF_INIT {NULL, 0, 0, false}

void		sb_reset(struct strbuf *sb);
void		sb_free(struct strbuf *sb);
void		sb_putc(struct strbuf *sb, char c);
void		sb_puts(struct strbuf *sb, const char *s);
void		sb_printf(struct strbuf *sb, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
/* The text so far; "" for an empty buffer, never NULL. */
const char *sb_str(const struct strbuf *sb);

#endif
