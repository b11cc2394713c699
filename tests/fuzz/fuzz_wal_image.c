/*
 * libFuzzer target: a full page image restored from a WAL block
 * reference (wal/walimage.c, after xlogreader.c's RestoreBlockImage):
 * pglz, LZ4 and zstd decompression into exactly the page less its hole,
 * the hole put back, then the page header rules of the restored page.
 *
 * Input: byte 0 the compression (b % 5: none, pglz, lz4, zstd, unknown),
 * bytes 1..2 hole_offset, 3..4 hole_length (little-endian, as the block
 * header stores them), the rest the image (bimg_len = its length, at
 * most 65535 as the uint16 field).  The image is an exact-size copy, so a
 * read past it is an ASan finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wal/walimage.h"
#include "wal/walrecord.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t page[WAL_BLCKSZ];
	struct walblock b;
	struct diags ds;
	uint8_t    *img;
	size_t		len;

	if (size < 5 || size - 5 > UINT16_MAX)
		return 0;
	len = size - 5;
	img = malloc(len ? len : 1);
	if (img == NULL)
		abort();
	memcpy(img, data + 5, len);
	memset(&b, 0, sizeof(b));
	b.in_use = true;
	b.has_image = true;
	b.apply_image = true;
	b.blkno = 7;
	b.compression = (enum wal_compression) (data[0] % 5);
	b.bimg_info = data[0];
	b.hole_offset = (uint16_t) (data[1] | data[2] << 8);
	b.hole_length = (uint16_t) (data[3] | data[4] << 8);
	b.bimg_len = (uint16_t) len;
	b.image = img;
	diags_reset(&ds);
	(void) wal_restore_image(&b, page, &ds);
	diags_reset(&ds);
	(void) wal_verify_image(&b, page, &ds);
	free(img);
	return 0;
}
