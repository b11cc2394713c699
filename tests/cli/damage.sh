# Damage made from real fixture pages: a truncated page, a zeroed page, a
# flipped bit.  Each gives the one diagnostic form and exit 1, and the
# rest of the file is still read.
. tests/lib.sh

# A user table of >= 3 blocks in a checksummed cluster, unpacked into $TMP
# (the fixtures store relation files gzip'd).
pick_table() {
	for M in $(majors); do
		[ "$(jq -r .data_checksums "testdata/pg$M/oracle/meta.json")" = "true" ] || continue
		for f in $(oracle_cat "testdata/pg$M/oracle/relations.jsonl" | jq -r 'select(.relkind == "r" and .nspname == "public") | .file'); do
			p="testdata/pg$M/data/$f"
			[ -f "$p.gz" ] || continue
			mkdir -p "$TMP/src"
			gzip -dc "$p.gz" >"$TMP/src/${f##*/}"
			[ "$(wc -c <"$TMP/src/${f##*/}")" -ge 24576 ] || continue
			echo "$TMP/src/${f##*/}"
			return
		done
	done
}
src=$(pick_table)
if [ -z "$src" ]; then
	fail "damage: fixture table" "no checksummed table of 3+ blocks in testdata"
	return 0 2>/dev/null || exit 0
fi
nblk=$(( $(wc -c <"$src") / 8192 ))
mkdir -p "$TMP/dmg/base/1"
rel=$(basename "$src")

check "damage: pristine copy is clean" 0 "$BIN/pgpage" -k "$src"

# truncated: the file ends 100 bytes into its second block
f="$TMP/dmg/base/1/$rel"
head -c $((8192 + 100)) "$src" >"$f"
check "damage: truncated page exit 1" 1 "$BIN/pgpage" -k "$f"
expect "damage: truncated page diagnostic" "$TMP/err" "^pgpage: $f: block 1: truncated block \(file ends after 100 of 8192 bytes\)$"
expect "damage: truncated page, block 0 still printed" "$TMP/out" "^blkno= +0 heap "

# zeroed: block 1 of 3+ overwritten with zeros
cp "$src" "$f"
dd if=/dev/zero of="$f" bs=8192 seek=1 count=1 conv=notrunc 2>/dev/null
check "damage: zeroed page exit 1" 1 "$BIN/pgpage" -k "$f"
expect "damage: zeroed page diagnostic" "$TMP/err" "^pgpage: $f: block 1: page is all zeros amid written pages$"
expect "damage: zeroed page, later blocks printed" "$TMP/out" "^blkno= +$((nblk - 1)) heap "
check "damage: zeroed page JSON exit 1" 1 "$BIN/pgpage" --json "$f"
expect "damage: zeroed page JSON diagnostic" "$TMP/out" '"blkno":1,.*"diagnostics":\[\{"code":"zero_page","severity":"damage","blkno":1,'

# trailing zero pages are what an interrupted extension leaves: not damage
cp "$src" "$f"
dd if=/dev/zero bs=8192 count=2 2>/dev/null >>"$f"
check "damage: trailing zero pages are clean" 0 "$BIN/pgpage" -k "$f"

# a flipped bit in the tuple data of block 0
cp "$src" "$f"
off=$(od -An -tu1 -j8000 -N1 "$src" | tr -d ' ')
printf "$(printf '\\%03o' $(( off ^ 1 )))" | dd of="$f" bs=1 seek=8000 count=1 conv=notrunc 2>/dev/null
check "damage: flipped bit exit 1" 1 "$BIN/pgpage" -k "$f"
expect "damage: flipped bit diagnostic" "$TMP/err" "^pgpage: $f: block 0: checksum mismatch \(stored 0x[0-9a-f]{4}, computed 0x[0-9a-f]{4}\)$"
check "damage: flipped bit without -k is not verified" 0 "$BIN/pgpage" "$f"

# a page copied into another segment fails: block numbers are absolute
cp "$src" "$TMP/dmg/base/1/$rel.1"
check "damage: absolute block numbers in the checksum" 1 "$BIN/pgpage" -k "$TMP/dmg/base/1/$rel.1"
expect "damage: segment 1 starts at block 131072" "$TMP/err" "block 131072: checksum mismatch"

# bad header fields
cp "$src" "$f"
printf '\377\377' | dd of="$f" bs=1 seek=12 count=2 conv=notrunc 2>/dev/null
check "damage: bad pd_lower exit 1" 1 "$BIN/pgpage" "$f"
expect "damage: bad pd_lower diagnostic" "$TMP/err" "^pgpage: $f: block 0: invalid page header \(pd_lower 65535, pd_upper [0-9]+, pd_special 8192\)$"

# gzip'd and stdin inputs read the same pages
gzip -c "$src" >"$TMP/dmg/x.gz"
"$BIN/pgpage" --json "$src" | jq -c 'del(.file)' >"$TMP/a"
"$BIN/pgpage" --json "$TMP/dmg/x.gz" | jq -c 'del(.file)' >"$TMP/b"
"$BIN/pgpage" --json - <"$src" | jq -c 'del(.file)' >"$TMP/c"
cmp -s "$TMP/a" "$TMP/b" && pass "gzip input reads the same pages" || fail "gzip input reads the same pages" "differs"
cmp -s "$TMP/a" "$TMP/c" && pass "stdin input reads the same pages" || fail "stdin input reads the same pages" "differs"
# a truncated gzip stream is damage, not a crash
head -c 300 "$TMP/dmg/x.gz" >"$TMP/dmg/y.gz"
"$BIN/pgpage" "$TMP/dmg/y.gz" >/dev/null 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && pass "truncated gzip exit 1" || fail "truncated gzip exit 1" "exit $rc"
expect "truncated gzip diagnostic" "$TMP/err" "^pgpage: .*y\.gz: "
