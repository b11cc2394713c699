/*
 * cli_catalog: the options that name things by the on-disk catalog
 * (-D/--pgdata, -d/--dbname, --relation), shared by the page tools so
 * each takes them in one line of its getopt table and one call:
 *
 *   static const struct option longopts[] = {..., CLI_CATALOG_LONGOPTS, ...};
 *   getopt_long(argc, argv, "..." CLI_CATALOG_SHORTOPTS, ...)
 *   default: if (!cli_catalog_option(c, optarg, &q)) cli_try_help();
 *   if (cli_catalog_wanted(&q)) ... resolve q through cluster/catalog_emit.h
 *
 * The request only holds the arguments (pointers into argv); nothing is
 * read until a tool resolves it.
 */
#ifndef PGOD_CLI_CATALOG_H
#define PGOD_CLI_CATALOG_H

#include <getopt.h>
#include <stdbool.h>

struct catalog_request {
	const char *pgdata;			/* -D; NULL: $PGDATA */
	const char *dbname;			/* -d: a name or an OID; NULL: none */
	bool		list;			/* --list (pgpage) */
	bool		columns;		/* --columns (with --list) */
	bool		versions;		/* --catalog-versions (with --list) */
	const char *relation;		/* --relation; NULL: none */
};

/* getopt_long's value of the long-only --relation */
#define CLI_OPT_RELATION 0x152

#define CLI_CATALOG_SHORTOPTS "D:d:"
#define CLI_CATALOG_LONGOPTS \
	{"pgdata", required_argument, NULL, 'D'}, \
	{"dbname", required_argument, NULL, 'd'}, \
	{"relation", required_argument, NULL, CLI_OPT_RELATION}

/* The --help lines of the three options (for the maps: TABLE's fork). */
#define CLI_CATALOG_HELP \
	"  -D, --pgdata=DIR     the data directory (else $PGDATA)\n" \
	"  -d, --dbname=DB      the database of --relation, by name or OID\n" \
	"      --relation=REL   read relation REL (NAME, schema.name or OID) of -d's\n" \
	"                       database: its files found through the catalog\n"

/* Whether c was one of the three (and is now in q). */
bool		cli_catalog_option(int c, const char *arg, struct catalog_request *q);

/*
 * -d or --relation given: the tool reads by name.  --relation without -d
 * (or -d without --relation where the tool needs one) is a usage error.
 */
bool		cli_catalog_wanted(const struct catalog_request *q);

#endif
