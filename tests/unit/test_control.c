/*
 * control: pg_control buffers crafted for every major's layout, damage
 * (truncated, bad CRC, unknown versions, hostile values), and the real
 * files under testdata/pgNN when they are there.
 *
 * The offsets below do not come from control.c: they are offsetof() of
 * each major's ControlFileData and CheckPoint as declared in that major's
 * catalog/pg_control.h, compiled for x86-64 once, outside this tree.
 */
#include "unit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cluster/control.h"
#include "io/crc32c.h"

/* Columns of layouts[]: the members, in the order of the file. */
enum {
	O_MAJOR, O_STATE, O_TIME, O_CHECKPOINT, O_PREV_CHECKPOINT,
	O_REDO, O_THIS_TLI, O_PREV_TLI, O_FPW, O_CP_WAL_LEVEL,
	O_NEXT_XID_EPOCH, O_NEXT_XID, O_NEXT_FULL_XID,
	O_NEXT_OID, O_NEXT_MULTI, O_NEXT_MULTI_OFFSET, O_OLDEST_XID,
	O_OLDEST_XID_DB, O_OLDEST_MULTI, O_OLDEST_MULTI_DB, O_CP_TIME,
	O_OLDEST_COMMIT_TS, O_NEWEST_COMMIT_TS, O_OLDEST_ACTIVE,
	O_UNLOGGED_LSN, O_MIN_RECOVERY, O_MIN_RECOVERY_TLI, O_BACKUP_START,
	O_BACKUP_END, O_BACKUP_END_REQUIRED, O_WAL_LEVEL, O_WAL_LOG_HINTS,
	O_MAX_CONNECTIONS, O_MAX_WORKERS, O_MAX_WAL_SENDERS, O_MAX_PREPARED,
	O_MAX_LOCKS, O_TRACK_COMMIT_TS, O_MAX_ALIGN, O_FLOAT_FORMAT,
	O_BLCKSZ, O_RELSEG_SIZE, O_XLOG_BLCKSZ, O_XLOG_SEG_SIZE,
	O_NAME_DATA_LEN, O_INDEX_MAX_KEYS, O_TOAST_MAX_CHUNK, O_LOBLKSIZE,
	O_FLOAT4_BYVAL, O_FLOAT8_BYVAL, O_CHECKSUM_VERSION, O_CHAR_SIGNEDNESS,
	O_NONCE, O_CRC, O__COUNT
};

/* 0 = the major has no such member (only system_identifier sits at 0). */
static const uint16_t layouts[][O__COUNT] = {
	{10, 16, 24, 32, 40, 48, 56, 60, 64, 0, 68, 72, 0, 76, 80, 84, 88, 92, 96, 100, 104, 112, 116, 120, 128, 136, 144, 152, 160, 168, 172, 176, 180, 184, 0, 188, 192, 196, 200, 208, 216, 220, 224, 228, 232, 236, 240, 244, 248, 249, 252, 0, 256, 288},
	{11, 16, 24, 32, 0, 40, 48, 52, 56, 0, 60, 64, 0, 68, 72, 76, 80, 84, 88, 92, 96, 104, 108, 112, 120, 128, 136, 144, 152, 160, 164, 168, 172, 176, 0, 180, 184, 188, 192, 200, 208, 212, 216, 220, 224, 228, 232, 236, 240, 241, 244, 0, 248, 280},
	{12, 16, 24, 32, 0, 40, 48, 52, 56, 0, 0, 0, 64, 72, 76, 80, 84, 88, 92, 96, 104, 112, 116, 120, 128, 136, 144, 152, 160, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 216, 220, 224, 228, 232, 236, 240, 244, 248, 249, 252, 0, 256, 288},
	{13, 16, 24, 32, 0, 40, 48, 52, 56, 0, 0, 0, 64, 72, 76, 80, 84, 88, 92, 96, 104, 112, 116, 120, 128, 136, 144, 152, 160, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 216, 220, 224, 228, 232, 236, 240, 244, 0, 248, 252, 0, 256, 288},
	{14, 16, 24, 32, 0, 40, 48, 52, 56, 0, 0, 0, 64, 72, 76, 80, 84, 88, 92, 96, 104, 112, 116, 120, 128, 136, 144, 152, 160, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 216, 220, 224, 228, 232, 236, 240, 244, 0, 248, 252, 0, 256, 288},
	{15, 16, 24, 32, 0, 40, 48, 52, 56, 0, 0, 0, 64, 72, 76, 80, 84, 88, 92, 96, 104, 112, 116, 120, 128, 136, 144, 152, 160, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 216, 220, 224, 228, 232, 236, 240, 244, 0, 248, 252, 0, 256, 288},
	{16, 16, 24, 32, 0, 40, 48, 52, 56, 0, 0, 0, 64, 72, 76, 80, 84, 88, 92, 96, 104, 112, 116, 120, 128, 136, 144, 152, 160, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 216, 220, 224, 228, 232, 236, 240, 244, 0, 248, 252, 0, 256, 288},
	{17, 16, 24, 32, 0, 40, 48, 52, 56, 60, 0, 0, 64, 72, 76, 80, 84, 88, 92, 96, 104, 112, 116, 120, 128, 136, 144, 152, 160, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 216, 220, 224, 228, 232, 236, 240, 244, 0, 248, 252, 0, 256, 288},
	{18, 16, 24, 32, 0, 40, 48, 52, 56, 60, 0, 0, 64, 72, 76, 80, 84, 88, 92, 96, 104, 112, 116, 120, 128, 136, 144, 152, 160, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 216, 220, 224, 228, 232, 236, 240, 244, 0, 248, 252, 256, 257, 292},
};

#define NLAYOUTS (sizeof(layouts) / sizeof(layouts[0]))

/* PG_CONTROL_VERSION and the release CATALOG_VERSION_NO of 10..18. */
static const uint32_t ctl_versions[][2] = {
	{1002, 201707211}, {1100, 201809051}, {1201, 201909212},
	{1300, 202007201}, {1300, 202107181}, {1300, 202209061},
	{1300, 202307071}, {1700, 202406281}, {1800, 202506291},
};

#define CONTROL_FILE_SIZE 8192	/* PG_CONTROL_FILE_SIZE */

static void
put32(uint8_t *b, size_t off, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		b[off + i] = (uint8_t) (v >> (8 * i));
}

static void
put64(uint8_t *b, size_t off, uint64_t v)
{
	put32(b, off, (uint32_t) v);
	put32(b, off + 4, (uint32_t) (v >> 32));
}

/* A value no other member has, so a misplaced read shows. */
static uint32_t
v32(int col)
{
	return 0x01000000u + (uint32_t) col * 0x010101u;
}

static uint64_t
v64(int col)
{
	return 0x0200000000000000ull + (uint64_t) col * 0x0101010101ull;
}

static void
seal(uint8_t *b, size_t crc_off)
{
	put32(b, crc_off, crc32c(b, crc_off));
}

/*
 * Fill an 8192-byte pg_control for layouts[li]: every member a distinct
 * value, sane where decode checks (state, floatFormat), and a good CRC.
 */
static void
build(uint8_t *b, size_t li)
{
	const uint16_t *o = layouts[li];
	double		ff = 1234567.0;
	uint64_t	ffbits;

	memset(b, 0, CONTROL_FILE_SIZE);
	put64(b, 0, 0x7000000000000001ull);
	put32(b, 8, ctl_versions[li][0]);
	put32(b, 12, ctl_versions[li][1]);
	put32(b, o[O_STATE], 6);	/* DB_IN_PRODUCTION */
	for (int col = O_TIME; col < O_CRC; col++)
	{
		if (o[col] == 0 || col == O_STATE)
			continue;
		switch (col)
		{
			case O_TIME:
			case O_CHECKPOINT:
			case O_PREV_CHECKPOINT:
			case O_REDO:
			case O_NEXT_FULL_XID:
			case O_CP_TIME:
			case O_UNLOGGED_LSN:
			case O_MIN_RECOVERY:
			case O_BACKUP_START:
			case O_BACKUP_END:
				put64(b, o[col], v64(col));
				break;
			case O_FLOAT_FORMAT:
				memcpy(&ffbits, &ff, 8);
				put64(b, o[col], ffbits);
				break;
			case O_FPW:
			case O_BACKUP_END_REQUIRED:
			case O_WAL_LOG_HINTS:
			case O_TRACK_COMMIT_TS:
			case O_FLOAT4_BYVAL:
			case O_FLOAT8_BYVAL:
			case O_CHAR_SIGNEDNESS:
				b[o[col]] = 1;
				break;
			case O_NONCE:
				for (int i = 0; i < 32; i++)
					b[o[col] + i] = (uint8_t) (0xA0 + i);
				break;
			default:
				put32(b, o[col], v32(col));
				break;
		}
	}
	seal(b, o[O_CRC]);
}

static void
test_every_layout(void **state)
{
	static uint8_t b[CONTROL_FILE_SIZE];

	(void) state;
	for (size_t li = 0; li < NLAYOUTS; li++)
	{
		const uint16_t *o = layouts[li];
		int			major = o[O_MAJOR];
		struct pg_control c;
		struct diags ds;

		build(b, li);
		diags_reset(&ds);
		assert_int_equal(control_decode(b, sizeof(b), &c, &ds), 0);
		assert_int_equal(ds.n, 0);
		assert_non_null(c.profile);
		assert_int_equal(c.profile->major, major);
		assert_int_equal(c.crc_offset, o[O_CRC]);
		assert_true(c.crc_ok);
		assert_int_equal(c.crc_stored, c.crc_computed);

		assert_true(c.system_identifier == 0x7000000000000001ull);
		assert_int_equal(c.pg_control_version, ctl_versions[li][0]);
		assert_int_equal(c.catalog_version_no, ctl_versions[li][1]);
		assert_int_equal(c.state, 6);
		assert_string_equal(c.state_name, "in production");
		assert_true(c.time == (int64_t) v64(O_TIME));
		assert_true(c.checkpoint == v64(O_CHECKPOINT));
		assert_int_equal(c.has_prev_checkpoint, major == 10);
		if (major == 10)
			assert_true(c.prev_checkpoint == v64(O_PREV_CHECKPOINT));
		assert_true(c.redo == v64(O_REDO));
		assert_int_equal(c.timeline, v32(O_THIS_TLI));
		assert_int_equal(c.prev_timeline, v32(O_PREV_TLI));
		assert_true(c.full_page_writes);
		assert_int_equal(c.has_checkpoint_wal_level, major >= 17);
		if (major >= 17)
			assert_int_equal(c.checkpoint_wal_level, v32(O_CP_WAL_LEVEL));
		if (major <= 11)
		{
			assert_int_equal(c.next_xid_epoch, v32(O_NEXT_XID_EPOCH));
			assert_int_equal(c.next_xid, v32(O_NEXT_XID));
		}
		else
		{
			assert_int_equal(c.next_xid_epoch, (uint32_t) (v64(O_NEXT_FULL_XID) >> 32));
			assert_int_equal(c.next_xid, (uint32_t) v64(O_NEXT_FULL_XID));
		}
		assert_int_equal(c.next_oid, v32(O_NEXT_OID));
		assert_int_equal(c.next_multi, v32(O_NEXT_MULTI));
		assert_int_equal(c.next_multi_offset, v32(O_NEXT_MULTI_OFFSET));
		assert_int_equal(c.oldest_xid, v32(O_OLDEST_XID));
		assert_int_equal(c.oldest_xid_db, v32(O_OLDEST_XID_DB));
		assert_int_equal(c.oldest_multi, v32(O_OLDEST_MULTI));
		assert_int_equal(c.oldest_multi_db, v32(O_OLDEST_MULTI_DB));
		assert_true(c.checkpoint_time == (int64_t) v64(O_CP_TIME));
		assert_int_equal(c.oldest_commit_ts_xid, v32(O_OLDEST_COMMIT_TS));
		assert_int_equal(c.newest_commit_ts_xid, v32(O_NEWEST_COMMIT_TS));
		assert_int_equal(c.oldest_active_xid, v32(O_OLDEST_ACTIVE));
		assert_true(c.unlogged_lsn == v64(O_UNLOGGED_LSN));
		assert_true(c.min_recovery_point == v64(O_MIN_RECOVERY));
		assert_int_equal(c.min_recovery_point_tli, v32(O_MIN_RECOVERY_TLI));
		assert_true(c.backup_start_point == v64(O_BACKUP_START));
		assert_true(c.backup_end_point == v64(O_BACKUP_END));
		assert_true(c.backup_end_required);
		assert_int_equal(c.wal_level, v32(O_WAL_LEVEL));
		assert_true(c.wal_log_hints);
		assert_int_equal(c.max_connections, v32(O_MAX_CONNECTIONS));
		assert_int_equal(c.max_worker_processes, v32(O_MAX_WORKERS));
		assert_int_equal(c.has_max_wal_senders, major >= 12);
		if (major >= 12)
			assert_int_equal(c.max_wal_senders, v32(O_MAX_WAL_SENDERS));
		assert_int_equal(c.max_prepared_xacts, v32(O_MAX_PREPARED));
		assert_int_equal(c.max_locks_per_xact, v32(O_MAX_LOCKS));
		assert_true(c.track_commit_timestamp);
		assert_int_equal(c.max_align, v32(O_MAX_ALIGN));
		assert_true(c.float_format == 1234567.0);
		assert_int_equal(c.blcksz, v32(O_BLCKSZ));
		assert_int_equal(c.relseg_size, v32(O_RELSEG_SIZE));
		assert_int_equal(c.xlog_blcksz, v32(O_XLOG_BLCKSZ));
		assert_int_equal(c.xlog_seg_size, v32(O_XLOG_SEG_SIZE));
		assert_int_equal(c.name_data_len, v32(O_NAME_DATA_LEN));
		assert_int_equal(c.index_max_keys, v32(O_INDEX_MAX_KEYS));
		assert_int_equal(c.toast_max_chunk_size, v32(O_TOAST_MAX_CHUNK));
		assert_int_equal(c.loblksize, v32(O_LOBLKSIZE));
		assert_int_equal(c.has_float4_byval, major <= 12);
		assert_int_equal(c.float4_byval, major <= 12);
		assert_true(c.float8_byval);
		assert_int_equal(c.data_checksum_version, v32(O_CHECKSUM_VERSION));
		assert_int_equal(c.has_default_char_signedness, major >= 18);
		assert_int_equal(c.default_char_signedness, major >= 18);
		for (int i = 0; i < 32; i++)
			assert_int_equal(c.mock_authentication_nonce[i], 0xA0 + i);
	}
}

/* Byte-identical 1300 files: only the catalog version tells 13..16 apart. */
static void
test_1300_by_catversion(void **state)
{
	static uint8_t b[CONTROL_FILE_SIZE];
	static const uint32_t cat[][2] = {
		{201909213, 13}, {202007201, 13}, {202007202, 14}, {202107181, 14},
		{202201241, 15}, {202209061, 15}, {202305241, 16}, {202307071, 16},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cat) / sizeof(cat[0]); i++)
	{
		struct pg_control c;
		struct diags ds;

		build(b, 3);
		put32(b, 12, cat[i][0]);
		seal(b, 288);
		diags_reset(&ds);
		assert_int_equal(control_decode(b, sizeof(b), &c, &ds), 0);
		assert_int_equal(c.profile->major, (int) cat[i][1]);
		assert_true(c.crc_ok);
	}
}

/*
 * Every length short of the struct is refused, and nothing past len is
 * read: each attempt gets a heap block of exactly len bytes for ASan.
 */
static void
test_truncated(void **state)
{
	static uint8_t b[CONTROL_FILE_SIZE];

	(void) state;
	for (size_t li = 0; li < NLAYOUTS; li++)
	{
		size_t		need = (size_t) layouts[li][O_CRC] + 4;

		build(b, li);
		for (size_t len = 0; len <= need; len++)
		{
			uint8_t    *copy = malloc(len == 0 ? 1 : len);
			struct pg_control c;
			struct diags ds;
			int			rc;

			assert_non_null(copy);
			memcpy(copy, b, len);
			diags_reset(&ds);
			rc = control_decode(copy, len, &c, &ds);
			free(copy);
			if (len < need)
			{
				assert_int_equal(rc, -1);
				assert_null(c.profile);
				assert_int_equal(ds.n, 1);
				assert_int_equal(ds.d[0].code, D_BAD_CONTROL_FILE);
				if (len >= 16)
					assert_int_equal(c.pg_control_version, ctl_versions[li][0]);
			}
			else
			{
				/* The struct alone, without the file's zero tail, is enough. */
				assert_int_equal(rc, 0);
				assert_true(c.crc_ok);
				assert_int_equal(ds.n, 0);
			}
		}
	}
	{
		struct pg_control c;
		struct diags ds;

		diags_reset(&ds);
		assert_int_equal(control_decode(NULL, 8192, &c, &ds), -1);
		assert_int_equal(ds.d[0].code, D_BAD_CONTROL_FILE);
	}
}

/* Any flipped bit under the CRC is caught; bytes after it do not count. */
static void
test_bad_crc(void **state)
{
	static uint8_t b[CONTROL_FILE_SIZE];

	(void) state;
	for (size_t li = 0; li < NLAYOUTS; li++)
	{
		size_t		crc_off = layouts[li][O_CRC];

		/* Past the version fields, so the layout stays the same. */
		for (size_t pos = 16; pos < crc_off + 4; pos++)
		{
			struct pg_control c;
			struct diags ds;

			build(b, li);
			b[pos] ^= (uint8_t) (1u << (pos % 8));
			diags_reset(&ds);
			assert_int_equal(control_decode(b, sizeof(b), &c, &ds), 0);
			assert_false(c.crc_ok);
			assert_true(c.crc_stored != c.crc_computed);
			assert_non_null(c.profile);
			/* The CRC finding, and maybe one about state or floatFormat. */
			assert_true(ds.n >= 1);
			{
				int			found = 0;

				for (int i = 0; i < ds.n; i++)
					found |= ds.d[i].code == D_CONTROL_CRC;
				assert_true(found);
			}
		}
		{
			struct pg_control c;
			struct diags ds;

			build(b, li);
			b[crc_off + 4] ^= 0xFF;
			b[CONTROL_FILE_SIZE - 1] ^= 0xFF;
			diags_reset(&ds);
			assert_int_equal(control_decode(b, sizeof(b), &c, &ds), 0);
			assert_true(c.crc_ok);
			assert_int_equal(ds.n, 0);
		}
	}
}

static void
test_unknown_version(void **state)
{
	static uint8_t b[CONTROL_FILE_SIZE];
	static const uint32_t bad[][2] = {
		{9999, 202209061},
		{960, 201608131},		/* 9.6 */
		{1300, 0},
		{1300, 201909212},		/* 12's catalog with 13's control */
		{1300, 202406281},		/* 17's catalog with 13's control */
		{1002, 202506291},
		{1900, 202607011},		/* a future major */
		{0, 0},
		{UINT32_MAX, UINT32_MAX},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		struct pg_control c;
		struct diags ds;

		build(b, 5);
		put32(b, 8, bad[i][0]);
		put32(b, 12, bad[i][1]);
		seal(b, 288);
		diags_reset(&ds);
		assert_int_equal(control_decode(b, sizeof(b), &c, &ds), -1);
		assert_null(c.profile);
		assert_int_equal(c.pg_control_version, bad[i][0]);
		assert_int_equal(c.catalog_version_no, bad[i][1]);
		assert_int_equal(ds.n, 1);
		assert_int_equal(ds.d[0].code, D_UNKNOWN_VERSION);
		assert_false(c.crc_ok);
	}

	/* 1300 written big-endian reads as 0x14050000: say so. */
	{
		struct pg_control c;
		struct diags ds;

		build(b, 5);
		put32(b, 8, 0x14050000u);
		diags_reset(&ds);
		assert_int_equal(control_decode(b, sizeof(b), &c, &ds), -1);
		assert_non_null(strstr(ds.d[0].detail, "byte-swapped"));
	}
}

static void
test_state_names(void **state)
{
	static uint8_t b[CONTROL_FILE_SIZE];
	static const char *const names[] = {
		"starting up", "shut down", "shut down in recovery", "shutting down",
		"in crash recovery", "in archive recovery", "in production",
	};

	(void) state;
	for (int s = 0; s < 7; s++)
	{
		struct pg_control c;
		struct diags ds;

		build(b, 8);
		put32(b, 16, (uint32_t) s);
		seal(b, 292);
		diags_reset(&ds);
		assert_int_equal(control_decode(b, sizeof(b), &c, &ds), 0);
		assert_string_equal(c.state_name, names[s]);
		assert_int_equal(ds.n, 0);
	}
}

/* Values a damaged or hostile file may hold: decoded as they are, flagged. */
static void
test_hostile_values(void **state)
{
	static uint8_t b[CONTROL_FILE_SIZE];
	static const int32_t states[] = {-1, 7, INT32_MAX, INT32_MIN};

	(void) state;
	for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++)
	{
		struct pg_control c;
		struct diags ds;

		build(b, 7);
		put32(b, 16, (uint32_t) states[i]);
		seal(b, 288);
		diags_reset(&ds);
		assert_int_equal(control_decode(b, sizeof(b), &c, &ds), 0);
		assert_int_equal(c.state, states[i]);
		assert_string_equal(c.state_name, "unrecognized status code");
		assert_true(c.crc_ok);
		assert_int_equal(ds.n, 1);
		assert_int_equal(ds.d[0].code, D_BAD_CONTROL_FILE);
	}

	/* Every byte 0xFF but the version fields and the CRC. */
	for (size_t li = 0; li < NLAYOUTS; li++)
	{
		size_t		crc_off = layouts[li][O_CRC];
		struct pg_control c;
		struct diags ds;

		memset(b, 0xFF, sizeof(b));
		put32(b, 8, ctl_versions[li][0]);
		put32(b, 12, ctl_versions[li][1]);
		seal(b, crc_off);
		diags_reset(&ds);
		assert_int_equal(control_decode(b, sizeof(b), &c, &ds), 0);
		assert_true(c.crc_ok);
		assert_int_equal(c.blcksz, UINT32_MAX);
		assert_int_equal(c.xlog_seg_size, UINT32_MAX);
		assert_true(c.checkpoint == UINT64_MAX);
		assert_int_equal(c.state, -1);
		/* state, and floatFormat (a NaN here) */
		assert_int_equal(ds.n, 2);
		assert_int_equal(ds.d[0].code, D_BAD_CONTROL_FILE);
		assert_int_equal(ds.d[1].code, D_BAD_CONTROL_FILE);
		assert_non_null(strstr(ds.d[1].detail, "floatFormat"));
	}

	/* A zeroed file (but for its versions): state 0 is "starting up". */
	{
		struct pg_control c;
		struct diags ds;

		memset(b, 0, sizeof(b));
		put32(b, 8, 1100);
		put32(b, 12, 201809051);
		seal(b, 280);
		diags_reset(&ds);
		assert_int_equal(control_decode(b, sizeof(b), &c, &ds), 0);
		assert_string_equal(c.state_name, "starting up");
		assert_int_equal(ds.n, 1);	/* floatFormat 0.0 */
	}
}

/* Random bytes behind a valid version: never a crash, always an answer. */
static void
test_random_garbage(void **state)
{
	uint32_t	x = 0x9E3779B9u;

	(void) state;
	for (int round = 0; round < 2000; round++)
	{
		size_t		li = (size_t) round % NLAYOUTS;
		size_t		len = 16 + (size_t) (round * 7) % 400;
		uint8_t    *b = malloc(len);
		struct pg_control c;
		struct diags ds;
		int			rc;

		assert_non_null(b);
		for (size_t i = 0; i < len; i++)
		{
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			b[i] = (uint8_t) x;
		}
		put32(b, 8, ctl_versions[li][0]);
		put32(b, 12, ctl_versions[li][1]);
		diags_reset(&ds);
		rc = control_decode(b, len, &c, &ds);
		free(b);
		assert_true(rc == 0 || rc == -1);
		assert_true(ds.n >= 1);	/* a random CRC is wrong, or it is short */
		assert_non_null(c.state_name);
	}
}

/* ---- the real files, when the fixtures have been generated ---- */

/*
 * The checkpoint LSN stored in meta.json, under any of the names a
 * generator may have used, as "X/Y" or as a number.  Returns 1 if found.
 */
static int
meta_checkpoint(const char *path, uint64_t *lsn)
{
	static const char *const keys[] = {
		"\"checkpoint_lsn\"", "\"latest_checkpoint_lsn\"",
		"\"latest_checkpoint_location\"", "\"checkpoint_location\"",
		"\"checkpoint\"",
	};
	char	   *text = NULL;
	size_t		n = 0;
	int			found = 0;
	FILE	   *f = fopen(path, "rb");

	if (f == NULL)
		return 0;
	text = malloc(1 << 20);
	if (text != NULL)
	{
		n = fread(text, 1, (1 << 20) - 1, f);
		text[n] = '\0';
	}
	fclose(f);
	for (size_t k = 0; text != NULL && !found && k < sizeof(keys) / sizeof(keys[0]); k++)
	{
		const char *p = strstr(text, keys[k]);
		unsigned long long hi,
					lo;

		if (p == NULL)
			continue;
		p += strlen(keys[k]);
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
			p++;
		if (*p == '"' && sscanf(p + 1, "%llX/%llX", &hi, &lo) == 2)
		{
			*lsn = (uint64_t) hi << 32 | (uint64_t) lo;
			found = 1;
		}
		else if (*p >= '0' && *p <= '9' && sscanf(p, "%llu", &lo) == 1)
		{
			*lsn = (uint64_t) lo;
			found = 1;
		}
	}
	free(text);
	return found;
}

static void
test_real_file(void **state)
{
	int			major = *(int *) *state;
	char		dir[64],
				path[128];
	struct stat st;
	uint8_t    *b;
	size_t		n;
	FILE	   *f;
	struct pg_control c;
	struct diags ds;
	uint64_t	lsn;

	snprintf(dir, sizeof(dir), "testdata/pg%d", major);
	if (stat(dir, &st) != 0)
	{
		print_message("%s not generated: skipped\n", dir);
		skip();
	}
	snprintf(path, sizeof(path), "%s/data/global/pg_control", dir);
	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("%s exists but %s cannot be read: %s", dir, path,
				 strerror(errno));
	b = malloc(CONTROL_FILE_SIZE);
	assert_non_null(b);
	n = fread(b, 1, CONTROL_FILE_SIZE, f);
	fclose(f);
	if (n != CONTROL_FILE_SIZE)
	{
		free(b);
		fail_msg("%s: %zu bytes, expected %d", path, n, CONTROL_FILE_SIZE);
	}

	diags_reset(&ds);
	if (control_decode(b, n, &c, &ds) != 0)
	{
		free(b);
		fail_msg("%s: not decoded (%s: %s)", path, diag_text(ds.d[0].code),
				 ds.d[0].detail);
	}
	free(b);
	assert_non_null(c.profile);
	assert_int_equal(c.profile->major, major);
	assert_true(c.crc_ok);
	assert_int_equal(ds.n, 0);
	assert_int_equal(c.blcksz, 8192);
	assert_int_equal(c.xlog_seg_size, major == 16 ? 1024 * 1024 : 16 * 1024 * 1024);
	assert_int_equal(c.data_checksum_version, major == 12 ? 0 : 1);
	assert_true(c.float_format == 1234567.0);
	assert_int_equal(c.max_align, 8);
	assert_int_equal(c.name_data_len, 64);
	assert_int_equal(c.xlog_blcksz, 8192);
	assert_int_equal(c.relseg_size, 131072);

	snprintf(path, sizeof(path), "%s/oracle/meta.json", dir);
	if (meta_checkpoint(path, &lsn))
	{
		if (c.checkpoint != lsn)
			fail_msg("%s: checkPoint %X/%X, meta.json says %X/%X", dir,
					 (unsigned) (c.checkpoint >> 32), (unsigned) c.checkpoint,
					 (unsigned) (lsn >> 32), (unsigned) lsn);
	}
	else
		print_message("%s: no checkpoint LSN field; that check skipped\n", path);
}

int
main(void)
{
	static int	majors[] = {10, 11, 12, 13, 14, 15, 16, 17, 18};
	/* One test per major, named for it, so a failure says which. */
#define REAL(m) {"test_real_pg_control_pg" #m, test_real_file, NULL, NULL, &majors[m - 10]}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_layout),
		cmocka_unit_test(test_1300_by_catversion),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_crc),
		cmocka_unit_test(test_unknown_version),
		cmocka_unit_test(test_state_names),
		cmocka_unit_test(test_hostile_values),
		cmocka_unit_test(test_random_garbage),
		REAL(10), REAL(11), REAL(12), REAL(13), REAL(14), REAL(15), REAL(16),
		REAL(17), REAL(18),
	};
#undef REAL

	return cmocka_run_group_tests(tests, NULL, NULL);
}
