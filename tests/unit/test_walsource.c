/*
 * walsource: its damage decisions on small segments written to a scratch
 * directory (1 MiB segments of 128 pages, only page headers: walsource
 * judges pages, walreader judges records).  A missing segment in the
 * middle, a zeroed page before written WAL (damage) and a zeroed tail
 * (the end), a .partial beside a complete segment of the same name, two
 * timelines, a segment under another's name (named: damage; listed and
 * recycled: the end), the range usage errors, and standard input.
 */
#include "unit.h"

#include <fcntl.h>
#include <unistd.h>

#include "io/bytes.h"
#include "wal/walsource.h"

#define SEG (1024u * 1024u)
#define PG 8192u
#define NPAGES (SEG / PG)
#define MAGIC16 0xD113

static char dir[] = "/tmp/test_walsource.XXXXXX";
static struct diags ds;

/* One page header: a long one on a segment's first page. */
static void
put_header(uint8_t *p, uint32_t tli, uint64_t addr, uint32_t rem_len)
{
	memset(p, 0, PG);
	wr16(p, MAGIC16);
	wr16(p + 2, addr % SEG == 0 ? XLP_LONG_HEADER : 0);
	wr32(p + 4, tli);
	wr64(p + 8, addr);
	wr32(p + 16, rem_len);
	if (addr % SEG == 0)
	{
		wr64(p + 24, 7);
		wr32(p + 32, SEG);
		wr32(p + 36, PG);
	}
}

/*
 * dir/name: segment segno (as its pages say) whose pages [0, written) are
 * written and the rest zero, except page extra (if not 0), written too;
 * npages pages long (a short file for fewer than NPAGES).  Each written
 * page's xlp_rem_len is tag, so a test can tell files apart.
 */
static void
write_seg(const char *name, uint32_t tli, uint64_t segno, unsigned written, unsigned extra,
		  unsigned npages, uint32_t tag)
{
	static uint8_t page[PG];
	char		path[300];
	FILE	   *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	for (unsigned i = 0; i < npages; i++)
	{
		if (i < written || (extra != 0 && i == extra))
			put_header(page, tli, segno * SEG + (uint64_t) i * PG, tag);
		else
			memset(page, 0, PG);
		assert_int_equal(fwrite(page, 1, PG, f), PG);
	}
	assert_int_equal(fclose(f), 0);
}

static void
rm_all(void)
{
	char		cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -f '%s'/0*", dir);
	assert_int_equal(system(cmd), 0);
}

static int
setup(void **state)
{
	(void) state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char		cmd[300];

	(void) state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Open the directory (with optional STARTSEG ENDSEG) or the named files. */
static enum walsource_status
open_src(bool by_dir, char **args, int nargs, const struct walsource_spec *more,
		 struct walsource **src, struct walsource_info *info)
{
	static char paths[8][300];
	static char *pv[8];
	struct walsource_spec spec;

	if (more != NULL)
		spec = *more;
	else
		memset(&spec, 0, sizeof(spec));
	if (by_dir)
	{
		spec.dir = dir;
		spec.args = args;
		spec.nargs = nargs;
	}
	else
	{
		for (int i = 0; i < nargs; i++)
		{
			snprintf(paths[i], sizeof(paths[i]), "%s/%s", dir, args[i]);
			pv[i] = paths[i];
		}
		spec.args = pv;
		spec.nargs = nargs;
	}
	diags_reset(&ds);
	return walsource_open(&spec, src, info, &ds);
}

static bool
said(const char *text)
{
	for (int i = 0; i < ds.n; i++)
		if (strstr(ds.d[i].detail, text) != NULL)
			return true;
	return false;
}

static enum walreader_page
page_at(struct walsource *src, uint64_t ptr, const uint8_t **p)
{
	diags_reset(&ds);
	return walsource_read_page(src, ptr, p, &ds);
}

/* Segments 1 and 3: the page of 2 is missing, past 3 the WAL ends. */
static void
test_missing_segment(void **state)
{
	char	   *names[] = {"000000010000000000000001", "000000010000000000000003"};
	struct walsource *src;
	struct walsource_info info;
	const uint8_t *p;

	(void) state;
	rm_all();
	write_seg(names[0], 1, 1, NPAGES, 0, NPAGES, 0);
	write_seg(names[1], 1, 3, 4, 0, NPAGES, 0);
	assert_int_equal(open_src(false, names, 2, NULL, &src, &info), WSRC_OK);
	assert_ptr_equal(info.prof, pg_profile_by_major(16));
	assert_int_equal(info.seg_size, SEG);
	assert_int_equal(info.start, 1 * SEG);
	assert_int_equal(page_at(src, 1 * SEG + PG, &p), WRP_OK);
	assert_int_equal(page_at(src, 2 * SEG, &p), WRP_MISSING);
	assert_int_equal(page_at(src, 3 * SEG, &p), WRP_OK);
	assert_int_equal(page_at(src, 4 * SEG, &p), WRP_END);
	walsource_close(src);
}

/* A zeroed page with a written page after it in the segment is damage. */
static void
test_zeroed_amid_written(void **state)
{
	char	   *names[] = {"000000010000000000000001"};
	struct walsource *src;
	struct walsource_info info;
	const uint8_t *p;

	(void) state;
	rm_all();
	write_seg(names[0], 1, 1, 3, 5, NPAGES, 0);
	assert_int_equal(open_src(false, names, 1, NULL, &src, &info), WSRC_OK);
	assert_int_equal(page_at(src, SEG + 2 * PG, &p), WRP_OK);
	assert_int_equal(page_at(src, SEG + 3 * PG, &p), WRP_ERROR);
	assert_true(said("amid written WAL: the next page written is at 0/10A000"));
	/* -k goes on: the page inside the gap is not read again, only said */
	assert_int_equal(page_at(src, SEG + 4 * PG, &p), WRP_ERROR);
	assert_true(said("no written page from 0/106000 to 0/10A000"));
	assert_int_equal(page_at(src, SEG + 5 * PG, &p), WRP_OK);
	walsource_close(src);
}

/* Zeroed to the end of the last segment: the end of the WAL, not damage. */
static void
test_zeroed_tail(void **state)
{
	char	   *names[] = {"000000010000000000000001", "000000010000000000000002"};
	struct walsource *src;
	struct walsource_info info;
	const uint8_t *p;

	(void) state;
	rm_all();
	write_seg(names[0], 1, 1, 3, 0, NPAGES, 0);
	assert_int_equal(open_src(false, names, 1, NULL, &src, &info), WSRC_OK);
	assert_int_equal(page_at(src, SEG + 3 * PG, &p), WRP_OK);
	assert_int_equal(p[0] | p[1] | p[8], 0);	/* the zeroed page, for the reader's end */
	assert_int_equal(ds.n, 0);
	walsource_close(src);

	/* the same tail, but the next segment begins with a page of this WAL */
	write_seg(names[1], 1, 2, 2, 0, NPAGES, 0);
	assert_int_equal(open_src(false, names, 2, NULL, &src, &info), WSRC_OK);
	assert_int_equal(page_at(src, SEG + 3 * PG, &p), WRP_ERROR);
	assert_true(said("amid written WAL: the next page written is at 0/200000"));
	walsource_close(src);
}

/* A complete segment wins over a .partial of the same name; each ends its own way. */
static void
test_partial(void **state)
{
	char	   *both[] = {"000000010000000000000001.partial", "000000010000000000000001"};
	char	   *partial[] = {"000000010000000000000001.partial"};
	char	   *full[] = {"000000010000000000000001"};
	struct walsource *src;
	struct walsource_info info;
	const uint8_t *p;

	(void) state;
	rm_all();
	write_seg(both[0], 1, 1, 4, 0, 4, 222);
	write_seg(both[1], 1, 1, NPAGES, 0, NPAGES, 111);
	assert_int_equal(open_src(false, both, 2, NULL, &src, &info), WSRC_OK);
	assert_int_equal(page_at(src, SEG + PG, &p), WRP_OK);
	assert_int_equal(p[16], 111);
	walsource_close(src);

	/* a .partial ends where its writer stopped */
	assert_int_equal(open_src(false, partial, 1, NULL, &src, &info), WSRC_OK);
	assert_int_equal(page_at(src, SEG + 3 * PG, &p), WRP_OK);
	assert_int_equal(p[16], 222);
	assert_int_equal(page_at(src, SEG + 4 * PG, &p), WRP_END);
	walsource_close(src);

	/* a complete segment cut short is damage */
	rm_all();
	write_seg(full[0], 1, 1, 4, 0, 4, 0);
	assert_int_equal(open_src(false, full, 1, NULL, &src, &info), WSRC_OK);
	assert_int_equal(page_at(src, SEG + 4 * PG, &p), WRP_ERROR);
	assert_true(said("is truncated: no full page at offset 32768"));
	walsource_close(src);
}

/* Two timelines in one directory: the first name's, or -t's. */
static void
test_timelines(void **state)
{
	struct walsource *src;
	struct walsource_info info;
	struct walsource_spec t2;
	const uint8_t *p;

	(void) state;
	rm_all();
	write_seg("000000010000000000000001", 1, 1, NPAGES, 0, NPAGES, 1);
	write_seg("000000020000000000000001", 2, 1, NPAGES, 0, NPAGES, 2);
	write_seg("000000020000000000000002", 2, 2, 4, 0, NPAGES, 2);
	assert_int_equal(open_src(true, NULL, 0, NULL, &src, &info), WSRC_OK);
	assert_int_equal(info.tli, 1);
	assert_int_equal(page_at(src, SEG + PG, &p), WRP_OK);
	assert_int_equal(p[16], 1);
	assert_int_equal(page_at(src, 2 * SEG, &p), WRP_END);
	walsource_close(src);

	memset(&t2, 0, sizeof(t2));
	t2.tli = 2;
	t2.has_tli = true;
	assert_int_equal(open_src(true, NULL, 0, &t2, &src, &info), WSRC_OK);
	assert_int_equal(info.tli, 2);
	assert_int_equal(page_at(src, SEG + PG, &p), WRP_OK);
	assert_int_equal(p[16], 2);
	assert_int_equal(page_at(src, 2 * SEG, &p), WRP_OK);
	walsource_close(src);

	t2.tli = 3;
	assert_int_equal(open_src(true, NULL, 0, &t2, &src, &info), WSRC_FAILED);
	assert_string_equal(info.msg, "no WAL segment of timeline 3");
	assert_null(src);
}

/* A file holding another segment than its name: damage if named, else a recycled end. */
static void
test_wrong_name(void **state)
{
	char	   *names[] = {"000000010000000000000001", "000000010000000000000002"};
	struct walsource *src;
	struct walsource_info info;
	const uint8_t *p;

	(void) state;
	rm_all();
	write_seg(names[0], 1, 1, NPAGES, 0, NPAGES, 0);
	write_seg(names[1], 1, 1, NPAGES, 0, NPAGES, 0);	/* segment 1 again */
	assert_int_equal(open_src(false, names, 2, NULL, &src, &info), WSRC_OK);
	assert_int_equal(page_at(src, 2 * SEG, &p), WRP_ERROR);
	assert_true(said("000000010000000000000002 holds segment 000000010000000000000001"));
	/* said once: the segment's later pages name the file only */
	assert_int_equal(page_at(src, 2 * SEG + PG, &p), WRP_ERROR);
	assert_true(said("file 000000010000000000000002 holds another segment"));
	walsource_close(src);

	/* listed, not named, nothing of its own after it: recycled, the WAL's end */
	assert_int_equal(open_src(true, NULL, 0, NULL, &src, &info), WSRC_OK);
	assert_int_equal(page_at(src, 2 * SEG, &p), WRP_OK);
	assert_int_equal(ds.n, 0);
	walsource_close(src);

	/* ... but named as STARTSEG it is damage again */
	assert_int_equal(open_src(true, names + 1, 1, NULL, &src, &info), WSRC_OK);
	assert_int_equal(info.start, 2 * SEG);
	assert_int_equal(page_at(src, 2 * SEG, &p), WRP_ERROR);
	walsource_close(src);
}

/* Ranges and inputs that are usage or input errors, never printed. */
static void
test_errors(void **state)
{
	char	   *range[] = {"000000010000000000000002", "000000010000000000000001"};
	char	   *notseg[] = {"PG_VERSION"};
	struct walsource *src;
	struct walsource_info info;
	struct walsource_spec late;
	FILE	   *f;
	char		path[300];

	(void) state;
	rm_all();
	write_seg(range[0], 1, 2, 4, 0, NPAGES, 0);
	write_seg(range[1], 1, 1, NPAGES, 0, NPAGES, 0);
	assert_int_equal(open_src(true, range, 2, NULL, &src, &info), WSRC_USAGE);
	assert_string_equal(info.msg, "ENDSEG 000000010000000000000001 is before STARTSEG 000000010000000000000002");
	memset(&late, 0, sizeof(late));
	late.start = 5 * SEG;
	late.has_start = true;
	late.end = 4 * SEG;
	late.has_end = true;
	assert_int_equal(open_src(false, range, 2, &late, &src, &info), WSRC_USAGE);
	assert_string_equal(info.msg, "end WAL location 0/400000 is not after start 0/500000");
	snprintf(path, sizeof(path), "%s/PG_VERSION", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(open_src(false, notseg, 1, NULL, &src, &info), WSRC_FAILED);
	assert_non_null(strstr(info.msg, "PG_VERSION: not a WAL segment file name"));
	/* an unknown page magic, no -P: the header was read and is bad */
	rm_all();
	write_seg(range[1], 1, 1, NPAGES, 0, NPAGES, 0);
	{
		int			fd;
		uint8_t		m[2] = {0x34, 0x12};

		snprintf(path, sizeof(path), "%s/%s", dir, range[1]);
		fd = open(path, O_WRONLY);
		assert_true(fd >= 0);
		assert_int_equal(pwrite(fd, m, 2, 0), 2);
		close(fd);
	}
	assert_int_equal(open_src(false, range + 1, 1, NULL, &src, &info), WSRC_DAMAGE);
	assert_true(said("unknown WAL page magic 1234"));
	late.start = late.end = 0;
	late.has_start = late.has_end = false;
	late.pg_version = 16;
	assert_int_equal(open_src(false, range + 1, 1, &late, &src, &info), WSRC_OK);
	assert_int_equal(info.magic, 0x1234);
	assert_ptr_equal(info.prof, pg_profile_by_major(16));
	walsource_close(src);
}

/* "-": consecutive segments on standard input; the last two pages held. */
static void
test_stdin(void **state)
{
	char	   *dash[] = {"-"};
	struct walsource *src;
	struct walsource_info info;
	struct walsource_spec spec;
	const uint8_t *p;
	char		cmd[700];
	int			fd;

	(void) state;
	rm_all();
	write_seg("000000010000000000000001", 1, 1, NPAGES, 0, NPAGES, 0);
	write_seg("000000010000000000000002", 1, 2, 6, 0, 6, 0);
	snprintf(cmd, sizeof(cmd), "cat '%s'/000000010000000000000001 '%s'/000000010000000000000002 > '%s'/stream",
			 dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "%s/stream", dir);
	fd = open(cmd, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(dup2(fd, 0), 0);
	close(fd);
	memset(&spec, 0, sizeof(spec));
	spec.args = dash;
	spec.nargs = 1;
	diags_reset(&ds);
	assert_int_equal(walsource_open(&spec, &src, &info, &ds), WSRC_OK);
	assert_int_equal(info.start, SEG);
	assert_int_equal(info.tli, 1);
	assert_int_equal(page_at(src, SEG, &p), WRP_OK);
	assert_int_equal(page_at(src, SEG + PG, &p), WRP_OK);
	assert_int_equal(page_at(src, SEG + 2 * PG, &p), WRP_OK);
	/* the last two pages can be asked again; one before them cannot */
	assert_int_equal(page_at(src, SEG + PG, &p), WRP_OK);
	assert_int_equal(rd64(p + 8), SEG + PG);
	assert_int_equal(page_at(src, SEG, &p), WRP_END);
	/* skipping ahead reads on; the stream's end is the WAL's */
	assert_int_equal(page_at(src, 2 * SEG + 5 * PG, &p), WRP_OK);
	assert_int_equal(page_at(src, 2 * SEG + 6 * PG, &p), WRP_END);
	walsource_close(src);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_segment),
		cmocka_unit_test(test_zeroed_amid_written),
		cmocka_unit_test(test_zeroed_tail),
		cmocka_unit_test(test_partial),
		cmocka_unit_test(test_timelines),
		cmocka_unit_test(test_wrong_name),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_stdin),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
