/*
 * pg_filenode.map (RelMapFile) of every major 10..18, as read by
 * read_relmap_file() in utils/cache/relmapper.c.
 */
#include <string.h>

#include "io/bytes.h"
#include "io/crc32c.h"
#include "cluster/relmap.h"

int
relmap_decode(const uint8_t *buf, size_t len, struct relmap *m,
			  struct diags *ds)
{
	size_t		crc_off;
	unsigned	i;

	memset(m, 0, sizeof(*m));
	/* PostgreSQL reads exactly sizeof(RelMapFile); anything else is short or foreign */
	if (buf == NULL || (len != RELMAP_SIZE_OLD && len != RELMAP_SIZE_NEW))
	{
		diag_add(ds, D_BAD_RELMAP, "%zu bytes, expected %d (10 to 15) or %d (16 and later)",
				 len, RELMAP_SIZE_OLD, RELMAP_SIZE_NEW);
		return -1;
	}
	m->max_mappings = len == RELMAP_SIZE_OLD ? 62 : 64;
	/* magic, num_mappings, mappings[MAX_MAPPINGS] of 8 bytes, then crc */
	crc_off = 8 + (size_t) m->max_mappings * 8;
	m->magic = rd32(buf);
	m->num_mappings = (int32_t) rd32(buf + 4);
	m->n = m->num_mappings < 0 ? 0 :
		(unsigned) m->num_mappings > m->max_mappings ? m->max_mappings :
		(unsigned) m->num_mappings;
	for (i = 0; i < m->n; i++)
	{
		m->mappings[i].mapoid = rd32(buf + 8 + i * 8);
		m->mappings[i].mapfilenumber = rd32(buf + 12 + i * 8);
	}
	m->crc_stored = rd32(buf + crc_off);
	m->crc_computed = crc32c(buf, crc_off);
	m->crc_ok = m->crc_stored == m->crc_computed;
	if (m->magic != RELMAP_FILEMAGIC)
		diag_add(ds, D_BAD_RELMAP, "magic 0x%06x, expected 0x%06x",
				 (unsigned) m->magic, RELMAP_FILEMAGIC);
	if (m->num_mappings < 0 || (unsigned) m->num_mappings > m->max_mappings)
		diag_add(ds, D_BAD_RELMAP, "num_mappings %d, at most %u",
				 (int) m->num_mappings, m->max_mappings);
	if (!m->crc_ok)
		diag_add(ds, D_RELMAP_CRC, "stored 0x%08x, computed 0x%08x",
				 (unsigned) m->crc_stored, (unsigned) m->crc_computed);
	return 0;
}
