/* usertype: enums by label (enum_out), composites as record_out prints them, arrays of both. */
#include "unit.h"

#include "types/datum.h"
#include "types/usertype.h"

#define ENUM_OID 600
#define ADDR_OID 700

static struct usertype_set *
mkset(struct usertype **en, struct usertype **co)
{
	struct usertype_set *s = usertype_set_new();
	struct diags ds;

	assert_non_null(s);
	*en = usertype_add(s, ENUM_OID, "mood", 'e', 4, 'i');
	assert_non_null(*en);
	/* out of order, as pg_enum's OIDs are after ALTER TYPE ... ADD VALUE */
	assert_int_equal(usertype_add_label(*en, 102, "a b"), 0);
	assert_int_equal(usertype_add_label(*en, 100, "sad"), 0);
	assert_int_equal(usertype_add_label(*en, 101, "ok"), 0);
	usertype_labels_done(*en);
	*co = usertype_add(s, ADDR_OID, "addr", 'c', -1, 'd');
	assert_non_null(*co);
	diags_reset(&ds);
	(*co)->attrs = tupdesc_from_spec("street:text,~int4,zip:int4", &ds);
	assert_non_null((*co)->attrs);
	return s;
}

static char *
out(const struct usertype *u, bool is_array, const uint8_t *p, size_t len, int want_rc)
{
	static char buf[256];
	struct strbuf sb = STRBUF_INIT;
	char		err[160];
	int			rc = usertype_output(u, is_array, p, len, NULL, NULL, &sb, err, sizeof(err));

	assert_int_equal(rc, want_rc);
	snprintf(buf, sizeof(buf), "%s", rc == 0 ? sb_str(&sb) : err);
	sb_free(&sb);
	return buf;
}

static void
test_enum(void **state)
{
	struct usertype *en,
			   *co;
	struct usertype_set *s = mkset(&en, &co);
	uint8_t		v[4];

	(void) state;
	wr32(v, 101);
	assert_string_equal(out(en, false, v, 4, 0), "ok");
	wr32(v, 102);
	assert_string_equal(out(en, false, v, 4, 0), "a b");
	wr32(v, 999);
	assert_non_null(strstr(out(en, false, v, 4, -1), "999"));
	assert_non_null(strstr(out(en, false, v, 3, -1), "3 bytes"));
	usertype_set_free(s);
}

/*
 * A composite datum without its varlena header: datum_typmod, datum_typeid,
 * t_ctid, t_infomask2, t_infomask, t_hoff (from the varlena start), bits.
 */
static size_t
composite(uint8_t *b, bool street_null)
{
	memset(b, 0, 64);
	wr32(b, 0xffffffffu);
	wr32(b + 4, ADDR_OID);
	wr16(b + 14, 3);			/* natts */
	wr16(b + 16, street_null ? 0x0001 : 0);	/* HEAP_HASNULL */
	b[18] = 24;					/* t_hoff: 4 + 19 + bits, MAXALIGNed */
	if (street_null)
	{
		b[19] = 0x06;			/* street null; the dropped int4 and zip present */
		wr32(b + 20, 11);		/* dropped column */
		wr32(b + 24, 7);		/* zip */
		return 28;
	}
	/* street "a (b)", a 1-byte-header varlena: (len + 1) << 1 | 1 */
	b[20] = (uint8_t) ((5 + 1) << 1 | 1);
	memcpy(b + 21, "a (b)", 5);
	wr32(b + 28, 11);			/* dropped, aligned to 4 from the data's start */
	wr32(b + 32, 42);
	return 36;
}

static void
test_record(void **state)
{
	struct usertype *en,
			   *co;
	struct usertype_set *s = mkset(&en, &co);
	uint8_t		b[64];
	size_t		n;

	(void) state;
	n = composite(b, false);
	/* record_out quotes a field with ( ) , " \ or a space; dropped ones are gone */
	assert_string_equal(out(co, false, b, n, 0), "(\"a (b)\",42)");
	n = composite(b, true);
	assert_string_equal(out(co, false, b, n, 0), "(,7)");
	/* another type's tuple, or a t_hoff past the end: refused */
	n = composite(b, false);
	wr32(b + 4, ADDR_OID + 1);
	assert_non_null(strstr(out(co, false, b, n, -1), "composite header"));
	n = composite(b, false);
	b[18] = 200;
	assert_non_null(strstr(out(co, false, b, n, -1), "composite header"));
	assert_non_null(strstr(out(co, false, b, 10, -1), "10 bytes"));
	usertype_set_free(s);
}

static void
test_arrays(void **state)
{
	struct usertype *en,
			   *co;
	struct usertype_set *s = mkset(&en, &co);
	uint8_t		a[128] = {0};
	size_t		n;

	(void) state;
	/* mood[]: ndim 1, no nulls, elemtype, dim 3, lbound 1, data from 20 */
	wr32(a, 1);
	wr32(a + 8, ENUM_OID);
	wr32(a + 12, 3);
	wr32(a + 16, 1);
	wr32(a + 20, 100);
	wr32(a + 24, 102);
	wr32(a + 28, 101);
	assert_string_equal(out(en, true, a, 32, 0), "{sad,\"a b\",ok}");
	/* addr[] of one element: a 4-byte-header varlena, aligned 'd' */
	memset(a, 0, sizeof(a));
	wr32(a, 1);
	wr32(a + 8, ADDR_OID);
	wr32(a + 12, 1);
	wr32(a + 16, 1);
	{
		uint8_t		c[64];

		n = composite(c, false);
		/* its 4-byte header at 20 (24 from the varlena's start: aligned 'd') */
		wr32(a + 20, (uint32_t) (n + 4) << 2);
		memcpy(a + 24, c, n);
	}
	assert_string_equal(out(co, true, a, 24 + n, 0), "{\"(\\\"a (b)\\\",42)\"}");
	/* the wrong element type */
	wr32(a + 8, ENUM_OID);
	assert_non_null(strstr(out(co, true, a, 24 + n, -1), "element type"));
	usertype_set_free(s);
}

/* a column pointing at a user type prints through datum_to_text, and its tupdesc frees the set */
static void
test_tupdesc_owns(void **state)
{
	struct usertype *en,
			   *co;
	struct usertype_set *s = mkset(&en, &co);
	struct tupdesc *td = tupdesc_new(1);
	struct attr_value v;
	struct strbuf sb = STRBUF_INIT;
	struct diags ds;
	uint8_t		b[4];

	(void) state;
	assert_non_null(td);
	assert_int_equal(tupdesc_set_column(td, 0, "m", NULL, 4, 'i', true, false, NULL), 0);
	tupdesc_set_usertype(&td->cols[0], en, false);
	tupdesc_adopt(td, s);
	wr32(b, 100);
	v.kind = AV_VALUE;
	v.ptr = b;
	v.len = 4;
	v.off = 0;
	diags_reset(&ds);
	assert_int_equal(datum_to_text(&td->cols[0], &v, NULL, NULL, &sb, &ds), DATUM_OK);
	assert_string_equal(sb_str(&sb), "sad");
	wr32(b, 5);
	sb_reset(&sb);
	assert_int_equal(datum_to_text(&td->cols[0], &v, NULL, NULL, &sb, &ds), DATUM_BAD);
	assert_int_equal(ds.n, 1);
	assert_non_null(strstr(ds.d[0].detail, "column m (mood)"));
	sb_free(&sb);
	tupdesc_free(td);			/* and the set: ASan says if not */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enum),
		cmocka_unit_test(test_record),
		cmocka_unit_test(test_arrays),
		cmocka_unit_test(test_tupdesc_owns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
