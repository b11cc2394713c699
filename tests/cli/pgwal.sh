# pgwal on the command line: inputs, filters (held against
# pg_get_wal_records_info() of the same range), limits, usage errors, and
# damage made from real fixture segments (a flipped byte, a missing
# segment, a truncated segment), each with its exit status.
. tests/lib.sh

M=15
DATA=testdata/pg$M/data
META=testdata/pg$M/oracle/meta.json
if [ ! -f "$META" ]; then
	fail "pgwal: fixture" "$META missing"
	return 0 2>/dev/null || exit 0
fi
S=$(jq -r .start_lsn "$META")
E=$(jq -r .end_lsn "$META")
oracle_cat "testdata/pg$M/oracle/wal_records.jsonl" >"$TMP/wal_oracle.jsonl"
total=$(wc -l <"$TMP/wal_oracle.jsonl")

# count NAME EXPECTED ARGS...: pgwal -q... no: the records printed with ARGS
count() {
	name=$1 want=$2; shift 2
	got=$("$BIN/pgwal" -p "$DATA" -s "$S" -e "$E" "$@" 2>"$TMP/err" | wc -l)
	if [ "$got" -eq "$want" ] && [ "$want" -gt 0 ]; then pass "$name ($got records)"
	else fail "$name" "$got records, expected $want (pgwal $*): $(head -c 200 "$TMP/err")"; fi
}
oc() { jq -c "select($1)" "$TMP/wal_oracle.jsonl" | wc -l; }

count "pgwal all records" "$total"
count "pgwal -r Heap" "$(oc '.resource_manager == "Heap"')" -r Heap
count "pgwal -r btree,heap2 (case, list)" "$(oc '.resource_manager == "Btree" or .resource_manager == "Heap2"')" -r btree,heap2
count "pgwal -r Btree -r Heap2 (repeated)" "$(oc '.resource_manager == "Btree" or .resource_manager == "Heap2"')" -r Btree -r Heap2
xid=$(jq -r 'select(.resource_manager == "Heap") | .xid' "$TMP/wal_oracle.jsonl" | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')
count "pgwal -x $xid" "$(oc ".xid == \"$xid\"")" -x "$xid"
count "pgwal -w" "$(oc '.fpi_length > 0')" -w
rel=$(jq -r '.block_ref // "" | scan("rel ([0-9]+/[0-9]+/[0-9]+) ") | .[0]' "$TMP/wal_oracle.jsonl" | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')
count "pgwal -R $rel" "$(oc "(.block_ref // \"\") | test(\"rel $rel \")")" -R "$rel"
count "pgwal -R $rel -B 0" "$(oc "(.block_ref // \"\") | test(\"rel $rel fork [a-z]+ blk 0(\$|[^0-9])\")")" -R "$rel" -B 0
count "pgwal -F fsm" "$(oc '(.block_ref // "") | test("fork fsm ")')" -F fsm
count "pgwal -F vm -w" "$(oc '.fpi_length > 0 and ((.block_ref // "") | test("fork vm blk [0-9]+ \\(FPW"))')" -F vm -w
count "pgwal -n 10" 10 -n 10
count "pgwal --json -r Transaction" "$(oc '.resource_manager == "Transaction"')" --json -r Transaction
check "pgwal -q prints nothing" 0 "$BIN/pgwal" -q -p "$DATA" -s "$S" -e "$E"
[ -s "$TMP/out" ] && fail "pgwal -q output" "stdout not empty" || pass "pgwal -q output empty"

# -s inside a record: the first record at or after it
mid=$(jq -r 'select(.resource_manager == "Heap") | .start_lsn' "$TMP/wal_oracle.jsonl" | sed -n 100p)
"$BIN/pgwal" --json -p "$DATA" -s "$mid" -n 1 >"$TMP/out" 2>/dev/null
expect "pgwal -s at a record starts there" "$TMP/out" "^\{\"start_lsn\":\"$mid\""
hi=${mid%%/*}; lo=${mid#*/}
mid1=$(printf '%X/%X' "0x$hi" $((0x$lo + 1)))
next=$(jq -r --arg m "$mid" 'select(.start_lsn == $m) | .end_lsn' "$TMP/wal_oracle.jsonl")
"$BIN/pgwal" --json -p "$DATA" -s "$mid1" -n 1 >"$TMP/out" 2>/dev/null
expect "pgwal -s inside a record skips to the next" "$TMP/out" "^\{\"start_lsn\":\"$next\""

# segment names as -s/-e, a file given directly, gzip'd
seg=$(jq -r .start_segment "$META")
check "pgwal FILE.gz" 0 "$BIN/pgwal" -q "$DATA/pg_wal/$seg.gz"
check "pgwal -s SEGNAME -e SEGNAME" 0 "$BIN/pgwal" -q -p "$DATA" -s "$seg" -e "$seg"
expect "pgwal end of WAL is a notice" "$TMP/err" "end of WAL"

# -r list
check "pgwal -r list" 0 "$BIN/pgwal" -r list
expect "pgwal -r list names Heap2" "$TMP/out" "^Heap2$"
[ "$(wc -l <"$TMP/out")" -eq 22 ] && pass "pgwal -r list has 22 rmgrs" || fail "pgwal -r list has 22 rmgrs" "$(wc -l <"$TMP/out")"

# usage errors
check "pgwal bad rmgr" 2 "$BIN/pgwal" -r NoSuch -p "$DATA"
check "pgwal -B without -R" 2 "$BIN/pgwal" -B 1 -p "$DATA"
check "pgwal bad LSN" 2 "$BIN/pgwal" -s 0/XYZ -p "$DATA"
check "pgwal end before start" 2 "$BIN/pgwal" -s 0/3000000 -e 0/2000000 -p "$DATA"
check "pgwal bad fork" 2 "$BIN/pgwal" -F nosuch -p "$DATA"
check "pgwal bad relation" 2 "$BIN/pgwal" -R 1/2 -p "$DATA"
check "pgwal bad stats" 2 "$BIN/pgwal" --stats=nope -p "$DATA"
check "pgwal bad pg-version" 2 "$BIN/pgwal" --pg-version 9 -p "$DATA"
check "pgwal empty directory" 2 "$BIN/pgwal" -p "$TMP/nonexistent-dir"
check "pgwal not a segment name" 2 "$BIN/pgwal" /dev/null
check "pgwal missing segment file" 2 "$BIN/pgwal" "$TMP/000000010000000000000009"

# damage: a flipped byte in the middle of the segment -> CRC mismatch, exit 1;
# -k goes on after it
mkdir -p "$TMP/wal"
gzip -dc "$DATA/pg_wal/$seg.gz" >"$TMP/wal/$seg"
f="$TMP/wal/$seg"
off=$((1048576 + 200))
b=$(od -An -tu1 -j$off -N1 "$f" | tr -d ' ')
printf "$(printf '\\%03o' $(( b ^ 255 )))" | dd of="$f" bs=1 seek=$off count=1 conv=notrunc 2>/dev/null
check "pgwal CRC damage exit 1" 1 "$BIN/pgwal" -q "$f"
expect "pgwal CRC damage diagnostic" "$TMP/err" "^pgwal: lsn 0/[0-9A-F]+: WAL record CRC mismatch \(stored 0x[0-9a-f]{8}\)$"
"$BIN/pgwal" "$f" >"$TMP/out" 2>/dev/null
before=$(wc -l <"$TMP/out")
check "pgwal -k after damage exit 1" 1 "$BIN/pgwal" -k "$f"
after=$(wc -l <"$TMP/out")
[ "$after" -gt "$before" ] && [ "$after" -lt "$total" ] && pass "pgwal -k reads past the damage ($before then $after records)" || fail "pgwal -k reads past the damage" "$before then $after"
expect "pgwal -k says where it resynchronised" "$TMP/err" "resynchronised at 0/"

# a page header with a bad magic: damage
gzip -dc "$DATA/pg_wal/$seg.gz" >"$f"
printf '\377\377' | dd of="$f" bs=1 seek=$((8192 * 40)) count=2 conv=notrunc 2>/dev/null
check "pgwal bad page magic exit 1" 1 "$BIN/pgwal" -q "$f"
expect "pgwal bad page magic diagnostic" "$TMP/err" "invalid magic number FFFF"

# a truncated segment (not .partial): damage; the same as .partial: the end
gzip -dc "$DATA/pg_wal/$seg.gz" | head -c $((8192 * 100 + 100)) >"$f"
check "pgwal truncated segment exit 1" 1 "$BIN/pgwal" -q "$f"
mv "$f" "$f.partial"
check "pgwal .partial segment ends calmly" 0 "$BIN/pgwal" -q "$f.partial"
rm -f "$f.partial"

# several segments (16 has 1 MB segments): records cross segment
# boundaries; a missing segment in the middle is damage
if [ -f testdata/pg16/oracle/meta.json ]; then
	D16=testdata/pg16/data/pg_wal
	n16=$(oracle_cat testdata/pg16/oracle/wal_records.jsonl | wc -l)
	s16=$(jq -r .start_lsn testdata/pg16/oracle/meta.json)
	e16=$(jq -r .end_lsn testdata/pg16/oracle/meta.json)
	got=$("$BIN/pgwal" -s "$s16" -e "$e16" "$D16"/*.gz 2>/dev/null | wc -l)
	[ "$got" -eq "$n16" ] && pass "pgwal pg16 7 segments as files ($got records)" || fail "pgwal pg16 7 segments as files" "$got of $n16"
	mkdir -p "$TMP/wal16"
	cp "$D16"/*.gz "$TMP/wal16/"
	rm "$TMP/wal16/00000001000000000000000D.gz"
	check "pgwal missing middle segment exit 1" 1 "$BIN/pgwal" -q -p "$TMP/wal16"
	expect "pgwal missing segment diagnostic" "$TMP/err" "segment 00000001000000000000000D is missing"
fi

# "-": segments on standard input, gzip'd members one after the other
if [ -f testdata/pg16/oracle/meta.json ]; then
	got=$(cat testdata/pg16/data/pg_wal/*.gz | "$BIN/pgwal" -s "$s16" -e "$e16" - 2>"$TMP/err" | wc -l)
	[ "$got" -eq "$n16" ] && pass "pgwal - (stdin, 7 gzip'd segments) ($got records)" || fail "pgwal - (stdin)" "$got of $n16: $(head -c 200 "$TMP/err")"
	gzip -dc testdata/pg16/data/pg_wal/*.gz | "$BIN/pgwal" -q - 2>"$TMP/err"
	[ $? -eq 0 ] && pass "pgwal - plain stream exit 0" || fail "pgwal - plain stream exit 0" "$(head -c 200 "$TMP/err")"
	check "pgwal - with another file" 2 "$BIN/pgwal" - "$D16/00000001000000000000000B.gz"
	printf 'garbage' | "$BIN/pgwal" - >/dev/null 2>&1
	[ $? -eq 2 ] && pass "pgwal - not WAL exit 2" || fail "pgwal - not WAL exit 2" "exit $?"
fi

# a bad record on the last written page is the end of the WAL, not damage
gzip -dc "$DATA/pg_wal/$seg.gz" >"$f"
last=$(jq -r .start_lsn "$TMP/wal_oracle.jsonl" | tail -1)
lastoff=$(( 0x${last#*/} % 16777216 + 30 ))
b=$(od -An -tu1 -j$lastoff -N1 "$f" | tr -d ' ')
printf "$(printf '\\%03o' $(( b ^ 255 )))" | dd of="$f" bs=1 seek=$lastoff count=1 conv=notrunc 2>/dev/null
check "pgwal torn last record is the end (exit 0)" 0 "$BIN/pgwal" -q "$f"
expect "pgwal torn last record notice" "$TMP/err" "end of WAL \(invalid record on the last written page"

# --save-fullpage: every image of 15's WAL (pglz, lz4, zstd and plain)
# restored; each file a whole page that pgpage reads without a finding
mkdir -p "$TMP/fpw"
check "pgwal --save-fullpage exit 0" 0 "$BIN/pgwal" -q --save-fullpage="$TMP/fpw" -p "$DATA" -s "$S" -e "$E"
nimg=$("$BIN/pgwal" --json -p "$DATA" -s "$S" -e "$E" 2>/dev/null | jq '[.blocks[] | select(.has_image)] | length' | awk '{s += $1} END {print s + 0}')
nfile=$(ls "$TMP/fpw" | wc -l)
[ "$nfile" -eq "$nimg" ] && [ "$nimg" -gt 0 ] && pass "pgwal --save-fullpage wrote every image ($nfile)" || fail "pgwal --save-fullpage wrote every image" "$nfile files, $nimg images"
ncomp=$("$BIN/pgwal" --json -p "$DATA" -s "$S" -e "$E" 2>/dev/null | jq -r '.blocks[] | select(.has_image) | .compression' | sort -u | tr '\n' ' ')
[ "$ncomp" = "lz4 none pglz zstd " ] && pass "pgwal images of every compression method" || fail "pgwal images of every compression method" "$ncomp"
expect_not "pgwal --save-fullpage names" "$TMP/err" "."
ls "$TMP/fpw" | grep -qvE '^[0-9A-F]{8}-[0-9A-F]{8}-[0-9A-F]{8}\.[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+_(main|fsm|vm|init)$' && fail "pgwal --save-fullpage file names" "$(ls "$TMP/fpw" | head -2)" || pass "pgwal --save-fullpage file names"
(cd "$TMP/fpw" && "$BIN/pgpage" --json -- * >"$TMP/fpw.json" 2>"$TMP/fpw.err")
rc=$?
[ $rc -eq 0 ] && [ ! -s "$TMP/fpw.err" ] && pass "pgwal restored pages read cleanly by pgpage" || fail "pgwal restored pages read cleanly by pgpage" "exit $rc: $(head -c 200 "$TMP/fpw.err")"
nk=$(jq -r 'select(.kind == "unknown" or .kind == "new") | .file' "$TMP/fpw.json" | wc -l)
[ "$nk" -eq 0 ] && pass "pgwal restored pages all of a known kind" || fail "pgwal restored pages all of a known kind" "$nk unknown or new"

# -t picks the segments of a timeline; -P reads as another major (whose
# page magic then does not match: damage)
check "pgwal -t with no segment of that timeline" 2 "$BIN/pgwal" -t 2 -p "$DATA"
expect "pgwal -t message" "$TMP/err" "no WAL segment of timeline 2"
check "pgwal -t 1" 0 "$BIN/pgwal" -q -t 1 -p "$DATA" -s "$S" -e "$E"
check "pgwal -P 15 on 15's WAL" 0 "$BIN/pgwal" -q -P 15 -p "$DATA" -s "$S" -e "$E"
check "pgwal -P 16 on 15's WAL" 1 "$BIN/pgwal" -q -P 16 -p "$DATA" -s "$S" -e "$E"
expect "pgwal -P 16 on 15's WAL message" "$TMP/err" "invalid magic number D110"

# --fpi-verify: every image of every major's WAL restores to a valid page
for v in 10 11 12 13 14 15 16 17 18; do
	[ -d testdata/pg$v/data/pg_wal ] || continue
	"$BIN/pgwal" -q --fpi-verify -p testdata/pg$v/data/pg_wal >/dev/null 2>"$TMP/err"
	rc=$?
	[ $rc -eq 0 ] && ! grep -q "full page image" "$TMP/err" && pass "pgwal --fpi-verify pg$v clean" ||
		fail "pgwal --fpi-verify pg$v clean" "exit $rc: $(head -c 200 "$TMP/err")"
done

# ... and a damaged one: in a small uncompressed image of an FPI record,
# pd_lower past pd_upper, the record's CRC made right again (CRC-32C in
# sh arithmetic), so only the page is wrong
crc32c_ranges() {	# FILE OFFSET LEN [OFFSET LEN]...
	f=$1; shift
	c=4294967295
	while [ $# -ge 2 ]; do
		for b in $(od -An -tu1 -v -j"$1" -N"$2" "$f"); do
			c=$(( c ^ b )); k=0
			while [ $k -lt 8 ]; do c=$(( (c >> 1) ^ (2197175160 & -(c & 1)) )); k=$((k + 1)); done
		done
		shift 2
	done
	echo $(( c ^ 4294967295 ))
}
put_bytes() {	# FILE OFFSET BYTE...
	f=$1 o=$2; shift 2
	for b in "$@"; do
		printf "$(printf '\\%03o' "$b")" | dd of="$f" bs=1 seek="$o" count=1 conv=notrunc 2>/dev/null
		o=$((o + 1))
	done
}
fpi=$("$BIN/pgwal" --json -r XLOG -p "$DATA" -s "$S" -e "$E" 2>/dev/null |
	jq -r 'select((.record_type == "FPI" or .record_type == "FPI_FOR_HINT") and (.blocks | length) == 1 and
		.blocks[0].compression == "none" and .blocks[0].hole_offset >= 24 and .record_length < 200) |
		"\(.start_lsn) \(.record_length) \(.segment)"' | head -n 1)
set -- $fpi
flsn=$1 flen=$2 fseg=$3
ro=$(( 0x${flsn#*/} % 16777216 ))
gzip -dc "$DATA/pg_wal/$fseg.gz" >"$TMP/wal/$fseg"
f="$TMP/wal/$fseg"
hdr=$(od -An -tu1 -j$((ro + 24)) -N2 "$f" | tr -s ' ')
if [ -z "$fpi" ] || [ "$hdr" != " 0 16" ] || [ $(( ro % 8192 + flen )) -gt 8192 ]; then
	fail "pgwal --fpi-verify damaged image" "no small uncompressed FPI record on one page found ($fpi, block header$hdr)"
else
	# block 0, image only, own relation: the image starts at byte 49 of the record
	put_bytes "$f" $((ro + 49 + 12)) 248 31
	c=$(crc32c_ranges "$f" $((ro + 24)) $((flen - 24)) "$ro" 20)
	put_bytes "$f" $((ro + 20)) $((c & 255)) $(((c >> 8) & 255)) $(((c >> 16) & 255)) $(((c >> 24) & 255))
	check "pgwal damaged image, CRC right: clean without --fpi-verify" 0 "$BIN/pgwal" -q "$f"
	check "pgwal --fpi-verify damaged image exit 1" 1 "$BIN/pgwal" -q --fpi-verify "$f"
	expect "pgwal --fpi-verify diagnostic" "$TMP/err" \
		"^pgwal: block [0-9]+: lsn $flsn: invalid page header \(full page image of blkref #0, rel [0-9]+/[0-9]+/[0-9]+ fork main blk [0-9]+: pd_lower 8184, pd_upper [0-9]+, pd_special [0-9]+\)$"
	[ "$(grep -c "full page image" "$TMP/err")" -eq 1 ] && pass "pgwal --fpi-verify one finding" ||
		fail "pgwal --fpi-verify one finding" "$(grep -c "full page image" "$TMP/err")"
	check "pgwal --fpi-verify --json damaged image exit 1" 1 "$BIN/pgwal" --json --fpi-verify "$f"
	n=$(grep -c . "$TMP/out")
	[ "$n" -gt 1000 ] && jq -e . "$TMP/out" >/dev/null && pass "pgwal --fpi-verify --json still prints every record ($n)" ||
		fail "pgwal --fpi-verify --json still prints every record" "$n lines"
fi

# --save-fullpage creates its directory, and refuses an unwritable one once
seg=$(ls testdata/pg15/data/pg_wal/*.gz | head -n 1)
check "pgwal --save-fullpage creates the directory" 0 "$BIN/pgwal" -q --save-fullpage="$TMP/fpi/new" "$seg"
n=$(ls "$TMP/fpi/new" | wc -l)
[ "$n" -gt 100 ] && pass "pgwal --save-fullpage wrote $n images" || fail "pgwal --save-fullpage wrote images" "$n"
check "pgwal --save-fullpage unwritable exit 2" 2 "$BIN/pgwal" -q --save-fullpage=/proc/no/such "$seg"
expect "pgwal --save-fullpage unwritable: one message" "$TMP/err" "^pgwal: /proc/no/such: cannot write page images there"
[ "$(grep -c . "$TMP/err")" -eq 1 ] && pass "pgwal --save-fullpage unwritable: no per-image errors" || fail "pgwal --save-fullpage unwritable: no per-image errors" "$(grep -c . "$TMP/err") lines"
