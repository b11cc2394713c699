/*
 * libFuzzer target: a small B-tree index file through what pgbtree runs
 * on it (nbtree/, after access/nbtree.h and pageinspect's btreefuncs.c):
 * each page's verdict, the metapage, opaque data, bt_page_stats() and
 * bt_page_items() with posting lists, the keys cut into values; then
 * --check's walk (btree_pagesum.c, btree_walk.c) and key order checks
 * (btree_keycheck.c) over all the pages, as amcheck's bt_index_check.
 *
 * Input: byte 0 picks the major (10 + b % 9), byte 1 the key columns
 * (one of the -T lists below), the rest is the file: up to 8 pages of
 * 8 KiB, block 0 first, a partial last page padded with zeros.  Each
 * page is its own allocation so that ASan sees a read past one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/version.h"
#include "heap/tupdesc.h"
#include "nbtree/btree.h"
#include "nbtree/btree_keycheck.h"
#include "nbtree/btree_keys.h"
#include "nbtree/btree_walk.h"
#include "page/page.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_PAGES 8

static const char *const specs[] = {
	"int4", "text", "int4,int4", "int8;text", "name", "numeric,text",
	"uuid,timestamptz", "bool,float8,char",
};
#define NSPECS (sizeof(specs) / sizeof(specs[0]))

static void
items(const uint8_t *page, const struct page_header *h, const struct bt_opaque *o,
	  const struct pg_profile *prof, const struct bt_keydesc *kd,
	  uint32_t blkno, struct diags *ds)
{
	struct bt_stats st;
	unsigned	n;

	bt_page_stats(page, h, o, prof, &st);
	n = bt_item_count(h, o, prof);
	for (unsigned off = 1; off <= n; off++)
	{
		struct bt_item it;
		struct bt_key k;
		struct attr_value vals[INDEX_MAX_KEYS];
		char		buf[32];
		int			res;

		if (!bt_item_decode(page, h, o, off, prof, blkno, &it, ds))
			continue;
		for (unsigned t = 0; t < it.nposting; t++)
		{
			struct bt_tid tid;

			bt_item_tid(&it, t, &tid);
			bt_tid_format(&tid, buf, sizeof(buf));
		}
		if (kd->td == NULL)
			continue;
		bt_key_from_item(kd, &it, off == 1 && !(o->flags & BTP_LEAF), blkno, &k);
		(void) bt_key_deform(kd, &k, vals, ds);
		(void) bt_key_cmp(kd, &k, true, &k, &res, buf, sizeof(buf));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tupdesc *tds[NSPECS];
	static int	nkeys[NSPECS];
	static bool ready;
	static struct bt_shape shape;
	uint8_t    *pg[MAX_PAGES];
	const struct pg_profile *prof;
	struct bt_keydesc kd;
	struct bt_tree *t;
	struct bt_keycheck *kc;
	struct diags ds;
	size_t		npages,
				i;
	const char *names[16];

	if (!ready)
	{
		char		err[128];

		for (i = 0; i < NSPECS; i++)
			if (bt_keydesc_from_spec(specs[i], &tds[i], &nkeys[i], err, sizeof(err)) != 0)
				abort();
		ready = true;
	}
	if (size < 2)
		return 0;
	prof = pg_profile_by_major(PG_MAJOR_MIN + data[0] % (PG_MAJOR_MAX - PG_MAJOR_MIN + 1));
	kd.td = tds[data[1] % NSPECS];
	kd.nkeyatts = nkeys[data[1] % NSPECS];
	kd.heapkeyspace = prof->bt_heapkeyspace;
	kd.indoption = NULL;
	data += 2;
	size -= 2;
	npages = (size + BLCKSZ - 1) / BLCKSZ;
	if (npages > MAX_PAGES)
		npages = MAX_PAGES;
	for (i = 0; i < npages; i++)
	{
		size_t		len = size - i * BLCKSZ < BLCKSZ ? size - i * BLCKSZ : BLCKSZ;

		pg[i] = calloc(1, BLCKSZ);
		if (pg[i] == NULL)
			abort();
		memcpy(pg[i], data + i * BLCKSZ, len);
	}

	t = bt_tree_new();
	kc = bt_keycheck_new(&kd);
	if (t == NULL || kc == NULL)
		abort();
	diags_reset(&ds);
	for (uint32_t blkno = 0; blkno < npages; blkno++)
	{
		const uint8_t *page = pg[blkno];
		struct page_header h;
		enum page_verdict v;

		page_header_decode(page, &h);
		v = page_verify(page, &h, blkno, &ds);
		if (v != PV_VALID)
		{
			(void) bt_tree_add_other(t, blkno, v == PV_NEW ? BS_NEW : BS_BAD);
			continue;
		}
		(void) page_kind_of(page, &h, FORK_MAIN);
		if (blkno == 0)
		{
			struct bt_meta m;

			(void) bt_meta_decode(page, &m, &ds);
			(void) bt_flag_names(m.btpo_flags, names, 16);
			if (m.ok)
				bt_keycheck_set_heapkeyspace(kc, m.version >= 4);
			(void) bt_tree_add_meta(t, &m);
		}
		else
		{
			struct bt_opaque o;

			if (bt_opaque_decode(page, &h, &o, blkno, &ds))
			{
				(void) bt_flag_names(o.flags, names, 16);
				items(page, &h, &o, prof, &kd, blkno, &ds);
				(void) bt_tree_add_page(t, blkno, page, &h, &o, prof, &ds);
				(void) bt_keycheck_page(kc, blkno, page, &h, &o, prof, &ds);
			}
			else
				(void) bt_tree_add_other(t, blkno, BS_BAD);
		}
		if (ds.n > DIAG_MAX / 2)
			diags_reset(&ds);
	}
	bt_tree_walk(t, &shape, &ds);
	bt_keycheck_finish(kc, &ds);
	(void) bt_keycheck_compared(kc);
	bt_keycheck_free(kc);
	bt_tree_free(t);
	for (i = 0; i < npages; i++)
		free(pg[i]);
	return 0;
}
