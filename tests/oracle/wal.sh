# pgwal against PostgreSQL's own answers about the fixture WAL.
#
# 15..18: every record over the fixture range (meta.json start_lsn ..
# end_lsn) against pg_get_wal_records_info() (wal_records.jsonl), every
# column; --stats and --stats=record against pg_get_wal_stats()
# (wal_stats.jsonl, wal_stats_record.jsonl).  15: the text output against
# Debian's pg_waldump 15 (pg_waldump.txt, pg_waldump_stats*.txt), line for
# line; the same for every major with a pg_waldump oracle (all of them
# since phase D: testdata/waldump_oracles.sh, sources in testdata/README.md,
# two known defects of old-minor oracles handled below).  10..14: every
# record decodes with a good CRC, and the LSNs of the
# workload steps (meta.json steps[].lsn_before/lsn_after) are record
# boundaries, and every record has a description.
#
# Descriptions are compared per resource manager and reported per rmgr:
# the rmgrs listed in DESC_DONE for a major must match on every record
# (any difference fails); the others are printed as "TODO" lines with
# their mismatch count, so progress is visible without a red suite.
. tests/lib.sh
. tests/oracle/report.sh

# Resource managers whose descriptions are finished, per major.
desc_done() {
	case $1 in
	15) echo "${DESC_DONE_15:-}" ;;
	16) echo "${DESC_DONE_16:-}" ;;
	17) echo "${DESC_DONE_17:-}" ;;
	18) echo "${DESC_DONE_18:-}" ;;
	esac
}
DESC_ALL="XLOG Transaction Storage CLOG Database Tablespace MultiXact RelMap Standby Heap2 Heap Btree Hash Gin Gist Sequence SPGist BRIN CommitTs ReplicationOrigin Generic LogicalMessage"
DESC_DONE_15="$DESC_ALL"
DESC_DONE_16="$DESC_ALL"
DESC_DONE_17="$DESC_ALL"
DESC_DONE_18="$DESC_ALL"

# One line per record: the columns of pg_get_wal_records_info(), NULL as \N.
tsv() {
	jq -r '[.start_lsn, .end_lsn, .prev_lsn, .xid, .resource_manager, .record_type,
		.record_length, .main_data_length, .fpi_length, .block_ref, .description]
		| map(if . == null then "\\N" else tostring end) | @tsv'
}

# walcmp ORACLE.tsv OURS.tsv DESC_OUT: compare.jq's result for columns 2..10
# (end_lsn .. block_ref) joined on start_lsn, written as JSON for report();
# the descriptions (column 11) per rmgr into DESC_OUT as
# "rmgr<TAB>records<TAB>differences<TAB>first difference".  awk, not jq:
# the same comparison in a fraction of the time.
walcmp() {
	awk -F'\t' -v descout="$3" '
	function js(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
	BEGIN { split("start_lsn end_lsn prev_lsn xid resource_manager record_type record_length main_data_length fpi_length block_ref description", name, " ") }
	NR == FNR { o[$1] = $0; order[++no] = $1; next }
	{
		if (!($1 in o)) { extra = extra (nx++ ? "," : "") js($1); next }
		seen[$1] = 1
		split(o[$1], t, "\t")
		for (i = 2; i <= 10; i++) {
			compared++
			if ($i != t[i])
				diffs = diffs (nd++ ? "," : "") "{\"key\":" js($1) ",\"field\":" js(name[i]) ",\"ours\":" js($i) ",\"theirs\":" js(t[i]) "}"
		}
		rm = t[5]; drec[rm]++
		if ($11 != t[11]) {
			dbad[rm]++
			if (!(rm in dex)) dex[rm] = $1 " " t[6] ": theirs=" t[11] " ours=" $11
		}
	}
	END {
		for (k = 1; k <= no; k++)
			if (!(order[k] in seen)) {
				missing = missing (nm++ ? "," : "") js(order[k])
				rm = o[order[k]]; split(rm, t, "\t"); drec[t[5]]++; dbad[t[5]]++
				if (!(t[5] in dex)) dex[t[5]] = order[k] " missing"
			}
		printf "{\"compared\":%d,\"diffs\":[%s],\"missing\":[%s],\"extra\":[%s]}\n", compared, diffs, missing, extra
		for (rm in drec) printf "%s\t%d\t%d\t%s\n", rm, drec[rm], dbad[rm] + 0, dex[rm] > descout
	}' "$1" "$2"
}

for M in $(majors); do
	META=testdata/pg$M/oracle/meta.json
	DATA=testdata/pg$M/data
	S=$(jq -r '.start_lsn' "$META")
	E=$(jq -r '.end_lsn' "$META")
	if [ "$M" -ge 15 ]; then
		TZ=UTC "$BIN/pgwal" --json -p "$DATA" -s "$S" -e "$E" >"$TMP/ours.jsonl" 2>"$TMP/err"
		rc=$?
		[ $rc -eq 0 ] && pass "pg$M pgwal --json exit 0" || fail "pg$M pgwal --json exit 0" "exit $rc: $(head -3 "$TMP/err")"
		oracle_cat "testdata/pg$M/oracle/wal_records.jsonl" | tsv >"$TMP/oracle.tsv"
		tsv <"$TMP/ours.jsonl" >"$TMP/ours.tsv"
		# every column but the description, joined on start_lsn
		walcmp "$TMP/oracle.tsv" "$TMP/ours.tsv" "$TMP/desc.tsv" >"$TMP/cmp.json"
		report "pg$M wal_records (all columns but description)" "$TMP/cmp.json"

		# descriptions, per rmgr: "rmgr total mismatches first-mismatch"
		done_list=$(desc_done "$M")
		tot=0; bad=0
		while IFS='	' read -r rm n nb ex; do
			tot=$((tot + n)); bad=$((bad + nb))
			case " $done_list " in
			*" $rm "*)
				if [ "$nb" -eq 0 ]; then pass "pg$M description $rm ($n records)"
				else fail "pg$M description $rm" "$nb of $n differ; first: $(printf '%s' "$ex" | head -c 400)"; fi ;;
			*)
				printf 'TODO pg%s description %s: %s of %s differ; first: %s\n' "$M" "$rm" "$nb" "$n" "$(printf '%s' "$ex" | head -c 300)" ;;
			esac
		done <"$TMP/desc.tsv"
		printf 'pg%s description: %s records compared, %s differences\n' "$M" "$tot" "$bad"

		# statistics
		for kind in stats stats_record; do
			if [ $kind = stats ]; then opt=--stats; else opt=--stats=record; fi
			"$BIN/pgwal" --json $opt -p "$DATA" -s "$S" -e "$E" >"$TMP/ours_s.jsonl" 2>"$TMP/err"
			jq -n --slurpfile ours "$TMP/ours_s.jsonl" --slurpfile oracle "testdata/pg$M/oracle/wal_$kind.jsonl" \
				--argjson keys '["resource_manager/record_type"]' \
				--argjson fields '[["count","count"],["count_percentage","count_percentage"],["record_size","record_size"],["record_size_percentage","record_size_percentage"],["fpi_size","fpi_size"],["fpi_size_percentage","fpi_size_percentage"],["combined_size","combined_size"],["combined_size_percentage","combined_size_percentage"]]' \
				-f tests/oracle/compare.jq >"$TMP/cmp.json"
			report "pg$M wal_$kind" "$TMP/cmp.json"
		done
	fi

	if [ -f "testdata/pg$M/oracle/pg_waldump.txt.gz" -o -f "testdata/pg$M/oracle/pg_waldump.txt" ]; then
		TZ=UTC "$BIN/pgwal" -p "$DATA" -s "$S" -e "$E" >"$TMP/ours.txt" 2>"$TMP/err"
		oracle_cat "testdata/pg$M/oracle/pg_waldump.txt" >"$TMP/theirs.txt"
		if [ "$M" -eq 11 ]; then
			# pg_waldump 11.2 reads META_CLEANUP's metadata from the record's
			# main data, which is empty: it prints whatever the buffer held.
			# Later 11 minors (and our 11) read block 0's data, as redo does.
			# Those descriptions are masked on both sides, the rest compared.
			masked=$(grep -c 'desc: META_CLEANUP ' "$TMP/theirs.txt")
			sed -E 's/(desc: META_CLEANUP )[^,]*/\1(masked)/' "$TMP/theirs.txt" >"$TMP/t" && mv "$TMP/t" "$TMP/theirs.txt"
			sed -E 's/(desc: META_CLEANUP )[^,]*/\1(masked)/' "$TMP/ours.txt" >"$TMP/t" && mv "$TMP/t" "$TMP/ours.txt"
			printf 'pg%s pg_waldump text: %s META_CLEANUP descriptions masked (pg_waldump 11.2 bug)\n' "$M" "$masked"
			# ... and held against bt_metap() instead: the last META_CLEANUP of
			# each index in the fixture database carries its final metapage values
			db=$(jq -r .dboid "$META")
			"$BIN/pgwal" --json -r Btree -p "$DATA" -s "$S" -e "$E" 2>/dev/null |
				jq -c --arg db "$db" 'select(.record_type == "META_CLEANUP" and .blocks[0].dboid == ($db | tonumber))
					| {file: "base/\($db)/\(.blocks[0].relfilenode)", d: .description}' |
				jq -s 'group_by(.file) | map(last)' >"$TMP/mc.json"
			mc=$(oracle_cat "testdata/pg$M/oracle/bt_metap.jsonl" | jq -s --slurpfile mc "$TMP/mc.json" '
				(map({key: .file, value: "oldest_btpo_xact \(.oldest_xact); last_cleanup_num_heap_tuples: \(.last_cleanup_num_tuples).000000"}) | from_entries) as $m
				| [$mc[0][] | select($m[.file] != null)] | {n: length, bad: map(select(.d != $m[.file])) | length}')
			n=$(printf '%s' "$mc" | jq .n); bad=$(printf '%s' "$mc" | jq .bad)
			if [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]; then pass "pg$M META_CLEANUP of $n indexes = bt_metap()"
			else fail "pg$M META_CLEANUP = bt_metap()" "$bad of $n differ"; fi
		fi
		n=$(wc -l <"$TMP/theirs.txt")
		d=$(diff "$TMP/theirs.txt" "$TMP/ours.txt" | grep -c '^>')
		printf 'pg%s pg_waldump text: %s lines compared, %s differ\n' "$M" "$n" "$d"
		if [ "$d" -eq 0 ] && cmp -s "$TMP/theirs.txt" "$TMP/ours.txt"; then pass "pg$M text = pg_waldump.txt ($n lines)"
		else fail "pg$M text = pg_waldump.txt" "$d of $n lines differ: $(diff "$TMP/theirs.txt" "$TMP/ours.txt" | head -4 | tr '\n' ' ' | head -c 500)"; fi
		for kind in stats stats_record; do
			if [ $kind = stats ]; then opt=--stats; else opt=--stats=record; fi
			"$BIN/pgwal" $opt -p "$DATA" -s "$S" -e "$E" >"$TMP/ours.txt" 2>"$TMP/err"
			oracle_cat "testdata/pg$M/oracle/pg_waldump_$kind.txt" >"$TMP/theirs.txt"
			if [ $kind = stats_record ] && { [ "$M" -eq 11 ] || [ "$M" -eq 12 ]; }; then
				# pg_waldump 11.2 and 12.5 key Transaction records by xl_info >> 4
				# with XLOG_XACT_HAS_INFO, so COMMIT & co. can appear twice
				# (fixed in 11.12/12.7; the fixture servers are 11.22/12.22).
				# Transaction rows: their sums of N and sizes must agree; every
				# other line exactly.
				for f in theirs ours; do
					awk '$1 ~ /^Transaction\// { n += $2; r += $5; p += $8; c += $11; next } { print }
					     END { printf "Transaction/* sums %d %d %d %d\n", n, r, p, c }' "$TMP/$f.txt" >"$TMP/$f.fold"
					mv "$TMP/$f.fold" "$TMP/$f.txt"
				done
				kind=stats_record_folded
			fi
			if cmp -s "$TMP/theirs.txt" "$TMP/ours.txt"; then pass "pg$M $opt text = pg_waldump_$kind.txt"
			else fail "pg$M $opt text = pg_waldump_$kind.txt" "$(diff "$TMP/theirs.txt" "$TMP/ours.txt" | head -4 | tr '\n' ' ' | head -c 500)"; fi
		done
	fi

	# every major: the whole fixture WAL decodes, every CRC good, and every
	# step boundary of the workload is a record boundary
	if [ "$M" -ge 15 ]; then
		mv "$TMP/ours.jsonl" "$TMP/all.jsonl"; rc=0
	else
		"$BIN/pgwal" --json -p "$DATA" -s "$S" -e "$E" >"$TMP/all.jsonl" 2>"$TMP/err"
		rc=$?
	fi
	[ $rc -eq 0 ] && pass "pg$M whole WAL decodes (exit 0)" || fail "pg$M whole WAL decodes (exit 0)" "exit $rc: $(head -3 "$TMP/err")"
	# one pass: "B lsn" for record boundaries, "X" for a record with a bad
	# CRC or no rmgr name, "D rmgr/type" for one without a description
	jq -r '"B \(.start_lsn)", "B \(.end_lsn)",
		(select(.crc_ok != true or .resource_manager == null) | "X"),
		(select(.description_known != true) | "D \(.resource_manager)/\(.record_type)")' \
		"$TMP/all.jsonl" >"$TMP/facts"
	n=$(wc -l <"$TMP/all.jsonl")
	nb=$(grep -c '^X' "$TMP/facts")
	[ "$n" -gt 0 ] && [ "$nb" -eq 0 ] && pass "pg$M $n records, every CRC ok" || fail "pg$M every CRC ok" "$nb of $n records bad"
	# 10..14 have no pg_walinspect: every record gets a description (the
	# wording is held against the rmgrdesc sources in tests/unit/test_rmgr.c)
	if [ "$M" -lt 15 ]; then
		nd=$(sed -n 's/^D //p' "$TMP/facts" | sort | uniq -c | tr -s ' \n' ' ')
		[ -z "$nd" ] && pass "pg$M every record described" || fail "pg$M every record described" "without: $nd"
	fi
	sed -n 's/^B //p' "$TMP/facts" | sort -u >"$TMP/bounds"
	jq -r '.steps[] | .lsn_before, .lsn_after' "$META" | sort -u >"$TMP/steps"
	missing=$(comm -23 "$TMP/steps" "$TMP/bounds" | grep -v "^$E\$" | tr '\n' ' ')
	[ -z "$missing" ] && pass "pg$M step LSNs are record boundaries ($(wc -l <"$TMP/steps"))" || fail "pg$M step LSNs are record boundaries" "not boundaries: $missing"
done
