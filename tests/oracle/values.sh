# Decoded column values against PostgreSQL's own text output: for every
# public table of every fixture major, every live tuple's non-dropped
# columns as text (values/<table>.jsonl: SELECT ctid, col::text, ...),
# matched by table and ctid.  The column list (-T) is built from
# relations.jsonl (typname, attlen, attalign, attisdropped, attmissingval)
# and the TOAST relation's files from its toast_file, so TOASTed values
# (pglz inline and external, uncompressed external, LZ4 in 15) are fetched
# and decompressed.
#
# Live tuples: the values oracle is a SELECT, so it holds only the tuples
# visible to it.  Every oracle row must be found (by ctid) and its values
# equal; of the tuples not in the oracle, none may be live by its hint bits
# (xmin committed or frozen, xmax invalid or only a locker), and none in the
# oracle may be dead by them.  Tuples whose hint bits are not set either
# way cannot be told offline without pg_xact (which pgpage does not read):
# they are compared when the oracle has them and counted as "undecided" in
# the report.
. tests/lib.sh
. tests/oracle/report.sh

# The types the decoder prints as PostgreSQL does; others are given as raw
# and not compared.
KNOWN='["bool","char","int2","int4","int8","oid","xid","cid","float4","float8","numeric","text","varchar","bpchar","name","bytea","date","time","timetz","timestamp","timestamptz","interval","uuid","inet","cidr","macaddr","json","jsonb","tid","point","box","int4range","int8range","numrange","daterange","tsrange","tstzrange"]'

# Per public table: name, the -T spec, its file, its TOAST file, the
# columns compared, the columns not compared (tab-separated).
TABLES_JQ='
def unq: if startswith("\"") then .[1:-1] | gsub("\\\\(?<c>.)"; "\(.c)") else . end;
def known: (.typname // "" | ltrimstr("_")) as $n | $known | index([$n]) != null;
def missing: if .atthasmissing and .attmissingval != null
	then "=\"" + (.attmissingval | .[1:-1] | unq | gsub("\\\\"; "\\\\") | gsub("\""; "\\\"")) + "\""
	else "" end;
select(.nspname == "public" and (.relkind == "r" or .relkind == "m"))
| [.relname,
   ([.columns[] | if .attisdropped then "~raw(\(.attlen),\(.attalign))"
	elif known then "\(.attname):\(.typname)" + missing
	else "\(.attname):raw(\(.attlen),\(.attalign))" + missing end] | join(",")),
   .file, (.toast_file // ""),
   ([.columns[] | select((.attisdropped | not) and known) | .attname] | tojson),
   ([.columns[] | select((.attisdropped | not) and (known | not)) | .attname] | length)]
| @tsv'

# Per table: fields compared and differences, from the joined rows.
PER_TABLE_JQ='
($oracle | map({key: "\(.table)|\(.ctid)", value: .}) | from_entries) as $O
| [$ours[] | . as $u | $O["\(.table)|\(.ctid)"] as $o | select($o != null)
   | ($cols[$u.table] // [])[] as $f | select($o | has($f))
   | {table: $u.table, d: ((($u[$f] // null) | tostring) != (($o[$f] // null) | tostring))}]
| group_by(.table)[] | "\(.[0].table): \(length) compared, \([.[] | select(.d)] | length) differences"'

# A relation's file and its segments, as they are on disk (.gz or not).
segments() {
	n=0
	while :; do
		if [ $n -eq 0 ]; then s=$1; else s=$1.$n; fi
		if [ -f "$s" ]; then echo "$s"; elif [ -f "$s.gz" ]; then echo "$s.gz"; else break; fi
		n=$((n + 1))
	done
}

for M in $(majors); do
	DATA=testdata/pg$M/data
	ORA=testdata/pg$M/oracle
	oracle_cat "$ORA/relations.jsonl" | jq -r --argjson known "$KNOWN" "$TABLES_JQ" >"$TMP/tables.tsv"
	: >"$TMP/dump.jsonl"; : >"$TMP/theirs.jsonl"; : >"$TMP/cols.tsv"
	ntables=0 nraw=0
	while IFS="$(printf '\t')" read -r tbl spec file toast cols raw; do
		[ -f "$ORA/values/$tbl.jsonl" ] || [ -f "$ORA/values/$tbl.jsonl.gz" ] || continue
		ntables=$((ntables + 1)); nraw=$((nraw + raw))
		printf '%s\t%s\n' "$tbl" "$cols" >>"$TMP/cols.tsv"
		oracle_cat "$ORA/values/$tbl.jsonl" | sed "s/^{/{\"table\" : \"$tbl\", /" >>"$TMP/theirs.jsonl"
		set --
		if [ -n "$toast" ]; then
			for s in $(segments "$DATA/$toast"); do set -- "$@" --toast "$s"; done
		fi
		files=$(segments "$DATA/$file")
		[ -n "$files" ] || continue		# no file: no rows (the oracle must agree)
		# shellcheck disable=SC2086
		"$BIN/pgpage" --json --pg-version "$M" -T "$spec" "$@" $files 2>"$TMP/err" |
			jq -c --arg t "$tbl" '.blkno as $b | .items[]? | select(.values) | {table: $t,
				ctid: "(\($b),\(.lp))", diagnostics: (.diagnostics // null),
				hint: (if (.t_infomask / 256 | floor) % 4 == 2 then "dead"
					elif (.t_infomask / 256 | floor) % 2 == 0 then "undecided"
					elif .t_xmax == 0 or (.t_infomask / 2048 | floor) % 2 == 1 or (.t_infomask / 128 | floor) % 2 == 1 then "live"
					elif (.t_infomask / 1024 | floor) % 2 == 1 then "dead"
					else "undecided" end),
				values}' >>"$TMP/dump.jsonl"
		rc=$?
		[ -s "$TMP/err" ] && fail "pg$M values $tbl decodes cleanly" "$(head -c 300 "$TMP/err")"
	done <"$TMP/tables.tsv"
	jq -c 'select(.diagnostics) | {table, ctid, diagnostics}' "$TMP/dump.jsonl" | head -3 >"$TMP/diags"
	[ -s "$TMP/diags" ] && fail "pg$M values: no diagnostics" "$(head -c 400 "$TMP/diags")"
	# the oracle's keys; our tuples split by what their hint bits say
	jq -r '"\(.table)|\(.ctid)"' "$TMP/theirs.jsonl" | sort >"$TMP/inoracle"
	jq -r '"\(.table)|\(.ctid)|\(.hint)"' "$TMP/dump.jsonl" | sort >"$TMP/ourkeys"
	live_gone=$(awk -F'|' '$3 == "live" {print $1 "|" $2}' "$TMP/ourkeys" | comm -23 - "$TMP/inoracle" | head -3)
	dead_seen=$(awk -F'|' '$3 == "dead" {print $1 "|" $2}' "$TMP/ourkeys" | comm -12 - "$TMP/inoracle" | head -3)
	u=$(awk -F'|' '$3 == "undecided"' "$TMP/ourkeys" | wc -l)
	[ -z "$live_gone" ] && pass "pg$M values: every tuple live by its hint bits is in the oracle" ||
		fail "pg$M values: every tuple live by its hint bits is in the oracle" "$live_gone"
	[ -z "$dead_seen" ] && pass "pg$M values: no tuple dead by its hint bits is in the oracle" ||
		fail "pg$M values: no tuple dead by its hint bits is in the oracle" "$dead_seen"
	# ours: the tuples the oracle has (it is the judge of visibility)
	jq -n -c --rawfile k "$TMP/inoracle" '($k | split("\n") | map({key: ., value: 1}) | from_entries) as $in
		| inputs | select($in["\(.table)|\(.ctid)"] != null) | {table, ctid} + .values' "$TMP/dump.jsonl" >"$TMP/ours.jsonl"
	cp "$TMP/theirs.jsonl" "$TMP/theirs2.jsonl"
	jq -R -s 'split("\n") | map(select(length > 0) | split("\t") | {key: .[0], value: (.[1] | fromjson)}) | from_entries' \
		"$TMP/cols.tsv" >"$TMP/cols.json"
	fields=$(jq -c '[.[][]] | unique | map([., .])' "$TMP/cols.json")
	jq -n --slurpfile ours "$TMP/ours.jsonl" --slurpfile oracle "$TMP/theirs2.jsonl" \
		--argjson keys '["table","ctid"]' --argjson fields "$fields" \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	jq -r -n --slurpfile ours "$TMP/ours.jsonl" --slurpfile oracle "$TMP/theirs2.jsonl" \
		--slurpfile c "$TMP/cols.json" '$c[0] as $cols | '"$PER_TABLE_JQ" | sed "s/^/  pg$M values /"
	[ "$nraw" -eq 0 ] || echo "  pg$M values: $nraw column(s) of types printed raw, not compared"
	report "pg$M values ($ntables tables; $u tuples undecided by hint bits)" "$TMP/cmp.json"
done
[ -n "$(majors)" ] || fail "fixtures present" "no testdata/pgNN/oracle/meta.json found"
