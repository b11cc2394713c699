# pgvm and pgfsm against pg_visibility_map(), pg_visibility_map_summary()
# and pg_freespace(), for every relation with a _vm or _fsm fork in every
# fixture major (testdata/pgNN/oracle/visibility_map.jsonl,
# visibility_map_summary.jsonl, freespace.jsonl), keyed by file and blkno.
# The heap's size comes from the main fork beside each map, as it would
# for a user; --check must be clean on every one of them.
. tests/lib.sh
. tests/oracle/report.sh

# The map files an oracle names, as paths in the fixture (plain or .gz).
paths() {
	jq -r '.file' "$1" | sort -u | while read -r f; do
		if [ -f "$DATA/$f" ]; then echo "$DATA/$f"; elif [ -f "$DATA/$f.gz" ]; then echo "$DATA/$f.gz"; fi
	done
}
# Our JSON with file names as the oracle writes them.
relative() { jq -c --arg d "$DATA/" '.file |= (ltrimstr($d) | rtrimstr(".gz"))'; }

for M in $(majors); do
	DATA=testdata/pg$M/data
	O=testdata/pg$M/oracle

	# pg_visibility_map(): every heap block of every relation with a _vm file
	oracle_cat "$O/visibility_map.jsonl" >"$TMP/vm_oracle.jsonl"
	paths "$TMP/vm_oracle.jsonl" >"$TMP/vm_files"
	xargs "$BIN/pgvm" --json <"$TMP/vm_files" >"$TMP/vm.raw" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && pass "pg$M pgvm exit 0 on every _vm file" || fail "pg$M pgvm exit 0 on every _vm file" "exit $rc: $(head -3 "$TMP/err")"
	relative <"$TMP/vm.raw" >"$TMP/vm.jsonl"
	jq -n --slurpfile ours "$TMP/vm.jsonl" --slurpfile oracle "$TMP/vm_oracle.jsonl" \
		--argjson keys '["file","blkno"]' \
		--argjson fields '[["all_visible","all_visible"],["all_frozen","all_frozen"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M pg_visibility_map" "$TMP/cmp.json"

	# pg_visibility_map_summary(): the relations with a _vm file; those
	# without one must be summarised as nothing set
	oracle_cat "$O/visibility_map_summary.jsonl" >"$TMP/vms_oracle.jsonl"
	paths "$TMP/vms_oracle.jsonl" >"$TMP/vms_files"
	xargs "$BIN/pgvm" --json --summary <"$TMP/vms_files" 2>"$TMP/err" | relative >"$TMP/vms.jsonl"
	jq -c --slurpfile have "$TMP/vms.jsonl" 'select(.file as $f | [$have[] | .file] | index($f))' \
		"$TMP/vms_oracle.jsonl" >"$TMP/vms_oracle_present.jsonl"
	jq -n --slurpfile ours "$TMP/vms.jsonl" --slurpfile oracle "$TMP/vms_oracle_present.jsonl" \
		--argjson keys '["file"]' \
		--argjson fields '[["all_visible","all_visible"],["all_frozen","all_frozen"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M pg_visibility_map_summary" "$TMP/cmp.json"
	nofile=$(jq -c --slurpfile have "$TMP/vms.jsonl" 'select(.file as $f | [$have[] | .file] | index($f) | not)' "$TMP/vms_oracle.jsonl")
	if [ -z "$nofile" ] || ! printf '%s\n' "$nofile" | jq -e 'select(.all_visible != 0 or .all_frozen != 0)' >/dev/null; then
		pass "pg$M summaries without a _vm file are all zero ($(printf '%s' "$nofile" | grep -c .))"
	else
		fail "pg$M summaries without a _vm file are all zero" "$(printf '%s\n' "$nofile" | head -2)"
	fi

	# pg_freespace(): every heap block of every relation with a _fsm file
	oracle_cat "$O/freespace.jsonl" >"$TMP/fsm_oracle.jsonl"
	paths "$TMP/fsm_oracle.jsonl" >"$TMP/fsm_files"
	xargs "$BIN/pgfsm" --json <"$TMP/fsm_files" >"$TMP/fsm.raw" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && pass "pg$M pgfsm exit 0 on every _fsm file" || fail "pg$M pgfsm exit 0 on every _fsm file" "exit $rc: $(head -3 "$TMP/err")"
	relative <"$TMP/fsm.raw" >"$TMP/fsm.jsonl"
	jq -n --slurpfile ours "$TMP/fsm.jsonl" --slurpfile oracle "$TMP/fsm_oracle.jsonl" \
		--argjson keys '["file","blkno"]' \
		--argjson fields '[["avail","avail"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M pg_freespace" "$TMP/cmp.json"
	# a map of more than one leaf page (pg17's big_fsm: 4200 heap blocks)
	bigf=$(jq -r 'select(.relname == "big_fsm") | .file' "$TMP/fsm_oracle.jsonl" | head -n 1)
	if [ -n "$bigf" ]; then
		n=$(jq -c --arg f "$bigf" 'select(.file == $f)' "$TMP/fsm.jsonl" | wc -l)
		leaves=$("$BIN/pgfsm" --pages --json "$DATA/$bigf.gz" | jq -c 'select(.level == 0)' | wc -l)
		[ "$n" -eq "$(jq -c --arg f "$bigf" 'select(.file == $f)' "$TMP/fsm_oracle.jsonl" | wc -l)" ] && [ "$leaves" -ge 2 ] \
			&& pass "pg$M big_fsm: $n heap blocks over $leaves FSM leaf pages" \
			|| fail "pg$M big_fsm" "$n blocks, $leaves leaf pages"
	fi

	# --check is clean on the real maps and heaps
	xargs "$BIN/pgvm" --check --pgdata "$DATA" <"$TMP/vm_files" >/dev/null 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && pass "pg$M pgvm --check clean" || fail "pg$M pgvm --check clean" "exit $rc: $(head -3 "$TMP/err")"
	xargs "$BIN/pgvm" --check <"$TMP/vm_files" >/dev/null 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && pass "pg$M pgvm --check clean (hint bits only)" || fail "pg$M pgvm --check clean (hint bits only)" "exit $rc: $(head -3 "$TMP/err")"
	xargs "$BIN/pgfsm" --check <"$TMP/fsm_files" >/dev/null 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && pass "pg$M pgfsm --check clean" || fail "pg$M pgfsm --check clean" "exit $rc: $(head -3 "$TMP/err")"
done
[ -n "$(majors)" ] || fail "fixtures present" "no testdata/pgNN/oracle/meta.json found"
