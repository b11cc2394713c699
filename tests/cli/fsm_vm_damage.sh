# pgvm and pgfsm: options and inputs, and --check against damage made from
# real fixture files (pg17) in $TMP: a visibility map bit set on a page
# with dead tuples, a frozen bit on a page that is not frozen, a hint bit
# lost (found without pg_xact, cleared with it), PD_ALL_VISIBLE without the
# map bit, an FSM leaf claiming room on a full page, an FSM inner node that
# disagrees with its children.
. tests/lib.sh

M=17
DATA=testdata/pg$M/data
O=testdata/pg$M/oracle
if [ ! -f "$O/meta.json" ]; then
	fail "fsm_vm damage: fixture" "testdata/pg$M missing"
	return 0 2>/dev/null || exit 0
fi
file_of() { oracle_cat "$O/relations.jsonl" | jq -r --arg r "$1" 'select(.relname == $r) | .file'; }
D="$TMP/fvd/base/16384"
mkdir -p "$D"
# unpack a relation's forks into $D; echo the main fork's path there
unpack() {
	f=$(file_of "$1"); n=${f##*/}
	for fork in "" _fsm _vm; do
		[ -f "$DATA/$f$fork.gz" ] && gzip -dc "$DATA/$f$fork.gz" >"$D/$n$fork"
	done
	echo "$D/$n"
}
# poke FILE OFFSET VALUE: write one byte (decimal value)
poke() { printf "$(printf '\\%03o' "$3")" | dd of="$1" bs=1 seek="$2" count=1 conv=notrunc 2>/dev/null; }
peek() { od -An -tu1 -j"$2" -N1 "$1" | tr -d ' '; }

hot=$(unpack hot_tbl)
attrdef=$(unpack pg_attrdef)
types=$(unpack types_tbl)

# --- options and inputs -------------------------------------------------
check "pgvm reads a plain copy" 0 "$BIN/pgvm" "${hot}_vm"
expect "pgvm text line" "$TMP/out" '^blkno= +0 all_visible=f all_frozen=f$'
"$BIN/pgvm" --json "$DATA/$(file_of hot_tbl)_vm.gz" | jq -c 'del(.file)' >"$TMP/a"
"$BIN/pgvm" --json "${hot}_vm" | jq -c 'del(.file)' >"$TMP/b"
"$BIN/pgvm" --json --heap "$hot" - <"${hot}_vm" | jq -c 'del(.file)' >"$TMP/c"
cmp -s "$TMP/a" "$TMP/b" && pass "pgvm: gzip and plain read the same" || fail "pgvm: gzip and plain read the same" "differ"
cmp -s "$TMP/a" "$TMP/c" && pass "pgvm: stdin with --heap reads the same" || fail "pgvm: stdin with --heap reads the same" "differ"
check "pgvm stdin without a heap" 0 "$BIN/pgvm" - <"${hot}_vm"
expect "pgvm stdin without a heap: notice" "$TMP/err" '^pgvm: -: heap size unknown'
big=$(file_of big_fsm)
check "pgvm --set all_visible --block" 0 "$BIN/pgvm" -j -s all_visible -b 4000-4199 "$DATA/${big}_vm.gz"
[ "$(wc -l <"$TMP/out")" -eq 200 ] && pass "pgvm --block 4000-4199 gives 200 blocks" || fail "pgvm --block 4000-4199 gives 200 blocks" "$(wc -l <"$TMP/out")"
check "pgvm --unset all_visible" 0 "$BIN/pgvm" -j -u all_visible "$DATA/${big}_vm.gz"
[ ! -s "$TMP/out" ] && pass "pgvm --unset all_visible: none in big_fsm" || fail "pgvm --unset all_visible: none in big_fsm" "$(head -1 "$TMP/out")"
check "pgvm bad bit" 2 "$BIN/pgvm" -s nonsense "${hot}_vm"
check "pgvm --summary" 0 "$BIN/pgvm" -S "$DATA/${big}_vm.gz"
expect "pgvm --summary text" "$TMP/out" 'all_visible=4200 all_frozen=0 heap_blocks=4200$'
check "pgvm --check needs a heap" 2 "$BIN/pgvm" --check - <"${hot}_vm"
check "pgvm missing map" 2 "$BIN/pgvm" "$D/99999_vm"
check "pgfsm main fork given by name" 0 "$BIN/pgfsm" -j "$DATA/${big}_fsm.gz" "$DATA/$big.gz"
[ "$(wc -l <"$TMP/out")" -eq 4200 ] && pass "pgfsm: 4200 heap blocks of big_fsm" || fail "pgfsm: 4200 heap blocks of big_fsm" "$(wc -l <"$TMP/out")"
check "pgfsm --pages" 0 "$BIN/pgfsm" -j --pages "$DATA/${big}_fsm.gz"
[ "$(jq -c '[.blkno, .level, .logpageno]' "$TMP/out" | tr '\n' ' ')" = "[0,2,0] [1,1,0] [2,0,0] [3,0,1] " ] \
	&& pass "pgfsm --pages: root, level 1, two leaves" || fail "pgfsm --pages: root, level 1, two leaves" "$(jq -c '[.blkno, .level, .logpageno]' "$TMP/out" | tr '\n' ' ')"
check "pgfsm stdin without a heap" 0 "$BIN/pgfsm" - <"${types}_fsm"
expect "pgfsm stdin without a heap: notice" "$TMP/err" '^pgfsm: -: heap size unknown'
check "pgfsm -b" 0 "$BIN/pgfsm" -b 1 "${types}_fsm"
expect "pgfsm -b: block 1 only" "$TMP/out" '^blkno= +1 avail='
expect_not "pgfsm -b: no block 0" "$TMP/out" '^blkno= +0 '

# --- pgvm --check ---------------------------------------------------------
check "pgvm --check pristine" 0 "$BIN/pgvm" --check "${hot}_vm" "${attrdef}_vm"

# a visibility map bit set on a page holding deleted and updated tuples
cp "${hot}_vm" "$TMP/hot_vm.orig"
poke "${hot}_vm" 24 $(( $(peek "${hot}_vm" 24) | 1 ))
check "pgvm --check: all-visible bit on a page with dead tuples" 1 "$BIN/pgvm" --check "${hot}_vm"
expect "pgvm --check: PD_ALL_VISIBLE clear" "$TMP/err" "^pgvm: ${hot}_vm: block 0: all-visible in the visibility map but PD_ALL_VISIBLE is clear on the page$"
expect "pgvm --check: a deleted tuple named" "$TMP/err" "^pgvm: ${hot}_vm: block 0: item [0-9]+: all-visible page holds a tuple not visible to all \(xmax [0-9]+ deleted or updated it"
expect_not "pgvm --check: block 1 untouched" "$TMP/err" "block 1:"
check "pgvm --check --json: diagnostics in the block's object" 1 "$BIN/pgvm" --check --json -b 0 "${hot}_vm"
expect "pgvm --check --json: vm_page_flag" "$TMP/out" '"blkno":0,"all_visible":true,"all_frozen":false,"diagnostics":\[\{"code":"vm_page_flag"'
cp "$TMP/hot_vm.orig" "${hot}_vm"

# PD_ALL_VISIBLE set on the heap page, the map bit clear
cp "$hot" "$TMP/hot.orig"
poke "$hot" 10 $(( $(peek "$hot" 10) | 4 ))
check "pgvm --check: PD_ALL_VISIBLE without the map bit" 1 "$BIN/pgvm" --check "${hot}_vm"
expect "pgvm --check: vm_map_bit" "$TMP/err" "^pgvm: ${hot}_vm: block 0: PD_ALL_VISIBLE set on the page but not all-visible in the visibility map$"
cp "$TMP/hot.orig" "$hot"

# an all-frozen bit on an all-visible page whose tuples are not frozen
cp "${attrdef}_vm" "$TMP/ad_vm.orig"
poke "${attrdef}_vm" 24 $(( $(peek "${attrdef}_vm" 24) | 2 ))
check "pgvm --check: all-frozen bit on an unfrozen page" 1 "$BIN/pgvm" --check "${attrdef}_vm"
expect "pgvm --check: unfrozen xmin named" "$TMP/err" "^pgvm: ${attrdef}_vm: block 0: item 1: all-frozen page holds a tuple that is not frozen \(xmin [0-9]+ is not frozen\)$"
cp "$TMP/ad_vm.orig" "${attrdef}_vm"

# a lost hint bit: xmin of item 1 no longer hinted committed
lp=$(od -An -tu4 -j24 -N4 "$attrdef" | tr -d ' ')
off=$(( lp & 32767 ))
im=$(peek "$attrdef" $(( off + 21 )))
if [ $(( im & 3 )) -eq 1 ]; then
	poke "$attrdef" $(( off + 21 )) $(( im & 254 ))
	check "pgvm --check: lost xmin hint, hint bits only" 1 "$BIN/pgvm" --check "${attrdef}_vm"
	expect "pgvm --check: xmin not hinted" "$TMP/err" "^pgvm: ${attrdef}_vm: block 0: item 1: all-visible page holds a tuple not visible to all \(xmin [0-9]+ is not hinted committed\)$"
	check "pgvm --check --pgdata: pg_xact says committed" 0 "$BIN/pgvm" --check --pgdata "$DATA" "${attrdef}_vm"
	check "pgvm --check --xact: the same" 0 "$BIN/pgvm" --check --xact "$DATA/pg_xact" "${attrdef}_vm"
	mkdir -p "$TMP/fvd/xact"; : >"$TMP/fvd/xact/0000"
	check "pgvm --check --xact: an empty segment proves nothing" 1 "$BIN/pgvm" --check --xact "$TMP/fvd/xact" "${attrdef}_vm"
	expect "pgvm --check --xact: status unknown" "$TMP/err" "xmin [0-9]+ is unknown in pg_xact"
else
	fail "pgvm --check: lost xmin hint" "item 1 of pg_attrdef is not hinted committed and unfrozen (infomask byte $im)"
fi

# --- pgfsm --check --------------------------------------------------------
check "pgfsm --check pristine" 0 "$BIN/pgfsm" --check "${types}_fsm"
# the leaf of heap block 0 (node 4095 of leaf page 0, fork block 2) and
# every node on its path raised to 255: the page stays a valid tree, but
# block 0 is nearly full
cp "${types}_fsm" "$TMP/types_fsm.orig"
n=4095
while :; do
	poke "${types}_fsm" $(( 2 * 8192 + 28 + n )) 255
	[ $n -eq 0 ] && break
	n=$(( (n - 1) / 2 ))
done
check "pgfsm --check: a full page claimed empty is a notice" 0 "$BIN/pgfsm" --check "${types}_fsm"
expect "pgfsm --check: fsm_overstates" "$TMP/err" "^pgfsm: ${types}_fsm: block 0: FSM records more free space than the heap page has \(category 255 \(8160 bytes\) recorded, the page has [0-9]+ bytes free \(category [0-9]+\)\)$"
expect "pgfsm --check: the upper levels lag" "$TMP/err" "^pgfsm: ${types}_fsm: block 2: FSM upper level out of date \(level 1 page 0 holds [0-9]+ for it, its root is 255\)$"
check "pgfsm --check --strict: the same is damage" 1 "$BIN/pgfsm" --check --strict "${types}_fsm"
expect_not "pgfsm --check: no tree finding" "$TMP/err" "disagrees with its children"
cp "$TMP/types_fsm.orig" "${types}_fsm"

# an inner node of leaf page 0 that disagrees with its children
poke "${types}_fsm" $(( 2 * 8192 + 28 + 1000 )) 77
check "pgfsm --check: inner node disagrees" 1 "$BIN/pgfsm" --check "${types}_fsm"
expect "pgfsm --check: fsm_tree" "$TMP/err" "^pgfsm: ${types}_fsm: block 2: FSM node disagrees with its children \(node 1000 holds 77, its children's max is 0; [0-9]+ inner nodes? disagrees?\)$"
check "pgfsm without --check reads it as PostgreSQL would" 0 "$BIN/pgfsm" "${types}_fsm"
cp "$TMP/types_fsm.orig" "${types}_fsm"

# a map page with a broken header reads as zeros, as PostgreSQL's
# RBM_ZERO_ON_ERROR reads it, and is damage
poke "${types}_fsm" $(( 2 * 8192 + 13 )) 255
check "pgfsm: damaged page header" 1 "$BIN/pgfsm" -j "${types}_fsm"
expect "pgfsm: damaged header named" "$TMP/err" "^pgfsm: ${types}_fsm: invalid page header \(fork block 2: "
expect "pgfsm: damaged leaf page reads as 0" "$TMP/out" '"blkno":0,"avail":0,'
cp "$TMP/types_fsm.orig" "${types}_fsm"

# a truncated map: the blocks it no longer reaches read 0
gzip -dc "$DATA/${big}_fsm.gz" | head -c $(( 3 * 8192 )) >"$TMP/fvd/16598_fsm"
check "pgfsm: short fork, heap given" 0 "$BIN/pgfsm" -j --heap "$DATA/$big.gz" "$TMP/fvd/16598_fsm"
[ "$(jq -r 'select(.blkno >= 4069) | .avail' "$TMP/out" | sort -u)" = "0" ] && pass "pgfsm: blocks past a short fork read 0" || fail "pgfsm: blocks past a short fork read 0" "$(jq -r 'select(.blkno >= 4069) | .avail' "$TMP/out" | sort -u | head -3)"

# --- hostile: noise for the map or the heap, every mode ends 0, 1 or 2 ---
head -c 40000 "$DATA/$big.gz" | tail -c 24576 >"$TMP/fvd/noise"
ok=0
for args in "--check -H $TMP/fvd/noise ${hot}_vm" "--check -H $hot $TMP/fvd/noise" \
	"--json --summary -H $TMP/fvd/noise $TMP/fvd/noise" "--check --xact $TMP/fvd -H $hot ${hot}_vm"; do
	# shellcheck disable=SC2086
	"$BIN/pgvm" $args >/dev/null 2>"$TMP/err"; rc=$?
	if [ $rc -le 2 ]; then ok=$((ok + 1)); else fail "pgvm hostile: $args" "exit $rc: $(head -c 300 "$TMP/err")"; fi
done
for args in "--check -H $TMP/fvd/noise ${types}_fsm" "--check --pages -H $types $TMP/fvd/noise" \
	"--json --pages $TMP/fvd/noise" "--check -b 5-9000 -H $TMP/fvd/noise $TMP/fvd/noise"; do
	# shellcheck disable=SC2086
	"$BIN/pgfsm" $args >/dev/null 2>"$TMP/err"; rc=$?
	if [ $rc -le 2 ]; then ok=$((ok + 1)); else fail "pgfsm hostile: $args" "exit $rc: $(head -c 300 "$TMP/err")"; fi
done
[ $ok -eq 8 ] && pass "pgvm, pgfsm: noise as map or heap ends 0, 1 or 2 ($ok runs)"

# --- segments: a heap block in REL.1 is block 131072 + n --------------------
mkdir -p "$TMP/fvd/seg"
cp "${hot}_vm" "$TMP/fvd/seg/16534_vm"
cp "$hot" "$TMP/fvd/seg/16534"
head -c 8192 "$hot" | gzip -c >"$TMP/fvd/seg/16534.1.gz"
check "pgvm: the heap's size counts its segments" 0 "$BIN/pgvm" -j -S "$TMP/fvd/seg/16534_vm"
expect "pgvm: 131073 heap blocks" "$TMP/out" '"heap_blocks":131073'
check "pgvm -b in segment 1" 0 "$BIN/pgvm" -j -b 131072 "$TMP/fvd/seg/16534_vm"
expect "pgvm -b in segment 1: absolute block" "$TMP/out" '^\{"file":"[^"]*","blkno":131072,"all_visible":false,"all_frozen":false\}$'
check "pgvm --check reads the segment's page" 0 "$BIN/pgvm" --check -b 131072 "$TMP/fvd/seg/16534_vm"

# --- a map page whose header PostgreSQL would refuse reads as zeros ---------
cp "${attrdef}_vm" "$TMP/fvd/ad_vm"
poke "$TMP/fvd/ad_vm" 12 255; poke "$TMP/fvd/ad_vm" 13 255
check "pgvm: damaged map page header" 1 "$BIN/pgvm" -j -H "$attrdef" "$TMP/fvd/ad_vm"
expect "pgvm: damaged header named by fork block" "$TMP/err" "^pgvm: $TMP/fvd/ad_vm: invalid page header \(fork block 0: pd_lower 65535"
expect "pgvm: damaged map page reads as nothing set" "$TMP/out" '"blkno":0,"all_visible":false,"all_frozen":false'

# A B-tree index given as a map: its pages have special space, so they are
# not map pages, and their bytes are not read as 4.6 million heap blocks'
# bits (pgvm printed every one of them and took seconds).
bt=$(zcat testdata/pg15/oracle/relations.jsonl.gz | jq -r 'select(.relname == "wide_keys_k_idx") | .relfilenode')
gzip -dc "testdata/pg15/data/base/16384/$bt.gz" >"$TMP/fvd/btree_as_vm"
check "pgvm: an index file is not a map" 1 "$BIN/pgvm" "$TMP/fvd/btree_as_vm"
expect "pgvm: an index page is not a map page" "$TMP/err" 'fork block 0: special space at 8176: not a map page'
expect_not "pgvm: no heap block read from an index page" "$TMP/out" 'all_visible=t'
check "pgfsm: an index file is not a map" 1 "$BIN/pgfsm" "$TMP/fvd/btree_as_vm"
expect "pgfsm: an index page is not a map page" "$TMP/err" 'not a map page'
