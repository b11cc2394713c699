/*
 * heapchain: update chains ordered from hand-made tuple references --
 * chains across pages, a version claimed with the wrong xmin, a cycle.
 */
#include "unit.h"

#include "heap/heapchain.h"

static void
test_chains(void **state)
{
	/* (0,1) -> (0,3) -> (1,2); (0,2) alone; (0,4) claims (0,3) with a wrong xid */
	static const struct heapchain_ref refs[] = {
		{0, 1, 100, 200, 0, 3},
		{0, 2, 100, 0, 0, 2},
		{0, 3, 200, 300, 1, 2},
		{0, 4, 100, 999, 0, 3},
		{1, 2, 300, 0, 1, 2},
	};
	struct heapchain_pos pos[5];

	(void) state;
	assert_int_equal(heapchain_order(refs, 5, pos), 0);
	assert_int_equal(pos[0].ref, 0);
	assert_int_equal(pos[0].version, 1);
	assert_int_equal(pos[1].ref, 2);
	assert_int_equal(pos[1].version, 2);
	assert_int_equal(pos[1].root, 0);
	assert_int_equal(pos[2].ref, 4);
	assert_int_equal(pos[2].version, 3);
	assert_int_equal(pos[3].ref, 1);
	assert_int_equal(pos[4].ref, 3);
	assert_int_equal(pos[4].version, 1);
}

static void
test_chain_cycle(void **state)
{
	/* damage: two versions naming each other; each placed once */
	static const struct heapchain_ref refs[] = {
		{0, 1, 100, 200, 0, 2},
		{0, 2, 200, 100, 0, 1},
	};
	struct heapchain_pos pos[2];

	(void) state;
	assert_int_equal(heapchain_order(refs, 2, pos), 0);
	assert_int_equal(pos[0].ref + pos[1].ref, 1);
	assert_int_equal(heapchain_order(refs, 0, pos), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chains),
		cmocka_unit_test(test_chain_cycle),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
