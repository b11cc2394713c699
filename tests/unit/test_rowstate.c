/*
 * rowstate: a tuple's state from hand-built logs in a scratch data
 * directory -- pg_xact bits, pg_subtrans parents, two multixacts (lockers
 * only; a key-share locker and an updater that aborted, then committed),
 * a prepared transaction -- and pgvm's check of an all-visible page with
 * the whole logs against pg_xact alone.
 */
#include "unit.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cluster/rowstate.h"
#include "maps/vm.h"
#include "maps/vm_heapcheck.h"
#include "page/page.h"

static char dir[64];

static void
put(const char *rel, long off, const void *b, size_t len)
{
	char		path[256];
	int			fd;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++)
	{
		*p = '\0';
		(void) mkdir(path, 0755);
		*p = '/';
	}
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, b, len, off), (ssize_t) len);
	close(fd);
}

static void
put32(const char *rel, long off, uint32_t v)
{
	uint8_t		b[4];

	wr32(b, v);
	put(rel, off, b, 4);
}

/* pg_xact bits of xids 100..115 in one page: s[i] for xid 100 + i */
static void
xact_bits(const enum clog_status *s, int n)
{
	uint8_t		b[8] = {0};

	for (int i = 0; i < n; i++)
	{
		uint32_t	xid = 100 + (uint32_t) i;

		b[(xid / 4) - 25] |= (uint8_t) (s[i] << ((xid % 4) * 2));
	}
	put("pg_xact/0000", 25, b, sizeof(b));
}

/* member o of a multixact: its lock mode and xid */
static void
member(uint32_t o, uint8_t mode, uint32_t xid)
{
	put("pg_multixact/members/0000", (long) mxact_member_flag_byte_of(o), &mode, 1);
	put32("pg_multixact/members/0000", (long) mxact_member_xid_byte_of(o), xid);
}

/*
 * xids: 100 committed, 101 aborted, 102 sub-committed under 100, 103
 * prepared (in progress, pg_twophase), 104 never ended, 105 committed,
 * 106 aborted; multixacts: 1 = {100 sh, 105 sh}, 2 = {100 keysh,
 * 106 nokeyupd}, 3 = {100 keysh, 105 upd}.
 */
static struct xact *
logs(void)
{
	static const enum clog_status s[] = {
		CLOG_COMMITTED, CLOG_ABORTED, CLOG_SUB_COMMITTED, CLOG_IN_PROGRESS,
		CLOG_IN_PROGRESS, CLOG_COMMITTED, CLOG_ABORTED
	};
	struct pg_control c;
	struct xact *x;

	snprintf(dir, sizeof(dir), "/tmp/test_rowstate.XXXXXX");
	assert_non_null(mkdtemp(dir));
	xact_bits(s, 7);
	put32("pg_subtrans/0000", 102 * 4, 100);
	put("pg_twophase/00000067", 0, "x", 1);
	put32("pg_multixact/offsets/0000", 1 * 4, 1);
	put32("pg_multixact/offsets/0000", 2 * 4, 3);
	put32("pg_multixact/offsets/0000", 3 * 4, 5);
	member(1, MXACT_FOR_SHARE, 100);
	member(2, MXACT_FOR_SHARE, 105);
	member(3, MXACT_FOR_KEY_SHARE, 100);
	member(4, MXACT_NO_KEY_UPDATE, 106);
	member(5, MXACT_FOR_KEY_SHARE, 100);
	member(6, MXACT_UPDATE, 105);
	memset(&c, 0, sizeof(c));
	c.state = 1;				/* shut down: the prepared one stays in progress */
	c.next_xid = 200;
	c.oldest_xid = 3;
	c.oldest_multi = 1;
	c.next_multi = 4;
	c.next_multi_offset = 7;
	x = xact_open(dir);
	assert_non_null(x);
	xact_set_control(x, &c);
	return x;
}

static void
cleanup(struct xact *x)
{
	char		cmd[128];

	xact_close(x);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* A tuple at (0,1): xmin, xmax, infomask, t_ctid (0,ctid_lp). */
static struct heap_tuple
tuple(uint32_t xmin, uint32_t xmax, uint16_t infomask, uint16_t ctid_lp)
{
	struct heap_tuple t;

	memset(&t, 0, sizeof(t));
	t.status = HT_OK;
	t.xmin = xmin;
	t.xmax = xmax;
	t.infomask = infomask;
	t.ctid_offset = ctid_lp;
	return t;
}

static void
test_judge(void **state)
{
	struct xact *x = logs();
	struct diags ds;
	struct rowstate rs;
	struct heap_tuple t;

	(void) state;
	diags_reset(&ds);
	/* a sub-committed xmin: its parent committed */
	t = tuple(102, 0, HEAP_XMAX_INVALID, 1);
	rowstate_judge(x, &t, 0, 1, &rs, &ds);
	assert_string_equal(xact_sql(&rs.xmin), "committed");
	assert_null(xact_sql(&rs.xmax));
	assert_true(rs.v.visible);
	assert_int_equal(rowstate_did(x, &rs, &t, 100), ROWSTATE_DID_INSERT);
	assert_int_equal(rowstate_did(x, &rs, &t, 105), 0);
	/* prepared and never-ended inserts */
	t = tuple(103, 0, HEAP_XMAX_INVALID, 1);
	rowstate_judge(x, &t, 0, 1, &rs, &ds);
	assert_string_equal(xact_sql(&rs.xmin), "in progress");
	assert_false(rs.v.visible || rs.v.aborted);
	t = tuple(104, 0, HEAP_XMAX_INVALID, 1);
	rowstate_judge(x, &t, 0, 1, &rs, &ds);
	assert_string_equal(xact_sql(&rs.xmin), "aborted");
	assert_true(rs.v.aborted);
	/* a prepared delete: still visible */
	t = tuple(100, 103, HEAP_XMIN_COMMITTED, 1);
	rowstate_judge(x, &t, 0, 1, &rs, &ds);
	assert_string_equal(xact_sql(&rs.xmax), "in progress");
	assert_true(rs.v.visible);
	assert_int_equal(rowstate_did(x, &rs, &t, 103), ROWSTATE_DID_DELETE);
	/* multixact 1: two lockers */
	t = tuple(100, 1, HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI | HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_SHR_LOCK, 1);
	rowstate_judge(x, &t, 0, 1, &rs, &ds);
	assert_true(rs.multi && rs.v.visible);
	assert_int_equal(rs.nmembers, 2);
	assert_int_equal(rs.mem[1].xid, 105);
	assert_int_equal(rs.mem[1].mode, MXACT_FOR_SHARE);
	assert_string_equal(xact_sql(&rs.mem[1].st), "committed");
	assert_null(xact_sql(&rs.xmax));
	assert_int_equal(rowstate_did(x, &rs, &t, 105), ROWSTATE_DID_LOCK);
	/* multixact 2: the updater aborted, the row stands */
	t = tuple(100, 2, HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI, 5);
	rowstate_judge(x, &t, 0, 1, &rs, &ds);
	assert_int_equal(rs.xmax.xid, 106);
	assert_string_equal(xact_sql(&rs.xmax), "aborted");
	assert_true(rs.v.visible);
	assert_int_equal(rs.v.xmax_kind, HVX_UPDATE);
	/* multixact 3: the updater committed */
	t = tuple(100, 3, HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI, 5);
	rowstate_judge(x, &t, 0, 1, &rs, &ds);
	assert_int_equal(rs.xmax.xid, 105);
	assert_false(rs.v.visible);
	assert_true(rs.v.deleted);
	assert_int_equal(rowstate_did(x, &rs, &t, 105), ROWSTATE_DID_UPDATE);
	assert_int_equal(ds.n, 0);
	/* hint bits the logs contradict: a finding at the tuple */
	t = tuple(101, 0, HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID, 1);
	rowstate_judge(x, &t, 7, 3, &rs, &ds);
	assert_true(rs.v.visible);		/* PostgreSQL believes the hint */
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_HINT_BITS);
	assert_int_equal(ds.d[0].blkno, 7);
	assert_int_equal(ds.d[0].item, 3);
	assert_non_null(strstr(ds.d[0].detail, "xmin 101: HEAP_XMIN_COMMITTED set but xmin aborted"));
	cleanup(x);
}

static void
test_damaged_multixact(void **state)
{
	struct xact *x = logs();
	struct diags ds;
	struct rowstate rs;
	struct heap_tuple t;
	char		cmd[160];

	(void) state;
	snprintf(cmd, sizeof(cmd), ": > %s/pg_multixact/members/0000", dir);
	assert_int_equal(system(cmd), 0);
	diags_reset(&ds);
	t = tuple(100, 3, HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI, 5);
	rowstate_judge(x, &t, 0, 1, &rs, &ds);
	assert_int_equal(rs.mres, MXACT_UNKNOWN);
	assert_int_equal(rs.nmembers, 0);
	assert_int_equal(rs.xmax.recovered, XACT_UNKNOWN);
	assert_true(rs.v.assumed);		/* the newest version wins */
	assert_int_equal(ds.d[0].code, D_XACT_UNKNOWN);
	cleanup(x);
}

/* pgvm --check: an all-visible page whose multixact updater aborted */
static void
test_vm_with_logs(void **state)
{
	struct xact *x = logs();
	uint8_t		page[BLCKSZ];
	uint32_t	lp,
				xmin = 100,
				xmax = 2;
	uint16_t	im = HEAP_XMIN_COMMITTED | HEAP_XMAX_IS_MULTI;
	struct vm_logs both = {NULL, x};
	struct diags ds;

	(void) state;
	memset(page, 0, BLCKSZ);
	page[10] = (uint8_t) PD_ALL_VISIBLE;
	page[12] = 28;
	page[14] = 8128 & 0xff;
	page[15] = 8128 >> 8;
	page[17] = 8192 >> 8;
	page[18] = 0x04;
	page[19] = 0x20;
	lp = 8128u | (uint32_t) LP_NORMAL << 15 | 32u << 17;
	memcpy(page + 24, &lp, 4);
	memcpy(page + 8128, &xmin, 4);
	memcpy(page + 8132, &xmax, 4);
	page[8128 + 16] = 5;		/* t_ctid (0,5): an update */
	page[8128 + 18] = 1;
	page[8128 + 20] = (uint8_t) im;
	page[8128 + 21] = (uint8_t) (im >> 8);
	page[8128 + 22] = 24;
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE, NULL, &ds), 1);
	assert_non_null(strstr(ds.d[0].detail, "multixact 2, an update"));
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page_logs(page, 0, VM_ALL_VISIBLE, &both, &ds), 0);
	/* multixact 3's updater committed: not visible to all */
	xmax = 3;
	memcpy(page + 8132, &xmax, 4);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page_logs(page, 0, VM_ALL_VISIBLE, &both, &ds), 1);
	assert_non_null(strstr(ds.d[0].detail, "xmax is multixact 3, updated by 105 (committed)"));
	cleanup(x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_judge),
		cmocka_unit_test(test_damaged_multixact),
		cmocka_unit_test(test_vm_with_logs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
