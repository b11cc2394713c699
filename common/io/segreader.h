/*
 * segreader: the main fork of one relation across its segment files, read
 * forward by absolute block number, and how many blocks it has: what the
 * map forks (_fsm, _vm) need from the heap they describe, and TOAST
 * chunks read again once a large TOAST table is no longer cached.
 *
 *   char **files; int n = segreader_siblings("base/5/16384_vm", &files);
 *   uint32_t nblocks; segreader_nblocks(files, n, &nblocks, &ds);
 *   struct segreader *sr = segreader_open(files, n);
 *   page = segreader_get(sr, blkno, &ds);   blkno ascending; NULL: no such block
 *   segreader_close(sr); segreader_free_list(files, n);
 *
 * Segment files are plain or gzip'd (REL, REL.gz, REL.1, ...); the name
 * gives each its first block.  The number of blocks is smgrnblocks():
 * the last segment's first block plus its whole blocks.  One segment is
 * open at a time; memory is one block reader.
 */
#ifndef PGOD_SEGREADER_H
#define PGOD_SEGREADER_H

#include <stdint.h>

#include "out/diag.h"

/*
 * The main fork files beside fork file path (its relfilenode, same
 * directory): REL or REL.gz, then REL.1 or REL.1.gz, ... while they exist.
 * *files is malloc'd (free with segreader_free_list); returns the count,
 * 0 if there is none or the name is not a relation file's.
 */
int			segreader_siblings(const char *path, char ***files);
void		segreader_free_list(char **files, int n);

/* Blocks of the relation made of files[0..n-1]; 0 on success. */
int			segreader_nblocks(char *const *files, int n, uint32_t *nblocks,
							  struct diags *ds);

struct segreader;

struct segreader *segreader_open(char *const *files, int n);
/*
 * The page of absolute block blkno (BLCKSZ bytes, valid until the next
 * call), NULL if no file holds it whole.  Ascending blocks are read in one
 * pass; a lower block than the last re-opens its segment.  Open and read
 * errors and a short block are added to ds.
 */
const uint8_t *segreader_get(struct segreader *sr, uint32_t blkno,
							 struct diags *ds);
void		segreader_close(struct segreader *sr);

#endif
