/*
 * datum_cmp: each type's order at its edges (NaN and -0 for floats,
 * infinities for dates, timestamps and numerics, signs and weights of
 * numerics, C-collation text, bpchar trailing blanks, unsigned oid) and
 * btree_keys: truncated attributes, NULLS LAST, the heap TID tiebreak.
 */
#include <math.h>
#include <stdlib.h>

#include "unit.h"

#include "nbtree/btree_keys.h"
#include "types/datum_cmp.h"
#include "heap/tupdesc.h"

static struct tupcol *
col(const char *type)
{
	static struct tupdesc *td;
	struct diags ds;

	diags_reset(&ds);
	tupdesc_free(td);
	td = tupdesc_from_spec(type, &ds);
	assert_non_null(td);
	return &td->cols[0];
}

static void
le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t) (v >> (8 * i));
}

static void
le64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t) (v >> (8 * i));
}

static int
cmp(const struct tupcol *c, const void *a, size_t al, const void *b, size_t bl)
{
	int			r = 99;
	char		err[100];

	assert_int_equal(datum_cmp(c, a, al, b, bl, &r, err, sizeof(err)), 0);
	return r;
}

static int
cmp_i32(const char *type, int32_t x, int32_t y)
{
	uint8_t		a[4],
				b[4];

	le32(a, (uint32_t) x);
	le32(b, (uint32_t) y);
	return cmp(col(type), a, 4, b, 4);
}

static int
cmp_i64(const char *type, int64_t x, int64_t y)
{
	uint8_t		a[8],
				b[8];

	le64(a, (uint64_t) x);
	le64(b, (uint64_t) y);
	return cmp(col(type), a, 8, b, 8);
}

static int
cmp_f8(double x, double y)
{
	uint8_t		a[8],
				b[8];
	uint64_t	u;

	memcpy(&u, &x, 8);
	le64(a, u);
	memcpy(&u, &y, 8);
	le64(b, u);
	return cmp(col("float8"), a, 8, b, 8);
}

static int
cmp_f4(float x, float y)
{
	uint8_t		a[4],
				b[4];
	uint32_t	u;

	memcpy(&u, &x, 4);
	le32(a, u);
	memcpy(&u, &y, 4);
	le32(b, u);
	return cmp(col("float4"), a, 4, b, 4);
}

static void
test_ints(void **state)
{
	(void) state;
	assert_int_equal(cmp_i32("int4", INT32_MIN, INT32_MAX), -1);
	assert_int_equal(cmp_i32("int4", -1, 0), -1);
	assert_int_equal(cmp_i32("int4", 7, 7), 0);
	/* oid is unsigned: 0xFFFFFFFF is the largest */
	assert_int_equal(cmp_i32("oid", -1, 1), 1);
	assert_int_equal(cmp_i64("int8", INT64_MIN, INT64_MAX), -1);
	assert_int_equal(cmp_i64("int8", -5, -6), 1);
	{
		uint8_t		a[2] = {0xff, 0xff},
					b[2] = {1, 0};

		assert_int_equal(cmp(col("int2"), a, 2, b, 2), -1);
	}
	{
		uint8_t		f = 0,
					t = 1;

		assert_int_equal(cmp(col("bool"), &f, 1, &t, 1), -1);
	}
}

static void
test_floats(void **state)
{
	(void) state;
	assert_int_equal(cmp_f8(NAN, NAN), 0);
	assert_int_equal(cmp_f8(NAN, INFINITY), 1);
	assert_int_equal(cmp_f8(-INFINITY, NAN), -1);
	assert_int_equal(cmp_f8(-0.0, 0.0), 0);
	assert_int_equal(cmp_f8(-1e308, -INFINITY), 1);
	assert_int_equal(cmp_f8(1.0, 2.0), -1);
	assert_int_equal(cmp_f4(NAN, 3.0f), 1);
	assert_int_equal(cmp_f4(-0.0f, 0.0f), 0);
	assert_int_equal(cmp_f4(1.5f, 1.25f), 1);
}

static void
test_datetime(void **state)
{
	(void) state;
	/* date -infinity / +infinity are INT32_MIN / INT32_MAX */
	assert_int_equal(cmp_i32("date", INT32_MIN, -100000), -1);
	assert_int_equal(cmp_i32("date", INT32_MAX, 100000), 1);
	assert_int_equal(cmp_i64("timestamp", INT64_MIN, 0), -1);
	assert_int_equal(cmp_i64("timestamptz", INT64_MAX, INT64_MAX), 0);
	assert_int_equal(cmp_i64("timestamp", -1, 0), -1);
}

static void
test_text(void **state)
{
	(void) state;
	/* C collation: bytes, then length; bytes >= 0x80 above ASCII */
	assert_int_equal(cmp(col("text"), "abc", 3, "abd", 3), -1);
	assert_int_equal(cmp(col("text"), "ab", 2, "abc", 3), -1);
	assert_int_equal(cmp(col("text"), "", 0, "", 0), 0);
	assert_int_equal(cmp(col("varchar"), "B", 1, "a", 1), -1);
	assert_int_equal(cmp(col("text"), "\xc3\xa9", 2, "z", 1), 1);
	/* bpchar: trailing blanks do not count, other blanks do */
	assert_int_equal(cmp(col("bpchar"), "ab  ", 4, "ab", 2), 0);
	assert_int_equal(cmp(col("bpchar"), "a b", 3, "ab", 2), -1);
	assert_int_equal(cmp(col("bpchar"), "   ", 3, "", 0), 0);
	{
		uint8_t		a[16] = {0},
					b[16] = {0};

		b[15] = 1;
		assert_int_equal(cmp(col("uuid"), a, 16, b, 16), -1);
		a[0] = 0x80;
		assert_int_equal(cmp(col("uuid"), a, 16, b, 16), 1);
	}
	{
		char		a[64] = "pg_class",
					b[64] = "pg_class_oid";

		assert_int_equal(cmp(col("name"), a, 64, b, 64), -1);
		/* an index stores a name as its string (cstring): any length to 64 */
		assert_int_equal(cmp(col("name"), "pg_class", 8, a, 64), 0);
		assert_int_equal(cmp(col("name"), "pg_clasz", 8, b, 12), 1);
	}
}

/* a NumericLong: header sign|dscale, weight, digits */
static size_t
numeric_long(uint8_t *p, bool neg, int16_t weight, const int16_t *d, int n)
{
	uint16_t	hdr = neg ? 0x4000 : 0;

	p[0] = (uint8_t) hdr;
	p[1] = (uint8_t) (hdr >> 8);
	p[2] = (uint8_t) weight;
	p[3] = (uint8_t) ((uint16_t) weight >> 8);
	for (int i = 0; i < n; i++)
	{
		p[4 + 2 * i] = (uint8_t) d[i];
		p[5 + 2 * i] = (uint8_t) ((uint16_t) d[i] >> 8);
	}
	return 4 + 2 * (size_t) n;
}

/* a NumericShort with weight w (-64..63) */
static size_t
numeric_short(uint8_t *p, bool neg, int w, const int16_t *d, int n)
{
	uint16_t	hdr = 0x8000 | (neg ? 0x2000 : 0) | (w < 0 ? 0x0040 : 0) | ((unsigned) w & 0x3F);

	p[0] = (uint8_t) hdr;
	p[1] = (uint8_t) (hdr >> 8);
	for (int i = 0; i < n; i++)
	{
		p[2 + 2 * i] = (uint8_t) d[i];
		p[3 + 2 * i] = (uint8_t) ((uint16_t) d[i] >> 8);
	}
	return 2 + 2 * (size_t) n;
}

static int
ncmp(const uint8_t *a, size_t al, const uint8_t *b, size_t bl)
{
	return cmp(col("numeric"), a, al, b, bl);
}

static void
test_numeric(void **state)
{
	uint8_t		a[32],
				b[32];
	uint8_t		nan[2] = {0x00, 0xC0},
				pinf[2] = {0x00, 0xD0},
				ninf[2] = {0x00, 0xF0};
	int16_t		one[] = {1},
				two[] = {2},
				x[] = {1, 5000};	/* 1.5 at weight 0 */
	size_t		al,
				bl;

	(void) state;
	(void) numeric_long;
	/* 1 (weight 0) < 2 (weight 0); 1 (weight 1) = 10000 > 2 */
	al = numeric_short(a, false, 0, one, 1);
	bl = numeric_short(b, false, 0, two, 1);
	assert_int_equal(ncmp(a, al, b, bl), -1);
	al = numeric_short(a, false, 1, one, 1);
	assert_int_equal(ncmp(a, al, b, bl), 1);
	/* -10000 < -2 */
	al = numeric_short(a, true, 1, one, 1);
	bl = numeric_short(b, true, 0, two, 1);
	assert_int_equal(ncmp(a, al, b, bl), -1);
	/* 1.5 > 1; short and long forms of 1 are equal */
	al = numeric_short(a, false, 0, x, 2);
	bl = numeric_long(b, false, 0, one, 1);
	assert_int_equal(ncmp(a, al, b, bl), 1);
	al = numeric_short(a, false, 0, one, 1);
	assert_int_equal(ncmp(a, al, b, bl), 0);
	/* 0.0001 (weight -1) < 1; zero (no digits) equals negative zero */
	al = numeric_short(a, false, -1, one, 1);
	assert_int_equal(ncmp(a, al, b, bl), -1);
	al = numeric_short(a, false, 0, NULL, 0);
	bl = numeric_short(b, true, 0, NULL, 0);
	assert_int_equal(ncmp(a, al, b, bl), 0);
	/* zero < 0.0001; -0.0001 < zero */
	bl = numeric_short(b, false, -1, one, 1);
	assert_int_equal(ncmp(a, al, b, bl), -1);
	bl = numeric_short(b, true, -1, one, 1);
	assert_int_equal(ncmp(a, al, b, bl), 1);
	/* specials: -Inf < finite < +Inf < NaN, NaN = NaN */
	assert_int_equal(ncmp(nan, 2, pinf, 2), 1);
	assert_int_equal(ncmp(nan, 2, nan, 2), 0);
	assert_int_equal(ncmp(pinf, 2, a, al), 1);
	assert_int_equal(ncmp(ninf, 2, a, al), -1);
	assert_int_equal(ncmp(ninf, 2, pinf, 2), -1);
	/* bad bytes are an error, not an order */
	{
		int			r;
		char		err[100];

		assert_int_equal(datum_cmp(col("numeric"), a, 3, b, bl, &r, err, sizeof(err)), -1);
		assert_int_equal(datum_cmp(col("int4"), a, 3, b, 4, &r, err, sizeof(err)), -1);
		assert_int_equal(datum_cmp(col("box"), a, 32, b, 32, &r, err, sizeof(err)), -1);
	}
}

/* an index tuple: int4 key, then the t_info / null bitmap of the caller */
static void
test_keys(void **state)
{
	struct diags ds;
	struct tupdesc *td;
	struct bt_keydesc kd;
	struct bt_key a,
				b;
	uint8_t		ta[16] = {0},
				tb[16] = {0},
				tn[24] = {0};
	int			r;
	char		err[100];

	(void) state;
	diags_reset(&ds);
	td = tupdesc_from_spec("int4", &ds);
	assert_non_null(td);
	kd.td = td;
	kd.nkeyatts = 1;
	kd.heapkeyspace = true;
	kd.indoption = NULL;
	le32(ta + 8, 5);
	le32(tb + 8, 5);
	memset(&a, 0, sizeof(a));
	a.tuple = ta;
	a.end = 12;
	a.natts = 1;
	a.has_htid = true;
	a.htid.block = 1;
	a.htid.offset = 2;
	a.maxhtid = a.htid;
	b = a;
	b.tuple = tb;
	/* equal keys: the heap TID decides */
	assert_int_equal(bt_key_cmp(&kd, &a, false, &b, &r, err, sizeof(err)), 0);
	assert_int_equal(r, 0);
	b.htid.offset = 3;
	assert_int_equal(bt_key_cmp(&kd, &a, false, &b, &r, err, sizeof(err)), 0);
	assert_int_equal(r, -1);
	/* the highest TID of a posting list */
	a.maxhtid.offset = 9;
	assert_int_equal(bt_key_cmp(&kd, &a, true, &b, &r, err, sizeof(err)), 0);
	assert_int_equal(r, 1);
	/* no heap TID (a pivot that dropped it) is minus infinity */
	a.has_htid = false;
	assert_int_equal(bt_key_cmp(&kd, &a, true, &b, &r, err, sizeof(err)), 0);
	assert_int_equal(r, -1);
	/* not heapkeyspace: equal */
	kd.heapkeyspace = false;
	assert_int_equal(bt_key_cmp(&kd, &a, true, &b, &r, err, sizeof(err)), 0);
	assert_int_equal(r, 0);
	/* a truncated attribute is minus infinity, below any value */
	a.natts = 0;
	le32(tb + 8, (uint32_t) INT32_MIN);
	assert_int_equal(bt_key_cmp(&kd, &a, true, &b, &r, err, sizeof(err)), 0);
	assert_int_equal(r, -1);
	assert_int_equal(bt_key_cmp(&kd, &b, true, &a, &r, err, sizeof(err)), 0);
	assert_int_equal(r, 1);
	/* NULLS LAST: a null key (bitmap bit clear, data at 16) above any value */
	tn[6] = 0x00;
	tn[7] = 0x80;				/* INDEX_NULL_MASK */
	tn[8] = 0x00;				/* attribute 1 null */
	a.tuple = tn;
	a.end = 16;
	a.nulls = true;
	a.natts = 1;
	le32(tb + 8, (uint32_t) INT32_MAX);
	assert_int_equal(bt_key_cmp(&kd, &a, true, &b, &r, err, sizeof(err)), 0);
	assert_int_equal(r, 1);
	/* indoption NULLS FIRST: the null below; DESC alone leaves it above */
	{
		int16_t		opt = INDOPTION_NULLS_FIRST;
		struct bt_key c = b;

		kd.indoption = &opt;
		assert_int_equal(bt_key_cmp(&kd, &a, true, &b, &r, err, sizeof(err)), 0);
		assert_int_equal(r, -1);
		opt = INDOPTION_DESC;
		assert_int_equal(bt_key_cmp(&kd, &a, true, &b, &r, err, sizeof(err)), 0);
		assert_int_equal(r, 1);
		/* DESC: 5 sorts after INT32_MAX */
		c.tuple = ta;
		assert_int_equal(bt_key_cmp(&kd, &c, true, &b, &r, err, sizeof(err)), 0);
		assert_int_equal(r, 1);
		opt = 0;
		assert_int_equal(bt_key_cmp(&kd, &c, true, &b, &r, err, sizeof(err)), 0);
		assert_int_equal(r, -1);
		kd.indoption = NULL;
	}
	tupdesc_free(td);
}

/* the null bitmap has 32 bits: more attributes, or a tuple too short for it, is refused */
static void
test_key_bitmap_bounds(void **state)
{
	struct diags ds;
	struct tupdesc *td;
	struct bt_keydesc kd;
	struct bt_key k;
	struct attr_value vals[40];
	char		spec[40 * 5 + 1] = "";
	uint8_t    *t = malloc(16);

	(void) state;
	assert_non_null(t);
	for (int i = 0; i < 40; i++)
		strcat(spec, i ? ",int4" : "int4");
	diags_reset(&ds);
	td = tupdesc_from_spec(spec, &ds);
	assert_non_null(td);
	kd.td = td;
	kd.nkeyatts = 40;
	kd.heapkeyspace = true;
	kd.indoption = NULL;
	memset(t, 0, 16);
	t[6] = 16;
	t[7] = 0x80;				/* INDEX_NULL_MASK, size 16 */
	memset(&k, 0, sizeof(k));
	k.tuple = t;
	k.end = 16;
	k.nulls = true;
	k.natts = 40;
	assert_int_equal(bt_key_deform(&kd, &k, vals, &ds), -1);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BT_BAD_TUPLE);
	/* 32 attributes, all null: read from the 4-byte bitmap only */
	diags_reset(&ds);
	k.natts = 32;
	assert_int_equal(bt_key_deform(&kd, &k, vals, &ds), 0);
	assert_int_equal(vals[0].kind, AV_NULL);
	assert_int_equal(vals[31].kind, AV_NULL);
	/* a tuple ending inside its bitmap */
	diags_reset(&ds);
	k.end = 10;
	assert_int_equal(bt_key_deform(&kd, &k, vals, &ds), -1);
	assert_int_equal(ds.d[0].code, D_BT_BAD_TUPLE);
	free(t);
	tupdesc_free(td);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ints),
		cmocka_unit_test(test_floats),
		cmocka_unit_test(test_datetime),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_numeric),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_key_bitmap_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
