/*
 * relpattern: pg_amcheck's relation and database patterns (psql's \d
 * patterns): [[database.]schema.]name, where * matches any run of
 * characters and ? any one; an unquoted part is folded to lower case, a
 * "quoted" one is taken as written (wildcards and dots in it literal, ""
 * a quote).
 *
 *   struct relpattern p;
 *   if (relpattern_parse("public.t*", &p) != 0) usage error
 *   relpattern_match(&p, datname, nspname, relname)
 *
 * Pure.
 */
#ifndef PGOD_RELPATTERN_H
#define PGOD_RELPATTERN_H

#include <stdbool.h>

#define RELPATTERN_PART 256		/* a part's glob, escapes included */

struct relpattern {
	int			nparts;			/* 1: name, 2: schema.name, 3: db.schema.name */
	char		part[3][RELPATTERN_PART];	/* fnmatch(3) globs, last part last */
};

/* 0, or -1 for more than three parts, an unclosed quote or a part too long. */
int			relpattern_parse(const char *s, struct relpattern *p);

/*
 * A relation's names against p: the last part against relname, the one
 * before against nspname, the first of three against datname.  A NULL
 * name (unknown) matches nothing but a part that is "*".
 */
bool		relpattern_match(const struct relpattern *p, const char *datname,
							 const char *nspname, const char *relname);

/* A database pattern (one part) against datname. */
bool		relpattern_match_db(const struct relpattern *p, const char *datname);

#endif
