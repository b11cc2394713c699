# pgbtree --types against the tables: every leaf tuple's key, decoded,
# equals the columns of the heap row its heap TID points at, as
# PostgreSQL printed them (testdata/pgNN/oracle/values/<table>.jsonl; only
# TIDs of rows in that file: live rows), for every fixture B-tree on a
# user table; and --check --types is clean on every B-tree (catalogs
# included) whose column types we can order and that amcheck passes.
. tests/lib.sh
. tests/oracle/report.sh

# types datum_cmp.h orders
SUPPORTED='["bool","char","int2","int4","int8","oid","float4","float8","numeric","text","varchar","bpchar","name","bytea","date","time","timestamp","timestamptz","uuid","macaddr"]'

one_major() {
	M=$1
	TMP=$TMP/btk$M
	mkdir -p "$TMP"
	O=testdata/pg$M/oracle
	DATA=testdata/pg$M/data
	oracle_cat "$O/relations.jsonl" >"$TMP/rel"
	# relname file table spec: INCLUDE columns after ';' (the fixture's
	# only covering index has one key column)
	# a name column is stored as cstring (name_ops' opckeytype): --types says name
	jq -r --argjson sup "$SUPPORTED" '.columns |= map(if .typname == "cstring" then .typname = "name" else . end) |
		select(.amname == "btree" and (.columns | length) > 0
			and all(.columns[]; .typname as $t | $sup | index([$t]) != null)) |
		[.columns[] | "\(.attname):\(.typname)"] as $c |
		(if .relname == "idx_tbl_covering" then ($c[0] + ";" + ($c[1:] | join(","))) else ($c | join(",")) end) as $spec |
		"\(.relname) \(.file) \(.table_relname) \(.nspname) \($spec)"' "$TMP/rel" >"$TMP/idx"

	# 1. --check --types where amcheck passes
	jq -r 'select(.check == "bt_index_parent_check" and .ok == true) | .file' "$O/amcheck.jsonl" | sort -u >"$TMP/amok"
	# one run per distinct column list, over all its indexes
	: >"$TMP/chk"
	: >"$TMP/err"
	while read -r rel file table nsp spec; do
		grep -qx "$file" "$TMP/amok" || continue
		f=$DATA/$file; [ -f "$f" ] || f=$f.gz
		[ -f "$f" ] && printf '%s\t%s\n' "$spec" "$f"
	done <"$TMP/idx" | sort >"$TMP/byspec"
	rcs=0
	for spec in $(cut -f1 "$TMP/byspec" | uniq); do
		awk -F'\t' -v s="$spec" '$1 == s {print $2}' "$TMP/byspec" |
			xargs "$BIN/pgbtree" --check --json --types="$spec" >>"$TMP/chk" 2>>"$TMP/err" || rcs=$((rcs + 1))
	done
	n=$(wc -l <"$TMP/byspec")
	bad=$(jq -c 'select(.ok != true)' "$TMP/chk" | wc -l)
	bad=$((bad + n - $(wc -l <"$TMP/chk")))
	cmps=$(jq -s 'map(.key_comparisons // 0) | add // 0' "$TMP/chk")
	[ $rcs -eq 0 ] || echo "pgbtree exit status not 0 for $rcs column lists: $(head -2 "$TMP/err")" >>"$TMP/badlist"
	jq -r 'select(.ok != true) | .file' "$TMP/chk" >>"$TMP/badlist"
	[ $rcs -eq 0 ] || bad=$((bad + rcs))
	echo "pg$M --check --types: $n indexes, $cmps key comparisons, $bad not clean"
	if [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]; then pass "pg$M --check --types clean where amcheck is ($n indexes, $cmps comparisons)"
	else fail "pg$M --check --types clean where amcheck is" "$bad of $n: $(head -3 "$TMP/badlist" 2>/dev/null)"; fi

	# 2. leaf keys against the heap rows of the user tables
	total=0 diffs=0
	: >"$TMP/difflist"
	while read -r rel file table nsp spec; do
		[ "$nsp" = public ] || continue
		vf=$O/values/$table.jsonl
		[ -f "$vf" ] || [ -f "$vf.gz" ] || continue
		f=$DATA/$file; [ -f "$f" ] || f=$f.gz
		cols=$(printf '%s' "$spec" | tr ';' ',' | tr ',' '\n' | sed 's/:.*//' | jq -Rsc 'split("\n") | map(select(. != ""))')
		# heap: ctid -> the index's columns (once per table and column list)
		h=$TMP/heap.$table.$(printf '%s' "$cols" | cksum | cut -d' ' -f1)
		[ -f "$h" ] || oracle_cat "$vf" |
			jq -sc --argjson c "$cols" 'map({key: .ctid, value: (. as $r | reduce $c[] as $k ({}; .[$k] = $r[$k]))}) | from_entries' >"$h"
		# index: every leaf data item, each of its heap TIDs, against the row
		"$BIN/pgbtree" --json --types="$spec" "$f" 2>/dev/null |
			jq -n --slurpfile h "$h" --arg rel "$rel" '
			reduce (inputs | select(.type == "l") | (.btpo_next != 0) as $hk | .items[] |
				select(($hk and .itemoffset == 1) | not) |
				.values as $v | ((.tids // empty)[], (select(.tids == null) | (.htid // .ctid))) | {tid: ., v: $v}) as $i
				({n: 0, d: []};
				if $h[0][$i.tid] == null then . else
					.n += 1 | if $h[0][$i.tid] == $i.v then . else .d += [{rel: $rel, tid: $i.tid, index: $i.v, heap: $h[0][$i.tid]}] end end)' \
			>"$TMP/one"
		total=$((total + $(jq -r '.n' "$TMP/one")))
		diffs=$((diffs + $(jq -r '.d | length' "$TMP/one")))
		jq -c '.d[:3][]' "$TMP/one" >>"$TMP/difflist"
		echo "pg$M $rel: $(jq -r '.n' "$TMP/one") leaf keys compared with the heap"
		echo "$rel $(jq -r '.n' "$TMP/one")" >>"$TMP/per_index"
	done <"$TMP/idx"
	# the indexes the issue names are among those compared, each with keys
	for ix in types_tbl_pkey wide_keys_k_idx idx_tbl_grp_name idx_tbl_grp_dedup idx_tbl_covering dead_tbl_id_idx hot_tbl_k_idx; do
		[ "$ix" = idx_tbl_covering ] && [ "$M" -lt 11 ] && continue
		k=$(awk -v r="$ix" '$1 == r {print $2}' "$TMP/per_index" 2>/dev/null)
		if [ -n "$k" ] && [ "$k" -gt 0 ]; then pass "pg$M $ix leaf keys compared ($k)"
		else fail "pg$M $ix leaf keys compared" "none"; fi
	done
	echo "pg$M leaf keys vs heap rows: $total compared, $diffs differences"
	if [ "$total" -gt 0 ] && [ "$diffs" -eq 0 ]; then pass "pg$M leaf keys equal the heap rows ($total tuples)"
	else fail "pg$M leaf keys equal the heap rows" "$diffs of $total differ: $(head -3 "$TMP/difflist" | head -c 600)"; fi
}

for M in $(majors); do
	one_major "$M" >"$TMP/btk_log$M" 2>&1 &
done
wait
for M in $(majors); do cat "$TMP/btk_log$M"; done
[ -n "$(majors)" ] || fail "fixtures present" "no testdata/pgNN/oracle/meta.json found"
