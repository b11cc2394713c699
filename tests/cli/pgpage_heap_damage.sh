# pgpage --check against damage made from a real heap page with HOT
# chains (block 0 of hot_tbl, PostgreSQL 17, in $TMP): each kind of damage
# gives its verify_heapam finding at the right block and item, and exit 1.
# The places to damage are read from pgpage's own JSON of the clean page.
. tests/lib.sh

M=17
src=testdata/pg$M/data/$(oracle_cat "testdata/pg$M/oracle/relations.jsonl" | jq -r 'select(.relname == "hot_tbl") | .file')
if [ ! -f "$src.gz" ]; then
	fail "heap damage: fixture" "hot_tbl of pg$M not found"
	return 0 2>/dev/null || exit 0
fi
mkdir -p "$TMP/hd"
gzip -dc "$src.gz" | head -c 8192 >"$TMP/hd/clean"
check "heap damage: clean page passes --check" 0 "$BIN/pgpage" --check "$TMP/hd/clean"
"$BIN/pgpage" --json "$TMP/hd/clean" >"$TMP/hd/clean.json"
q() { jq -r "$1" "$TMP/hd/clean.json"; }
maxoff=$(q '.item_count')
redir=$(q '[.items[] | select(.lp_flags == 2)][0].lp')
target=$(q "[.items[] | select(.lp == $redir)][0].lp_off")
plain=$(q '[.items[] | select(.lp_flags == 1 and (.raw_flags | index("HEAP_ONLY_TUPLE") | not) and (.raw_flags | index("HEAP_HOT_UPDATED") | not))][0]')
plain_lp=$(printf "%s\n" "$plain" | jq .lp); plain_off=$(printf "%s\n" "$plain" | jq .lp_off); plain_len=$(printf "%s\n" "$plain" | jq .lp_len)
hot=$(q '[.items[] | select(.lp_flags == 1 and (.raw_flags | index("HEAP_HOT_UPDATED")) and (.t_ctid | test("^\\(0,")))][0]')
hot_lp=$(printf "%s\n" "$hot" | jq .lp); hot_off=$(printf "%s\n" "$hot" | jq .lp_off)
hot_next=$(printf "%s\n" "$hot" | jq -r '.t_ctid | capture(",(?<o>[0-9]+)").o')
next_off=$(q "[.items[] | select(.lp == $hot_next)][0].lp_off")

# put BYTES (octal escapes for printf) at OFFSET of a fresh copy NAME
damage() {
	cp "$TMP/hd/clean" "$TMP/hd/$1"
	printf "$3" | dd of="$TMP/hd/$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
# a line pointer word (lp_off | lp_flags << 15 | lp_len << 17) as octal escapes
lpword() {
	w=$(( $1 | ($2 << 15) | ($3 << 17) ))
	printf '\\%03o\\%03o\\%03o\\%03o' $((w & 255)) $(((w >> 8) & 255)) $(((w >> 16) & 255)) $(((w >> 24) & 255))
}
lpat() { echo $((24 + ($1 - 1) * 4)); }

# case NAME FILE ITEM CODE REGEX: exit 1 and the finding at block 0, item ITEM
case_() {
	check "heap damage: $1 exit 1" 1 "$BIN/pgpage" --check "$TMP/hd/$2"
	expect "heap damage: $1 diagnostic" "$TMP/err" "^pgpage: $TMP/hd/$2: block 0: item $3: $4 \($5\)\$"
}

damage redirect_range "$(lpat "$redir")" "$(lpword 500 2 0)"
case_ "redirect out of range" redirect_range "$redir" "invalid line pointer" "line pointer redirection to item at offset 500 exceeds maximum offset $maxoff"

damage redirect_unused_t "$(lpat 1)" "$(lpword 0 0 0)"
cp "$TMP/hd/redirect_unused_t" "$TMP/hd/redirect_unused"
printf "$(lpword 1 2 0)" | dd of="$TMP/hd/redirect_unused" bs=1 seek="$(lpat "$redir")" conv=notrunc 2>/dev/null
case_ "redirect to unused item" redirect_unused "$redir" "invalid line pointer" "redirected line pointer points to an unused item at offset 1"

damage redirect_plain "$(lpat "$redir")" "$(lpword "$plain_lp" 2 0)"
case_ "redirect to a non-heap-only tuple" redirect_plain "$redir" "broken HOT chain" "redirected line pointer points to a non-heap-only tuple at offset $plain_lp"

damage misaligned "$(lpat "$plain_lp")" "$(lpword $((plain_off + 1)) 1 "$plain_len")"
case_ "lp_off misaligned" misaligned "$plain_lp" "invalid line pointer" "line pointer to page offset $((plain_off + 1)) is not maximally aligned"

damage short "$(lpat "$plain_lp")" "$(lpword "$plain_off" 1 16)"
case_ "lp_len too short" short "$plain_lp" "invalid line pointer" "line pointer length 16 is less than the minimum tuple header size 24"

damage beyond "$(lpat "$plain_lp")" "$(lpword 8176 1 "$plain_len")"
case_ "item beyond the page" beyond "$plain_lp" "invalid line pointer" "line pointer to page offset 8176 with length $plain_len ends beyond maximum page offset 8192"

damage hoff "$((plain_off + 22))" '\040'
case_ "t_hoff wrong" hoff "$plain_lp" "invalid heap tuple header" "tuple data should begin at byte 24, but actually begins at byte 32 \(3 attributes, no nulls\)"

damage hoff_beyond "$((plain_off + 22))" '\370'
case_ "t_hoff beyond the tuple" hoff_beyond "$plain_lp" "invalid heap tuple header" "data begins at offset 248 beyond the tuple length $plain_len"

# t_infomask high byte: XMAX_COMMITTED | XMAX_IS_MULTI on top of what is there
im=$(( $(q "[.items[] | select(.lp == $plain_lp)][0].t_infomask") | 0x1400 ))
damage multi "$((plain_off + 20))" "$(printf '\\%03o\\%03o' $((im & 255)) $((im >> 8)))"
case_ "multixact marked committed" multi "$plain_lp" "invalid heap tuple header" "multixact should not be marked committed"

damage hot_xmax0 "$((hot_off + 4))" '\000\000\000\000'
case_ "HOT updated without xmax" hot_xmax0 "$hot_lp" "invalid heap tuple header" "tuple has been HOT updated, but xmax is 0"

# the successor loses HEAP_ONLY_TUPLE (t_infomask2 high byte)
im2=$(( $(q "[.items[] | select(.lp == $hot_next)][0].t_infomask2") & 0x7FFF ))
damage hot_broken "$((next_off + 18))" "$(printf '\\%03o\\%03o' $((im2 & 255)) $((im2 >> 8)))"
case_ "HOT chain broken" hot_broken "$hot_lp" "broken HOT chain" "heap-only update produced a non-heap only tuple at offset $hot_next"

# the redirect is gone: its heap-only target becomes a chain root
damage orphan "$(lpat "$redir")" "$(lpword 0 0 0)"
case_ "heap-only chain root" orphan "$target" "broken HOT chain" "tuple is root of chain but is marked as heap-only tuple"

# two redirects to one tuple: chains intersect
redir2=$(q "[.items[] | select(.lp_flags == 2 and .lp != $redir)][0].lp")
damage intersect "$(lpat "$redir2")" "$(lpword "$target" 2 0)"
case_ "HOT chains intersect" intersect "$redir2" "broken HOT chain" "redirect line pointer points to offset $target, but offset $redir also points there"

# JSON: the findings are in the page object, with their item
"$BIN/pgpage" --check --json "$TMP/hd/hoff" >"$TMP/out" 2>/dev/null
if jq -e --argjson i "$plain_lp" '.diagnostics | any(.code == "heap_tuple_header" and .item == $i)' "$TMP/out" >/dev/null 2>&1; then
	pass "heap damage: JSON diagnostic with item"
else
	fail "heap damage: JSON diagnostic with item" "$(head -c 300 "$TMP/out")"
fi
# without --check the same page lists quietly
check "heap damage: no --check, no heap findings" 0 "$BIN/pgpage" "$TMP/hd/hoff"
