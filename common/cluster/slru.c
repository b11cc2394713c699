/*
 * SLRU segment pages read from disk with a small LRU cache: the file layout
 * of src/backend/access/transam/slru.c (SlruFileName, SLRU_PAGES_PER_SEGMENT).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cluster/slru.h"
#include "io/input.h"
#include "out/diag.h"

#define SLRU_MAX_SEGMENTS	(1u << 17)	/* > 0x14078, members' last segment */

struct slot {
	uint32_t	pageno;
	bool		used;			/* holds pageno's answer */
	bool		missing;		/* no segment file at all */
	size_t		len;			/* bytes of the page on disk */
	uint64_t	stamp;			/* last use, for the LRU */
	uint8_t		data[SLRU_PAGE_SIZE];
};

struct slru {
	char	   *dir;
	uint64_t	clock;
	struct slot slots[SLRU_CACHE_PAGES];
	uint8_t    *reported;		/* SLRU_MAX_SEGMENTS bits, allocated on first use */
};

struct slru *
slru_open(const char *dir)
{
	struct slru *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return NULL;
	s->dir = strdup(dir);
	if (s->dir == NULL)
	{
		free(s);
		return NULL;
	}
	return s;
}

void
slru_close(struct slru *s)
{
	if (s == NULL)
		return;
	free(s->reported);
	free(s->dir);
	free(s);
}

const char *
slru_dir(const struct slru *s)
{
	return s->dir;
}

bool
slru_dir_absent(const struct slru *s)
{
	struct stat st;

	return stat(s->dir, &st) != 0 || !S_ISDIR(st.st_mode);
}

uint32_t
slru_segment_of(uint32_t pageno)
{
	return pageno / SLRU_PAGES_PER_SEGMENT;
}

/* Open a segment, plain or gzip'd; NULL when neither is there. */
static struct input *
open_segment(const struct slru *s, uint32_t segno)
{
	size_t		n = strlen(s->dir) + 32;
	char	   *p = malloc(n);
	struct diags ds;
	struct input *in;

	if (p == NULL)
		return NULL;
	diags_reset(&ds);
	snprintf(p, n, "%s/%04X", s->dir, (unsigned) segno);
	in = input_open(p, &ds);
	if (in == NULL)
	{
		diags_reset(&ds);
		snprintf(p, n, "%s/%04X.gz", s->dir, (unsigned) segno);
		in = input_open(p, &ds);
	}
	free(p);
	return in;
}

static void
load(const struct slru *s, struct slot *sl, uint32_t pageno)
{
	uint64_t	skip = (uint64_t) (pageno % SLRU_PAGES_PER_SEGMENT) * SLRU_PAGE_SIZE;
	struct input *in = open_segment(s, slru_segment_of(pageno));
	struct diags ds;

	sl->pageno = pageno;
	sl->used = true;
	sl->missing = in == NULL;
	sl->len = 0;
	if (in == NULL)
		return;
	diags_reset(&ds);
	/* a read error ends the page where it happened: what follows is unknown */
	if (input_skip(in, skip, &ds) == skip)
	{
		while (sl->len < SLRU_PAGE_SIZE)
		{
			size_t		got;
			const uint8_t *b = input_next(in, SLRU_PAGE_SIZE - sl->len, &got, &ds);

			if (b == NULL || got == 0)
				break;
			memcpy(sl->data + sl->len, b, got);
			sl->len += got;
		}
	}
	input_close(in);
}

static struct slot *
lookup(struct slru *s, uint32_t pageno)
{
	struct slot *victim = &s->slots[0];

	for (int i = 0; i < SLRU_CACHE_PAGES; i++)
	{
		struct slot *sl = &s->slots[i];

		if (sl->used && sl->pageno == pageno)
		{
			sl->stamp = ++s->clock;
			return sl;
		}
		if (!sl->used || (victim->used && sl->stamp < victim->stamp))
			victim = sl;
	}
	load(s, victim, pageno);
	victim->stamp = ++s->clock;
	return victim;
}

const uint8_t *
slru_page(struct slru *s, uint32_t pageno, size_t *len)
{
	struct slot *sl = lookup(s, pageno);

	*len = sl->len;
	return sl->len > 0 ? sl->data : NULL;
}

bool
slru_page_missing(struct slru *s, uint32_t pageno)
{
	return lookup(s, pageno)->missing;
}

bool
slru_first_report(struct slru *s, uint32_t segno)
{
	if (segno >= SLRU_MAX_SEGMENTS)
		return true;
	if (s->reported == NULL)
	{
		s->reported = calloc(SLRU_MAX_SEGMENTS / 8, 1);
		if (s->reported == NULL)
			return true;
	}
	if (s->reported[segno / 8] & (1u << (segno % 8)))
		return false;
	s->reported[segno / 8] |= (uint8_t) (1u << (segno % 8));
	return true;
}
