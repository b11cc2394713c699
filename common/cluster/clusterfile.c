/*
 * The files of a cluster told apart by name, as PostgreSQL names them
 * (global/pg_control, pg_filenode.map, PG_VERSION, pg_internal.init, WAL
 * segments as XLogFileName writes them).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cluster/clusterfile.h"
#include "wal/walreader.h"

/*
 * The files a glob over a database or global directory also meets, none
 * of them pages: what each is, for the notice that skips it.
 */
static const struct {
	const char *name;
	bool		prefix;			/* also name.<anything> (temporary copies) */
	const char *what;
} skip_files[] = {
	{"PG_VERSION", false, "the major version of the cluster"},
	{"pg_internal.init", true, "the relation cache's init file"},
	{"pg_filenode.map.tmp", false, "a relation map being written"},
	{"config_exec_params", true, "the server's saved settings"},
};

enum file_role
file_role(const char *path, const char **what)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char		name[256];
	size_t		len = strlen(base);
	uint32_t	tli;
	uint64_t	segno;
	size_t		k;

	if (len >= 3 && strcmp(base + len - 3, ".gz") == 0)
		len -= 3;
	if (len >= sizeof(name) || strcmp(path, "-") == 0)
		return ROLE_RELATION;
	memcpy(name, base, len);
	name[len] = '\0';
	if (strcmp(name, "pg_control") == 0)
		return ROLE_CONTROL;
	if (strcmp(name, "pg_filenode.map") == 0)
		return ROLE_RELMAP;
	for (k = 0; k < sizeof(skip_files) / sizeof(skip_files[0]); k++)
	{
		size_t		n = strlen(skip_files[k].name);

		if (strcmp(name, skip_files[k].name) == 0 ||
			(skip_files[k].prefix && strncmp(name, skip_files[k].name, n) == 0 &&
			 name[n] == '.'))
		{
			*what = skip_files[k].what;
			return ROLE_SKIP;
		}
	}
	if (wal_parse_segment_name(base, 16 * 1024 * 1024, &tli, &segno) == 0)
		return ROLE_WAL;
	return ROLE_RELATION;
}
