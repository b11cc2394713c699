/*
 * walstats: record counts and sizes per rmgr and per record type, as
 * xlogstats.c's XLogRecStoreStats gathers them, shown as pg_waldump
 * --stats lays them out (text) or as pg_get_wal_stats() rows (JSON).
 *
 *   struct walstats s;  walstats_init(&s);
 *   walstats_add(&s, major, &rec, raw.lsn, raw.end_lsn);   per record counted
 *   walstats_emit(&s, e, per_record);     text or JSON, as e renders
 */
#ifndef PGOD_WALSTATS_H
#define PGOD_WALSTATS_H

#include <stdbool.h>
#include <stdint.h>

#include "out/emit.h"
#include "rmgrdesc/rmgrdesc.h"
#include "wal/walrecord.h"

struct walstats_row {
	uint64_t	count;
	uint64_t	rec_len;		/* xl_tot_len less the images */
	uint64_t	fpi_len;		/* the images (bimg_len) */
};

struct walstats {
	int			major;
	uint64_t	count;
	uint64_t	startptr;		/* where reading started (first record) */
	uint64_t	endptr;			/* EndRecPtr of the last record counted */
	struct walstats_row rmgr[RMGR_COUNT];
	struct walstats_row record[RMGR_COUNT][16];	/* by xl_info >> 4 */
};

void		walstats_init(struct walstats *s, int major);
void		walstats_add(struct walstats *s, const struct walrec *r, uint64_t end_lsn);
void		walstats_emit(const struct walstats *s, struct emit *e, bool per_record);

#endif
