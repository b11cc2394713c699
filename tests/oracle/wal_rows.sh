# pgwal --decode-rows against the server's own values: for every fixture
# major, every heap INSERT, MULTI_INSERT, UPDATE and HOT_UPDATE new tuple
# written into a public table whose row is still at that ctid at the end
# (the ctid is in values/<table>.jsonl, SELECT ctid, col::text, ..., and
# heap_page_items' t_xmin there is the record's xid) gives the values the
# server prints, column by column (the types the decoder prints; others
# are raw).  A value left as a TOAST pointer (its chunks gone by the end)
# is counted apart, never compared.  On wal_level=logical majors, every
# DELETE of hot_tbl (workload.sql: DELETE ... WHERE id % 7 = 0) carries
# an old key whose id is a multiple of 7.  --decode-rows=images: every row
# of a full page image of a public table's page that is still at that
# ctid with that t_xmin at the end gives the values the server prints.
. tests/lib.sh

KNOWN='["bool","char","int2","int4","int8","oid","xid","cid","float4","float8","numeric","text","varchar","bpchar","name","bytea","date","time","timetz","timestamp","timestamptz","interval","uuid","inet","cidr","macaddr","json","jsonb","tid","point","box","int4range","int8range","numrange","daterange","tsrange","tstzrange"]'

# public tables: {relname: {file, cols (compared)}}
TABLES_JQ='[.[] | select(.nspname == "public" and .relkind == "r")
	| {key: .relname, value: {file, cols: [.columns[] | select((.attisdropped | not)
		and ((.typname // "" | ltrimstr("_")) as $n | $known | index([$n]) != null)) | .attname]}}]
	| from_entries'

# our new tuples: table, ctid, xid, values
OURS_JQ='select(.rows != null and .blocks[0].nspname == "public") | .xid as $x | .blocks[0].relname as $t
	| .record_type as $rt | .rows[] | select(.new != null)
	| {t: $t, ctid, xid: ($x | tostring), new, src: .new_source, rt: ($rt | sub("\\+INIT$"; ""))}'

COMPARE_JQ='
($tables[0]) as $T
| ($items | map({key: "\(.file)|(\(.blkno),\(.lp))", value: .t_xmin}) | from_entries) as $X
| ($values | map({key: "\(.table)|\(.ctid)", value: .}) | from_entries) as $V
| [$ours[] | select($T[.t] != null) | . as $o
   | select($X["\($T[$o.t].file)|\($o.ctid)"] == $o.xid and $V["\($o.t)|\($o.ctid)"] != null)
   | $V["\($o.t)|\($o.ctid)"] as $v
   | $T[$o.t].cols[] as $c | select($v | has($c))
   | {row: "\($o.t)|\($o.ctid)", c: $c, p: ($o.new[$c] | type == "object"),
      d: (($o.new[$c] | type) != "object" and (($o.new[$c] // null) | tostring) != (($v[$c] // null) | tostring)),
      rt: $o.rt, src: $o.src,
      ex: "\($o.t) \($o.ctid) \($c): \($o.new[$c]) != \($v[$c])"}]
| {rows: ([.[].row] | unique | length),
   bytype: (map({row, k: "\(.rt)/\(.src)"}) | unique | group_by(.k) | map("\(.[0].k) \(length)") | join(", ")),
   compared: ([.[] | select(.p | not)] | length),
   pointers: ([.[] | select(.p)] | length), diffs: [.[] | select(.d) | .ex]}'

for M in $(majors); do
	DATA=testdata/pg$M/data
	ORA=testdata/pg$M/oracle
	oracle_cat "$ORA/relations.jsonl" | jq -s --argjson known "$KNOWN" "$TABLES_JQ" >"$TMP/tables.json"
	: >"$TMP/values.jsonl"
	for t in $(jq -r 'keys[]' "$TMP/tables.json"); do
		oracle_cat "$ORA/values/$t.jsonl" | jq -c --arg t "$t" '. + {table: $t}' >>"$TMP/values.jsonl"
	done
	files=$(jq -c '[.[].file]' "$TMP/tables.json")
	oracle_cat "$ORA/heap_page_items.jsonl" |
		jq -c --argjson f "$files" 'select(.file as $x | $f | index([$x]) != null) | {file, blkno, lp, t_xmin}' >"$TMP/items.jsonl"
	if ! "$BIN/pgwal" -p "$DATA" -j -D "$DATA" --decode-rows -r Heap,Heap2 >"$TMP/rows.jsonl" 2>"$TMP/rows.err"; then
		fail "wal_rows pg$M" "pgwal --decode-rows exit status: $(head -c 300 "$TMP/rows.err")"
		continue
	fi
	jq -c "$OURS_JQ" "$TMP/rows.jsonl" >"$TMP/ours.jsonl"
	jq -n --slurpfile tables "$TMP/tables.json" --slurpfile items "$TMP/items.jsonl" \
		--slurpfile values "$TMP/values.jsonl" --slurpfile ours "$TMP/ours.jsonl" \
		"$COMPARE_JQ" >"$TMP/cmp.json"
	rows=$(jq '.rows' "$TMP/cmp.json"); c=$(jq '.compared' "$TMP/cmp.json")
	p=$(jq '.pointers' "$TMP/cmp.json"); d=$(jq '.diffs | length' "$TMP/cmp.json")
	notbuilt=$(jq -s '[.[] | select(.rows) | .rows[] | select(.new == null and .new_why != null
		and (.new_why | startswith("no columns") | not))] | length' "$TMP/rows.jsonl")
	echo "pg$M: $rows rows still at their ctid, $c fields compared, $d differences, $p TOAST pointers not compared; $notbuilt new tuples not rebuilt (said why); rows by record/source: $(jq -r .bytype "$TMP/cmp.json")"
	if [ "$rows" -gt 0 ] && [ "$c" -gt 0 ] && [ "$d" -eq 0 ]; then
		pass "wal_rows pg$M ($c fields of $rows rows)"
	else
		fail "wal_rows pg$M" "$c compared, $d differences: $(jq -c '.diffs[:3]' "$TMP/cmp.json" | head -c 600)"
	fi
	# the rows of page images
	"$BIN/pgwal" -p "$DATA" -j -D "$DATA" --decode-rows=images -r XLOG,Heap,Heap2 2>/dev/null |
		jq -c 'select(.image_rows != null) | .image_rows[] as $i | .blocks[$i.block_id] as $b
			| select($b.nspname == "public")
			| {t: $b.relname, ctid: $i.ctid, xid: ($i.t_xmin | tostring), new: $i.values, src: "image", rt: "image"}' \
		>"$TMP/ours.jsonl"
	jq -n --slurpfile tables "$TMP/tables.json" --slurpfile items "$TMP/items.jsonl" \
		--slurpfile values "$TMP/values.jsonl" --slurpfile ours "$TMP/ours.jsonl" \
		"$COMPARE_JQ" >"$TMP/cmp.json"
	ic=$(jq '.compared' "$TMP/cmp.json"); id=$(jq '.diffs | length' "$TMP/cmp.json"); ir=$(jq '.rows' "$TMP/cmp.json")
	echo "pg$M: --decode-rows=images: $(wc -l <"$TMP/ours.jsonl") image rows of public tables, $ir still there at the end, $ic fields compared, $id differences"
	if [ "$ic" -gt 0 ] && [ "$id" -eq 0 ]; then
		pass "wal_rows pg$M: image rows ($ic fields of $ir rows)"
	else
		fail "wal_rows pg$M" "image rows: $ic compared, $id differences: $(jq -c '.diffs[:3]' "$TMP/cmp.json" | head -c 600)"
	fi
	if [ "$(jq -r '.settings.wal_level' "$ORA/meta.json")" = logical ]; then
		jq -r 'select(.record_type == "DELETE" and .blocks[0].relname == "hot_tbl") | .rows[0].old.id // "none"' \
			"$TMP/rows.jsonl" >"$TMP/del.txt"
		n=$(wc -l <"$TMP/del.txt"); bad=$(awk '$1 == "none" || $1 % 7 != 0' "$TMP/del.txt" | wc -l)
		echo "pg$M: $n DELETEs of hot_tbl, $bad whose old key is not a deleted id"
		if [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]; then
			pass "wal_rows pg$M: DELETE old keys ($n)"
		else
			fail "wal_rows pg$M" "DELETE old keys: $n deletes, $bad wrong or missing"
		fi
	fi
done
