/*
 * control: global/pg_control (ControlFileData) of every major 10..18.
 *
 * control_decode() reads the bytes of a pg_control file (PG_CONTROL_FILE_SIZE,
 * 8192, though only the struct matters), finds the major from
 * pg_control_version and catalog_version_no, decodes the fields with that
 * major's layout, and checks the CRC-32C stored after the struct.  Pure:
 * bytes in, struct out, findings in ds.
 */
#ifndef PGOD_CONTROL_H
#define PGOD_CONTROL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"
#include "cluster/version.h"

struct pg_control {
	const struct pg_profile *profile;	/* NULL if the version is unknown */
	uint64_t	system_identifier;	/* system_identifier */
	uint32_t	pg_control_version; /* pg_control_version */
	uint32_t	catalog_version_no; /* catalog_version_no */
	int32_t		state;				/* state (DBState) */
	const char *state_name;			/* "shut down", "in production", ... */
	int64_t		time;				/* time: last pg_control update */
	uint64_t	checkpoint;			/* checkPoint: last checkpoint record */
	uint64_t	min_recovery_point; /* minRecoveryPoint */
	uint64_t	backup_start_point; /* backupStartPoint */
	uint64_t	backup_end_point;	/* backupEndPoint */
	bool		backup_end_required;	/* backupEndRequired */
	/* checkPointCopy (CheckPoint) */
	uint64_t	redo;				/* checkPointCopy.redo */
	uint32_t	timeline;			/* checkPointCopy.ThisTimeLineID */
	uint32_t	prev_timeline;		/* checkPointCopy.PrevTimeLineID */
	bool		full_page_writes;	/* checkPointCopy.fullPageWrites */
	uint32_t	next_xid_epoch;		/* nextXid epoch (nextXidEpoch before 12) */
	uint32_t	next_xid;			/* nextXid, 32-bit part */
	uint32_t	next_oid;			/* checkPointCopy.nextOid */
	uint32_t	next_multi;			/* checkPointCopy.nextMulti */
	uint32_t	next_multi_offset;	/* checkPointCopy.nextMultiOffset (64-bit from 19) */
	uint32_t	oldest_xid;			/* checkPointCopy.oldestXid */
	uint32_t	oldest_xid_db;		/* checkPointCopy.oldestXidDB */
	uint32_t	oldest_multi;		/* checkPointCopy.oldestMulti */
	uint32_t	oldest_multi_db;	/* checkPointCopy.oldestMultiDB */
	int64_t		checkpoint_time;	/* checkPointCopy.time */
	uint32_t	oldest_commit_ts_xid;	/* checkPointCopy.oldestCommitTsXid */
	uint32_t	newest_commit_ts_xid;	/* checkPointCopy.newestCommitTsXid */
	uint32_t	oldest_active_xid;	/* checkPointCopy.oldestActiveXid */
	/* compile-time settings of the server that wrote the cluster */
	int32_t		wal_level;			/* wal_level */
	uint32_t	max_align;			/* maxAlign */
	uint32_t	blcksz;				/* blcksz */
	uint32_t	relseg_size;		/* relseg_size */
	uint32_t	xlog_blcksz;		/* xlog_blcksz */
	uint32_t	xlog_seg_size;		/* xlog_seg_size */
	uint32_t	name_data_len;		/* nameDataLen */
	uint32_t	index_max_keys;		/* indexMaxKeys */
	uint32_t	toast_max_chunk_size;	/* toast_max_chunk_size */
	uint32_t	loblksize;			/* loblksize */
	bool		float8_byval;		/* float8ByVal */
	uint32_t	data_checksum_version;	/* data_checksum_version: 0 off, 1 on */

	/* Fields pg_controldata also prints; has_* is false where the major lacks one. */
	uint64_t	prev_checkpoint;	/* prevCheckPoint (10 only) */
	bool		has_prev_checkpoint;
	uint64_t	unlogged_lsn;		/* unloggedLSN */
	uint32_t	min_recovery_point_tli; /* minRecoveryPointTLI */
	int32_t		checkpoint_wal_level;	/* checkPointCopy.wal_level (17+) */
	bool		has_checkpoint_wal_level;
	bool		wal_log_hints;		/* wal_log_hints */
	int32_t		max_connections;	/* MaxConnections */
	int32_t		max_worker_processes;	/* max_worker_processes */
	int32_t		max_wal_senders;	/* max_wal_senders (12+) */
	bool		has_max_wal_senders;
	int32_t		max_prepared_xacts; /* max_prepared_xacts */
	int32_t		max_locks_per_xact; /* max_locks_per_xact */
	bool		track_commit_timestamp; /* track_commit_timestamp */
	double		float_format;		/* floatFormat: 1234567.0 when sane */
	bool		float4_byval;		/* float4ByVal (10..12) */
	bool		has_float4_byval;
	bool		default_char_signedness;	/* default_char_signedness (18+) */
	bool		has_default_char_signedness;
	uint8_t		mock_authentication_nonce[32];	/* mock_authentication_nonce */

	size_t		crc_offset;			/* offsetof(ControlFileData, crc) in this layout */
	uint32_t	crc_stored;			/* crc, as written */
	uint32_t	crc_computed;		/* CRC-32C of the struct up to crc */
	bool		crc_ok;
};

/*
 * Returns 0 when the bytes were decoded (even with a CRC mismatch, which is
 * added to ds as D_CONTROL_CRC), -1 when they cannot be (too short, unknown
 * version: D_BAD_CONTROL_FILE / D_UNKNOWN_VERSION in ds).  *c is always
 * zeroed first; on -1 it holds what could be read (the version fields when
 * at least 16 bytes were given), profile NULL.  A decoded file whose state
 * is not a DBState or whose floatFormat is not 1234567.0 (a sign of a wrong
 * layout) also gets a D_BAD_CONTROL_FILE finding.
 */
int			control_decode(const uint8_t *buf, size_t len,
						   struct pg_control *c, struct diags *ds);

#endif
