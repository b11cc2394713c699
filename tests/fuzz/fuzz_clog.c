/*
 * libFuzzer target: transaction status from a pg_xact segment
 * (cluster/clog.c, after access/transam/clog.c): two bits per XID, the
 * segment and byte an XID lives at, and the special XIDs.
 *
 * Input: bytes 0..3 the first XID asked for (little-endian), the rest the
 * segment file's bytes (any length: a short or damaged file must give
 * "unknown", never a read past it: an exact-size copy).  The XIDs asked
 * for are 4096 from there, the special ones 0..3, and the same offsets in
 * every later segment (the segment number wraps with the XID).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/clog.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t	xid0;
	uint8_t    *seg;
	size_t		len;
	unsigned	tally[CLOG_UNKNOWN + 1] = {0};

	if (size < 4)
		return 0;
	xid0 = (uint32_t) data[0] | (uint32_t) data[1] << 8 |
		(uint32_t) data[2] << 16 | (uint32_t) data[3] << 24;
	len = size - 4;
	seg = malloc(len ? len : 1);
	if (seg == NULL)
		abort();
	memcpy(seg, data + 4, len);
	for (uint32_t i = 0; i < 4096 + 4; i++)
	{
		uint32_t	xid = i < 4 ? i : xid0 + (i - 4);
		enum clog_status s = clog_status_in(seg, len, xid);

		(void) clog_segment_of(xid);
		(void) clog_byte_of(xid);
		if ((unsigned) s > CLOG_UNKNOWN || clog_status_name(s) == NULL)
			abort();
		tally[s]++;
	}
	free(seg);
	return (int) (tally[0] & 0);
}
