/*
 * blockreader: the blocks of one relation segment file, numbered as md.c
 * numbers them (the segment number times RELSEG_SIZE, plus the offset).
 */
#include <stdlib.h>

#include "io/blockreader.h"
#include "io/input.h"
#include "page/page.h"

struct blockreader {
	struct input *in;
	struct relfile rf;
	uint32_t	next;			/* absolute number of the next block */
	uint32_t	to;
	size_t		short_len;
	bool		done;
};

struct blockreader *
blockreader_open(const char *path, uint32_t from, uint32_t to, struct diags *ds)
{
	struct blockreader *br = calloc(1, sizeof(*br));

	if (br == NULL)
	{
		diag_add(ds, D_OPEN_FAILED, "%s: out of memory", path);
		return NULL;
	}
	relpath_parse(path, &br->rf);
	br->in = input_open(path, ds);
	if (br->in == NULL)
	{
		free(br);
		return NULL;
	}
	br->next = br->rf.first_block;
	br->to = to;
	if (from > br->next)
	{
		/* never past a segment's end: on a stream that is reading, not seeking */
		uint32_t	skip = from - br->next > RELSEG_SIZE ? RELSEG_SIZE : from - br->next;
		uint64_t	want = (uint64_t) skip * BLCKSZ;
		uint64_t	got = input_skip(br->in, want, ds);

		br->next += (uint32_t) (got / BLCKSZ);
		if (got < want)
			br->done = true;	/* the range starts past the end of the file */
	}
	return br;
}

enum br_result
blockreader_next(struct blockreader *br, const uint8_t **page, uint32_t *blkno,
				 struct diags *ds)
{
	size_t		got;
	const uint8_t *p;

	if (br->done || br->next > br->to)
		return BR_END;
	if (br->next - br->rf.first_block >= RELSEG_SIZE)
	{
		/*
		 * PostgreSQL never writes a segment longer than RELSEG_SIZE blocks:
		 * more is not a relation file (a device, a pipe that never ends, a
		 * concatenation).  Say so if one more byte is there, read no further.
		 */
		br->done = true;
		if (input_next(br->in, 1, &got, ds) != NULL)
			diag_add_block(ds, D_INPUT_TOO_LONG, br->next,
						   "%u blocks; stopped", (unsigned) RELSEG_SIZE);
		return input_failed(br->in) ? BR_ERROR : BR_END;
	}
	p = input_next(br->in, BLCKSZ, &got, ds);
	*blkno = br->next;
	if (p == NULL)
	{
		br->done = true;
		return input_failed(br->in) ? BR_ERROR : BR_END;
	}
	*page = p;
	if (got < BLCKSZ)
	{
		br->done = true;
		br->short_len = got;
		diag_add_block(ds, D_TRUNCATED_BLOCK, br->next,
					   "file ends after %zu of %d bytes", got, BLCKSZ);
		return BR_SHORT;
	}
	if (br->next == UINT32_MAX - 1)
		br->done = true;		/* InvalidBlockNumber is next: stop */
	br->next++;
	return BR_PAGE;
}

const struct relfile *
blockreader_relfile(const struct blockreader *br)
{
	return &br->rf;
}

size_t
blockreader_short_len(const struct blockreader *br)
{
	return br->short_len;
}

void
blockreader_close(struct blockreader *br)
{
	if (br == NULL)
		return;
	input_close(br->in);
	free(br);
}
