# Page kinds: every page of every relation file of every fixture major is
# identified as what the catalog says the relation is (pg_class.relkind and
# pg_am.amname in relations.jsonl): heap for tables, TOAST tables and
# materialized views, the access method for indexes, sequence, fsm and vm
# for those forks; an all-zero page is "new" wherever it is.
. tests/lib.sh

for M in $(majors); do
	DATA=testdata/pg$M/data
	oracle_cat "testdata/pg$M/oracle/relations.jsonl" |
		jq -r '[.file, (if .relkind == "i" then .amname elif .relkind == "S" then "sequence" else "heap" end)] | @tsv' >"$TMP/kinds.tsv"
	: >"$TMP/kinds.files"
	while IFS='	' read -r f want; do
		for fork in "" _init _fsm _vm; do
			case $fork in _fsm) w=fsm ;; _vm) w=vm ;; *) w=$want ;; esac
			for x in "$DATA/$f$fork" "$DATA/$f$fork.gz"; do
				[ -s "$x" ] && printf '%s\t%s\n' "$x" "$w" >>"$TMP/kinds.files"
			done
		done
	done <"$TMP/kinds.tsv"
	cut -f1 "$TMP/kinds.files" | xargs "$BIN/pgpage" --json 2>/dev/null | jq -r '[.file, .kind] | @tsv' >"$TMP/kinds.ours"
	awk -F'\t' 'NR == FNR { want[$1] = $2; next }
		{ n++; if ($2 != want[$1] && $2 != "new") { bad++; if (bad <= 3) printf "%s is %s, catalog says %s; ", $1, $2, want[$1] } }
		END { printf "\n%d %d\n", n, bad + 0 }' "$TMP/kinds.files" "$TMP/kinds.ours" >"$TMP/kinds.res"
	pages=$(tail -n 1 "$TMP/kinds.res" | cut -d' ' -f1); bad=$(tail -n 1 "$TMP/kinds.res" | cut -d' ' -f2)
	echo "pg$M page kinds: $pages pages of $(wc -l <"$TMP/kinds.files") files compared with the catalog, $bad differences"
	if [ "$pages" -gt 0 ] && [ "$bad" -eq 0 ]; then pass "pg$M page kinds ($pages pages)"
	else fail "pg$M page kinds" "$bad of $pages differ: $(head -n 1 "$TMP/kinds.res")"; fi
	# every access method of the fixtures is among them
	for k in heap btree hash gist gin spgist brin sequence fsm vm; do
		grep -q "	$k\$" "$TMP/kinds.ours" && pass "pg$M page kind $k seen" || fail "pg$M page kind $k seen" "no page identified as $k"
	done
done
