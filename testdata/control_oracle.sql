-- pg_control as PostgreSQL reads it: the three pg_control_*() functions in
-- one object.  They read global/pg_control itself; after a clean restart
-- only state and modification time differ from the copied file.
SELECT row_to_json(t) FROM (
  SELECT s.pg_control_version, s.catalog_version_no, s.system_identifier::text AS system_identifier,
         c.checkpoint_lsn, c.redo_lsn, c.timeline_id, c.prev_timeline_id, c.full_page_writes,
         c.next_xid, c.next_oid, c.next_multixact_id, c.next_multi_offset, c.oldest_xid,
         c.oldest_xid_dbid, c.oldest_active_xid, c.oldest_multi_xid, c.oldest_multi_dbid,
         c.oldest_commit_ts_xid, c.newest_commit_ts_xid,
         i.max_data_alignment, i.database_block_size, i.blocks_per_segment, i.wal_block_size,
         i.bytes_per_wal_segment, i.max_identifier_length, i.max_index_columns,
         i.max_toast_chunk_size, i.large_object_chunk_size, i.float8_pass_by_value,
         i.data_page_checksum_version
  FROM pg_control_system() s, pg_control_checkpoint() c, pg_control_init() i) t;
