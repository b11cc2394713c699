/*
 * The catalog options of the page tools (-D, -d, --relation), parsed in
 * one place.
 */
#include <stddef.h>

#include "out/cli.h"
#include "out/cli_catalog.h"

bool
cli_catalog_option(int c, const char *arg, struct catalog_request *q)
{
	switch (c)
	{
		case 'D':
			q->pgdata = arg;
			return true;
		case 'd':
			q->dbname = arg;
			return true;
		case CLI_OPT_RELATION:
			q->relation = arg;
			return true;
	}
	return false;
}

bool
cli_catalog_wanted(const struct catalog_request *q)
{
	if (q->relation == NULL && q->dbname == NULL)
		return false;
	if (q->relation == NULL)
		cli_usage_error("-d names the database of --relation: give --relation too");
	if (q->dbname == NULL)
		cli_usage_error("--relation needs -d DBNAME");
	return true;
}
