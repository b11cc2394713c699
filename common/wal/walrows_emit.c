/*
 * walrows_emit: heap records' rows with their values by column name
 * (heap_deform and the types' output functions of common/types).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap/heappage.h"
#include "heap/varlena.h"
#include "wal/walimage.h"
#include "types/datum.h"
#include "types/datum_emit.h"
#include "wal/walrows_emit.h"

struct walrows_emitter {
	struct walnames *names;
	struct type_opts opts;
	struct strbuf sb,
				quote;
	struct attr_value *vals;
	int			nvals;
	uint8_t		page[WAL_BLCKSZ];	/* an image restored */
};

struct walrows_emitter *
walrows_emitter_create(struct walnames *names, const struct pg_profile *prof)
{
	struct walrows_emitter *re = calloc(1, sizeof(*re));

	if (re == NULL)
		return NULL;
	re->names = names;
	type_opts_for(prof, &re->opts);
	re->sb = (struct strbuf) STRBUF_INIT;
	re->quote = (struct strbuf) STRBUF_INIT;
	return re;
}

void
walrows_emitter_free(struct walrows_emitter *re)
{
	if (re == NULL)
		return;
	sb_free(&re->sb);
	sb_free(&re->quote);
	free(re->vals);
	free(re);
}

static void
emit_ctid(struct emit *e, const char *key, uint32_t blkno, uint16_t off)
{
	char		b[40];

	snprintf(b, sizeof(b), "(%u,%u)", (unsigned) blkno, (unsigned) off);
	emit_str(e, key, b, 0);
}

/* A TOAST pointer: its fields, for a value the WAL does not hold. */
static bool
toast_pointer(struct emit *e, const struct tupcol *col, const struct attr_value *v)
{
	struct varlena vl;
	struct diags ds;

	diags_reset(&ds);
	if (col->attlen != -1 || v->kind != AV_VALUE || varlena_parse(v->ptr, v->len, &vl, &ds) != 0 ||
		vl.form != VF_EXTERNAL)
		return false;
	emit_obj_begin(e, col->name, 0);
	emit_obj_begin(e, "toast_pointer", 0);
	emit_int(e, "va_rawsize", vl.ptr.rawsize, 0);
	emit_uint(e, "va_extsize", vl.ptr.extsize, 0);
	emit_uint(e, "va_valueid", vl.ptr.valueid, 0);
	emit_uint(e, "va_toastrelid", vl.ptr.toastrelid, 0);
	emit_obj_end(e);
	emit_obj_end(e);
	return true;
}

/* {column: value} of the tuple, or null and why. */
static void
values(struct walrows_emitter *re, struct emit *e, const char *key, const char *whykey,
	   const struct walrow_tuple *t, const struct tupdesc *td, struct toast_store *ts)
{
	struct heap_tuple ht;
	struct diags ds;
	const char *why = t->why;

	if (why == NULL && td == NULL)
		why = "no columns: the relation is not in the data directory's catalog";
	if (why == NULL && heaptuple_decode(t->tup, (uint16_t) t->len, &ht) != HT_OK)
		why = "the tuple's header does not hold together";
	if (why == NULL && re->nvals < td->natts)
	{
		struct attr_value *p = realloc(re->vals, (size_t) td->natts * sizeof(*p));

		if (p == NULL)
			why = "out of memory";
		else
		{
			re->vals = p;
			re->nvals = td->natts;
		}
	}
	diags_reset(&ds);
	if (why == NULL && heap_deform(td, &ht, re->vals, &ds) != 0)
		why = ds.n > 0 ? ds.d[0].detail : "the tuple does not match the catalog's columns";
	if (why != NULL)
	{
		emit_null(e, key, 0);
		emit_str(e, whykey, why, 0);
		return;
	}
	emit_obj_begin(e, key, 0);
	for (int i = 0; i < td->natts; i++)
	{
		const struct tupcol *col = &td->cols[i];
		enum datum_result r;

		if (col->dropped)
			continue;
		sb_reset(&re->sb);
		diags_reset(&ds);
		r = datum_to_text(col, &re->vals[i], ts, &re->opts, &re->sb, &ds);
		if (r == DATUM_BAD && toast_pointer(e, col, &re->vals[i]))
			continue;
		datum_emit_field(e, col->name, r, &re->sb, &re->quote);
	}
	emit_obj_end(e);
}

static void
source(struct emit *e, const char *key, const struct walrow_tuple *t)
{
	if (t->source != WRS_NONE)
		emit_str(e, key, walrow_source_name(t->source), 0);
}

void
walrows_emit(struct walrows_emitter *re, struct emit *e, const struct walrec *r,
			 const struct walrows *rows)
{
	const struct tupdesc *td = NULL;
	struct toast_store *ts = NULL;
	const struct walrow_tuple *old = NULL;

	if (rows->n == 0)
		return;
	if (re->names != NULL && walrec_has_block(r, 0))
	{
		struct walname nm;
		const struct walblock *b = &r->blocks[0];

		walnames_lookup(re->names, b->spcoid, b->dboid, b->relnumber, &nm);
		walnames_columns(re->names, &nm, &td, &ts);
	}
	for (int i = 0; i < rows->n; i++)
		if (rows->t[i].old)
			old = &rows->t[i];
	emit_arr_begin(e, "rows", 0);
	for (int i = 0; i < rows->n; i++)
	{
		const struct walrow_tuple *t = &rows->t[i];

		if (t->old && rows->op != WHO_DELETE)
			continue;			/* with its new tuple */
		emit_obj_begin(e, NULL, 0);
		emit_ctid(e, "ctid", t->blkno, t->offnum);
		if (!t->old)
		{
			values(re, e, "new", "new_why", t, td, ts);
			source(e, "new_source", t);
		}
		if (old != NULL && (t->old || rows->op == WHO_UPDATE || rows->op == WHO_HOT_UPDATE))
		{
			if (!t->old)
				emit_ctid(e, "old_ctid", old->blkno, old->offnum);
			values(re, e, "old", "old_why", old, td, ts);
			source(e, "old_source", old);
			if (old->key_only)
				emit_bool(e, "old_key_only", true, 0);
		}
		emit_obj_end(e);
	}
	emit_arr_end(e);
}

bool
walrows_has_heap_image(const struct walrec *r)
{
	for (int id = 0; id <= r->max_block_id; id++)
		if (r->blocks[id].in_use && r->blocks[id].has_image && r->blocks[id].fork == 0)
			return true;
	return false;
}

void
walrows_emit_images(struct walrows_emitter *re, struct emit *e, const struct walrec *r)
{
	bool		open = false;

	for (int id = 0; id <= r->max_block_id; id++)
	{
		const struct walblock *b = &r->blocks[id];
		const struct tupdesc *td = NULL;
		struct toast_store *ts = NULL;
		struct page_header h;
		struct walname nm;
		struct diags ds;
		unsigned	n;

		if (!b->in_use || !b->has_image || b->fork != 0)
			continue;
		diags_reset(&ds);
		if (wal_restore_image(b, re->page, &ds) != 0)
			continue;
		page_header_decode(re->page, &h);
		/* a heap page: no special space */
		if (page_is_new(&h) || h.special != WAL_BLCKSZ || h.lower < 24 || h.lower > h.upper)
			continue;
		if (re->names != NULL)
		{
			walnames_lookup(re->names, b->spcoid, b->dboid, b->relnumber, &nm);
			walnames_columns(re->names, &nm, &td, &ts);
		}
		if (!open)
		{
			emit_arr_begin(e, "image_rows", 0);
			open = true;
		}
		n = page_item_count(&h);
		for (unsigned i = 1; i <= n; i++)
		{
			struct heap_item it;
			struct walrow_tuple t;

			heappage_item(re->page, i, &it);
			if (it.id.flags != LP_NORMAL || !it.has_tuple || it.t.status != HT_OK)
				continue;
			memset(&t, 0, sizeof(t));
			t.blkno = b->blkno;
			t.offnum = (uint16_t) i;
			t.tup = it.t.raw;
			t.len = it.t.len;
			t.source = WRS_IMAGE;
			emit_obj_begin(e, NULL, 0);
			emit_uint(e, "block_id", (unsigned) id, EF_NOTEXT);
			emit_ctid(e, "ctid", b->blkno, (uint16_t) i);
			emit_uint(e, "t_xmin", it.t.xmin, 0);
			emit_uint(e, "t_xmax", it.t.xmax, 0);
			values(re, e, "values", "why", &t, td, ts);
			emit_obj_end(e);
		}
	}
	if (open)
		emit_arr_end(e);
}
