/*
 * relpath: what a file name says (relfilenode, fork, segment, database,
 * tablespace), and that anything else reads as "not named".
 */
#include "unit.h"

#include "io/relpath.h"

struct want {
	const char *path;
	bool		named;
	uint32_t	spcoid;
	uint32_t	dboid;
	uint32_t	relfilenode;
	enum fork_number fork;
	uint32_t	segno;
};

static void
check(const struct want *w)
{
	struct relfile rf;

	memset(&rf, 0x5A, sizeof(rf));
	relpath_parse(w->path, &rf);
	if (rf.named != w->named || rf.relfilenode != w->relfilenode ||
		rf.fork != w->fork || rf.segno != w->segno ||
		rf.dboid != w->dboid || rf.spcoid != w->spcoid)
		print_error("%s: named %d spc %u db %u rel %u fork %d seg %u\n", w->path,
					rf.named, (unsigned) rf.spcoid, (unsigned) rf.dboid,
					(unsigned) rf.relfilenode, (int) rf.fork, (unsigned) rf.segno);
	assert_int_equal(rf.named, w->named);
	assert_int_equal(rf.relfilenode, w->relfilenode);
	assert_int_equal(rf.fork, w->fork);
	assert_int_equal(rf.segno, w->segno);
	assert_int_equal(rf.first_block, (uint64_t) w->segno * RELSEG_SIZE);
	assert_int_equal(rf.dboid, w->dboid);
	assert_int_equal(rf.spcoid, w->spcoid);
}

static void
test_good_names(void **state)
{
	static const struct want cases[] = {
		{"16384", true, 0, 0, 16384, FORK_MAIN, 0},
		{"base/5/16384", true, 1663, 5, 16384, FORK_MAIN, 0},
		{"base/5/16384.2", true, 1663, 5, 16384, FORK_MAIN, 2},
		{"/var/lib/postgresql/15/main/base/16384/16385.1", true, 1663, 16384, 16385, FORK_MAIN, 1},
		{"16384_fsm", true, 0, 0, 16384, FORK_FSM, 0},
		{"16384_vm", true, 0, 0, 16384, FORK_VM, 0},
		{"16384_vm.1", true, 0, 0, 16384, FORK_VM, 1},
		{"16384_init", true, 0, 0, 16384, FORK_INIT, 0},
		{"base/1/16384_fsm.3", true, 1663, 1, 16384, FORK_FSM, 3},
		{"x/16384.gz", true, 0, 0, 16384, FORK_MAIN, 0},
		{"16384.3.gz", true, 0, 0, 16384, FORK_MAIN, 3},
		{"16384_vm.gz", true, 0, 0, 16384, FORK_VM, 0},
		{"global/1262", true, 1664, 0, 1262, FORK_MAIN, 0},
		{"/data/global/1262_vm", true, 1664, 0, 1262, FORK_VM, 0},
		{"5/16384", true, 0, 5, 16384, FORK_MAIN, 0},
		{"pg_tblspc/16400/PG_15_202209061/5/16384", true, 16400, 5, 16384, FORK_MAIN, 0},
		{"/d/pg_tblspc/16400/PG_15_202209061/16401/16402_fsm.7", true, 16400, 16401, 16402, FORK_FSM, 7},
		{"PG_15_202209061/5/16384", true, 0, 5, 16384, FORK_MAIN, 0},
		{"/PG_15_202209061/5/16384", true, 0, 5, 16384, FORK_MAIN, 0},
		{"ts/PG_15_202209061/5/16384", true, 0, 5, 16384, FORK_MAIN, 0},
		{"4294967295", true, 0, 0, 4294967295u, FORK_MAIN, 0},
		{"16384.32767", true, 0, 0, 16384, FORK_MAIN, 32767},	/* last reachable segment */
		{"16384.1", true, 0, 0, 16384, FORK_MAIN, 1},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check(&cases[i]);
}

static void
test_first_block(void **state)
{
	struct relfile rf;

	(void) state;
	relpath_parse("base/5/16384.2", &rf);
	assert_int_equal(rf.first_block, 2 * 131072);
	relpath_parse("16384.32767", &rf);
	assert_int_equal(rf.first_block, 4294836224u);
	relpath_parse("16384", &rf);
	assert_int_equal(rf.first_block, 0);
}

static void
test_bad_names(void **state)
{
	static const char *const bad[] = {
		"abc", "16384.", ".1", "16384_xyz", "0", "4294967296", "99999999999999999999",
		"", "/", "base/5/", "page.bin", "16384.gz.1", "16384_fsm_vm", "_fsm",
		"16384_", "-1", "+5", " 16384", "16384 ", "16384.-1", "16384..1",
		"0.1", "0_vm", "16384.1.2", "1e5", "0x10", "16384_FSM", "16384.gz.gz",
		/* segments whose first block would not fit in 32 bits */
		"16384.32768", "16384.65536", "16384.4294967295", "16384.4294967296",
		"16384.99999999999",
	};

	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		struct want w = {bad[i], false, 0, 0, 0, FORK_MAIN, 0};

		check(&w);
	}
}

static void
test_fork_name(void **state)
{
	(void) state;
	assert_string_equal(fork_name(FORK_MAIN), "main");
	assert_string_equal(fork_name(FORK_FSM), "fsm");
	assert_string_equal(fork_name(FORK_VM), "vm");
	assert_string_equal(fork_name(FORK_INIT), "init");
	assert_string_equal(fork_name((enum fork_number) 9), "unknown");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_names),
		cmocka_unit_test(test_first_block),
		cmocka_unit_test(test_bad_names),
		cmocka_unit_test(test_fork_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
