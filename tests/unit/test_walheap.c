/*
 * walheap (the tuples heap records carry), walpages (heap pages followed
 * through the WAL) and walxacts (transactions summarised): records built
 * by hand as heapam.c and xact.c lay them out, short and hostile ones too.
 */
#include "unit.h"

#include "heap/heaptuple.h"
#include "wal/walheap.h"
#include "wal/walpages.h"
#include "wal/walxacts.h"
#include "wal/walxacts_emit.h"

/* a record of rmgr rmid, info, with block 0 (data d/dn) and main data m/mn */
static void
mkrec(struct walrec *r, uint8_t rmid, uint8_t info, const uint8_t *d, uint16_t dn,
	  const uint8_t *m, uint32_t mn)
{
	memset(r, 0, sizeof(*r));
	r->rmid = rmid;
	r->info = info;
	r->xid = 900;
	r->max_block_id = 0;
	r->blocks[0].in_use = true;
	r->blocks[0].spcoid = 1663;
	r->blocks[0].dboid = 5;
	r->blocks[0].relnumber = 16400;
	r->blocks[0].blkno = 7;
	r->blocks[0].has_data = dn > 0;
	r->blocks[0].data = d;
	r->blocks[0].data_len = dn;
	r->main_data = m;
	r->main_data_len = mn;
	r->tot_len = 24 + dn + mn;
}

/* xl_heap_header + the tuple from t_bits: no nulls, t_hoff 24, data */
static uint16_t
heap_header(uint8_t *p, const char *data)
{
	size_t		n = strlen(data);

	wr16(p, 2);					/* t_infomask2: 2 attributes */
	wr16(p + 2, 0x0002);		/* HEAP_HASVARWIDTH */
	p[4] = 24;					/* t_hoff */
	p[5] = 0;					/* padding to t_hoff */
	memcpy(p + 6, data, n);
	return (uint16_t) (6 + n);
}

static void
test_insert(void **state)
{
	uint8_t		d[64],
				m[3] = {0},
				buf[128];
	struct walrec r;
	struct walheap *h = malloc(sizeof(*h));
	struct heap_tuple t;
	size_t		n;

	(void) state;
	wr16(m, 12);				/* offnum */
	mkrec(&r, WALHEAP_RM_HEAP, 0x00, d, heap_header(d, "abcdefgh"), m, 3);
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->op, WHO_INSERT);
	assert_int_equal(h->n, 1);
	assert_int_equal(h->t[0].status, WHS_OK);
	assert_int_equal(h->t[0].offnum, 12);
	n = walheap_build(&h->t[0], r.xid, NULL, 0, buf, sizeof(buf));
	assert_int_equal(n, 24 + 8);
	assert_int_equal(heaptuple_decode(buf, (uint16_t) n, &t), HT_OK);
	assert_int_equal(t.xmin, 900);
	assert_int_equal(t.ctid_block, 7);
	assert_int_equal(t.ctid_offset, 12);
	assert_int_equal(t.natts, 2);
	assert_memory_equal(t.data, "abcdefgh", 8);
	/* too small a buffer: nothing built */
	assert_int_equal(walheap_build(&h->t[0], 1, NULL, 0, buf, 20), 0);
	/* with a full page image and no data: the tuple is in the image */
	r.blocks[0].has_data = false;
	r.blocks[0].has_image = true;
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->t[0].status, WHS_IN_IMAGE);
	/* a short record: -1, never a read past it */
	mkrec(&r, WALHEAP_RM_HEAP, 0x00, d, 4, m, 2);
	assert_int_equal(walheap_decode(&r, h), -1);
	mkrec(&r, WALHEAP_RM_HEAP, 0x00, d, 4, m, 3);
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->t[0].status, WHS_BAD);
	assert_int_equal(walheap_build(&h->t[0], 1, NULL, 0, buf, sizeof(buf)), 0);
	/* not a tuple record */
	mkrec(&r, WALHEAP_RM_HEAP, 0x60, d, 4, m, 3);	/* LOCK */
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->op, WHO_NONE);
	free(h);
}

static void
test_multi_insert(void **state)
{
	uint8_t		m[16] = {0},
				d[64] = {0};
	struct walrec r;
	struct walheap *h = malloc(sizeof(*h));
	size_t		off = 0;

	(void) state;
	/* xl_heap_multi_insert: flags, pad, ntuples 2, offsets 3 and 9 */
	wr16(m + 2, 2);
	wr16(m + 4, 3);
	wr16(m + 6, 9);
	/* two xl_multi_insert_tuple, each SHORTALIGNed: datalen 3, then 4 */
	wr16(d + off, 3);
	d[off + 6] = 24;
	memcpy(d + off + 7, "\x01xyz", 3);
	off += 7 + 3;				/* 10: aligned */
	wr16(d + off, 5);
	d[off + 6] = 24;
	off += 7 + 5;				/* 22 */
	mkrec(&r, WALHEAP_RM_HEAP2, 0x50, d, (uint16_t) off, m, 8);
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->op, WHO_MULTI_INSERT);
	assert_int_equal(h->n, 2);
	assert_int_equal(h->t[0].offnum, 3);
	assert_int_equal(h->t[0].len, 3);
	assert_int_equal(h->t[1].offnum, 9);
	assert_int_equal(h->t[1].len, 5);
	assert_int_equal(h->t[1].status, WHS_OK);
	/* the second tuple cut short: it alone is bad */
	r.blocks[0].data_len = 15;
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->t[0].status, WHS_OK);
	assert_int_equal(h->t[1].status, WHS_BAD);
	/* INIT_PAGE: no offsets, tuples at 1, 2 */
	r.blocks[0].data_len = (uint16_t) off;
	mkrec(&r, WALHEAP_RM_HEAP2, 0x50 | 0x80, d, (uint16_t) off, m, 4);
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->t[0].offnum, 1);
	assert_int_equal(h->t[1].offnum, 2);
	/* a hostile count: refused */
	wr16(m + 2, 5000);
	assert_int_equal(walheap_decode(&r, h), -1);
	free(h);
}

static void
test_update_prefix_suffix(void **state)
{
	uint8_t		m[14] = {0},
				d[64],
				old[64] = {0},
				buf[128];
	struct walrec r;
	struct walheap *h = malloc(sizeof(*h));
	size_t		n;

	(void) state;
	/* the old tuple as the page held it: t_hoff 24, data "PREFIX-old-SUFFIX" */
	old[22] = 24;
	memcpy(old + 24, "PREFIX-old-SUFFIX", 17);
	/* xl_heap_update: old_offnum 4, flags PREFIX|SUFFIX, new_offnum 5 */
	wr16(m + 4, 4);
	m[7] = (1 << 5) | (1 << 6);
	wr16(m + 12, 5);
	wr16(d, 6);					/* prefixlen */
	wr16(d + 2, 6);				/* suffixlen */
	n = 4 + heap_header(d + 4, "-new-");
	mkrec(&r, WALHEAP_RM_HEAP, 0x40, d, (uint16_t) n, m, 14);	/* HOT_UPDATE */
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->op, WHO_HOT_UPDATE);
	assert_int_equal(h->target_offnum, 4);
	assert_int_equal(h->t[0].status, WHS_NEEDS_OLD);
	assert_int_equal(h->t[0].offnum, 5);
	/* without the old tuple: nothing is made up */
	assert_int_equal(walheap_build(&h->t[0], 1, NULL, 0, buf, sizeof(buf)), 0);
	n = walheap_build(&h->t[0], 1, old, 24 + 17, buf, sizeof(buf));
	/* the header, the padding byte, the old prefix, "-new-", the old suffix */
	assert_int_equal(n, 23 + 1 + 6 + 5 + 6);
	assert_memory_equal(buf + 24, "PREFIX-new-SUFFIX", 17);
	/* an old tuple shorter than prefix + suffix: refused */
	assert_int_equal(walheap_build(&h->t[0], 1, old, 24 + 10, buf, sizeof(buf)), 0);
	free(h);
}

static void
test_delete_old_key(void **state)
{
	uint8_t		m[64] = {0};
	struct walrec r;
	struct walheap *h = malloc(sizeof(*h));
	uint16_t	n;

	(void) state;
	/* xl_heap_delete: xmax, offnum 6, infobits, flags CONTAINS_OLD_KEY */
	wr32(m, 900);
	wr16(m + 4, 6);
	m[7] = 1 << 2;
	n = heap_header(m + 8, "\x05key");
	mkrec(&r, WALHEAP_RM_HEAP, 0x10, NULL, 0, m, 8u + n);
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->op, WHO_DELETE);
	assert_int_equal(h->n, 1);
	assert_true(h->t[0].old);
	assert_true(h->t[0].key_only);
	assert_int_equal(h->t[0].offnum, 6);
	assert_int_equal(h->t[0].len, 5);	/* padding to t_hoff, then the key */
	/* flags say an old tuple follows, but it is not there */
	mkrec(&r, WALHEAP_RM_HEAP, 0x10, NULL, 0, m, 10);
	assert_int_equal(walheap_decode(&r, h), 0);
	assert_int_equal(h->t[0].status, WHS_BAD);
	free(h);
}

static void
test_pages(void **state)
{
	struct walpages *wp = walpages_create(2);
	struct walpage_key a = {1663, 5, 16400, 0},
				b = {1663, 5, 16400, 1},
				c = {1663, 5, 16400, 2};
	uint8_t		tup[40] = {0};
	const uint8_t *p;
	size_t		n;

	(void) state;
	tup[22] = 24;
	memcpy(tup + 24, "0123456789abcdef", 16);
	/* not followed: nothing kept */
	walpages_put(wp, &a, 1, tup, 40);
	assert_null(walpages_get(wp, &a, 1, &n));
	walpages_init(wp, &a);
	walpages_put(wp, &a, 1, tup, 40);
	p = walpages_get(wp, &a, 1, &n);
	assert_non_null(p);
	assert_int_equal(n, 40);
	/* INPLACE of the same length replaces the data; another length forgets */
	walpages_inplace(wp, &a, 1, (const uint8_t *) "FEDCBA9876543210", 16);
	p = walpages_get(wp, &a, 1, &n);
	assert_memory_equal(p + 24, "FEDCBA9876543210", 16);
	walpages_inplace(wp, &a, 1, (const uint8_t *) "x", 1);
	assert_null(walpages_get(wp, &a, 1, &n));
	/* hostile offsets */
	walpages_put(wp, &a, 0, tup, 40);
	walpages_put(wp, &a, 5000, tup, 40);
	assert_null(walpages_get(wp, &a, 5000, &n));
	/* two pages at most: the third forgets the first */
	walpages_put(wp, &a, 2, tup, 40);
	walpages_init(wp, &b);
	walpages_init(wp, &c);
	assert_false(walpages_followed(wp, &a));
	assert_true(walpages_followed(wp, &b));
	assert_true(walpages_followed(wp, &c));
	assert_int_equal(walpages_evicted(wp), 1);
	walpages_free(wp);
}

/* a Transaction record: COMMIT (or kind) at lsn of xid with subxacts */
static void
xact_rec(struct walrec *r, uint8_t *m, uint8_t kind, uint32_t xid, uint64_t lsn,
		 int64_t t, const uint32_t *subs, int nsubs)
{
	uint32_t	n = 8;

	memset(r, 0, sizeof(*r));
	r->rmid = 1;
	r->xid = xid;
	r->lsn = lsn;
	r->max_block_id = -1;
	wr64(m, (uint64_t) t);		/* xact_time */
	if (nsubs > 0)
	{
		r->info = kind | 0x80;	/* XLOG_XACT_HAS_INFO */
		wr32(m + 8, 1u << 1);	/* XACT_XINFO_HAS_SUBXACTS */
		wr32(m + 12, (uint32_t) nsubs);
		for (int i = 0; i < nsubs; i++)
			wr32(m + 16 + 4 * i, subs[i]);
		n = 16 + 4 * (uint32_t) nsubs;
	}
	else
		r->info = kind;
	r->main_data = m;
	r->main_data_len = n;
	r->tot_len = 24 + n;
}

static void
test_xacts(void **state)
{
	struct walxacts *x = walxacts_create(16);
	struct walrec r;
	uint8_t		m[64],
				d[64],
				mi[3] = {0};
	struct walheap *h = malloc(sizeof(*h));
	uint32_t	subs[1] = {701};
	const struct walxact *t;
	int64_t		ts;

	(void) state;
	/* 700 inserts a row, its subtransaction 701 inserts one more, 700 commits */
	mkrec(&r, WALHEAP_RM_HEAP, 0x00, d, heap_header(d, "ab"), mi, 3);
	r.xid = 700;
	r.lsn = 100;
	walheap_decode(&r, h);
	walxacts_add(x, &r, h);
	r.xid = 701;
	r.lsn = 200;
	walxacts_add(x, &r, h);
	xact_rec(&r, m, 0x00, 700, 300, 12345, subs, 1);
	walxacts_add(x, &r, NULL);
	/* 702 aborts; 703 never ends */
	xact_rec(&r, m, 0x20, 702, 400, 999, NULL, 0);
	walxacts_add(x, &r, NULL);
	mkrec(&r, WALHEAP_RM_HEAP, 0x00, d, heap_header(d, "ab"), mi, 3);
	r.xid = 703;
	r.lsn = 500;
	walxacts_add(x, &r, h);
	assert_int_equal(walxacts_count(x), 3);
	t = walxacts_get(x, 0);
	assert_int_equal(t->xid, 700);
	assert_int_equal(t->state, WXS_COMMITTED);
	assert_int_equal(t->first_lsn, 100);
	assert_int_equal(t->end_lsn, 300);
	assert_int_equal(t->end_time, 12345);
	assert_int_equal(t->records, 3);	/* two inserts and the commit */
	assert_int_equal(t->nsubxacts, 1);
	assert_int_equal(t->subxacts[0], 701);
	assert_int_equal(t->nrels, 1);
	assert_int_equal(t->rels[0].inserted, 2);
	assert_ptr_equal(walxacts_find(x, 701), t);
	assert_int_equal(walxacts_get(x, 1)->state, WXS_ABORTED);
	assert_int_equal(walxacts_get(x, 2)->state, WXS_OPEN);
	/* the window */
	{
		struct walxacts_window w = {true, true, 12000, 13000};

		assert_true(walxacts_in_window(t, &w));
		w.since = 12346;
		assert_false(walxacts_in_window(t, &w));
		assert_false(walxacts_in_window(walxacts_get(x, 1), &w));
	}
	/* timestamps as --since takes them */
	assert_int_equal(walxacts_parse_time("2000-01-01 00:00:00", &ts), 0);
	assert_int_equal(ts, 0);
	assert_int_equal(walxacts_parse_time("2000-01-02", &ts), 0);
	assert_int_equal(ts, 86400LL * 1000000);
	assert_int_equal(walxacts_parse_time("2026-12-02 14:05:01.5+00", &ts), 0);
	assert_int_equal(walxacts_parse_time("2026-12-02T14:05Z", &ts), 0);
	assert_int_equal(walxacts_parse_time("2026-13-02", &ts), -1);
	assert_int_equal(walxacts_parse_time("yesterday", &ts), -1);
	assert_int_equal(walxacts_parse_time("2026-12-02 14:05 junk", &ts), -1);
	walxacts_free(x);
	free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert),
		cmocka_unit_test(test_multi_insert),
		cmocka_unit_test(test_update_prefix_suffix),
		cmocka_unit_test(test_delete_old_key),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_xacts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
