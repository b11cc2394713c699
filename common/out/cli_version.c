/*
 * --pg-version and the cluster's own version, for every tool that reads
 * relation files (pgpage, pgbtree).
 */
#include <limits.h>
#include <stdlib.h>

#include "out/cli.h"
#include "out/cli_version.h"

const struct pg_profile *
cli_pg_version_arg(const char *arg)
{
	const struct pg_profile *p = NULL;
	long		n;

	if (cli_parse_int(arg, PG_MAJOR_MIN, PG_MAJOR_MAX, &n) == 0)
		p = pg_profile_by_major((int) n);
	if (p == NULL)
		cli_usage_error("unsupported PostgreSQL version \"%s\" (%d to %d)",
						arg, PG_MAJOR_MIN, PG_MAJOR_MAX);
	return p;
}

const struct pg_profile *
cli_profile_for(struct emit *e, const char *file, const struct pg_profile *forced)
{
	static bool said[PG_MAJOR_MAX + 1];
	const struct pg_profile *found;
	struct diags *ds = malloc(sizeof(*ds));
	char		where[PATH_MAX];

	if (ds == NULL)
		return forced;
	diags_reset(ds);
	found = pg_detect_for_path_from(file, ds, where, sizeof(where));
	/* a failed guess is no finding: the major only names things */
	diags_reset(ds);
	if (forced == NULL)
	{
		free(ds);
		return found;
	}
	if (found != NULL && found != forced && !said[found->major])
	{
		said[found->major] = true;
		diag_add(ds, D_VERSION_OVERRIDE, "%s says %d; reading as %d as --pg-version asks",
				 where, found->major, forced->major);
		cli_report(e, file, ds);
	}
	free(ds);
	return forced;
}
