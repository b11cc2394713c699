/*
 * walrecord: DecodeXLogRecord (access/transam/xlogreader.c) for 10..18,
 * bytes in, struct walrec out, every length checked.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "io/bytes.h"
#include "wal/walrecord.h"

#define XLR_BLOCK_ID_DATA_SHORT 255
#define XLR_BLOCK_ID_DATA_LONG 254
#define XLR_BLOCK_ID_ORIGIN 253
#define XLR_BLOCK_ID_TOPLEVEL_XID 252

/* bimg_info, 10..14 (access/xlogrecord.h) */
#define BKPIMAGE_HAS_HOLE 0x01
#define BKPIMAGE_IS_COMPRESSED_14 0x02
#define BKPIMAGE_APPLY_14 0x04
/* bimg_info, 15+ */
#define BKPIMAGE_APPLY_15 0x02
#define BKPIMAGE_COMPRESS_PGLZ 0x04
#define BKPIMAGE_COMPRESS_LZ4 0x08
#define BKPIMAGE_COMPRESS_ZSTD 0x10

const char *const wal_fork_names[4] = {"main", "fsm", "vm", "init"};

const char *
wal_compression_name(enum wal_compression c)
{
	switch (c)
	{
		case WALC_NONE:
			return "none";
		case WALC_PGLZ:
			return "pglz";
		case WALC_LZ4:
			return "lz4";
		case WALC_ZSTD:
			return "zstd";
		default:
			return "unknown";
	}
}

int
walrecord_decode(const struct pg_profile *prof, const uint8_t *rec, uint32_t len,
				 uint64_t lsn, struct walrec *out, struct diags *ds)
{
	uint32_t	pos = 24,
				datatotal = 0,
				remaining;
	int			id;
	const struct walblock *last_rel = NULL;

#define NEED(n) do { if (remaining < (uint32_t) (n) || len - pos < (uint32_t) (n)) goto shortdata; } while (0)
#define TAKE(n) do { pos += (n); remaining -= (n); } while (0)

	if (len < 24)
	{
		diag_add_lsn(ds, D_WAL_RECORD, lsn, "record length %u is below the header's %u", len, 24);
		return -1;
	}
	out->lsn = lsn;
	out->tot_len = rd32(rec);
	out->xid = rd32(rec + 4);
	out->prev = rd64(rec + 8);
	out->info = rec[16];
	out->rmid = rec[17];
	out->crc = rd32(rec + 20);
	out->origin = 0;
	out->toplevel_xid = 0;
	out->max_block_id = -1;
	out->main_data = NULL;
	out->main_data_len = 0;
	out->fpi_len = 0;
	remaining = len - 24;

	while (remaining > datatotal)
	{
		uint8_t		block_id;

		NEED(1);
		block_id = rec[pos];
		TAKE(1);
		if (block_id == XLR_BLOCK_ID_DATA_SHORT)
		{
			NEED(1);
			out->main_data_len = rec[pos];
			TAKE(1);
			datatotal += out->main_data_len;
			break;
		}
		else if (block_id == XLR_BLOCK_ID_DATA_LONG)
		{
			NEED(4);
			out->main_data_len = rd32(rec + pos);
			TAKE(4);
			if (out->main_data_len > len)
				goto shortdata;
			datatotal += out->main_data_len;
			break;
		}
		else if (block_id == XLR_BLOCK_ID_ORIGIN)
		{
			NEED(2);
			out->origin = rd16(rec + pos);
			TAKE(2);
		}
		else if (block_id == XLR_BLOCK_ID_TOPLEVEL_XID && prof->wal_toplevel_xid)
		{
			NEED(4);
			out->toplevel_xid = rd32(rec + pos);
			TAKE(4);
		}
		else if (block_id <= WAL_MAX_BLOCK_ID)
		{
			struct walblock *b;
			uint8_t		ff;
			bool		compressed;

			for (id = out->max_block_id + 1; id < block_id; id++)
				out->blocks[id].in_use = false;
			if ((int) block_id <= out->max_block_id)
			{
				diag_add_lsn(ds, D_WAL_RECORD, lsn, "out-of-order block_id %u after %u", block_id,
					(unsigned) out->max_block_id);
				return -1;
			}
			out->max_block_id = block_id;
			b = &out->blocks[block_id];
			memset(b, 0, sizeof(*b));
			b->in_use = true;
			NEED(3);
			ff = rec[pos];
			b->fork = ff & BKPBLOCK_FORK_MASK;
			b->flags = ff;
			b->has_image = (ff & BKPBLOCK_HAS_IMAGE) != 0;
			b->has_data = (ff & BKPBLOCK_HAS_DATA) != 0;
			b->data_len = rd16(rec + pos + 1);
			TAKE(3);
			if (b->has_data && b->data_len == 0)
			{
				diag_add_lsn(ds, D_WAL_RECORD, lsn, "BKPBLOCK_HAS_DATA set, but no data included (block %u)",
					block_id);
				return -1;
			}
			if (!b->has_data && b->data_len != 0)
			{
				diag_add_lsn(ds, D_WAL_RECORD, lsn, "BKPBLOCK_HAS_DATA not set, but data length is %u (block %u)",
					b->data_len, block_id);
				return -1;
			}
			datatotal += b->data_len;
			if (b->has_image)
			{
				NEED(5);
				b->bimg_len = rd16(rec + pos);
				b->hole_offset = rd16(rec + pos + 2);
				b->bimg_info = rec[pos + 4];
				TAKE(5);
				if (prof->wal_bimg_v15)
				{
					b->apply_image = (b->bimg_info & BKPIMAGE_APPLY_15) != 0;
					if (b->bimg_info & BKPIMAGE_COMPRESS_PGLZ)
						b->compression = WALC_PGLZ;
					else if (b->bimg_info & BKPIMAGE_COMPRESS_LZ4)
						b->compression = WALC_LZ4;
					else if (b->bimg_info & BKPIMAGE_COMPRESS_ZSTD)
						b->compression = WALC_ZSTD;
					else
						b->compression = WALC_NONE;
				}
				else
				{
					b->apply_image = (b->bimg_info & BKPIMAGE_APPLY_14) != 0;
					b->compression = (b->bimg_info & BKPIMAGE_IS_COMPRESSED_14) ?
						WALC_PGLZ : WALC_NONE;
				}
				compressed = b->compression != WALC_NONE;
				if (compressed)
				{
					if (b->bimg_info & BKPIMAGE_HAS_HOLE)
					{
						NEED(2);
						b->hole_length = rd16(rec + pos);
						TAKE(2);
					}
					else
						b->hole_length = 0;
				}
				else
					b->hole_length = (uint16_t) (WAL_BLCKSZ - b->bimg_len);
				datatotal += b->bimg_len;
				out->fpi_len += b->bimg_len;
				if ((b->bimg_info & BKPIMAGE_HAS_HOLE) &&
					(b->hole_offset == 0 || b->hole_length == 0 ||
					 b->bimg_len == WAL_BLCKSZ))
				{
					diag_add_lsn(ds, D_WAL_RECORD, lsn, "BKPIMAGE_HAS_HOLE set, but hole offset %u length %u",
						b->hole_offset, b->hole_length);
					return -1;
				}
				if (!(b->bimg_info & BKPIMAGE_HAS_HOLE) &&
					(b->hole_offset != 0 || b->hole_length != 0))
				{
					diag_add_lsn(ds, D_WAL_RECORD, lsn, "BKPIMAGE_HAS_HOLE not set, but hole offset %u length %u",
						b->hole_offset, b->hole_length);
					return -1;
				}
				if (compressed && b->bimg_len >= WAL_BLCKSZ)
				{
					diag_add_lsn(ds, D_WAL_RECORD, lsn, "image compressed, but its length is %u (block %u)",
						b->bimg_len, block_id);
					return -1;
				}
				if (!(b->bimg_info & BKPIMAGE_HAS_HOLE) && !compressed &&
					b->bimg_len != WAL_BLCKSZ)
				{
					diag_add_lsn(ds, D_WAL_RECORD, lsn, "image has no hole and is not compressed, but its length is %u (block %u)",
						b->bimg_len, block_id);
					return -1;
				}
				if (!compressed && b->bimg_len > WAL_BLCKSZ)
				{
					diag_add_lsn(ds, D_WAL_RECORD, lsn, "image length %u exceeds the page (block %u)",
						b->bimg_len, block_id);
					return -1;
				}
			}
			if (!(ff & BKPBLOCK_SAME_REL))
			{
				NEED(12);
				b->spcoid = rd32(rec + pos);
				b->dboid = rd32(rec + pos + 4);
				b->relnumber = rd32(rec + pos + 8);
				TAKE(12);
				last_rel = b;
			}
			else
			{
				if (last_rel == NULL)
				{
					diag_add_lsn(ds, D_WAL_RECORD, lsn, "BKPBLOCK_SAME_REL set but no previous rel (block %u)",
						block_id);
					return -1;
				}
				b->spcoid = last_rel->spcoid;
				b->dboid = last_rel->dboid;
				b->relnumber = last_rel->relnumber;
			}
			NEED(4);
			b->blkno = rd32(rec + pos);
			TAKE(4);
		}
		else
		{
			diag_add_lsn(ds, D_WAL_RECORD, lsn, "invalid block_id %u", block_id);
			return -1;
		}
	}
	if (remaining != datatotal)
		goto shortdata;

	for (id = 0; id <= out->max_block_id; id++)
	{
		struct walblock *b = &out->blocks[id];

		if (!b->in_use)
			continue;
		if (b->has_image)
		{
			b->image = rec + pos;
			pos += b->bimg_len;
		}
		if (b->has_data)
		{
			b->data = rec + pos;
			pos += b->data_len;
		}
	}
	if (out->main_data_len > 0)
	{
		out->main_data = rec + pos;
		pos += out->main_data_len;
	}
	return 0;

shortdata:
	diag_add_lsn(ds, D_WAL_RECORD, lsn, "record with invalid length %u (its parts add up differently)", len);
	return -1;
#undef NEED
#undef TAKE
}
