# A line pointer that points off its page is damage in every mode of
# every tool that reads the page, not only under --check: pgpage (plain,
# --json, --summary, --item), pgbtree (items shown or not) and pgvm --check
# (the heap pages it reads).  Made from real pages of PostgreSQL 17 in
# $TMP: lp_off + lp_len past the page, lp_off inside the line pointer
# array, lp_off not MAXALIGNed, a redirect past the last item.
. tests/lib.sh

M=17
DATA=testdata/pg$M/data
O=testdata/pg$M/oracle
if [ ! -f "$O/meta.json" ]; then
	fail "line pointers: fixture" "testdata/pg$M missing"
	return 0 2>/dev/null || exit 0
fi
file_of() { oracle_cat "$O/relations.jsonl" | jq -r --arg r "$1" 'select(.relname == $r) | .file'; }
D="$TMP/lpd"
mkdir -p "$D"
# a line pointer word (lp_off | lp_flags << 15 | lp_len << 17) as octal escapes
lpword() {
	w=$(( $1 | ($2 << 15) | ($3 << 17) ))
	printf '\\%03o\\%03o\\%03o\\%03o' $((w & 255)) $(((w >> 8) & 255)) $(((w >> 16) & 255)) $(((w >> 24) & 255))
}
# setlp FILE BLOCK ITEM OFF FLAGS LEN: overwrite one line pointer in place
setlp() {
	printf "$(lpword "$4" "$5" "$6")" | dd of="$1" bs=1 seek=$(($2 * 8192 + 24 + ($3 - 1) * 4)) conv=notrunc 2>/dev/null
}

# --- heap pages: pgpage without --check ---------------------------------
gzip -dc "$DATA/$(file_of hot_tbl).gz" | head -c 8192 >"$D/clean"
check "lp: clean heap page, plain" 0 "$BIN/pgpage" "$D/clean"
set -- $("$BIN/pgpage" -j "$D/clean" | jq -r '[.items[] | select(.lp_flags == 1)][0] | "\(.lp) \(.lp_off) \(.lp_len)"')
lp=$1 off=$2 len=$3
maxoff=$("$BIN/pgpage" -j "$D/clean" | jq .item_count)

cp "$D/clean" "$D/beyond"; setlp "$D/beyond" 0 "$lp" 8176 1 "$len"
check "lp: past the page, plain exit 1" 1 "$BIN/pgpage" "$D/beyond"
expect "lp: past the page, plain finding" "$TMP/err" "^pgpage: $D/beyond: block 0: item $lp: invalid line pointer \(line pointer to page offset 8176 with length $len ends beyond maximum page offset 8192\)$"
expect "lp: past the page, item listed without its tuple" "$TMP/out" "^ +lp= +$lp NORMAL +off=8176 len= *$len\$"
check "lp: past the page, --json exit 1" 1 "$BIN/pgpage" --json "$D/beyond"
if jq -e --argjson i "$lp" '.diagnostics | any(.code == "bad_line_pointer" and .item == $i)' "$TMP/out" >/dev/null 2>&1; then
	pass "lp: past the page, JSON diagnostic with item"
else
	fail "lp: past the page, JSON diagnostic with item" "$(head -c 300 "$TMP/out")"
fi
check "lp: past the page, --summary exit 1" 1 "$BIN/pgpage" --summary "$D/beyond"
check "lp: past the page, another --item exit 1" 1 "$BIN/pgpage" --item "$maxoff" "$D/beyond"
check "lp: past the page, --check exit 1" 1 "$BIN/pgpage" --check "$D/beyond"
# one finding, not one per mode
n=$(grep -c "item $lp: invalid line pointer" "$TMP/err")
[ "$n" -eq 1 ] && pass "lp: --check reports it once" || fail "lp: --check reports it once" "$n findings"

cp "$D/clean" "$D/header"; setlp "$D/header" 0 "$lp" 16 1 "$len"
check "lp: inside the page header, plain exit 1" 1 "$BIN/pgpage" "$D/header"
expect "lp: inside the page header, finding" "$TMP/err" "block 0: item $lp: invalid line pointer \(line pointer to page offset 16 with length $len lies outside the tuple space "

cp "$D/clean" "$D/misaligned"; setlp "$D/misaligned" 0 "$lp" $((off + 4)) 1 "$len"
check "lp: not MAXALIGNed, plain exit 1" 1 "$BIN/pgpage" "$D/misaligned"
expect "lp: not MAXALIGNed, finding" "$TMP/err" "block 0: item $lp: invalid line pointer \(line pointer to page offset $((off + 4)) is not maximally aligned\)$"

cp "$D/clean" "$D/redirect"; setlp "$D/redirect" 0 "$lp" 500 2 0
check "lp: redirect past the last item, plain exit 1" 1 "$BIN/pgpage" "$D/redirect"
expect "lp: redirect past the last item, finding" "$TMP/err" "item $lp: invalid line pointer \(line pointer redirection to item at offset 500 exceeds maximum offset $maxoff\)$"

cp "$D/clean" "$D/dead"; setlp "$D/dead" 0 "$lp" 8160 3 64
check "lp: dead item with storage past the page, plain exit 1" 1 "$BIN/pgpage" "$D/dead"

# --- the sequence page: the same rules -----------------------------------
gzip -dc "$DATA/$(file_of fixture_seq).gz" >"$D/seq"
check "lp: clean sequence page" 0 "$BIN/pgpage" "$D/seq"
setlp "$D/seq" 0 1 8168 1 41
check "lp: sequence tuple past the page, exit 1" 1 "$BIN/pgpage" "$D/seq"
expect "lp: sequence tuple past the page, finding" "$TMP/err" "block 0: item 1: invalid line pointer \(line pointer to page offset 8168 with length 41 ends beyond maximum page offset 8192\)$"

# --- B-tree pages: pgbtree, items shown or not ---------------------------
bt=$(file_of hot_tbl_pkey)
gzip -dc "$DATA/$bt.gz" >"$D/bt"
check "lp: clean B-tree" 0 "$BIN/pgbtree" "$D/bt"
set -- $("$BIN/pgbtree" -j -b 1 "$D/bt" | jq -r '.items[1] | "\(.itemoffset) \(.itemlen)"')
bi=$1 blen=$2
cp "$D/bt" "$D/bt_beyond"; setlp "$D/bt_beyond" 1 "$bi" 8184 1 "$blen"
check "lp: B-tree item past the page, exit 1" 1 "$BIN/pgbtree" "$D/bt_beyond"
expect "lp: B-tree item past the page, finding" "$TMP/err" "^pgbtree: $D/bt_beyond: block 1: item $bi: invalid line pointer "
check "lp: B-tree item past the page, --no-items exit 1" 1 "$BIN/pgbtree" --no-items "$D/bt_beyond"
bo=$("$BIN/pgbtree" -j -b 1 "$D/bt" | jq -r '.items[1] | .itemoffset' )
boff=$(od -An -tu4 -j$((8192 + 24 + (bo - 1) * 4)) -N4 "$D/bt" | tr -d ' ')
cp "$D/bt" "$D/bt_misaligned"; setlp "$D/bt_misaligned" 1 "$bi" $(((boff & 32767) + 4)) 1 "$blen"
check "lp: B-tree item not MAXALIGNed, exit 1" 1 "$BIN/pgbtree" "$D/bt_misaligned"
expect "lp: B-tree item not MAXALIGNed, finding" "$TMP/err" "block 1: item $bi: invalid line pointer \(line pointer to page offset $(((boff & 32767) + 4)) is not maximally aligned\)$"

# --- pgvm --check: the heap pages it reads --------------------------------
ad=$(file_of pg_attrdef); n=${ad##*/}
mkdir -p "$D/vm"
gzip -dc "$DATA/$ad.gz" >"$D/vm/$n"
gzip -dc "$DATA/${ad}_vm.gz" >"$D/vm/${n}_vm"
check "lp: pgvm --check pristine" 0 "$BIN/pgvm" --check "$D/vm/${n}_vm"
vb=$("$BIN/pgvm" -j "$D/vm/${n}_vm" | jq -r 'select(.all_visible) | .blkno' | head -1)
if [ -n "$vb" ]; then
	setlp "$D/vm/$n" "$vb" 1 8176 1 64
	check "lp: pgvm --check, heap item past the page, exit 1" 1 "$BIN/pgvm" --check "$D/vm/${n}_vm"
	expect "lp: pgvm --check, finding" "$TMP/err" "block $vb: item 1: invalid line pointer \(line pointer to page offset 8176 with length 64 ends beyond maximum page offset 8192\)$"
else
	fail "lp: pgvm --check" "no all-visible block in pg_attrdef's map"
fi
