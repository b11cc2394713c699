# pgbtree --check --types against key-order damage made from real
# fixture indexes in $TMP (idx_tbl_grp_name: int4, text; idx_tbl_grp_dedup):
# two line pointers of a leaf swapped, a key above its page's high key, a
# separator out of order in the root, two posting list tuples swapped.
# Each gives D_BT_KEY_ORDER naming block and item and exit 1; the structural check alone (no --types) cannot see the swap;
# the pristine copies are clean.  The swap again on the oldest major
# (B-tree version 2: no heap TID in the key).
. tests/lib.sh

D=$TMP/btkdmg
mkdir -p "$D"
get16() { od -An -tu2 -j"$2" -N2 "$1" | tr -d ' '; }
get32() { od -An -tu4 -j"$2" -N4 "$1" | tr -d ' '; }
put32() {
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($3 & 255)) $(($3 >> 8 & 255)) $(($3 >> 16 & 255)) $(($3 >> 24 & 255)))" |
		dd of="$1" bs=1 seek="$2" count=4 conv=notrunc 2>/dev/null
}
# swap line pointers N and N+1 of block B
swap_lp() {
	a=$(( $2 * 8192 + 24 + ($3 - 1) * 4 ))
	x=$(get32 "$1" $a)
	y=$(get32 "$1" $((a + 4)))
	put32 "$1" $a "$y"
	put32 "$1" $((a + 4)) "$x"
}
# byte offset of item N's tuple in block B
item_at() { echo $(( $2 * 8192 + ($(get32 "$1" $(( $2 * 8192 + 24 + ($3 - 1) * 4 ))) & 32767) )); }
# the item count of block B: (pd_lower - 24) / 4
nitems() { echo $(( ($(get16 "$1" $(( $2 * 8192 + 12 ))) - 24) / 4 )); }

T='--types=grp:int4,name:text'
for M in $(majors | tail -1) $(majors | head -1); do
	rel=$(oracle_cat "testdata/pg$M/oracle/relations.jsonl" | jq -r 'select(.relname == "idx_tbl_grp_name") | .file')
	if [ -z "$rel" ]; then fail "pgbtree keys damage pg$M: fixture" "idx_tbl_grp_name missing"; continue; fi
	gzip -dc "testdata/pg$M/data/$rel.gz" >"$D/ix$M"
	P="--pg-version=$M"
	check "pgbtree keys damage pg$M: pristine copy clean with --types" 0 "$BIN/pgbtree" $P --check "$T" "$D/ix$M"
	root=$(get32 "$D/ix$M" 32)
	# a leaf with a right sibling
	leaf=$("$BIN/pgbtree" $P --json --no-items "$D/ix$M" | jq -r 'select(.type == "l" and .btpo_next != 0) | .blkno' | head -1)

	# 1. items 3 and 4 of the leaf swapped (distinct keys, so the
	# structural check, which compares no keys, is still clean)
	f=$D/swap$M
	cp "$D/ix$M" "$f"
	swap_lp "$f" "$leaf" 3
	check "pgbtree keys damage pg$M: swapped keys unseen without --types" 0 "$BIN/pgbtree" $P --check "$f"
	check "pgbtree keys damage pg$M: swapped keys exit 1" 1 "$BIN/pgbtree" $P --check "$T" "$f"
	expect "pgbtree keys damage pg$M: swapped keys diagnostic" "$TMP/err" "^pgbtree: $f: block $leaf: item 4: B-tree keys out of order \(item 4 sorts before item 3\)$"
	[ "$M" = "$(majors | tail -1)" ] || continue

	# 2. the leaf's last key raised above its high key (grp 0..9 -> 100)
	f=$D/above$M
	cp "$D/ix$M" "$f"
	last=$(nitems "$f" "$leaf")
	put32 "$f" $(( $(item_at "$f" "$leaf" "$last") + 8 )) 100
	check "pgbtree keys damage pg$M: key above the high key exit 1" 1 "$BIN/pgbtree" $P --check "$T" "$f"
	expect "pgbtree keys damage pg$M: key above the high key diagnostic" "$TMP/err" "^pgbtree: $f: block $leaf: item $last: B-tree keys out of order \(item $last is above the high key\)$"

	# 3. a separator of the root raised above the next one
	f=$D/sep$M
	cp "$D/ix$M" "$f"
	put32 "$f" $(( $(item_at "$f" "$root" 4) + 8 )) 100
	check "pgbtree keys damage pg$M: separator out of order exit 1" 1 "$BIN/pgbtree" $P --check "$T" "$f"
	expect "pgbtree keys damage pg$M: separator out of order diagnostic" "$TMP/err" "^pgbtree: $f: block $root: item 5: B-tree keys out of order \(item 5 sorts before item 4\)$"
	expect "pgbtree keys damage pg$M: separator above its child diagnostic" "$TMP/err" "^pgbtree: $f: block $root: item 4: B-tree keys out of order \(separator of item 4 is above item [0-9]+, the first of its child, block [0-9]+\)$"

	# 4. two posting list tuples of the one-page deduplicated index swapped
	rel=$(oracle_cat "testdata/pg$M/oracle/relations.jsonl" | jq -r 'select(.relname == "idx_tbl_grp_dedup") | .file')
	gzip -dc "testdata/pg$M/data/$rel.gz" >"$D/dedup$M"
	check "pgbtree keys damage pg$M: pristine deduplicated index clean" 0 "$BIN/pgbtree" $P --check --types=grp:int4 "$D/dedup$M"
	f=$D/posting$M
	cp "$D/dedup$M" "$f"
	swap_lp "$f" 1 1
	check "pgbtree keys damage pg$M: swapped posting lists exit 1" 1 "$BIN/pgbtree" $P --check --types=grp:int4 "$f"
	expect "pgbtree keys damage pg$M: swapped posting lists diagnostic" "$TMP/err" "^pgbtree: $f: block 1: item 2: B-tree keys out of order \(item 2 sorts before item 1\)$"

	# a type that cannot be ordered is refused for --check
	check "pgbtree keys: --check refuses an unordered key type" 2 "$BIN/pgbtree" $P --check --types=box "$D/ix$M"
	check "pgbtree keys: a bad --types is a usage error" 2 "$BIN/pgbtree" $P --types=int4,nosuchtype "$D/ix$M"
done

# an index has at most 32 columns (INDEX_MAX_KEYS): a longer --types is a usage error
t33=int4; i=1; while [ $i -lt 33 ]; do t33="$t33,int4"; i=$((i + 1)); done
check "pgbtree -T with 33 columns exit 2" 2 "$BIN/pgbtree" -T "$t33" testdata/pg16/data/base/16384/112.gz
expect "pgbtree -T with 33 columns: the limit named" "$TMP/err" "at most 32 columns"
