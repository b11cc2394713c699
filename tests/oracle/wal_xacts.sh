# pgwal --xacts against the commit and abort records pg_waldump printed for
# every fixture major (pg_waldump.txt): each COMMIT, ABORT, COMMIT_PREPARED
# and ABORT_PREPARED line is one transaction of ours with that status, that
# end LSN and that time (pg_waldump's "2026-11-24 16:33:22.416074 UTC" is
# our "2026-11-24 16:33:22.416074+00", whose trailing zeros of the
# fraction timestamptz_out leaves out); the subtransactions of a commit are
# listed; and --since/--until keep exactly the committed transactions of
# their window.
. tests/lib.sh

# pg_waldump's ends: "xid<TAB>status<TAB>lsn<TAB>time"
THEIRS_AWK='/rmgr: Transaction/ && /desc: (COMMIT|ABORT)/ {
	match($0, /lsn: [0-9A-F]+\/[0-9A-F]+/); lsn = substr($0, RSTART + 5, RLENGTH - 5)
	split(lsn, p, "/"); sub(/^0+/, "", p[2]); if (p[2] == "") p[2] = "0"; lsn = p[1] "/" p[2]
	match($0, /tx: +[0-9]+/); xid = substr($0, RSTART + 4, RLENGTH - 4); gsub(/ /, "", xid)
	st = ($0 ~ /desc: COMMIT/) ? "committed" : "aborted"
	d = $0; sub(/.*desc: (COMMIT|ABORT)(_PREPARED)? /, "", d)
	if (d ~ /^[0-9]+: /) { xid = d; sub(/:.*/, "", xid); sub(/^[0-9]+: /, "", d) }
	t = substr(d, 1, 26); sub(/ UTC.*/, "", t); sub(/;.*/, "", t)
	if (t ~ /\./) { sub(/0+$/, "", t); sub(/\.$/, "", t) }	# timestamptz_out drops trailing zeros
	print xid "\t" st "\t" lsn "\t" t }'

for M in $(majors); do
	DATA=testdata/pg$M/data
	ORA=testdata/pg$M/oracle
	oracle_cat "$ORA/pg_waldump.txt" | awk "$THEIRS_AWK" | sort >"$TMP/theirs.tsv"
	if ! "$BIN/pgwal" -p "$DATA" -j -D "$DATA" --xacts >"$TMP/xacts.jsonl" 2>"$TMP/xacts.err"; then
		fail "wal_xacts pg$M" "pgwal --xacts exit status: $(head -c 300 "$TMP/xacts.err")"
		continue
	fi
	jq -r 'select(.end_lsn != null) | "\(.xid)\t\(.status)\t\(.end_lsn)\t\(.commit_timestamp // .abort_timestamp | sub("\\+00$"; ""))"' \
		"$TMP/xacts.jsonl" >"$TMP/ours.tsv"
	# a subtransaction rolled back to its savepoint has an ABORT record of
	# its own (wal_level=logical): it is one of the subxacts of its top
	# transaction, not a transaction of its own
	jq -r '.subxacts[]' "$TMP/xacts.jsonl" | sort -u >"$TMP/subs.txt"
	awk -F'\t' 'NR == FNR { sub_[$1] = 1; next } $2 == "aborted" && ($1 in sub_) { print }' \
		"$TMP/subs.txt" "$TMP/theirs.tsv" >>"$TMP/ours.tsv"
	sort -o "$TMP/ours.tsv" "$TMP/ours.tsv"
	n=$(wc -l <"$TMP/theirs.tsv"); d=$(comm -3 "$TMP/theirs.tsv" "$TMP/ours.tsv" | wc -l)
	nc=$(grep -c committed "$TMP/theirs.tsv"); na=$(grep -c aborted "$TMP/theirs.tsv")
	open=$(jq -s '[.[] | select(.end_lsn == null)] | length' "$TMP/xacts.jsonl")
	echo "pg$M: $n commit/abort records ($nc committed, $na aborted), $d differences (xid, status, LSN, time); $open transactions with no end in the WAL"
	if [ "$n" -gt 0 ] && [ "$d" -eq 0 ]; then
		pass "wal_xacts pg$M ($n transactions)"
	else
		fail "wal_xacts pg$M" "$d differences: $(comm -3 "$TMP/theirs.tsv" "$TMP/ours.tsv" | head -3 | tr '\n\t' '| ')"
	fi
	# the window: the committed transactions between the 10th and the 20th commit time
	jq -r 'select(.status == "committed") | .commit_timestamp' "$TMP/xacts.jsonl" | sort >"$TMP/times.txt"
	since=$(sed -n 10p "$TMP/times.txt" | sed 's/+00$//'); until=$(sed -n 20p "$TMP/times.txt" | sed 's/+00$//')
	"$BIN/pgwal" -p "$DATA" -j --xacts --since "$since" --until "$until" 2>/dev/null | jq -r .xid | sort >"$TMP/win.txt"
	jq -r --arg s "$since+00" --arg u "$until+00" \
		'select(.status == "committed" and .commit_timestamp >= $s and .commit_timestamp <= $u) | .xid' \
		"$TMP/xacts.jsonl" | sort >"$TMP/want.txt"
	if [ -s "$TMP/want.txt" ] && cmp -s "$TMP/win.txt" "$TMP/want.txt"; then
		pass "wal_xacts pg$M: --since/--until ($(wc -l <"$TMP/want.txt") transactions)"
	else
		fail "wal_xacts pg$M" "--since $since --until $until: $(wc -l <"$TMP/win.txt") given, $(wc -l <"$TMP/want.txt") expected"
	fi
	# records kept by --since/--until belong to those transactions only
	"$BIN/pgwal" -p "$DATA" -j --since "$since" --until "$until" 2>/dev/null | jq -r .xid | sort -u >"$TMP/recx.txt"
	extra=$(comm -23 "$TMP/recx.txt" "$TMP/want.txt" | wc -l)
	if [ -s "$TMP/recx.txt" ] && [ "$extra" -eq 0 ]; then
		pass "wal_xacts pg$M: --since/--until records"
	else
		fail "wal_xacts pg$M" "--since/--until records of $extra other transactions"
	fi
done
