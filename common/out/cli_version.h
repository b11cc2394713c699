/*
 * cli_version: the --pg-version option of the tools, parsed one way with
 * one message, and the profile a file is read with.
 *
 * Tool side of common/ like cli: it exits on a bad option value and
 * writes notices to stderr through cli_report().
 */
#ifndef PGOD_CLI_VERSION_H
#define PGOD_CLI_VERSION_H

#include "out/emit.h"
#include "cluster/version.h"

/*
 * "10" .. "18" to its profile; anything else is a usage error (exit 2):
 * unsupported PostgreSQL version "9" (10 to 18).
 */
const struct pg_profile *cli_pg_version_arg(const char *arg);

/*
 * The profile to read file with.  Without forced (no --pg-version): the
 * one PG_VERSION or pg_control above the file names, or NULL (a lone file,
 * stdin; not a finding).  With forced: forced, which wins (the user may
 * know PG_VERSION to be damaged), and when the cluster above says another
 * major a notice says so, once per run for each such major.
 */
const struct pg_profile *cli_profile_for(struct emit *e, const char *file,
										 const struct pg_profile *forced);

#endif
