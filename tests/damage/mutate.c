/*
 * mutate: write a damaged copy of one real fixture file, chosen by a seed,
 * for the damage sweep (tests/damage/run.sh).  The damage is what a disk or
 * a person does: flipped bits, overwritten or zeroed bytes, pages
 * duplicated or replaced by garbage, hostile lengths and counts at the
 * header offsets each format reads first, truncation at and between page
 * boundaries, a .gz cut short, a WAL segment under the wrong name.
 *
 *   mutate SEED KIND CHECKSUMS IN OUT
 *
 * KIND is heap, btree, index, fsm, vm, toast, seq, control, relmap, xact
 * or wal; CHECKSUMS is 1 when the cluster's pg_control has data checksums
 * on.  The same SEED, KIND and IN always give the same OUT.  One line on
 * stdout says what was done and what a reader must see:
 *
 *   ops=flip+trunc_mid file=OUT cs_pages=N collisions=N cut=0|1 name=-|NAME
 *
 * cs_pages counts pages a data checksum covers whose bytes changed and
 * whose stored checksum no longer matches (pgpage -k must exit 1);
 * collisions counts changed pages whose checksum still matches by chance
 * (1 in 65535, undetectable by design); cut is 1 when the input ends
 * inside a page or its gzip stream is cut short (damage in any cluster).
 * name is a wrong file name for a WAL segment, or "-".
 *
 *   mutate noise SEED BYTES OUT
 *
 * writes BYTES high-entropy bytes from SEED (tests/cli/bounds.sh's
 * "100 MB of random bytes", the same on every machine).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "page/checksum.h"

#define BLCKSZ 8192
#define MAXOPS 3

static uint64_t rng;

/* splitmix64: small, fast and the same on every machine */
static uint64_t
next(void)
{
	uint64_t	z = (rng += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* uniform in [0, n); 0 when n is 0 */
static size_t
below(size_t n)
{
	return n ? (size_t) (next() % n) : 0;
}

static int
chance(unsigned percent)
{
	return below(100) < percent;
}

enum kind {
	K_HEAP, K_BTREE, K_INDEX, K_FSM, K_VM, K_TOAST, K_SEQ,
	K_CONTROL, K_RELMAP, K_XACT, K_WAL
};
static const char *const kind_names[] = {
	"heap", "btree", "index", "fsm", "vm", "toast", "seq",
	"control", "relmap", "xact", "wal"
};

/* A relation fork: every page is one a data checksum covers. */
static int
is_relation(enum kind k)
{
	return k <= K_SEQ;
}

/* The file being damaged: grows and shrinks. */
static uint8_t *buf;
static size_t len, cap;

static void
reserve(size_t n)
{
	if (n <= cap)
		return;
	cap = n + BLCKSZ;
	buf = realloc(buf, cap);
	if (buf == NULL) {
		perror("mutate");
		exit(2);
	}
}

static uint16_t
rd16(size_t off)
{
	return off + 2 <= len ? (uint16_t) (buf[off] | buf[off + 1] << 8) : 0;
}

static uint32_t
rd32(size_t off)
{
	return off + 4 <= len ? (uint32_t) rd16(off) | (uint32_t) rd16(off + 2) << 16 : 0;
}

static void
wr(size_t off, uint64_t v, unsigned bytes)
{
	for (unsigned i = 0; i < bytes && off + i < len; i++)
		buf[off + i] = (uint8_t) (v >> (8 * i));
}

/* The values a length, an offset or a count is most often wrong with. */
static uint64_t
hostile(void)
{
	static const uint64_t v[] = {
		0, 1, 2, 3, 7, 8, 23, 24, 25, 0x7f, 0x80, 0xff, 0x100, 0x1ff0,
		0x1fef, 0x1ff8, 0x1fff, 0x2000, 0x2001, 0x3fff, 0x4000, 0x7ffe,
		0x7fff, 0x8000, 0xfffe, 0xffff, 0x10000, 0x1000000, 0x7fffffff,
		0x80000000, 0xfffffffe, 0xffffffff, 0xffffffffffffffffULL
	};

	if (chance(15))
		return next();
	return v[below(sizeof(v) / sizeof(v[0]))];
}

static size_t
npages(void)
{
	return len / BLCKSZ;
}

/* a page to damage: a whole one when there is one, else offset 0 */
static size_t
pick_page(void)
{
	return npages() ? below(npages()) * BLCKSZ : 0;
}

static void
op_flip(void)
{
	size_t		base = pick_page(), span = len - base < BLCKSZ ? len - base : BLCKSZ;
	unsigned	n = 1 + (unsigned) below(4);

	if (span == 0)
		return;
	for (unsigned i = 0; i < n; i++) {
		/* half of them in the header and line pointers, read first */
		size_t		off = base + (chance(50) ? below(span < 128 ? span : 128) : below(span));

		buf[off] ^= (uint8_t) (1u << below(8));
	}
}

static void
op_overwrite(void)
{
	size_t		n = 1 + below(64), off = below(len);

	for (size_t i = 0; i < n && off + i < len; i++)
		buf[off + i] = (uint8_t) next();
}

static void
op_zero(void)
{
	size_t		base = pick_page(), n, off;

	if (chance(40)) {
		/* a whole page, or a torn one: its first sectors zeroed */
		n = chance(50) ? BLCKSZ : 512 * (1 + below(15));
		off = base;
	} else {
		n = 1 + below(BLCKSZ);
		off = base + below(BLCKSZ);
	}
	for (size_t i = 0; i < n && off + i < len; i++)
		buf[off + i] = 0;
}

static void
op_dup(void)
{
	size_t		np = npages(), from, to;

	if (np == 0)
		return;
	from = below(np) * BLCKSZ;
	if (chance(30)) {
		/* appended: the file grows by a copy of one of its pages */
		reserve(len + BLCKSZ);
		memcpy(buf + len - len % BLCKSZ, buf + from, BLCKSZ);
		len = len - len % BLCKSZ + BLCKSZ;
		return;
	}
	to = below(np) * BLCKSZ;
	memmove(buf + to, buf + from, BLCKSZ);
}

static void
op_garbage(void)
{
	size_t		off;

	if (npages() == 0 || chance(25)) {
		/* a garbage page appended */
		off = len - len % BLCKSZ;
		reserve(off + BLCKSZ);
		len = off + BLCKSZ;
	} else
		off = pick_page();
	for (size_t i = 0; i < BLCKSZ && off + i < len; i++)
		buf[off + i] = (uint8_t) next();
}

/* A line pointer's target, or 0: lp_off of item k of the page at base. */
static size_t
item_at(size_t base, unsigned *lp_index)
{
	uint16_t	lower = rd16(base + 12);
	unsigned	nitems = lower > 24 && lower <= BLCKSZ ? (lower - 24) / 4 : 0;
	uint32_t	lp;

	if (nitems == 0)
		return 0;
	*lp_index = (unsigned) below(nitems);
	lp = rd32(base + 24 + 4 * *lp_index);
	if ((lp & 0x7fff) < 24 || (lp & 0x7fff) >= BLCKSZ - 8)
		return 0;
	return base + (lp & 0x7fff);
}

/* hostile values in the fields of a page that a reader trusts first */
static void
op_hostile_page(enum kind k)
{
	size_t		base = pick_page(), item;
	uint16_t	special = rd16(base + 16);
	unsigned	lpi = 0;
	uint32_t	lp;

	if (len - base < BLCKSZ)
		return;
	switch (below(k == K_FSM || k == K_VM ? 3 : 6)) {
		case 0:				/* pd_lower, pd_upper, pd_special, pd_pagesize_version */
			wr(base + 12 + 2 * below(4), hostile(), 2);
			return;
		case 1:				/* pd_lsn, pd_checksum, pd_flags, pd_prune_xid */
			wr(base + (size_t[]) {0, 4, 8, 10, 20}[below(5)], hostile(), 4);
			return;
		case 2:
			if (k == K_FSM) /* fp_next_slot, then the tree's first nodes */
				wr(base + 24 + 4 * below(chance(50) ? 1 : 64), hostile(), chance(50) ? 4 : 1);
			else if (k == K_VM || k == K_BTREE || k == K_INDEX || k == K_SEQ) {
				/* the special space: BTPageOpaque and its kin */
				size_t		sp = special >= 24 && special <= BLCKSZ - 4 ? special : BLCKSZ - 16;

				wr(base + sp + 2 * below((BLCKSZ - sp) / 2), hostile(), chance(50) ? 2 : 4);
			} else			/* heap: a line pointer's lp_off, lp_flags, lp_len */
				goto lp;
			return;
		case 3:
		lp:
			if (rd16(base + 12) <= 24)
				return;
			lpi = (unsigned) below((rd16(base + 12) - 24) / 4);
			lp = rd32(base + 24 + 4 * lpi);
			switch (below(3)) {
				case 0:
					lp = (lp & ~0x7fffu) | ((uint32_t) hostile() & 0x7fff);
					break;
				case 1:
					lp = (lp & ~(3u << 15)) | ((uint32_t) below(4) << 15);
					break;
				default:
					lp = (lp & 0x1ffff) | ((uint32_t) hostile() << 17);
					break;
			}
			wr(base + 24 + 4 * lpi, lp, 4);
			return;
		case 4:
			/* a tuple's header: heap t_infomask2 (natts), t_infomask,
			 * t_hoff, t_ctid; an index tuple's t_tid and t_info */
			if ((item = item_at(base, &lpi)) == 0)
				return;
			if (k == K_BTREE || k == K_INDEX)
				wr(item + 2 * below(4), hostile(), 2);
			else {
				size_t		off = (size_t[]) {0, 4, 12, 16, 18, 20, 22}[below(7)];

				wr(item + off, hostile(), off == 22 ? 1 : 2);
			}
			return;
		default:
			/* a varlena header inside a tuple's data, or B-tree metapage fields */
			if (k == K_BTREE && base == 0) {
				wr(24 + 4 * below(10), hostile(), 4);
				return;
			}
			if ((item = item_at(base, &lpi)) == 0)
				return;
			{
				uint8_t		hoff = buf[item + 22] >= 24 ? buf[item + 22] : 24;
				size_t		at = item + hoff + below(32);
				static const uint8_t tags[] = {0x01, 0x03, 0x02, 0x00, 0xff, 0x12, 0x80, 0x81};

				if (at + 4 < len) {
					buf[at] = tags[below(sizeof(tags))];
					if (chance(50))
						wr(at + 1, hostile(), 3);
				}
			}
			return;
	}
}

/* The starts of the records of a WAL segment's first pages (physical offsets). */
static size_t wal_recs[4096];
static size_t wal_nrecs;

/* physical offset of logical byte n of the record stream after start */
static size_t
wal_skip(size_t at, size_t n)
{
	while (n > 0 && at < len) {
		size_t		room = BLCKSZ - at % BLCKSZ;

		if (n < room)
			return at + n;
		n -= room;
		at += room;
		at += 24;				/* the next page's short header */
	}
	return at;
}

static void
wal_walk(void)
{
	size_t		at = 40;

	wal_nrecs = 0;
	if (rd32(16) > 0)			/* the first page continues a record */
		at = wal_skip(at, (rd32(16) + 7) & ~(size_t) 7);
	while (wal_nrecs < sizeof(wal_recs) / sizeof(wal_recs[0]) && at + 24 < len) {
		uint32_t	tot;

		if (at % BLCKSZ == 0)
			at += 24;
		tot = rd32(at);
		if (tot < 24 || tot > (1u << 20))
			break;
		wal_recs[wal_nrecs++] = at;
		at = wal_skip(at, (tot + 7) & ~(size_t) 7);
	}
}

static void
op_hostile_wal(void)
{
	size_t		page = pick_page(), rec;

	if (wal_nrecs == 0 || chance(30)) {
		if (page == 0 && chance(50))	/* the long header: xlp_sysid, xlp_seg_size, xlp_xlog_blcksz */
			wr((size_t[]) {24, 32, 36}[below(3)], hostile(), 4);
		else					/* xlp_magic, xlp_info, xlp_tli, xlp_pageaddr, xlp_rem_len */
			wr(page + (size_t[]) {0, 2, 4, 8, 12, 16}[below(6)], hostile(), 2 + 2 * below(2));
		return;
	}
	rec = wal_recs[below(wal_nrecs)];
	switch (below(5)) {
		case 0:				/* xl_tot_len */
			wr(rec, hostile(), 4);
			break;
		case 1:				/* xl_xid, xl_prev */
			wr(wal_skip(rec, chance(50) ? 4 : 8), hostile(), 4);
			break;
		case 2:				/* xl_info, xl_rmid */
			buf[wal_skip(rec, 16 + below(2))] = (uint8_t) hostile();
			break;
		default:
			/* the first block header: id, fork_flags, data_length, or a
			 * short main data length */
			{
				size_t		at = wal_skip(rec, 24 + below(4));

				if (at < len)
					buf[at] = (uint8_t) hostile();
			}
			break;
	}
}

static void
op_hostile_file(enum kind k)
{
	if (k == K_RELMAP && chance(60)) {
		/* magic, num_mappings, a mapping's OID or file number */
		wr(chance(60) ? 4 : 8 * below(64) + 4 * below(2), hostile(), 4);
		return;
	}
	/* pg_control's fields sit at 4- and 8-byte aligned offsets */
	wr(4 * below(len < 320 ? len / 4 : 80), hostile(), chance(70) ? 4 : 8);
}

/* the input ends at a page boundary or inside a page */
static void
op_truncate(enum kind k)
{
	size_t		np = npages();

	if (np > 0 && chance(50) && k != K_CONTROL && k != K_RELMAP) {
		len = below(np) * BLCKSZ;	/* 0 pages too: an empty file */
		return;
	}
	len = below(len);
}

static int
all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static uint8_t *
slurp(const char *path, size_t *n)
{
	FILE	   *f = fopen(path, "rb");
	uint8_t    *p = NULL;
	size_t		c = 0, got;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	*n = 0;
	do {
		if (*n + BLCKSZ > c) {
			c = 2 * c + BLCKSZ;
			if ((p = realloc(p, c)) == NULL) {
				perror("mutate");
				exit(2);
			}
		}
		got = fread(p + *n, 1, BLCKSZ, f);
		*n += got;
	} while (got > 0);
	fclose(f);
	return p;
}

static void
spill(const char *path, const uint8_t *p, size_t n)
{
	FILE	   *f = fopen(path, "wb");

	if (f == NULL || fwrite(p, 1, n, f) != n || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

/* the file gzip'd, its stream cut short somewhere before its end */
static void
spill_gz_cut(const char *path)
{
	z_stream	z;
	uLong		room = compressBound(len) + 64;
	uint8_t    *out = malloc(room);

	memset(&z, 0, sizeof(z));
	if (out == NULL || deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		fprintf(stderr, "mutate: deflateInit2 failed\n");
		exit(2);
	}
	z.next_in = buf;
	z.avail_in = (uInt) len;
	z.next_out = out;
	z.avail_out = (uInt) room;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
		fprintf(stderr, "mutate: deflate failed\n");
		exit(2);
	}
	spill(path, out, below(z.total_out));
	deflateEnd(&z);
	free(out);
}

static int
noise(const char *seed, const char *bytes, const char *path)
{
	FILE	   *f = fopen(path, "wb");
	unsigned long long n = strtoull(bytes, NULL, 10);
	uint64_t	block[1024];

	if (f == NULL) {
		perror(path);
		return 2;
	}
	rng = strtoull(seed, NULL, 10);
	while (n > 0) {
		size_t		chunk = n < sizeof(block) ? (size_t) n : sizeof(block);

		for (size_t i = 0; i < sizeof(block) / sizeof(block[0]); i++)
			block[i] = next();
		if (fwrite(block, 1, chunk, f) != chunk) {
			perror(path);
			return 2;
		}
		n -= chunk;
	}
	return fclose(f) == 0 ? 0 : 2;
}

int
main(int argc, char **argv)
{
	enum kind	k;
	const char *names[MAXOPS];
	int			nops, cut = 0, gz = 0, cs, wrongname = 0;
	size_t		inlen, ki, cs_pages = 0, collisions = 0;
	uint8_t    *in;
	char		outpath[4096];
	static const char *const wrong[] = {
		"000000010000000000000009", "000000020000000000000002",
		"00000001000000000000000A", "000000010000000100000002", "walcopy"
	};

	if (argc == 5 && strcmp(argv[1], "noise") == 0)
		return noise(argv[2], argv[3], argv[4]);
	if (argc != 6) {
		fprintf(stderr, "usage: mutate SEED KIND CHECKSUMS IN OUT | mutate noise SEED BYTES OUT\n");
		return 2;
	}
	rng = strtoull(argv[1], NULL, 10) * 0x2545F4914F6CDD1DULL + 1;
	for (ki = 0; ki < sizeof(kind_names) / sizeof(kind_names[0]); ki++)
		if (strcmp(argv[2], kind_names[ki]) == 0)
			break;
	if (ki == sizeof(kind_names) / sizeof(kind_names[0])) {
		fprintf(stderr, "mutate: unknown kind %s\n", argv[2]);
		return 2;
	}
	k = (enum kind) ki;
	cs = strcmp(argv[3], "1") == 0;
	in = slurp(argv[4], &inlen);
	reserve(inlen + 2 * BLCKSZ);
	memcpy(buf, in, inlen);
	len = inlen;
	if (k == K_WAL)
		wal_walk();

	nops = chance(75) ? 1 : chance(80) ? 2 : 3;
	for (int i = 0; i < nops; i++) {
		unsigned	op = (unsigned) below(len == 0 ? 1 : 10);

		if (len == 0) {
			names[i] = "none";
			continue;
		}
		if (k == K_WAL && op == 9 && !wrongname) {
			wrongname = 1 + (int) below(sizeof(wrong) / sizeof(wrong[0]));
			names[i] = "wrong_name";
			continue;
		}
		switch (op) {
			case 0:
				op_flip();
				names[i] = "flip";
				break;
			case 1:
				op_overwrite();
				names[i] = "overwrite";
				break;
			case 2:
				op_zero();
				names[i] = "zero";
				break;
			case 3:
				op_dup();
				names[i] = "dup_page";
				break;
			case 4:
				op_garbage();
				names[i] = "garbage_page";
				break;
			case 5:
			case 6:
			case 7:
				if (is_relation(k))
					op_hostile_page(k);
				else if (k == K_WAL)
					op_hostile_wal();
				else if (k == K_XACT)
					op_flip();
				else
					op_hostile_file(k);
				names[i] = "hostile";
				break;
			default:
				op_truncate(k);
				names[i] = len % BLCKSZ ? "trunc_mid" : "trunc_page";
				break;
		}
	}
	/* a gzip'd copy cut short: the relation forms and WAL read .gz */
	if ((is_relation(k) || k == K_WAL) && chance(4))
		gz = cut = 1;

	/* which pages a checksum covers changed, and does it still match */
	if (is_relation(k) && cs) {
		for (size_t off = 0; off + BLCKSZ <= len; off += BLCKSZ) {
			const uint8_t *p = buf + off;

			if (off + BLCKSZ <= inlen && memcmp(p, in + off, BLCKSZ) == 0)
				continue;
			if (all_zero(p, BLCKSZ))
				continue;		/* a new page: PostgreSQL checksums none */
			if (rd16(off + 14) == 0 ||
				pg_checksum_page(p, (uint32_t) (off / BLCKSZ)) != rd16(off + 8))
				cs_pages++;
			else
				collisions++;
		}
	}
	/* said of the result: a cut inside a page and a later cut at a page
	 * boundary leave whole pages only */
	if (len % BLCKSZ && is_relation(k))
		cut = 1;

	snprintf(outpath, sizeof(outpath), "%s%s", argv[5], gz ? ".gz" : "");
	if (gz)
		spill_gz_cut(outpath);
	else
		spill(outpath, buf, len);
	printf("ops=");
	for (int i = 0; i < nops; i++)
		printf("%s%s", i ? "+" : "", names[i]);
	printf("%s file=%s cs_pages=%zu collisions=%zu cut=%d name=%s\n", gz ? "+gz_cut" : "",
		   outpath, cs_pages, collisions, cut, wrongname ? wrong[wrongname - 1] : "-");
	free(in);
	free(buf);
	return 0;
}
