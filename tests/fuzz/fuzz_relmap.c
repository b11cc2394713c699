/*
 * libFuzzer target: pg_filenode.map (cluster/relmap.c, after
 * utils/cache/relmapper.c's RelMapFile): the layout chosen by the size
 * (512 bytes to 15, 524 from 16), magic, count and CRC-32C checked, the
 * mappings that fit given.
 *
 * Input: the file's bytes (an exact-size copy).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/relmap.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct relmap m;
	struct diags ds;
	uint8_t    *buf = malloc(size ? size : 1);
	uint32_t	sum = 0;

	if (buf == NULL)
		abort();
	memcpy(buf, data, size);
	diags_reset(&ds);
	if (relmap_decode(buf, size, &m, &ds) == 0)
	{
		/* every mapping the decoder says it filled must be readable */
		if (m.n > RELMAP_MAX_MAPPINGS || m.n > m.max_mappings)
			abort();
		for (unsigned i = 0; i < m.n; i++)
			sum += m.mappings[i].mapoid ^ m.mappings[i].mapfilenumber;
	}
	free(buf);
	return (int) (sum & 0);
}
