/*
 * toast: varlena forms and their bounds; LZ4 both ways; the TOAST store
 * over the fixtures' real TOAST relations (pglz and uncompressed external
 * values of 10..18's toasty, LZ4 of 15's toast_lz4), and over a damaged
 * copy: a missing chunk, a chunk of the wrong size, an unknown value, a
 * pointer whose sizes disagree -- each a D_BAD_TOAST finding, never a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <lz4.h>

#include "unit.h"

#include "io/blockreader.h"
#include "types/datum.h"
#include "heap/heappage.h"
#include "io/input.h"

static struct diags ds;

static void
test_forms(void **state)
{
	uint8_t		b[32];
	struct varlena v;

	(void) state;
	diags_reset(&ds);
	b[0] = (3 << 1) | 1;
	assert_int_equal(varlena_parse(b, 3, &v, &ds), 0);
	assert_int_equal(v.form, VF_SHORT);
	assert_int_equal(v.data_len, 2);
	assert_int_equal(varlena_parse(b, 2, &v, &ds), -1);
	wr32(b, 20 << 2);
	assert_int_equal(varlena_parse(b, 20, &v, &ds), 0);
	assert_int_equal(v.form, VF_PLAIN);
	assert_int_equal(v.data_len, 16);
	assert_int_equal(varlena_parse(b, 19, &v, &ds), -1);
	assert_int_equal(varlena_parse(b, 3, &v, &ds), -1);
	wr32(b, 2 << 2);			/* shorter than its own header */
	assert_int_equal(varlena_parse(b, 20, &v, &ds), -1);
	wr32(b, (12 << 2) | 2);
	wr32(b + 4, 100 | (1u << 30));
	assert_int_equal(varlena_parse(b, 12, &v, &ds), 0);
	assert_int_equal(v.form, VF_COMPRESSED);
	assert_int_equal(v.rawsize, 100);
	assert_int_equal(v.method, TOAST_LZ4);
	assert_int_equal(v.data_len, 4);
	wr32(b, (6 << 2) | 2);
	assert_int_equal(varlena_parse(b, 12, &v, &ds), -1);
	b[0] = 0x01;
	b[1] = 18;
	wr32(b + 2, 3000);
	wr32(b + 6, 1000 | (1u << 30));
	wr32(b + 10, 42);
	wr32(b + 14, 43);
	assert_int_equal(varlena_parse(b, 18, &v, &ds), 0);
	assert_int_equal(v.form, VF_EXTERNAL);
	assert_int_equal(v.ptr.rawsize, 3000);
	assert_int_equal(v.ptr.extsize, 1000);
	assert_int_equal(v.ptr.method, TOAST_LZ4);
	assert_int_equal(v.ptr.valueid, 42);
	assert_int_equal(v.ptr.toastrelid, 43);
	assert_true(toast_pointer_compressed(&v.ptr));
	assert_int_equal(varlena_parse(b, 17, &v, &ds), -1);
	assert_int_equal(varlena_parse(b, 1, &v, &ds), -1);
	b[1] = 1;
	assert_int_equal(varlena_parse(b, 10, &v, &ds), 0);
	assert_int_equal(v.form, VF_EXTERNAL_OTHER);
	b[1] = 99;
	assert_int_equal(varlena_parse(b, 18, &v, &ds), -1);
	assert_int_equal(varlena_parse(b, 0, &v, &ds), -1);
}

static void
test_lz4(void **state)
{
	char		raw[4000],
				comp[4200];
	uint8_t		back[4000];
	int			n,
				i;

	(void) state;
	for (i = 0; i < (int) sizeof(raw); i++)
		raw[i] = "lz4!"[i % 4];
	n = LZ4_compress_default(raw, comp, sizeof(raw), sizeof(comp));
	assert_true(n > 0);
	diags_reset(&ds);
	assert_int_equal(toast_decompress(TOAST_LZ4, (uint8_t *) comp, (size_t) n, back, sizeof(back), &ds), 0);
	assert_memory_equal(back, raw, sizeof(raw));
	/* claims more than it holds */
	assert_int_equal(toast_decompress(TOAST_LZ4, (uint8_t *) comp, (size_t) n, back, 3999, &ds), -1);
	/* cut short */
	assert_int_equal(toast_decompress(TOAST_LZ4, (uint8_t *) comp, (size_t) n / 2, back, sizeof(back), &ds), -1);
	assert_int_equal(ds.d[0].code, D_BAD_COMPRESSED);
	assert_int_equal(toast_decompress(2, (uint8_t *) comp, (size_t) n, back, sizeof(back), &ds), -1);
}

/* The external values of a fixture table: each fetched and checked. */
static size_t max_chunks = TOAST_INDEX_MAX,
			max_cached = TOAST_CACHE_BLOCKS;

static int
fetch_all(const char *heap, const char *toast, const char *spec, int *nfetched)
{
	struct toast_store *ts;
	struct blockreader *br;
	struct tupdesc *td;
	struct attr_value v[8];
	const uint8_t *page;
	uint32_t	blkno;

	*nfetched = 0;
	if (access(heap, R_OK) != 0 || access(toast, R_OK) != 0)
		return -1;
	diags_reset(&ds);
	ts = toast_open_bounded(&toast, 1, max_chunks, max_cached, &ds);
	assert_non_null(ts);
	assert_true(toast_chunk_count(ts) > 0);
	td = tupdesc_from_spec(spec, &ds);
	assert_non_null(td);
	br = blockreader_open(heap, 0, UINT32_MAX, &ds);
	assert_non_null(br);
	while (blockreader_next(br, &page, &blkno, &ds) == BR_PAGE)
	{
		struct page_header h;
		unsigned	i;

		page_header_decode(page, &h);
		for (i = 1; !page_is_new(&h) && i <= page_item_count(&h); i++)
		{
			struct heap_item it;
			int			a;

			heappage_item(page, i, &it);
			if (it.id.flags != LP_NORMAL || !it.has_tuple)
				continue;
			assert_int_equal(heap_deform(td, &it.t, v, &ds), 0);
			for (a = 0; a < td->natts; a++)
			{
				struct varlena vl;
				struct toast_pointer bad;
				uint8_t    *buf;
				size_t		len;

				if (v[a].kind != AV_VALUE || td->cols[a].attlen != -1)
					continue;
				assert_int_equal(varlena_parse(v[a].ptr, v[a].len, &vl, &ds), 0);
				if (vl.form != VF_EXTERNAL)
					continue;
				/* dead tuples may point at chunks already gone */
				if (!heaptuple_xmax_invalid(&it.t))
					continue;
				assert_int_equal(varlena_detoast(&vl, ts, &buf, &len, &ds), 0);
				assert_int_equal(len, (size_t) vl.ptr.rawsize - 4);
				free(buf);
				(*nfetched)++;
				/* the same pointer, damaged */
				bad = vl.ptr;
				bad.valueid ^= 0x5a5a5a5a;
				diags_reset(&ds);
				assert_int_equal(toast_fetch(ts, &bad, &buf, &len, &ds), -1);
				assert_int_equal(ds.d[0].code, D_BAD_TOAST);
				bad = vl.ptr;
				bad.extsize += TOAST_MAX_CHUNK_SIZE;
				diags_reset(&ds);
				assert_int_equal(toast_fetch(ts, &bad, &buf, &len, &ds), -1);
				bad = vl.ptr;
				if (bad.extsize > TOAST_MAX_CHUNK_SIZE)
				{
					bad.extsize -= TOAST_MAX_CHUNK_SIZE;
					diags_reset(&ds);
					assert_int_equal(toast_fetch(ts, &bad, &buf, &len, &ds), -1);
				}
				vl.ptr.rawsize = 2;
				diags_reset(&ds);
				assert_int_equal(varlena_detoast(&vl, ts, &buf, &len, &ds), -1);
				diags_reset(&ds);
			}
		}
	}
	blockreader_close(br);
	tupdesc_free(td);
	toast_close(ts);
	return 0;
}

static void
test_fixture_values(void **state)
{
	int			m,
				n,
				seen = 0;
	char		heap[128],
				toast[128];

	(void) state;
	/* toasty's files are base/16384/N by the fixture's OIDs: from relations.jsonl */
	static const struct {
		int			major;
		const char *heap,
				   *toast,
				   *spec;
	} cases[] = {
		{15, "16512", "16515", "id:int4,a:text,b:text,c:text,d:bytea"},
		{15, "16527", "16530", "id:int4,a:text,b:text"},
	};

	for (m = 0; m < (int) (sizeof(cases) / sizeof(cases[0])); m++)
	{
		snprintf(heap, sizeof(heap), "testdata/pg%d/data/base/16384/%s.gz", cases[m].major, cases[m].heap);
		snprintf(toast, sizeof(toast), "testdata/pg%d/data/base/16384/%s.gz", cases[m].major, cases[m].toast);
		if (fetch_all(heap, toast, cases[m].spec, &n) == 0)
		{
			assert_true(n > 0);
			seen += n;
		}
	}
	if (seen == 0)
		skip();
}

/* The same with no page cache: every chunk re-read from the file. */
static void
test_fixture_uncached(void **state)
{
	max_cached = 0;
	test_fixture_values(state);
	max_cached = TOAST_CACHE_BLOCKS;
}

/* An index full after 3 chunks: a finding, later values not found. */
static void
test_index_full(void **state)
{
	const char *path = "testdata/pg15/data/base/16384/16515.gz";
	struct toast_store *ts;

	(void) state;
	if (access(path, R_OK) != 0)
		skip();
	diags_reset(&ds);
	ts = toast_open_bounded(&path, 1, 3, 10, &ds);
	assert_non_null(ts);
	assert_int_equal(toast_chunk_count(ts), 3);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_VALUE_LIMIT);
	toast_close(ts);
}

/* A copy of a TOAST relation with one chunk's chunk_seq changed. */
static void
test_damaged_copy(void **state)
{
	const char *src = "testdata/pg15/data/base/16384/16515.gz";
	char		path[] = "/tmp/pgod_toastXXXXXX";
	uint8_t    *buf;
	size_t		len;
	int			fd;
	unsigned	i;
	struct page_header h;
	struct heap_item it;
	struct toast_store *ts;
	struct toast_pointer p;
	uint8_t    *val;
	size_t		vlen;
	const char *paths[1];

	(void) state;
	diags_reset(&ds);
	buf = input_slurp(src, 64 * 1024 * 1024, &len, &ds);
	if (buf == NULL)
		skip();
	assert_true(len >= BLCKSZ);
	page_header_decode(buf, &h);
	/* the first chunk with seq 0 and a following chunk of the same value */
	memset(&p, 0, sizeof(p));
	for (i = 1; i <= page_item_count(&h); i++)
	{
		heappage_item(buf, i, &it);
		if (it.has_tuple && it.t.data != NULL && rd32(it.t.data + 4) == 1)
		{
			p.valueid = rd32(it.t.data);
			/* chunk 1 becomes chunk 7 */
			wr32((uint8_t *) it.t.data + 4, 7);
			break;
		}
	}
	assert_true(p.valueid != 0);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, len), (ssize_t) len);
	close(fd);
	free(buf);
	paths[0] = path;
	ts = toast_open(paths, 1, &ds);
	assert_non_null(ts);
	p.extsize = 3 * TOAST_MAX_CHUNK_SIZE;
	p.rawsize = (int32_t) p.extsize + 4;
	diags_reset(&ds);
	assert_int_equal(toast_fetch(ts, &p, &val, &vlen, &ds), -1);
	assert_int_equal(ds.d[0].code, D_BAD_TOAST);
	toast_close(ts);
	unlink(path);
	/* no file at all */
	paths[0] = "/nonexistent/toast";
	diags_reset(&ds);
	assert_null(toast_open(paths, 1, &ds));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_lz4),
		cmocka_unit_test(test_fixture_values),
		cmocka_unit_test(test_fixture_uncached),
		cmocka_unit_test(test_index_full),
		cmocka_unit_test(test_damaged_copy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
