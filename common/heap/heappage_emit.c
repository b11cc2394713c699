/*
 * A heap page's items as pageinspect's heap_page_items() and
 * heap_tuple_infomask_flags() show them (contrib/pageinspect/heapfuncs.c),
 * and a sequence page's tuple (commands/sequence.c), rendered through emit.
 */
#include <stdio.h>
#include <string.h>

#include "heap/heappage.h"
#include "heap/heappage_emit.h"
#include "heap/heaptuple.h"
#include "heap/sequence.h"

/* A JSON array of flag names, or null when there is no tuple to name. */
static void
emit_flag_array(struct emit *e, const char *key, const char *names[], int n,
				unsigned flags)
{
	int			i;

	emit_arr_begin(e, key, flags);
	for (i = 0; i < n; i++)
		emit_str(e, NULL, names[i], 0);
	emit_arr_end(e);
}

/*
 * Text: the infomask flags' names without "HEAP_", joined by '|', the
 * combined ones first, as pg_filedump does.
 */
static void
text_flags(const struct heap_tuple *t, bool hasoid_old, char *buf, size_t size)
{
	const char *names[HEAPTUPLE_MAX_RAW_FLAGS];
	size_t		len = 0;
	int			n,
				i;

	buf[0] = '\0';
	n = heaptuple_raw_flags(t->infomask, t->infomask2, names, HEAPTUPLE_MAX_RAW_FLAGS);
	for (i = 0; i < n && len + 1 < size; i++)
		len += (size_t) snprintf(buf + len, size - len, "%s%s", i ? "|" : "",
								 (!hasoid_old && strcmp(names[i], "HEAP_HASOID_OLD") == 0) ?
								 "HASOID" : names[i] + 5);
	if (len >= size)
		buf[size - 1] = '\0';
}

/* -T: the tuple's values, decoded with the column list, as "values". */
static void
emit_values(struct emit *e, const struct heap_item *it,
			const struct heappage_emit_opts *o, uint32_t blkno, struct diags *ds)
{
	struct type_opts topts;

	if (o->types == NULL || it->id.flags != LP_NORMAL || !it->has_tuple ||
		it->t.status < HT_BAD_BITMAP)
		return;
	type_opts_for(o->profile, &topts);
	datum_emit_values(e, o->types, &it->t, o->toast, &topts, o->vs, blkno, it->lp, ds);
}

/*
 * One line pointer and its tuple.  JSON: as heap_page_items() shows them,
 * with heap_tuple_infomask_flags()'s names; the columns it leaves NULL when
 * the line pointer has no readable tuple are null here too.  Text: one
 * compact line in the spirit of pg_filedump's, with natts, the null bitmap
 * up to natts, the flags by name and the redirect target.  Everything about
 * one tuple is emitted here, so decoded values can join it.
 */
static void
emit_heap_item(struct emit *e, const struct heap_item *it,
			   const struct heappage_emit_opts *o, uint32_t blkno, struct diags *ds)
{
	const struct heap_tuple *t = &it->t;
	const char *names[HEAPTUPLE_MAX_RAW_FLAGS];
	char		buf[HEAPTUPLE_BITMAPLEN(HEAP_NATTS_MASK) * 8 + 1];
	int			n,
				i;

	emit_obj_begin(e, NULL, 0);
	if (emit_format_of(e) == EMIT_TEXT)
	{
		emit_uint(e, "lp", it->lp, EF_W(3));
		emit_str(e, NULL, heappage_lp_flags_name(it->id.flags), EF_BARE | EF_W(8));
		if (it->id.flags == LP_REDIRECT)
		{
			snprintf(buf, sizeof(buf), "-> %u", (unsigned) it->id.off);
			emit_str(e, NULL, buf, EF_BARE);
		}
		else
		{
			emit_uint(e, "off", it->id.off, EF_W(4));
			emit_uint(e, "len", it->id.len, EF_W(4));
		}
		if (it->has_tuple)
		{
			emit_uint(e, "xmin", t->xmin, 0);
			emit_uint(e, "xmax", t->xmax, 0);
			emit_uint(e, heaptuple_has_xvac(t) ? "xvac" : "cid", t->field3, 0);
			heaptuple_ctid_text(t, buf, sizeof(buf));
			emit_str(e, "ctid", buf, 0);
			emit_uint(e, "natts", t->natts, 0);
			emit_uint(e, "hoff", t->hoff, 0);
			if (t->bits != NULL)
			{
				heaptuple_bits_text(t, buf, sizeof(buf));
				buf[t->natts] = '\0';
				emit_str(e, "bits", buf, 0);
			}
			if (t->has_oid)
				emit_uint(e, "oid", t->oid, 0);
			/* before 12 the bit was HEAP_HASOID, and meant it */
			text_flags(t, o->profile == NULL || o->profile->heap_hasoid_old, buf, sizeof(buf));
			emit_str(e, "infomask", buf, 0);
			n = heaptuple_combined_flags(t->infomask, names, HEAPTUPLE_MAX_COMBINED_FLAGS);
			for (i = 0; i < n; i++)
				emit_str(e, NULL, names[i] + 5, EF_BARE);
			if (o->tuple_fn != NULL)
				o->tuple_fn(e, it, blkno, o->tuple_arg, ds);
		}
		emit_values(e, it, o, blkno, ds);
		emit_obj_end(e);
		return;
	}
	emit_uint(e, "lp", it->lp, 0);
	emit_uint(e, "lp_off", it->id.off, 0);
	emit_uint(e, "lp_flags", it->id.flags, 0);
	emit_uint(e, "lp_len", it->id.len, 0);
	if (!it->has_tuple)
	{
		emit_null(e, "t_xmin", 0);
		emit_null(e, "t_xmax", 0);
		emit_null(e, "t_field3", 0);
		emit_null(e, "t_ctid", 0);
		emit_null(e, "t_infomask2", 0);
		emit_null(e, "t_infomask", 0);
		emit_null(e, "t_hoff", 0);
		emit_null(e, "t_bits", 0);
		emit_null(e, "t_oid", 0);
		emit_null(e, "t_data", 0);
		emit_null(e, "raw_flags", 0);
		emit_null(e, "combined_flags", 0);
		emit_obj_end(e);
		return;
	}
	emit_uint(e, "t_xmin", t->xmin, 0);
	emit_uint(e, "t_xmax", t->xmax, 0);
	emit_uint(e, "t_field3", t->field3, 0);
	heaptuple_ctid_text(t, buf, sizeof(buf));
	emit_str(e, "t_ctid", buf, 0);
	emit_uint(e, "t_infomask2", t->infomask2, 0);
	emit_uint(e, "t_infomask", t->infomask, 0);
	emit_uint(e, "t_hoff", t->hoff, 0);
	if (t->bits != NULL)
	{
		heaptuple_bits_text(t, buf, sizeof(buf));
		emit_str(e, "t_bits", buf, 0);
	}
	else
		emit_null(e, "t_bits", 0);
	if (t->has_oid)
		emit_uint(e, "t_oid", t->oid, 0);
	else
		emit_null(e, "t_oid", 0);
	if (t->data != NULL)
		emit_bytea(e, "t_data", t->data, t->data_len, 0);
	else
		emit_null(e, "t_data", 0);
	n = heaptuple_raw_flags(t->infomask, t->infomask2, names, HEAPTUPLE_MAX_RAW_FLAGS);
	emit_flag_array(e, "raw_flags", names, n, 0);
	n = heaptuple_combined_flags(t->infomask, names, HEAPTUPLE_MAX_COMBINED_FLAGS);
	emit_flag_array(e, "combined_flags", names, n, 0);
	if (o->tuple_fn != NULL)
		o->tuple_fn(e, it, blkno, o->tuple_arg, ds);
	emit_values(e, it, o, blkno, ds);
	emit_obj_end(e);
}

void
heappage_emit_items(struct emit *e, const uint8_t *page,
					const struct page_header *h,
					const struct heappage_emit_opts *o, uint32_t blkno,
					struct diags *ds)
{
	struct heap_item it;
	unsigned	i,
				n = page_item_count(h);

	emit_arr_begin(e, "items", 0);
	for (i = o->item ? o->item : 1; i <= n; i++)
	{
		heappage_item(page, i, &it);
		emit_heap_item(e, &it, o, blkno, ds);
		if (o->item)
			break;
	}
	emit_arr_end(e);
}

void
heappage_emit_sequence(struct emit *e, const uint8_t *page,
					   const struct page_header *h, uint32_t blkno,
					   struct diags *ds)
{
	struct seq_data s;

	if (sequence_decode(page, h, blkno, &s, ds) != 0)
		return;
	if (emit_format_of(e) == EMIT_TEXT)
		emit_arr_begin(e, "sequence", 0);
	emit_obj_begin(e, emit_format_of(e) == EMIT_TEXT ? NULL : "sequence", 0);
	emit_int(e, "last_value", s.last_value, 0);
	emit_int(e, "log_cnt", s.log_cnt, 0);
	emit_bool(e, "is_called", s.is_called, 0);
	emit_obj_end(e);
	if (emit_format_of(e) == EMIT_TEXT)
		emit_arr_end(e);
}
