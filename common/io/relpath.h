/*
 * relpath: what a relation file's name says about it.
 *
 * "base/16384/16385.2" is segment 2 of the main fork of relfilenode 16385
 * in database 16384; "16385_fsm", "16385_vm", "16385_init" name the other
 * forks; a trailing ".gz" is ignored.  The segment number gives the first
 * absolute block of the file (segno * RELSEG_SIZE), which block numbers in
 * all output and in the checksum must use.  A name that is not a relation
 * file's (a copy named page.bin) is still readable: it reads as segment 0
 * of an unknown relation, main fork.
 */
#ifndef PGOD_RELPATH_H
#define PGOD_RELPATH_H

#include <stdbool.h>
#include <stdint.h>

#define RELSEG_SIZE 131072		/* blocks per segment for 8 KiB blocks, 1 GiB */

enum fork_number {
	FORK_MAIN = 0,				/* MAIN_FORKNUM */
	FORK_FSM = 1,				/* FSM_FORKNUM */
	FORK_VM = 2,				/* VISIBILITYMAP_FORKNUM */
	FORK_INIT = 3				/* INIT_FORKNUM */
};

struct relfile {
	bool		named;			/* the name parsed as a relation file */
	uint32_t	spcoid;			/* tablespace OID; 1663 base, 1664 global; 0 unknown */
	uint32_t	dboid;			/* database OID from base/DB/; 0 unknown or global */
	uint32_t	relfilenode;	/* 0 if not named */
	enum fork_number fork;
	uint32_t	segno;			/* segment number, ".N" */
	uint32_t	first_block;	/* segno * RELSEG_SIZE */
};

/* Never fails: an unparsable name gives named = false, main fork, segment 0. */
void		relpath_parse(const char *path, struct relfile *rf);
const char *fork_name(enum fork_number fork);	/* "main", "fsm", "vm", "init" */

#endif
