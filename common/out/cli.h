/*
 * cli: the command-line conventions the five tools share.
 *
 * Like emit, this is the tool side of common/: it writes to stderr and
 * decides exit statuses, which decoders never do.  A tool calls cli_init()
 * first, cli_report() with the findings of each unit it read, and returns
 * cli_finish() from main: 0 clean, 1 damage found, 2 usage or I/O error,
 * or 2 if writing stdout failed.
 */
#ifndef PGOD_CLI_H
#define PGOD_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "out/diag.h"
#include "out/emit.h"

#define EXIT_CLEAN 0
#define EXIT_DAMAGE 1
#define EXIT_TROUBLE 2

void		cli_init(const char *progname);
const char *cli_prog(void);

/* "prog: message" and "Try "prog --help" ...", exit 2. */
void		cli_usage_error(const char *fmt,...)
			__attribute__((format(printf, 1, 2), noreturn));
/* After getopt has said what was wrong: the "Try" line, exit 2. */
void		cli_try_help(void) __attribute__((noreturn));
/* "prog (pgondisk) 0.1.0", exit 0. */
void		cli_print_version(void) __attribute__((noreturn));

/*
 * Print each finding as "prog: file: block N: message" to stderr (after
 * flushing e, so the two streams stay in order on a terminal) and raise the
 * exit status to the worst severity.  Then the list is reset.
 */
void		cli_report(struct emit *e, const char *file, struct diags *ds);

/* JSON: the findings as a "diagnostics" array of the current object. */
void		cli_emit_diags(struct emit *e, const struct diags *ds);

/* Raise the exit status by hand (e.g. damage found by a comparison). */
void		cli_raise(int status);

/* The emitter on stdout, JSON or text; out of memory ends the program (2). */
struct emit *cli_emit_open(bool json);

/* Text only: the "== FILE" line a tool prints before each input's pages. */
void		cli_file_header(struct emit *e, const char *file);

/*
 * A write of stdout failed (errno err): "prog: error writing standard
 * output: ...", exit 2 at once; reading on would be wasted (a reader of
 * "| head" that is gone, SIGPIPE ignored).  cli_emit_open() sets it as the
 * emitter's write-error hook; a tool that writes stdout by itself calls it.
 */
void		cli_write_failed(int err) __attribute__((noreturn));

/* Close the emitter; a write error on stdout is reported and gives 2. */
int			cli_finish(struct emit *e);

/* "N" or "N-M" (absolute block numbers); 0 on success. */
int			cli_parse_block_range(const char *s, uint32_t *from, uint32_t *to);
/* A plain non-negative integer in [min, max]; 0 on success. */
int			cli_parse_int(const char *s, long min, long max, long *out);

/*
 * pgfsm and pgvm: the heaps and the maps among the command line's files.
 * cli_maps_init() after cli_init(), before getopt: room for every argument
 * in both lists (out of memory: message, exit 2), --heap appends to heaps.
 * cli_maps_split() after getopt: no FILE is a usage error; main fork files
 * (REL, REL.N) join the heaps, the rest are maps, and no map is a usage
 * error ("no _fsm file among the inputs" for fork "_fsm").
 */
struct cli_maps {
	char	  **heaps;			/* --heap files, then main fork FILEs */
	int			nheaps;
	char	  **maps;			/* the map forks among FILEs */
	int			nmaps;
};

void		cli_maps_init(struct cli_maps *m, int argc);
void		cli_maps_split(struct cli_maps *m, char **files, int n, const char *fork);
void		cli_maps_free(struct cli_maps *m);

/*
 * The rest of such a main: split files (as cli_maps_split), open the
 * emitter, each(e, map, arg) per map, free the lists; returns
 * cli_finish()'s exit status.
 */
int			cli_maps_run(struct cli_maps *m, char **files, int n, const char *fork,
						 bool json, void (*each) (struct emit *e, const char *map,
												  const void *arg),
						 const void *arg);

#endif
