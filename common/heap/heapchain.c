/*
 * Update chains of a heap relation, oldest version first, as
 * heapam.c's heap_get_latest_tid() walks them (t_ctid, xmin = updater).
 */
#include <stdbool.h>
#include <stdlib.h>

#include "heap/heapchain.h"

#define NONE ((size_t) -1)

/* The ref at (blkno, lp), refs sorted by it; NONE if none. */
static size_t
find(const struct heapchain_ref *refs, size_t n, uint32_t blkno, uint16_t lp)
{
	size_t		lo = 0,
				hi = n;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		const struct heapchain_ref *r = &refs[mid];

		if (r->blkno < blkno || (r->blkno == blkno && r->lp < lp))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && refs[lo].blkno == blkno && refs[lo].lp == lp ? lo : NONE;
}

/*
 * next[i] is i's successor or NONE; state[i] bit 1: a predecessor points
 * at i (it starts no chain), bit 2: i is placed.
 */
int
heapchain_order(const struct heapchain_ref *refs, size_t n, struct heapchain_pos *pos)
{
	size_t	   *next = malloc((n ? n : 1) * sizeof(*next));
	unsigned char *state;
	size_t		i,
				k = 0;

	if (next == NULL)
		return -1;
	if ((state = calloc(n ? n : 1, 1)) == NULL)
	{
		free(next);
		return -1;
	}
	for (i = 0; i < n; i++)
	{
		size_t		j;

		next[i] = NONE;
		if (refs[i].upd_xid == 0)
			continue;
		j = find(refs, n, refs[i].next_blkno, refs[i].next_lp);
		if (j == NONE || j == i || refs[j].xmin != refs[i].upd_xid || (state[j] & 1))
			continue;
		next[i] = j;
		state[j] |= 1;
	}
	/* chains from their first versions, then whatever a cycle left */
	for (int pass = 0; pass < 2; pass++)
	{
		for (i = 0; i < n; i++)
		{
			size_t		j = i;
			uint32_t	v = 1;

			if ((state[i] & 2) || (pass == 0 && (state[i] & 1)))
				continue;
			while (j != NONE && !(state[j] & 2))
			{
				state[j] |= 2;
				pos[k].ref = j;
				pos[k].root = i;
				pos[k].version = v++;
				k++;
				j = next[j];
			}
		}
	}
	free(next);
	free(state);
	return 0;
}
