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
#include <stdint.h>

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
void		sb_putn(struct strbuf *sb, const char *s, size_t n);
/* v in decimal, as %llu */
void		sb_putu(struct strbuf *sb, uint64_t v);
/* v in hexadecimal, zero-padded to width digits: %0*llX (upper) or %0*llx */
void		sb_puthex(struct strbuf *sb, uint64_t v, int width, bool upper);
/*
 * Room for n more bytes at the end (NULL when out of memory); write at
 * most n there, then sb_advance() by what was written.
 */
char	   *sb_room(struct strbuf *sb, size_t n);
void		sb_advance(struct strbuf *sb, size_t n);
/*
 * printf into sb.  The common conversions (%d %u %x %X %c %s, '-', '0',
 * width, length modifiers) are formatted here, fast; anything else goes
 * to vsnprintf.  The text is the C library's either way.
 */
void		sb_printf(struct strbuf *sb, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
/* The text so far; "" for an empty buffer, never NULL. */
const char *sb_str(const struct strbuf *sb);

#endif
