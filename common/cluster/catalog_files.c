/*
 * Where a catalog's or relation's files are: relpath.c's GetRelationPath
 * (base/DB/N, global/N, pg_tblspc/S/PG_<major>_<catversion>/DB/N), the
 * relation mapper's file numbers, and whether a file is there -- from one
 * listing of each directory, not a stat() per name, so naming every fork
 * of 40,000 relations costs 40,000 lookups in memory, not 300,000 system
 * calls.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cluster/catalog_int.h"

/* One directory's entry names, sorted. */
struct dircache {
	char	   *dir;			/* relative to pgdata */
	char	  **names;
	size_t		n;
	bool		ok;				/* listed; else ask stat() */
	struct dircache *next;
};

#define DIRCACHE_MAX 16			/* directories listed; more are stat()ed */
#define DIRCACHE_MAX_NAMES (4u * 1024 * 1024)

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static struct dircache *
dircache_list(const struct catalog *c, const char *dir)
{
	struct dircache *d = calloc(1, sizeof(*d));
	char		path[1024];
	size_t		cap = 0;
	DIR		   *dp;
	struct dirent *de;

	if (d == NULL || (d->dir = strdup(dir)) == NULL)
	{
		free(d);
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s", c->pgdata, dir);
	if ((dp = opendir(path)) == NULL)
		return d;
	d->ok = true;
	while ((de = readdir(dp)) != NULL)
	{
		/* every entry (d_type is not POSIX): stat() says what a listed one is */
		if (d->n >= DIRCACHE_MAX_NAMES || catalog_grow(&d->names, &cap, d->n, sizeof(*d->names), 256) != 0 ||
			(d->names[d->n] = strdup(de->d_name)) == NULL)
		{
			d->ok = false;		/* out of memory or too many: stat() them */
			break;
		}
		d->n++;
	}
	closedir(dp);
	if (d->n > 0)
		qsort(d->names, d->n, sizeof(*d->names), cmp_name);
	return d;
}

void
catalog_dircache_free(struct dircache *d)
{
	while (d != NULL)
	{
		struct dircache *next = d->next;
		size_t		i;

		for (i = 0; i < d->n; i++)
			free(d->names[i]);
		free(d->names);
		free(d->dir);
		free(d);
		d = next;
	}
}

/* Whether name is in directory dir: 1 yes, 0 no, -1 unknown (ask stat). */
static int
dircache_has(const struct catalog *c, const char *dir, const char *name)
{
	struct dircache **head = (struct dircache **) &c->dirs,
			   *d;
	int			count = 0;

	for (d = *head; d != NULL; d = d->next, count++)
		if (strcmp(d->dir, dir) == 0)
			break;
	if (d == NULL)
	{
		if (count >= DIRCACHE_MAX || (d = dircache_list(c, dir)) == NULL)
			return -1;
		d->next = *head;
		*head = d;
	}
	if (!d->ok)
		return -1;
	return d->n > 0 && bsearch(&name, d->names, d->n, sizeof(*d->names), cmp_name) != NULL;
}

/* One name: from the listing of its directory when there is one. */
static int
exists(const struct catalog *c, const char *rel, char *buf, size_t size)
{
	const char *slash = strrchr(rel, '/');
	struct stat st;
	int			has = -1;

	if (slash != NULL && (size_t) (slash - rel) < 512)
	{
		char		dir[512];

		memcpy(dir, rel, (size_t) (slash - rel));
		dir[slash - rel] = '\0';
		has = dircache_has(c, dir, slash + 1);
	}
	snprintf(buf, size, "%s/%s", c->pgdata, rel);
	if (has == 0)
		return -1;
	/* listed, or no listing: stat() says whether it is a regular file */
	return stat(buf, &st) == 0 && S_ISREG(st.st_mode) ? 0 : -1;
}

int
catalog_existing(const struct catalog *c, const char *rel, char *buf, size_t size)
{
	char		gz[1024];

	if (exists(c, rel, buf, size) == 0)
		return 0;
	snprintf(gz, sizeof(gz), "%s.gz", rel);
	return exists(c, gz, buf, size);
}

uint32_t
catalog_map_lookup(const struct catalog *c, uint32_t oid, bool shared)
{
	const struct relmap *m = shared ? &c->gmap : &c->lmap;
	unsigned	i;

	if (!(shared ? c->gmap_ok : c->lmap_ok))
		return 0;
	for (i = 0; i < m->n; i++)
		if (m->mappings[i].mapoid == oid)
			return m->mappings[i].mapfilenumber;
	return 0;
}

/* The PG_<major>_<catversion> directory under pg_tblspc/spc, into out. */
static int
tblspc_version_dir(const struct catalog *c, uint32_t spc, char *out, size_t size)
{
	char		path[1024],
				prefix[32];
	DIR		   *d;
	struct dirent *de;
	int			rc = -1;

	snprintf(path, sizeof(path), "%s/pg_tblspc/%u", c->pgdata, (unsigned) spc);
	snprintf(prefix, sizeof(prefix), "PG_%d_", c->prof ? c->prof->major : 0);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0 && strlen(de->d_name) < size)
		{
			strcpy(out, de->d_name);
			rc = 0;
			break;
		}
	closedir(d);
	return rc;
}

int
catalog_path_of(const struct catalog *c, uint32_t spc, uint32_t filenumber,
				enum fork_number fork, char *buf, size_t size)
{
	static const char *const sfx[] = {"", "_fsm", "_vm", "_init"};
	int			n;

	if (spc == GLOBALTABLESPACE_OID)
		n = snprintf(buf, size, "global/%u%s", (unsigned) filenumber, sfx[fork]);
	else if (spc == 0 || spc == DEFAULTTABLESPACE_OID)
		n = snprintf(buf, size, "base/%u/%u%s", (unsigned) c->dboid,
					 (unsigned) filenumber, sfx[fork]);
	else if (c->catversion != 0)
		/* TABLESPACE_VERSION_DIRECTORY: "PG_" PG_MAJORVERSION "_" catversion */
		n = snprintf(buf, size, "pg_tblspc/%u/PG_%d_%u/%u/%u%s", (unsigned) spc,
					 c->prof ? c->prof->major : 0, (unsigned) c->catversion,
					 (unsigned) c->dboid, (unsigned) filenumber, sfx[fork]);
	else
	{
		/* no pg_control to give the catversion: the directory says it */
		char		dir[128];

		if (tblspc_version_dir(c, spc, dir, sizeof(dir)) != 0)
			snprintf(dir, sizeof(dir), "PG_%d_0", c->prof ? c->prof->major : 0);
		n = snprintf(buf, size, "pg_tblspc/%u/%s/%u/%u%s", (unsigned) spc, dir,
					 (unsigned) c->dboid, (unsigned) filenumber, sfx[fork]);
	}
	return n > 0 && (size_t) n < size ? 0 : -1;
}
