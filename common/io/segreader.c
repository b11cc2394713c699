/*
 * segreader: a relation's main fork across its segment files, as md.c
 * finds them (REL, REL.1, ...) and sizes them (mdnblocks).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/blockreader.h"
#include "io/input.h"
#include "page/page.h"
#include "io/relpath.h"
#include "io/segreader.h"

/* The most a segment file holds: PostgreSQL never writes a longer one. */
#define SEGMENT_BYTES ((uint64_t) RELSEG_SIZE * BLCKSZ)

struct segreader {
	char	   *const *files;
	int			n;
	int			cur;			/* index of the open segment, -1 none */
	struct blockreader *br;
	uint32_t	last;			/* block br gave last */
	const uint8_t *page;		/* and its page, NULL if none yet */
};

static int
exists(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Append base[.seg][.gz] to the list if either exists; 1 if found. */
static int
add_segment(const char *base, uint32_t seg, char ***files, int *n, int *cap)
{
	size_t		len = strlen(base) + 16;
	char	   *p = malloc(len);

	if (p == NULL)
		return 0;
	if (seg == 0)
		snprintf(p, len, "%s", base);
	else
		snprintf(p, len, "%s.%u", base, (unsigned) seg);
	if (!exists(p))
	{
		strcat(p, ".gz");
		if (!exists(p))
		{
			free(p);
			return 0;
		}
	}
	if (*n == *cap)
	{
		int			ncap = *cap ? *cap * 2 : 4;
		char	  **nf = realloc(*files, (size_t) ncap * sizeof(char *));

		if (nf == NULL)
		{
			free(p);
			return 0;
		}
		*files = nf;
		*cap = ncap;
	}
	(*files)[(*n)++] = p;
	return 1;
}

int
segreader_siblings(const char *path, char ***files)
{
	struct relfile rf;
	const char *slash = strrchr(path, '/');
	size_t		dirlen = slash ? (size_t) (slash - path) + 1 : 0;
	char	   *base;
	int			n = 0,
				cap = 0;
	uint32_t	seg;

	*files = NULL;
	relpath_parse(path, &rf);
	if (!rf.named)
		return 0;
	base = malloc(dirlen + 16);
	if (base == NULL)
		return 0;
	memcpy(base, path, dirlen);
	snprintf(base + dirlen, 16, "%u", (unsigned) rf.relfilenode);
	for (seg = 0; seg <= UINT32_MAX / RELSEG_SIZE; seg++)
		if (!add_segment(base, seg, files, &n, &cap))
			break;
	free(base);
	return n;
}

void
segreader_free_list(char **files, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

int
segreader_nblocks(char *const *files, int n, uint32_t *nblocks, struct diags *ds)
{
	uint64_t	total = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		struct relfile rf;
		struct input *in;
		uint64_t	bytes = 0;
		int64_t		size;
		size_t		got;

		relpath_parse(files[i], &rf);
		in = input_open(files[i], ds);
		if (in == NULL)
			return -1;
		size = input_is_gzip(in) ? -1 : input_size(in);
		if (size >= 0)
			bytes = (uint64_t) size;
		else
		{
			/* a stream is counted, but no further than a segment holds */
			while (bytes <= SEGMENT_BYTES &&
				   input_next(in, INPUT_MAX_PIECE, &got, ds) != NULL)
				bytes += got;
			if (input_failed(in))
			{
				input_close(in);
				return -1;
			}
		}
		input_close(in);
		if (bytes > SEGMENT_BYTES)
		{
			/* what the block reader will read of it, and say so as it does */
			diag_add_block(ds, D_INPUT_TOO_LONG, rf.first_block + RELSEG_SIZE,
						   "%s: %u blocks; stopped", files[i], (unsigned) RELSEG_SIZE);
			bytes = SEGMENT_BYTES;
		}
		if (bytes >= BLCKSZ && (uint64_t) rf.first_block + bytes / BLCKSZ > total)
			total = (uint64_t) rf.first_block + bytes / BLCKSZ;
	}
	*nblocks = total > UINT32_MAX ? UINT32_MAX : (uint32_t) total;
	return 0;
}

struct segreader *
segreader_open(char *const *files, int n)
{
	struct segreader *sr = calloc(1, sizeof(*sr));

	if (sr == NULL)
		return NULL;
	sr->files = files;
	sr->n = n;
	sr->cur = -1;
	return sr;
}

/* The file whose segment holds blkno, -1 if none. */
static int
segment_of(const struct segreader *sr, uint32_t blkno)
{
	uint32_t	seg = blkno / RELSEG_SIZE;
	int			i;

	for (i = 0; i < sr->n; i++)
	{
		struct relfile rf;

		relpath_parse(sr->files[i], &rf);
		if (rf.segno == seg)
			return i;
	}
	return -1;
}

const uint8_t *
segreader_get(struct segreader *sr, uint32_t blkno, struct diags *ds)
{
	int			want = segment_of(sr, blkno);
	enum br_result r;
	const uint8_t *page;
	uint32_t	b;

	if (want < 0)
		return NULL;
	if (want != sr->cur || (sr->page != NULL && blkno < sr->last))
	{
		if (sr->br != NULL)
			blockreader_close(sr->br);
		sr->br = blockreader_open(sr->files[want], blkno, UINT32_MAX, ds);
		sr->cur = want;
		sr->page = NULL;
		if (sr->br == NULL)
		{
			sr->cur = -1;
			return NULL;
		}
	}
	if (sr->br == NULL)
		return NULL;
	if (sr->page != NULL && sr->last == blkno)
		return sr->page;
	while ((r = blockreader_next(sr->br, &page, &b, ds)) == BR_PAGE)
	{
		sr->last = b;
		sr->page = page;
		if (b == blkno)
			return page;
		if (b > blkno)
			break;
	}
	return NULL;
}

void
segreader_close(struct segreader *sr)
{
	if (sr == NULL)
		return;
	if (sr->br != NULL)
		blockreader_close(sr->br);
	free(sr);
}
