/* walimage: RestoreBlockImage() of xlogreader.c, for 10..18. */
#include <lz4.h>
#include <string.h>
#include <zstd.h>

#include "page/page.h"
#include "heap/pglz.h"
#include "wal/walimage.h"

int
wal_restore_image(const struct walblock *b, uint8_t *page, struct diags *ds)
{
	uint8_t		tmp[WAL_BLCKSZ];
	const uint8_t *src = b->image;
	uint32_t	raw;

	if (!b->has_image || b->image == NULL)
	{
		diag_add(ds, D_BAD_COMPRESSED, "block has no image");
		return -1;
	}
	if (b->hole_length > WAL_BLCKSZ || b->hole_offset > WAL_BLCKSZ - b->hole_length)
	{
		diag_add(ds, D_BAD_COMPRESSED, "image hole (offset %u, length %u) outside the page",
				 b->hole_offset, b->hole_length);
		return -1;
	}
	raw = WAL_BLCKSZ - b->hole_length;
	switch (b->compression)
	{
		case WALC_NONE:
			if (b->bimg_len != raw)
			{
				diag_add(ds, D_BAD_COMPRESSED, "image of %u bytes for a page with a hole of %u",
						 b->bimg_len, b->hole_length);
				return -1;
			}
			break;
		case WALC_PGLZ:
			if (pglz_decompress(b->image, b->bimg_len, tmp, raw, true) != (long) raw)
			{
				diag_add(ds, D_BAD_COMPRESSED, "pglz: image of %u bytes does not decompress to %u",
						 b->bimg_len, raw);
				return -1;
			}
			src = tmp;
			break;
		case WALC_LZ4:
			if (LZ4_decompress_safe((const char *) b->image, (char *) tmp, b->bimg_len, (int) raw) != (int) raw)
			{
				diag_add(ds, D_BAD_COMPRESSED, "lz4: image of %u bytes does not decompress to %u",
						 b->bimg_len, raw);
				return -1;
			}
			src = tmp;
			break;
		case WALC_ZSTD:
			{
				size_t		got = ZSTD_decompress(tmp, raw, b->image, b->bimg_len);

				if (ZSTD_isError(got) || got != raw)
				{
					diag_add(ds, D_BAD_COMPRESSED, "zstd: image of %u bytes does not decompress to %u",
							 b->bimg_len, raw);
					return -1;
				}
				src = tmp;
				break;
			}
		default:
			diag_add(ds, D_BAD_COMPRESSED, "image compressed with an unknown method (bimg_info 0x%02x)",
					 b->bimg_info);
			return -1;
	}
	memcpy(page, src, b->hole_offset);
	memset(page + b->hole_offset, 0, b->hole_length);
	memcpy(page + b->hole_offset + b->hole_length, src + b->hole_offset,
		   WAL_BLCKSZ - b->hole_offset - b->hole_length);
	return 0;
}

int
wal_verify_image(const struct walblock *b, uint8_t *page, struct diags *ds)
{
	struct page_header h;

	if (wal_restore_image(b, page, ds) != 0)
		return -1;
	page_header_decode(page, &h);
	if (!page_is_new(&h))
		return page_check(&h, b->blkno, ds) ? 0 : -1;
	if (!page_is_zero(page, WAL_BLCKSZ))
	{
		diag_add_block(ds, D_BAD_PAGE_HEADER, b->blkno,
					   "pd_upper 0 (a new page) but not all zeros");
		return -1;
	}
	return 0;
}
