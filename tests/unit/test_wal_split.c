/*
 * walreader + walrecord on one record of a few hundred bytes (two block
 * references, a page image, origin, top-level xid where the major has it,
 * main data) placed at every start a PostgreSQL server can give it around
 * a page boundary inside a segment (short header, XLP_FIRST_IS_CONTRECORD,
 * xlp_rem_len) and around a segment boundary (long header), for each
 * major's page magic and record traits (APPLY's bimg_info bit, block id
 * 252), with 1 MB and 16 MB segments.  Pages carry XLP_BKP_REMOVABLE as
 * AdvanceXLInsertBuffer writes it; xlp_info's bits (XLP_ALL_FLAGS 0x000F)
 * are the same in 10.20 and 18.3, so the majors differ in magic and record
 * format, not in page flags.
 *
 * Record starts are MAXALIGN'd (8), so the split falls on every 8th byte of
 * the record: inside the 24-byte XLogRecord (only xl_tot_len and xl_xid on
 * the first page, or the header up to xl_crc), right after it, inside the
 * block headers and the payload.  xl_tot_len itself is never split: it is
 * the first 4 bytes of an 8-aligned record and pages end 8-aligned
 * (xlogreader.c: "xl_tot_len is the first field of the struct, so it must
 * be on this page").  Eight record lengths (block 1's data grows by 0..7
 * bytes) move the record's end over every byte offset, so the record also
 * ends exactly at the page end once per placement range, and the next
 * record starts after 0..7 bytes of MAXALIGN padding.
 *
 * Then damage at a few split points (continuation flag, xlp_rem_len, CRC,
 * split header fields, xl_tot_len, the WAL ending inside the record), and
 * a record that fills a whole continuation page and ends on the next.
 *
 * Only the four pages around the boundary exist, each its own heap block
 * so ASan sees a read past any page.
 */
#include "unit.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "io/bytes.h"
#include "io/crc32c.h"
#include "wal/walreader.h"
#include "wal/walrecord.h"

#define PS 8192u
#define SYSID UINT64_C(7000000000000000042)
#define TLI 3

/* The boundary under test: pages A (before), B (after), C, D. */
#define NPG 4
static uint8_t *pg[NPG];
static uint64_t pa;				/* address of page A */
static uint32_t seg_size;
static uint16_t magic;
static int	npages;				/* how many of them read_page gives */
static char where[160];			/* the placement, for failure messages */

#define CHECK(c) do { if (!(c)) fail_msg("%s: %s", where, #c); } while (0)
/* the same, with the reader's first finding */
#define CHECKD(c, ds) do { if (!(c)) fail_msg("%s: %s (%d findings: %s)", where, #c, \
	(ds)->n, (ds)->n ? (ds)->d[0].detail : ""); } while (0)

static uint8_t *
at(uint64_t lsn)
{
	uint64_t	i = (lsn - pa) / PS;

	if (lsn < pa || i >= NPG)
		fail_msg("%s: write outside the pages at %llx", where, (unsigned long long) lsn);
	return pg[i] + (lsn - pa) % PS;
}

static uint32_t
hdr_size(uint64_t ptr)
{
	return ptr % seg_size == 0 ? WAL_LONG_PHD : WAL_SHORT_PHD;
}

/* The page header AdvanceXLInsertBuffer writes, rem bytes continuing. */
static void
page_header(uint64_t ptr, uint32_t rem)
{
	uint8_t    *p = at(ptr);
	uint16_t	info = XLP_BKP_REMOVABLE;

	if (rem)
		info |= XLP_FIRST_IS_CONTRECORD;
	if (ptr % seg_size == 0)
		info |= XLP_LONG_HEADER;
	wr16(p, magic);
	wr16(p + 2, info);
	wr32(p + 4, TLI);
	wr64(p + 8, ptr);
	wr32(p + 16, rem);
	if (info & XLP_LONG_HEADER)
	{
		wr64(p + 24, SYSID);
		wr32(p + 32, seg_size);
		wr32(p + 36, PS);
	}
}

static void
pages_reset(void)
{
	for (int i = 0; i < NPG; i++)
	{
		memset(pg[i], 0, PS);
		page_header(pa + (uint64_t) i * PS, 0);
	}
}

/* Fill in XLogRecord around body and its CRC (as XLogRecordAssemble). */
static void
finish_record(uint8_t *rec, uint32_t tot, uint32_t xid, uint64_t prev,
			  uint8_t info, uint8_t rmid)
{
	uint32_t	crc;

	wr32(rec, tot);
	wr32(rec + 4, xid);
	wr64(rec + 8, prev);
	rec[16] = info;
	rec[17] = rmid;
	rec[18] = rec[19] = 0;
	crc = crc32c_update(CRC32C_INIT, rec + 24, tot - 24);
	crc = CRC32C_FIN(crc32c_update(crc, rec, 20));
	wr32(rec + 20, crc);
}

/*
 * Copy a record into the pages from lsn on, as CopyXLogRecordToWAL does:
 * a page boundary gets a header carrying the remaining length.  Returns
 * where the record really starts; *end is the byte after it.
 */
static uint64_t
put_record(uint64_t lsn, const uint8_t *rec, uint32_t tot, uint64_t *end)
{
	uint32_t	done = 0;
	uint64_t	start;

	if (lsn % PS == 0)
		lsn += hdr_size(lsn);
	start = lsn;
	while (done < tot)
	{
		uint32_t	room = PS - (uint32_t) (lsn % PS),
					k = tot - done < room ? tot - done : room;

		memcpy(at(lsn), rec + done, k);
		done += k;
		lsn += k;
		if (done < tot)
		{
			page_header(lsn, tot - done);
			lsn += hdr_size(lsn);
		}
	}
	*end = lsn;
	return start;
}

/* A record of exactly tot bytes (>= 26) holding main data only. */
static uint32_t
filler(uint8_t *rec, uint32_t tot)
{
	uint32_t	n;

	if (tot - 26 < 256)
	{
		n = tot - 26;
		rec[24] = 255;
		rec[25] = (uint8_t) n;
		memset(rec + 26, 0xF1, n);
	}
	else
	{
		n = tot - 29;
		rec[24] = 254;
		wr32(rec + 25, n);
		memset(rec + 29, 0xF1, n);
	}
	return tot;
}

/* What the record under test holds. */
#define IMG_LEN 120				/* bimg_len: an image with a hole */
#define HOLE_OFF 64
#define B0_LEN 40				/* block 0 data */
#define B1_LEN 5				/* block 1 data, + 0..7 */
#define MAIN_LEN 100				/* main data, short form */
#define XID 731
#define TOP_XID 700
#define ORIGIN 9

static uint8_t
pat(uint32_t seed, uint32_t i)
{
	return (uint8_t) (seed * 37 + i * 11 + (i >> 5));
}

/*
 * The record under test, as XLogRecordAssemble lays it out: block 0 (main
 * fork, image with a hole and APPLY in this major's bit, data), block 1
 * (fsm fork, SAME_REL, data), origin, top-level xid (14+), main data; then
 * image, block data, main data.
 */
static uint32_t
test_record(uint8_t *rec, const struct pg_profile *t, uint32_t d, uint64_t prev,
			uint32_t main_len)
{
	uint32_t	p = 24,
				b1 = B1_LEN + d,
				i;

	rec[p++] = 0;
	rec[p++] = BKPBLOCK_HAS_IMAGE | BKPBLOCK_HAS_DATA;
	wr16(rec + p, B0_LEN);
	p += 2;
	wr16(rec + p, IMG_LEN);
	wr16(rec + p + 2, HOLE_OFF);
	rec[p + 4] = 0x01 | (t->wal_bimg_v15 ? 0x02 : 0x04);	/* HAS_HOLE | APPLY */
	p += 5;
	wr32(rec + p, 1663);
	wr32(rec + p + 4, 16384);
	wr32(rec + p + 8, 24576);
	p += 12;
	wr32(rec + p, 4242);
	p += 4;
	rec[p++] = 1;
	rec[p++] = 1 | BKPBLOCK_SAME_REL | BKPBLOCK_HAS_DATA;
	wr16(rec + p, (uint16_t) b1);
	p += 2;
	wr32(rec + p, 4243);
	p += 4;
	rec[p++] = 253;				/* XLR_BLOCK_ID_ORIGIN */
	wr16(rec + p, ORIGIN);
	p += 2;
	if (t->wal_toplevel_xid)
	{
		rec[p++] = 252;			/* XLR_BLOCK_ID_TOPLEVEL_XID */
		wr32(rec + p, TOP_XID);
		p += 4;
	}
	if (main_len < 256)
	{
		rec[p++] = 255;			/* XLR_BLOCK_ID_DATA_SHORT */
		rec[p++] = (uint8_t) main_len;
	}
	else
	{
		rec[p++] = 254;			/* XLR_BLOCK_ID_DATA_LONG */
		wr32(rec + p, main_len);
		p += 4;
	}
	for (i = 0; i < IMG_LEN; i++)
		rec[p++] = pat(1, i);
	for (i = 0; i < B0_LEN; i++)
		rec[p++] = pat(2, i);
	for (i = 0; i < b1; i++)
		rec[p++] = pat(3, i);
	for (i = 0; i < main_len; i++)
		rec[p++] = pat(4, i);
	finish_record(rec, p, XID, prev, 0x10, 10);	/* Heap, XLOG_HEAP_DELETE */
	return p;
}

static bool
same_pat(const uint8_t *p, uint32_t seed, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (p[i] != pat(seed, i))
			return false;
	return true;
}

/* Everything the decoder must see in the record under test. */
static void
check_decoded(const struct pg_profile *t, const struct walrec_raw *raw,
			  uint32_t d, uint64_t prev, uint32_t main_len)
{
	struct walrec w;
	struct diags ds;
	const struct walblock *b0 = &w.blocks[0],
			   *b1 = &w.blocks[1];

	diags_reset(&ds);
	CHECK(walrecord_decode(t, raw->data, raw->len, raw->lsn, &w, &ds) == 0);
	CHECKD(ds.n == 0, &ds);
	CHECK(w.tot_len == raw->len);
	CHECK(w.xid == XID);
	CHECK(w.prev == prev);
	CHECK(w.rmid == 10 && w.info == 0x10);
	CHECK(w.origin == ORIGIN);
	CHECK(w.toplevel_xid == (t->wal_toplevel_xid ? TOP_XID : 0));
	CHECK(w.max_block_id == 1);
	CHECK(b0->in_use && b0->fork == 0 && b0->blkno == 4242);
	CHECK(b0->spcoid == 1663 && b0->dboid == 16384 && b0->relnumber == 24576);
	CHECK(b0->has_image && b0->apply_image && b0->compression == WALC_NONE);
	CHECK(b0->bimg_len == IMG_LEN && b0->hole_offset == HOLE_OFF);
	CHECK(b0->hole_length == WAL_BLCKSZ - IMG_LEN);
	CHECK(same_pat(b0->image, 1, IMG_LEN));
	CHECK(b0->has_data && b0->data_len == B0_LEN && same_pat(b0->data, 2, B0_LEN));
	CHECK(b1->in_use && b1->fork == 1 && b1->blkno == 4243);
	CHECK(b1->spcoid == 1663 && b1->dboid == 16384 && b1->relnumber == 24576);
	CHECK(!b1->has_image);
	CHECK(b1->has_data && b1->data_len == B1_LEN + d && same_pat(b1->data, 3, B1_LEN + d));
	CHECK(w.main_data_len == main_len && same_pat(w.main_data, 4, main_len));
	CHECK(w.fpi_len == IMG_LEN);
}

static enum walreader_page
read_page(void *arg, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	(void) arg;
	(void) ds;
	if (ptr < pa || ptr >= pa + (uint64_t) npages * PS)
		return WRP_END;
	*page = pg[(ptr - pa) / PS];
	return WRP_OK;
}

static struct walreader *
reader(const struct pg_profile *t, bool keep_going)
{
	struct walreader_config cfg;
	struct walreader *r;

	memset(&cfg, 0, sizeof(cfg));
	cfg.seg_size = seg_size;
	cfg.page_size = PS;
	cfg.magic = t->xlog_page_magic;
	cfg.max_rmid = t->wal_max_rmid;
	cfg.custom_rmgrs = t->wal_custom_rmgrs;
	cfg.keep_going = keep_going;
	cfg.sysid = SYSID;
	cfg.read_page = read_page;
	r = walreader_create(&cfg);
	if (r == NULL)
		fail_msg("%s: walreader_create", where);
	return r;
}

static bool
has_code(const struct diags *ds, enum diag_code c)
{
	for (int i = 0; i < ds->n; i++)
		if (ds->d[i].code == c)
			return true;
	return false;
}

/* The D_WAL_SKIPPED finding ends where reading resumed: its lsn_to field. */
static bool
skipped_to(const struct diags *ds, uint64_t to)
{
	for (int i = 0; i < ds->n; i++)
		if (ds->d[i].code == D_WAL_SKIPPED)
			return ds->d[i].has_lsn_to && ds->d[i].lsn_to == to;
	return false;
}

/* Where one placement put things. */
struct layout {
	uint64_t	f,				/* the filler record before, from A's first byte */
				r,				/* the record under test */
				r_end,			/* the byte after it */
				n;				/* the record after it */
	uint32_t	tot;			/* its xl_tot_len */
};

static uint8_t rbuf[NPG * PS];

/*
 * Lay out filler F (from A's first record slot, so that the record under
 * test starts at offset s of A, or at B's first slot when s == PS), the
 * record R under test, and a small record N right after R.
 */
static void
lay_out(const struct pg_profile *t, uint32_t s, uint32_t d, struct layout *l)
{
	uint64_t	end;
	uint32_t	n;

	magic = t->xlog_page_magic;
	pages_reset();
	n = filler(rbuf, s - WAL_SHORT_PHD);
	finish_record(rbuf, n, 0, pa - 40, 0, 10);
	l->f = put_record(pa, rbuf, n, &end);
	CHECK(end == pa + s);
	l->tot = test_record(rbuf, t, d, l->f, MAIN_LEN);
	l->r = put_record(WAL_MAXALIGN(end), rbuf, l->tot, &l->r_end);
	n = filler(rbuf, 26 + 13);
	finish_record(rbuf, n, XID + 1, l->r, 0x00, 10);
	l->n = put_record(WAL_MAXALIGN(l->r_end), rbuf, n, &end);
	CHECK(end < pa + 2 * PS);
}

/*
 * EndRecPtr of the record before one at lsn: lsn itself, or the page start
 * when lsn is a page's first record slot (the record before ended exactly
 * at the page end, and the reader steps over the header).
 */
static uint64_t
next_slot(uint64_t lsn)
{
	uint64_t	p = lsn - lsn % PS;

	return lsn - p == hdr_size(p) ? p : lsn;
}

/* Read F, R, N from A; then the end. */
static void
read_all(const struct pg_profile *t, uint32_t d, const struct layout *l)
{
	struct walreader *r = reader(t, false);
	struct walrec_raw raw;
	struct diags ds;

	diags_reset(&ds);
	walreader_seek(r, pa);
	CHECKD(walreader_next(r, &raw, &ds) == WR_RECORD, &ds);
	CHECK(raw.lsn == l->f && raw.end_lsn == next_slot(l->r));
	CHECKD(walreader_next(r, &raw, &ds) == WR_RECORD, &ds);
	CHECK(raw.lsn == l->r);
	CHECK(raw.len == l->tot);
	CHECK(raw.crc_ok);
	CHECK(raw.tli == TLI);
	CHECK(raw.end_lsn == WAL_MAXALIGN(l->r_end));
	CHECK(raw.end_lsn == next_slot(l->n));
	check_decoded(t, &raw, d, l->f, MAIN_LEN);
	CHECKD(walreader_next(r, &raw, &ds) == WR_RECORD, &ds);
	CHECK(raw.lsn == l->n && raw.len == 39);
	CHECKD(ds.n == 0, &ds);
	CHECKD(walreader_next(r, &raw, &ds) == WR_END, &ds);
	CHECK(ds.worst == SEV_NOTICE && has_code(&ds, D_WAL_END));
	walreader_free(r);

	/* seeking to R gives R; to B's first byte, the first record on B */
	r = reader(t, false);
	diags_reset(&ds);
	walreader_seek(r, l->r);
	CHECKD(walreader_next(r, &raw, &ds) == WR_RECORD, &ds);
	CHECK(raw.lsn == l->r && raw.len == l->tot);
	walreader_free(r);
	r = reader(t, false);
	walreader_seek(r, pa + PS);
	if (l->n >= pa + PS)
	{
		CHECKD(walreader_next(r, &raw, &ds) == WR_RECORD, &ds);
		CHECK(raw.lsn == (l->r >= pa + PS ? l->r : l->n));
		CHECKD(ds.n == 0, &ds);
	}
	else
	{
		/* N crosses into B too: nothing starts on B */
		CHECKD(walreader_next(r, &raw, &ds) == WR_END, &ds);
		CHECK(ds.worst == SEV_NOTICE);
	}
	walreader_free(r);
}

/* Group setup and teardown, so that a failed check leaks nothing. */
static int
pages_alloc(void **state)
{
	(void) state;
	for (int i = 0; i < NPG; i++)
		if ((pg[i] = malloc(PS)) == NULL)
			return -1;
	return 0;
}

static int
pages_free(void **state)
{
	(void) state;
	for (int i = 0; i < NPG; i++)
		free(pg[i]);
	return 0;
}

/* Counts of placements seen, to prove the interesting ones were there. */
struct cover {
	int			runs;
	int			crossing;		/* R on A and B */
	int			hdr_split;		/* fewer than 24 bytes of R on A */
	int			hdr_at_end;		/* exactly XLogRecord on A */
	int			ends_at_page_end;	/* R ends at A's last byte */
	int			starts_on_b;	/* F ends at A's last byte */
	int			pad[8];			/* MAXALIGN padding after R, by size */
};

/*
 * Every placement of the record under test around the boundary at b (a
 * page or segment start), for each of the eight record lengths.
 */
static void
every_placement(const struct pg_profile *t, uint32_t seg, uint64_t b,
				struct cover *cv)
{
	seg_size = seg;
	pa = b - PS;
	npages = 2;
	for (uint32_t d = 0; d < 8; d++)
	{
		uint32_t	tot = test_record(rbuf, t, d, 0, MAIN_LEN),
					s;

		for (s = (PS - tot - 16) & ~7u; s <= PS; s += 8)
		{
			struct layout l;

			snprintf(where, sizeof(where), "major %d, segment %u, boundary %llx, start %u, length %u",
					 t->major, seg, (unsigned long long) b, s, tot);
			lay_out(t, s, d, &l);
			CHECK(l.tot == tot);
			read_all(t, d, &l);
			cv->runs++;
			if (l.r < b && l.r_end > b)
			{
				cv->crossing++;
				CHECK(rd32(at(b) + 16) == l.r + tot - b);
				CHECK(rd16(at(b) + 2) & XLP_FIRST_IS_CONTRECORD);
			}
			if (l.r < b && b - l.r < WAL_RECORD_HDR)
				cv->hdr_split++;
			if (b - l.r == WAL_RECORD_HDR)
				cv->hdr_at_end++;
			if (l.r_end == b)
				cv->ends_at_page_end++;
			if (l.r == b + hdr_size(b))
				cv->starts_on_b++;
			cv->pad[WAL_MAXALIGN(l.r_end) - l.r_end]++;
		}
	}
}

/*
 * Per record length: two header splits (8 and 16 bytes on A), one header
 * that ends exactly at A's end, one R that starts on B; one exact page end
 * over the eight lengths; MAXALIGN padding of every size after R.
 */
static void
check_cover(const struct cover *c)
{
	assert_int_equal(c->hdr_split, 16);
	assert_int_equal(c->hdr_at_end, 8);
	assert_int_equal(c->ends_at_page_end, 1);
	assert_int_equal(c->starts_on_b, 8);
	assert_true(c->crossing >= 8 * 40);
	for (int k = 0; k < 8; k++)
		assert_true(c->pad[k] > 0);
}

static void
split_for(int major)
{
	const struct pg_profile *t = pg_profile_by_major(major);
	const uint32_t segs[2] = {1024u * 1024u, 16u * 1024u * 1024u};

	assert_non_null(t);
	for (int i = 0; i < 2; i++)
	{
		/* above 4 GiB: segment 5 of log 1, and a page in its middle */
		uint64_t	segb = UINT64_C(0x100000000) + 5 * (uint64_t) segs[i];
		uint64_t	pageb = segb + segs[i] / 2;
		struct cover cp,
					cs;

		memset(&cp, 0, sizeof(cp));
		memset(&cs, 0, sizeof(cs));
		every_placement(t, segs[i], pageb, &cp);
		every_placement(t, segs[i], segb, &cs);
		check_cover(&cp);
		check_cover(&cs);
		assert_int_equal(cp.runs, cs.runs);
		print_message("major %d, %u MB segments: %d placements per boundary, %d crossing it\n",
					  major, segs[i] >> 20, cp.runs, cp.crossing);
	}
}

static void test_split_10(void **state) { (void) state; split_for(10); }
static void test_split_11(void **state) { (void) state; split_for(11); }
static void test_split_12(void **state) { (void) state; split_for(12); }
static void test_split_13(void **state) { (void) state; split_for(13); }
static void test_split_14(void **state) { (void) state; split_for(14); }
static void test_split_15(void **state) { (void) state; split_for(15); }
static void test_split_16(void **state) { (void) state; split_for(16); }
static void test_split_17(void **state) { (void) state; split_for(17); }
static void test_split_18(void **state) { (void) state; split_for(18); }

/*
 * Damage around the boundary: the record under test, placed at start s,
 * then one change; the reader must return F, then a finding of code
 * `want` for R, then the end, without a crash or an overrun.
 */
enum change {
	NO_CONTRECORD,				/* B without XLP_FIRST_IS_CONTRECORD */
	REM_PLUS,					/* xlp_rem_len one too many */
	REM_MINUS,					/* one too few */
	REM_ZERO,
	REM_HUGE,
	CRC_LAST,					/* R's last byte (main data, on B) flipped */
	FIRST_ON_B,					/* the first byte of R on B flipped */
	RMID_ON_B,					/* split header: xl_rmid on B invalid */
	TOT_SMALL,					/* split header: xl_tot_len 16 */
	TOT_LONGER,					/* xl_tot_len 8 more than written */
	TOT_HUGE,					/* xl_tot_len beyond any record */
	STRAY_CONTRECORD,			/* R ends at A's end, B claims a continuation */
	B_ZEROED,					/* the WAL ends inside R: B never written */
	B_RECYCLED,					/* B is an old segment's page */
	B_ABSENT,					/* the input stops after A */
	N_CHANGES
};

static const char *const change_names[N_CHANGES] = {
	"no contrecord flag", "xlp_rem_len + 1", "xlp_rem_len - 1", "xlp_rem_len 0",
	"xlp_rem_len 0xFFFFFFFF", "CRC: last byte", "first byte on the next page",
	"xl_rmid on the next page", "xl_tot_len 16", "xl_tot_len + 8",
	"xl_tot_len 0x7FFFFFFF", "stray contrecord flag", "next page zeroed",
	"next page recycled", "no next page"
};

/* Apply change c to the layout; false if it does not apply at this start. */
static bool
apply(enum change c, const struct layout *l, uint64_t b, enum diag_code *want)
{
	uint32_t	on_a = l->r < b ? (uint32_t) (b - l->r) : 0;
	uint8_t    *ph = at(b);
	bool		crossing = on_a > 0 && l->r_end > b;

	*want = D_WAL_CONTRECORD;
	switch (c)
	{
		case NO_CONTRECORD:
			if (!crossing)
				return false;
			wr16(ph + 2, rd16(ph + 2) & ~XLP_FIRST_IS_CONTRECORD);
			return true;
		case REM_PLUS:
		case REM_MINUS:
		case REM_ZERO:
		case REM_HUGE:
			if (!crossing)
				return false;
			wr32(ph + 16, c == REM_PLUS ? rd32(ph + 16) + 1 :
				 c == REM_MINUS ? rd32(ph + 16) - 1 :
				 c == REM_ZERO ? 0 : UINT32_C(0xFFFFFFFF));
			return true;
		case CRC_LAST:
			if (!crossing)
				return false;
			*at(l->r_end - 1) ^= 0x55;
			*want = D_WAL_CRC;
			return true;
		case FIRST_ON_B:
			if (!crossing)
				return false;
			*at(b + hdr_size(b)) ^= 0x55;
			/* bytes 8..15 are xl_prev, checked before the CRC */
			*want = on_a == 8 ? D_WAL_RECORD : D_WAL_CRC;
			return true;
		case RMID_ON_B:
			if (!crossing || on_a > 17)
				return false;
			*at(b + hdr_size(b) + 17 - on_a) = 100;
			*want = D_WAL_RECORD;
			return true;
		case TOT_SMALL:
			if (!crossing || on_a >= WAL_RECORD_HDR)
				return false;
			wr32(at(l->r), 16);
			*want = D_WAL_RECORD;
			return true;
		case TOT_LONGER:
			if (!crossing)
				return false;
			wr32(at(l->r), l->tot + 8);
			return true;
		case TOT_HUGE:
			wr32(at(l->r), UINT32_C(0x7FFFFFFF));
			*want = D_WAL_RECORD;
			return true;
		case B_ZEROED:
		case B_RECYCLED:
		case B_ABSENT:
			if (!crossing)
				return false;
			if (c == B_ZEROED)
				memset(ph, 0, PS);
			else if (c == B_RECYCLED)
				wr64(ph + 8, b - seg_size);
			else
				npages = 1;
			*want = D_WAL_END;
			return true;
		case STRAY_CONTRECORD:
			if (l->r_end != b)
				return false;
			wr16(ph + 2, rd16(ph + 2) | XLP_FIRST_IS_CONTRECORD);
			wr32(ph + 16, 5);
			return true;
		default:
			return false;
	}
}

static int
damage_case(const struct pg_profile *t, uint64_t b, uint32_t s, uint32_t d,
			enum change c, bool have_c, bool keep_going)
{
	struct layout l;
	struct walreader *r;
	struct walrec_raw raw;
	struct diags ds;
	enum diag_code want;
	enum walreader_result res;
	int			calls = 0;

	snprintf(where, sizeof(where), "major %d, segment %u, boundary %llx, start %u, %s%s%s",
			 t->major, seg_size, (unsigned long long) b, s, change_names[c],
			 have_c ? "" : ", B last", keep_going ? ", keep going" : "");
	npages = have_c ? 3 : 2;
	lay_out(t, s, d, &l);
	if (!apply(c, &l, b, &want))
		return 0;
	r = reader(t, keep_going);
	diags_reset(&ds);
	walreader_seek(r, pa);
	CHECKD(walreader_next(r, &raw, &ds) == WR_RECORD, &ds);
	CHECK(raw.lsn == l.f);
	res = walreader_next(r, &raw, &ds);
	if (c == STRAY_CONTRECORD)
	{
		/* R itself is whole; the finding comes where N should start */
		CHECKD(res == WR_RECORD && raw.lsn == l.r, &ds);
		res = walreader_next(r, &raw, &ds);
	}
	if (want == D_WAL_END)
	{
		/* the WAL ends inside R: a notice, not damage */
		CHECKD(res == WR_END, &ds);
		CHECKD(ds.worst == SEV_NOTICE && has_code(&ds, D_WAL_END), &ds);
	}
	else if ((c == CRC_LAST || c == FIRST_ON_B || c == RMID_ON_B) && !have_c)
	{
		/* a bad record on the last page written is where WAL ends */
		CHECKD(res == WR_END, &ds);
		CHECKD(ds.worst == SEV_NOTICE && has_code(&ds, D_WAL_END), &ds);
	}
	else
	{
		CHECKD(res == WR_DAMAGE, &ds);
		CHECKD(has_code(&ds, want) && ds.worst == SEV_DAMAGE, &ds);
	}
	if (keep_going && res == WR_DAMAGE)
	{
		res = walreader_next(r, &raw, &ds);
		if (c == CRC_LAST || c == FIRST_ON_B || c == RMID_ON_B ||
			c == TOT_SMALL || c == TOT_HUGE)
		{
			/* damage in R, which starts on A: B's xlp_rem_len leads to N */
			CHECKD(res == WR_RECORD && raw.lsn == l.n, &ds);
			CHECKD(has_code(&ds, D_WAL_SKIPPED), &ds);
			CHECKD(skipped_to(&ds, l.n), &ds);
		}
		else
		{
			/* damage on B: nothing starts on a page after it */
			CHECKD(res == WR_END, &ds);
		}
	}
	/* then the end, soon */
	while (res != WR_END)
	{
		CHECK(++calls < 4);
		res = walreader_next(r, &raw, &ds);
	}
	walreader_free(r);
	return 1;
}

/*
 * The damaged variants at a few starts: header split after 8 and 16 bytes,
 * header whole on A, mid-record, only the last bytes on B; R ending
 * exactly at A's end for the stray flag.
 */
static void
damage_for(int major)
{
	const struct pg_profile *t = pg_profile_by_major(major);
	const uint32_t segs[2] = {1024u * 1024u, 16u * 1024u * 1024u};
	int			ran[N_CHANGES],
				total = 0;

	assert_non_null(t);
	memset(ran, 0, sizeof(ran));
	for (int i = 0; i < 2; i++)
	{
		uint64_t	segb = UINT64_C(0x100000000) + 5 * (uint64_t) segs[i];
		uint64_t	bounds[2] = {segb + segs[i] / 2, segb};

		seg_size = segs[i];
		for (int k = 0; k < 2; k++)
		{
			uint64_t	b = bounds[k];
			uint32_t	tot = test_record(rbuf, t, 0, 0, MAIN_LEN),
						starts[5] = {PS - 8, PS - 16, PS - 24, PS - 160,
							((PS - tot) & ~7u) + 8};

			pa = b - PS;
			for (int c = 0; c < N_CHANGES; c++)
				for (int h = 0; h < 2; h++)
				{
					if (c == STRAY_CONTRECORD)
					{
						/* the length among the eight that ends R at A's end */
						uint32_t	d = (8 - tot % 8) % 8;

						ran[c] += damage_case(t, b, PS - tot - d, d, c, h, false);
						continue;
					}
					for (int j = 0; j < 5; j++)
					{
						ran[c] += damage_case(t, b, starts[j], 0, c, h, false);
						ran[c] += damage_case(t, b, starts[j], 0, c, h, true);
					}
				}
		}
	}
	for (int c = 0; c < N_CHANGES; c++)
	{
		if (ran[c] == 0)
			fail_msg("major %d: change \"%s\" never applied", major, change_names[c]);
		total += ran[c];
	}
	print_message("major %d: %d damaged layouts\n", major, total);
}

static void test_damage_10(void **state) { (void) state; damage_for(10); }
static void test_damage_18(void **state) { (void) state; damage_for(18); }

/*
 * A record that fills B and ends on C: xlp_rem_len on two pages, B's data
 * capped at its end, and C's end reached exactly, short of it by 1..8
 * bytes, or mid-page.  The boundaries: all short headers, the long header
 * on B, the long header on C.  Seeking to B or C skips the continuation as
 * XLogFindNextRecord does (rem_len >= page - header: on to the next page).
 */
static void
span_case(const struct pg_profile *t, uint32_t s, uint32_t e)
{
	uint64_t	pb = pa + PS,
				pc = pa + 2 * PS,
				end,
				f,
				r,
				r_end,
				n;
	uint32_t	fixed = test_record(rbuf, t, 0, 0, 256) - 256,
				tot = (PS - s) + (PS - hdr_size(pb)) + (e - hdr_size(pc)),
				len;
	struct walreader *rd;
	struct walrec_raw raw;
	struct diags ds;

	snprintf(where, sizeof(where), "major %d, segment %u, pages from %llx, start %u, end on C %u",
			 t->major, seg_size, (unsigned long long) pa, s, e);
	magic = t->xlog_page_magic;
	pages_reset();
	len = filler(rbuf, s - WAL_SHORT_PHD);
	finish_record(rbuf, len, 0, pa - 40, 0, 10);
	f = put_record(pa, rbuf, len, &end);
	CHECK(test_record(rbuf, t, 0, f, tot - fixed) == tot);
	r = put_record(end, rbuf, tot, &r_end);
	CHECK(r == pa + s && r_end == pc + e);
	CHECK(rd32(at(pb) + 16) == tot - (PS - s));
	CHECK(rd32(at(pc) + 16) == e - hdr_size(pc));
	len = filler(rbuf, 26 + 13);
	finish_record(rbuf, len, XID + 1, r, 0x00, 10);
	n = put_record(WAL_MAXALIGN(r_end), rbuf, len, &end);

	rd = reader(t, false);
	diags_reset(&ds);
	walreader_seek(rd, pa);
	CHECKD(walreader_next(rd, &raw, &ds) == WR_RECORD, &ds);
	CHECKD(walreader_next(rd, &raw, &ds) == WR_RECORD, &ds);
	CHECK(raw.lsn == r && raw.len == tot && raw.crc_ok);
	CHECK(raw.end_lsn == WAL_MAXALIGN(r_end) && raw.end_lsn == next_slot(n));
	check_decoded(t, &raw, 0, f, tot - fixed);
	CHECKD(walreader_next(rd, &raw, &ds) == WR_RECORD, &ds);
	CHECK(raw.lsn == n);
	CHECKD(ds.n == 0, &ds);
	CHECKD(walreader_next(rd, &raw, &ds) == WR_END, &ds);
	CHECKD(ds.worst == SEV_NOTICE, &ds);
	walreader_free(rd);
	for (uint64_t at_page = pb; at_page <= pc; at_page += PS)
	{
		rd = reader(t, false);
		diags_reset(&ds);
		walreader_seek(rd, at_page);
		CHECKD(walreader_next(rd, &raw, &ds) == WR_RECORD, &ds);
		CHECK(raw.lsn == n);
		CHECKD(ds.n == 0, &ds);
		walreader_free(rd);
	}
}

static void
span_for(int major)
{
	const struct pg_profile *t = pg_profile_by_major(major);
	const uint32_t segs[2] = {1024u * 1024u, 16u * 1024u * 1024u};
	const uint32_t starts[3] = {PS - 16, PS - 24, PS - 200};
	int			runs = 0;

	assert_non_null(t);
	npages = NPG;
	for (int i = 0; i < 2; i++)
	{
		uint64_t	segb = UINT64_C(0x100000000) + 5 * (uint64_t) segs[i];
		uint64_t	firsts[3] = {segb + segs[i] / 2, segb - PS, segb - 2 * PS};

		seg_size = segs[i];
		for (int k = 0; k < 3; k++)
		{
			uint32_t	hc;

			pa = firsts[k];
			hc = hdr_size(pa + 2 * PS);
			for (int j = 0; j < 3; j++)
			{
				for (uint32_t e = PS - 8; e <= PS; e++)
				{
					span_case(t, starts[j], e);
					runs++;
				}
				span_case(t, starts[j], hc + 1);
				span_case(t, starts[j], PS / 2 + 3);
				runs += 2;
			}
		}
	}
	print_message("major %d: %d records over three pages\n", major, runs);
}

static void test_span_10(void **state) { (void) state; span_for(10); }
static void test_span_18(void **state) { (void) state; span_for(18); }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_10),
		cmocka_unit_test(test_split_11),
		cmocka_unit_test(test_split_12),
		cmocka_unit_test(test_split_13),
		cmocka_unit_test(test_split_14),
		cmocka_unit_test(test_split_15),
		cmocka_unit_test(test_split_16),
		cmocka_unit_test(test_split_17),
		cmocka_unit_test(test_split_18),
		cmocka_unit_test(test_damage_10),
		cmocka_unit_test(test_damage_18),
		cmocka_unit_test(test_span_10),
		cmocka_unit_test(test_span_18),
	};

	return cmocka_run_group_tests(tests, pages_alloc, pages_free);
}
