/*
 * libFuzzer target: one assembled WAL record (wal/walrecord.c, after
 * xlogreader.c's DecodeXLogRecord) through every resource manager's
 * description of the chosen major (common/rmgrdesc/, after each major's
 * rmgrdesc/ files) in both styles, record type names, block references in
 * all four forms and the restore of every page image.  The reader's CRC
 * stands in front of this in pgwal; here the fuzzer reaches the decoders
 * directly, as a record with a forged CRC would.
 *
 * Input: byte 0 picks the major (10 + b % 9); the rest is the record,
 * XLogRecord header first.  xl_tot_len is set to the record's length, as
 * the reader guarantees before it hands a record out.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/version.h"
#include "out/strbuf.h"
#include "rmgrdesc/rmgrdesc.h"
#include "wal/walimage.h"
#include "wal/walrecord.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct walrec rec;
	static uint8_t page[WAL_BLCKSZ];
	const struct pg_profile *prof;
	struct strbuf sb = STRBUF_INIT;
	struct diags ds;
	uint8_t    *buf;
	uint32_t	len;
	char		name[16];

	if (size < 1 || size - 1 > (1u << 20))
		return 0;
	prof = pg_profile_by_major(PG_MAJOR_MIN + data[0] % (PG_MAJOR_MAX - PG_MAJOR_MIN + 1));
	len = (uint32_t) (size - 1);
	/* an exact-size copy: a read past the record is an ASan finding */
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
		(void) rmgr_name(rec.rmid);
		(void) rmgr_identify(prof->major, rec.rmid, rec.info);
		(void) rmgr_is_custom(prof->major, rec.rmid);
		(void) rmgr_custom_name(prof->major, rec.rmid, name, sizeof(name));
		for (int style = RS_WALDUMP; style <= RS_WALINSPECT; style++)
		{
			sb_reset(&sb);
			(void) rmgr_desc(&sb, prof->major, (enum rmgr_style) style, &rec);
		}
		sb_reset(&sb);
		(void) rmgr_desc_custom(&sb, prof->major, &rec);
		for (int f = 0; f < 4; f++)
		{
			sb_reset(&sb);
			xlog_block_ref_info(&sb, prof, &rec, f & 1, f & 2);
		}
		for (int i = 0; i <= rec.max_block_id; i++)
			if (rec.blocks[i].in_use && rec.blocks[i].has_image)
			{
				diags_reset(&ds);
				(void) wal_restore_image(&rec.blocks[i], page, &ds);
				diags_reset(&ds);
				(void) wal_verify_image(&rec.blocks[i], page, &ds);
			}
	}
	sb_free(&sb);
	free(buf);
	return 0;
}
