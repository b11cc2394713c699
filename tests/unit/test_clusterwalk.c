/*
 * clusterwalk: a data directory made by hand in a scratch folder, walked:
 * what is skipped, how relations are grouped and ordered, the cluster's
 * findings (segments, PG_VERSION, maps, a tablespace, a partial copy).
 */
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

#include "cluster/clusterwalk.h"

static char dir[64];

static void
sh(const char *fmt, const char *a)
{
	char		cmd[2048];

	snprintf(cmd, sizeof(cmd), fmt, a, a, a, a, a, a, a, a);
	assert_int_equal(system(cmd), 0);
}

/* a file of n bytes under the scratch folder */
static void
file(const char *rel, long n)
{
	char		path[512];
	FILE	   *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	assert_non_null(f = fopen(path, "w"));
	if (n > 0)
	{
		assert_int_equal(fseek(f, n - 1, SEEK_SET), 0);
		fputc(0, f);
	}
	fclose(f);
}

static bool
has(const struct cluster_walk *w, enum diag_code code, const char *file_)
{
	size_t		i;

	for (i = 0; i < w->nfindings; i++)
		if (w->findings[i].d.code == code && w->findings[i].file != NULL &&
			strcmp(w->findings[i].file, file_) == 0)
			return true;
	return false;
}

static int
setup(void **state)
{
	(void) state;
	snprintf(dir, sizeof(dir), "/tmp/test_clusterwalk.XXXXXX");
	assert_non_null(mkdtemp(dir));
	if (access("testdata/pg15/data/global/pg_control", R_OK) != 0)
		return -1;
	sh("mkdir -p %s/global %s/base/5 %s/base/1 %s/pg_tblspc %s.ts && "
	   "cp testdata/pg15/data/global/pg_control testdata/pg15/data/global/pg_filenode.map %s/global/ && "
	   "cp testdata/pg15/data/base/16384/pg_filenode.map %s/base/5/ && printf '15\\n' >%s/PG_VERSION", dir);
	sh("cp %s/PG_VERSION %s/base/5/", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void) state;
	sh("rm -rf %s %s.ts", dir);
	return 0;
}

static void
test_walk(void **state)
{
	struct cluster_walk *w;
	const char *err = NULL;
	const struct cw_rel *r;
	char		ts[256];
	size_t		i;

	(void) state;
	file("global/1262", 8192);
	file("base/1/50", 8192);
	file("base/5/100", 16384);		/* 2 blocks, then segments 1 and 3 */
	file("base/5/100.1", 8192);
	file("base/5/100.3", 8192);
	file("base/5/100_vm", 8192);
	file("base/5/100_fsm", 24576);
	file("base/5/200.gz", 40);
	file("base/5/pg_internal.init", 100);	/* skipped as pg_checksums skips */
	file("base/5/t3_300", 8192);	/* a temporary relation */
	file("base/5/pgsql_tmp123", 10);
	file("base/5/.DS_Store", 10);
	file("base/5/notes.txt", 10);		/* no relation's: a notice */
	/* a tablespace: the link, its version directory from pg_control */
	w = cluster_walk_open(dir, &err);
	assert_non_null(w);
	assert_true(w->have_control);
	snprintf(ts, sizeof(ts), "%s.ts/PG_15_%u/5", dir, (unsigned) w->control.catalog_version_no);
	cluster_walk_free(w);
	sh("mkdir -p %s", ts);
	snprintf(ts + strlen(ts), sizeof(ts) - strlen(ts), "/400");
	{
		FILE	   *f = fopen(ts, "w");

		assert_non_null(f);
		fclose(f);
	}
	sh("ln -s %s.ts %s/pg_tblspc/16000", dir);

	w = cluster_walk_open(dir, &err);
	assert_non_null(w);
	assert_int_equal(w->major, 15);
	assert_non_null(w->profile);
	/* global first, then database 1, then 5 by relfilenode, the tablespace's last */
	assert_int_equal(w->nrels, 5);
	r = w->rels;
	assert_int_equal(r[0].dboid, 0);
	assert_int_equal(r[0].relfilenode, 1262);
	assert_int_equal(r[0].spcoid, 1664);
	assert_int_equal(r[1].dboid, 1);
	assert_int_equal(r[1].relfilenode, 50);
	assert_int_equal(r[2].relfilenode, 100);
	assert_int_equal(r[3].relfilenode, 200);
	assert_int_equal(r[4].relfilenode, 400);
	assert_int_equal(r[4].spcoid, 16000);
	assert_int_equal(r[4].dboid, 5);
	/* 100's files: main 0, 1, 3, then fsm, then vm */
	assert_int_equal(r[2].nfiles, 5);
	assert_string_equal(w->files[r[2].first].path, "base/5/100");
	assert_int_equal(w->files[r[2].first + 1].segno, 1);
	assert_int_equal(w->files[r[2].first + 2].segno, 3);
	assert_int_equal(w->files[r[2].first + 3].fork, FORK_FSM);
	assert_int_equal(w->files[r[2].first + 4].fork, FORK_VM);
	assert_int_equal(w->files[r[2].first + 3].size, 24576);
	assert_true(w->files[r[3].first].gz);
	assert_string_equal(w->files[r[3].first].path, "base/5/200.gz");
	assert_int_equal(w->nfiles, 9);
	/* the findings */
	assert_true(has(w, D_SEGMENT_MISSING, "base/5/100.2"));
	assert_true(has(w, D_SEGMENT_SHORT, "base/5/100"));
	assert_true(has(w, D_SEGMENT_SHORT, "base/5/100.1"));
	assert_false(has(w, D_SEGMENT_SHORT, "base/5/100.3"));	/* the last may be short */
	assert_true(has(w, D_NOT_RELATION, "base/5/notes.txt"));
	assert_false(has(w, D_NOT_RELATION, "base/5/t3_300"));
	assert_false(has(w, D_NOT_RELATION, "base/5/pg_internal.init"));
	assert_true(has(w, D_NOT_IN_COPY, "base/1/PG_VERSION"));
	assert_true(has(w, D_FILE_MISSING, "base/1/pg_filenode.map"));
	/* the relation's own findings are at it, the cluster's before them */
	for (i = 0; i < w->nfindings; i++)
		if (w->findings[i].d.code == D_SEGMENT_MISSING)
			assert_int_equal(w->findings[i].rel, 2);
	for (i = 1; i < w->nfindings; i++)
		assert_true(w->findings[i - 1].rel == CW_CLUSTER || w->findings[i].rel != CW_CLUSTER);
	cluster_walk_free(w);
}

static void
test_damaged_cluster_files(void **state)
{
	struct cluster_walk *w;
	const char *err = NULL;
	FILE	   *f;
	char		path[256];

	(void) state;
	/* PG_VERSION of another major, pg_control's CRC broken, a map cut short */
	snprintf(path, sizeof(path), "%s/base/5/PG_VERSION", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("16\n", f);
	fclose(f);
	sh("printf '\\377' | dd of=%s/global/pg_control bs=1 seek=40 conv=notrunc 2>/dev/null && "
	   "truncate -s 100 %s/global/pg_filenode.map", dir);
	w = cluster_walk_open(dir, &err);
	assert_non_null(w);
	assert_true(has(w, D_BAD_PG_VERSION, "base/5/PG_VERSION"));
	assert_true(has(w, D_CONTROL_CRC, "global/pg_control"));
	assert_true(has(w, D_BAD_RELMAP, "global/pg_filenode.map"));
	cluster_walk_free(w);
	/* a partial copy: no pg_control, no base/ */
	sh("rm -rf %s/global/pg_control %s/base", dir);
	w = cluster_walk_open(dir, &err);
	assert_non_null(w);
	assert_false(w->have_control);
	assert_true(has(w, D_NOT_IN_COPY, "global/pg_control"));
	assert_true(has(w, D_NOT_IN_COPY, "base"));
	cluster_walk_free(w);
	/* not a directory */
	snprintf(path, sizeof(path), "%s/PG_VERSION", dir);
	assert_null(cluster_walk_open(path, &err));
	assert_string_equal(err, "not a directory");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_damaged_cluster_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
