# pgpage's heap items against heap_page_items() (and, from 13,
# heap_tuple_infomask_flags()'s raw_flags and combined_flags), for every
# line pointer of every block of every heap file of every fixture major
# (testdata/pgNN/oracle/heap_page_items.jsonl), joined on file, blkno, lp;
# and each sequence's item and values (no oracle rows: see below).
. tests/lib.sh
. tests/oracle/report.sh

# One major; the majors run side by side (jq is the slow part).
one_major() {
	M=$1
	TMP=$TMP/pg$M
	mkdir -p "$TMP"
	DATA=testdata/pg$M/data
	oracle_cat "testdata/pg$M/oracle/heap_page_items.jsonl" >"$TMP/oracle.jsonl"
	jq -r '.file' "$TMP/oracle.jsonl" | sort -u | while read -r f; do
		if [ -f "$DATA/$f" ]; then echo "$DATA/$f"; else echo "$DATA/$f.gz"; fi
	done >"$TMP/files"
	xargs "$BIN/pgpage" --json <"$TMP/files" >"$TMP/ours.raw" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && pass "pg$M pgpage exit 0 on every heap file" || fail "pg$M pgpage exit 0 on every heap file" "exit $rc: $(head -3 "$TMP/err")"
	# Both sides become one line per item, "file|blkno|lp" then each field
	# the oracle has, as compare.jq normalizes values; joined in awk.
	# (Streaming: compare.jq's slurp is too slow for 30000 rows a major.)
	fields='["lp_off","lp_flags","lp_len","t_xmin","t_xmax","t_field3","t_ctid","t_infomask2","t_infomask","t_hoff","t_bits","t_oid","t_data","raw_flags","combined_flags"]'
	present=$(head -1 "$TMP/oracle.jsonl" | jq -c --argjson f "$fields" '[$f[] as $k | select(has($k)) | $k]')
	# "\(.x)" prints x as tostring does: compare.jq's normalization
	row=$(echo "$present" | jq -r 'map("\\(.\(.))") | join("\\t")')
	jq -r '"\(.file)\t\(.blkno)\t\(.lp)\t'"$row"'"' "$TMP/oracle.jsonl" >"$TMP/theirs.tsv"
	jq -r --arg d "$DATA/" '(.file | ltrimstr($d) | rtrimstr(".gz")) as $file | .blkno as $b
		| .items[]? | "\($file)\t\($b)\t\(.lp)\t'"$row"'"' "$TMP/ours.raw" >"$TMP/ours.tsv"
	nf=$(echo "$present" | jq length)
	awk -F'\t' -v nf="$nf" -v names="$(echo "$present" | jq -r 'join(",")')" '
		BEGIN { split(names, N, ",") }
		FNR == NR { k = $1 "|" $2 "|" $3; T[k] = $0; next }
		{ k = $1 "|" $2 "|" $3
		  if (!(k in T)) { extra[++ne] = k; next }
		  seen[k] = 1; split(T[k], t, "\t")
		  for (i = 4; i <= nf + 3; i++) { cmp++; if ($i != t[i]) { nd++; o = substr($i, 1, 80); h = substr(t[i], 1, 80); gsub(/["\\]/, "", o); gsub(/["\\]/, "", h); if (nd <= 3) d = d sprintf("{\"key\":\"%s\",\"field\":\"%s\",\"ours\":\"%s\",\"theirs\":\"%s\"},", k, N[i-3], o, h) } } }
		END { for (k in T) if (!(k in seen)) { nm++; if (nm <= 3) m = m sprintf("\"%s\",", k) }
		  sub(/,$/, "", d); sub(/,$/, "", m); x = ""; for (i = 1; i <= ne && i <= 3; i++) x = x (i > 1 ? "," : "") "\"" extra[i] "\""
		  printf "{\"compared\":%d,\"diffs\":[%s],\"ndiffs\":%d,\"missing\":[%s],\"nmissing\":%d,\"extra\":[%s],\"nextra\":%d}\n", cmp, d, nd, m, nm, x, ne }
	' "$TMP/theirs.tsv" "$TMP/ours.tsv" >"$TMP/cmp0.json"
	# report wants full arrays' lengths: pad them from the counts
	jq '{compared, diffs: (.diffs + [range(.ndiffs - (.diffs|length))|{}]),
		missing: (.missing + [range(.nmissing - (.missing|length))|""]),
		extra: (.extra + [range(.nextra - (.extra|length))|""])}' "$TMP/cmp0.json" >"$TMP/cmp.json"
	report "pg$M heap_page_items" "$TMP/cmp.json" >"$TMP/report"

	# the flag names by (t_infomask2, t_infomask): theirs where the oracle
	# has them (13+), ours everywhere, for the check after the loop
	if [ "$(head -1 "$TMP/oracle.jsonl" | jq 'has("raw_flags")')" = true ]; then
		jq -r 'select(.raw_flags != null) | "\(.t_infomask2)\t\(.t_infomask)\t\(.raw_flags)\t\(.combined_flags)"' \
			"$TMP/oracle.jsonl" | sort -u >"$TMP/flags.theirs"
	fi
	jq -r '.items[]? | select(.raw_flags != null) | "\(.t_infomask2)\t\(.t_infomask)\t\(.raw_flags)\t\(.combined_flags)"' \
		"$TMP/ours.raw" | sort -u >"$TMP/flags.ours"

	# --summary: line pointers by state per file, as heap_page_items() counts them
	awk -F'\t' '{ n[$1 "\t" $5]++ } END { for (k in n) print k "\t" n[k] }' "$TMP/theirs.tsv" | sort >"$TMP/sum.theirs"
	xargs "$BIN/pgpage" --summary --json <"$TMP/files" 2>/dev/null |
		jq -r --arg d "$DATA/" '(.file | ltrimstr($d) | rtrimstr(".gz")) as $f
			| [[0, .unused_items], [1, .live_items], [2, .redirect_items], [3, .dead_items]][]
			| select(.[1] > 0) | "\($f)\t\(.[0])\t\(.[1])"' | sort >"$TMP/sum.ours"
	if cmp -s "$TMP/sum.theirs" "$TMP/sum.ours"; then
		pass "pg$M --summary item counts ($(wc -l <"$TMP/sum.ours") file/state counts)"
	else
		fail "pg$M --summary item counts" "$(diff "$TMP/sum.theirs" "$TMP/sum.ours" | head -4 | tr '\n' ' ')"
	fi

	# --check: clean on every heap file, in particular on each one amcheck's
	# verify_heapam passed (14+: amcheck.jsonl); the others have no oracle
	# but are undamaged fixtures all the same
	xargs "$BIN/pgpage" --check <"$TMP/files" >/dev/null 2>"$TMP/err"
	rc=$?
	nv=$(jq -r 'select(.check == "verify_heapam" and .ok == true) | .file' "testdata/pg$M/oracle/amcheck.jsonl" | sort -u | wc -l)
	nf=$(wc -l <"$TMP/files")
	if [ $rc -eq 0 ] && [ ! -s "$TMP/err" ]; then
		pass "pg$M pgpage --check clean on $nf heap files ($nv passed verify_heapam)"
	else
		fail "pg$M pgpage --check clean on every heap file" "exit $rc: $(head -3 "$TMP/err")"
	fi
	# Sequences: the generator asked heap_page_items() about relkind r, t
	# and m only, and no oracle holds SELECT * FROM fixture_seq, so both
	# are PostgreSQL's by construction (commands/sequence.c, every major
	# 10..18): fill_seq_with_data() writes the one tuple at item 1 with a
	# frozen xmin (t_xmin 2, HEAP_XMIN_FROZEN | HEAP_XMAX_INVALID = 2816),
	# t_ctid (0,1) and 3 attributes; workload.sql makes it START 100
	# INCREMENT 7 and calls nextval 6 times, so last_value 135, is_called,
	# and the last call, the first after CHECKPOINT 2, logs SEQ_LOG_VALS
	# (32) ahead: log_cnt 32.  The fields are compared as the heap ones are.
	oracle_cat "testdata/pg$M/oracle/relations.jsonl" | jq -r 'select(.relkind == "S") | .file' >"$TMP/seqs"
	seq_want='{"lp":1,"lp_off":8136,"lp_flags":1,"lp_len":41,"t_xmin":2,"t_xmax":0,"t_field3":0,"t_ctid":"(0,1)","t_infomask2":3,"t_infomask":2816,"t_hoff":24,"t_bits":null,"t_oid":null,"t_data":"\\x8700000000000000200000000000000001","raw_flags":["HEAP_XMIN_COMMITTED","HEAP_XMIN_INVALID","HEAP_XMAX_INVALID"],"combined_flags":["HEAP_XMIN_FROZEN"],"sequence":{"last_value":135,"log_cnt":32,"is_called":true},"values":{"last_value":"135","log_cnt":"32","is_called":"true"}}'
	nseq=0
	while read -r f; do
		nseq=$((nseq + 1))
		spec=$(oracle_cat "testdata/pg$M/oracle/relations.jsonl" | jq -r --arg f "$f" 'select(.file == $f) | [.columns[] | "\(.attname):\(.type)"] | join(",")')
		got=$("$BIN/pgpage" --json -T "$spec" "$DATA/$f.gz" 2>"$TMP/seq.err" | jq -c '.items[0] + {sequence} | del(.lp_off_ok)')
		if [ "$(printf '%s' "$got" | jq -S -c .)" = "$(printf '%s' "$seq_want" | jq -S -c .)" ] && [ ! -s "$TMP/seq.err" ]; then
			pass "pg$M sequence $f: heap_page_items row and sequence and values as SELECT * (15 + 3 + 3 fields)"
		else
			fail "pg$M sequence $f" "$got $(head -c 200 "$TMP/seq.err")"
		fi
	done <"$TMP/seqs"
	[ "$nseq" -gt 0 ] || fail "pg$M sequence" "no relkind S in relations.jsonl"
	jq -r 'select(.check == "verify_heapam" and .ok == true) | .file' "testdata/pg$M/oracle/amcheck.jsonl" | while read -r f; do
		# an empty file (a TOAST table never written) has no page to check
		[ -f "$DATA/$f" ] && [ ! -s "$DATA/$f" ] && continue
		grep -q "/$f\(\.gz\)*\$" "$TMP/files" || echo "$f"
	done >"$TMP/notcovered"
	if [ -s "$TMP/notcovered" ]; then
		fail "pg$M every non-empty file verify_heapam passed is checked" "not in heap_page_items: $(head -3 "$TMP/notcovered" | tr '\n' ' ')"
	else
		pass "pg$M every non-empty file verify_heapam passed is checked"
	fi
}

for M in $(majors); do
	one_major "$M" &
done
wait
for M in $(majors); do
	cat "$TMP/pg$M/report"
done

# Before 13 there is no heap_tuple_infomask_flags() to ask; it is a pure
# function of the two infomask words, so the majors that have it answer
# for the (t_infomask2, t_infomask) pairs the older ones share with them.
cat "$TMP"/pg*/flags.theirs 2>/dev/null | sort -u >"$TMP/flags.map"
for M in $(majors); do
	[ -f "$TMP/pg$M/flags.theirs" ] && continue
	awk -F'\t' 'FNR == NR { m[$1 "\t" $2] = $3 "\t" $4; next }
		($1 "\t" $2) in m { n++; if (m[$1 "\t" $2] != $3 "\t" $4) { d++; if (d <= 3) x = x " " $1 "/" $2 } }
		END { printf "%d %d%s\n", n, d, x }' "$TMP/flags.map" "$TMP/pg$M/flags.ours" >"$TMP/fl"
	read -r n d x <"$TMP/fl"
	echo "pg$M raw_flags/combined_flags by 13+'s heap_tuple_infomask_flags(): $n infomask pairs compared, $d differences"
	if [ "$n" -gt 0 ] && [ "$d" -eq 0 ]; then pass "pg$M infomask flag names ($n pairs)"
	else fail "pg$M infomask flag names" "$n pairs, $d differences:$x"; fi
done
[ -n "$(majors)" ] || fail "fixtures present" "no testdata/pgNN/oracle/meta.json found"
