/*
 * emit: the output layer.  One set of calls, two renderers.
 *
 * A tool describes each record (a page, a WAL record, ...) once, as an
 * object of typed fields, possibly with nested objects and arrays; the JSON
 * renderer writes it as one line of JSON Lines, the text renderer lays it
 * out for people as "key=value" pairs on one line, each element of an array
 * of objects on its own indented line.
 *
 *   struct emit *e = emit_open(EMIT_JSON, stdout);
 *   emit_begin(e);  emit_str(e, "file", name, 0);  emit_uint(e, "blkno", 3, 0);
 *   emit_arr_begin(e, "items", 0);  emit_obj_begin(e, NULL, 0); ... emit_obj_end(e);
 *   emit_arr_end(e);  emit_end(e);
 *   ...
 *   if (emit_close(e) != 0) the writes to stdout failed (errno kept).
 *
 * Output is buffered in the handle and written with fwrite in large pieces;
 * a write error is remembered and reported once by emit_close(), and told
 * at once to the hook emit_on_write_error() sets (the tools' hook, set by
 * cli_emit_open(), reports it and exits 2: with SIGPIPE ignored, a closed
 * "| head" stops the reading at the first failed write).  SIGPIPE is left
 * alone, so "| head" ends the program quietly.  Any byte is escaped
 * correctly in JSON: valid UTF-8 passes through, other bytes >= 0x80 are
 * written as \u00XX (their Latin-1 reading), controls as \n, \t, \u00XX.
 *
 * The flags argument of the field calls tunes the text renderer only,
 * except EF_NOJSON.
 */
#ifndef PGOD_EMIT_H
#define PGOD_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum emit_format { EMIT_TEXT, EMIT_JSON };

#define EF_W(n)		((unsigned) (n) & 0xffu)	/* text: pad the value to n columns */
#define EF_NOTEXT	0x0100u		/* JSON only (context a text line does not need) */
#define EF_NOJSON	0x0200u		/* text only */
#define EF_HEX		0x0400u		/* text: integer as 0x%04x */
#define EF_BARE		0x0800u		/* text: the value without "key=" */
#define EF_LEFT		0x1000u		/* text: pad on the right (default: numbers right-aligned) */

struct emit;

struct emit *emit_open(enum emit_format fmt, FILE *out);
/* Flush and free; 0 if every write succeeded, else the first errno. */
int			emit_close(struct emit *e);
enum emit_format emit_format_of(const struct emit *e);
/* Call fn(errno) on the first failed write of stdout (fn may exit). */
void		emit_on_write_error(struct emit *e, void (*fn) (int err));

void		emit_begin(struct emit *e);
void		emit_end(struct emit *e);

/* key is NULL for the elements of an array. */
void		emit_obj_begin(struct emit *e, const char *key, unsigned flags);
void		emit_obj_end(struct emit *e);
void		emit_arr_begin(struct emit *e, const char *key, unsigned flags);
void		emit_arr_end(struct emit *e);

void		emit_int(struct emit *e, const char *key, int64_t v, unsigned flags);
void		emit_uint(struct emit *e, const char *key, uint64_t v, unsigned flags);
void		emit_bool(struct emit *e, const char *key, bool v, unsigned flags);
void		emit_null(struct emit *e, const char *key, unsigned flags);
void		emit_double(struct emit *e, const char *key, double v, unsigned flags);
void		emit_str(struct emit *e, const char *key, const char *s, unsigned flags);
void		emit_strn(struct emit *e, const char *key, const char *s, size_t n, unsigned flags);
/* An LSN as PostgreSQL prints it: "0/16B3748". */
void		emit_lsn(struct emit *e, const char *key, uint64_t lsn, unsigned flags);
/* Bytes as bytea prints them: "\x0a0b..." */
void		emit_bytea(struct emit *e, const char *key, const uint8_t *b, size_t n, unsigned flags);

/* Text renderer only: a literal piece of text at the current position. */
void		emit_text(struct emit *e, const char *s);

/*
 * A renderer that lays out whole lines itself (pgwal's records: per-field
 * calls cost more than decoding the record) writes them into the same
 * buffer, between objects, so both keep their order and share one write
 * path: emit_room() gives room for n <= EMIT_ROOM_MAX bytes at the end of
 * the buffer, emit_commit() keeps the m <= n written there; emit_raw()
 * appends bytes of any length.  The bytes must be what the field calls
 * would write: the callers' tests prove it.
 */
#define EMIT_ROOM_MAX 4096
char	   *emit_room(struct emit *e, size_t n);
void		emit_commit(struct emit *e, size_t m);
void		emit_raw(struct emit *e, const char *s, size_t n);

/* Write buffered output now (before a diagnostic goes to stderr). */
void		emit_flush(struct emit *e);

#endif
