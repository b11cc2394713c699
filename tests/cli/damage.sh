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

# zeroed: block 1 of 3+ overwritten with zeros.  PostgreSQL reads an
# all-zero page anywhere as a new page: a notice, damage only with --strict
cp "$src" "$f"
dd if=/dev/zero of="$f" bs=8192 seek=1 count=1 conv=notrunc 2>/dev/null
check "damage: zeroed page is a notice" 0 "$BIN/pgpage" -k "$f"
expect "damage: zeroed page notice" "$TMP/err" "^pgpage: $f: block 1: all-zero pages amid written pages \(PostgreSQL reads them as new pages\) \(1 page\)$"
expect "damage: zeroed page, later blocks printed" "$TMP/out" "^blkno= +$((nblk - 1)) heap "
check "damage: zeroed page --strict exit 1" 1 "$BIN/pgpage" -k --strict "$f"
expect "damage: zeroed page --strict diagnostic" "$TMP/err" "^pgpage: $f: block 1: page is all zeros amid written pages$"
check "damage: zeroed page --strict JSON exit 1" 1 "$BIN/pgpage" --strict --json "$f"
expect "damage: zeroed page --strict JSON diagnostic" "$TMP/out" '"blkno":1,.*"diagnostics":\[\{"code":"zero_page","severity":"damage","blkno":1,'
check "damage: zeroed page summary" 0 "$BIN/pgpage" -s -k --json "$f"
expect "damage: zeroed page counted in the summary" "$TMP/out" '"zero_pages_amid":1,"checksum_failures":0'

# a healthy SP-GiST index of 10 with a zeroed page in its middle, as
# PostgreSQL leaves one: read without complaint
spg=$(ls testdata/pg10/data/base/16384/16538.gz 2>/dev/null)
if [ -n "$spg" ] && "$BIN/pgpage" -j -b 0 "$spg" | grep -q '"kind":"spgist"'; then
	gzip -dc "$spg" >"$TMP/dmg/base/1/16538"
	dd if=/dev/zero of="$TMP/dmg/base/1/16538" bs=8192 seek=4 count=2 conv=notrunc 2>/dev/null
	check "damage: SP-GiST zero pages are clean" 0 "$BIN/pgpage" -k "$TMP/dmg/base/1/16538"
	expect "damage: SP-GiST zero pages notice" "$TMP/err" "block 4: all-zero pages amid written pages .*\(2 pages, blocks 4 to 5\)$"
else
	fail "damage: SP-GiST fixture" "testdata/pg10/data/base/16384/16538.gz is no SP-GiST index"
fi

# torn: the first 512 bytes of block 1 zeroed, the rest written.  Not a
# new page (PageIsVerified refuses it) and its checksum fails everywhere
cp "$src" "$f"
dd if=/dev/zero of="$f" bs=512 seek=16 count=1 conv=notrunc 2>/dev/null
check "damage: torn page exit 1" 1 "$BIN/pgpage" "$f"
expect "damage: torn page diagnostic" "$TMP/err" "^pgpage: $f: block 1: invalid page: pd_upper is 0 but the page is not all zeros \(a torn write\?\)$"
check "damage: torn page -k JSON exit 1" 1 "$BIN/pgpage" -k --json -b 1 "$f"
expect "damage: torn page is not new" "$TMP/out" '"blkno":1,"kind":"unknown",'
expect "damage: torn page checksum_ok false" "$TMP/out" '"checksum_ok":false'
expect "damage: torn page checksum mismatch" "$TMP/err" "block 1: checksum mismatch"
check "damage: torn page -s -k exit 1" 1 "$BIN/pgpage" -s -k --json "$f"
expect "damage: torn page counted as a checksum failure" "$TMP/out" '"checksum_failures":1'

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

# a cluster without data checksums (12): -k has nothing to verify there,
# says so once and exits 0; --force-verify verifies anyway
if [ "$(jq -r .data_checksums testdata/pg12/oracle/meta.json 2>/dev/null)" = "false" ]; then
	d=testdata/pg12/data/base/16384
	check "checksums off: -k exit 0" 0 "$BIN/pgpage" -k "$d/1259.gz" "$d/1249.gz"
	expect "checksums off: notice" "$TMP/err" "^pgpage: testdata/pg12/data/global/pg_control: data checksums are disabled in this cluster: nothing to verify"
	[ "$(wc -l <"$TMP/err")" -eq 1 ] && pass "checksums off: said once" || fail "checksums off: said once" "$(wc -l <"$TMP/err") lines"
	check "checksums off: -k JSON" 0 "$BIN/pgpage" -k --json -b 0 "$d/1259.gz"
	expect "checksums off: checksum_ok null" "$TMP/out" '"checksum_ok":null'
	check "checksums off: -s -k" 0 "$BIN/pgpage" -s -k --json "$d/1259.gz"
	expect "checksums off: summary says so" "$TMP/out" '"checksum_failures":null,"checksum_verification":"off_by_pg_control"'
	check "checksums off: --force-verify exit 1" 1 "$BIN/pgpage" -k --force-verify "$d/1259.gz"
	expect "checksums off: --force-verify mismatch" "$TMP/err" "block 0: checksum mismatch \(stored 0x0000"
else
	fail "checksums off: fixture" "testdata/pg12 is meant to have data checksums off"
fi

# --pg-version against the PG_VERSION above the file: the option wins, and says so
check "pg-version override exit 0" 0 "$BIN/pgpage" --pg-version=10 testdata/pg17/data/base/16384/1259.gz
expect "pg-version override notice" "$TMP/err" "^pgpage: testdata/pg17/data/base/16384/1259.gz: --pg-version differs from the cluster's version \(testdata/pg17/data/base/16384/PG_VERSION says 17; reading as 10 as --pg-version asks\)$"
check "pgbtree pg-version override exit 0" 0 "$BIN/pgbtree" --pg-version=10 testdata/pg17/data/base/16384/2662.gz
expect "pgbtree pg-version override notice" "$TMP/err" "PG_VERSION says 17; reading as 10 as --pg-version asks"
check "pg-version agrees: silent" 0 "$BIN/pgpage" --pg-version=17 testdata/pg17/data/base/16384/1259.gz
[ -s "$TMP/err" ] && fail "pg-version agrees: no notice" "$(head -c 200 "$TMP/err")" || pass "pg-version agrees: no notice"

# the files a glob over a database directory meets besides relations
d=testdata/pg16/data/base/16384
check "glob: PG_VERSION skipped" 0 "$BIN/pgpage" "$d/PG_VERSION"
expect "glob: PG_VERSION notice" "$TMP/err" "^pgpage: $d/PG_VERSION: not a relation file, skipped"
check "glob: pg_filenode.map" 0 "$BIN/pgpage" --json "$d/pg_filenode.map"
expect "glob: pg_filenode.map mappings" "$TMP/out" '"kind":"pg_filenode.map",.*"crc_ok":true,"mappings":\[\{"mapoid":1259,"mapfilenumber":[0-9]+\}'
cp "$d/pg_filenode.map" "$TMP/dmg/pg_filenode.map"
printf '\377' | dd of="$TMP/dmg/pg_filenode.map" bs=1 seek=300 count=1 conv=notrunc 2>/dev/null
check "glob: pg_filenode.map bad CRC exit 1" 1 "$BIN/pgpage" "$TMP/dmg/pg_filenode.map"
expect "glob: pg_filenode.map bad CRC" "$TMP/err" "relation map file CRC mismatch"
: >"$TMP/dmg/pg_internal.init"
check "glob: pg_internal.init skipped" 0 "$BIN/pgpage" "$TMP/dmg/pg_internal.init"
expect "glob: pg_internal.init notice" "$TMP/err" "pg_internal.init: not a relation file, skipped"
w=$(ls testdata/pg16/data/pg_wal/0000000100000000000000*.gz 2>/dev/null | head -1)
check "glob: WAL segment by name" 0 "$BIN/pgpage" "$w"
expect "glob: WAL segment notice" "$TMP/err" "a WAL segment, not a relation file: read it with pgwal"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && [ ! -s "$TMP/out" ] && pass "glob: WAL segment one line" || fail "glob: WAL segment one line" "$(wc -l <"$TMP/err") lines"
gzip -dc "$w" >"$TMP/dmg/walcopy"
check "glob: WAL segment by content" 0 "$BIN/pgpage" -k "$TMP/dmg/walcopy"
expect "glob: WAL segment by content notice" "$TMP/err" "walcopy: a WAL segment, not a relation file: read it with pgwal \(long page header at offset 0\)"
check "glob: the man page's recipe" 0 "$BIN/pgpage" -s -k -j $d/*
expect_not "glob: no damage in the recipe" "$TMP/err" "truncated block"

# an empty relation file (a truncated table) has no pages: say so, exit 0
: >"$TMP/dmg/base/1/99999"
check "empty file exit 0" 0 "$BIN/pgpage" "$TMP/dmg/base/1/99999"
expect "empty file notice" "$TMP/err" "^pgpage: $TMP/dmg/base/1/99999: no pages \(empty file\)$"
