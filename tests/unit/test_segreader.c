/*
 * segreader and mapfork: the main fork files beside a map fork, the heap's
 * size over segments, blocks read forward by absolute number, and which of
 * the files given belong to a map.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "maps/mapfork.h"
#include "page/page.h"
#include "io/segreader.h"

static char dir[] = "/tmp/test_segreader.XXXXXX";

/* A file of nblocks pages, each byte 100 holding its block number's low byte. */
static void
write_file(const char *name, unsigned nblocks, unsigned first)
{
	char		path[128];
	uint8_t		page[BLCKSZ];
	FILE	   *f;
	unsigned	i;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	for (i = 0; i < nblocks; i++)
	{
		memset(page, 0, sizeof(page));
		page[100] = (uint8_t) (first + i);
		assert_int_equal(fwrite(page, 1, sizeof(page), f), sizeof(page));
	}
	fclose(f);
}

static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return -1;
	write_file("16385", 3, 0);
	write_file("16385.1", 2, 0);	/* blocks 131072, 131073 */
	write_file("16385_vm", 1, 0);
	write_file("16385.3", 1, 0);	/* after a gap: not a sibling */
	return 0;
}

static int
teardown(void **state)
{
	const char *names[] = {"16385", "16385.1", "16385_vm", "16385.3"};
	char		path[128];
	size_t		i;

	(void) state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
	return 0;
}

static void
test_siblings(void **state)
{
	char		path[128];
	char	  **files;
	int			n;
	uint32_t	nblocks = 0;
	struct diags ds;

	(void) state;
	snprintf(path, sizeof(path), "%s/16385_vm", dir);
	n = segreader_siblings(path, &files);
	assert_int_equal(n, 2);
	assert_non_null(strstr(files[0], "/16385"));
	assert_non_null(strstr(files[1], "/16385.1"));
	diags_reset(&ds);
	assert_int_equal(segreader_nblocks(files, n, &nblocks, &ds), 0);
	assert_int_equal(nblocks, 131072 + 2);
	segreader_free_list(files, n);
	/* a name that is not a relation file's has none */
	assert_int_equal(segreader_siblings("/tmp/page.bin", &files), 0);
	segreader_free_list(files, 0);
}

static void
test_read(void **state)
{
	char		path[128];
	char	  **files;
	int			n;
	struct segreader *sr;
	struct diags ds;
	const uint8_t *p;

	(void) state;
	snprintf(path, sizeof(path), "%s/16385_fsm", dir);	/* need not exist */
	n = segreader_siblings(path, &files);
	assert_int_equal(n, 2);
	sr = segreader_open(files, n);
	diags_reset(&ds);
	p = segreader_get(sr, 1, &ds);
	assert_non_null(p);
	assert_int_equal(p[100], 1);
	p = segreader_get(sr, 1, &ds);		/* the same again */
	assert_non_null(p);
	assert_null(segreader_get(sr, 3, &ds));	/* past segment 0's end */
	p = segreader_get(sr, 131073, &ds);
	assert_non_null(p);
	assert_int_equal(p[100], 1);
	assert_null(segreader_get(sr, 131074, &ds));
	assert_null(segreader_get(sr, 2 * 131072, &ds));	/* no segment 2 */
	assert_int_equal(ds.n, 0);
	segreader_close(sr);
	segreader_free_list(files, n);
}

static void
test_heap_files(void **state)
{
	char	   *given[] = {"a/16385", "a/16385.1", "a/99999"};
	char	  **out;
	int			n;

	(void) state;
	/* the files of the map's relfilenode, when the names say */
	n = mapfork_heap_files("b/16385_vm", given, 3, &out);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "a/16385");
	assert_string_equal(out[1], "a/16385.1");
	segreader_free_list(out, n);
	/* a map read from stdin takes every file given */
	n = mapfork_heap_files("-", given, 3, &out);
	assert_int_equal(n, 3);
	segreader_free_list(out, n);
}

static void
test_mapfork(void **state)
{
	char		path[128];
	struct mapfork *m;
	struct diags ds;

	(void) state;
	snprintf(path, sizeof(path), "%s/16385_vm", dir);
	diags_reset(&ds);
	m = mapfork_open(path, &ds);
	assert_non_null(m);
	/* a new (all-zero) page reads as NULL, and so does the end */
	assert_null(mapfork_page(m, 0, &ds));
	assert_false(mapfork_ended(m));
	assert_null(mapfork_page(m, 1, &ds));
	assert_true(mapfork_ended(m));
	assert_int_equal(ds.n, 0);
	mapfork_close(m);
	snprintf(path, sizeof(path), "%s/nonexistent_vm", dir);
	assert_null(mapfork_open(path, &ds));
	assert_int_equal(ds.d[0].code, D_OPEN_FAILED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_siblings),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_heap_files),
		cmocka_unit_test(test_mapfork),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
