/*
 * fmt: integers as text without printf, for the hot output paths (one
 * WAL record line is a dozen numbers; printf's generic machinery costs
 * more than the record's decoding).  Each writes into out, which must have
 * room for the longest result (FMT_U64_MAX, FMT_LSN_MAX), adds no NUL and
 * returns the number of bytes written.  The results are exactly those of
 * the printf conversion named in each comment.
 *
 *   char b[FMT_LSN_MAX];  size_t n = fmt_lsn_waldump(b, lsn);   "0/16B3748" as %X/%08X
 */
#ifndef PGOD_FMT_H
#define PGOD_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FMT_U64_MAX 20			/* 18446744073709551615 */
#define FMT_LSN_MAX 17			/* FFFFFFFF/FFFFFFFF */

/* %llu */
size_t		fmt_u64(char *out, uint64_t v);
/* %lld */
size_t		fmt_i64(char *out, int64_t v);
/* %0*llX (upper) or %0*llx: at least width digits, zero-padded (width <= 16) */
size_t		fmt_hex(char *out, uint64_t v, int width, bool upper);
/* "%X/%X": the LSN as PostgreSQL's LSN_FORMAT_ARGS prints it */
size_t		fmt_lsn_pg(char *out, uint64_t lsn);
/* "%X/%08X": the LSN as pg_waldump prints it */
size_t		fmt_lsn_waldump(char *out, uint64_t lsn);

/*
 * True if the n bytes are all in 0x20..0x7F and none is '"' or '\\': emit's
 * JSON renderer then writes them as they are, between quotes, and a fast
 * path may skip the escaper.  False for a NUL, and for any byte from 0x80
 * (valid UTF-8, which emit passes through, is left to emit).
 */
bool		fmt_json_plain(const char *s, size_t n);

/*
 * Cursor forms for hand-laid lines (pgwal's records, block references):
 * each writes at p, which must have room, and returns the byte after.
 */
static inline char *
fmt_put(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

#define FMT_PUT_LIT(p, lit) fmt_put((p), (lit), sizeof(lit) - 1)

static inline char *
fmt_put_str(char *p, const char *s)
{
	return fmt_put(p, s, strlen(s));
}

static inline char *
fmt_put_u(char *p, uint64_t v)
{
	return p + fmt_u64(p, v);
}

#endif
