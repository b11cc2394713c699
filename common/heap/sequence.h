/*
 * sequence: the one tuple of a sequence relation's page, as SELECT * FROM
 * seq shows it (FormData_pg_sequence_data of commands/sequence.c, the same
 * in every major 10..18: last_value int8, log_cnt int8, is_called bool).
 *
 *   struct seq_data s;
 *   if (sequence_decode(page, &h, blkno, &s, &ds) == 0) ... s.last_value ...
 *
 * The page is an ordinary heap page whose special space holds
 * sequence_magic (0x1717); its line pointer 1 is the tuple, written with a
 * frozen xmin.  Pure: findings go to ds, nothing outside the page is read.
 */
#ifndef PGOD_SEQUENCE_H
#define PGOD_SEQUENCE_H

#include <stdbool.h>
#include <stdint.h>

#include "out/diag.h"
#include "page/page.h"

#define SEQUENCE_MAGIC 0x1717		/* SEQ_MAGIC: sequence_magic.magic */
#define SEQUENCE_DATA_SIZE 17		/* last_value, log_cnt, is_called unaligned */

struct seq_data {
	int64_t		last_value;		/* FormData_pg_sequence_data.last_value */
	int64_t		log_cnt;		/* .log_cnt: values fetched but not WAL-logged */
	bool		is_called;		/* .is_called */
};

/*
 * Decode the sequence tuple of a page that is not new.  Returns 0, or -1
 * with a finding (D_BAD_VALUE at blkno) when the magic, line pointer 1 or
 * its tuple do not hold a sequence.
 */
int			sequence_decode(const uint8_t *page, const struct page_header *h,
							uint32_t blkno, struct seq_data *s, struct diags *ds);

#endif
