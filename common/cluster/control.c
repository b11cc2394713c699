/*
 * pg_control (ControlFileData) of every major 10..18.
 *
 * The struct is described once below as an ordered list of members, each
 * with its C type and the range of majors that have it; the offsets come
 * from laying those members out with x86-64 alignment (8-byte integers,
 * doubles and the CheckPoint struct on 8, int on 4, bool and char on 1),
 * the way the compiler that wrote the file did.  Decoding then reads each
 * member little-endian at its offset; the buffer is never cast to a struct.
 *
 * What changed between majors (from each major's catalog/pg_control.h):
 *   11  prevCheckPoint removed (PG_CONTROL_VERSION 1002 -> 1100)
 *   12  CheckPoint: nextXidEpoch + nextXid became FullTransactionId
 *       nextFullXid; max_wal_senders added (1201)
 *   13  float4ByVal removed (1300; 14, 15, 16 keep this layout)
 *   17  CheckPoint gains wal_level after fullPageWrites (1700)
 *   18  default_char_signedness after data_checksum_version (1800)
 */
#include <string.h>

#include "cluster/control.h"
#include "io/crc32c.h"

/* Member types, by how they sit in the file. */
enum ctl_type {
	T_BOOL,						/* bool: 1 byte */
	T_I32,						/* int, enum: 4 bytes */
	T_U32,						/* uint32, Oid, TransactionId, ...: 4 bytes */
	T_U64,						/* uint64, XLogRecPtr: 8 bytes */
	T_I64,						/* pg_time_t: 8 bytes */
	T_F64,						/* double: 8 bytes */
	T_FXID,						/* FullTransactionId: struct of one uint64 */
	T_NONCE,					/* char[MOCK_AUTH_NONCE_LEN] */
	T_STRUCT_BEGIN,				/* CheckPoint starts: align to 8 */
	T_STRUCT_END				/* CheckPoint ends: pad its size to 8 */
};

static const struct {
	unsigned char size;
	unsigned char align;
} ctl_types[] = {
	[T_BOOL] = {1, 1},
	[T_I32] = {4, 4},
	[T_U32] = {4, 4},
	[T_U64] = {8, 8},
	[T_I64] = {8, 8},
	[T_F64] = {8, 8},
	[T_FXID] = {8, 8},
	[T_NONCE] = {32, 1},
	[T_STRUCT_BEGIN] = {0, 8},
	[T_STRUCT_END] = {0, 8},
};

/* Where each member lands in struct pg_control. */
enum ctl_field {
	F_NONE,						/* markers */
	F_SYSTEM_IDENTIFIER,
	F_PG_CONTROL_VERSION,
	F_CATALOG_VERSION_NO,
	F_STATE,
	F_TIME,
	F_CHECKPOINT,
	F_PREV_CHECKPOINT,
	F_CP_REDO,
	F_CP_THIS_TLI,
	F_CP_PREV_TLI,
	F_CP_FULL_PAGE_WRITES,
	F_CP_WAL_LEVEL,
	F_CP_NEXT_XID_EPOCH,
	F_CP_NEXT_XID,
	F_CP_NEXT_FULL_XID,
	F_CP_NEXT_OID,
	F_CP_NEXT_MULTI,
	F_CP_NEXT_MULTI_OFFSET,
	F_CP_OLDEST_XID,
	F_CP_OLDEST_XID_DB,
	F_CP_OLDEST_MULTI,
	F_CP_OLDEST_MULTI_DB,
	F_CP_TIME,
	F_CP_OLDEST_COMMIT_TS_XID,
	F_CP_NEWEST_COMMIT_TS_XID,
	F_CP_OLDEST_ACTIVE_XID,
	F_UNLOGGED_LSN,
	F_MIN_RECOVERY_POINT,
	F_MIN_RECOVERY_POINT_TLI,
	F_BACKUP_START_POINT,
	F_BACKUP_END_POINT,
	F_BACKUP_END_REQUIRED,
	F_WAL_LEVEL,
	F_WAL_LOG_HINTS,
	F_MAX_CONNECTIONS,
	F_MAX_WORKER_PROCESSES,
	F_MAX_WAL_SENDERS,
	F_MAX_PREPARED_XACTS,
	F_MAX_LOCKS_PER_XACT,
	F_TRACK_COMMIT_TIMESTAMP,
	F_MAX_ALIGN,
	F_FLOAT_FORMAT,
	F_BLCKSZ,
	F_RELSEG_SIZE,
	F_XLOG_BLCKSZ,
	F_XLOG_SEG_SIZE,
	F_NAME_DATA_LEN,
	F_INDEX_MAX_KEYS,
	F_TOAST_MAX_CHUNK_SIZE,
	F_LOBLKSIZE,
	F_FLOAT4_BYVAL,
	F_FLOAT8_BYVAL,
	F_DATA_CHECKSUM_VERSION,
	F_DEFAULT_CHAR_SIGNEDNESS,
	F_MOCK_AUTH_NONCE,
	F_CRC
};

/* ControlFileData in file order; first..last: the majors that have it. */
static const struct ctl_member {
	unsigned char field;
	unsigned char type;
	unsigned char first;
	unsigned char last;
} ctl_members[] = {
	{F_SYSTEM_IDENTIFIER, T_U64, 10, 18},	/* system_identifier */
	{F_PG_CONTROL_VERSION, T_U32, 10, 18},	/* pg_control_version */
	{F_CATALOG_VERSION_NO, T_U32, 10, 18},	/* catalog_version_no */
	{F_STATE, T_I32, 10, 18},	/* state */
	{F_TIME, T_I64, 10, 18},	/* time */
	{F_CHECKPOINT, T_U64, 10, 18},	/* checkPoint */
	{F_PREV_CHECKPOINT, T_U64, 10, 10}, /* prevCheckPoint */
	{F_NONE, T_STRUCT_BEGIN, 10, 18},	/* checkPointCopy */
	{F_CP_REDO, T_U64, 10, 18}, /* redo */
	{F_CP_THIS_TLI, T_U32, 10, 18}, /* ThisTimeLineID */
	{F_CP_PREV_TLI, T_U32, 10, 18}, /* PrevTimeLineID */
	{F_CP_FULL_PAGE_WRITES, T_BOOL, 10, 18},	/* fullPageWrites */
	{F_CP_WAL_LEVEL, T_I32, 17, 18},	/* wal_level */
	{F_CP_NEXT_XID_EPOCH, T_U32, 10, 11},	/* nextXidEpoch */
	{F_CP_NEXT_XID, T_U32, 10, 11}, /* nextXid */
	{F_CP_NEXT_FULL_XID, T_FXID, 12, 18},	/* nextFullXid, nextXid from 14 */
	{F_CP_NEXT_OID, T_U32, 10, 18}, /* nextOid */
	{F_CP_NEXT_MULTI, T_U32, 10, 18},	/* nextMulti */
	{F_CP_NEXT_MULTI_OFFSET, T_U32, 10, 18},	/* nextMultiOffset */
	{F_CP_OLDEST_XID, T_U32, 10, 18},	/* oldestXid */
	{F_CP_OLDEST_XID_DB, T_U32, 10, 18},	/* oldestXidDB */
	{F_CP_OLDEST_MULTI, T_U32, 10, 18}, /* oldestMulti */
	{F_CP_OLDEST_MULTI_DB, T_U32, 10, 18},	/* oldestMultiDB */
	{F_CP_TIME, T_I64, 10, 18}, /* time */
	{F_CP_OLDEST_COMMIT_TS_XID, T_U32, 10, 18}, /* oldestCommitTsXid */
	{F_CP_NEWEST_COMMIT_TS_XID, T_U32, 10, 18}, /* newestCommitTsXid */
	{F_CP_OLDEST_ACTIVE_XID, T_U32, 10, 18},	/* oldestActiveXid */
	{F_NONE, T_STRUCT_END, 10, 18},
	{F_UNLOGGED_LSN, T_U64, 10, 18},	/* unloggedLSN */
	{F_MIN_RECOVERY_POINT, T_U64, 10, 18},	/* minRecoveryPoint */
	{F_MIN_RECOVERY_POINT_TLI, T_U32, 10, 18},	/* minRecoveryPointTLI */
	{F_BACKUP_START_POINT, T_U64, 10, 18},	/* backupStartPoint */
	{F_BACKUP_END_POINT, T_U64, 10, 18},	/* backupEndPoint */
	{F_BACKUP_END_REQUIRED, T_BOOL, 10, 18},	/* backupEndRequired */
	{F_WAL_LEVEL, T_I32, 10, 18},	/* wal_level */
	{F_WAL_LOG_HINTS, T_BOOL, 10, 18},	/* wal_log_hints */
	{F_MAX_CONNECTIONS, T_I32, 10, 18}, /* MaxConnections */
	{F_MAX_WORKER_PROCESSES, T_I32, 10, 18},	/* max_worker_processes */
	{F_MAX_WAL_SENDERS, T_I32, 12, 18}, /* max_wal_senders */
	{F_MAX_PREPARED_XACTS, T_I32, 10, 18},	/* max_prepared_xacts */
	{F_MAX_LOCKS_PER_XACT, T_I32, 10, 18},	/* max_locks_per_xact */
	{F_TRACK_COMMIT_TIMESTAMP, T_BOOL, 10, 18}, /* track_commit_timestamp */
	{F_MAX_ALIGN, T_U32, 10, 18},	/* maxAlign */
	{F_FLOAT_FORMAT, T_F64, 10, 18},	/* floatFormat */
	{F_BLCKSZ, T_U32, 10, 18},	/* blcksz */
	{F_RELSEG_SIZE, T_U32, 10, 18}, /* relseg_size */
	{F_XLOG_BLCKSZ, T_U32, 10, 18}, /* xlog_blcksz */
	{F_XLOG_SEG_SIZE, T_U32, 10, 18},	/* xlog_seg_size */
	{F_NAME_DATA_LEN, T_U32, 10, 18},	/* nameDataLen */
	{F_INDEX_MAX_KEYS, T_U32, 10, 18},	/* indexMaxKeys */
	{F_TOAST_MAX_CHUNK_SIZE, T_U32, 10, 18},	/* toast_max_chunk_size */
	{F_LOBLKSIZE, T_U32, 10, 18},	/* loblksize */
	{F_FLOAT4_BYVAL, T_BOOL, 10, 12},	/* float4ByVal */
	{F_FLOAT8_BYVAL, T_BOOL, 10, 18},	/* float8ByVal */
	{F_DATA_CHECKSUM_VERSION, T_U32, 10, 18},	/* data_checksum_version */
	{F_DEFAULT_CHAR_SIGNEDNESS, T_BOOL, 18, 18},	/* default_char_signedness */
	{F_MOCK_AUTH_NONCE, T_NONCE, 10, 18},	/* mock_authentication_nonce */
	{F_CRC, T_U32, 10, 18},		/* crc: must stay last */
};

#define NMEMBERS (sizeof(ctl_members) / sizeof(ctl_members[0]))

/* The fixed head every major shares: the version fields are 8 bytes in. */
#define CTL_HEAD_LEN 16

/* DBState values, as pg_controldata names them. */
static const char *const db_state_names[] = {
	"starting up",				/* DB_STARTUP */
	"shut down",				/* DB_SHUTDOWNED */
	"shut down in recovery",	/* DB_SHUTDOWNED_IN_RECOVERY */
	"shutting down",			/* DB_SHUTDOWNING */
	"in crash recovery",		/* DB_IN_CRASH_RECOVERY */
	"in archive recovery",		/* DB_IN_ARCHIVE_RECOVERY */
	"in production",			/* DB_IN_PRODUCTION */
};

static uint32_t
rd32(const uint8_t *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 |
		(uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

static uint64_t
rd64(const uint8_t *p)
{
	return (uint64_t) rd32(p) | (uint64_t) rd32(p + 4) << 32;
}

static size_t
align_up(size_t off, size_t a)
{
	return (off + a - 1) & ~(a - 1);
}

/*
 * Offset of the CRC and size of the struct in a major's layout.  Also used
 * to check a buffer is long enough before any member is read.
 */
static size_t
ctl_crc_offset(int major)
{
	size_t		off = 0;

	for (size_t i = 0; i < NMEMBERS; i++)
	{
		const struct ctl_member *m = &ctl_members[i];

		if (major < m->first || major > m->last)
			continue;
		off = align_up(off, ctl_types[m->type].align);
		if (m->field == F_CRC)
			return off;
		off += ctl_types[m->type].size;
	}
	return 0;					/* not reached: F_CRC is in every layout */
}

static void
ctl_store(struct pg_control *c, const struct ctl_member *m, const uint8_t *p)
{
	uint32_t	v32 = 0;
	uint64_t	v64 = 0;

	switch (ctl_types[m->type].size)
	{
		case 1:
			v32 = p[0];
			break;
		case 4:
			v32 = rd32(p);
			break;
		case 8:
			v64 = rd64(p);
			break;
		default:
			break;
	}

	switch ((enum ctl_field) m->field)
	{
		case F_NONE:
			break;
		case F_SYSTEM_IDENTIFIER:
			c->system_identifier = v64;
			break;
		case F_PG_CONTROL_VERSION:
			c->pg_control_version = v32;
			break;
		case F_CATALOG_VERSION_NO:
			c->catalog_version_no = v32;
			break;
		case F_STATE:
			c->state = (int32_t) v32;
			break;
		case F_TIME:
			c->time = (int64_t) v64;
			break;
		case F_CHECKPOINT:
			c->checkpoint = v64;
			break;
		case F_PREV_CHECKPOINT:
			c->prev_checkpoint = v64;
			c->has_prev_checkpoint = true;
			break;
		case F_CP_REDO:
			c->redo = v64;
			break;
		case F_CP_THIS_TLI:
			c->timeline = v32;
			break;
		case F_CP_PREV_TLI:
			c->prev_timeline = v32;
			break;
		case F_CP_FULL_PAGE_WRITES:
			c->full_page_writes = v32 != 0;
			break;
		case F_CP_WAL_LEVEL:
			c->checkpoint_wal_level = (int32_t) v32;
			c->has_checkpoint_wal_level = true;
			break;
		case F_CP_NEXT_XID_EPOCH:
			c->next_xid_epoch = v32;
			break;
		case F_CP_NEXT_XID:
			c->next_xid = v32;
			break;
		case F_CP_NEXT_FULL_XID:
			/* FullTransactionId: epoch in the high half, xid in the low. */
			c->next_xid_epoch = (uint32_t) (v64 >> 32);
			c->next_xid = (uint32_t) v64;
			break;
		case F_CP_NEXT_OID:
			c->next_oid = v32;
			break;
		case F_CP_NEXT_MULTI:
			c->next_multi = v32;
			break;
		case F_CP_NEXT_MULTI_OFFSET:
			c->next_multi_offset = v32;
			break;
		case F_CP_OLDEST_XID:
			c->oldest_xid = v32;
			break;
		case F_CP_OLDEST_XID_DB:
			c->oldest_xid_db = v32;
			break;
		case F_CP_OLDEST_MULTI:
			c->oldest_multi = v32;
			break;
		case F_CP_OLDEST_MULTI_DB:
			c->oldest_multi_db = v32;
			break;
		case F_CP_TIME:
			c->checkpoint_time = (int64_t) v64;
			break;
		case F_CP_OLDEST_COMMIT_TS_XID:
			c->oldest_commit_ts_xid = v32;
			break;
		case F_CP_NEWEST_COMMIT_TS_XID:
			c->newest_commit_ts_xid = v32;
			break;
		case F_CP_OLDEST_ACTIVE_XID:
			c->oldest_active_xid = v32;
			break;
		case F_UNLOGGED_LSN:
			c->unlogged_lsn = v64;
			break;
		case F_MIN_RECOVERY_POINT:
			c->min_recovery_point = v64;
			break;
		case F_MIN_RECOVERY_POINT_TLI:
			c->min_recovery_point_tli = v32;
			break;
		case F_BACKUP_START_POINT:
			c->backup_start_point = v64;
			break;
		case F_BACKUP_END_POINT:
			c->backup_end_point = v64;
			break;
		case F_BACKUP_END_REQUIRED:
			c->backup_end_required = v32 != 0;
			break;
		case F_WAL_LEVEL:
			c->wal_level = (int32_t) v32;
			break;
		case F_WAL_LOG_HINTS:
			c->wal_log_hints = v32 != 0;
			break;
		case F_MAX_CONNECTIONS:
			c->max_connections = (int32_t) v32;
			break;
		case F_MAX_WORKER_PROCESSES:
			c->max_worker_processes = (int32_t) v32;
			break;
		case F_MAX_WAL_SENDERS:
			c->max_wal_senders = (int32_t) v32;
			c->has_max_wal_senders = true;
			break;
		case F_MAX_PREPARED_XACTS:
			c->max_prepared_xacts = (int32_t) v32;
			break;
		case F_MAX_LOCKS_PER_XACT:
			c->max_locks_per_xact = (int32_t) v32;
			break;
		case F_TRACK_COMMIT_TIMESTAMP:
			c->track_commit_timestamp = v32 != 0;
			break;
		case F_MAX_ALIGN:
			c->max_align = v32;
			break;
		case F_FLOAT_FORMAT:
			/* The writer's double is IEEE 754 like ours (x86-64 only). */
			memcpy(&c->float_format, &v64, sizeof(c->float_format));
			break;
		case F_BLCKSZ:
			c->blcksz = v32;
			break;
		case F_RELSEG_SIZE:
			c->relseg_size = v32;
			break;
		case F_XLOG_BLCKSZ:
			c->xlog_blcksz = v32;
			break;
		case F_XLOG_SEG_SIZE:
			c->xlog_seg_size = v32;
			break;
		case F_NAME_DATA_LEN:
			c->name_data_len = v32;
			break;
		case F_INDEX_MAX_KEYS:
			c->index_max_keys = v32;
			break;
		case F_TOAST_MAX_CHUNK_SIZE:
			c->toast_max_chunk_size = v32;
			break;
		case F_LOBLKSIZE:
			c->loblksize = v32;
			break;
		case F_FLOAT4_BYVAL:
			c->float4_byval = v32 != 0;
			c->has_float4_byval = true;
			break;
		case F_FLOAT8_BYVAL:
			c->float8_byval = v32 != 0;
			break;
		case F_DATA_CHECKSUM_VERSION:
			c->data_checksum_version = v32;
			break;
		case F_DEFAULT_CHAR_SIGNEDNESS:
			c->default_char_signedness = v32 != 0;
			c->has_default_char_signedness = true;
			break;
		case F_MOCK_AUTH_NONCE:
			memcpy(c->mock_authentication_nonce, p,
				   sizeof(c->mock_authentication_nonce));
			break;
		case F_CRC:
			c->crc_stored = v32;
			break;
	}
}

int
control_decode(const uint8_t *buf, size_t len, struct pg_control *c,
			   struct diags *ds)
{
	const struct pg_profile *profile;
	size_t		crc_off;
	size_t		off = 0;

	memset(c, 0, sizeof(*c));
	c->state_name = "unrecognized status code";
	if (buf == NULL || len < CTL_HEAD_LEN)
	{
		diag_add(ds, D_BAD_CONTROL_FILE,
				 "%zu bytes, too short to hold the version fields", len);
		return -1;
	}
	c->system_identifier = rd64(buf);
	c->pg_control_version = rd32(buf + 8);
	c->catalog_version_no = rd32(buf + 12);

	profile = pg_profile_by_control(c->pg_control_version,
									c->catalog_version_no);
	if (profile == NULL)
	{
		uint32_t	v = c->pg_control_version;

		/* PostgreSQL's own hint: a known version read in the wrong order. */
		if (v % 65536 == 0 && v / 65536 != 0)
			diag_add(ds, D_UNKNOWN_VERSION,
					 "pg_control_version %u looks byte-swapped: "
					 "written on a big-endian machine?", (unsigned) v);
		else
			diag_add(ds, D_UNKNOWN_VERSION,
					 "pg_control_version %u, catalog_version_no %u",
					 (unsigned) v, (unsigned) c->catalog_version_no);
		return -1;
	}

	crc_off = ctl_crc_offset(profile->major);
	if (len < crc_off + 4)
	{
		diag_add(ds, D_BAD_CONTROL_FILE,
				 "%zu bytes, PostgreSQL %d's ControlFileData needs %zu",
				 len, profile->major, crc_off + 4);
		return -1;
	}

	for (size_t i = 0; i < NMEMBERS; i++)
	{
		const struct ctl_member *m = &ctl_members[i];

		if (profile->major < m->first || profile->major > m->last)
			continue;
		off = align_up(off, ctl_types[m->type].align);
		/* crc_off + 4 <= len was checked; every member lies below it. */
		ctl_store(c, m, buf + off);
		off += ctl_types[m->type].size;
	}

	c->profile = profile;
	c->crc_offset = crc_off;
	if (c->state >= 0 &&
		(size_t) c->state < sizeof(db_state_names) / sizeof(db_state_names[0]))
		c->state_name = db_state_names[c->state];
	else
		diag_add(ds, D_BAD_CONTROL_FILE, "state %d is not a DBState",
				 (int) c->state);

	c->crc_computed = crc32c(buf, crc_off);
	c->crc_ok = c->crc_computed == c->crc_stored;
	if (!c->crc_ok)
		diag_add(ds, D_CONTROL_CRC, "stored 0x%08x, computed 0x%08x",
				 (unsigned) c->crc_stored, (unsigned) c->crc_computed);

	/* PostgreSQL refuses a cluster whose floatFormat differs; so do we. */
	if (c->float_format != 1234567.0)
		diag_add(ds, D_BAD_CONTROL_FILE,
				 "floatFormat is not 1234567.0: not PostgreSQL %d's layout?",
				 profile->major);
	return 0;
}
