/*
 * copyout: values written as PostgreSQL's COPY TO writes them
 * (commands/copyto.c, copy.c before 14; the same rules in 10..18), with
 * the defaults: text format (tab delimiter, NULL as \N) and CSV (comma,
 * double quote, NULL as an empty unquoted field, a header of column names).
 *
 *   struct strbuf line = STRBUF_INIT;
 *   for each column i: copyout_field(&line, fmt, i, value_or_NULL, len, ncols);
 *   copyout_end(&line);      '\n'
 *
 * Text: a backslash and the delimiter are backslashed; \b \f \n \r \t \v
 * are written in their C-like notation; other control bytes pass as they
 * are (CopyAttributeOutText).  CSV: a value is quoted when it holds the
 * delimiter, the quote, \n or \r, when it is empty (it would read as
 * NULL), or when it is \. alone in a one-column row; inside quotes a quote
 * is doubled (CopyAttributeOutCSV).  The server's encoding is the file's
 * (UTF-8 or any encoding that never embeds ASCII), so no transcoding.
 *
 * Pure: appends to the caller's strbuf.
 */
#ifndef PGOD_COPYOUT_H
#define PGOD_COPYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "out/strbuf.h"

enum copyout_format {
	COPYOUT_TEXT,				/* COPY ... TO STDOUT */
	COPYOUT_CSV					/* COPY ... TO STDOUT WITH (FORMAT csv, HEADER) */
};

/*
 * Field i (0-based) of a row of ncols: its delimiter first unless i is 0,
 * then s (n bytes), or NULL for SQL NULL.  The header's fields are the
 * column names, written the same way.
 */
void		copyout_field(struct strbuf *out, enum copyout_format f, int i,
						  const char *s, size_t n, int ncols);

/* The end of a row. */
void		copyout_end(struct strbuf *out);

#endif
