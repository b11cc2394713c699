# pgwal -D: every WAL block reference of every fixture major whose file is
# in the fixture's pg_class (relations.jsonl: the server's relname and
# nspname for the file pg_relation_filepath() gives) carries that nspname
# and relname, and the text without --names is still pg_waldump's line.
# Counts per major: references named from the catalog, named, unnamed.
. tests/lib.sh

# our blocks as "db/relfilenode<TAB>nspname<TAB>relname"
OURS_JQ='.blocks[]? | "\(.dboid)/\(.relfilenode)\t\(.nspname // "")\t\(.relname // "")"'
# the oracle's files as "db/relfilenode<TAB>nspname<TAB>relname"
THEIRS_JQ='select(.file != null) | (.file | split("/")) as $p
	| (if $p[0] == "global" then "0/\($p[1])" else "\($p[-2])/\($p[-1])" end)
	+ "\t\(.nspname)\t\(.relname)"'

for M in $(majors); do
	DATA=testdata/pg$M/data
	ORA=testdata/pg$M/oracle
	if ! "$BIN/pgwal" -p "$DATA" -j -D "$DATA" >"$TMP/names.jsonl" 2>"$TMP/names.err"; then
		fail "wal_names pg$M" "pgwal -D exit status $?: $(head -c 300 "$TMP/names.err")"
		continue
	fi
	jq -r "$OURS_JQ" "$TMP/names.jsonl" >"$TMP/ours.tsv"
	oracle_cat "$ORA/relations.jsonl" | jq -r "$THEIRS_JQ" >"$TMP/theirs.tsv"
	res=$(awk -F'\t' 'NR == FNR { n[$1] = $2; r[$1] = $3; next }
		{ refs++; if ($3 != "") named++;
		  if ($1 in r) { inc++; if ($2 != n[$1] || $3 != r[$1]) { wrong++; if (wrong <= 3) ex = ex " " $1 ":" $2 "." $3 "!=" n[$1] "." r[$1] } } }
		END { printf "%d %d %d %d%s\n", refs, named, inc, wrong, ex }' "$TMP/theirs.tsv" "$TMP/ours.tsv")
	set -- $res
	refs=$1 named=$2 inc=$3 wrong=$4
	echo "pg$M: $refs block references, $inc with their file in pg_class ($wrong wrong), $named named in all, $((refs - named)) unnamed"
	if [ "$inc" -gt 0 ] && [ "$wrong" -eq 0 ]; then
		pass "wal_names pg$M ($inc references named as pg_class names them)"
	else
		fail "wal_names pg$M" "$inc in pg_class, $wrong wrong:$(echo "$res" | cut -d' ' -f5-)"
	fi
	# no --names: the text is pg_waldump's, byte for byte
	"$BIN/pgwal" -p "$DATA" >"$TMP/plain.txt" 2>/dev/null
	"$BIN/pgwal" -p "$DATA" -D "$DATA" >"$TMP/named.txt" 2>/dev/null
	if cmp -s "$TMP/plain.txt" "$TMP/named.txt"; then
		pass "wal_names pg$M: text unchanged with -D"
	else
		fail "wal_names pg$M" "text with -D differs from text without"
	fi
	"$BIN/pgwal" -p "$DATA" -D "$DATA" --names -n 2000 >"$TMP/names.txt" 2>/dev/null
	expect "wal_names pg$M: --names" "$TMP/names.txt" 'rel [0-9]+/[0-9]+/[0-9]+ \([a-z_]+\.[a-z_0-9]+\)'
done
