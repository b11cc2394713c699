/* Shared includes for the cmocka unit tests (one test file per module). */
#ifndef PGOD_UNIT_H
#define PGOD_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* Little-endian stores, for building on-disk structures by hand. */
static inline void
wr16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t) v;
	p[1] = (uint8_t) (v >> 8);
}

static inline void
wr32(uint8_t *p, uint32_t v)
{
	wr16(p, (uint16_t) v);
	wr16(p + 2, (uint16_t) (v >> 16));
}

static inline void
wr64(uint8_t *p, uint64_t v)
{
	wr32(p, (uint32_t) v);
	wr32(p + 4, (uint32_t) (v >> 32));
}

/*
 * Bytes laid out from a spec, so that a test states a structure once, field
 * by field, instead of as stores at hand-counted offsets.  The spec is a
 * list of tokens separated by spaces, stored at a cursor that starts at 0
 * in a buffer of cap zero bytes:
 *
 *   u8:V u16:V u32:V u64:V   an integer, little-endian (C syntax: 700, 0x1F,
 *                            -2); the cursor moves past it
 *   f64:V                    a double's 8 bytes
 *   s:TEXT                   TEXT (no spaces) and its terminating NUL
 *   @N                       the cursor to byte N (bytes skipped stay 0)
 *   len:N                    the length is N (the last one wins; it may cut a
 *                            store short); without one, the end of the
 *                            furthest store
 *
 * Returns the length, or -1 with *bad at the token that is wrong (unknown,
 * a value too wide for its store, past cap).
 */
static inline long
spec_bytes(uint8_t *buf, size_t cap, const char *spec, const char **bad)
{
	const char *p = spec;
	size_t		at = 0,
				end = 0;
	long		len = -1;

	memset(buf, 0, cap);
	for (;;)
	{
		char	   *e = NULL;
		size_t		w = 0;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		*bad = p;
		if (*p == '@')
		{
			if (p[1] < '0' || p[1] > '9')
				return -1;
			at = strtoul(p + 1, &e, 0);
		}
		else if (strncmp(p, "len:", 4) == 0)
		{
			if (p[4] < '0' || p[4] > '9')
				return -1;
			len = strtol(p + 4, &e, 0);
			if (len < 0 || (size_t) len > cap)
				return -1;
		}
		else if (strncmp(p, "s:", 2) == 0)
		{
			w = strcspn(p + 2, " ");
			if (at + w + 1 > cap)
				return -1;
			memcpy(buf + at, p + 2, w);
			at += w + 1;
			e = (char *) p + 2 + w;
		}
		else if (strncmp(p, "f64:", 4) == 0)
		{
			double		f = strtod(p + 4, &e);
			uint64_t	v;

			memcpy(&v, &f, sizeof(v));
			if (at + 8 > cap)
				return -1;
			wr64(buf + at, v);
			at += 8;
		}
		else
		{
			uint64_t	v,
						lim;
			size_t		k;

			for (k = 1; k <= 8; k *= 2)
			{
				char		pre[8];
				int			n = snprintf(pre, sizeof(pre), "u%zu:", 8 * k);

				if (strncmp(p, pre, (size_t) n) == 0)
				{
					w = k;
					p += n;
					break;
				}
			}
			if (w == 0 || at + w > cap)
				return -1;
			lim = w == 8 ? UINT64_MAX : (UINT64_C(1) << (8 * w)) - 1;
			if (*p == '-')
			{
				long long	sv = strtoll(p, &e, 0);

				/* a negative value must fit the signed type of width w */
				if (w < 8 && sv < -(long long) (lim / 2) - 1)
					return -1;
				v = (uint64_t) sv & lim;
			}
			else
			{
				v = strtoull(p, &e, 0);
				if (v > lim)
					return -1;
			}
			for (k = 0; k < w; k++)
				buf[at + k] = (uint8_t) (v >> (8 * k));
			at += w;
		}
		if (e == NULL || e == p || (*e != ' ' && *e != '\0'))
			return -1;
		p = e;
		if (at > end)
			end = at;
		if (at > cap)
			return -1;
	}
	return len >= 0 ? len : (long) end;
}


#ifdef UNIT_RMGR_CASES
/*
 * Table-driven checks of rmgr_desc() (test_rmgr.c, test_rmgr_am.c): each
 * row is one record, its bytes given as spec_bytes() layouts, with the
 * description each range of majors must give.  Define UNIT_RMGR_CASES
 * before including this file to get them.
 */
#include "rmgrdesc/rmgrdesc.h"

/* The description majors lo..hi (inclusive) give; "<null>": none. */
struct rmgr_want {
	int			lo,
				hi;
	const char *s;
};

/* Block 0 carries a full-page image, applied at replay or not. */
enum rmgr_image {
	IMG_NONE,
	IMG_APPLY,
	IMG_VERIFY
};

struct rmgr_case {
	const char *label;			/* names the row when a major differs */
	uint8_t		rmid;
	uint8_t		info;			/* xl_info */
	const char *main;			/* main data layout; NULL: none */
	const char *blk;			/* block 0's data layout; NULL: no block 0 */
	uint16_t	origin;			/* record_origin */
	enum rmgr_image image;		/* block 0's image */
	struct rmgr_want w[6];		/* ends at the first without a string */
};

/*
 * A record whose data are heap copies of exactly their length, so that
 * under ASan a read past them is an error.
 */
struct rmgr_rec {
	struct walrec r;
	uint8_t    *main;
	uint8_t    *blk;
};

static inline uint8_t *
rmgr_copy(const uint8_t *d, uint32_t n)
{
	uint8_t    *p = malloc(n ? n : 1);

	assert_non_null(p);
	if (n)
		memcpy(p, d, n);
	return p;
}

/* Main data d (n bytes, none when n is 0); bn < 0: no block 0. */
static inline void
rmgr_rec_make(struct rmgr_rec *x, uint8_t rmid, uint8_t info, const uint8_t *d, uint32_t n,
			  const uint8_t *b, long bn)
{
	memset(x, 0, sizeof(*x));
	x->r.rmid = rmid;
	x->r.info = info;
	x->r.max_block_id = -1;
	if (n)
	{
		x->main = rmgr_copy(d, n);
		x->r.main_data = x->main;
		x->r.main_data_len = n;
	}
	if (bn < 0)
		return;
	x->r.max_block_id = 0;
	x->r.blocks[0].in_use = true;
	x->r.blocks[0].has_data = bn > 0;
	if (bn > 0)
	{
		x->blk = rmgr_copy(b, (uint32_t) bn);
		x->r.blocks[0].data = x->blk;
		x->r.blocks[0].data_len = (uint16_t) bn;
	}
}

static inline void
rmgr_rec_free(struct rmgr_rec *x)
{
	free(x->main);
	free(x->blk);
	x->main = x->blk = NULL;
}

/*
 * The description in major, or "<null>" when there is none; a record
 * without one must leave the buffer as it was.
 */
static inline const char *
desc_or_null(struct strbuf *sb, int major, const struct walrec *r)
{
	sb_reset(sb);
	sb_puts(sb, "=");
	if (!rmgr_desc(sb, major, RS_WALINSPECT, r))
	{
		assert_string_equal(sb_str(sb), "=");
		return "<null>";
	}
	return sb_str(sb) + 1;
}

/* Checks one row in each of its majors; returns how many differ, named on stderr. */
static inline int
rmgr_case_run(struct strbuf *sb, const struct rmgr_case *c)
{
	uint8_t		d[256],
				b[256];
	const char *bad = NULL;
	long		n,
				bn = -1;
	struct rmgr_rec x;
	int			nbad = 0;

	n = spec_bytes(d, sizeof(d), c->main ? c->main : "", &bad);
	if (n < 0)
		fail_msg("%s: main data: bad layout at \"%s\"", c->label, bad);
	if (c->blk && (bn = spec_bytes(b, sizeof(b), c->blk, &bad)) < 0)
		fail_msg("%s: block 0: bad layout at \"%s\"", c->label, bad);
	if (c->image != IMG_NONE && bn < 0)
		bn = 0;
	rmgr_rec_make(&x, c->rmid, c->info, d, (uint32_t) n, b, bn);
	x.r.origin = c->origin;
	x.r.blocks[0].has_image = c->image != IMG_NONE;
	x.r.blocks[0].apply_image = c->image == IMG_APPLY;
	for (size_t i = 0; i < sizeof(c->w) / sizeof(c->w[0]) && c->w[i].s; i++)
	{
		const struct rmgr_want *w = &c->w[i];

		if (w->lo < 10 || w->hi > 18 || w->lo > w->hi)
			fail_msg("%s: bad major range %d..%d", c->label, w->lo, w->hi);
		for (int major = w->lo; major <= w->hi; major++)
		{
			const char *got = desc_or_null(sb, major, &x.r);

			if (strcmp(got, w->s) != 0)
			{
				print_error("%s (rmid %u, info 0x%02X), major %d:\n  got  \"%s\"\n  want \"%s\"\n",
							c->label, c->rmid, c->info, major, got, w->s);
				nbad++;
			}
		}
	}
	rmgr_rec_free(&x);
	return nbad;
}

/* Every row of a table; the test fails after all were checked. */
static inline void
rmgr_cases_run(const struct rmgr_case *c, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	int			nbad = 0;

	for (size_t i = 0; i < n; i++)
		nbad += rmgr_case_run(&sb, &c[i]);
	sb_free(&sb);
	if (nbad)
		fail_msg("%d description(s) differ", nbad);
}

#define RMGR_CASES_RUN(t) rmgr_cases_run((t), sizeof(t) / sizeof((t)[0]))
#endif							/* UNIT_RMGR_CASES */

#endif
