/*
 * input: one handle per input file: a path, "-" for stdin, gzip'd or not.
 *
 *   struct input *in = input_open(path, &ds);      NULL: D_OPEN_FAILED in ds
 *   input_skip(in, nbytes, &ds);                   seek forward (reads on streams)
 *   while ((p = input_next(in, 8192, &got, &ds)) != NULL) { ... }
 *   input_close(in);
 *
 * Files are opened O_RDONLY, always.  A gzip stream is recognised by its
 * magic bytes (so "x.gz" and a gzip'd stdin both work); everything else is
 * read as it is.  input_next() returns a pointer into the handle's own
 * buffer, valid until the next call; got < want only at the end of the
 * input (a short last piece, which the caller reports as truncated).
 * Memory is one fixed buffer per handle, whatever the input's size.
 */
#ifndef PGOD_INPUT_H
#define PGOD_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"

struct input;

struct input *input_open(const char *path, struct diags *ds);
void		input_close(struct input *in);

/* Next piece of at most want bytes (want <= INPUT_MAX_PIECE); NULL at end or error. */
#define INPUT_MAX_PIECE (1024 * 1024)
const uint8_t *input_next(struct input *in, size_t want, size_t *got,
						  struct diags *ds);

/* Skip n bytes forward; returns bytes actually skipped (< n at end). */
uint64_t	input_skip(struct input *in, uint64_t n, struct diags *ds);

const char *input_path(const struct input *in);	/* as given; "-" for stdin */
bool		input_is_gzip(const struct input *in);
uint64_t	input_offset(const struct input *in);	/* bytes consumed so far */
/* Size when known (plain regular file); -1 otherwise. */
int64_t		input_size(const struct input *in);
/* true once a read error (not end of input) happened */
bool		input_failed(const struct input *in);

/* Read a whole small file (at most max bytes) into a malloc'd buffer. */
uint8_t    *input_slurp(const char *path, size_t max, size_t *len,
						struct diags *ds);

#endif
