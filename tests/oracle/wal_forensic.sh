# pgwal -D, --decode-rows and --xacts on the forensic fixture of every
# major that has one (testdata/pgNN/forensic: a database "shop" with a
# tablespace, savepoints, a prepared and a crashed transaction,
# track_commit_timestamp on):
#  - --xacts: every transaction with an end in the WAL has the status
#    pg_xact_status() gives its xid (xact_status.jsonl) and its commit time
#    is pg_xact_commit_timestamp()'s; its subtransactions have their top's
#    status; a prepared one is "in progress" for pg_xact; one with no end in
#    a crashed cluster's WAL (the crashed xid, and any other open at the
#    crash) is aborted by recovery;
#  - names: every block reference whose file is in relations.jsonl carries
#    its nspname and relname (tablespace files included);
#  - --decode-rows: every row deleted or updated away (deleted.jsonl: its
#    ctid, the values it held) that pgwal gives an old row for has those
#    values; how many it could not give is counted.
. tests/lib.sh

for M in $(majors); do
	F=testdata/pg$M/forensic
	[ -f "$F/oracle/meta.json" ] || continue
	ORA=$F/oracle
	if ! "$BIN/pgwal" -p "$F/data" -D "$F/data" -j --xacts >"$TMP/fx.jsonl" 2>"$TMP/fx.err"; then
		fail "wal_forensic pg$M" "pgwal --xacts: $(head -c 300 "$TMP/fx.err")"
		continue
	fi
	crashed=$(jq -r '.crashed_xid // 0' "$ORA/meta.json")
	# ours: xid, status (pg_xact's words), commit time; subxacts with their top's
	jq -r --arg c "$crashed" '(if .status == "prepared" then "in progress"
			elif .status == "in progress" and $c != "0" then "aborted"
			else .status end) as $s
		| ([.xid] + .subxacts)[] as $x
		| "\($x)\t\($s)\t\(if $x == .xid then (.commit_timestamp // "") else "" end)"' \
		"$TMP/fx.jsonl" | sort >"$TMP/ours.tsv"
	jq -r 'select(.status != null) | "\(.xid)\t\(.status)\t\(.commit_ts // "")"' "$ORA/xact_status.jsonl" |
		sort >"$TMP/theirs.tsv"
	res=$(awk -F'\t' 'NR == FNR { s[$1] = $2; t[$1] = $3; next }
		($1 in s) { n++; if (s[$1] != $2) { d++; if (d <= 3) ex = ex " " $1 ":" $2 "!=" s[$1] }
			if ($3 != "" && t[$1] != "") { tc++; if (t[$1] != $3) { d++; if (d <= 3) ex = ex " " $1 ":" $3 "!=" t[$1] } } }
		!($1 in s) { miss++ }
		END { printf "%d %d %d %d%s\n", n, tc, d, miss, ex }' "$TMP/theirs.tsv" "$TMP/ours.tsv")
	set -- $res
	echo "pg$M forensic: $1 xids compared with pg_xact_status, $2 commit times, $3 differences, $4 of ours not in xact_status"
	if [ "$1" -gt 0 ] && [ "$2" -gt 0 ] && [ "$3" -eq 0 ] && [ "$4" -eq 0 ]; then
		pass "wal_forensic pg$M: --xacts ($1 xids, $2 commit times)"
	else
		fail "wal_forensic pg$M" "--xacts: $res"
	fi

	# names
	"$BIN/pgwal" -p "$F/data" -D "$F/data" -j --decode-rows -r Heap,Heap2,Btree,Transaction \
		>"$TMP/fr.jsonl" 2>/dev/null
	jq -r '.blocks[]? | "\(.dboid)/\(.relfilenode)\t\(.nspname // "")\t\(.relname // "")"' "$TMP/fr.jsonl" >"$TMP/on.tsv"
	oracle_cat "$ORA/relations.jsonl" | jq -r 'select(.file != null) | (.file | split("/")) as $p
		| (if $p[0] == "global" then "0/\($p[1])" else "\($p[-2])/\($p[-1])" end) + "\t\(.nspname)\t\(.relname)"' \
		>"$TMP/tn.tsv"
	res=$(awk -F'\t' 'NR == FNR { n[$1] = $2; r[$1] = $3; next }
		($1 in r) { inc++; if ($2 != n[$1] || $3 != r[$1]) wrong++ } END { printf "%d %d\n", inc, wrong }' \
		"$TMP/tn.tsv" "$TMP/on.tsv")
	set -- $res
	echo "pg$M forensic: $1 block references with their file in pg_class, $2 wrong"
	if [ "$1" -gt 0 ] && [ "$2" -eq 0 ]; then pass "wal_forensic pg$M: names ($1)"; else fail "wal_forensic pg$M" "names: $res"; fi
	# files the catalog no longer has (truncated, rewritten, dropped; pg_class
	# itself before VACUUM FULL), named from the WAL: any name class_history
	# gives that file (a rename gives two)
	oracle_cat "$ORA/class_history.jsonl" | jq -r 'select(.file != null) | (.file | split("/")) as $p
		| (if $p[0] == "global" then "0/\($p[1])" else "\($p[-2])/\($p[-1])" end) + "\t\(.nspname).\(.relname)"' |
		sort -u >"$TMP/th.tsv"
	res=$(awk -F'\t' 'FILENAME == ARGV[1] { cur[$1] = 1; next } FILENAME == ARGV[2] { h[$1] = h[$1] "|" $2 "|"; next }
		!($1 in cur) && ($1 in h) { n++; if ($3 == "") un++; else if (index(h[$1], "|" $2 "." $3 "|") == 0) wrong++; else ok++ }
		END { printf "%d %d %d %d\n", n, ok, wrong, un }' "$TMP/tn.tsv" "$TMP/th.tsv" "$TMP/on.tsv")
	set -- $res
	echo "pg$M forensic: $1 block references to files the catalog no longer has: $2 named as pg_class once named them, $3 wrong, $4 unnamed"
	if [ "$1" -gt 0 ] && [ "$3" -eq 0 ]; then pass "wal_forensic pg$M: names of old files ($2 of $1)"; else fail "wal_forensic pg$M" "old files: $res"; fi

	# old rows against deleted.jsonl
	jq -c 'select(.rows != null) | .blocks[0] as $b | .rows[] | select(.old != null)
		| {nspname: $b.nspname, relname: $b.relname, ctid: (.old_ctid // .ctid), old}' "$TMP/fr.jsonl" >"$TMP/old.jsonl"
	jq -n --slurpfile o "$TMP/old.jsonl" --slurpfile d "$ORA/deleted.jsonl" '
		($o | map({key: "\(.nspname).\(.relname)|\(.ctid)", value: .old}) | from_entries) as $O
		| [$d[] | . as $r | $O["\(.nspname).\(.relname)|\(.ctid)"] as $g
		   | if $g == null then {miss: 1} else
		     ($r.values | to_entries[] | {f: 1, d: ((($g[.key] // null) | tostring) != ((.value // null) | tostring))}) end]
		| {rows: ($d | length), missing: ([.[] | select(.miss)] | length),
		   fields: ([.[] | select(.f)] | length), diffs: ([.[] | select(.d)] | length)}' >"$TMP/oc.json"
	r=$(jq -r '"\(.rows) \(.missing) \(.fields) \(.diffs)"' "$TMP/oc.json")
	set -- $r
	echo "pg$M forensic: $1 rows deleted or updated away, $2 with no old row from the WAL, $3 fields compared, $4 differences"
	if [ "$3" -gt 0 ] && [ "$4" -eq 0 ]; then pass "wal_forensic pg$M: old rows ($3 fields)"; else fail "wal_forensic pg$M" "old rows: $r"; fi
done
