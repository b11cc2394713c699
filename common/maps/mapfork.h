/*
 * mapfork: the pages of a map fork (_fsm or _vm) read forward by fork block
 * number, and the heap files a map describes: what pgfsm and pgvm share.
 *
 *   struct mapfork *m = mapfork_open(path, &ds);     NULL: D_OPEN_FAILED
 *   page = mapfork_page(m, blkno, &ds);    ascending blkno; NULL: beyond
 *                                          the fork, new, or header damaged
 *   mapfork_close(m);
 *
 * A page PostgreSQL would zero on reading (RBM_ZERO_ON_ERROR: a header
 * that fails its sanity checks) reads as NULL too, with its finding in ds
 * naming the fork block.  Memory: one block reader and one page.
 */
#ifndef PGOD_MAPFORK_H
#define PGOD_MAPFORK_H

#include <stdbool.h>
#include <stdint.h>

#include "out/diag.h"

struct mapfork;

struct mapfork *mapfork_open(const char *path, struct diags *ds);
const uint8_t *mapfork_page(struct mapfork *m, uint32_t blkno, struct diags *ds);
/* true once the fork has ended (no block at or past the last asked for) */
bool		mapfork_ended(const struct mapfork *m);
void		mapfork_close(struct mapfork *m);

/*
 * The heap of map file map: files[] as given (those of its relfilenode
 * when the names say, else all of them), else the main fork files beside
 * map.  *out is malloc'd copies (segreader_free_list); returns the count.
 */
int			mapfork_heap_files(const char *map, char *const *given, int ngiven,
							   char ***out);

/*
 * Sort the command line's FILEs: main fork files (REL, REL.N) are the heap
 * the maps describe, appended to heaps[] (*nheaps grows); every other file
 * goes to maps[].  Both arrays have room for n.  Returns the map count.
 */
int			mapfork_split_inputs(char *const *files, int n, char **heaps,
								 int *nheaps, char **maps);

#endif
