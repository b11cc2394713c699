/*
 * input: plain files, gzip files and streams, damaged gzip, empty and
 * missing files, directories, skipping past the end, and pieces that cross
 * the handle's internal buffer, every byte checked.
 */
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "io/input.h"

static struct diags ds;
static char tmpdir[64];

/* The byte at offset i of every test file: not periodic in any power of 2. */
static uint8_t
pattern(uint64_t i)
{
	return (uint8_t) ((i * 2654435761u) >> 13 ^ (i >> 9) ^ i);
}

static void
fill_pattern(uint8_t *b, uint64_t from, size_t n)
{
	for (size_t k = 0; k < n; k++)
		b[k] = pattern(from + k);
}

/* A fresh file name in the test's directory. */
static const char *
tmp_name(const char *name)
{
	static char path[4][128];
	static int	slot;
	char	   *p = path[slot++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s", tmpdir, name);
	return p;
}

static void
write_plain(const char *path, uint64_t size)
{
	static uint8_t chunk[65536];
	FILE	   *f = fopen(path, "wb");

	assert_non_null(f);
	for (uint64_t off = 0; off < size; off += sizeof(chunk))
	{
		size_t		n = size - off < sizeof(chunk) ? (size_t) (size - off) : sizeof(chunk);

		fill_pattern(chunk, off, n);
		assert_int_equal(fwrite(chunk, 1, n, f), n);
	}
	assert_int_equal(fclose(f), 0);
}

static void
write_gz(const char *path, uint64_t size)
{
	static uint8_t chunk[65536];
	gzFile		gz = gzopen(path, "wb6");

	assert_non_null(gz);
	for (uint64_t off = 0; off < size; off += sizeof(chunk))
	{
		size_t		n = size - off < sizeof(chunk) ? (size_t) (size - off) : sizeof(chunk);

		fill_pattern(chunk, off, n);
		assert_int_equal(gzwrite(gz, chunk, (unsigned) n), (int) n);
	}
	assert_int_equal(gzclose(gz), Z_OK);
}

static off_t
file_size(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_size;
}

static int
setup(void **state)
{
	(void) state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/pgod_input_XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	diags_reset(&ds);
	return 0;
}

static int
teardown(void **state)
{
	char		cmd[128];

	(void) state;
	/* the test files only: all are direct children of the directory */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/*
 * Read the whole input in pieces of want bytes, checking every byte against
 * the pattern from offset start and the offsets as they go; returns the
 * total read.
 */
static uint64_t
read_all(struct input *in, size_t want, uint64_t start)
{
	const uint8_t *p;
	size_t		got;
	uint64_t	total = 0;
	static uint8_t expect[INPUT_MAX_PIECE];

	while ((p = input_next(in, want, &got, &ds)) != NULL)
	{
		assert_true(got > 0 && got <= want);
		fill_pattern(expect, start + total, got);
		if (memcmp(p, expect, got) != 0)
		{
			print_error("mismatch in piece at offset %llu\n",
						(unsigned long long) (start + total));
			fail();
		}
		total += got;
		assert_int_equal(input_offset(in), start + total);
	}
	assert_int_equal(got, 0);
	return total;
}

static void
test_plain_file(void **state)
{
	const char *path = tmp_name("plain");
	struct input *in;

	(void) state;
	write_plain(path, 100000);
	in = input_open(path, &ds);
	assert_non_null(in);
	assert_false(input_is_gzip(in));
	assert_int_equal(input_size(in), 100000);
	assert_string_equal(input_path(in), path);
	assert_int_equal(input_offset(in), 0);
	assert_int_equal(read_all(in, 8192, 0), 100000);
	assert_false(input_failed(in));
	/* at the end it stays at the end */
	{
		size_t		got = 99;

		assert_null(input_next(in, 8192, &got, &ds));
		assert_int_equal(got, 0);
	}
	input_close(in);
	assert_int_equal(ds.n, 0);
}

static void
test_bad_want(void **state)
{
	const char *path = tmp_name("want");
	struct input *in;
	size_t		got = 5;

	(void) state;
	write_plain(path, 10);
	in = input_open(path, &ds);
	assert_non_null(in);
	assert_null(input_next(in, 0, &got, &ds));
	assert_int_equal(got, 0);
	assert_null(input_next(in, INPUT_MAX_PIECE + 1, &got, &ds));
	assert_int_equal(input_offset(in), 0);
	assert_int_equal(read_all(in, INPUT_MAX_PIECE, 0), 10);
	input_close(in);
	assert_int_equal(ds.n, 0);
}

static void
test_gzip_file(void **state)
{
	const char *path = tmp_name("rel.gz");
	struct input *in;

	(void) state;
	write_gz(path, 300000);
	in = input_open(path, &ds);
	assert_non_null(in);
	assert_true(input_is_gzip(in));
	assert_int_equal(input_size(in), -1);
	assert_int_equal(read_all(in, 8192, 0), 300000);
	assert_false(input_failed(in));
	input_close(in);
	assert_int_equal(ds.n, 0);

	/* the magic decides, not the name */
	path = tmp_name("noext");
	write_gz(path, 5000);
	in = input_open(path, &ds);
	assert_non_null(in);
	assert_true(input_is_gzip(in));
	assert_int_equal(read_all(in, 1000, 0), 5000);
	input_close(in);
	assert_int_equal(ds.n, 0);
}

static void
test_gzip_empty(void **state)
{
	const char *path = tmp_name("empty.gz");
	struct input *in;

	(void) state;
	write_gz(path, 0);
	in = input_open(path, &ds);
	assert_non_null(in);
	assert_int_equal(read_all(in, 8192, 0), 0);
	assert_false(input_failed(in));
	input_close(in);
	assert_int_equal(ds.n, 0);
}

/*
 * Cut a gzip file of full bytes to len bytes and read it: what comes is
 * right, then a gzip error (a short read alone would let a cut on a block
 * boundary pass unnoticed).
 */
static void
check_truncated_gz(const char *path, off_t len, uint64_t full)
{
	struct input *in;
	uint64_t	total;

	assert_int_equal(truncate(path, len), 0);
	diags_reset(&ds);
	in = input_open(path, &ds);
	assert_non_null(in);
	total = read_all(in, 8192, 0);
	assert_true(total <= full);
	if (!input_failed(in) || ds.n != 1 || ds.d[0].code != D_GZIP_ERROR)
		print_error("cut at %lld: %llu bytes, failed %d, %d findings\n",
					(long long) len, (unsigned long long) total,
					input_failed(in), ds.n);
	assert_true(input_failed(in));
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_GZIP_ERROR);
	assert_int_equal(ds.worst, SEV_DAMAGE);
	input_close(in);
}

static void
test_gzip_truncated(void **state)
{
	const char *path = tmp_name("trunc.gz");
	const uint64_t full = 400000;
	off_t		size,
				cuts[10];
	int			n = 0;

	(void) state;
	write_gz(path, full);
	size = file_size(path);
	cuts[n++] = size - 1;		/* inside ISIZE */
	cuts[n++] = size - 4;		/* ISIZE gone */
	cuts[n++] = size - 8;		/* CRC32 and ISIZE gone: all data there */
	cuts[n++] = size - 9;
	cuts[n++] = size / 2;		/* in the middle of the deflate stream */
	cuts[n++] = 20;
	cuts[n++] = 10;				/* the header alone */
	cuts[n++] = 5;				/* inside the header */
	cuts[n++] = 2;				/* the magic alone */
	for (int i = 0; i < n; i++)
	{
		write_gz(path, full);
		check_truncated_gz(path, cuts[i], full);
	}
}

static void
test_gzip_corrupt(void **state)
{
	const char *path = tmp_name("bad.gz");
	const uint64_t full = 200000;
	off_t		size;
	uint8_t    *b;
	FILE	   *f;

	(void) state;
	write_gz(path, full);
	size = file_size(path);
	b = malloc((size_t) size);
	assert_non_null(b);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(b, 1, (size_t) size, f), (size_t) size);
	fclose(f);

	/* bytes flipped at several places: data, trailer CRC, trailer size, header */
	{
		const off_t at[] = {size / 3, size / 2, size - 6, size - 2, 3};

		for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++)
		{
			struct input *in;
			uint64_t	total = 0;
			const uint8_t *p;
			size_t		got;

			b[at[k]] ^= 0x5A;
			f = fopen(path, "wb");
			assert_non_null(f);
			assert_int_equal(fwrite(b, 1, (size_t) size, f), (size_t) size);
			fclose(f);
			b[at[k]] ^= 0x5A;

			diags_reset(&ds);
			in = input_open(path, &ds);
			assert_non_null(in);
			while ((p = input_next(in, 8192, &got, &ds)) != NULL)
				total += got;
			if (!input_failed(in))
				print_error("flip at %lld of %lld: no error, %llu bytes\n",
							(long long) at[k], (long long) size,
							(unsigned long long) total);
			assert_true(input_failed(in));
			assert_true(ds.n >= 1);
			assert_int_equal(ds.d[0].code, D_GZIP_ERROR);
			assert_true(total <= full);
			/* once failed, it stays ended */
			assert_null(input_next(in, 8192, &got, &ds));
			input_close(in);
		}
	}
	free(b);

	/* gzip magic, then garbage */
	{
		static const uint8_t junk[] = {0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef,
			0x00, 0x03, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
		struct input *in;
		size_t		got;

		f = fopen(path, "wb");
		assert_non_null(f);
		fwrite(junk, 1, sizeof(junk), f);
		fclose(f);
		diags_reset(&ds);
		in = input_open(path, &ds);
		assert_non_null(in);
		assert_null(input_next(in, 8192, &got, &ds));
		assert_true(input_failed(in));
		assert_int_equal(ds.d[0].code, D_GZIP_ERROR);
		input_close(in);
	}
}

static void
test_empty_file(void **state)
{
	const char *path = tmp_name("empty");
	struct input *in;
	size_t		got = 1;

	(void) state;
	write_plain(path, 0);
	in = input_open(path, &ds);
	assert_non_null(in);
	assert_int_equal(input_size(in), 0);
	assert_null(input_next(in, 8192, &got, &ds));
	assert_int_equal(got, 0);
	assert_false(input_failed(in));
	assert_int_equal(input_skip(in, 100, &ds), 0);
	input_close(in);
	assert_int_equal(ds.n, 0);

	/* one byte that starts like gzip's magic is just a byte */
	path = tmp_name("one");
	{
		FILE	   *f = fopen(path, "wb");

		assert_non_null(f);
		fputc(0x1f, f);
		fclose(f);
	}
	in = input_open(path, &ds);
	assert_non_null(in);
	assert_false(input_is_gzip(in));
	assert_non_null(input_next(in, 8192, &got, &ds));
	assert_int_equal(got, 1);
	input_close(in);
	assert_int_equal(ds.n, 0);
}

static void
test_open_failures(void **state)
{
	struct input *in;

	(void) state;
	in = input_open(tmp_name("does-not-exist"), &ds);
	assert_null(in);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_OPEN_FAILED);
	assert_non_null(strstr(ds.d[0].detail, "does-not-exist"));
	assert_int_equal(ds.worst, SEV_FATAL);

	diags_reset(&ds);
	in = input_open(tmpdir, &ds);
	assert_null(in);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_OPEN_FAILED);

	diags_reset(&ds);
	in = input_open("", &ds);
	assert_null(in);
	assert_int_equal(ds.d[0].code, D_OPEN_FAILED);
}

static void
test_skip_plain(void **state)
{
	const char *path = tmp_name("skip");
	struct input *in;
	const uint8_t *p;
	size_t		got;

	(void) state;
	write_plain(path, 50000);
	in = input_open(path, &ds);
	assert_non_null(in);
	/* a skip before any read seeks */
	assert_int_equal(input_skip(in, 8192, &ds), 8192);
	assert_int_equal(input_offset(in), 8192);
	p = input_next(in, 100, &got, &ds);
	assert_non_null(p);
	assert_int_equal(got, 100);
	assert_int_equal(p[0], pattern(8192));
	/* a skip inside what is buffered */
	assert_int_equal(input_skip(in, 1000, &ds), 1000);
	p = input_next(in, 10, &got, &ds);
	assert_int_equal(p[0], pattern(9292));
	assert_int_equal(input_offset(in), 9302);
	/* a skip of zero */
	assert_int_equal(input_skip(in, 0, &ds), 0);
	assert_int_equal(read_all(in, 8192, 9302), 50000 - 9302);
	input_close(in);

	/* past the end: the bytes that were there, and then the end */
	in = input_open(path, &ds);
	assert_non_null(in);
	p = input_next(in, 10, &got, &ds);
	assert_non_null(p);
	assert_int_equal(input_skip(in, 1000000, &ds), 50000 - 10);
	assert_int_equal(input_offset(in), 50000);
	assert_null(input_next(in, 8192, &got, &ds));
	assert_int_equal(input_skip(in, 1, &ds), 0);
	assert_int_equal(input_skip(in, UINT64_MAX, &ds), 0);
	input_close(in);

	in = input_open(path, &ds);
	assert_int_equal(input_skip(in, UINT64_MAX / 2, &ds), 50000);
	assert_null(input_next(in, 8192, &got, &ds));
	input_close(in);

	/* exactly to the end */
	in = input_open(path, &ds);
	assert_int_equal(input_skip(in, 50000, &ds), 50000);
	assert_null(input_next(in, 1, &got, &ds));
	input_close(in);
	assert_int_equal(ds.n, 0);
}

static void
test_skip_gzip(void **state)
{
	const char *path = tmp_name("skip.gz");
	struct input *in;
	const uint8_t *p;
	size_t		got;

	(void) state;
	write_gz(path, 3 * INPUT_MAX_PIECE + 123);
	in = input_open(path, &ds);
	assert_non_null(in);
	assert_int_equal(input_skip(in, 2 * INPUT_MAX_PIECE + 7, &ds), 2 * INPUT_MAX_PIECE + 7);
	assert_int_equal(input_offset(in), 2 * INPUT_MAX_PIECE + 7);
	p = input_next(in, 8192, &got, &ds);
	assert_non_null(p);
	assert_int_equal(got, 8192);
	assert_int_equal(p[0], pattern(2 * INPUT_MAX_PIECE + 7));
	assert_int_equal(read_all(in, 8192, 2 * INPUT_MAX_PIECE + 7 + 8192),
					 INPUT_MAX_PIECE + 123 - 7 - 8192);
	input_close(in);

	in = input_open(path, &ds);
	assert_non_null(in);
	p = input_next(in, 5, &got, &ds);
	assert_non_null(p);
	assert_int_equal(input_skip(in, UINT64_C(1) << 40, &ds), 3 * INPUT_MAX_PIECE + 123 - 5);
	assert_int_equal(input_offset(in), 3 * INPUT_MAX_PIECE + 123);
	assert_null(input_next(in, 8192, &got, &ds));
	assert_false(input_failed(in));
	input_close(in);
	assert_int_equal(ds.n, 0);
}

static void
test_buffer_boundaries(void **state)
{
	const char *path = tmp_name("big");
	const char *gzpath = tmp_name("big.gz");
	const uint64_t size = 5 * INPUT_MAX_PIECE + 8192 * 3 + 1234;
	static const size_t wants[] = {8192, 1, 4095, 65537, INPUT_MAX_PIECE - 1, INPUT_MAX_PIECE};
	struct input *in;

	(void) state;
	write_plain(path, size);
	write_gz(gzpath, size);
	for (size_t k = 0; k < sizeof(wants) / sizeof(wants[0]); k++)
	{
		if (wants[k] == 1)
			continue;			/* byte by byte: only on the gzip file below */
		in = input_open(path, &ds);
		assert_non_null(in);
		assert_int_equal(read_all(in, wants[k], 0), size);
		input_close(in);
	}
	in = input_open(gzpath, &ds);
	assert_non_null(in);
	assert_int_equal(read_all(in, 8192, 0), size);
	input_close(in);

	/* mixed sizes: small pieces leave a tail that big ones must carry over */
	in = input_open(gzpath, &ds);
	assert_non_null(in);
	{
		const uint8_t *p;
		size_t		got;
		uint64_t	off = 0;
		static uint8_t expect[INPUT_MAX_PIECE];

		for (int i = 0; off < size; i++)
		{
			size_t		want = wants[i % 6];

			p = input_next(in, want, &got, &ds);
			assert_non_null(p);
			assert_int_equal(got, size - off < want ? size - off : want);
			fill_pattern(expect, off, got);
			assert_memory_equal(p, expect, got);
			off += got;
			assert_int_equal(input_offset(in), off);
		}
		assert_null(input_next(in, 1, &got, &ds));
	}
	input_close(in);
	assert_int_equal(ds.n, 0);
}

static void
test_stdin(void **state)
{
	const char *gzpath = tmp_name("stdin.gz");
	const char *path = tmp_name("stdin.plain");
	int			saved = dup(STDIN_FILENO);
	int			fd;
	struct input *in;

	(void) state;
	assert_true(saved >= 0);
	write_gz(gzpath, 70000);
	write_plain(path, 30000);

	fd = open(gzpath, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	in = input_open("-", &ds);
	assert_non_null(in);
	assert_string_equal(input_path(in), "-");
	assert_int_equal(input_size(in), -1);
	assert_int_equal(read_all(in, 8192, 0), 70000);
	assert_true(input_is_gzip(in));
	input_close(in);

	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	in = input_open("-", &ds);
	assert_non_null(in);
	assert_int_equal(input_skip(in, 10000, &ds), 10000);
	assert_int_equal(read_all(in, 8192, 10000), 20000);
	assert_false(input_is_gzip(in));
	input_close(in);

	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
	assert_int_equal(ds.n, 0);
}

static void
test_slurp(void **state)
{
	const char *path = tmp_name("small");
	const char *gzpath = tmp_name("small.gz");
	uint8_t    *b;
	size_t		len = 99;
	uint8_t		expect[5000];

	(void) state;
	write_plain(path, 5000);
	write_gz(gzpath, 5000);
	fill_pattern(expect, 0, sizeof(expect));

	b = input_slurp(path, 8192, &len, &ds);
	assert_non_null(b);
	assert_int_equal(len, 5000);
	assert_memory_equal(b, expect, 5000);
	assert_int_equal(b[5000], 0);	/* NUL-terminated for text files */
	free(b);

	b = input_slurp(gzpath, 8192, &len, &ds);
	assert_non_null(b);
	assert_int_equal(len, 5000);
	assert_memory_equal(b, expect, 5000);
	free(b);

	/* exactly max, and more than max: at most max bytes come back */
	b = input_slurp(path, 5000, &len, &ds);
	assert_non_null(b);
	assert_int_equal(len, 5000);
	free(b);
	b = input_slurp(path, 4999, &len, &ds);
	assert_non_null(b);
	assert_int_equal(len, 4999);
	assert_memory_equal(b, expect, 4999);
	assert_int_equal(b[4999], 0);
	free(b);
	b = input_slurp(path, 0, &len, &ds);
	assert_non_null(b);
	assert_int_equal(len, 0);
	free(b);
	/* bigger than one piece */
	b = input_slurp(path, 3 * INPUT_MAX_PIECE, &len, &ds);
	assert_non_null(b);
	assert_int_equal(len, 5000);
	free(b);
	assert_int_equal(ds.n, 0);

	len = 99;
	assert_null(input_slurp(tmp_name("nope"), 100, &len, &ds));
	assert_int_equal(len, 0);
	assert_int_equal(ds.d[0].code, D_OPEN_FAILED);

	/* a damaged gzip file is an error, not a short result */
	diags_reset(&ds);
	assert_int_equal(truncate(gzpath, file_size(gzpath) - 3), 0);
	assert_null(input_slurp(gzpath, 8192, &len, &ds));
	assert_int_equal(len, 0);
	assert_int_equal(ds.d[0].code, D_GZIP_ERROR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_want, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gzip_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gzip_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gzip_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gzip_corrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_failures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_skip_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_skip_gzip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_buffer_boundaries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stdin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slurp, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
