/*
 * pg_control's fields as pg_control_system(), pg_control_checkpoint() and
 * pg_control_init() name them (utils/misc/pg_controldata.c).
 */
#include <stdio.h>

#include "cluster/control_emit.h"

void
control_emit(struct emit *e, const char *file, const struct pg_control *c)
{
	char		tmp[64];

	emit_str(e, "file", file, EF_NOTEXT);
	emit_str(e, "kind", "pg_control", EF_BARE);
	emit_int(e, "pg_version", c->profile ? c->profile->major : 0, 0);
	emit_uint(e, "pg_control_version", c->pg_control_version, 0);
	emit_uint(e, "catalog_version_no", c->catalog_version_no, 0);
	snprintf(tmp, sizeof(tmp), "%llu", (unsigned long long) c->system_identifier);
	emit_str(e, "system_identifier", tmp, 0);
	emit_str(e, "state", c->state_name, 0);
	emit_lsn(e, "checkpoint_lsn", c->checkpoint, 0);
	emit_lsn(e, "redo_lsn", c->redo, 0);
	emit_uint(e, "timeline_id", c->timeline, 0);
	emit_uint(e, "prev_timeline_id", c->prev_timeline, 0);
	emit_bool(e, "full_page_writes", c->full_page_writes, 0);
	snprintf(tmp, sizeof(tmp), "%u:%u", c->next_xid_epoch, c->next_xid);
	emit_str(e, "next_xid", tmp, 0);
	emit_uint(e, "next_oid", c->next_oid, 0);
	emit_uint(e, "next_multixact_id", c->next_multi, 0);
	emit_uint(e, "next_multi_offset", c->next_multi_offset, 0);
	emit_uint(e, "oldest_xid", c->oldest_xid, 0);
	emit_uint(e, "oldest_xid_dbid", c->oldest_xid_db, 0);
	emit_uint(e, "oldest_active_xid", c->oldest_active_xid, 0);
	emit_uint(e, "oldest_multi_xid", c->oldest_multi, 0);
	emit_uint(e, "oldest_multi_dbid", c->oldest_multi_db, 0);
	emit_uint(e, "oldest_commit_ts_xid", c->oldest_commit_ts_xid, 0);
	emit_uint(e, "newest_commit_ts_xid", c->newest_commit_ts_xid, 0);
	emit_uint(e, "max_data_alignment", c->max_align, 0);
	emit_uint(e, "database_block_size", c->blcksz, 0);
	emit_uint(e, "blocks_per_segment", c->relseg_size, 0);
	emit_uint(e, "wal_block_size", c->xlog_blcksz, 0);
	emit_uint(e, "bytes_per_wal_segment", c->xlog_seg_size, 0);
	emit_uint(e, "max_identifier_length", c->name_data_len, 0);
	emit_uint(e, "max_index_columns", c->index_max_keys, 0);
	emit_uint(e, "max_toast_chunk_size", c->toast_max_chunk_size, 0);
	emit_uint(e, "large_object_chunk_size", c->loblksize, 0);
	emit_bool(e, "float8_pass_by_value", c->float8_byval, 0);
	emit_uint(e, "data_page_checksum_version", c->data_checksum_version, 0);
	emit_bool(e, "crc_ok", c->crc_ok, 0);
}
