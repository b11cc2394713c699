/*
 * datum: the attribute walk (alignment, the short-varlena exception, nulls,
 * rows older than ADD COLUMN, dropped columns, cstrings, hostile lengths)
 * and datum_to_text over stored values.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#include "types/datum.h"

static struct diags ds;

static const char *
text_of(const struct tupdesc *td, const struct attr_value *v, int i,
		struct strbuf *sb)
{
	enum datum_result r;

	sb_reset(sb);
	r = datum_to_text(&td->cols[i], &v[i], NULL, NULL, sb, &ds);
	if (r == DATUM_NULL)
		return "<null>";
	if (r == DATUM_BAD)
		return "<bad>";
	return sb_str(sb);
}

/* int2, then a short varlena (not aligned), then int4 aligned after it */
static void
test_short_varlena_not_aligned(void **state)
{
	uint8_t		data[32];
	struct tupdesc *td;
	struct attr_value v[3];
	struct strbuf sb = STRBUF_INIT;

	(void) state;
	memset(data, 0, sizeof(data));
	data[0] = 7;				/* int2 7 */
	data[2] = (4 << 1) | 1;		/* 1-byte header, 4 bytes: "abc" at offset 2 */
	memcpy(data + 3, "abc", 3);
	wr32(data + 8, 99);			/* int4 at offset 6 aligned to 8 */
	diags_reset(&ds);
	td = tupdesc_from_spec("int2,text,int4", &ds);
	assert_int_equal(heap_deform_data(td, data, 12, 3, NULL, v, &ds), 0);
	assert_int_equal(v[1].off, 2);
	assert_int_equal(v[1].len, 4);
	assert_int_equal(v[2].off, 8);
	assert_string_equal(text_of(td, v, 0, &sb), "7");
	assert_string_equal(text_of(td, v, 1, &sb), "abc");
	assert_string_equal(text_of(td, v, 2, &sb), "99");
	/* a zero byte at an unaligned offset is padding: 4-byte header at 4 */
	memset(data, 0, sizeof(data));
	data[0] = 7;
	wr32(data + 4, (7 << 2));	/* 4-byte header, 7 bytes: "xyz" */
	memcpy(data + 8, "xyz", 3);
	wr32(data + 12, 5);
	assert_int_equal(heap_deform_data(td, data, 16, 3, NULL, v, &ds), 0);
	assert_int_equal(v[1].off, 4);
	assert_string_equal(text_of(td, v, 1, &sb), "xyz");
	assert_string_equal(text_of(td, v, 2, &sb), "5");
	assert_int_equal(ds.n, 0);
	sb_free(&sb);
	tupdesc_free(td);
}

static void
test_nulls_missing_dropped(void **state)
{
	uint8_t		data[32],
				bits[1];
	struct tupdesc *td;
	struct attr_value v[5];
	struct strbuf sb = STRBUF_INIT;

	(void) state;
	memset(data, 0, sizeof(data));
	/* attr 1 int4 = 1; attr 2 null; attr 3 dropped int8 = 8 bytes at 8 */
	wr32(data, 1);
	wr32(data + 8, 0xdead);
	bits[0] = 0x05;				/* 1 and 3 present */
	diags_reset(&ds);
	td = tupdesc_from_spec("a:int4,b:text,~int8,d:int4=42,e:text", &ds);
	assert_non_null(td);
	/* the tuple was written with 3 attributes */
	assert_int_equal(heap_deform_data(td, data, 16, 3, bits, v, &ds), 0);
	assert_string_equal(text_of(td, v, 0, &sb), "1");
	assert_string_equal(text_of(td, v, 1, &sb), "<null>");
	assert_int_equal(v[2].kind, AV_VALUE);
	assert_int_equal(v[2].off, 8);
	assert_int_equal(v[3].kind, AV_MISSING);
	assert_string_equal(text_of(td, v, 3, &sb), "42");
	assert_int_equal(v[4].kind, AV_NULL);
	sb_free(&sb);
	tupdesc_free(td);
}

static void
test_hostile(void **state)
{
	uint8_t		data[16];
	struct tupdesc *td;
	struct attr_value v[3];

	(void) state;
	memset(data, 0, sizeof(data));
	diags_reset(&ds);
	td = tupdesc_from_spec("int4,text,int4", &ds);
	/* a 4-byte varlena header claiming 1000 bytes */
	wr32(data + 4, 1000 << 2);
	assert_int_equal(heap_deform_data(td, data, 16, 3, NULL, v, &ds), -1);
	assert_int_equal(v[0].kind, AV_VALUE);
	assert_int_equal(v[1].kind, AV_BAD);
	assert_int_equal(v[2].kind, AV_BAD);
	assert_true(ds.n > 0);
	/* fixed-length attribute past the end */
	diags_reset(&ds);
	assert_int_equal(heap_deform_data(td, data, 2, 1, NULL, v, &ds), -1);
	/* a short varlena longer than what is left */
	diags_reset(&ds);
	data[4] = (100 << 1) | 1;
	assert_int_equal(heap_deform_data(td, data, 8, 2, NULL, v, &ds), -1);
	/* varlena header past the end */
	diags_reset(&ds);
	assert_int_equal(heap_deform_data(td, data, 4, 2, NULL, v, &ds), -1);
	/* more attributes in the tuple than columns: a finding, values read */
	diags_reset(&ds);
	wr32(data + 4, 5 << 2);
	assert_int_equal(heap_deform_data(td, data, 16, 7, NULL, v, &ds), 0);
	assert_int_equal(ds.n, 1);
	tupdesc_free(td);
	/* cstring without its NUL */
	diags_reset(&ds);
	td = tupdesc_from_spec("raw(-2,c)", &ds);
	memset(data, 'x', sizeof(data));
	assert_int_equal(heap_deform_data(td, data, 16, 1, NULL, v, &ds), -1);
	data[5] = 0;
	assert_int_equal(heap_deform_data(td, data, 16, 1, NULL, v, &ds), 0);
	assert_int_equal(v[0].len, 6);
	tupdesc_free(td);
}

/* datum_to_text on compressed and external varlenas without a store */
static void
test_varlena_forms(void **state)
{
	uint8_t		data[32];
	struct tupdesc *td;
	struct attr_value v[1];
	struct strbuf sb = STRBUF_INIT;

	(void) state;
	diags_reset(&ds);
	td = tupdesc_from_spec("text", &ds);
	/* inline pglz: 4-byte compressed header, raw size 9, "abc" + match */
	memset(data, 0, sizeof(data));
	wr32(data, ((4 + 4 + 6) << 2) | 2);
	wr32(data + 4, 9);
	memcpy(data + 8, "\x08" "abc" "\x03\x03", 6);
	assert_int_equal(heap_deform_data(td, data, 14, 1, NULL, v, &ds), 0);
	assert_string_equal(text_of(td, v, 0, &sb), "abcabcabc");
	/* corrupt: offset 0 */
	data[13] = 0;
	data[12] = 0;
	assert_string_equal(text_of(td, v, 0, &sb), "<bad>");
	assert_int_equal(ds.d[ds.n - 1].code, D_BAD_COMPRESSED);
	/* method 3 does not exist */
	diags_reset(&ds);
	wr32(data + 4, 9 | (3u << 30));
	assert_string_equal(text_of(td, v, 0, &sb), "<bad>");
	/* an external TOAST pointer, and no TOAST relation */
	diags_reset(&ds);
	memset(data, 0, sizeof(data));
	data[0] = 0x01;
	data[1] = 18;
	wr32(data + 2, 5004);
	wr32(data + 6, 5000);
	wr32(data + 10, 777);
	wr32(data + 14, 888);
	assert_int_equal(heap_deform_data(td, data, 18, 1, NULL, v, &ds), 0);
	assert_int_equal(v[0].len, 18);
	assert_string_equal(text_of(td, v, 0, &sb), "<bad>");
	assert_int_equal(ds.d[0].code, D_BAD_TOAST);
	/* an expanded pointer cannot be on disk */
	diags_reset(&ds);
	data[1] = 2;
	assert_int_equal(heap_deform_data(td, data, 10, 1, NULL, v, &ds), 0);
	assert_string_equal(text_of(td, v, 0, &sb), "<bad>");
	assert_int_equal(ds.d[0].code, D_BAD_VALUE);
	/* an unknown tag */
	diags_reset(&ds);
	data[1] = 7;
	assert_int_equal(heap_deform_data(td, data, 18, 1, NULL, v, &ds), -1);
	sb_free(&sb);
	tupdesc_free(td);
}

/* a heap tuple is exactly as long as its attributes: leftovers are a finding */
static void
test_leftover_bytes(void **state)
{
	uint8_t		raw[64];
	struct heap_tuple t;
	struct tupdesc *td;
	struct attr_value v[2];

	(void) state;
	memset(raw, 0, sizeof(raw));
	/* header: natts 2, t_hoff 24; data: int4 7, then text "hello" (short) */
	wr16(raw + 18, 2);
	raw[22] = 24;
	wr32(raw + 24, 7);
	raw[28] = (6 << 1) | 1;
	memcpy(raw + 29, "hello", 5);
	assert_int_equal(heaptuple_decode(raw, 34, &t), HT_OK);
	diags_reset(&ds);
	td = tupdesc_from_spec("int4,text", &ds);
	assert_int_equal(heap_deform(td, &t, v, &ds), 0);
	assert_int_equal(ds.n, 0);
	tupdesc_free(td);
	/* the text read as float4: 4 bytes taken, 2 left over */
	td = tupdesc_from_spec("int4,real", &ds);
	assert_int_equal(heap_deform(td, &t, v, &ds), -1);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.d[0].code, D_BAD_VALUE);
	assert_non_null(strstr(ds.d[0].detail, "2 bytes left after the last column"));
	tupdesc_free(td);
	/* a list longer than the tuple: the columns past natts are not stored */
	diags_reset(&ds);
	{
		struct attr_value v3[3];

		td = tupdesc_from_spec("int4,text,int8", &ds);
		assert_int_equal(heap_deform(td, &t, v3, &ds), 0);
		assert_int_equal(ds.n, 0);
		assert_int_equal(v3[2].kind, AV_NULL);
		tupdesc_free(td);
	}
	/* the bare-data walk (index keys, MAXALIGNed) does not look past the last */
	diags_reset(&ds);
	td = tupdesc_from_spec("int4", &ds);
	assert_int_equal(heap_deform_data(td, raw + 24, 16, 1, NULL, v, &ds), 0);
	assert_int_equal(ds.n, 0);
	tupdesc_free(td);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_varlena_not_aligned),
		cmocka_unit_test(test_nulls_missing_dropped),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_varlena_forms),
		cmocka_unit_test(test_leftover_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
