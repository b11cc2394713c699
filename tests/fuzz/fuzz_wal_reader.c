/*
 * libFuzzer target: the WAL reader (wal/walreader.c, after xlogreader.c)
 * across page and segment boundaries, and every record it assembles
 * through record decoding, rm_desc of its major, block references and
 * image restore -- the whole path pgwal runs on a segment.
 *
 * Input: a 10-byte selector, then WAL pages.
 *   byte 0      major: 10 + b % 9 (its page magic, rmgr ids, record format)
 *   byte 1      segment size 2^(20 + (b & 0x0F) % 11): 1 MB .. 1 GB;
 *               bit 0x80: keep_going (resynchronise after damage)
 *   bytes 2..9  the address of the first page (little-endian, rounded
 *               down to a page): pages carry their address (xlp_pageaddr),
 *               so a seed cut from a real segment keeps its own
 * Page i of the rest is the page at address + i * 8192, a partial last
 * page padded with zeros; every other address is the end of the WAL.
 * Each page is its own allocation so that ASan sees any read past one.
 * The reader starts with walreader_seek(address), as pgwal -s does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/version.h"
#include "io/bytes.h"
#include "out/strbuf.h"
#include "rmgrdesc/rmgrdesc.h"
#include "wal/walimage.h"
#include "wal/walreader.h"
#include "wal/walrecord.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PS 8192u
#define SEL 10
#define MAX_PAGES 64			/* 512 KiB: far more than any mutation needs */

struct pages {
	uint64_t	base;
	size_t		n;
	uint8_t    *pg[MAX_PAGES];
};

static enum walreader_page
read_page(void *arg, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	struct pages *p = arg;

	(void) ds;
	if (ptr < p->base || (ptr - p->base) / PS >= p->n)
		return WRP_END;
	*page = p->pg[(ptr - p->base) / PS];
	return WRP_OK;
}

static void
one_record(const struct pg_profile *prof, const struct walrec_raw *raw,
		   struct strbuf *sb)
{
	static struct walrec rec;
	static uint8_t image[WAL_BLCKSZ];
	struct diags ds;
	char		name[16];

	diags_reset(&ds);
	if (walrecord_decode(prof, raw->data, raw->len, raw->lsn, &rec, &ds) != 0)
		return;
	sb_reset(sb);
	(void) rmgr_name(rec.rmid);
	(void) rmgr_identify(prof->major, rec.rmid, rec.info);
	(void) rmgr_custom_name(prof->major, rec.rmid, name, sizeof(name));
	if (!rmgr_desc(sb, prof->major, RS_WALDUMP, &rec))
		(void) rmgr_desc_custom(sb, prof->major, &rec);
	xlog_block_ref_info(sb, prof, &rec, true, false);
	for (int i = 0; i <= rec.max_block_id; i++)
		if (rec.blocks[i].in_use && rec.blocks[i].has_image)
		{
			diags_reset(&ds);
			(void) wal_verify_image(&rec.blocks[i], image, &ds);
		}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pages p;
	const struct pg_profile *prof;
	struct walreader_config cfg;
	struct walreader *r;
	struct walrec_raw raw;
	struct strbuf sb = STRBUF_INIT;
	struct diags ds;
	size_t		i;

	if (size < SEL)
		return 0;
	prof = pg_profile_by_major(PG_MAJOR_MIN + data[0] % (PG_MAJOR_MAX - PG_MAJOR_MIN + 1));
	memset(&cfg, 0, sizeof(cfg));
	cfg.seg_size = UINT32_C(1) << (20 + (data[1] & 0x0F) % 11);
	cfg.page_size = PS;
	cfg.magic = prof->xlog_page_magic;
	cfg.max_rmid = prof->wal_max_rmid;
	cfg.custom_rmgrs = prof->wal_custom_rmgrs;
	cfg.keep_going = (data[1] & 0x80) != 0;
	cfg.read_page = read_page;
	cfg.arg = &p;
	/* below 2^63 so that base + pages never wraps */
	p.base = rd64(data + 2) & ~(uint64_t) (PS - 1) & (UINT64_MAX >> 1);
	data += SEL;
	size -= SEL;
	p.n = (size + PS - 1) / PS;
	if (p.n > MAX_PAGES)
		p.n = MAX_PAGES;
	for (i = 0; i < p.n; i++)
	{
		size_t		len = size - i * PS < PS ? size - i * PS : PS;

		p.pg[i] = calloc(1, PS);
		if (p.pg[i] == NULL)
			abort();
		memcpy(p.pg[i], data + i * PS, len);
	}

	r = walreader_create(&cfg);
	if (r == NULL)
		abort();				/* the config above is always valid */
	walreader_seek(r, p.base);
	for (size_t n = 0;; n++)
	{
		enum walreader_result res;

		/*
		 * Every record takes at least 8 bytes (MAXALIGN) and damage moves
		 * reading on: more results than twice that many is a reader that
		 * does not end, a defect (abort, so libFuzzer keeps the input).
		 */
		if (n > p.n * (PS / 8) * 2 + 16)
			abort();

		diags_reset(&ds);
		res = walreader_next(r, &raw, &ds);
		if (res == WR_RECORD)
			one_record(prof, &raw, &sb);
		else if (res == WR_END)
			break;
	}
	(void) walreader_position(r);
	walreader_free(r);
	sb_free(&sb);
	for (i = 0; i < p.n; i++)
		free(p.pg[i]);
	return 0;
}
