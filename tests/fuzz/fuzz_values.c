/*
 * libFuzzer target: the value decoder.  The first byte picks a column
 * list, the rest is a heap tuple's data (after t_hoff) with a null bitmap
 * in front; every value is deformed, detoasted (no TOAST relation),
 * decompressed and printed.  Then the same bytes go straight into every
 * output function and the array printer.
 *
 *   clang -fsanitize=fuzzer,address,undefined -Icommon tests/fuzz/fuzz_values.c build-fuzz/libpgondisk.a ...
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "types/datum.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const specs[] = {
	"int2,text,int8,numeric,~raw(-1,d),jsonb,int4[],name",
	"bool,char,float4,float8,date,time,timetz,timestamp,timestamptz,interval",
	"uuid,inet,cidr,macaddr,bytea,bpchar,varchar,json,tid,point,box",
	"int4range,tstzrange,numrange,text[],jsonb[],numeric[],raw(-2,c),interval[]",
};
static const char *const types[] = {
	"bool", "char", "int2", "int4", "int8", "float4", "float8", "numeric",
	"text", "name", "bytea", "date", "time", "timetz", "timestamp",
	"interval", "uuid", "inet", "macaddr", "jsonb", "tid", "point", "box",
	"int4range", "numrange", "tstzrange",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tupdesc *tds[4];
	struct attr_value v[16];
	struct diags ds;
	struct strbuf sb = STRBUF_INIT;
	struct type_opts o = {false, true, true};
	const struct tupdesc *td;
	char		err[160];
	size_t		i;
	int			a;

	if (size < 3)
		return 0;
	if (tds[0] == NULL)
		for (i = 0; i < 4; i++)
		{
			diags_reset(&ds);
			tds[i] = tupdesc_from_spec(specs[i], &ds);
		}
	td = tds[data[0] % 4];
	o.float_legacy = data[0] & 0x10;
	diags_reset(&ds);
	if (heap_deform_data(td, data + 3, size - 3, data[1] % 17,
						 (data[0] & 0x80) ? data + 1 : NULL, v, &ds) == 0)
		for (a = 0; a < td->natts; a++)
		{
			sb_reset(&sb);
			diags_reset(&ds);
			(void) datum_to_text(&td->cols[a], &v[a], NULL, &o, &sb, &ds);
		}
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
	{
		sb_reset(&sb);
		(void) type_output(pg_type_by_name(types[i]), data + 1, size - 1, &o, &sb, err, sizeof(err));
		sb_reset(&sb);
		(void) array_output(pg_type_by_name(types[i]), data + 1, size - 1, &o, &sb, err, sizeof(err));
	}
	sb_free(&sb);
	return 0;
}
