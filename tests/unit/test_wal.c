/*
 * walreader and walrecord on WAL written here, page by page, as
 * PostgreSQL lays it out: records across page and segment boundaries,
 * XLOG_SWITCH, the end of WAL, damage (CRC, page header, continuation),
 * seeking into a record; then DecodeXLogRecord's checks on block
 * references, images and lengths, hostile ones included.
 */
#include "unit.h"

#include <stdlib.h>

#include "io/crc32c.h"
#include "wal/walimage.h"
#include "wal/walreader.h"
#include "wal/walrecord.h"

#define PS 8192u
#define SEG (8u * PS)			/* small segments: 8 pages */
#define NSEG 3
#define MAGIC 0xD110			/* 15 */

/* An in-memory WAL: NSEG segments from address BASE, written forward. */
#define BASE ((uint64_t) 4 * SEG)
static uint8_t wal[NSEG * SEG];
static uint64_t wpos;			/* insert position (an LSN) */
static uint64_t wprev;			/* the last record's start */

static void
put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t) v;
	p[1] = (uint8_t) (v >> 8);
}

static void
put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t) v);
	put16(p + 2, (uint16_t) (v >> 16));
}

static void
put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t) v);
	put32(p + 4, (uint32_t) (v >> 32));
}

static uint8_t *
at(uint64_t lsn)
{
	return wal + (lsn - BASE);
}

/* Write the header of the page at ptr; rem is what continues onto it. */
static void
page_header(uint64_t ptr, uint32_t rem)
{
	uint8_t    *p = at(ptr);
	uint16_t	info = rem ? XLP_FIRST_IS_CONTRECORD : 0;

	if (ptr % SEG == 0)
		info |= XLP_LONG_HEADER;
	put16(p, MAGIC);
	put16(p + 2, info);
	put32(p + 4, 1);
	put64(p + 8, ptr);
	put32(p + 16, rem);
	if (info & XLP_LONG_HEADER)
	{
		put64(p + 24, UINT64_C(7000000000000000001));
		put32(p + 32, SEG);
		put32(p + 36, PS);
	}
}

static void
wal_reset(void)
{
	memset(wal, 0, sizeof(wal));
	wpos = BASE;
	wprev = BASE - 64;
	page_header(BASE, 0);
	wpos += WAL_LONG_PHD;
}

/*
 * Append a record of rmid/info whose body (after the 24-byte header) is
 * body/n; return its LSN.  Split across pages as XLogInsert does.
 */
static uint64_t
add_record(uint8_t rmid, uint8_t info, const uint8_t *body, uint32_t n)
{
	uint32_t	tot = 24 + n,
				done = 0;
	uint8_t    *rec = malloc(tot);
	uint32_t	crc;
	uint64_t	lsn;

	assert_non_null(rec);
	/* a record header never starts in the last bytes of a page */
	if (PS - wpos % PS < 24)
		wpos += PS - wpos % PS;
	if (wpos % PS == 0)
	{
		page_header(wpos, 0);
		wpos += (wpos % SEG == 0) ? WAL_LONG_PHD : WAL_SHORT_PHD;
	}
	lsn = wpos;
	put32(rec, tot);
	put32(rec + 4, 0);
	put64(rec + 8, wprev);
	rec[16] = info;
	rec[17] = rmid;
	rec[18] = rec[19] = 0;
	memcpy(rec + 24, body, n);
	crc = crc32c_update(CRC32C_INIT, rec + 24, n);
	crc = CRC32C_FIN(crc32c_update(crc, rec, 20));
	put32(rec + 20, crc);
	while (done < tot)
	{
		uint32_t	room = PS - (uint32_t) (wpos % PS),
					k = tot - done < room ? tot - done : room;

		memcpy(at(wpos), rec + done, k);
		done += k;
		wpos += k;
		if (done < tot)
		{
			page_header(wpos, tot - done);
			wpos += (wpos % SEG == 0) ? WAL_LONG_PHD : WAL_SHORT_PHD;
		}
	}
	wpos = (wpos + 7) & ~(uint64_t) 7;
	wprev = lsn;
	free(rec);
	return lsn;
}

/* A body of main data only: XLR_BLOCK_ID_DATA_SHORT/LONG, then n bytes of fill. */
static uint32_t
main_data(uint8_t *b, uint32_t n, uint8_t fill)
{
	uint32_t	h;

	if (n < 256)
	{
		b[0] = 255;
		b[1] = (uint8_t) n;
		h = 2;
	}
	else
	{
		b[0] = 254;
		put32(b + 1, n);
		h = 5;
	}
	memset(b + h, fill, n);
	return h + n;
}

static enum walreader_page
read_page(void *arg, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	(void) arg;
	(void) ds;
	if (ptr < BASE || ptr - BASE >= sizeof(wal))
		return WRP_END;
	*page = at(ptr);
	return WRP_OK;
}

static struct walreader *
reader(void)
{
	struct walreader_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.seg_size = SEG;
	cfg.page_size = PS;
	cfg.magic = MAGIC;
	cfg.max_rmid = 21;
	cfg.custom_rmgrs = true;
	cfg.read_page = read_page;
	return walreader_create(&cfg);
}

static bool
has_code(const struct diags *ds, enum diag_code c)
{
	for (int i = 0; i < ds->n; i++)
		if (ds->d[i].code == c)
			return true;
	return false;
}

static uint8_t body[40000];

static void
test_records_across_pages_and_segments(void **state)
{
	uint64_t	lsn[6];
	uint32_t	len[6] = {10, 100, 30000, 39000, 30, 5};
	struct walreader *r;
	struct walrec_raw raw;
	struct diags ds;
	int			i;

	(void) state;
	wal_reset();
	for (i = 0; i < 6; i++)
	{
		uint32_t	n = main_data(body, len[i], (uint8_t) (i + 1));

		lsn[i] = add_record(10, 0x00, body, n);
	}
	/* the 39000-byte record crosses into the second segment */
	assert_true(lsn[3] / SEG != (lsn[3] + 39000) / SEG);
	r = reader();
	assert_non_null(r);
	walreader_seek(r, BASE);
	diags_reset(&ds);
	for (i = 0; i < 6; i++)
	{
		struct walrec rec;

		assert_int_equal(walreader_next(r, &raw, &ds), WR_RECORD);
		assert_true(raw.lsn == lsn[i]);
		assert_int_equal(raw.len, 24 + len[i] + (len[i] < 256 ? 2 : 5));
		assert_true(raw.crc_ok);
		assert_int_equal(walrecord_decode(pg_profile_by_major(15), raw.data, raw.len, raw.lsn, &rec, &ds), 0);
		assert_int_equal(rec.main_data_len, len[i]);
		assert_int_equal(rec.main_data[len[i] - 1], i + 1);
		if (i < 5)
			assert_true(raw.end_lsn == lsn[i + 1]);
	}
	assert_int_equal(ds.n, 0);
	/* then zeroed space: the end, as a notice */
	assert_int_equal(walreader_next(r, &raw, &ds), WR_END);
	assert_true(has_code(&ds, D_WAL_END));
	assert_int_equal(ds.worst, SEV_NOTICE);
	walreader_free(r);

	/* seeking into the middle of the big record gives the next one */
	r = reader();
	walreader_seek(r, lsn[3] + 100);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_RECORD);
	assert_true(raw.lsn == lsn[4]);
	walreader_free(r);
}

static void
test_switch_and_crc(void **state)
{
	uint64_t	a,
				sw,
				b,
				c;
	struct walreader *r;
	struct walrec_raw raw;
	struct diags ds;
	uint32_t	n;

	(void) state;
	wal_reset();
	n = main_data(body, 50, 1);
	a = add_record(10, 0x00, body, n);
	sw = add_record(0, 0x40, body, 0);	/* XLOG_SWITCH, no data */
	wpos = BASE + SEG;			/* the rest of the segment is skipped */
	page_header(wpos, 0);
	wpos += WAL_LONG_PHD;
	b = add_record(10, 0x00, body, n);
	/* fill three pages so that damage in b is not on the last page */
	for (int i = 0; i < 3; i++)
		c = add_record(10, 0x00, body, main_data(body, 6000, 2));
	r = reader();
	walreader_seek(r, BASE);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_RECORD);
	assert_true(raw.lsn == a);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_RECORD);
	assert_true(raw.lsn == sw);
	assert_true(raw.end_lsn == BASE + SEG);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_RECORD);
	assert_true(raw.lsn == b);
	walreader_free(r);

	/* a flipped byte in b: CRC damage, the reader stops */
	at(b)[30] ^= 0x55;
	r = reader();
	walreader_seek(r, BASE + SEG);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_DAMAGE);
	assert_true(has_code(&ds, D_WAL_CRC));
	assert_int_equal(ds.worst, SEV_DAMAGE);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_END);
	walreader_free(r);
	at(b)[30] ^= 0x55;

	/* the same in the last record, on the last written page: the end */
	at(c)[30] ^= 0x55;
	r = reader();
	walreader_seek(r, c);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_END);
	assert_false(has_code(&ds, D_WAL_CRC));
	assert_int_equal(ds.worst, SEV_NOTICE);
	walreader_free(r);
	at(c)[30] ^= 0x55;
}

static void
test_page_damage(void **state)
{
	uint64_t	big;
	struct walreader *r;
	struct walrec_raw raw;
	struct diags ds;
	uint64_t	cont;

	(void) state;
	wal_reset();
	big = add_record(10, 0x00, body, main_data(body, 12000, 3));
	add_record(10, 0x00, body, main_data(body, 12000, 4));
	cont = (big / PS + 1) * PS;	/* the page the big record continues on */

	/* a wrong xlp_rem_len on the continuation page */
	put32(at(cont) + 16, 5);
	r = reader();
	walreader_seek(r, BASE);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_DAMAGE);
	assert_true(has_code(&ds, D_WAL_CONTRECORD));
	walreader_free(r);

	/* no contrecord flag where one is needed */
	page_header(cont, 0);
	r = reader();
	walreader_seek(r, BASE);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_DAMAGE);
	assert_true(has_code(&ds, D_WAL_CONTRECORD));
	walreader_free(r);

	/* a bad magic: damage; a zeroed page: the end */
	page_header(cont, (uint32_t) (24 + 12005 - (cont - big)));
	put16(at(cont), 0xBEEF);
	r = reader();
	walreader_seek(r, BASE);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_DAMAGE);
	assert_true(has_code(&ds, D_WAL_PAGE_HEADER));
	walreader_free(r);
	/* a garbage page: the segment is named by the timeline read so far,
	 * not by the garbage's xlp_tli (found by the damage sweep) */
	put32(at(cont) + 4, 0xACA5E3FE);
	r = reader();
	walreader_seek(r, BASE);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_DAMAGE);
	assert_true(has_code(&ds, D_WAL_PAGE_HEADER));
	assert_non_null(strstr(ds.d[0].detail, "in segment 000000010000000000000004,"));
	walreader_free(r);
	memset(at(cont), 0, PS);
	r = reader();
	walreader_seek(r, BASE);
	diags_reset(&ds);
	assert_int_equal(walreader_next(r, &raw, &ds), WR_END);
	assert_int_equal(ds.worst, SEV_NOTICE);
	walreader_free(r);
}

/* DecodeXLogRecord: a record with two block references and main data. */
static void
test_decode(void **state)
{
	uint8_t		rec[256];
	uint32_t	p = 24,
				len;
	struct walrec w;
	struct diags ds;
	const struct pg_profile *t15 = pg_profile_by_major(15),
			   *t14 = pg_profile_by_major(14);

	(void) state;
	memset(rec, 0, sizeof(rec));
	/* block 0: main fork, image with a hole, uncompressed, apply; 4 bytes of data */
	rec[p++] = 0;
	rec[p++] = BKPBLOCK_HAS_IMAGE | BKPBLOCK_HAS_DATA;
	put16(rec + p, 4);
	p += 2;
	put16(rec + p, 100);		/* bimg length: 8192 - hole 8092 */
	put16(rec + p + 2, 40);		/* hole offset */
	rec[p + 4] = 0x01 | 0x02;	/* HAS_HOLE | APPLY (15) */
	p += 5;
	put32(rec + p, 1663);
	put32(rec + p + 4, 5);
	put32(rec + p + 8, 16384);
	p += 12;
	put32(rec + p, 7);			/* blkno */
	p += 4;
	/* block 2 (1 unused): fsm fork, same rel, will init, no data */
	rec[p++] = 2;
	rec[p++] = 1 | BKPBLOCK_SAME_REL | BKPBLOCK_WILL_INIT;
	put16(rec + p, 0);
	p += 2;
	put32(rec + p, 9);
	p += 4;
	/* main data, 3 bytes */
	rec[p++] = 255;
	rec[p++] = 3;
	p += 100 + 4 + 3;			/* image, block data, main data */
	len = p;
	put32(rec, len);
	rec[17] = 10;
	diags_reset(&ds);
	assert_int_equal(walrecord_decode(t15, rec, len, 0x1000, &w, &ds), 0);
	assert_int_equal(w.max_block_id, 2);
	assert_true(w.blocks[0].in_use && !w.blocks[1].in_use && w.blocks[2].in_use);
	assert_int_equal(w.blocks[0].hole_offset, 40);
	assert_int_equal(w.blocks[0].hole_length, 8192 - 100);
	assert_true(w.blocks[0].apply_image);
	assert_int_equal(w.blocks[0].compression, WALC_NONE);
	assert_int_equal(w.blocks[2].relnumber, 16384);
	assert_int_equal(w.blocks[2].fork, 1);
	assert_int_equal(w.blocks[2].blkno, 9);
	assert_int_equal(w.fpi_len, 100);
	assert_int_equal(w.main_data_len, 3);
	assert_ptr_equal(w.main_data, rec + len - 3);
	/* 14 reads bit 0x02 as IS_COMPRESSED (pglz): a hole length must follow */
	assert_int_equal(walrecord_decode(t14, rec, len, 0x1000, &w, &ds), -1);

	/* a length that does not add up */
	diags_reset(&ds);
	assert_int_equal(walrecord_decode(t15, rec, len - 1, 0x1000, &w, &ds), -1);
	assert_true(has_code(&ds, D_WAL_RECORD));
	/* block data length larger than the record */
	put16(rec + 26, 60000);
	assert_int_equal(walrecord_decode(t15, rec, len, 0x1000, &w, &ds), -1);
	put16(rec + 26, 4);
	/* HAS_DATA with zero length */
	put16(rec + 26, 0);
	assert_int_equal(walrecord_decode(t15, rec, len, 0x1000, &w, &ds), -1);
	put16(rec + 26, 4);
	/* block ids out of order */
	rec[24 + 4 + 5 + 12 + 4] = 0;
	assert_int_equal(walrecord_decode(t15, rec, len, 0x1000, &w, &ds), -1);
	/* SAME_REL on the first block */
	diags_reset(&ds);
	rec[25] |= BKPBLOCK_SAME_REL;
	assert_int_equal(walrecord_decode(t15, rec, len, 0x1000, &w, &ds), -1);
	/* shorter than a header */
	assert_int_equal(walrecord_decode(t15, rec, 10, 0x1000, &w, &ds), -1);
}

static void
test_segment_names(void **state)
{
	char		name[32];
	uint32_t	tli;
	uint64_t	segno;

	(void) state;
	wal_segment_name(name, 1, 0x102, 16 * 1024 * 1024);
	assert_string_equal(name, "000000010000000100000002");
	assert_int_equal(wal_parse_segment_name("000000010000000100000002.gz", 16 * 1024 * 1024, &tli, &segno), 0);
	assert_int_equal(tli, 1);
	assert_true(segno == 0x102);
	assert_int_equal(wal_parse_segment_name("00000002000000000000000B.partial", 1024 * 1024, &tli, &segno), 0);
	assert_int_equal(tli, 2);
	assert_true(segno == 11);
	/* 1 MB segments: 4096 per "log"; 16 MB: 256, so 0x100 is out of range */
	assert_int_equal(wal_parse_segment_name("000000010000000000000100", 16 * 1024 * 1024, &tli, &segno), -1);
	assert_int_equal(wal_parse_segment_name("00000001000000000000000G", 16 * 1024 * 1024, &tli, &segno), -1);
	assert_int_equal(wal_parse_segment_name("000000010000000000000001.bak", 16 * 1024 * 1024, &tli, &segno), -1);
}

/*
 * wal_verify_image: an uncompressed image with a hole, restored and held to
 * the page header rules; a new page must be all zeros.
 */
static void
test_verify_image(void **state)
{
	uint8_t		img[WAL_BLCKSZ],
				page[WAL_BLCKSZ];
	struct walblock b;
	struct diags ds;

	(void) state;
	/* header then hole then 16 bytes of special space, as log_newpage logs it */
	memset(img, 0, sizeof(img));
	img[12] = 24;				/* pd_lower 24 */
	img[14] = 0xf0, img[15] = 0x1f;	/* pd_upper 8176 */
	img[16] = 0xf0, img[17] = 0x1f;	/* pd_special 8176 */
	img[18] = 0x04, img[19] = 0x20;	/* 8192 | layout version 4 */
	img[9] = 0x12;				/* pd_checksum: stale, never looked at */
	memset(img + 24, 0xAB, 16);
	memset(&b, 0, sizeof(b));
	b.in_use = b.has_image = true;
	b.blkno = 7;
	b.image = img;
	b.bimg_len = 40;
	b.hole_offset = 24;
	b.hole_length = WAL_BLCKSZ - 40;
	b.compression = WALC_NONE;
	diags_reset(&ds);
	assert_int_equal(wal_verify_image(&b, page, &ds), 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(page[8190], 0xAB);
	assert_int_equal(page[100], 0);

	img[12] = 0xf8, img[13] = 0x1f;	/* pd_lower 8184 > pd_upper */
	assert_int_equal(wal_verify_image(&b, page, &ds), -1);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BAD_PAGE_HEADER);
	assert_true(ds.d[0].has_blkno);
	assert_int_equal(ds.d[0].blkno, 7);
	img[12] = 24, img[13] = 0;
	img[18] = 0x04, img[19] = 0x10;	/* a 4 KiB page */
	diags_reset(&ds);
	assert_int_equal(wal_verify_image(&b, page, &ds), -1);
	assert_int_equal(ds.d[0].code, D_BAD_PAGE_SIZE);

	/* a new page: all zeros is valid, anything else not */
	memset(img, 0, sizeof(img));
	b.bimg_len = WAL_BLCKSZ;
	b.hole_offset = b.hole_length = 0;
	diags_reset(&ds);
	assert_int_equal(wal_verify_image(&b, page, &ds), 0);
	img[5000] = 1;
	assert_int_equal(wal_verify_image(&b, page, &ds), -1);
	assert_int_equal(ds.d[0].code, D_BAD_PAGE_HEADER);

	/* an image that cannot be restored */
	b.hole_offset = 8000;
	b.hole_length = 1000;
	diags_reset(&ds);
	assert_int_equal(wal_verify_image(&b, page, &ds), -1);
	assert_int_equal(ds.d[0].code, D_BAD_COMPRESSED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_across_pages_and_segments),
		cmocka_unit_test(test_switch_and_crc),
		cmocka_unit_test(test_page_damage),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_segment_names),
		cmocka_unit_test(test_verify_image),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
