/*
 * libFuzzer target: pglz decompression.  The first two bytes give the raw
 * size; the output buffer is exactly that big, so any write past it is an
 * ASan finding.
 */
#include <stdint.h>
#include <stdlib.h>

#include "heap/pglz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		raw;
	uint8_t    *dst;

	if (size < 2)
		return 0;
	raw = (size_t) data[0] | ((size_t) data[1] << 8);
	dst = malloc(raw ? raw : 1);
	if (dst == NULL)
		return 0;
	(void) pglz_decompress(data + 2, size - 2, dst, raw, data[0] & 1);
	free(dst);
	return 0;
}
