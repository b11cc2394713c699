/*
 * XLOG descriptions: xlog_desc() of each major's xlogdesc.c.  The
 * CheckPoint struct (catalog/pg_control.h) changed twice: 12 made nextXid
 * a FullTransactionId (before: nextXidEpoch, nextXid), 17 added wal_level
 * after fullPageWrites and prints it.  12 added max_wal_senders to
 * PARAMETER_CHANGE; 17 added wal_level to END_OF_RECOVERY and the
 * CHECKPOINT_REDO record.
 */
#include <string.h>

#include "rmgrdesc/rmgrdesc_int.h"

#define XLOG_CHECKPOINT_SHUTDOWN 0x00
#define XLOG_CHECKPOINT_ONLINE 0x10
#define XLOG_NOOP 0x20
#define XLOG_NEXTOID 0x30
#define XLOG_SWITCH 0x40
#define XLOG_BACKUP_END 0x50
#define XLOG_PARAMETER_CHANGE 0x60
#define XLOG_RESTORE_POINT 0x70
#define XLOG_FPW_CHANGE 0x80
#define XLOG_END_OF_RECOVERY 0x90
#define XLOG_OVERWRITE_CONTRECORD 0xD0
#define XLOG_CHECKPOINT_REDO 0xE0

/* wal_level_options: the first name of each value */
static const char *
wal_level_name(int32_t v)
{
	switch (v)
	{
		case 0:
			return "minimal";
		case 1:
			return "replica";
		case 2:
			return "logical";
	}
	return "?";
}

bool
rmgr_desc_xlog(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & 0xF0;

	switch (info)
	{
		case XLOG_CHECKPOINT_SHUTDOWN:
		case XLOG_CHECKPOINT_ONLINE:
			{
				uint64_t	redo;
				uint32_t	epoch,
							xid;
				const uint8_t *q;	/* nextOid onwards */
				uint32_t	ts;		/* oldestCommitTsXid, after the aligned time */

				if (n < 80)
					return false;
				redo = rd64(d);
				sb_printf(sb, "redo %X/%X; tli %u; prev tli %u; fpw %s; ",
						  (unsigned) (redo >> 32), (unsigned) redo, rd32(d + 8), rd32(d + 12),
						  d[16] ? "true" : "false");
				if (major >= 17)
					sb_printf(sb, "wal_level %s; ", wal_level_name((int32_t) rd32(d + 20)));
				if (major >= 12)
				{
					/* nextXid FullTransactionId @24, nextOid @32 ... time @64 */
					if (n < 88)
						return false;
					epoch = rd32(d + 28);
					xid = rd32(d + 24);
					q = d + 32;
					ts = 40;
				}
				else
				{
					/* nextXidEpoch @20, nextXid @24, nextOid @28 ... time @56 */
					epoch = rd32(d + 20);
					xid = rd32(d + 24);
					q = d + 28;
					ts = 36;
				}
				sb_printf(sb, "xid %u:%u; oid %u; multi %u; offset %u; "
						  "oldest xid %u in DB %u; oldest multi %u in DB %u; "
						  "oldest/newest commit timestamp xid: %u/%u; "
						  "oldest running xid %u; %s",
						  epoch, xid, rd32(q), rd32(q + 4), rd32(q + 8),
						  rd32(q + 12), rd32(q + 16), rd32(q + 20), rd32(q + 24),
						  rd32(q + ts), rd32(q + ts + 4), rd32(q + ts + 8),
						  info == XLOG_CHECKPOINT_SHUTDOWN ? "shutdown" : "online");
				return true;
			}
		case XLOG_NEXTOID:
			if (n < 4)
				return false;
			sb_printf(sb, "%u", rd32(d));
			return true;
		case XLOG_RESTORE_POINT:
			/* xl_restore_point: rp_time, rp_name[64] */
			if (n < 8 + 64)
				return false;
			sb_printf(sb, "%.*s", (int) strnlen((const char *) d + 8, 64), (const char *) d + 8);
			return true;
		case XLOG_BACKUP_END:
			if (n < 8)
				return false;
			sb_printf(sb, "%X/%X", (unsigned) (rd64(d) >> 32), (unsigned) rd64(d));
			return true;
		case XLOG_PARAMETER_CHANGE:
			if (major >= 12)
			{
				if (n < 26)
					return false;
				sb_printf(sb, "max_connections=%d max_worker_processes=%d "
						  "max_wal_senders=%d max_prepared_xacts=%d "
						  "max_locks_per_xact=%d wal_level=%s "
						  "wal_log_hints=%s track_commit_timestamp=%s",
						  (int32_t) rd32(d), (int32_t) rd32(d + 4), (int32_t) rd32(d + 8),
						  (int32_t) rd32(d + 12), (int32_t) rd32(d + 16),
						  wal_level_name((int32_t) rd32(d + 20)),
						  d[24] ? "on" : "off", d[25] ? "on" : "off");
			}
			else
			{
				if (n < 22)
					return false;
				sb_printf(sb, "max_connections=%d max_worker_processes=%d "
						  "max_prepared_xacts=%d max_locks_per_xact=%d "
						  "wal_level=%s wal_log_hints=%s "
						  "track_commit_timestamp=%s",
						  (int32_t) rd32(d), (int32_t) rd32(d + 4), (int32_t) rd32(d + 8),
						  (int32_t) rd32(d + 12), wal_level_name((int32_t) rd32(d + 16)),
						  d[20] ? "on" : "off", d[21] ? "on" : "off");
			}
			return true;
		case XLOG_FPW_CHANGE:
			if (n < 1)
				return false;
			sb_puts(sb, d[0] ? "true" : "false");
			return true;
		case XLOG_END_OF_RECOVERY:
			/* end_time i64, ThisTimeLineID, PrevTimeLineID, wal_level (17+) */
			if (n < 16)
				return false;
			sb_printf(sb, "tli %u; prev tli %u; time ", rd32(d + 8), rd32(d + 12));
			rmgr_put_timestamp(sb, style, (int64_t) rd64(d));
			if (major >= 17)
			{
				if (n < 20)
					return false;
				sb_printf(sb, "; wal_level %s", wal_level_name((int32_t) rd32(d + 16)));
			}
			return true;
		case XLOG_OVERWRITE_CONTRECORD:
			if (n < 16)
				return false;
			sb_printf(sb, "lsn %X/%X; time ", (unsigned) (rd64(d) >> 32), (unsigned) rd64(d));
			rmgr_put_timestamp(sb, style, (int64_t) rd64(d + 8));
			return true;
		case XLOG_CHECKPOINT_REDO:
			if (major < 17)
				return true;
			if (n < 4)
				return false;
			sb_printf(sb, "wal_level %s", wal_level_name((int32_t) rd32(d)));
			return true;
	}
	/* NOOP, SWITCH, FPI, FPI_FOR_HINT, FPI_MULTI: nothing to print */
	return true;
}
