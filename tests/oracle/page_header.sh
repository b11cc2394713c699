# pgpage's page header fields and checksum verdicts against page_header()
# and page_checksum(), for every block of every relation file of every
# fixture major (testdata/pgNN/oracle/page_header.jsonl).
. tests/lib.sh
. tests/oracle/report.sh

for M in $(majors); do
	DATA=testdata/pg$M/data
	oracle_cat "testdata/pg$M/oracle/page_header.jsonl" >"$TMP/oracle.jsonl"
	: >"$TMP/files"
	jq -r '.file' "$TMP/oracle.jsonl" | sort -u | while read -r f; do
		if [ -f "$DATA/$f" ]; then echo "$DATA/$f"; else echo "$DATA/$f.gz"; fi
	done >"$TMP/files"
	# every relation file in the fixture is in the oracle, and the reverse
	(cd "$DATA" && find base -type f ! -name 'PG_VERSION' ! -name 'pg_filenode.map' ! -name 'pg_internal.init' -size +0 | sed 's/\.gz$//' | sort) >"$TMP/ondisk"
	jq -r '.file' "$TMP/oracle.jsonl" | sort -u >"$TMP/inoracle"
	if cmp -s "$TMP/ondisk" "$TMP/inoracle"; then pass "pg$M oracle covers every relation file ($(wc -l <"$TMP/ondisk") files)"
	else fail "pg$M oracle covers every relation file" "$(diff "$TMP/ondisk" "$TMP/inoracle" | head -5 | tr '\n' ' ')"; fi

	xargs "$BIN/pgpage" --json <"$TMP/files" >"$TMP/ours.raw" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && pass "pg$M pgpage exit 0 on every relation file" || fail "pg$M pgpage exit 0 on every relation file" "exit $rc: $(head -3 "$TMP/err")"
	jq -c --arg d "$DATA/" '.file |= (ltrimstr($d) | rtrimstr(".gz"))' "$TMP/ours.raw" >"$TMP/ours.jsonl"
	jq -c '. + {checksum_ok: (if .page_checksum == null then null else (.page_checksum == .checksum) end)}' \
		"$TMP/oracle.jsonl" >"$TMP/oracle2.jsonl"
	jq -n --slurpfile ours "$TMP/ours.jsonl" --slurpfile oracle "$TMP/oracle2.jsonl" \
		--argjson keys '["file","blkno"]' \
		--argjson fields '[["lsn","lsn"],["checksum","checksum"],["flags","flags"],["lower","lower"],["upper","upper"],["special","special"],["pagesize","pagesize"],["version","version"],["prune_xid","prune_xid"],["checksum_computed","page_checksum"],["checksum_ok","checksum_ok"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M page_header" "$TMP/cmp.json"

	# -k: checksum verification is clean where the cluster has checksums
	if [ "$(jq -r '.data_checksums' "testdata/pg$M/oracle/meta.json")" = "true" ]; then
		xargs "$BIN/pgpage" -k <"$TMP/files" >/dev/null 2>"$TMP/err"
		rc=$?
		[ $rc -eq 0 ] && pass "pg$M pgpage -k clean" || fail "pg$M pgpage -k clean" "exit $rc: $(head -3 "$TMP/err")"
	fi

	# pg_control against pg_control_system/checkpoint/init(), where stored
	if [ -f "testdata/pg$M/oracle/control.json" ]; then
		"$BIN/pgpage" --json "$DATA/global/pg_control" >"$TMP/ctl.jsonl"
		jq -n --slurpfile ours "$TMP/ctl.jsonl" --slurpfile oracle "testdata/pg$M/oracle/control.json" \
			--argjson keys '[]' \
			--argjson fields '[["pg_control_version","pg_control_version"],["catalog_version_no","catalog_version_no"],["system_identifier","system_identifier"],["checkpoint_lsn","checkpoint_lsn"],["redo_lsn","redo_lsn"],["timeline_id","timeline_id"],["prev_timeline_id","prev_timeline_id"],["full_page_writes","full_page_writes"],["next_xid","next_xid"],["next_oid","next_oid"],["next_multixact_id","next_multixact_id"],["next_multi_offset","next_multi_offset"],["oldest_xid","oldest_xid"],["oldest_xid_dbid","oldest_xid_dbid"],["oldest_active_xid","oldest_active_xid"],["oldest_multi_xid","oldest_multi_xid"],["oldest_multi_dbid","oldest_multi_dbid"],["oldest_commit_ts_xid","oldest_commit_ts_xid"],["newest_commit_ts_xid","newest_commit_ts_xid"],["max_data_alignment","max_data_alignment"],["database_block_size","database_block_size"],["blocks_per_segment","blocks_per_segment"],["wal_block_size","wal_block_size"],["bytes_per_wal_segment","bytes_per_wal_segment"],["max_identifier_length","max_identifier_length"],["max_index_columns","max_index_columns"],["max_toast_chunk_size","max_toast_chunk_size"],["large_object_chunk_size","large_object_chunk_size"],["float8_pass_by_value","float8_pass_by_value"],["data_page_checksum_version","data_page_checksum_version"]]' \
			-f tests/oracle/compare.jq >"$TMP/cmp.json"
		report "pg$M pg_control" "$TMP/cmp.json"
	else
		fail "pg$M pg_control" "testdata/pg$M/oracle/control.json missing"
	fi
done
[ -n "$(majors)" ] || fail "fixtures present" "no testdata/pgNN/oracle/meta.json found"
