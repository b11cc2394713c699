# The catalog read from disk (pgpage -D DIR -d 16384, no server, no -T)
# against PostgreSQL's own pg_class/pg_namespace/pg_attribute answers
# (relations.jsonl) and its SELECT col::text of every visible row
# (values/<table>.jsonl), for every fixture major:
#   --list --json          oid, nspname, relname, relfilenode, relkind,
#                          relpersistence, filepath (= pg_relation_filepath())
#                          of every relation whose file the fixture keeps
#                          (not the shared catalogs: no global/ files)
#   --list --columns       each relation's attnum, attname, typname, attlen,
#                          attalign, attbyval, attisdropped
#   --relation T --json    every oracle row's values (by ctid), columns of the
#                          types the decoder prints compared, as values.sh
#                          does with -T; here names, types, dropped columns,
#                          missing values and TOAST all come from the catalog.
# The fixtures keep no global/1262 (pg_database), so the database is given
# by OID.
. tests/lib.sh
. tests/oracle/report.sh

KNOWN='["bool","char","int2","int4","int8","oid","xid","cid","float4","float8","numeric","text","varchar","bpchar","name","bytea","date","time","timetz","timestamp","timestamptz","interval","uuid","inet","cidr","macaddr","json","jsonb","tid","point","box","int4range","int8range","numrange","daterange","tsrange","tstzrange"]'

for M in $(majors); do
	DATA=testdata/pg$M/data
	ORA=testdata/pg$M/oracle
	oracle_cat "$ORA/relations.jsonl" >"$TMP/rels.jsonl"
	"$BIN/pgpage" -D "$DATA" -d 16384 --list --columns --json >"$TMP/list.jsonl" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && [ ! -s "$TMP/err" ] && pass "pg$M catalog --list exits 0, silent" ||
		fail "pg$M catalog --list exits 0, silent" "exit $rc: $(head -c 300 "$TMP/err")"
	jq -c 'select(.main_blocks != null) | del(.columns)' "$TMP/list.jsonl" >"$TMP/ours.jsonl"
	jq -n --slurpfile ours "$TMP/ours.jsonl" --slurpfile oracle "$TMP/rels.jsonl" \
		--argjson keys '["oid"]' \
		--argjson fields '[["nspname","nspname"],["relname","relname"],["relfilenode","relfilenode"],["relkind","relkind"],["relpersistence","relpersistence"],["filepath","file"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M catalog --list" "$TMP/cmp.json"

	flat='.oid as $o | .columns[]? | {key: "\($o)|\(.attnum)", attname, typname, attlen, attalign, attbyval, attisdropped}'
	jq -c "select(.main_blocks != null) | $flat" "$TMP/list.jsonl" >"$TMP/ourcols.jsonl"
	jq -c "$flat" "$TMP/rels.jsonl" >"$TMP/theircols.jsonl"
	jq -n --slurpfile ours "$TMP/ourcols.jsonl" --slurpfile oracle "$TMP/theircols.jsonl" \
		--argjson keys '["key"]' \
		--argjson fields '[["attname","attname"],["typname","typname"],["attlen","attlen"],["attalign","attalign"],["attbyval","attbyval"],["attisdropped","attisdropped"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M catalog --columns" "$TMP/cmp.json"

	: >"$TMP/vours.jsonl"; : >"$TMP/vtheirs.jsonl"; : >"$TMP/fields"
	n=0
	for f in "$ORA"/values/*.jsonl*; do
		t=$(basename "$f"); t=${t%.gz}; t=${t%.jsonl}
		n=$((n + 1))
		oracle_cat "$ORA/values/$t.jsonl" | jq -c --arg t "$t" '{table: $t} + .' >>"$TMP/vtheirs.jsonl"
		jq -r --arg t "$t" --argjson known "$KNOWN" 'select(.nspname == "public" and .relname == $t)
			| .columns[] | select((.attisdropped | not) and ((.typname // "" | ltrimstr("_")) as $n | $known | index([$n]) != null))
			| .attname' "$TMP/rels.jsonl" >>"$TMP/fields"
		"$BIN/pgpage" -D "$DATA" -d 16384 --relation "public.$t" --json 2>"$TMP/err" |
			jq -c --arg t "$t" '.blkno as $b | .items[]? | select(.values) | {table: $t, ctid: "(\($b),\(.lp))"} + .values' >>"$TMP/vours.jsonl"
		[ -s "$TMP/err" ] && fail "pg$M catalog --relation $t decodes cleanly" "$(head -c 300 "$TMP/err")"
	done
	# ours: the row versions the oracle saw (it is the judge of visibility)
	jq -r '"\(.table)|\(.ctid)"' "$TMP/vtheirs.jsonl" | sort >"$TMP/keys"
	jq -n -c --rawfile k "$TMP/keys" '($k | split("\n") | map({key: ., value: 1}) | from_entries) as $in
		| inputs | select($in["\(.table)|\(.ctid)"] != null)' "$TMP/vours.jsonl" >"$TMP/vours2.jsonl"
	fields=$(sort -u "$TMP/fields" | jq -R . | jq -s -c 'map([., .])')
	jq -n --slurpfile ours "$TMP/vours2.jsonl" --slurpfile oracle "$TMP/vtheirs.jsonl" \
		--argjson keys '["table","ctid"]' --argjson fields "$fields" \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M catalog --relation values ($n tables)" "$TMP/cmp.json"
done
[ -n "$(majors)" ] || fail "fixtures present" "no testdata/pgNN/oracle/meta.json found"
