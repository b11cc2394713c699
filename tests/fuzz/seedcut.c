/*
 * seedcut: cuts seed inputs for the fuzz targets out of real fixture
 * files, where a shell cannot: the records of a WAL segment (read with
 * the library's own walreader, so every seed is a record PostgreSQL
 * wrote), their page images (as stored, and recompressed with pglz, LZ4
 * and zstd, which the fixtures do not use), and a TOAST pointer found in
 * a heap file.  Run by seeds.sh; not a test.
 *
 *   seedcut wal MAJOR SEGFILE SEGSIZE BASE RECDIR IMGDIR
 *   seedcut toastptr FILE TOASTRELID > 18 bytes
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lz4.h>
#include <zstd.h>

#include "cluster/version.h"
#include "wal/walimage.h"
#include "wal/walreader.h"
#include "wal/walrecord.h"

#define PS 8192u

struct seg {
	uint8_t    *buf;
	size_t		len;
	uint64_t	base;
};

static uint8_t *
slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	uint8_t    *buf = NULL;
	size_t		cap = 0;

	*len = 0;
	if (f == NULL)
		return NULL;
	for (;;)
	{
		size_t		n;

		if (*len == cap && (buf = realloc(buf, cap = cap ? cap * 2 : 1 << 20)) == NULL)
			exit(2);
		n = fread(buf + *len, 1, cap - *len, f);
		if (n == 0)
			break;
		*len += n;
	}
	fclose(f);
	return buf;
}

static enum walreader_page
read_page(void *arg, uint64_t ptr, const uint8_t **page, struct diags *ds)
{
	struct seg *s = arg;

	(void) ds;
	if (ptr < s->base || ptr - s->base + PS > s->len)
		return WRP_END;
	*page = s->buf + (ptr - s->base);
	return WRP_OK;
}

static void
put(const char *dir, const char *name, const uint8_t *pre, size_t plen,
	const uint8_t *p, size_t len)
{
	char		path[512];
	FILE	   *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		exit(2);
	fwrite(pre, 1, plen, f);
	fwrite(p, 1, len, f);
	fclose(f);
}

/* pglz with literals only: a control byte of 0 before each 8 bytes */
static size_t
pglz_literal(const uint8_t *src, size_t len, uint8_t *dst)
{
	size_t		o = 0;

	for (size_t i = 0; i < len; i++)
	{
		if (i % 8 == 0)
			dst[o++] = 0;
		dst[o++] = src[i];
	}
	return o;
}

static void
image_seeds(const struct walblock *b, const char *dir, int n)
{
	static uint8_t page[WAL_BLCKSZ],
				raw[WAL_BLCKSZ],
				comp[2 * WAL_BLCKSZ + 64];
	struct diags ds;
	uint8_t		pre[5];
	size_t		rawlen,
				clen;
	char		name[64];

	diags_reset(&ds);
	if (wal_restore_image(b, page, &ds) != 0)
		return;
	pre[1] = b->hole_offset & 0xFF;
	pre[2] = b->hole_offset >> 8;
	pre[3] = b->hole_length & 0xFF;
	pre[4] = b->hole_length >> 8;
	memcpy(raw, page, b->hole_offset);
	rawlen = WAL_BLCKSZ - b->hole_length;
	memcpy(raw + b->hole_offset, page + b->hole_offset + b->hole_length,
		   rawlen - b->hole_offset);
	pre[0] = WALC_NONE;
	snprintf(name, sizeof(name), "img-%d-none", n);
	put(dir, name, pre, 5, raw, rawlen);
	pre[0] = WALC_PGLZ;
	clen = pglz_literal(raw, rawlen, comp);
	if (clen <= UINT16_MAX)
	{
		snprintf(name, sizeof(name), "img-%d-pglz", n);
		put(dir, name, pre, 5, comp, clen);
	}
	pre[0] = WALC_LZ4;
	clen = (size_t) LZ4_compress_default((const char *) raw, (char *) comp, (int) rawlen, (int) sizeof(comp));
	snprintf(name, sizeof(name), "img-%d-lz4", n);
	put(dir, name, pre, 5, comp, clen);
	pre[0] = WALC_ZSTD;
	clen = ZSTD_compress(comp, sizeof(comp), raw, rawlen, 3);
	if (!ZSTD_isError(clen))
	{
		snprintf(name, sizeof(name), "img-%d-zstd", n);
		put(dir, name, pre, 5, comp, clen);
	}
}

static int
wal(int major, const char *file, uint32_t segsize, uint64_t base,
	const char *recdir, const char *imgdir)
{
	const struct pg_profile *prof = pg_profile_by_major(major);
	static uint8_t seen[256][256];
	struct walreader_config cfg;
	struct walreader *r;
	struct walrec_raw raw;
	static struct walrec rec;
	struct diags ds;
	struct seg s;
	int			nimg = 0;
	uint8_t		sel = (uint8_t) (major - PG_MAJOR_MIN);

	if (prof == NULL)
		return 2;
	s.buf = slurp(file, &s.len);
	s.base = base;
	memset(&cfg, 0, sizeof(cfg));
	cfg.seg_size = segsize;
	cfg.page_size = PS;
	cfg.magic = prof->xlog_page_magic;
	cfg.max_rmid = prof->wal_max_rmid;
	cfg.custom_rmgrs = prof->wal_custom_rmgrs;
	cfg.read_page = read_page;
	cfg.arg = &s;
	if (s.buf == NULL || (r = walreader_create(&cfg)) == NULL)
		return 2;
	walreader_seek(r, base);
	diags_reset(&ds);
	while (walreader_next(r, &raw, &ds) == WR_RECORD)
	{
		char		name[64];
		uint8_t    *n = &seen[raw.data[17]][raw.data[16]];

		diags_reset(&ds);
		if (*n >= 2 || walrecord_decode(prof, raw.data, raw.len, raw.lsn, &rec, &ds) != 0)
			continue;
		snprintf(name, sizeof(name), "rec-%d-%02x%02x-%d", major, raw.data[17], raw.data[16], (*n)++);
		put(recdir, name, &sel, 1, raw.data, raw.len);
		for (int i = 0; i <= rec.max_block_id && nimg < 6; i++)
			if (rec.blocks[i].in_use && rec.blocks[i].has_image)
				image_seeds(&rec.blocks[i], imgdir, major * 100 + nimg++);
	}
	walreader_free(r);
	free(s.buf);
	return 0;
}

static int
toastptr(const char *file, uint32_t relid)
{
	size_t		len;
	uint8_t    *b = slurp(file, &len);

	for (size_t i = 0; b != NULL && i + 18 <= len; i++)
		if (b[i] == 0x01 && b[i + 1] == 18 &&
			(uint32_t) (b[i + 14] | b[i + 15] << 8 | b[i + 16] << 16 | (uint32_t) b[i + 17] << 24) == relid)
		{
			fwrite(b + i, 1, 18, stdout);
			free(b);
			return 0;
		}
	free(b);
	return 1;
}

int
main(int argc, char **argv)
{
	if (argc == 8 && strcmp(argv[1], "wal") == 0)
		return wal(atoi(argv[2]), argv[3], (uint32_t) strtoul(argv[4], NULL, 0),
				   strtoull(argv[5], NULL, 0), argv[6], argv[7]);
	if (argc == 4 && strcmp(argv[1], "toastptr") == 0)
		return toastptr(argv[2], (uint32_t) strtoul(argv[3], NULL, 0));
	fprintf(stderr, "usage: seedcut wal MAJOR SEGFILE SEGSIZE BASE RECDIR IMGDIR | toastptr FILE RELID\n");
	return 2;
}
