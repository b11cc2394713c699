/*
 * libFuzzer target: the input layer (io/input.c): a file read as the
 * tools read every input, gzip recognised by its magic bytes and
 * inflated through zlib, in pieces of a chosen size with skips between
 * them, then the same file slurped whole with a bound.  A gzip stream
 * cut short, with a bad CRC or trailing garbage must end in a finding,
 * never a read past the handle's buffer.
 *
 * Input: byte 0 the piece size (1 << (b % 21): 1 byte .. 1 MiB), byte 1
 * the skip between pieces (0 .. 255 * 97 bytes), then the file's bytes,
 * written to a temporary file for each run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/input.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void
cleanup(void)
{
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags ds;
	struct input *in;
	FILE	   *f;
	size_t		want,
				got,
				total = 0,
				len;
	uint64_t	skip;
	uint8_t    *all;
	const uint8_t *p;

	if (size < 2)
		return 0;
	if (path[0] == '\0')
	{
		int			fd;

		snprintf(path, sizeof(path), "/tmp/fuzz_input.XXXXXX");
		if ((fd = mkstemp(path)) < 0)
			abort();
		close(fd);
		atexit(cleanup);
	}
	want = (size_t) 1 << (data[0] % 21);
	skip = (uint64_t) data[1] * 97;
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data + 2, 1, size - 2, f) != size - 2 || fclose(f) != 0)
		abort();

	diags_reset(&ds);
	in = input_open(path, &ds);
	if (in == NULL)
		abort();				/* the file is there: opening cannot fail */
	(void) input_is_gzip(in);
	(void) input_size(in);
	while ((p = input_next(in, want, &got, &ds)) != NULL)
	{
		if (got > want)
			abort();
		/* every byte handed out must be readable */
		if (got > 0)
			total += p[0] + p[got - 1];
		/* a small gzip stream may stand for gigabytes: reading them all
		 * is the tools' job, not a finding; the first 4 MiB tell */
		if (input_offset(in) > (4u << 20))
			break;
		if (skip)
			(void) input_skip(in, skip, &ds);
		if (ds.n > 8)
			diags_reset(&ds);
	}
	(void) input_offset(in);
	(void) input_failed(in);
	input_close(in);

	diags_reset(&ds);
	all = input_slurp(path, 1 + size / 2, &len, &ds);
	if (all != NULL && len > 1 + size / 2)
		abort();
	free(all);
	return (int) (total & 0);
}
