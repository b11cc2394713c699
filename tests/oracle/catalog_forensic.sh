# The catalog read from disk on the forensic fixtures (testdata/pgNN/forensic:
# database shop with enums, domains, composites, arrays, ADD COLUMN ...
# DEFAULT, DROP COLUMN, mixed-case and non-ASCII names, partitions, a
# materialized view, a table in a tablespace, VACUUM FULL pg_class, DESC
# and NULLS FIRST indexes, a crash), against what the server said:
#   --list --json          relations.jsonl: oid, nspname, relname,
#                          relfilenode, relkind, relpersistence, amname,
#                          filepath (= pg_relation_filepath()), tablename
#   --list --columns       relations.jsonl's columns
#   --list (indexes)       indexes.jsonl: indrelid, table, nspname, amname,
#                          indnatts, indnkeyatts, indkey, indoption,
#                          indisunique, indisprimary
#   --relation T --json    values/<nsp>.<rel>.jsonl: every column of every
#                          visible row of every user table and matview
#                          (by ctid; no -T, no --toast), and the same on a
#                          partial copy (PG_VERSION, global, base/DB, pg_xact)
#   pgbtree --relation IDX --check   clean on every B-tree of indexes.jsonl;
#                          a copy of orders_customer_desc with two keys
#                          swapped is caught
#   --catalog-versions     class_history.jsonl's states are on disk
. tests/lib.sh
. tests/oracle/report.sh

# the majors with a forensic fixture (ONLY="10 11" to run some of them)
forensic_majors() {
	[ -n "${ONLY:-}" ] && { echo "$ONLY"; return; }
	for d in testdata/pg[0-9]*/forensic; do
		[ -f "$d/oracle/meta.json" ] && echo "$d" | sed 's,^testdata/pg\([0-9]*\)/.*,\1,'
	done | sort -n
}

# swap_lps FILE BLK A B: swap line pointers A and B of block BLK (a plain
# file): the two keys change places, every byte of each still valid
swap_lps() {
	off=$(($2 * 8192 + 24))
	a=$((off + ($3 - 1) * 4)); b=$((off + ($4 - 1) * 4))
	dd if="$1" bs=1 skip=$a count=4 of="$TMP/lpa" 2>/dev/null
	dd if="$1" bs=1 skip=$b count=4 of="$TMP/lpb" 2>/dev/null
	dd if="$TMP/lpb" of="$1" bs=1 seek=$a conv=notrunc 2>/dev/null
	dd if="$TMP/lpa" of="$1" bs=1 seek=$b conv=notrunc 2>/dev/null
}

USERNSP='(.nspname | test("^(pg_|information_schema$)") | not)'

for M in $(forensic_majors); do
	F=testdata/pg$M/forensic
	DATA=$F/data
	ORA=$F/oracle

	# --list: the relations with files in shop (shared ones are pg_database's)
	oracle_cat "$ORA/relations.jsonl" >"$TMP/rels.jsonl"
	"$BIN/pgpage" -D "$DATA" -d shop --list --columns --json >"$TMP/list.jsonl" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && [ ! -s "$TMP/err" ] && pass "pg$M forensic --list -d shop (by name) exits 0, silent" ||
		fail "pg$M forensic --list -d shop exits 0, silent" "exit $rc: $(head -c 300 "$TMP/err")"
	jq -c 'select(.filepath != null and (.filepath | startswith("global/") | not)) | del(.columns)' \
		"$TMP/list.jsonl" >"$TMP/ours.jsonl"
	jq -n --slurpfile ours "$TMP/ours.jsonl" --slurpfile oracle "$TMP/rels.jsonl" \
		--argjson keys '["oid"]' \
		--argjson fields '[["nspname","nspname"],["relname","relname"],["relfilenode","relfilenode"],["relkind","relkind"],["relpersistence","relpersistence"],["filepath","file"],["amname","amname"],["tablename","table_relname"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M forensic --list" "$TMP/cmp.json"

	flat='.oid as $o | .columns[]? | {key: "\($o)|\(.attnum)", attname, typname, attlen, attalign, attbyval, attisdropped}'
	jq -c "select(.filepath != null and (.filepath | startswith(\"global/\") | not)) | $flat" "$TMP/list.jsonl" >"$TMP/ourcols.jsonl"
	jq -c "$flat" "$TMP/rels.jsonl" >"$TMP/theircols.jsonl"
	jq -n --slurpfile ours "$TMP/ourcols.jsonl" --slurpfile oracle "$TMP/theircols.jsonl" \
		--argjson keys '["key"]' \
		--argjson fields '[["attname","attname"],["typname","typname"],["attlen","attlen"],["attalign","attalign"],["attbyval","attbyval"],["attisdropped","attisdropped"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M forensic --columns" "$TMP/cmp.json"

	# indexes: pg_index and pg_am as the server joined them
	oracle_cat "$ORA/indexes.jsonl" >"$TMP/idx.jsonl"
	jq -c 'select(.indrelid != null) | {indexrelid: .oid, indrelid, table_relname: .tablename, nspname, amname,
		indnatts, indnkeyatts, indkey, indoption, indisunique, indisprimary}' "$TMP/list.jsonl" >"$TMP/ouridx.jsonl"
	jq -n --slurpfile ours "$TMP/ouridx.jsonl" --slurpfile oracle "$TMP/idx.jsonl" \
		--argjson keys '["indexrelid"]' \
		--argjson fields '[["indrelid","indrelid"],["table_relname","table_relname"],["nspname","nspname"],["amname","amname"],["indnatts","indnatts"],["indnkeyatts","indnkeyatts"],["indkey","indkey"],["indoption","indoption"],["indisunique","indisunique"],["indisprimary","indisprimary"]]' \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M forensic indexes (pg_index, pg_am)" "$TMP/cmp.json"

	# values of every user table and matview, every column, by OID
	: >"$TMP/vours.jsonl"; : >"$TMP/vtheirs.jsonl"; : >"$TMP/fields"
	n=0
	jq -r "select((.relkind == \"r\" or .relkind == \"m\") and $USERNSP) | [.oid, .nspname, .relname] | @tsv" \
		"$TMP/rels.jsonl" >"$TMP/tables"
	while IFS="$(printf '\t')" read -r oid nsp rel; do
		vf="$ORA/values/$nsp.$rel.jsonl"
		[ -f "$vf" ] || [ -f "$vf.gz" ] || { fail "pg$M forensic values file of $nsp.$rel" "no $vf"; continue; }
		n=$((n + 1))
		oracle_cat "$vf" | jq -c --arg t "$oid" '{table: $t} + .' >>"$TMP/vtheirs.jsonl"
		oracle_cat "$vf" | head -1 | jq -r 'keys[] | select(. != "ctid")' >>"$TMP/fields"
		"$BIN/pgpage" -D "$DATA" -d shop --relation "$oid" --json 2>"$TMP/err" |
			jq -c --arg t "$oid" '.blkno as $b | .items[]? | select(.values) | {table: $t, ctid: "(\($b),\(.lp))"} + .values' >>"$TMP/vours.jsonl"
		[ -s "$TMP/err" ] && fail "pg$M forensic --relation $nsp.$rel decodes cleanly" "$(head -c 300 "$TMP/err")"
	done <"$TMP/tables"
	# ours: the row versions the oracle saw (the server judged visibility)
	jq -r '"\(.table)|\(.ctid)"' "$TMP/vtheirs.jsonl" | sort >"$TMP/keys"
	jq -n -c --rawfile k "$TMP/keys" '($k | split("\n") | map({key: ., value: 1}) | from_entries) as $in
		| inputs | select($in["\(.table)|\(.ctid)"] != null)' "$TMP/vours.jsonl" >"$TMP/vours2.jsonl"
	fields=$(sort -u "$TMP/fields" | jq -R . | jq -s -c 'map([., .])')
	jq -n --slurpfile ours "$TMP/vours2.jsonl" --slurpfile oracle "$TMP/vtheirs.jsonl" \
		--argjson keys '["table","ctid"]' --argjson fields "$fields" \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M forensic --relation values ($n tables)" "$TMP/cmp.json"

	# the same on a partial copy: PG_VERSION, global, base/DB, pg_xact only
	# (tables in a tablespace left out: their link is not in such a copy)
	dboid=$(jq -r '.dboid' "$ORA/meta.json")
	rm -rf "$TMP/part"; mkdir -p "$TMP/part/base"
	cp -R "$DATA/PG_VERSION" "$DATA/global" "$DATA/pg_xact" "$TMP/part/"
	cp -R "$DATA/base/$dboid" "$TMP/part/base/"
	: >"$TMP/pours.jsonl"
	jq -r "select(.relkind == \"r\" and $USERNSP and (.file | startswith(\"base/\"))) | .oid" "$TMP/rels.jsonl" >"$TMP/ptables"
	: >"$TMP/perr"
	while read -r oid; do
		"$BIN/pgpage" -D "$TMP/part" -d shop --relation "$oid" --json 2>>"$TMP/perr" |
			jq -c --arg t "$oid" '.blkno as $b | .items[]? | select(.values) | {table: $t, ctid: "(\($b),\(.lp))"} + .values' >>"$TMP/pours.jsonl"
	done <"$TMP/ptables"
	# at most a notice: pg_multixact and pg_subtrans are not in such a copy,
	# so a tuple whose xmax is a multixact says its members are unknown
	grep -v ': not in this copy of the cluster (' "$TMP/perr" >"$TMP/perr2"
	[ ! -s "$TMP/perr2" ] && pass "pg$M forensic partial copy: no diagnostic but notices" ||
		fail "pg$M forensic partial copy: no diagnostic but notices" "$(head -c 300 "$TMP/perr2")"
	jq -n -c --rawfile k "$TMP/keys" '($k | split("\n") | map({key: ., value: 1}) | from_entries) as $in
		| inputs | select($in["\(.table)|\(.ctid)"] != null)' "$TMP/pours.jsonl" >"$TMP/pours2.jsonl"
	jq -c --rawfile t "$TMP/ptables" 'select(.table as $x | $t | split("\n") | index([$x]) != null)' \
		"$TMP/vtheirs.jsonl" >"$TMP/ptheirs.jsonl"
	jq -n --slurpfile ours "$TMP/pours2.jsonl" --slurpfile oracle "$TMP/ptheirs.jsonl" \
		--argjson keys '["table","ctid"]' --argjson fields "$fields" \
		-f tests/oracle/compare.jq >"$TMP/cmp.json"
	report "pg$M forensic partial copy --relation values" "$TMP/cmp.json"

	# pgvm and pgfsm --relation --check: the fork and the heap found by
	# name read exactly as the same files named on the command line
	nm=0
	while IFS="$(printf '\t')" read -r oid fp; do
		for tool in pgvm pgfsm; do
			fork=$([ $tool = pgvm ] && echo _vm || echo _fsm)
			maps=$(ls "$DATA/$fp$fork" "$DATA/$fp$fork.gz" 2>/dev/null)
			[ -n "$maps" ] || continue
			heaps=$(ls "$DATA/$fp" "$DATA/$fp.gz" "$DATA/$fp".[0-9]* 2>/dev/null)
			"$BIN/$tool" -D "$DATA" -d shop --relation "$oid" --check --json >"$TMP/byname" 2>"$TMP/err"
			rc=$?
			xact=$([ $tool = pgvm ] && echo "-x $DATA/pg_xact")
			# shellcheck disable=SC2086
			"$BIN/$tool" --check --json $xact $maps $heaps 2>"$TMP/err2" | jq -c 'del(.file)' >"$TMP/byfile"
			# the same records and findings (the FSM's lag is a notice: exit 0)
			jq -c 'del(.file)' "$TMP/byname" | cmp -s - "$TMP/byfile" && [ $rc -eq 0 ] && cmp -s "$TMP/err" "$TMP/err2" ||
				fail "pg$M forensic $tool --relation $oid --check" "exit $rc, $(head -c 200 "$TMP/err"), same as by file: $(jq -c 'del(.file)' "$TMP/byname" | cmp - "$TMP/byfile" 2>&1)"
			nm=$((nm + 1))
		done
	done <<EOF2
$(jq -r "select((.relkind == \"r\" or .relkind == \"m\") and $USERNSP) | [.oid, .file] | @tsv" "$TMP/rels.jsonl")
EOF2
	[ $nm -gt 0 ] && pass "pg$M forensic pgvm/pgfsm --relation --check: $nm maps, exit 0, as by file" ||
		fail "pg$M forensic pgvm/pgfsm --relation" "no map read"

	# pgbtree --relation IDX --check on every B-tree with a file
	nb=0; cmp_total=0
	# (the B-trees of the list, which equals indexes.jsonl above)
	for oid in $(jq -r 'select(.amname == "btree" and .main_blocks != null and .main_blocks > 0) | .oid' "$TMP/list.jsonl"); do
		"$BIN/pgbtree" -D "$DATA" -d shop --relation "$oid" --check --json >"$TMP/out" 2>"$TMP/err"
		rc=$?
		if [ $rc -ne 0 ] || grep -v "key order not checked" "$TMP/err" | grep -q .; then
			fail "pg$M forensic pgbtree --relation $oid --check" "exit $rc: $(head -c 300 "$TMP/err")"
		fi
		nb=$((nb + 1))
		cmp_total=$((cmp_total + $(jq -s 'map(.key_comparisons // 0) | add // 0' "$TMP/out")))
	done
	[ $nb -gt 0 ] && [ $cmp_total -gt 0 ] && pass "pg$M forensic pgbtree --relation --check: $nb B-trees clean, $cmp_total key comparisons" ||
		fail "pg$M forensic pgbtree --relation --check" "$nb indexes, $cmp_total key comparisons"
	for ix in orders_customer_desc orders_placed_nf; do
		"$BIN/pgbtree" -D "$DATA" -d shop --relation "sales.$ix" --check --json >"$TMP/out" 2>"$TMP/err"
		rc=$?
		c=$(jq -s 'map(.key_comparisons // 0) | add // 0' "$TMP/out")
		[ $rc -eq 0 ] && [ "$c" -gt 0 ] && [ ! -s "$TMP/err" ] && pass "pg$M forensic $ix: key order checked with indoption ($c comparisons)" ||
			fail "pg$M forensic $ix: key order checked with indoption" "exit $rc, $c comparisons: $(head -c 300 "$TMP/err")"
	done
	# two keys swapped on a leaf of orders_customer_desc: caught
	rm -rf "$TMP/sw"; mkdir -p "$TMP/sw/base"
	cp -R "$DATA/PG_VERSION" "$DATA/global" "$DATA/pg_xact" "$TMP/sw/"
	cp -R "$DATA/base/$dboid" "$TMP/sw/base/"
	chmod -R u+w "$TMP/sw"
	f=$(jq -r 'select(.relname == "orders_customer_desc") | .filepath' "$TMP/list.jsonl")
	[ -f "$TMP/sw/$f.gz" ] && gzip -d "$TMP/sw/$f.gz"
	leaf=$("$BIN/pgbtree" --json -n "$TMP/sw/$f" | jq -r 'select(.type == "l" and .live_items >= 3) | .blkno' | head -1)
	first=$("$BIN/pgbtree" --json -n -b "$leaf" "$TMP/sw/$f" | jq -r 'if .btpo_next == 0 then 1 else 2 end')
	swap_lps "$TMP/sw/$f" "$leaf" "$first" $((first + 1))
	check "pg$M forensic swapped keys: pgbtree --relation --check exits 1" 1 \
		"$BIN/pgbtree" -D "$TMP/sw" -d shop --relation sales.orders_customer_desc --check
	expect "pg$M forensic swapped keys named" "$TMP/err" "block $leaf: item [0-9]+: B-tree keys out of order"

	# --catalog-versions: every pg_class tuple on disk is one version
	# (heap_page_items' normal line pointers of pg_class's file); the
	# states of user relations the workload recorded after the VACUUM FULL
	# of pg_class are counted among them -- the older ones (the dropped
	# table, the file numbers before a rewrite) only while no prune has
	# removed them, which PostgreSQL may do at any page access
	oracle_cat "$ORA/class_history.jsonl" >"$TMP/hist.jsonl"
	"$BIN/pgpage" -D "$DATA" -d shop --list --catalog-versions --json >"$TMP/ver.jsonl" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && [ ! -s "$TMP/err" ] && pass "pg$M forensic --catalog-versions exits 0, silent" ||
		fail "pg$M forensic --catalog-versions exits 0, silent" "exit $rc: $(head -c 300 "$TMP/err")"
	cf=$(jq -r 'select(.oid == 1259) | .filepath' "$TMP/list.jsonl")
	ntup=$(oracle_cat "$ORA/heap_page_items.jsonl" | jq -c --arg f "$cf" 'select(.file == $f and .lp_flags == 1 and .t_xmin != null)' | wc -l)
	nver=$(wc -l <"$TMP/ver.jsonl")
	dead=$(jq -s '[.[] | select(.visible | not)] | length' "$TMP/ver.jsonl")
	[ "$ntup" -eq "$nver" ] && pass "pg$M forensic --catalog-versions: $nver versions = pg_class's $ntup tuples on disk ($dead dead)" ||
		fail "pg$M forensic --catalog-versions: every pg_class tuple" "$nver versions, $ntup tuples in heap_page_items"
	st='"\(.oid)|\(.relname)|\(.relfilenode)"'
	jq -r "select(.step != \"vacuum_full_pg_class\" and (.oid | tonumber) >= 16384) | $st" "$TMP/hist.jsonl" | sort -u >"$TMP/hist"
	jq -r "$st" "$TMP/ver.jsonl" | sort -u >"$TMP/have"
	jq -r "select(.visible) | $st" "$TMP/ver.jsonl" | sort -u >"$TMP/now"
	total=$(wc -l <"$TMP/hist"); found=$(comm -12 "$TMP/hist" "$TMP/have" | wc -l)
	# what the history recorded and no visible row has any more: found or pruned
	old=$(comm -23 "$TMP/hist" "$TMP/now" | wc -l); oldfound=$(comm -23 "$TMP/hist" "$TMP/now" | comm -12 - "$TMP/have" | wc -l)
	echo "pg$M forensic --catalog-versions: $found of $total recorded states of user relations on disk; of $old superseded ones $oldfound not yet pruned"
	[ "$total" -gt 0 ] && [ $((found + old - oldfound)) -eq "$total" ] &&
		pass "pg$M forensic --catalog-versions: history ($found of $total states on disk, $oldfound of $old superseded)" ||
		fail "pg$M forensic --catalog-versions: history" "$found of $total: $(comm -23 "$TMP/hist" "$TMP/have" | head -3 | tr '\n' ' ')"
done
[ -n "$(forensic_majors)" ] || fail "forensic fixtures present" "no testdata/pgNN/forensic/oracle/meta.json found"
