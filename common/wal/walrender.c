/*
 * walrender: WAL records to text and JSON.  The text is pg_waldump's
 * line (src/bin/pg_waldump/pg_waldump.c, XLogDumpDisplayRecord); the JSON
 * has pg_get_wal_records_info()'s columns (contrib/pg_walinspect) and the
 * parts XLogRecGetBlockTag() and DecodedBkpBlock hold.
 *
 * One schema: WALREC_FIELDS and WALBLOCK_FIELDS below list every field of
 * the JSON object once (kind, key, value); the hand-laid fast writer and
 * the emit path are both generated from them.
 */
#include <stdlib.h>
#include <string.h>

#include "out/cli.h"
#include "out/fmt.h"
#include "out/strbuf.h"
#include "rmgrdesc/rmgrdesc.h"
#include "wal/walnames.h"
#include "wal/walrender.h"

/* A long string column: text, or SQL NULL. */
struct walrow_text {
	const char *s;
	size_t		n;				/* bytes in s (a NUL inside is possible) */
	bool		null;
};

/* One record as both formats show it. */
struct walrow {
	const struct walrec_raw *raw;
	const struct walrec *r;
	const char *rmgr;			/* resource_manager: rm_name, or customNNN */
	const char *type;			/* record_type: rm_identify, or UNKNOWN (x) */
	struct walrow_text desc;	/* description: rm_desc */
	struct walrow_text blk;		/* block_ref: XLogRecGetBlockRefInfo */
	bool		desc_known;		/* rm_desc could describe it */
	const char *segment;		/* the segment file the record starts in */
	uint32_t	tli;			/* its timeline */
	const struct walname *names;	/* per block id, or NULL */
	void		(*extra) (void *arg, struct emit *e);	/* more fields, or NULL */
	void	   *extra_arg;
};

/* Where a record or damage is: shared by both objects. */
#define WALPLACE_FIELDS(X, w) \
	X(S, "segment", (w)->segment) \
	X(U, "timeline", (w)->tli)

/* pg_get_wal_records_info()'s columns, then ours */
#define WALREC_FIELDS(X, w) \
	X(LSN, "start_lsn", (w)->raw->lsn) \
	X(LSN, "end_lsn", (w)->raw->end_lsn) \
	X(LSN, "prev_lsn", (w)->r->prev) \
	X(U, "xid", (w)->r->xid) \
	X(S, "resource_manager", (w)->rmgr) \
	X(S, "record_type", (w)->type) \
	X(U, "record_length", (w)->r->tot_len) \
	X(U, "main_data_length", (w)->r->main_data_len) \
	X(U, "fpi_length", (w)->r->fpi_len) \
	X(TEXT, "description", &(w)->desc) \
	X(TEXT, "block_ref", &(w)->blk) \
	X(B, "description_known", (w)->desc_known) \
	X(U, "rmid", (w)->r->rmid) \
	X(U, "info", (w)->r->info) \
	X(B, "crc_ok", (w)->raw->crc_ok) \
	WALPLACE_FIELDS(X, w) \
	X(UOPT, "origin", (w)->r->origin) \
	X(UOPT, "toplevel_xid", (w)->r->toplevel_xid)

#define WALREC_BLOCKS "blocks"

/* one element of "blocks"; the same fields whether or not there is an image */
#define WALBLOCK_FIELDS(X, id, b) \
	X(U, "block_id", (unsigned) (id)) \
	X(U, "spcoid", (b)->spcoid) \
	X(U, "dboid", (b)->dboid) \
	X(U, "relfilenode", (b)->relnumber) \
	X(S, "fork", fork_name(b)) \
	X(U, "blkno", (b)->blkno) \
	X(B, "will_init", ((b)->flags & BKPBLOCK_WILL_INIT) != 0) \
	X(U, "data_length", (b)->data_len) \
	X(B, "has_image", (b)->has_image) \
	X(U, "image_length", (b)->bimg_len) \
	X(U, "hole_offset", (b)->hole_offset) \
	X(U, "hole_length", (b)->hole_length) \
	X(S, "compression", wal_compression_name((b)->compression)) \
	X(B, "apply", (b)->apply_image) \
	X(U, "bimg_info", (b)->bimg_info)

/* the damage object: its code, where, and a range skipped */
#define WALDAMAGE_SKIPPED_FROM "skipped_from"
#define WALDAMAGE_SKIPPED_TO "skipped_to"

struct walrender {
	struct emit *e;
	const struct pg_profile *prof;
	uint32_t	seg_size;
	bool		json;
	bool		bkp_details;	/* -b: pg_waldump's detailed block references */
	struct strbuf desc;
	struct strbuf blk;
	uint64_t	seg_no;			/* the segment seg_name names */
	uint32_t	seg_tli;
	char		seg_name[32];	/* "" until the first record */
	const struct walname *names;	/* per block id, or NULL */
	bool		text_names;		/* --names */
	struct strbuf named;		/* the block references with names (text) */
	void		(*extra) (void *arg, struct emit *e);
	void	   *extra_arg;
};

static const char *
fork_name(const struct walblock *b)
{
	return b->fork < 4 ? wal_fork_names[b->fork] : "?";
}

/* v right-aligned in w columns: %*u */
static char *
put_u_right(char *p, uint64_t v, size_t w)
{
	char		b[FMT_U64_MAX];
	size_t		n = fmt_u64(b, v);

	if (n < w)
	{
		memset(p, ' ', w - n);
		p += w - n;
	}
	return fmt_put(p, b, n);
}

static inline char *
put_json_s(char *p, const char *s)
{
	*p++ = '"';
	p = fmt_put(p, s, strlen(s));
	*p++ = '"';
	return p;
}

/* a name, or null */
static inline char *
put_json_name(char *p, const char *s)
{
	return s != NULL ? put_json_s(p, s) : FMT_PUT_LIT(p, "null");
}

static inline char *
put_json_lsn(char *p, uint64_t lsn)
{
	*p++ = '"';
	p += fmt_lsn_pg(p, lsn);
	*p++ = '"';
	return p;
}

/*
 * The fast writer: each field as "<sep>"key":value, sep '{' for the first
 * and ',' after.  Fixed-size fields go into room reserved in emit's buffer
 * (p); a TEXT column is appended whole, then room is reserved again.
 */
#define FAST_KEY(key) (*p++ = sep, sep = ',', FMT_PUT_LIT(p, "\"" key "\":"))
#define FAST_LSN(key, v) p = put_json_lsn(FAST_KEY(key), (v));
#define FAST_U(key, v) p = fmt_put_u(FAST_KEY(key), (v));
#define FAST_UOPT(key, v) if ((v) != 0) FAST_U(key, v)
#define FAST_B(key, v) p = (v) ? FMT_PUT_LIT(FAST_KEY(key), "true") : FMT_PUT_LIT(FAST_KEY(key), "false");
#define FAST_S(key, v) p = put_json_s(FAST_KEY(key), (v));
#define FAST_TEXT(key, v) \
	{ \
		p = FAST_KEY(key); \
		p = fast_text(e, p0, p, (v), room); \
		p0 = p; \
	}
#define FAST_FIELD(kind, key, v) FAST_##kind(key, v)

/* Commit what p0..p holds, then the column (fmt_json_plain); fresh room. */
static char *
fast_text(struct emit *e, char *p0, char *p, const struct walrow_text *t, size_t room)
{
	if (t->null)
	{
		p = FMT_PUT_LIT(p, "null");
		emit_commit(e, (size_t) (p - p0));
	}
	else
	{
		*p++ = '"';
		emit_commit(e, (size_t) (p - p0));
		emit_raw(e, t->s, t->n);
		emit_raw(e, "\"", 1);
	}
	return emit_room(e, room);
}

/* The same fields through emit's calls: any string, escaped. */
#define EMIT_LSN(key, v) emit_lsn(e, key, (v), 0);
#define EMIT_U(key, v) emit_uint(e, key, (v), 0);
#define EMIT_UOPT(key, v) if ((v) != 0) emit_uint(e, key, (v), 0);
#define EMIT_B(key, v) emit_bool(e, key, (v), 0);
#define EMIT_S(key, v) emit_str(e, key, (v), 0);
#define EMIT_TEXT(key, v) \
	{ \
		if ((v)->null) \
			emit_null(e, key, 0); \
		else \
			emit_str(e, key, (v)->s, 0); \
	}
#define EMIT_FIELD(kind, key, v) EMIT_##kind(key, v)

/* Every string of the row is written as it is between quotes. */
static bool
name_plain(const char *s)
{
	return s == NULL || (strlen(s) < 64 && fmt_json_plain(s, strlen(s)));
}

static bool
row_is_plain(const struct walrow *w)
{
	if (w->extra != NULL)
		return false;
	for (int id = 0; w->names != NULL && id <= w->r->max_block_id; id++)
		if (!name_plain(w->names[id].datname) || !name_plain(w->names[id].nspname) ||
			!name_plain(w->names[id].relname))
			return false;
	return fmt_json_plain(w->rmgr, strlen(w->rmgr)) && fmt_json_plain(w->type, strlen(w->type)) &&
		fmt_json_plain(w->desc.s, w->desc.n) && fmt_json_plain(w->blk.s, w->blk.n) &&
		strlen(w->rmgr) + strlen(w->type) < 1024;
}

static void
json_fast(struct emit *e, const struct walrow *w)
{
	size_t		room = 512 + strlen(w->rmgr) + strlen(w->type);
	char	   *p0 = emit_room(e, room),
			   *p = p0;
	char		sep = '{';
	int			shown = 0;

	WALREC_FIELDS(FAST_FIELD, w)
	p = FMT_PUT_LIT(p, ",\"" WALREC_BLOCKS "\":[");
	emit_commit(e, (size_t) (p - p0));
	for (int id = 0; id <= w->r->max_block_id; id++)
	{
		const struct walblock *b = &w->r->blocks[id];

		if (!b->in_use)
			continue;
		p0 = p = emit_room(e, 768);
		if (shown++ > 0)
			*p++ = ',';
		sep = '{';
		WALBLOCK_FIELDS(FAST_FIELD, id, b)
		if (w->names != NULL)
		{
			const struct walname *nm = &w->names[id];

			p = put_json_name(FMT_PUT_LIT(p, ",\"datname\":"), nm->datname);
			p = put_json_name(FMT_PUT_LIT(p, ",\"nspname\":"), nm->nspname);
			p = put_json_name(FMT_PUT_LIT(p, ",\"relname\":"), nm->relname);
		}
		*p++ = '}';
		emit_commit(e, (size_t) (p - p0));
	}
	emit_raw(e, "]}\n", 3);
}

static void
emit_name(struct emit *e, const char *key, const char *s)
{
	if (s != NULL)
		emit_str(e, key, s, 0);
	else
		emit_null(e, key, 0);
}

static void
json_emit(struct emit *e, const struct walrow *w, const struct diags *ds)
{
	emit_begin(e);
	WALREC_FIELDS(EMIT_FIELD, w)
	emit_arr_begin(e, WALREC_BLOCKS, 0);
	for (int id = 0; id <= w->r->max_block_id; id++)
	{
		const struct walblock *b = &w->r->blocks[id];

		if (!b->in_use)
			continue;
		emit_obj_begin(e, NULL, 0);
		WALBLOCK_FIELDS(EMIT_FIELD, id, b)
		if (w->names != NULL)
		{
			emit_name(e, "datname", w->names[id].datname);
			emit_name(e, "nspname", w->names[id].nspname);
			emit_name(e, "relname", w->names[id].relname);
		}
		emit_obj_end(e);
	}
	emit_arr_end(e);
	if (w->extra != NULL)
		w->extra(w->extra_arg, e);
	cli_emit_diags(e, ds);
	emit_end(e);
}

/* The text's length: as pg_waldump's %s, up to a NUL. */
static size_t
text_len(const struct walrow_text *t)
{
	const char *nul = memchr(t->s, '\0', t->n);

	return nul != NULL ? (size_t) (nul - t->s) : t->n;
}

/*
 * pg_waldump's line: "rmgr: %-11s len (rec/tot): %6u/%6u, tx: %10u, lsn:
 * %X/%08X, prev %X/%08X, desc: %s %s" and the block references, which end
 * with the newline the record's end writes.
 */
static void
text_line(struct emit *e, const struct walrow *w)
{
	size_t		nl = strlen(w->rmgr),
				il = strlen(w->type),
				dn = text_len(&w->desc),
				bn = text_len(&w->blk);
	char	   *p0 = emit_room(e, 160 + nl + il),
			   *p;

	p = FMT_PUT_LIT(p0, "rmgr: ");
	p = fmt_put(p, w->rmgr, nl);
	if (nl < 11)
	{
		memset(p, ' ', 11 - nl);
		p += 11 - nl;
	}
	p = FMT_PUT_LIT(p, " len (rec/tot): ");
	p = put_u_right(p, w->r->tot_len - w->r->fpi_len, 6);
	*p++ = '/';
	p = put_u_right(p, w->r->tot_len, 6);
	p = FMT_PUT_LIT(p, ", tx: ");
	p = put_u_right(p, w->r->xid, 10);
	p = FMT_PUT_LIT(p, ", lsn: ");
	p += fmt_lsn_waldump(p, w->raw->lsn);
	p = FMT_PUT_LIT(p, ", prev ");
	p += fmt_lsn_waldump(p, w->r->prev);
	p = FMT_PUT_LIT(p, ", desc: ");
	p = fmt_put(p, w->type, il);
	*p++ = ' ';
	emit_commit(e, (size_t) (p - p0));
	if (bn > 0 && w->blk.s[bn - 1] == '\n')
		bn--;
	else if (bn == 0 && dn > 0 && w->desc.s[dn - 1] == '\n')
		dn--;
	emit_raw(e, w->desc.s, dn);
	emit_raw(e, w->blk.s, bn);
	emit_raw(e, "\n", 1);
}

/* " (datname nspname.relname)" */
static void
put_name(struct strbuf *sb, const struct walname *nm)
{
	sb_puts(sb, " (");
	if (nm->datname != NULL)
	{
		sb_puts(sb, nm->datname);
		sb_putc(sb, ' ');
	}
	if (nm->nspname != NULL)
	{
		sb_puts(sb, nm->nspname);
		sb_putc(sb, '.');
	}
	sb_puts(sb, nm->relname != NULL ? nm->relname : "?");
	sb_putc(sb, ')');
}

/*
 * --names: the block references' text with each "rel T/D/R" followed by
 * its name; pg_waldump writes one "rel" per block reference, in block id
 * order.
 */
static void
name_blocks(struct walrender *w, const struct walrec *r, struct walrow_text *blk)
{
	const char *s = blk->s,
			   *end = blk->s + blk->n;

	sb_reset(&w->named);
	for (int id = 0; id <= r->max_block_id; id++)
	{
		const char *at,
				   *q;

		if (!r->blocks[id].in_use)
			continue;
		at = s;
		while (at + 4 <= end && memcmp(at, "rel ", 4) != 0)
			at++;
		if (at + 4 > end)
			break;
		for (q = at + 4; q < end && ((*q >= '0' && *q <= '9') || *q == '/'); q++)
			;
		sb_putn(&w->named, s, (size_t) (q - s));
		put_name(&w->named, &w->names[id]);
		s = q;
	}
	sb_putn(&w->named, s, (size_t) (end - s));
	blk->s = sb_str(&w->named);
	blk->n = w->named.len;
}

void
walrender_names(struct walrender *w, const struct walname *names, bool in_text)
{
	w->names = names;
	w->text_names = in_text;
}

void
walrender_extra(struct walrender *w, void (*fn) (void *arg, struct emit *e), void *arg)
{
	w->extra = fn;
	w->extra_arg = arg;
}

struct walrender *
walrender_create(struct emit *e, const struct pg_profile *prof, uint32_t seg_size,
				 bool json, bool bkp_details)
{
	struct walrender *w = calloc(1, sizeof(*w));

	if (w == NULL)
		return NULL;
	w->e = e;
	w->prof = prof;
	w->seg_size = seg_size;
	w->json = json;
	w->bkp_details = bkp_details;
	w->desc = (struct strbuf) STRBUF_INIT;
	w->blk = (struct strbuf) STRBUF_INIT;
	w->named = (struct strbuf) STRBUF_INIT;
	return w;
}

void
walrender_free(struct walrender *w)
{
	if (w == NULL)
		return;
	sb_free(&w->desc);
	sb_free(&w->blk);
	sb_free(&w->named);
	free(w);
}

void
walrender_record(struct walrender *w, const struct walrec_raw *raw, const struct walrec *r,
				 const struct diags *ds)
{
	const int	major = w->prof->major;
	struct walrow row;
	char		unknown[32],
				nb[16];

	row.raw = raw;
	row.r = r;
	row.rmgr = rmgr_name(r->rmid);
	row.type = rmgr_identify(major, r->rmid, r->info);
	if (row.type == NULL)
	{
		snprintf(unknown, sizeof(unknown), "UNKNOWN (%x)", (unsigned) (r->info & ~XLR_INFO_MASK));
		row.type = unknown;
	}
	if (row.rmgr == NULL)		/* custom rmgr (15+): pg_waldump's customNNN */
		row.rmgr = rmgr_custom_name(major, r->rmid, nb, sizeof(nb));
	if (row.rmgr == NULL)		/* not reached: the reader lets no other id through */
		row.rmgr = "UNKNOWN";
	sb_reset(&w->desc);
	sb_reset(&w->blk);
	row.desc_known = rmgr_desc(&w->desc, major, w->json ? RS_WALINSPECT : RS_WALDUMP, r);
	/* pg_waldump's line is pretty (-b: detailed); pg_walinspect's detailed */
	xlog_block_ref_info(&w->blk, w->prof, r, !w->json, w->json || w->bkp_details);
	row.desc = (struct walrow_text) {sb_str(&w->desc), w->desc.len,
		!row.desc_known || (w->desc.len == 0 && w->prof->walinspect_nulls)};
	row.blk = (struct walrow_text) {sb_str(&w->blk), w->blk.len,
		r->max_block_id < 0 && w->prof->walinspect_nulls};
	row.names = w->names;
	row.extra = w->extra;
	row.extra_arg = w->extra_arg;
	w->extra = NULL;
	if (!w->json)
	{
		if (w->names != NULL && w->text_names)
			name_blocks(w, r, &row.blk);
		text_line(w->e, &row);
		if (row.extra != NULL)
		{
			emit_begin(w->e);
			row.extra(row.extra_arg, w->e);
			emit_end(w->e);
		}
		return;
	}
	if (w->seg_name[0] == '\0' || w->seg_no != raw->lsn / w->seg_size || w->seg_tli != raw->tli)
	{
		w->seg_no = raw->lsn / w->seg_size;
		w->seg_tli = raw->tli;
		wal_segment_name(w->seg_name, raw->tli, w->seg_no, w->seg_size);
	}
	row.segment = w->seg_name;
	row.tli = raw->tli;
	/* the hand-laid line has no diagnostics: emit writes the rare record that has */
	if (ds->n == 0 && row_is_plain(&row))
		json_fast(w->e, &row);
	else
		json_emit(w->e, &row, ds);
}

void
walrender_damage(struct walrender *w, const struct diag *d, uint64_t lsn, uint64_t to,
				 uint32_t tli)
{
	static struct diags one;	/* large: not on the stack */
	struct emit *e = w->e;
	struct walrow row;
	char		seg[32];

	wal_segment_name(seg, tli, lsn / w->seg_size, w->seg_size);
	row.segment = seg;
	row.tli = tli;
	emit_begin(e);
	emit_str(e, "damage", diag_name(d->code), 0);
	emit_lsn(e, "lsn", lsn, 0);
	WALPLACE_FIELDS(EMIT_FIELD, &row)
	if (d->code == D_WAL_SKIPPED)
	{
		emit_lsn(e, WALDAMAGE_SKIPPED_FROM, lsn, 0);
		emit_lsn(e, WALDAMAGE_SKIPPED_TO, d->has_lsn_to ? d->lsn_to : to, 0);
	}
	one.n = 1;
	one.d[0] = *d;
	if (!one.d[0].has_lsn)
	{
		one.d[0].lsn = lsn;
		one.d[0].has_lsn = 1;
	}
	cli_emit_diags(e, &one);
	emit_end(e);
}
