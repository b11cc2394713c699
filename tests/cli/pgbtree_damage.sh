# pgbtree --check against damage made from real fixture indexes in $TMP:
# a broken sibling link, a wrong downlink, a truncated file, a bad root,
# TIDs out of order in a posting list and among equal keys, a sibling
# loop.  Each gives its diagnostic in the one form and exit 1; the
# pristine copies are clean.
. tests/lib.sh

# the newest major has every feature the checks look at (posting lists)
M=$(majors | tail -1)
O=testdata/pg$M/oracle
relfile() { jq -r --arg r "$1" 'select(.relname == $r) | .file' "$O/bt_metap.jsonl" | head -1; }
wide=$(relfile wide_keys_k_idx)
dedup=$(relfile idx_tbl_grp_dedup)
if [ -z "$wide" ] || [ -z "$dedup" ]; then
	fail "pgbtree damage: fixtures" "wide_keys_k_idx or idx_tbl_grp_dedup missing in pg$M"
	return 0 2>/dev/null || exit 0
fi
D=${KEEP_D:-$TMP/btdmg}
mkdir -p "$D"
gzip -dc "testdata/pg$M/data/$wide.gz" >"$D/wide"
gzip -dc "testdata/pg$M/data/$dedup.gz" >"$D/dedup"
P="--pg-version=$M"

# little-endian fields of the copies
get16() { od -An -tu2 -j"$2" -N2 "$1" | tr -d ' '; }
get32() { od -An -tu4 -j"$2" -N4 "$1" | tr -d ' '; }
put16() {
	printf "$(printf '\\%03o\\%03o' $(($3 & 255)) $(($3 >> 8 & 255)))" |
		dd of="$1" bs=1 seek="$2" count=2 conv=notrunc 2>/dev/null
}
put32() {
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($3 & 255)) $(($3 >> 8 & 255)) $(($3 >> 16 & 255)) $(($3 >> 24 & 255)))" |
		dd of="$1" bs=1 seek="$2" count=4 conv=notrunc 2>/dev/null
}
# copy6 FROM OFFSET TO OFFSET: six bytes (a TID) from one file into another
copy6() { dd if="$1" of="$3" bs=1 skip="$2" seek="$4" count=6 conv=notrunc 2>/dev/null; }
# byte offset of item N's tuple in block B (lp_off of its line pointer)
item_at() { echo $(( $2 * 8192 + ($(get32 "$1" $(( $2 * 8192 + 24 + ($3 - 1) * 4 ))) & 32767) )); }
# btpo_prev / btpo_next of block B
special() { echo $(( $2 * 8192 + 8176 )); }

check "pgbtree damage: pristine wide_keys_k_idx is clean" 0 "$BIN/pgbtree" $P --check "$D/wide"
check "pgbtree damage: pristine idx_tbl_grp_dedup is clean" 0 "$BIN/pgbtree" $P --check "$D/dedup"
root=$(get32 "$D/wide" 32)
[ "$(get32 "$D/wide" 36)" -eq 2 ] && pass "pgbtree damage: wide_keys_k_idx root at level 2" ||
	fail "pgbtree damage: wide_keys_k_idx root at level 2" "btm_level $(get32 "$D/wide" 36)"

# a leaf with both siblings; its right link moved one block on
leaf=$("$BIN/pgbtree" $P --json --no-items "$D/wide" | jq -r 'select(.type == "l" and .btpo_prev != 0 and .btpo_next != 0) | .blkno' | head -1)
next=$(get32 "$D/wide" $(( $(special "$D/wide" "$leaf") + 4 )))
f=$D/sibling
cp "$D/wide" "$f"
bad=$(( next == 1 ? 2 : 1 ))
put32 "$f" $(( $(special "$f" "$leaf") + 4 )) "$bad"
check "pgbtree damage: broken sibling link exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: broken sibling link diagnostic" "$TMP/err" "^pgbtree: $f: block $leaf: B-tree sibling links disagree \(right link is $bad, but block $bad's left link is [0-9]+\)$"

# the root's second and third downlinks swapped
f=$D/downlink
cp "$D/wide" "$f"
o2=$(item_at "$f" "$root" 2)
o3=$(item_at "$f" "$root" 3)
c2=$(get16 "$f" $((o2 + 2)))
c3=$(get16 "$f" $((o3 + 2)))
put16 "$f" $((o2 + 2)) "$c3"
put16 "$f" $((o3 + 2)) "$c2"
check "pgbtree damage: wrong downlink exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: wrong downlink diagnostic" "$TMP/err" "^pgbtree: $f: block $root: item 3: invalid B-tree downlink \(downlink to block $c2 out of order: it is not right of block $c3 on level 1\)$"

# a downlink to a leaf from the root
f=$D/downlevel
cp "$D/wide" "$f"
put16 "$f" $((o2 + 2)) "$leaf"
check "pgbtree damage: downlink to the wrong level exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: downlink to the wrong level diagnostic" "$TMP/err" "^pgbtree: $f: block $root: item 2: invalid B-tree downlink \(downlink to block $leaf of level 0, expected level 1\)$"

# one byte of a leaf's high key changed: no longer its parent's separator
f=$D/highkey
cp "$D/wide" "$f"
hk=$(item_at "$f" "$leaf" 1)
byte=$(od -An -tu1 -j$((hk + 12)) -N1 "$f" | tr -d ' ')
printf "$(printf '\\%03o' $(( byte ^ 1 )))" | dd of="$f" bs=1 seek=$((hk + 12)) count=1 conv=notrunc 2>/dev/null
check "pgbtree damage: changed high key exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: changed high key diagnostic" "$TMP/err" "^pgbtree: $f: block $leaf: item 1: B-tree high key does not match its parent's separator \(high key differs from the separator of block [0-9]+ item [0-9]+\)$"

# the file ends 100 bytes into its last block
f=$D/truncated
n=$(( $(wc -c <"$D/wide") / 8192 ))
head -c $(( (n - 1) * 8192 + 100 )) "$D/wide" >"$f"
check "pgbtree damage: truncated page exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: truncated page diagnostic" "$TMP/err" "^pgbtree: $f: block $((n - 1)): truncated block \(file ends after 100 of 8192 bytes\)$"
expect "pgbtree damage: truncated page is missed by the tree" "$TMP/err" "block $((n - 1)), past the end of the file"
check "pgbtree damage: truncated page, pages still listed" 1 "$BIN/pgbtree" $P --json --no-items "$f"
expect "pgbtree damage: truncated page, last whole block listed" "$TMP/out" "\"blkno\":$((n - 2)),"

# the metapage names a leaf as root
f=$D/root
cp "$D/wide" "$f"
put32 "$f" 32 "$leaf"
check "pgbtree damage: bad root exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: bad root diagnostic" "$TMP/err" "^pgbtree: $f: block 0: invalid B-tree root \(btm_root $leaf has btpo_flags 0x[0-9a-f]{4}, not a live root\)$"

# a sibling loop: the last leaf's right link back to the first
f=$D/loop
cp "$D/wide" "$f"
last=$("$BIN/pgbtree" $P --json --no-items "$D/wide" | jq -r 'select(.type == "l" and .btpo_next == 0) | .blkno')
first=$("$BIN/pgbtree" $P --json --no-items "$D/wide" | jq -r 'select(.type == "l" and .btpo_prev == 0) | .blkno')
put32 "$f" $(( $(special "$f" "$last") + 4 )) "$first"
check "pgbtree damage: sibling loop exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: sibling loop diagnostic" "$TMP/err" "^pgbtree: $f: block $first: B-tree page reached twice \(reached again from block $last on level 0 \(first on level 0\)\)$"

# two TIDs of a posting list swapped (idx_tbl_grp_dedup, leaf root block 1)
f=$D/posting
cp "$D/dedup" "$f"
pi=$("$BIN/pgbtree" $P --json -b 1 "$D/dedup" | jq -r '.items[] | select(.tids != null) | .itemoffset' | head -1)
po=$(item_at "$f" 1 "$pi")
# t_tid of a posting tuple: bi_hi 0, bi_lo = posting offset
pl=$(( po + $(get16 "$f" $((po + 2))) ))
copy6 "$D/dedup" "$pl" "$f" $((pl + 6))
copy6 "$D/dedup" $((pl + 6)) "$f" "$pl"
check "pgbtree damage: posting list out of order exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: posting list diagnostic" "$TMP/err" "^pgbtree: $f: block 1: item $pi: heap TIDs out of order \(TID 1 \([0-9]+,[0-9]+\) of the posting list is not above TID 0 \([0-9]+,[0-9]+\)\)$"

# two plain tuples with the same key: their heap TIDs swapped
f=$D/tidorder
cp "$D/dedup" "$f"
pair=$("$BIN/pgbtree" $P --json -b 1 "$D/dedup" | jq -r '[.items[] | select(.tids == null)] as $i | [range(1; $i | length) | select($i[.].data == $i[. - 1].data) | "\($i[. - 1].itemoffset) \($i[.].itemoffset)"][0]')
set -- $pair
x=$(item_at "$f" 1 "$1")
y=$(item_at "$f" 1 "$2")
copy6 "$D/dedup" "$x" "$f" "$y"
copy6 "$D/dedup" "$y" "$f" "$x"
check "pgbtree damage: equal keys out of TID order exit 1" 1 "$BIN/pgbtree" $P --check "$f"
expect "pgbtree damage: damage found page by page fails the verdict" "$TMP/out" "ok=f$"
expect "pgbtree damage: equal keys out of TID order diagnostic" "$TMP/err" "^pgbtree: $f: block 1: item $2: heap TIDs out of order \(item $1 ends at \([0-9]+,[0-9]+\), item $2 with an equal key starts at"

# JSON: the verdict and the findings in the object
check "pgbtree damage: --check --json exit 1" 1 "$BIN/pgbtree" $P --check --json "$D/sibling"
expect "pgbtree damage: --check --json verdict" "$TMP/out" '"ok":false,.*"diagnostics":\[\{"code":"btree_sibling","severity":"damage","blkno":'

# a gzip'd copy and stdin read the same
gzip -c "$D/wide" >"$D/wide.gz"
"$BIN/pgbtree" $P --json "$D/wide" | jq -c 'del(.file)' >"$D/a"
"$BIN/pgbtree" $P --json "$D/wide.gz" | jq -c 'del(.file)' >"$D/b"
"$BIN/pgbtree" $P --json - <"$D/wide" | jq -c 'del(.file)' >"$D/c"
cmp -s "$D/a" "$D/b" && pass "pgbtree gzip input reads the same" || fail "pgbtree gzip input reads the same" "differs"
cmp -s "$D/a" "$D/c" && pass "pgbtree stdin reads the same" || fail "pgbtree stdin reads the same" "differs"

# a segment: blocks numbered from 131072; the walk needs segment 0
cp "$D/wide" "$D/16576.1"
"$BIN/pgbtree" $P --json --no-items "$D/16576.1" 2>/dev/null | head -1 >"$TMP/out"
expect "pgbtree segment 1 starts at block 131072" "$TMP/out" '"blkno":131072,'
check "pgbtree --check of segment 1 is refused" 2 "$BIN/pgbtree" $P --check "$D/16576.1"

# -b: a single block and a range
"$BIN/pgbtree" $P --json --no-items -b 2-4 "$D/wide" | jq -r .blkno | tr '\n' ' ' >"$TMP/out"
expect "pgbtree -b 2-4" "$TMP/out" "^2 3 4 $"
check "pgbtree bad --pg-version" 2 "$BIN/pgbtree" --pg-version=9 "$D/wide"

# hostile input: bytes that are no index at all, and real pages whose line
# pointers, tuple headers and special space are overwritten; every mode
# reads them to the end and says damage (exit 1), never crashes
# deflate data past the gzip header: noise, and the same every run
tail -c +11 "testdata/pg$M/data/$wide.gz" | head -c 24576 >"$D/noise"
head -c 24576 /dev/zero | tr '\0' '\377' >"$D/ones"
cp "$D/wide" "$D/garbled"
nb=$(( $(wc -c <"$D/wide") / 8192 ))
i=1
while [ $i -lt "$nb" ]; do
	# line pointers 1..10 all 0xFF; a tuple header at 4000 claiming 0x1FFF
	# bytes with a posting list; the opaque's level and links wild
	head -c 40 /dev/zero | tr '\0' '\377' | dd of="$D/garbled" bs=1 seek=$((i * 8192 + 24)) count=40 conv=notrunc 2>/dev/null
	head -c 8 /dev/zero | tr '\0' '\277' | dd of="$D/garbled" bs=1 seek=$((i * 8192 + 4000)) count=8 conv=notrunc 2>/dev/null
	put32 "$D/garbled" $((i * 8192 + 8176 + 4 * (i % 3))) $((i * 7919))
	i=$((i + 1))
done
for h in noise ones garbled; do
	for mode in "" "--json" "--tree" "--check --json" "--no-items -b 1-2"; do
		"$BIN/pgbtree" $P $mode "$D/$h" >"$TMP/out" 2>"$TMP/err"
		rc=$?
		if [ $rc -eq 1 ] && ! grep -q Sanitizer "$TMP/err"; then pass "pgbtree hostile $h $mode"
		else fail "pgbtree hostile $h $mode" "exit $rc: $(grep -m1 -E 'Sanitizer|ERROR' "$TMP/err")"; fi
	done
done
