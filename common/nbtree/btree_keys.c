/*
 * Index tuple keys cut into attributes and compared as nbtree's
 * _bt_compare does (access/nbtree/nbtsearch.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nbtree/btree_keys.h"
#include "types/datum_cmp.h"
#include "heap/toast.h"

void
bt_key_from_item(const struct bt_keydesc *kd, const struct bt_item *it,
				 bool minus_inf, uint32_t blkno, struct bt_key *k)
{
	memset(k, 0, sizeof(*k));
	k->tuple = it->tuple;
	k->end = (uint32_t) (it->key - it->tuple) + (uint32_t) it->key_len;
	k->nulls = it->nulls;
	k->blkno = blkno;
	k->off = it->itemoffset;
	/* BTreeTupleGetNAtts(): a pivot says how many it kept */
	if (minus_inf)
		k->natts = 0;
	else if (it->is_pivot && (it->t_info & INDEX_ALT_TID_MASK))
		k->natts = it->natts < kd->td->natts ? it->natts : kd->td->natts;
	else
		k->natts = kd->td->natts;
	if (!minus_inf && kd->heapkeyspace && it->has_htid)
	{
		k->has_htid = true;
		k->htid = it->htid;
		k->maxhtid = it->htid;
		if (it->is_posting && it->nposting > 0)
			bt_item_tid(it, it->nposting - 1u, &k->maxhtid);
	}
}

bool
bt_key_copy(struct bt_key *dst, const struct bt_key *src)
{
	uint8_t    *p = malloc(src->end > 0 ? src->end : 1);

	if (p == NULL)
		return false;
	memcpy(p, src->tuple, src->end);
	*dst = *src;
	dst->tuple = p;
	return true;
}

void
bt_key_free(struct bt_key *k)
{
	free((void *) (uintptr_t) k->tuple);
	k->tuple = NULL;
}

int
bt_key_deform(const struct bt_keydesc *kd, const struct bt_key *k,
			  struct attr_value *vals, struct diags *ds)
{
	uint32_t	dataoff = k->nulls ? INDEX_TUPLE_HEADER_NULLS : INDEX_TUPLE_HEADER;
	const uint8_t *bits = k->nulls ? k->tuple + INDEX_TUPLE_HEADER : NULL;
	uint32_t	len = k->end > dataoff ? k->end - dataoff : 0;

	/* the null bitmap has INDEX_MAX_KEYS bits, whatever the caller asks for */
	if (k->nulls && (k->natts > INDEX_MAX_KEYS || k->end < dataoff))
	{
		diag_add_block(ds, D_BT_BAD_TUPLE, k->blkno,
					   "item %u: null bitmap of %d attributes in a %u-byte tuple",
					   (unsigned) k->off, k->natts, (unsigned) k->end);
		return -1;
	}
	return heap_deform_data(kd->td, k->tuple + dataoff, len, (unsigned) k->natts,
							bits, vals, ds);
}

/* the value's plain bytes: *buf set when they had to be decompressed */
static int
plain(const struct tupcol *c, const struct attr_value *v, const uint8_t **p,
	  size_t *len, uint8_t **buf, char *err, size_t errlen)
{
	struct varlena vl;
	struct diags ds;

	*buf = NULL;
	if (c->attlen != -1)
	{
		*p = v->ptr;
		*len = c->attlen == -2 && v->len > 0 ? v->len - 1 : v->len;
		return 0;
	}
	diags_reset(&ds);
	if (varlena_parse(v->ptr, v->len, &vl, &ds) != 0)
	{
		snprintf(err, errlen, "column %s: unreadable varlena", c->name);
		return -1;
	}
	if (vl.form == VF_SHORT || vl.form == VF_PLAIN)
	{
		*p = vl.data;
		*len = vl.data_len;
		return 0;
	}
	if (vl.form != VF_COMPRESSED || varlena_detoast(&vl, NULL, buf, len, &ds) != 0)
	{
		snprintf(err, errlen, "column %s: a varlena that cannot be read in an index", c->name);
		return -1;
	}
	*p = *buf;
	return 0;
}

static int
cmp_attr(const struct tupcol *c, int16_t option, const struct attr_value *x,
		 const struct attr_value *y, int *res, char *err, size_t errlen)
{
	bool		xn = x->kind != AV_VALUE,
				yn = y->kind != AV_VALUE;
	const uint8_t *px,
			   *py;
	size_t		lx,
				ly;
	uint8_t    *bx,
			   *by;
	int			r;

	if (x->kind == AV_BAD || y->kind == AV_BAD)
	{
		snprintf(err, errlen, "column %s: unreadable value", c->name);
		return -1;
	}
	/* NULLS LAST: a null sorts after every value; NULLS FIRST before */
	if (xn || yn)
	{
		*res = xn && yn ? 0 : xn ? 1 : -1;
		if (option & INDOPTION_NULLS_FIRST)
			*res = -*res;
		return 0;
	}
	if (plain(c, x, &px, &lx, &bx, err, errlen) != 0)
		return -1;
	if (plain(c, y, &py, &ly, &by, err, errlen) != 0)
	{
		free(bx);
		return -1;
	}
	r = datum_cmp(c, px, lx, py, ly, res, err, errlen);
	/* DESC turns the values' order round, never the nulls' (_bt_compare) */
	if (r == 0 && (option & INDOPTION_DESC))
		*res = -*res;
	free(bx);
	free(by);
	return r;
}

int
bt_key_cmp(const struct bt_keydesc *kd, const struct bt_key *a, bool a_max,
		   const struct bt_key *b, int *res, char *err, size_t errlen)
{
	const struct tupdesc *td = kd->td;
	struct attr_value *va,
			   *vb;
	struct diags ds;
	int			rc = 0,
				i;

	*res = 0;
	va = calloc((size_t) td->natts * 2, sizeof(*va));
	if (va == NULL)
	{
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	vb = va + td->natts;
	diags_reset(&ds);
	if (bt_key_deform(kd, a, va, &ds) != 0 || bt_key_deform(kd, b, vb, &ds) != 0)
	{
		snprintf(err, errlen, "attributes do not fit the tuple");
		free(va);
		return -1;
	}
	for (i = 0; i < kd->nkeyatts && i < td->natts; i++)
	{
		bool		at = !bt_key_present(a, i),
					bt = !bt_key_present(b, i);

		/* a truncated attribute is minus infinity: and so is all after it */
		if (at || bt)
		{
			*res = at && bt ? 0 : at ? -1 : 1;
			free(va);
			return 0;
		}
		rc = cmp_attr(&td->cols[i], kd->indoption ? kd->indoption[i] : 0,
					  &va[i], &vb[i], res, err, errlen);
		if (rc != 0 || *res != 0)
		{
			free(va);
			return rc;
		}
	}
	free(va);
	if (kd->heapkeyspace)
	{
		const struct bt_tid *ta = a_max ? &a->maxhtid : &a->htid;

		/* no heap TID (a pivot that dropped it): minus infinity */
		if (!a->has_htid || !b->has_htid)
			*res = a->has_htid == b->has_htid ? 0 : a->has_htid ? 1 : -1;
		else
			*res = bt_tid_cmp(ta, &b->htid);
	}
	return 0;
}

int
bt_keydesc_from_spec(const char *arg, struct tupdesc **tdp, int *nkeyatts,
					 char *err, size_t errlen)
{
	char	   *spec = strdup(arg),
			   *semi;
	struct diags ds;
	struct tupdesc *td;

	*tdp = NULL;
	if (spec == NULL)
		return -2;
	semi = strchr(spec, ';');
	if (semi)
		*semi = '\0';
	diags_reset(&ds);
	td = tupdesc_from_spec(spec, &ds);
	if (td == NULL)
	{
		snprintf(err, errlen, "\"%s\": %s", spec,
				 ds.n > 0 ? ds.d[0].detail : "unreadable");
		free(spec);
		return -1;
	}
	*nkeyatts = td->natts;
	if (semi)
	{
		struct tupdesc *all;

		*semi = ',';
		all = tupdesc_from_spec(spec, &ds);
		tupdesc_free(td);
		td = all;
		if (all == NULL || strchr(semi + 1, ';'))
		{
			snprintf(err, errlen, "\"%s\": after the ';' one list of INCLUDE columns", arg);
			goto bad;
		}
	}
	free(spec);
	spec = NULL;
	if (td->natts > INDEX_MAX_KEYS)
	{
		snprintf(err, errlen, "\"%s\": an index has at most %d columns", arg, INDEX_MAX_KEYS);
		goto bad;
	}
	for (int i = 0; i < td->natts; i++)
	{
		struct tupcol *c = &td->cols[i];

		if (c->dropped)
		{
			snprintf(err, errlen, "\"%s\": an index has no dropped columns", arg);
			goto bad;
		}
		/* name_ops' storage type (opckeytype) is cstring: no 64-byte padding */
		if (c->type && c->type->id == PGT_NAME && !c->is_array)
		{
			c->attlen = -2;
			c->attalign = 'c';
			c->attbyval = false;
		}
	}
	*tdp = td;
	return 0;
bad:
	free(spec);
	tupdesc_free(td);
	return -1;
}
