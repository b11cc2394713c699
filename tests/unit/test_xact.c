/*
 * xact, subtrans, multixact: transaction status from hand-built SLRU pages
 * (special, too old and future XIDs, epochs, sub-commits through
 * pg_subtrans, prepared and crashed transactions, multixact members across
 * a page boundary, the newest multixact ending at nextMultiOffset, offsets
 * and multixacts wrapping, truncated segments, hostile offsets), then every
 * fixture's pg_xact held against the hint bits of every heap tuple
 * PostgreSQL's heap_page_items() saw, and damaged copies of pg16's files.
 */
#include "unit.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cluster/xact.h"
#include "cluster/subtrans.h"

static char dir[64];

/* Write len bytes at off of dir/rel (made, with its folders, if need be). */
static void
put(const char *rel, long off, const void *b, size_t len)
{
	char		path[256];
	int			fd;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	/* its folders, as mkdir -p would */
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

/* Two pg_xact bits of xid, on a page of its own in a scratch file. */
static void
set_bits(uint32_t xid, enum clog_status s)
{
	char		rel[32],
				path[256];
	long		off = (long) (xid % (CLOG_XACTS_PER_PAGE * 32)) / 4;
	uint8_t		b = 0;
	int			fd;

	snprintf(rel, sizeof(rel), "pg_xact/%04X", (unsigned) clog_segment_of(xid));
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	fd = open(path, O_RDONLY);
	if (fd >= 0)
	{
		if (pread(fd, &b, 1, off) != 1)
			b = 0;
		close(fd);
	}
	b = (uint8_t) ((b & ~(3u << ((xid % 4) * 2))) | (unsigned) s << ((xid % 4) * 2));
	put(rel, off, &b, 1);
}

static void
scratch(void)
{
	snprintf(dir, sizeof(dir), "/tmp/test_xact.XXXXXX");
	assert_non_null(mkdtemp(dir));
}

static void
cleanup(void)
{
	char		cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

static struct pg_control
control(int state, uint32_t epoch, uint32_t next, uint32_t oldest)
{
	struct pg_control c;

	memset(&c, 0, sizeof(c));
	c.state = state;
	c.next_xid_epoch = epoch;
	c.next_xid = next;
	c.oldest_xid = oldest;
	c.oldest_multi = 1;
	c.next_multi = 1;
	return c;
}

static bool
has(const struct diags *ds, enum diag_code code, const char *text)
{
	for (int i = 0; i < ds->n; i++)
		if (ds->d[i].code == code && (text == NULL || strstr(ds->d[i].detail, text)))
			return true;
	return false;
}

static struct xact_status
look(struct xact *x, uint32_t xid, struct diags *ds)
{
	struct xact_status st;

	xact_lookup(x, xid, &st, ds);
	return st;
}

static void
test_special(void **state)
{
	struct pg_control c = control(1, 0, 1000, 100);
	struct diags ds;
	struct xact *x;
	struct xact_status st;

	(void) state;
	scratch();
	x = xact_open(dir);
	assert_non_null(x);
	xact_set_control(x, &c);
	diags_reset(&ds);
	st = look(x, 0, &ds);
	assert_int_equal(st.raw, XACT_NONE);
	assert_null(xact_sql(&st));
	st = look(x, 1, &ds);
	assert_int_equal(st.recovered, XACT_COMMITTED);
	assert_true(st.flags & XACT_F_SPECIAL);
	assert_string_equal(xact_sql(&st), "committed");
	st = look(x, 2, &ds);
	assert_string_equal(xact_sql(&st), "committed");
	assert_int_equal(ds.n, 0);		/* no pg_xact needed for them */
	assert_string_equal(xact_word_name(XACT_IN_PROGRESS), "in progress");
	xact_close(x);
	cleanup();
}

static void
test_rules(void **state)
{
	struct pg_control c = control(1, 0, 2000000, 100);
	struct diags ds;
	struct xact *x;
	struct xact_status st;
	uint8_t		zero[8192];

	(void) state;
	scratch();
	set_bits(50, CLOG_COMMITTED);	/* too old, still in pg_xact */
	set_bits(200, CLOG_COMMITTED);
	set_bits(201, CLOG_ABORTED);
	set_bits(202, CLOG_IN_PROGRESS);
	set_bits(203, CLOG_IN_PROGRESS);
	put("pg_twophase/000000CB", 0, "x", 1);		/* 203 is prepared */
	set_bits(204, CLOG_SUB_COMMITTED);
	put32("pg_subtrans/0000", 204 * 4, 200);
	set_bits(205, CLOG_SUB_COMMITTED);			/* 205 -> 204 -> 200 */
	put32("pg_subtrans/0000", 205 * 4, 204);
	set_bits(206, CLOG_SUB_COMMITTED);
	put32("pg_subtrans/0000", 206 * 4, 201);
	set_bits(207, CLOG_SUB_COMMITTED);
	put32("pg_subtrans/0000", 207 * 4, 203);
	set_bits(208, CLOG_SUB_COMMITTED);			/* no parent: 0 */
	set_bits(209, CLOG_SUB_COMMITTED);
	put32("pg_subtrans/0000", 209 * 4, 300);	/* a parent after its child */
	set_bits(3000, CLOG_SUB_COMMITTED);			/* pg_subtrans page 1: not there */
	memset(zero, 0, sizeof(zero));
	put("pg_subtrans/0000", 4096, zero, 8192 - 4096);

	x = xact_open(dir);
	assert_non_null(x);
	xact_set_control(x, &c);
	diags_reset(&ds);
	assert_string_equal(xact_sql((st = look(x, 200, &ds), &st)), "committed");
	assert_string_equal(xact_sql((st = look(x, 201, &ds), &st)), "aborted");
	st = look(x, 202, &ds);
	assert_int_equal(st.raw, XACT_IN_PROGRESS);
	assert_int_equal(st.recovered, XACT_ABORTED);
	assert_true(st.flags & XACT_F_NEVER_ENDED);
	assert_false(st.flags & XACT_F_WAL);
	st = look(x, 203, &ds);
	assert_int_equal(st.recovered, XACT_IN_PROGRESS);
	assert_true(st.flags & XACT_F_PREPARED);
	assert_string_equal(xact_sql(&st), "in progress");
	st = look(x, 204, &ds);
	assert_int_equal(st.bits, CLOG_SUB_COMMITTED);
	assert_int_equal(st.recovered, XACT_COMMITTED);
	assert_int_equal(st.top, 200);
	assert_true(st.flags & XACT_F_SUBTRANS);
	st = look(x, 205, &ds);
	assert_int_equal(st.recovered, XACT_COMMITTED);
	assert_int_equal(st.top, 200);
	st = look(x, 206, &ds);
	assert_string_equal(xact_sql(&st), "aborted");
	st = look(x, 207, &ds);						/* parent prepared */
	assert_int_equal(st.raw, XACT_IN_PROGRESS);
	assert_int_equal(st.recovered, XACT_IN_PROGRESS);
	assert_int_equal(ds.n, 0);
	st = look(x, 208, &ds);						/* DidCommit: not committed */
	assert_int_equal(st.raw, XACT_UNKNOWN);
	assert_int_equal(st.recovered, XACT_ABORTED);
	assert_true(st.flags & XACT_F_NO_PARENT);
	st = look(x, 209, &ds);
	assert_int_equal(st.recovered, XACT_UNKNOWN);
	assert_true(has(&ds, D_SUBTRANS_PARENT, "parent 300"));
	st = look(x, 3000, &ds);
	assert_int_equal(st.recovered, XACT_UNKNOWN);
	assert_true(has(&ds, D_XACT_UNKNOWN, "pg_subtrans/0000 too short"));

	/* too old: NULL for pg_xact_status(), pg_xact's bits while it has them */
	st = look(x, 50, &ds);
	assert_true(st.flags & XACT_F_TOO_OLD);
	assert_int_equal(st.recovered, XACT_COMMITTED);
	assert_false(st.flags & XACT_F_ASSUMED);
	assert_null(xact_sql(&st));
	/* in the future of a clean shutdown: a finding */
	diags_reset(&ds);
	st = look(x, 2000000, &ds);
	assert_true(st.flags & XACT_F_FUTURE);
	assert_null(xact_sql(&st));
	assert_true(has(&ds, D_XACT_FUTURE, "2000000"));
	/* pg_xact/0001 missing: unknown, said once for the segment */
	diags_reset(&ds);
	st = look(x, 1048576 + 5, &ds);
	assert_int_equal(st.raw, XACT_UNKNOWN);
	assert_null(xact_sql(&st));
	assert_true(has(&ds, D_XACT_UNKNOWN, "pg_xact/0001 missing"));
	st = look(x, 1048576 + 9, &ds);
	assert_int_equal(ds.n, 1);
	/* pg_xact/0000 ends inside page 0: past its end is unknown too */
	st = look(x, 40000, &ds);
	assert_int_equal(st.raw, XACT_UNKNOWN);
	assert_true(has(&ds, D_XACT_UNKNOWN, "pg_xact/0000 too short"));
	xact_close(x);

	/* the same files after a crash: in progress may be committed in WAL */
	c = control(6, 0, 2000000, 100);
	x = xact_open(dir);
	xact_set_control(x, &c);
	assert_true(xact_crashed(x, NULL));
	diags_reset(&ds);
	st = look(x, 202, &ds);
	assert_int_equal(st.recovered, XACT_ABORTED);
	assert_true(st.flags & XACT_F_WAL);
	/* past the checkpoint's next xid, on a page not written yet: no finding */
	st = look(x, 2000100, &ds);
	assert_true(st.flags & XACT_F_FUTURE);
	assert_int_equal(st.raw, XACT_UNKNOWN);
	assert_int_equal(st.recovered, XACT_ABORTED);
	assert_true(st.flags & XACT_F_ASSUMED);
	assert_int_equal(ds.n, 0);
	xact_close(x);
	cleanup();
}

static void
test_epochs(void **state)
{
	/* epoch 2, next xid 5000; oldest xid 3000000000 is from epoch 1 */
	struct pg_control c = control(1, 2, 5000, 3000000000u);
	struct diags ds;
	struct xact *x;
	struct xact_status st;

	(void) state;
	scratch();
	set_bits(4000, CLOG_COMMITTED);
	set_bits(4000000000u, CLOG_ABORTED);
	x = xact_open(dir);
	xact_set_control(x, &c);
	diags_reset(&ds);
	st = look(x, 4000, &ds);				/* this epoch */
	assert_int_equal(st.fxid, (2ull << 32) | 4000);
	assert_string_equal(xact_sql(&st), "committed");
	st = look(x, 4000000000u, &ds);			/* the epoch before */
	assert_int_equal(st.fxid, (1ull << 32) | 4000000000u);
	assert_string_equal(xact_sql(&st), "aborted");
	st = look(x, 2000000000u, &ds);			/* before oldestXid */
	assert_true(st.flags & XACT_F_TOO_OLD);
	assert_int_equal(st.recovered, XACT_COMMITTED);
	assert_true(st.flags & XACT_F_ASSUMED);	/* pg_xact/0773 is gone */
	xact_lookup_full(x, 4000000000u, &st, &ds);	/* epoch 0: wrapped */
	assert_true(st.flags & XACT_F_TOO_OLD);
	xact_lookup_full(x, (1ull << 32) | 4000, &st, &ds);	/* a full epoch back */
	assert_true(st.flags & XACT_F_TOO_OLD);
	assert_int_equal(ds.n, 0);
	xact_lookup_full(x, (2ull << 32) | 5000, &st, &ds);
	assert_true(st.flags & XACT_F_FUTURE);
	xact_lookup_full(x, (3ull << 32) | 10, &st, &ds);
	assert_true(st.flags & XACT_F_FUTURE);
	assert_int_equal(ds.n, 2);
	xact_close(x);
	cleanup();
}

static void
test_subtrans_address(void **state)
{
	uint8_t		page[8];
	uint32_t	p;

	(void) state;
	assert_int_equal(subtrans_page_of(2047), 0);
	assert_int_equal(subtrans_page_of(2048), 1);
	assert_int_equal(subtrans_offset_of(2049), 4);
	assert_int_equal(subtrans_segment_of(65535), 0);
	assert_int_equal(subtrans_segment_of(65536), 1);
	assert_int_equal(subtrans_segment_of(0xFFFFFFFFu), 0xFFFF);
	wr32(page, 0);
	wr32(page + 4, 77);
	assert_int_equal(subtrans_parent_in(page, 8, 1, &p), SUBTRANS_PARENT);
	assert_int_equal(p, 77);
	assert_int_equal(subtrans_parent_in(page, 8, 0, &p), SUBTRANS_NONE);
	assert_int_equal(subtrans_parent_in(page, 7, 1, &p), SUBTRANS_UNKNOWN);
	assert_int_equal(subtrans_parent_in(NULL, 0, 1, &p), SUBTRANS_UNKNOWN);
}

/* A member at offset o: its xid and its status flag byte. */
static void
member(const char *mdir, uint32_t o, uint32_t xid, uint8_t status)
{
	char		rel[64];
	uint32_t	page = mxact_member_page_of(o);
	long		base = (long) (page % 32) * 8192;

	snprintf(rel, sizeof(rel), "%s/%04X", mdir, (unsigned) (page / 32));
	put32(rel, base + (long) mxact_member_xid_byte_of(o), xid);
	put(rel, base + (long) mxact_member_flag_byte_of(o), &status, 1);
}

static void
offset_of(const char *odir, uint32_t multi, uint32_t off)
{
	char		rel[64];
	uint32_t	page = mxact_offset_page_of(multi);

	snprintf(rel, sizeof(rel), "%s/%04X", odir, (unsigned) (page / 32));
	put32(rel, (long) (page % 32) * 8192 + (long) mxact_offset_byte_of(multi), off);
}

static void
test_multixact(void **state)
{
	struct pg_control c = control(1, 0, 1000, 3);
	struct mxact_member mem[8];
	struct diags ds;
	struct xact *x;
	size_t		n;
	static const uint32_t offs[] = {0, 1632, 1634, 1637, 1639, 1641, 0, 100, 50, 1645};

	(void) state;
	assert_int_equal(mxact_member_flag_byte_of(5), 21);
	assert_int_equal(mxact_member_xid_byte_of(5), 20 + 4 + 4);
	assert_int_equal(mxact_member_page_of(1636), 1);
	assert_int_equal(mxact_member_xid_byte_of(1635), 408 * 20 + 4 + 12);	/* page's last group */
	assert_int_equal(mxact_member_page_of(0xFFFFFFFFu) / 32, 0x14078);
	assert_string_equal(mxact_status_name(MXACT_FOR_NO_KEY_UPDATE), "fornokeyupd");
	assert_null(mxact_status_name(6));

	scratch();
	for (uint32_t m = 1; m < 10; m++)
		offset_of("pg_multixact/offsets", m, offs[m]);
	member("pg_multixact/members", 1632, 200, MXACT_FOR_KEY_SHARE);
	member("pg_multixact/members", 1633, 201, MXACT_FOR_SHARE);
	/* multixact 2: members 1634, 1635 on page 0, 1636 on page 1 */
	member("pg_multixact/members", 1634, 300, MXACT_FOR_SHARE);
	member("pg_multixact/members", 1635, 301, MXACT_FOR_SHARE);
	member("pg_multixact/members", 1636, 302, MXACT_UPDATE);
	member("pg_multixact/members", 1637, 400, MXACT_FOR_UPDATE);
	member("pg_multixact/members", 1638, 401, 9);		/* no such status */
	member("pg_multixact/members", 1645, 500, MXACT_FOR_KEY_SHARE);
	member("pg_multixact/members", 1646, 501, MXACT_NO_KEY_UPDATE);
	c.next_multi = 10;
	c.next_multi_offset = 1647;
	c.oldest_multi = 1;
	x = xact_open(dir);
	xact_set_control(x, &c);
	diags_reset(&ds);
	assert_int_equal(xact_multi(x, 1, mem, 8, &n, &ds), MXACT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(mem[0].xid, 200);
	assert_string_equal(mxact_status_name(mem[0].status), "keysh");
	assert_string_equal(mxact_status_name(mem[1].status), "sh");
	assert_int_equal(mxact_updater(mem, n), 0);
	assert_int_equal(xact_multi(x, 2, mem, 8, &n, &ds), MXACT_OK);	/* across pages */
	assert_int_equal(n, 3);
	assert_int_equal(mem[2].xid, 302);
	assert_int_equal(mxact_updater(mem, n), 302);
	assert_int_equal(xact_multi(x, 2, mem, 2, &n, &ds), MXACT_OK);	/* room for 2 */
	assert_int_equal(n, 3);
	assert_int_equal(xact_multi(x, 9, mem, 8, &n, &ds), MXACT_OK);	/* ends at nextMultiOffset */
	assert_int_equal(n, 2);
	assert_string_equal(mxact_status_name(mem[1].status), "nokeyupd");
	assert_int_equal(mxact_updater(mem, n), 501);
	assert_int_equal(ds.n, 0);
	assert_int_equal(xact_multi(x, 0, mem, 8, &n, &ds), MXACT_NONE);
	assert_int_equal(xact_multi(x, 10, mem, 8, &n, &ds), MXACT_FUTURE);
	assert_true(has(&ds, D_MULTIXACT, "not been created yet"));
	/* hostile: a status byte, a next offset of 0, offset 0, offsets backwards */
	diags_reset(&ds);
	assert_int_equal(xact_multi(x, 3, mem, 8, &n, &ds), MXACT_BAD);
	assert_true(has(&ds, D_MULTIXACT, "status 9"));
	assert_int_equal(xact_multi(x, 5, mem, 8, &n, &ds), MXACT_BAD);
	assert_true(has(&ds, D_MULTIXACT, "invalid next offset"));
	assert_int_equal(xact_multi(x, 6, mem, 8, &n, &ds), MXACT_BAD);
	assert_true(has(&ds, D_MULTIXACT, "has offset 0"));
	assert_int_equal(xact_multi(x, 7, mem, 8, &n, &ds), MXACT_BAD);
	assert_true(has(&ds, D_MULTIXACT, "members (at most"));
	/* offsets 50..1644: members never written (xid 0), bounded, a finding */
	assert_int_equal(xact_multi(x, 8, mem, 8, &n, &ds), MXACT_BAD);
	assert_true(has(&ds, D_MULTIXACT, "offset 50 has xid 0"));
	xact_close(x);

	/* the members segment cut after its first page: unknown, said once */
	assert_int_equal(truncate(strcat(strcpy((char[128]) {0}, dir), "/pg_multixact/members/0000"), 8192), 0);
	x = xact_open(dir);
	xact_set_control(x, &c);
	diags_reset(&ds);
	assert_int_equal(xact_multi(x, 1, mem, 8, &n, &ds), MXACT_OK);
	assert_int_equal(xact_multi(x, 2, mem, 8, &n, &ds), MXACT_UNKNOWN);
	assert_int_equal(xact_multi(x, 9, mem, 8, &n, &ds), MXACT_UNKNOWN);
	assert_int_equal(ds.n, 1);
	assert_true(has(&ds, D_XACT_UNKNOWN, "members/0000 too short"));
	/* older than oldestMulti: not kept, not a finding */
	c.oldest_multi = 2;
	xact_close(x);
	x = xact_open(dir);
	xact_set_control(x, &c);
	assert_int_equal(xact_multi(x, 1, mem, 8, &n, &ds), MXACT_TOO_OLD);
	xact_close(x);
	cleanup();
}

static void
test_multixact_wrap(void **state)
{
	struct pg_control c = control(1, 0, 1000, 3);
	struct mxact_member mem[8];
	struct diags ds;
	struct xact *x;
	size_t		n;

	(void) state;
	scratch();
	/* the last multixact before 2^32, its members wrapping past offset 0 */
	offset_of("pg_multixact/offsets", 0xFFFFFFFFu, 0xFFFFFFFEu);
	offset_of("pg_multixact/offsets", 1, 2);	/* next of 2^32-1 is 1 */
	offset_of("pg_multixact/offsets", 2, 4);
	member("pg_multixact/members", 0xFFFFFFFEu, 500, MXACT_UPDATE);
	member("pg_multixact/members", 0xFFFFFFFFu, 501, MXACT_FOR_KEY_SHARE);
	member("pg_multixact/members", 0, 0, 0);	/* slot 0: skipped */
	member("pg_multixact/members", 1, 502, MXACT_FOR_SHARE);
	member("pg_multixact/members", 2, 600, MXACT_FOR_SHARE);
	member("pg_multixact/members", 3, 601, MXACT_FOR_SHARE);
	c.next_multi = 3;
	c.next_multi_offset = 6;
	c.oldest_multi = 0xFFFFFF00u;
	x = xact_open(dir);
	xact_set_control(x, &c);
	diags_reset(&ds);
	assert_int_equal(xact_multi(x, 0xFFFFFFFFu, mem, 8, &n, &ds), MXACT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(mem[0].xid, 500);
	assert_int_equal(mem[2].xid, 502);
	assert_int_equal(mxact_updater(mem, n), 500);
	assert_int_equal(xact_multi(x, 1, mem, 8, &n, &ds), MXACT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(mem[0].xid, 600);
	assert_int_equal(xact_multi(x, 0xFFFFFEFFu, mem, 8, &n, &ds), MXACT_TOO_OLD);
	assert_int_equal(ds.n, 0);
	xact_close(x);
	cleanup();
}

/* The number after "key": in a JSON line, quoted or not; 0 if absent. */
static uint32_t
field(const char *line, const char *key)
{
	const char *p = strstr(line, key);

	if (p == NULL)
		return 0;
	p += strlen(key);
	if (*p == '"')
		p++;
	return (uint32_t) strtoul(p, NULL, 10);
}

#define XMIN_COMMITTED	0x0100
#define XMIN_INVALID	0x0200
#define XMAX_COMMITTED	0x0400
#define XMAX_INVALID	0x0800
#define XMAX_IS_MULTI	0x1000
#define XMAX_LOCK_ONLY	0x0080
#define XMAX_EXCL_LOCK	0x0040
#define LOCK_MASK		0x0050

/* Hint bits of every tuple PostgreSQL saw against pg_xact under pgdata. */
struct hints {
	long		tuples,
				xmin,
				xmax,
				too_old,
				bad;			/* hint and pg_xact disagree */
	uint32_t	committed;		/* one hinted-committed xmin past oldestXid */
};

static void
check(struct hints *h, int major, const char *what, uint32_t xid,
	  const struct xact_status *st, enum xact_word want)
{
	if (st->recovered != want && h->bad++ < 3)
		print_message("pg%d: %s %u hinted %s, pg_xact: %s\n", major, what,
					  xid, xact_word_name(want), xact_word_name(st->recovered));
}

static struct hints
hint_check(const char *pgdata, int major)
{
	struct hints h = {0, 0, 0, 0, 0, 0};
	size_t		cap = 1 << 20;
	char	   *line = malloc(cap);
	char		path[128];
	struct xact *x = xact_open(pgdata);
	struct diags ds;
	gzFile		gz;

	assert_non_null(line);
	assert_non_null(x);
	diags_reset(&ds);
	snprintf(path, sizeof(path), "testdata/pg%d/oracle/heap_page_items.jsonl.gz", major);
	gz = gzopen(path, "rb");
	assert_non_null(gz);
	while (gzgets(gz, line, (int) cap) != NULL)
	{
		uint32_t	mask = field(line, "\"t_infomask\":");
		uint32_t	xmin = field(line, "\"t_xmin\":");
		uint32_t	xmax = field(line, "\"t_xmax\":");
		struct xact_status st;

		if (strstr(line, "\"t_infomask\":") == NULL || strstr(line, "\"t_infomask\":null"))
			continue;			/* an unused, dead or redirect line pointer */
		h.tuples++;
		xact_lookup(x, xmin, &st, &ds);
		if (st.flags & XACT_F_TOO_OLD)
			h.too_old++;
		if ((mask & (XMIN_COMMITTED | XMIN_INVALID)) == XMIN_COMMITTED)
		{
			h.xmin++;
			check(&h, major, "xmin", xmin, &st, XACT_COMMITTED);
			if (h.committed == 0 && !(st.flags & (XACT_F_TOO_OLD | XACT_F_SPECIAL)))
				h.committed = xmin;
		}
		else if ((mask & (XMIN_COMMITTED | XMIN_INVALID)) == XMIN_INVALID)
		{
			h.xmin++;
			check(&h, major, "xmin", xmin, &st, XACT_ABORTED);
		}
		/* a locker's xmax gets XMAX_INVALID once it ended, committed or not */
		if (xmax == 0 || (mask & XMAX_IS_MULTI) || (mask & XMAX_LOCK_ONLY) ||
			(mask & LOCK_MASK) == XMAX_EXCL_LOCK)
			continue;
		xact_lookup(x, xmax, &st, &ds);
		if (mask & (XMAX_COMMITTED | XMAX_INVALID))
		{
			h.xmax++;
			check(&h, major, "xmax", xmax, &st,
				  (mask & XMAX_COMMITTED) ? XACT_COMMITTED : XACT_ABORTED);
		}
	}
	gzclose(gz);
	assert_int_equal(ds.n, 0);
	xact_close(x);
	free(line);
	return h;
}

static void
test_fixtures(void **state)
{
	static const int majors[] = {10, 11, 12, 13, 14, 15, 16, 17, 18};

	(void) state;
	if (access("testdata/pg16/data/PG_VERSION", R_OK) != 0)
		skip();
	for (size_t i = 0; i < sizeof(majors) / sizeof(majors[0]); i++)
	{
		char		path[64];
		struct hints h;
		struct xact *x;
		struct diags ds;

		snprintf(path, sizeof(path), "testdata/pg%d/data", majors[i]);
		x = xact_open(path);
		diags_reset(&ds);
		assert_non_null(xact_control(x, &ds));
		assert_false(xact_crashed(x, &ds));
		xact_close(x);
		h = hint_check(path, majors[i]);
		print_message("pg%d: %ld tuples, %ld xmin and %ld xmax hints held against pg_xact (%ld xmin older than oldestXid), %ld differ\n",
					  majors[i], h.tuples, h.xmin, h.xmax, h.too_old, h.bad);
		assert_int_equal(h.bad, 0);
		assert_true(h.xmin > 1000);
	}
}

static void
test_damage(void **state)
{
	char		cmd[512];
	struct diags ds;
	struct xact *x;
	struct xact_status st;
	uint8_t		b;
	FILE	   *f;

	(void) state;
	if (access("testdata/pg16/data/PG_VERSION", R_OK) != 0)
		skip();
	scratch();
	snprintf(cmd, sizeof(cmd), "mkdir -p %s/global %s/pg_xact && cp testdata/pg16/data/global/pg_control %s/global/ && "
			 "cp testdata/pg16/data/pg_xact/0000 %s/pg_xact/", dir, dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	x = xact_open(dir);
	diags_reset(&ds);
	st = look(x, 32000, &ds);
	assert_int_equal(st.recovered, XACT_COMMITTED);
	xact_close(x);

	/* a hinted-committed xmin's bits changed to aborted: the hints disagree */
	{
		uint32_t	xid = hint_check("testdata/pg16/data", 16).committed;
		long		off = (long) xid / 4;
		struct hints h;

		assert_true(xid > 722);
		snprintf(cmd, sizeof(cmd), "%s/pg_xact/0000", dir);
		f = fopen(cmd, "r+b");
		assert_non_null(f);
		fseek(f, off, SEEK_SET);
		b = (uint8_t) fgetc(f);
		b = (uint8_t) ((b & ~(3u << (xid % 4 * 2))) | (unsigned) CLOG_ABORTED << (xid % 4 * 2));
		fseek(f, off, SEEK_SET);
		fputc(b, f);
		fclose(f);
		h = hint_check(dir, 16);
		assert_true(h.bad > 0);
		print_message("pg16 copy, xid %u's pg_xact bits set to aborted: %ld hints disagree\n",
					  (unsigned) xid, h.bad);
	}

	/* a byte changed: xid 32000's bits now say aborted */
	snprintf(cmd, sizeof(cmd), "%s/pg_xact/0000", dir);
	f = fopen(cmd, "r+b");
	assert_non_null(f);
	fseek(f, 32000 / 4, SEEK_SET);
	b = (uint8_t) fgetc(f);
	b = (uint8_t) ((b & ~3u) | CLOG_ABORTED);	/* 32000 % 4 == 0: bits 0-1 */
	fseek(f, 32000 / 4, SEEK_SET);
	fputc(b, f);
	fclose(f);
	x = xact_open(dir);
	st = look(x, 32000, &ds);
	assert_string_equal(xact_sql(&st), "aborted");
	xact_close(x);

	/* the segment cut to one page: xids of page 1 unknown, a finding */
	assert_int_equal(truncate(cmd, 8192), 0);
	x = xact_open(dir);
	st = look(x, 32800, &ds);
	assert_int_equal(st.recovered, XACT_UNKNOWN);
	assert_null(xact_sql(&st));
	assert_true(has(&ds, D_XACT_UNKNOWN, "pg_xact/0000 too short"));
	xact_close(x);
	/* cut inside a page (xids past oldestXid 722: no assumption for them) */
	assert_int_equal(truncate(cmd, 300), 0);
	x = xact_open(dir);
	diags_reset(&ds);
	assert_int_not_equal(look(x, 1199, &ds).raw, XACT_UNKNOWN);
	assert_int_equal(look(x, 1200, &ds).recovered, XACT_UNKNOWN);
	assert_int_equal(ds.n, 1);
	xact_close(x);
	/* below oldestXid, truncated away: committed, assumed, pg_xact_status() NULL */
	assert_int_equal(truncate(cmd, 100), 0);
	x = xact_open(dir);
	st = look(x, 700, &ds);
	assert_int_equal(st.recovered, XACT_COMMITTED);
	assert_true(st.flags & XACT_F_ASSUMED);
	assert_null(xact_sql(&st));
	assert_int_equal(ds.n, 1);
	xact_close(x);

	/* pg_control cut short: its findings, once, then no range checks */
	snprintf(cmd, sizeof(cmd), "%s/global/pg_control", dir);
	assert_int_equal(truncate(cmd, 20), 0);
	x = xact_open(dir);
	diags_reset(&ds);
	st = look(x, 399, &ds);
	assert_true(st.flags & XACT_F_NO_CONTROL);
	assert_int_equal(st.recovered, XACT_COMMITTED);
	assert_true(has(&ds, D_BAD_CONTROL_FILE, NULL));
	b = (uint8_t) ds.n;
	st = look(x, 398, &ds);
	assert_int_equal(ds.n, b);
	xact_close(x);
	/* and gone */
	unlink(cmd);
	x = xact_open(dir);
	diags_reset(&ds);
	st = look(x, 399, &ds);
	assert_true(has(&ds, D_FILE_MISSING, "global/pg_control"));
	assert_false(xact_crashed(x, &ds));
	xact_close(x);
	cleanup();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_special),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_epochs),
		cmocka_unit_test(test_subtrans_address),
		cmocka_unit_test(test_multixact),
		cmocka_unit_test(test_multixact_wrap),
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_damage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
