/*
 * libFuzzer target: the rows of one assembled WAL record (wal/walheap.c's
 * heap record layouts, wal/walrows.c's rebuild from the record, its page
 * images and the pages followed from earlier inputs, wal/walpages.c) and
 * the transaction summary (wal/walxacts.c, rmgrdesc's
 * rmgr_xact_summary()).  Every tuple handed out is decoded as a heap
 * tuple: a length that does not hold is an ASan finding.
 *
 * Input: as fuzz_wal_record's: byte 0 picks the major (10 + b % 9); the
 * rest is the record, XLogRecord header first, xl_tot_len set to its
 * length.  The followed pages live across inputs (bounded at 8 pages).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/version.h"
#include "heap/heaptuple.h"
#include "wal/walheap.h"
#include "wal/walrecord.h"
#include "wal/walrows.h"
#include "wal/walxacts.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct walrec rec;
	static struct walrows rows;
	static struct walheap h;
	static struct walrows_state *rs;
	const struct pg_profile *prof;
	struct walxacts *x;
	struct diags ds;
	uint8_t    *buf;
	uint32_t	len,
				sum = 0;

	if (size < 1 || size - 1 > (1u << 20))
		return 0;
	if (rs == NULL && (rs = walrows_create(NULL, 8)) == NULL)
		abort();
	prof = pg_profile_by_major(PG_MAJOR_MIN + data[0] % (PG_MAJOR_MAX - PG_MAJOR_MIN + 1));
	len = (uint32_t) (size - 1);
	buf = malloc(len ? len : 1);
	if (buf == NULL)
		abort();
	memcpy(buf, data + 1, len);
	if (len >= 4)
		for (int i = 0; i < 4; i++)
			buf[i] = (uint8_t) (len >> (8 * i));
	diags_reset(&ds);
	if (walrecord_decode(prof, buf, len, UINT64_C(0x16B3748), &rec, &ds) == 0)
	{
		walrows_record(rs, &rec, &rows, &ds);
		for (int i = 0; i < rows.n; i++)
		{
			struct heap_tuple t;

			if (rows.t[i].tup == NULL)
				continue;
			if (heaptuple_decode(rows.t[i].tup, (uint16_t) rows.t[i].len, &t) == HT_OK)
				sum += t.natts;
		}
		x = walxacts_create(prof->major);
		if (x == NULL)
			abort();
		walheap_decode(&rec, &h);
		walxacts_add(x, &rec, &h);
		sum += (uint32_t) walxacts_count(x);
		walxacts_free(x);
	}
	free(buf);
	return (int) (sum & 0);
}
