/*
 * The relation files of a data directory, walked as pg_checksums'
 * scan_directory() walks them (src/bin/pg_checksums/pg_checksums.c), and
 * the cluster-wide files checked on the way: pg_control, PG_VERSION,
 * pg_filenode.map.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cluster/catalog.h"
#include "cluster/clusterwalk.h"
#include "cluster/relmap.h"
#include "cluster/version.h"
#include "io/input.h"

#define CW_PATH 4096

/* What is being built; freed on failure. */
struct walker {
	struct cluster_walk *w;
	size_t		capf;			/* room in w->files */
	size_t		capd;			/* room in w->dbs */
	size_t		capfi;			/* room in w->findings */
	bool		oom;
};

static void *
grow(void *arr, size_t *cap, size_t n, size_t elem)
{
	size_t		ncap;
	void	   *p;

	if (n < *cap)
		return arr;
	ncap = *cap ? *cap * 2 : 64;
	if ((p = realloc(arr, ncap * elem)) == NULL)
		return NULL;
	*cap = ncap;
	return p;
}

static char *
dupstr(const char *s)
{
	size_t		n = strlen(s) + 1;
	char	   *p = malloc(n);

	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

/* Keep the findings of ds about file (NULL: the cluster), at relation rel. */
static void
keep(struct walker *k, size_t rel, const char *file, struct diags *ds)
{
	struct cluster_walk *w = k->w;
	struct cw_finding *f;
	int			i;

	for (i = 0; i < ds->n && !k->oom; i++)
	{
		if ((f = grow(w->findings, &k->capfi, w->nfindings, sizeof(*f))) == NULL)
		{
			k->oom = true;
			break;
		}
		w->findings = f;
		f = &w->findings[w->nfindings];
		f->rel = rel;
		f->seq = w->nfindings;
		f->d = ds->d[i];
		f->file = file ? dupstr(file) : NULL;
		if (file && f->file == NULL)
			k->oom = true;
		else
			w->nfindings++;
	}
	diags_reset(ds);
}

/* One finding, formatted. */
static void
say(struct walker *k, size_t rel, const char *file, enum diag_code code,
	const char *detail)
{
	struct diags ds;

	diags_reset(&ds);
	diag_add(&ds, code, "%s", detail ? detail : "");
	if (detail == NULL)
		ds.d[0].detail[0] = '\0';
	keep(k, rel, file, &ds);
}

/* pgdata/rel or pgdata/rel.gz: 1 and the full path in buf, else 0. */
static int
existing(const char *pgdata, const char *rel, char *buf, size_t size)
{
	struct stat st;

	snprintf(buf, size, "%s/%s", pgdata, rel);
	if (stat(buf, &st) == 0 && S_ISREG(st.st_mode))
		return 1;
	snprintf(buf, size, "%s/%s.gz", pgdata, rel);
	return stat(buf, &st) == 0 && S_ISREG(st.st_mode);
}

static void
check_control(struct walker *k)
{
	struct cluster_walk *w = k->w;
	char		path[CW_PATH];
	struct diags ds;
	uint8_t    *buf;
	size_t		len;

	diags_reset(&ds);
	if (!existing(w->pgdata, "global/pg_control", path, sizeof(path)))
	{
		say(k, CW_CLUSTER, "global/pg_control", D_NOT_IN_COPY,
			"no pg_control: checksums are verified as if enabled");
		return;
	}
	if ((buf = input_slurp(path, 16384, &len, &ds)) == NULL)
	{
		keep(k, CW_CLUSTER, "global/pg_control", &ds);
		return;
	}
	if (control_decode(buf, len, &w->control, &ds) == 0)
	{
		w->have_control = true;
		w->profile = w->control.profile;
		if (w->control.blcksz != 8192)
			diag_add(&ds, D_NOT_SUPPORTED, "block size %u: only 8192 is read",
					 (unsigned) w->control.blcksz);
		if (w->control.relseg_size != RELSEG_SIZE)
			diag_add(&ds, D_NOT_SUPPORTED, "segment size %u blocks: only %u is read",
					 (unsigned) w->control.relseg_size, (unsigned) RELSEG_SIZE);
	}
	keep(k, CW_CLUSTER, "global/pg_control", &ds);
	free(buf);
}

/* A PG_VERSION under the data directory against pg_control's major. */
static void
check_pg_version(struct walker *k, const char *rel, bool top)
{
	struct cluster_walk *w = k->w;
	char		path[CW_PATH];
	struct diags ds;
	uint8_t    *buf;
	size_t		len;
	int			major;

	diags_reset(&ds);
	if (!existing(w->pgdata, rel, path, sizeof(path)))
	{
		say(k, CW_CLUSTER, rel, D_NOT_IN_COPY, NULL);
		return;
	}
	if ((buf = input_slurp(path, 64, &len, &ds)) == NULL)
	{
		keep(k, CW_CLUSTER, rel, &ds);
		return;
	}
	if (pg_version_parse((const char *) buf, len, &major) != 0)
		diag_add(&ds, D_BAD_PG_VERSION, "not a major version number");
	else if (w->profile != NULL && major != w->profile->major)
		diag_add(&ds, D_BAD_PG_VERSION, "says %d, pg_control's catalog version is %d's",
				 major, w->profile->major);
	else if (!top && w->major != 0 && major != w->major)
		diag_add(&ds, D_BAD_PG_VERSION, "says %d, the data directory's says %d",
				 major, w->major);
	else if (top)
	{
		w->major = major;
		if (w->profile == NULL)
			w->profile = pg_profile_by_major(major);
	}
	keep(k, CW_CLUSTER, rel, &ds);
	free(buf);
}

static void
check_relmap(struct walker *k, const char *dir)
{
	char		rel[CW_PATH];
	char		path[CW_PATH];
	struct diags ds;
	struct relmap m;
	uint8_t    *buf;
	size_t		len;

	snprintf(rel, sizeof(rel), "%s/pg_filenode.map", dir);
	diags_reset(&ds);
	if (!existing(k->w->pgdata, rel, path, sizeof(path)))
	{
		say(k, CW_CLUSTER, rel, D_FILE_MISSING, "the mapped catalogs' files cannot be named");
		return;
	}
	if ((buf = input_slurp(path, 1024, &len, &ds)) != NULL)
		relmap_decode(buf, len, &m, &ds);
	keep(k, CW_CLUSTER, rel, &ds);
	free(buf);
}

static bool
digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* t<backend>_<relfilenode>...: a temporary relation's file. */
static bool
temp_rel_name(const char *s)
{
	if (*s++ != 't' || *s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	return *s == '_' && s[1] >= '0' && s[1] <= '9';
}

/* pg_checksums' skip list, and pg_filenode.map.tmp beside it. */
static bool
skipped_name(const char *n)
{
	static const char *const exact[] = {"pg_control", "pg_filenode.map", "PG_VERSION",
	"pg_filenode.map.tmp", ".DS_Store"};
	size_t		i;

	for (i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (strcmp(n, exact[i]) == 0)
			return true;
	return strncmp(n, "pg_internal.init", 16) == 0 ||
		strncmp(n, "config_exec_params", 18) == 0 ||
		strncmp(n, "pgsql_tmp", 9) == 0 || temp_rel_name(n);
}

/* A relation file's name (a .gz aside): digits, a fork, a segment. */
static bool
relation_name(const char *n, struct relfile *rf)
{
	size_t		len = strlen(n);
	char		buf[256];
	char	   *p;

	if (len >= sizeof(buf) || len == 0 || n[0] < '1' || n[0] > '9')
		return false;
	memcpy(buf, n, len + 1);
	if (len > 3 && strcmp(buf + len - 3, ".gz") == 0)
		buf[len - 3] = '\0';
	/* digits, then at most _fsm|_vm|_init, then at most .N (N > 0) */
	for (p = buf; *p >= '0' && *p <= '9'; p++)
		;
	if (strncmp(p, "_fsm", 4) == 0)
		p += 4;
	else if (strncmp(p, "_vm", 3) == 0)
		p += 3;
	else if (strncmp(p, "_init", 5) == 0)
		p += 5;
	if (*p == '.' && p[1] >= '1' && p[1] <= '9' && digits(p + 1))
		p += strlen(p);
	if (*p != '\0')
		return false;
	relpath_parse(buf, rf);
	return rf->named && rf->relfilenode != 0;
}

/* One database directory (or global/): its relation files. */
static void
walk_db(struct walker *k, const char *dir, uint32_t spcoid, uint32_t dboid)
{
	struct cluster_walk *w = k->w;
	char		full[CW_PATH];
	char		rel[CW_PATH];
	DIR		   *d;
	struct dirent *de;
	struct cw_db *db;
	struct diags ds;

	snprintf(full, sizeof(full), "%s/%s", w->pgdata, dir);
	if ((d = opendir(full)) == NULL)
	{
		diags_reset(&ds);
		diag_add(&ds, D_OPEN_FAILED, "cannot list the directory");
		keep(k, CW_CLUSTER, dir, &ds);
		return;
	}
	if ((db = grow(w->dbs, &k->capd, w->ndbs, sizeof(*db))) == NULL)
	{
		k->oom = true;
		closedir(d);
		return;
	}
	w->dbs = db;
	db = &w->dbs[w->ndbs];
	db->spcoid = spcoid;
	db->dboid = dboid;
	db->nfiles = 0;
	if ((db->dir = dupstr(dir)) == NULL)
		k->oom = true;
	else
		w->ndbs++;
	while (!k->oom && (de = readdir(d)) != NULL)
	{
		struct stat st;
		struct relfile rf;
		struct cw_file *f;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
			skipped_name(de->d_name))
			continue;
		snprintf(rel, sizeof(rel), "%s/%s", dir, de->d_name);
		if (snprintf(full, sizeof(full), "%s/%s", w->pgdata, rel) >= (int) sizeof(full) ||
			lstat(full, &st) != 0 || !S_ISREG(st.st_mode) || !relation_name(de->d_name, &rf))
		{
			say(k, CW_CLUSTER, rel, D_NOT_RELATION,
				S_ISDIR(st.st_mode) ? "a directory" : "not a relation file's name");
			continue;
		}
		if ((f = grow(w->files, &k->capf, w->nfiles, sizeof(*f))) == NULL)
		{
			k->oom = true;
			break;
		}
		w->files = f;
		f = &w->files[w->nfiles];
		f->size = (uint64_t) st.st_size;
		f->segno = rf.segno;
		f->fork = rf.fork;
		f->gz = strlen(de->d_name) > 3 &&
			strcmp(de->d_name + strlen(de->d_name) - 3, ".gz") == 0;
		if ((f->path = dupstr(rel)) == NULL)
		{
			k->oom = true;
			break;
		}
		/* the relation, until grouped: kept in the fields of a cw_rel */
		w->nfiles++;
		w->total_bytes += f->size;
		db->nfiles++;
	}
	closedir(d);
	/* a tablespace's database directory holds relation files only */
	if (spcoid != DEFAULTTABLESPACE_OID && spcoid != GLOBALTABLESPACE_OID)
		return;
	if (!k->oom && (dboid == 0 || db->nfiles > 0))
		check_relmap(k, dir);
	if (!k->oom && dboid != 0)
	{
		snprintf(rel, sizeof(rel), "%s/PG_VERSION", dir);
		check_pg_version(k, rel, false);
	}
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return x < y ? -1 : x > y;
}

/* Every database directory under base/ or a tablespace's version directory. */
static void
walk_dbs(struct walker *k, const char *parent, uint32_t spcoid)
{
	char		full[CW_PATH];
	char		rel[CW_PATH];
	DIR		   *d;
	struct dirent *de;
	uint32_t   *oids = NULL;
	size_t		n = 0,
				cap = 0,
				i;

	snprintf(full, sizeof(full), "%s/%s", k->w->pgdata, parent);
	if ((d = opendir(full)) == NULL)
	{
		say(k, CW_CLUSTER, parent, D_NOT_IN_COPY, NULL);
		return;
	}
	while ((de = readdir(d)) != NULL)
	{
		uint32_t   *p;
		unsigned long v;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
			strncmp(de->d_name, "pgsql_tmp", 9) == 0 || strcmp(de->d_name, ".DS_Store") == 0)
			continue;
		snprintf(rel, sizeof(rel), "%s/%s", parent, de->d_name);
		if (!digits(de->d_name) || strlen(de->d_name) > 10 ||
			(v = strtoul(de->d_name, NULL, 10)) == 0 || v > UINT32_MAX)
		{
			say(k, CW_CLUSTER, rel, D_NOT_RELATION, "not a database directory's name");
			continue;
		}
		if ((p = grow(oids, &cap, n, sizeof(*oids))) == NULL)
		{
			k->oom = true;
			break;
		}
		oids = p;
		oids[n++] = (uint32_t) v;
	}
	closedir(d);
	if (n > 1)
		qsort(oids, n, sizeof(*oids), cmp_u32);
	for (i = 0; i < n && !k->oom; i++)
	{
		snprintf(rel, sizeof(rel), "%s/%u", parent, (unsigned) oids[i]);
		walk_db(k, rel, spcoid, oids[i]);
	}
	free(oids);
}

/* pg_tblspc/<oid>: the link followed into its PG_<major>_<catversion>. */
static void
walk_tablespaces(struct walker *k)
{
	struct cluster_walk *w = k->w;
	char		full[CW_PATH];
	char		rel[CW_PATH];
	DIR		   *d;
	struct dirent *de;

	snprintf(full, sizeof(full), "%s/pg_tblspc", w->pgdata);
	if ((d = opendir(full)) == NULL)
		return;					/* none: a partial copy or no tablespaces */
	while (!k->oom && (de = readdir(d)) != NULL)
	{
		struct stat st;
		unsigned long v;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(rel, sizeof(rel), "pg_tblspc/%s", de->d_name);
		if (!digits(de->d_name) || strlen(de->d_name) > 10 ||
			(v = strtoul(de->d_name, NULL, 10)) == 0 || v > UINT32_MAX)
		{
			say(k, CW_CLUSTER, rel, D_NOT_RELATION, "not a tablespace's OID");
			continue;
		}
		if (w->profile == NULL || !w->have_control)
		{
			say(k, CW_CLUSTER, rel, D_NOT_SUPPORTED,
				"the tablespace's version directory needs pg_control's catalog version");
			continue;
		}
		snprintf(rel, sizeof(rel), "pg_tblspc/%s/PG_%d_%u", de->d_name,
				 w->profile->major, (unsigned) w->control.catalog_version_no);
		if (snprintf(full, sizeof(full), "%s/%s", w->pgdata, rel) >= (int) sizeof(full) ||
			stat(full, &st) != 0 || !S_ISDIR(st.st_mode))
		{
			say(k, CW_CLUSTER, rel, D_NOT_IN_COPY, "the tablespace's directory for this version");
			continue;
		}
		walk_dbs(k, rel, (uint32_t) v);
	}
	closedir(d);
}

/* files[] order: database, relfilenode, tablespace, fork, segment. */
static int
cmp_file(const void *a, const void *b)
{
	const struct cw_file *x = a,
			   *y = b;
	struct relfile rx,
				ry;

	relpath_parse(x->path, &rx);
	relpath_parse(y->path, &ry);
	if (rx.dboid != ry.dboid)
		return rx.dboid < ry.dboid ? -1 : 1;
	if (rx.relfilenode != ry.relfilenode)
		return rx.relfilenode < ry.relfilenode ? -1 : 1;
	if (rx.spcoid != ry.spcoid)
		return rx.spcoid < ry.spcoid ? -1 : 1;
	if (rx.fork != ry.fork)
		return rx.fork < ry.fork ? -1 : 1;
	if (x->segno != y->segno)
		return x->segno < y->segno ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int
cmp_db(const void *a, const void *b)
{
	const struct cw_db *x = a,
			   *y = b;

	if (x->dboid != y->dboid)
		return x->dboid < y->dboid ? -1 : 1;
	return x->spcoid < y->spcoid ? -1 : x->spcoid > y->spcoid;
}

/* A fork's segments: each up to the last present, each full but the last. */
static void
check_segments(struct walker *k, size_t rel, size_t from, size_t to)
{
	struct cluster_walk *w = k->w;
	char		name[CW_PATH];
	size_t		i;
	uint32_t	want = 0;

	for (i = from; i < to; i++)
	{
		const struct cw_file *f = &w->files[i];
		const char *dot;

		for (; want < f->segno && !k->oom; want++)
		{
			/* the missing one's name: the first segment's, with ".N" */
			snprintf(name, sizeof(name), "%s", w->files[from].path);
			if (strlen(name) > 3 && strcmp(name + strlen(name) - 3, ".gz") == 0)
				name[strlen(name) - 3] = '\0';
			if ((dot = strrchr(name, '.')) != NULL && strrchr(name, '/') < dot)
				name[dot - name] = '\0';
			snprintf(name + strlen(name), sizeof(name) - strlen(name), ".%u", (unsigned) want);
			say(k, rel, name, D_SEGMENT_MISSING, want == 0 ? "segment 0" : NULL);
		}
		want = f->segno + 1;
		if (i + 1 < to && !f->gz && f->size < (uint64_t) RELSEG_SIZE * 8192)
		{
			snprintf(name, sizeof(name), "%llu of %u blocks",
					 (unsigned long long) (f->size / 8192), (unsigned) RELSEG_SIZE);
			say(k, rel, f->path, D_SEGMENT_SHORT, name);
		}
	}
}

/* Sort, group into relations, check each fork's segments. */
static void
group(struct walker *k)
{
	struct cluster_walk *w = k->w;
	size_t		i,
				cap = 0;

	if (w->nfiles > 1)
		qsort(w->files, w->nfiles, sizeof(*w->files), cmp_file);
	if (w->ndbs > 1)
		qsort(w->dbs, w->ndbs, sizeof(*w->dbs), cmp_db);
	for (i = 0; i < w->nfiles && !k->oom; i++)
	{
		struct relfile rf;
		struct cw_rel *r = w->nrels ? &w->rels[w->nrels - 1] : NULL;

		relpath_parse(w->files[i].path, &rf);
		if (r == NULL || r->dboid != rf.dboid || r->relfilenode != rf.relfilenode ||
			r->spcoid != rf.spcoid)
		{
			if ((r = grow(w->rels, &cap, w->nrels, sizeof(*r))) == NULL)
			{
				k->oom = true;
				break;
			}
			w->rels = r;
			r = &w->rels[w->nrels++];
			r->spcoid = rf.spcoid;
			r->dboid = rf.dboid;
			r->relfilenode = rf.relfilenode;
			r->first = i;
			r->nfiles = 0;
		}
		r->nfiles++;
	}
	for (i = 0; i < w->nrels && !k->oom; i++)
	{
		const struct cw_rel *r = &w->rels[i];
		size_t		a = r->first,
					b;

		while (a < r->first + r->nfiles)
		{
			for (b = a; b < r->first + r->nfiles && w->files[b].fork == w->files[a].fork; b++)
				;
			check_segments(k, i, a, b);
			a = b;
		}
	}
}

/* Findings in order: the cluster's, then by relation (stable otherwise). */
static int
cmp_finding(const void *a, const void *b)
{
	const struct cw_finding *x = a,
			   *y = b;
	size_t		rx = x->rel == CW_CLUSTER ? 0 : x->rel + 1;
	size_t		ry = y->rel == CW_CLUSTER ? 0 : y->rel + 1;

	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (x->file && y->file && strcmp(x->file, y->file) != 0)
		return strcmp(x->file, y->file);
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

struct cluster_walk *
cluster_walk_open(const char *pgdata, const char **err)
{
	struct walker k;
	struct stat st;

	memset(&k, 0, sizeof(k));
	if (stat(pgdata, &st) != 0 || !S_ISDIR(st.st_mode))
	{
		*err = "not a directory";
		return NULL;
	}
	if ((k.w = calloc(1, sizeof(*k.w))) == NULL || (k.w->pgdata = dupstr(pgdata)) == NULL)
	{
		free(k.w);
		*err = "out of memory";
		return NULL;
	}
	check_control(&k);
	check_pg_version(&k, "PG_VERSION", true);
	walk_db(&k, "global", GLOBALTABLESPACE_OID, 0);
	walk_dbs(&k, "base", DEFAULTTABLESPACE_OID);
	walk_tablespaces(&k);
	if (!k.oom)
		group(&k);
	if (k.oom)
	{
		cluster_walk_free(k.w);
		*err = "out of memory";
		return NULL;
	}
	/* readdir's order is the file system's: findings by name, then as found */
	if (k.w->nfindings > 1)
		qsort(k.w->findings, k.w->nfindings, sizeof(*k.w->findings), cmp_finding);
	return k.w;
}

size_t
cluster_walk_findings_of(const struct cluster_walk *w, size_t rel, size_t *n)
{
	size_t		i,
				first = w->nfindings;

	*n = 0;
	for (i = 0; i < w->nfindings; i++)
		if (w->findings[i].rel == rel)
		{
			if (*n == 0)
				first = i;
			(*n)++;
		}
	return first;
}

void
cluster_walk_free(struct cluster_walk *w)
{
	size_t		i;

	if (w == NULL)
		return;
	for (i = 0; i < w->nfiles; i++)
		free(w->files[i].path);
	for (i = 0; i < w->ndbs; i++)
		free(w->dbs[i].dir);
	for (i = 0; i < w->nfindings; i++)
		free(w->findings[i].file);
	free(w->files);
	free(w->rels);
	free(w->dbs);
	free(w->findings);
	free(w->pgdata);
	free(w);
}
