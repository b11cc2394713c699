/*
 * mapfork: the pages of a free space map or visibility map fork, read as
 * freespace.c and visibilitymap.c read them (RBM_ZERO_ON_ERROR).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/blockreader.h"
#include "maps/mapfork.h"
#include "page/page.h"
#include "io/relpath.h"
#include "io/segreader.h"

struct mapfork {
	struct blockreader *br;
	bool		ended;
	bool		have;			/* page holds block last */
	bool		usable;			/* and it is neither new nor damaged */
	uint32_t	last;
	uint8_t		page[BLCKSZ];
};

struct mapfork *
mapfork_open(const char *path, struct diags *ds)
{
	struct mapfork *m = calloc(1, sizeof(*m));

	if (m == NULL)
		return NULL;
	m->br = blockreader_open(path, 0, UINT32_MAX, ds);
	if (m->br == NULL)
	{
		free(m);
		return NULL;
	}
	return m;
}

/* A header PostgreSQL would refuse: its findings, named by fork block. */
static bool
header_ok(const uint8_t *page, uint32_t blkno, struct diags *ds)
{
	struct page_header h;
	struct diags tmp;
	int			i;

	page_header_decode(page, &h);
	if (page_is_new(&h))
		return false;
	diags_reset(&tmp);
	if (page_check(&h, blkno, &tmp))
	{
		/*
		 * fsm_readbuf() and vm_readbuf() PageInit() every map page with no
		 * special space: a page that has one (an index page, say) is not a
		 * map page, and its bytes must not be read as map bits.
		 */
		if (h.special == BLCKSZ)
			return true;
		diag_add(ds, D_BAD_PAGE_HEADER,
				 "fork block %u: special space at %u: not a map page (map pages have none); read as zeros",
				 (unsigned) blkno, (unsigned) h.special);
		return false;
	}
	/* the map's findings name heap blocks; this one names the fork's block */
	for (i = 0; i < tmp.n; i++)
		diag_add(ds, tmp.d[i].code, "fork block %u%s%s; read as zeros",
				 (unsigned) blkno, tmp.d[i].detail[0] ? ": " : "", tmp.d[i].detail);
	return false;
}

const uint8_t *
mapfork_page(struct mapfork *m, uint32_t blkno, struct diags *ds)
{
	const uint8_t *p;
	uint32_t	b;
	enum br_result r;

	if (m->have && m->last == blkno)
		return m->usable ? m->page : NULL;
	if (m->have && blkno < m->last)
		return NULL;			/* callers ask in ascending order */
	while (!m->ended)
	{
		int			before = ds->n;

		r = blockreader_next(m->br, &p, &b, ds);
		if (r != BR_PAGE)
		{
			/* the map's findings name heap blocks; this one names the fork's */
			for (int i = before; i < ds->n; i++)
				if (ds->d[i].code == D_INPUT_TOO_LONG && ds->d[i].has_blkno)
				{
					char		detail[DIAG_DETAIL];

					snprintf(detail, sizeof(detail), "fork block %u: %s",
							 (unsigned) ds->d[i].blkno, ds->d[i].detail);
					memcpy(ds->d[i].detail, detail, sizeof(detail));
					ds->d[i].has_blkno = 0;
				}
			m->ended = true;
			break;
		}
		m->have = true;
		m->last = b;
		if (b < blkno)
			continue;
		memcpy(m->page, p, BLCKSZ);
		m->usable = header_ok(m->page, b, ds);
		if (b == blkno)
			return m->usable ? m->page : NULL;
		return NULL;
	}
	return NULL;
}

bool
mapfork_ended(const struct mapfork *m)
{
	return m->ended;
}

void
mapfork_close(struct mapfork *m)
{
	if (m == NULL)
		return;
	blockreader_close(m->br);
	free(m);
}

int
mapfork_heap_files(const char *map, char *const *given, int ngiven, char ***out)
{
	struct relfile mrf;
	char	  **files;
	int			i,
				n = 0,
				same = 0;

	*out = NULL;
	if (ngiven <= 0)
		return segreader_siblings(map, out);
	relpath_parse(map, &mrf);
	for (i = 0; i < ngiven; i++)
	{
		struct relfile rf;

		relpath_parse(given[i], &rf);
		if (mrf.named && rf.named && rf.relfilenode == mrf.relfilenode)
			same++;
	}
	files = calloc((size_t) (unsigned) ngiven, sizeof(char *));
	if (files == NULL)
		return 0;
	for (i = 0; i < ngiven; i++)
	{
		struct relfile rf;

		relpath_parse(given[i], &rf);
		if (same > 0 && !(rf.named && rf.relfilenode == mrf.relfilenode))
			continue;
		files[n] = strdup(given[i]);
		if (files[n] != NULL)
			n++;
	}
	*out = files;
	return n;
}

int
mapfork_split_inputs(char *const *files, int n, char **heaps, int *nheaps,
					 char **maps)
{
	int			nmaps = 0;

	for (int i = 0; i < n; i++)
	{
		struct relfile rf;

		relpath_parse(files[i], &rf);
		if (rf.named && rf.fork == FORK_MAIN)
			heaps[(*nheaps)++] = files[i];
		else
			maps[nmaps++] = files[i];
	}
	return nmaps;
}
