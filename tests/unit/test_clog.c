/*
 * clog: xid -> segment, byte and bits of pg_xact, the special XIDs, and a
 * segment read from a directory (plain, missing, short).
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cluster/clog.h"

static void
test_address(void **state)
{
	(void) state;
	assert_int_equal(clog_segment_of(0), 0);
	assert_int_equal(clog_segment_of(1048575), 0);	/* 32 pages * 32768 - 1 */
	assert_int_equal(clog_segment_of(1048576), 1);
	assert_int_equal(clog_segment_of(0xFFFFFFFFu), 4095);	/* segment FFF */
	assert_int_equal(clog_byte_of(3), 0);
	assert_int_equal(clog_byte_of(4), 1);
	assert_int_equal(clog_byte_of(32767), 8191);		/* end of page 0 */
	assert_int_equal(clog_byte_of(32768), 8192);		/* page 1 */
	assert_int_equal(clog_byte_of(1048575), CLOG_SEGMENT_BYTES - 1);
	assert_int_equal(clog_byte_of(1048576), 0);
}

static void
test_status(void **state)
{
	uint8_t		seg[16];

	(void) state;
	memset(seg, 0, sizeof(seg));
	/* xid 4: committed (bits 0-1), 5: aborted, 6: sub-committed, 7: in progress */
	seg[1] = 0x01 | 0x02 << 2 | 0x03 << 4;
	assert_int_equal(clog_status_in(seg, sizeof(seg), 4), CLOG_COMMITTED);
	assert_int_equal(clog_status_in(seg, sizeof(seg), 5), CLOG_ABORTED);
	assert_int_equal(clog_status_in(seg, sizeof(seg), 6), CLOG_SUB_COMMITTED);
	assert_int_equal(clog_status_in(seg, sizeof(seg), 7), CLOG_IN_PROGRESS);
	/* past the bytes we have: unknown, never a guess */
	assert_int_equal(clog_status_in(seg, sizeof(seg), 64), CLOG_UNKNOWN);
	assert_int_equal(clog_status_in(NULL, 0, 100), CLOG_UNKNOWN);
	/* bootstrap and frozen XIDs are committed, invalid is not */
	assert_int_equal(clog_status_in(NULL, 0, 1), CLOG_COMMITTED);
	assert_int_equal(clog_status_in(NULL, 0, 2), CLOG_COMMITTED);
	assert_int_equal(clog_status_in(NULL, 0, 0), CLOG_ABORTED);
	assert_string_equal(clog_status_name(CLOG_IN_PROGRESS), "in progress");
}

static void
test_files(void **state)
{
	char		dir[] = "/tmp/test_clog.XXXXXX";
	char		path[64];
	uint8_t		page[8192];
	struct clog *c;
	FILE	   *f;

	(void) state;
	assert_non_null(mkdtemp(dir));
	memset(page, 0, sizeof(page));
	page[1000 / 4] = (uint8_t) (CLOG_COMMITTED << ((1000 % 4) * 2));
	page[1001 / 4] |= (uint8_t) (CLOG_ABORTED << ((1001 % 4) * 2));
	snprintf(path, sizeof(path), "%s/0000", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(page, 1, sizeof(page), f), sizeof(page));
	fclose(f);
	/* segment 1 exists too, with xid 1048576 + 3 committed */
	snprintf(path, sizeof(path), "%s/0001", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	page[0] = (uint8_t) (CLOG_COMMITTED << 6);
	assert_int_equal(fwrite(page, 1, 1, f), 1);
	fclose(f);

	c = clog_open(dir);
	assert_non_null(c);
	assert_int_equal(clog_status(c, 1000), CLOG_COMMITTED);
	assert_int_equal(clog_status(c, 1001), CLOG_ABORTED);
	assert_int_equal(clog_status(c, 1002), CLOG_IN_PROGRESS);
	assert_int_equal(clog_status(c, 40000), CLOG_UNKNOWN);		/* page 1: file too short */
	assert_int_equal(clog_status(c, 1048579), CLOG_COMMITTED);	/* segment 0001 */
	assert_int_equal(clog_status(c, 1048580), CLOG_UNKNOWN);
	assert_int_equal(clog_status(c, 1000), CLOG_COMMITTED);	/* back to 0000 */
	assert_int_equal(clog_status(c, 3u * 1048576), CLOG_UNKNOWN);	/* no 0003 */
	clog_close(c);

	snprintf(path, sizeof(path), "%s/0000", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/0001", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
