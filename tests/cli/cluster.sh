# pgpage -D DIR with no FILE: the whole cluster.  On every fixture major:
# clean exit 0 with the files and blocks its page_header oracle and its
# directory say; --jobs 1 and --jobs 4 give the same bytes; a copy with
# bits flipped in blocks of two relations, a segment cut mid-page and a
# page zeroed amid written ones reports exactly those blocks, by name, for
# -k and --check.  Then pg_checksums 15 on the pg15 fixture (its committed
# answer, and a live run where installed): the same files and blocks
# scanned.  No server needed.
. tests/lib.sh

P="$BIN/pgpage"

# relfilenode of public.NAME in major M
relfile() {
	oracle_cat "testdata/pg$1/oracle/relations.jsonl" |
		jq -r --arg n "$2" 'select(.nspname == "public" and .relname == $n) | .file'
}

# the damaged (severity damage) blocks of a JSON run, as relname:blkno
damaged() {
	jq -r 'select(.diagnostics) | . as $r | .diagnostics[] | select(.severity == "damage") |
		"\($r.relname // $r.file):\(.blkno // $r.blkno)"' "$1" | sort -u | tr '\n' ' '
}

# under ASan (several times slower) the oldest and the newest major only
cl_majors=$(majors)
[ -z "${ASAN_RUN:-}" ] || cl_majors=$(printf '%s\n' $cl_majors | sed -n '1p;$p')
for M in $cl_majors; do
	D=testdata/pg$M/data
	[ -d "$D/base" ] || continue
	db=$(jq -r .dboid "testdata/pg$M/oracle/meta.json")
	# the oracles: every block of every relation file, every relation file on disk
	want_blocks=$(oracle_cat "testdata/pg$M/oracle/page_header.jsonl" | wc -l)
	want_files=$(find "$D/global" "$D/base" -type f | sed 's,.*/,,; s,\.gz$,,' |
		grep -Ec '^[1-9][0-9]*(_fsm|_vm|_init)?(\.[1-9][0-9]*)?$')
	sums=$(jq -r .data_checksums "testdata/pg$M/oracle/meta.json")
	k=-k

	check "cluster pg$M: clean -k exit 0" 0 "$P" -D "$D" $k
	expect "cluster pg$M: files scanned = $want_files" "$TMP/out" "^Files scanned: +$want_files$"
	expect "cluster pg$M: blocks scanned = page_header rows ($want_blocks)" "$TMP/out" "^Blocks scanned: +$want_blocks$"
	expect "cluster pg$M: no damage" "$TMP/out" "^Relations: +[0-9]+, 0 with damage$"
	expect "cluster pg$M: partial copy is a notice" "$TMP/err" "^pgpage: global: not in this copy of the cluster"
	check "cluster pg$M: clean --check exit 0" 0 "$P" -D "$D" --check
	check "cluster pg$M: clean JSON" 0 "$P" -D "$D" $k --check --json
	if tail -n 1 "$TMP/out" | jq -e --argjson b "$want_blocks" --argjson f "$want_files" \
		'.kind == "totals" and .blocks_scanned == $b and .files_scanned == $f and .damaged_relations == 0' >/dev/null; then
		pass "cluster pg$M: JSON totals"
	else
		fail "cluster pg$M: JSON totals" "$(tail -n 1 "$TMP/out")"
	fi

	# the same bytes whatever the number of workers
	"$P" -D "$D" $k --check -s --jobs 1 >"$TMP/j1.out" 2>"$TMP/j1.err"
	"$P" -D "$D" $k --check -s --jobs 4 >"$TMP/j4.out" 2>"$TMP/j4.err"
	if cmp -s "$TMP/j1.out" "$TMP/j4.out" && cmp -s "$TMP/j1.err" "$TMP/j4.err" &&
		[ "$(grep -c . "$TMP/j1.out")" -gt 100 ]; then
		pass "cluster pg$M: --jobs 1 = --jobs 4 (-s)"
	else
		fail "cluster pg$M: --jobs 1 = --jobs 4 (-s)" "outputs differ"
	fi

	# damage on a copy: the four relations' files unpacked there
	C=$TMP/cl$M
	rm -rf "$C"; mkdir -p "$C"
	cp -r "$D/PG_VERSION" "$D/global" "$D/base" "$C"
	wk=$(relfile "$M" wide_keys); fz=$(relfile "$M" frozen_tbl)
	ix=$(relfile "$M" idx_tbl); ht=$(relfile "$M" hot_tbl)
	for f in "$wk" "$fz" "$ix" "$ht"; do gzip -d "$C/$f.gz"; done
	flip "$C/$wk" $((5 * 8192 + 27)) 6	# block 5, line pointer 1's lp_len + 8192
	flip "$C/$fz" $((2 * 8192 + 27)) 6	# block 2, likewise
	truncate -s $((20 * 8192 + 4096)) "$C/$ix"	# cut 4096 bytes into block 20
	zero_blocks "$C/$ht" 3 1	# block 3 zeroed amid written pages
	blocks="frozen_tbl:2 idx_tbl:20 wide_keys:5 "
	check "cluster pg$M: damaged -k exit 1" 1 "$P" -D "$C" $k
	expect "cluster pg$M: -k wide_keys block 5 by name" "$TMP/err" "^pgpage: base/$db/${wk##*/} \(.*public\.wide_keys\): block 5: "
	expect "cluster pg$M: -k truncated by name" "$TMP/err" "^pgpage: base/$db/${ix##*/} \(.*public\.idx_tbl\): block 20: truncated block"
	expect "cluster pg$M: -k zeroed page named" "$TMP/err" "^pgpage: base/$db/${ht##*/} \(.*public\.hot_tbl\): block 3: all-zero pages amid written pages"
	expect "cluster pg$M: -k relation summary" "$TMP/out" "public\.frozen_tbl base/$db/${fz##*/} +files=[0-9]+ blocks=[0-9]+ (bad_checksums=[01] )?damaged_blocks=1"
	if [ "$sums" = true ]; then
		expect "cluster pg$M: -k checksum by name" "$TMP/err" "^pgpage: base/$db/${wk##*/} \(.*public\.wide_keys\): block 5: checksum mismatch"
		expect "cluster pg$M: -k bad checksums 2" "$TMP/out" "^Bad checksums: +2$"
	else
		expect "cluster pg$M: -k, checksums off: said" "$TMP/err" "data checksums are disabled"
	fi
	"$P" -D "$C" $k --json >"$TMP/dk.json" 2>/dev/null
	got=$(damaged "$TMP/dk.json")
	if [ "$got" = "$blocks" ]; then pass "cluster pg$M: -k exactly the damaged blocks"; else
		fail "cluster pg$M: -k exactly the damaged blocks" "got '$got', want '$blocks'"; fi
	check "cluster pg$M: damaged --check exit 1" 1 "$P" -D "$C" --check --json
	got=$(damaged "$TMP/out" | sed 's/hot_tbl:3 //')
	if [ "$got" = "$blocks" ]; then pass "cluster pg$M: --check exactly the damaged blocks"; else
		fail "cluster pg$M: --check exactly the damaged blocks" "got '$got', want '$blocks'"; fi
	"$P" -D "$C" $k --check --jobs 1 >"$TMP/j1.out" 2>"$TMP/j1.err"
	"$P" -D "$C" $k --check --jobs 4 >"$TMP/j4.out" 2>"$TMP/j4.err"
	if cmp -s "$TMP/j1.out" "$TMP/j4.out" && cmp -s "$TMP/j1.err" "$TMP/j4.err"; then
		pass "cluster pg$M: damaged, --jobs 1 = --jobs 4"
	else
		fail "cluster pg$M: damaged, --jobs 1 = --jobs 4" "outputs differ"
	fi
	rm -rf "$C"
done

# the forensic fixtures: a full global/, a tablespace through a relative
# link, a crash; every relation named, nothing to say
for M in $cl_majors; do
	F=testdata/pg$M/forensic
	[ -d "$F/data" ] || continue
	want_blocks=$(oracle_cat "$F/oracle/page_header.jsonl" | wc -l)
	want_files=$(find "$F/data/global" "$F/data/base" "$F"/tblspc/*/PG_*/* -type f | sed 's,.*/,,; s,\.gz$,,' |
		grep -Ec '^[1-9][0-9]*(_fsm|_vm|_init)?(\.[1-9][0-9]*)?$')
	spc=$(jq -r 'select(.spcname == "forensic_ts") | .oid' "$F/oracle/tablespaces.jsonl")
	check "cluster forensic pg$M: clean -k --check exit 0" 0 "$P" -D "$F/data" -k --check -s
	expect "cluster forensic pg$M: files scanned = $want_files" "$TMP/out" "^Files scanned: +$want_files$"
	expect "cluster forensic pg$M: blocks scanned = page_header rows ($want_blocks)" "$TMP/out" "^Blocks scanned: +$want_blocks$"
	expect "cluster forensic pg$M: no damage" "$TMP/out" "^Relations: +[0-9]+, 0 with damage$"
	# an FSM lagging behind its heap is PostgreSQL's normal (notices, as pgfsm --check's)
	if grep -v ': FSM records more free space than the heap page has ' "$TMP/err" | grep -q .; then
		fail "cluster forensic pg$M: nothing else on stderr" "$(head -c 300 "$TMP/err")"; else
		pass "cluster forensic pg$M: nothing else on stderr"; fi
	expect "cluster forensic pg$M: the tablespace's table by name" "$TMP/out" "^shop public\.in_ts pg_tblspc/$spc/PG_${M}_[0-9]+/[0-9]+/[0-9]+ files="
	expect "cluster forensic pg$M: quoted names" "$TMP/out" "^shop café\.über base/"
	expect "cluster forensic pg$M: shared catalogs named" "$TMP/out" "^- pg_catalog\.pg_database global/1262 files="
	"$P" -D "$F/data" -k --check --json --jobs 1 >"$TMP/j1.out" 2>&1
	"$P" -D "$F/data" -k --check --json --jobs 3 >"$TMP/j4.out" 2>&1
	if cmp -s "$TMP/j1.out" "$TMP/j4.out"; then pass "cluster forensic pg$M: --jobs 1 = --jobs 3"; else
		fail "cluster forensic pg$M: --jobs 1 = --jobs 3" "outputs differ"; fi
	check "cluster forensic pg$M: --database shop" 0 "$P" -D "$F/data" -s --database shop
	expect_not "cluster forensic pg$M: --database leaves global/ out" "$TMP/out" " global/"
done

# selection, pg_amcheck's patterns
D=testdata/pg15/data
check "cluster: --table" 0 "$P" -D "$D" -k -s --table 'public.wide_*'
if [ "$(grep -c 'public\.wide_keys ' "$TMP/out")" = 1 ] && ! grep -q 'wide_keys_k_idx\|pg_class' "$TMP/out"; then
	pass "cluster: --table picks the tables only"; else fail "cluster: --table picks the tables only" "$(head -c 300 "$TMP/out")"; fi
check "cluster: --index" 0 "$P" -D "$D" -s --index 'wide_keys_k_idx'
expect "cluster: --index picks the index" "$TMP/out" "public\.wide_keys_k_idx "
expect_not "cluster: --index only the index" "$TMP/out" "public\.wide_keys "
check "cluster: --exclude-database" 0 "$P" -D "$D" -k --exclude-database '*'
expect "cluster: --exclude-database leaves nothing of base/" "$TMP/out" "^Blocks scanned: +0$"
check "cluster: bad pattern" 2 "$P" -D "$D" --table 'a.b.c.d'
check "cluster: --jobs needs -D" 2 "$P" --jobs 2 "$D/base/16384/1259.gz"
check "cluster: not a directory" 2 "$P" -D "$TMP/nonexistent"
check "cluster: -P progress on stderr" 0 "$P" -D "$D" -k -P
expect "cluster: -P says MB computed" "$TMP/err" "^[0-9]+/[0-9]+ MB \(100%\) computed$"
check "cluster: no progress in a pipe by default" 0 "$P" -D "$D" -k
expect_not "cluster: no progress by default" "$TMP/err" "computed"

# a segment missing in the middle, and an orphan file
C=$TMP/seg
rm -rf "$C"; mkdir -p "$C"; cp -r "$D/PG_VERSION" "$D/global" "$D/base" "$C"
head -c 8192 /dev/zero >"$C/base/16384/99999.1"
head -c 8192 /dev/zero >"$C/base/16384/99999.3"
: >"$C/base/16384/99999"
check "cluster: segment missing exit 1" 1 "$P" -D "$C"
expect "cluster: segment missing named" "$TMP/err" "^pgpage: base/16384/99999\.2: relation segment missing before a later segment$"
expect "cluster: short segment" "$TMP/err" "^pgpage: base/16384/99999\.1: relation segment shorter than a full segment"
expect "cluster: orphan notice" "$TMP/err" "^pgpage: base/16384/99999: relation file that no pg_class row owns"
# an FSM leaf page whose root is not the max of its children (--check)
fz=$(relfile 15 frozen_tbl)
gzip -d "$C/${fz}_fsm.gz"
printf '\007' | dd of="$C/${fz}_fsm" bs=1 seek=$((2 * 8192 + 28)) conv=notrunc 2>/dev/null
check "cluster: FSM tree --check exit 1" 1 "$P" -D "$C" --check --table frozen_tbl
expect "cluster: FSM tree by name" "$TMP/err" "^pgpage: ${fz}_fsm \(public\.frozen_tbl\): block 2: FSM node disagrees with its children"
pk=$(relfile 15 wide_keys_pkey)
rm -f "$C/$pk.gz"
check "cluster: a pg_class row's file gone exit 1" 1 "$P" -D "$C"
expect "cluster: file missing by name" "$TMP/err" "^pgpage: $pk: file missing \(public\.wide_keys_pkey \(oid [0-9]+, relkind i\) has no file\)$"
rm -rf "$C"

# large files are read in pieces (SCAN_CHUNK blocks; here 3 and 5): the
# same output, zero runs across the pieces' edges and a cut included
C=$TMP/pieces
rm -rf "$C"; mkdir -p "$C"; cp -r "$D/PG_VERSION" "$D/global" "$D/base" "$C"
wk=$(relfile 15 wide_keys); ty=$(relfile 15 types_tbl); ix=$(relfile 15 idx_tbl)
for f in "$wk" "$ty" "$ix"; do gzip -d "$C/$f.gz"; done
zero_blocks "$C/$wk" 40 8	# blocks 40 to 47: across pieces
zero_blocks "$C/$ty" $(( $(wc -c <"$C/$ty") / 8192 - 2 )) 2	# the last two: not amid
truncate -s $((20 * 8192 + 100)) "$C/$ix"
"$P" -D "$C" -k --check -s --jobs 1 >"$TMP/whole.out" 2>"$TMP/whole.err"
expect "cluster: zero run across pieces said once" "$TMP/whole.err" "public\.wide_keys\): block 40: all-zero pages amid written pages .*\(8 pages, blocks 40 to 47\)"
expect_not "cluster: zero pages at the end are not amid" "$TMP/whole.err" "public\.types_tbl\): block [0-9]+: all-zero"
for c in 3 5; do
	PGPAGE_CHUNK_BLOCKS=$c "$P" -D "$C" -k --check -s --jobs 2 >"$TMP/p.out" 2>"$TMP/p.err"
	if cmp -s "$TMP/p.out" "$TMP/whole.out" && cmp -s "$TMP/p.err" "$TMP/whole.err"; then
		pass "cluster: pieces of $c blocks, same output"
	else
		fail "cluster: pieces of $c blocks, same output" "$(diff "$TMP/whole.err" "$TMP/p.err" | head -5)"
	fi
done
PGPAGE_CHUNK_BLOCKS=4 "$P" -D "$C" -k --json --jobs 3 >"$TMP/p.json" 2>/dev/null
"$P" -D "$C" -k --json --jobs 1 >"$TMP/whole.json" 2>/dev/null
if cmp -s "$TMP/p.json" "$TMP/whole.json"; then pass "cluster: pieces, same JSON"; else
	fail "cluster: pieces, same JSON" "differs"; fi
rm -rf "$C"

# pg_checksums of 15 on the unpacked pg15 fixture: the same counts.  Its
# answer is committed (testdata/pg15/oracle/pg_checksums.txt, Debian's
# pg_checksums 15.18 on the files unpacked as below); where pg_checksums 15
# is installed it runs again and must still give that answer.
PGC=/usr/lib/postgresql/15/bin/pg_checksums
if [ -d testdata/pg15/data ]; then
	C=$TMP/pgc15
	rm -rf "$C"; mkdir -p "$C"; cp -r testdata/pg15/data/PG_VERSION testdata/pg15/data/global testdata/pg15/data/base "$C"
	find "$C" -name '*.gz' -exec gzip -d {} +
	mkdir -p "$C/pg_tblspc"
	chmod -R u+w "$C"
	cp testdata/pg15/oracle/pg_checksums.txt "$TMP/theirs"
	if [ -x "$PGC" ]; then
		"$PGC" --check -D "$C" >"$TMP/live" 2>&1
		if cmp -s "$TMP/live" "$TMP/theirs"; then pass "cluster: pg_checksums 15 run here gives the committed answer"; else
			fail "cluster: pg_checksums 15 run here gives the committed answer" "$(head -c 300 "$TMP/live")"; fi
	fi
	"$P" -D "$C" -k >"$TMP/ours" 2>/dev/null
	for l in "Files scanned" "Blocks scanned" "Bad checksums" "Data checksum version"; do
		t=$(grep "^$l:" "$TMP/theirs" | tr -s ' '); o=$(grep "^$l:" "$TMP/ours" | tr -s ' ')
		if [ -n "$t" ] && [ "$t" = "$o" ]; then pass "cluster: pg_checksums 15 $l"; else
			fail "cluster: pg_checksums 15 $l" "theirs '$t', ours '$o'"; fi
	done
	rm -rf "$C"
fi
