# pgwal on the command line: inputs, filters (held against
# pg_get_wal_records_info() of the same range), limits, usage errors, and
# damage made from real fixture segments (a flipped byte, a missing
# segment, a truncated segment), each with its exit status, and in --json
# where each finding stands in the stream.
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
lseg=$(jq -r .end_segment "$META")
check "pgwal -s SEGNAME -e SEGNAME (the last segment)" 0 "$BIN/pgwal" -q -p "$DATA" -s "$lseg" -e "$lseg"
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
	[ "$got" -eq "$n16" ] && pass "pgwal pg16 segments as files ($got records)" || fail "pgwal pg16 segments as files" "$got of $n16"
	mkdir -p "$TMP/wal16"
	cp "$D16"/*.gz "$TMP/wal16/"
	rm "$TMP/wal16/00000001000000000000000D.gz"
	check "pgwal missing middle segment exit 1" 1 "$BIN/pgwal" -q -p "$TMP/wal16"
	expect "pgwal missing segment diagnostic" "$TMP/err" "segment 00000001000000000000000D is missing"
fi

# "-": segments on standard input, gzip'd members one after the other
if [ -f testdata/pg16/oracle/meta.json ]; then
	got=$(cat testdata/pg16/data/pg_wal/*.gz | "$BIN/pgwal" -s "$s16" -e "$e16" - 2>"$TMP/err" | wc -l)
	[ "$got" -eq "$n16" ] && pass "pgwal - (stdin, gzip'd segments) ($got records)" || fail "pgwal - (stdin)" "$got of $n16: $(head -c 200 "$TMP/err")"
	gzip -dc testdata/pg16/data/pg_wal/*.gz | "$BIN/pgwal" -q - 2>"$TMP/err"
	[ $? -eq 0 ] && pass "pgwal - plain stream exit 0" || fail "pgwal - plain stream exit 0" "$(head -c 200 "$TMP/err")"
	check "pgwal - with another file" 2 "$BIN/pgwal" - "$D16/00000001000000000000000B.gz"
	printf 'garbage' | "$BIN/pgwal" - >/dev/null 2>&1
	[ $? -eq 2 ] && pass "pgwal - not WAL exit 2" || fail "pgwal - not WAL exit 2" "exit $?"

	# -k after a record found bad pages after its start (the longest record,
	# a byte flipped half way): stdin resynchronises where a file does
	big=$(oracle_cat testdata/pg16/oracle/wal_records.jsonl | jq -s -r 'max_by(.record_length) | "\(.start_lsn) \(.record_length)"')
	blsn=${big%% *}; blen=${big#* }
	boff=$(( (0x${blsn#*/} % 1048576) + blen / 2 ))
	[ $((boff % 8192)) -lt 64 ] && boff=$((boff + 64))
	bseg=$(printf '%08X%08X%08X' 1 0 $(( 0x${blsn#*/} / 1048576 )))
	bf="$TMP/wal/$bseg"
	gzip -dc "$D16/$bseg.gz" >"$bf"
	b=$(od -An -tu1 -j$boff -N1 "$bf" | tr -d ' ')
	printf "$(printf '\\%03o' $(( b ^ 255 )))" | dd of="$bf" bs=1 seek=$boff count=1 conv=notrunc 2>/dev/null
	nf=$("$BIN/pgwal" -k "$bf" 2>"$TMP/errf" | wc -l)
	ns=$("$BIN/pgwal" -k - <"$bf" 2>"$TMP/errs" | wc -l)
	if [ "$blen" -gt 16384 ] && [ "$nf" -eq "$ns" ] && grep -q "lsn $blsn: WAL skipped (resynchronised at" "$TMP/errs" &&
		[ "$(grep resynchronised "$TMP/errf")" = "$(grep resynchronised "$TMP/errs")" ]
	then pass "pgwal -k - resynchronises after a long bad record as a file does ($ns records)"
	else fail "pgwal -k - resynchronises after a long bad record" "file $nf, stdin $ns records: $(head -c 300 "$TMP/errs")"; fi
fi

# a bad record on the last written page is the end of the WAL, not damage
fl="$TMP/wal/$lseg"
gzip -dc "$DATA/pg_wal/$lseg.gz" >"$fl"
last=$(jq -r .start_lsn "$TMP/wal_oracle.jsonl" | tail -1)
lastoff=$(( 0x${last#*/} % 16777216 + 30 ))
b=$(od -An -tu1 -j$lastoff -N1 "$fl" | tr -d ' ')
printf "$(printf '\\%03o' $(( b ^ 255 )))" | dd of="$fl" bs=1 seek=$lastoff count=1 conv=notrunc 2>/dev/null
check "pgwal torn last record is the end (exit 0)" 0 "$BIN/pgwal" -q "$fl"
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
# -P may not contradict a known magic (16's layouts on 15's records are
# garbage): a usage error naming both; it reads a magic no major has
check "pgwal -P 16 on 15's WAL" 2 "$BIN/pgwal" -q -P 16 -p "$DATA" -s "$S" -e "$E"
expect "pgwal -P 16 on 15's WAL message" "$TMP/err" "magic D110 is PostgreSQL 15's, not 16's"
check "pgwal -P 10 on 17's WAL" 2 "$BIN/pgwal" -q -P 10 -p testdata/pg17/data
expect "pgwal -P 10 on 17's WAL message" "$TMP/err" "magic D116 is PostgreSQL 17's, not 10's"
# the first 16 pages of 15's first segment, each page's magic made D1FF
mkdir -p "$TMP/magic"
um="$TMP/magic/000000010000000000000002.partial"
gzip -dc "$DATA/pg_wal/000000010000000000000002.gz" | head -c 131072 >"$um"
pg=0
while [ $pg -lt 16 ]; do
	printf '\377\321' | dd of="$um" bs=1 seek=$((pg * 8192)) conv=notrunc 2>/dev/null
	pg=$((pg + 1))
done
check "pgwal unknown magic without -P" 1 "$BIN/pgwal" -q "$um"
check "pgwal -P 15 on an unknown magic" 0 "$BIN/pgwal" -P 15 "$um"
n_p=$(wc -l <"$TMP/out")
n_o=$(gzip -dc "$DATA/pg_wal/000000010000000000000002.gz" | head -c 131072 >"$TMP/magic/ref.partial" &&
	mv "$TMP/magic/ref.partial" "$TMP/000000010000000000000002.partial" &&
	"$BIN/pgwal" "$TMP/000000010000000000000002.partial" 2>/dev/null | wc -l)
[ "$n_p" -eq "$n_o" ] && [ "$n_p" -gt 0 ] && pass "pgwal -P 15 reads the unknown magic's records ($n_p)" ||
	fail "pgwal -P 15 reads the unknown magic's records" "$n_p records, $n_o without the patch"
rm -f "$TMP/000000010000000000000002.partial"

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
	# the finding is the record's own: in its object, not one of its own
	jq -c 'select(has("diagnostics") or has("damage"))' "$TMP/out" >"$TMP/dg"
	if [ "$(wc -l <"$TMP/dg")" -eq 1 ] && jq -e --arg l "$flsn" '.start_lsn == $l and .resource_manager == "XLOG" and
		(.diagnostics | length) == 1 and .diagnostics[0].code == "bad_page_header" and
		.diagnostics[0].severity == "damage" and .diagnostics[0].lsn == $l and
		.diagnostics[0].blkno == .blocks[0].blkno and
		(.diagnostics[0].message | test("^invalid page header \\(full page image of blkref #0, rel .* pd_lower 8184, "))' "$TMP/dg" >/dev/null
	then pass "pgwal --fpi-verify --json: the finding in the record's diagnostics"
	else fail "pgwal --fpi-verify --json: the finding in the record's diagnostics" "$(head -c 300 "$TMP/dg")"; fi
	# ... written by emit, the other fields as the hand-made line has them
	"$BIN/pgwal" --json -s "$flsn" -n 1 "$f" 2>/dev/null >"$TMP/plain"
	jq -c 'del(.diagnostics)' "$TMP/dg" | cmp -s - "$TMP/plain" && pass "pgwal --fpi-verify --json: the record as without --fpi-verify" ||
		fail "pgwal --fpi-verify --json: the record as without --fpi-verify" "$(head -c 300 "$TMP/plain")"
	# a block reference that does not hold together (block_id 40), the CRC
	# right: the record cannot be shown; a damage object takes its place,
	# and reading goes on with the next record (no -k needed)
	gzip -dc "$DATA/pg_wal/$fseg.gz" >"$f"
	put_bytes "$f" $((ro + 24)) 40
	c=$(crc32c_ranges "$f" $((ro + 24)) $((flen - 24)) "$ro" 20)
	put_bytes "$f" $((ro + 20)) $((c & 255)) $(((c >> 8) & 255)) $(((c >> 16) & 255)) $(((c >> 24) & 255))
	check "pgwal --json bad block reference: exit 1" 1 "$BIN/pgwal" --json "$f"
	expect "pgwal --json bad block reference: stderr" "$TMP/err" "^pgwal: lsn $flsn: invalid WAL record \\(invalid block_id 40\\)$"
	if jq -e -s --arg l "$flsn" '(map(has("damage")) | index(true)) as $i |
		.[$i] == {damage: "wal_record", lsn: $l, segment: .[$i - 1].segment, timeline: 1,
			diagnostics: [{code: "wal_record", severity: "damage", lsn: $l, message: "invalid WAL record (invalid block_id 40)"}]} and
		.[$i - 1].end_lsn == $l and .[$i + 1].prev_lsn == $l and (.[$i + 1:] | length) > 1000 and
		([.[] | select(has("damage"))] | length) == 1' "$TMP/out" >/dev/null
	then pass "pgwal --json bad block reference: a damage object between the records"
	else fail "pgwal --json bad block reference: a damage object between the records" "$(grep damage "$TMP/out" | head -c 300)"; fi
fi

# --save-fullpage creates its directory, and refuses an unwritable one once
seg=$(ls testdata/pg15/data/pg_wal/*.gz | head -n 1)
check "pgwal --save-fullpage creates the directory" 0 "$BIN/pgwal" -q --save-fullpage="$TMP/fpi/new" "$seg"
n=$(ls "$TMP/fpi/new" | wc -l)
[ "$n" -gt 100 ] && pass "pgwal --save-fullpage wrote $n images" || fail "pgwal --save-fullpage wrote images" "$n"
check "pgwal --save-fullpage unwritable exit 2" 2 "$BIN/pgwal" -q --save-fullpage=/proc/no/such "$seg"
expect "pgwal --save-fullpage unwritable: one message" "$TMP/err" "^pgwal: /proc/no/such: cannot write page images there"
[ "$(grep -c . "$TMP/err")" -eq 1 ] && pass "pgwal --save-fullpage unwritable: no per-image errors" || fail "pgwal --save-fullpage unwritable: no per-image errors" "$(grep -c . "$TMP/err") lines"

# --json keeps the stream complete: damage that belongs to no record shown
# is an object of its own at its place ("damage": the finding's code, lsn,
# segment, timeline, diagnostics; a range -k passed over adds skipped_from
# and skipped_to), findings about a record shown are its "diagnostics".
# Made from 15's real segment (16 MB) and 16's seven 1 MB ones.
# jqok NAME FILE FILTER: jq -e FILTER over the whole of FILE (slurped) is true
jqok() {
	if jq -e -s "$3" "$2" >/dev/null 2>&1; then pass "$1"; else fail "$1" "jq '$3' not true on $(basename "$2"): $(tail -c 300 "$2")"; fi
}
W=$TMP/walj
mkdir -p "$W"
j15=000000010000000000000002
fresh15() { gzip -dc "$DATA/pg_wal/$j15.gz" >"$W/$j15"; }
flip() {	# FILE OFFSET: invert one byte
	b=$(od -An -tu1 -j"$2" -N1 "$1" | tr -d ' ')
	printf "$(printf '\\%03o' $(( b ^ 255 )))" | dd of="$1" bs=1 seek="$2" count=1 conv=notrunc 2>/dev/null
}
# the text records of a run, for counting against the JSON ones
nrec() { "$BIN/pgwal" "$@" 2>/dev/null | wc -l; }

# a clean WAL: records only, no damage object, no diagnostics (the end of
# WAL is a notice, on stderr only)
check "pgwal --json clean: exit 0" 0 "$BIN/pgwal" --json -p "$DATA"
jqok "pgwal --json clean: records only" "$TMP/out" 'all(has("start_lsn") and (has("damage") or has("diagnostics") | not))'
expect "pgwal --json clean: end of WAL notice on stderr" "$TMP/err" "end of WAL"

# a bit flip inside a record: CRC mismatch; no record is shown for it
fresh15
off=$((1048576 + 200))
flip "$W/$j15" $off
check "pgwal --json bit flip: exit 1" 1 "$BIN/pgwal" --json "$W/$j15"
crc=$(sed -n 's/^pgwal: lsn \([0-9A-F]*\/[0-9A-F]*\): WAL record CRC mismatch.*/\1/p' "$TMP/err")
jqok "pgwal --json bit flip: damage object last, its fields" "$TMP/out" \
	"(.[-1] | .damage == \"wal_crc_mismatch\" and .lsn == \"$crc\" and .segment == \"$j15\" and .timeline == 1 and
	 (has(\"resource_manager\") or has(\"start_lsn\") | not) and (.diagnostics | length) == 1 and
	 .diagnostics[0].code == \"wal_crc_mismatch\" and .diagnostics[0].severity == \"damage\" and
	 .diagnostics[0].lsn == \"$crc\" and (.diagnostics[0].message | test(\"^WAL record CRC mismatch \\\\(stored 0x\"))) and
	 (.[-2].end_lsn == \"$crc\") and ([.[] | select(has(\"damage\"))] | length) == 1"
check "pgwal --json -k bit flip: exit 1" 1 "$BIN/pgwal" --json -k "$W/$j15"
jqok "pgwal --json -k bit flip: damage, skipped range, then the records after it" "$TMP/out" \
	"(map(has(\"damage\")) | index(true)) as \$i | .[\$i].damage == \"wal_crc_mismatch\" and
	 .[\$i + 1].damage == \"wal_skipped\" and .[\$i + 1].skipped_from == \"$crc\" and .[\$i + 1].lsn == \"$crc\" and
	 .[\$i + 1].diagnostics[0].code == \"wal_skipped\" and .[\$i + 2].start_lsn == .[\$i + 1].skipped_to and
	 (.[\$i + 2:] | length) > 1000 and ([.[] | select(has(\"damage\"))] | length) == 2"
n=$(jq -c 'select(has("start_lsn"))' "$TMP/out" | wc -l)
[ "$n" -eq "$(nrec -k "$W/$j15")" ] && pass "pgwal --json -k bit flip: the same records as text ($n)" ||
	fail "pgwal --json -k bit flip: the same records as text" "$n JSON, $(nrec -k "$W/$j15") text"
# -q and --stats --json: unchanged, the damage on stderr only
check "pgwal --json -q bit flip: exit 1" 1 "$BIN/pgwal" --json -q "$W/$j15"
[ -s "$TMP/out" ] && fail "pgwal --json -q bit flip: nothing on stdout" "$(head -c 200 "$TMP/out")" || pass "pgwal --json -q bit flip: nothing on stdout"
expect "pgwal --json -q bit flip: stderr" "$TMP/err" "CRC mismatch"
check "pgwal --json --stats bit flip: exit 1" 1 "$BIN/pgwal" --json --stats -k "$W/$j15"
jqok "pgwal --json --stats bit flip: stats objects only" "$TMP/out" 'length > 5 and all(has("count") and (has("damage") | not))'
expect "pgwal --json --stats bit flip: stderr" "$TMP/err" "WAL skipped"

# a truncated segment file
gzip -dc "$DATA/pg_wal/$j15.gz" | head -c $((8192 * 100 + 100)) >"$W/$j15"
check "pgwal --json truncated segment: exit 1" 1 "$BIN/pgwal" --json "$W/$j15"
jqok "pgwal --json truncated segment: damage object" "$TMP/out" \
	'(.[-1] | .damage == "wal_page_header" and .lsn == "0/20C8000" and .segment == "000000010000000000000002" and
	 (.diagnostics[0].message | test("is truncated: no full page at offset 819200"))) and
	 ([.[] | select(has("start_lsn"))] | length) > 100 and ([.[] | select(has("damage"))] | length) == 1'

# a zeroed page amid written WAL: damage (a zeroed page with no written WAL
# after it is where the WAL ends: a notice, exit 0)
fresh15
dd if=/dev/zero of="$W/$j15" bs=8192 seek=40 count=1 conv=notrunc 2>/dev/null
check "pgwal --json zeroed page: exit 1" 1 "$BIN/pgwal" --json "$W/$j15"
jqok "pgwal --json zeroed page: damage object" "$TMP/out" \
	'(.[-1] | .damage == "wal_page_header" and .lsn == "0/2050000" and .diagnostics[0].lsn == "0/2050000" and
	 (.diagnostics[0].message | test("zeroed page at offset 327680 of segment file .*, amid written WAL: the next page written is at 0/2052000"))) and
	 .[-2].end_lsn < "0/2050000"'
check "pgwal --json -k zeroed page: exit 1" 1 "$BIN/pgwal" --json -k "$W/$j15"
jqok "pgwal --json -k zeroed page: the records after it" "$TMP/out" \
	'(map(has("damage")) | index(true)) as $i | .[$i + 1].damage == "wal_skipped" and
	 .[$i + 1].skipped_to > "0/2052000" and .[$i + 2].start_lsn == .[$i + 1].skipped_to and (.[$i + 2:] | length) > 1000'
check "pgwal -q zeroed page: exit 1" 1 "$BIN/pgwal" -q "$W/$j15"
expect "pgwal -q zeroed page: stderr" "$TMP/err" "^pgwal: lsn 0/2050000: invalid WAL page header \(zeroed page at offset 327680"
fresh15
dd if=/dev/zero of="$W/$j15" bs=8192 seek=40 count=$((2048 - 40)) conv=notrunc 2>/dev/null
check "pgwal --json zeroed to the segment's end: the end of WAL (exit 0)" 0 "$BIN/pgwal" --json "$W/$j15"
expect "pgwal --json zeroed to the segment's end: notice" "$TMP/err" "end of WAL \(zeroed page in segment"
jqok "pgwal --json zeroed to the segment's end: records only" "$TMP/out" 'length > 1000 and all(has("start_lsn"))'

# a missing segment in the middle of 16's seven
if [ -d testdata/pg16/data/pg_wal ]; then
	mkdir -p "$W/w16"
	cp testdata/pg16/data/pg_wal/*.gz "$W/w16/"
	rm "$W/w16/00000001000000000000000D.gz"
	check "pgwal --json missing segment: exit 1" 1 "$BIN/pgwal" --json -p "$W/w16"
	jqok "pgwal --json missing segment: damage object" "$TMP/out" \
		'(.[-1] | .damage == "wal_missing_segment" and .lsn == "0/D00000" and .segment == "00000001000000000000000D" and
		 .diagnostics[0].code == "wal_missing_segment") and .[-2].segment == "00000001000000000000000C"'
	check "pgwal --json -k missing segment: exit 1" 1 "$BIN/pgwal" --json -k -p "$W/w16"
	jqok "pgwal --json -k missing segment: skipped to 0E, its records follow" "$TMP/out" \
		'(map(has("damage")) | index(true)) as $i | .[$i].damage == "wal_missing_segment" and
		 .[$i + 1].damage == "wal_skipped" and .[$i + 1].skipped_from < "0/D00000" and .[$i + 1].skipped_to > "0/E00000" and
		 .[$i + 2].start_lsn == .[$i + 1].skipped_to and .[$i + 2].segment == "00000001000000000000000E" and
		 ([.[] | select(.segment == "000000010000000000000011" and has("start_lsn"))] | length) > 0'
	# the man page's two jq lines: records only, damage only
	nr=$(jq -c 'select(has("resource_manager"))' "$TMP/out" | wc -l)
	nd=$(jq -c 'select(has("damage"))' "$TMP/out" | wc -l)
	[ "$nr" -eq "$(nrec -k -p "$W/w16")" ] && [ "$nd" -eq 2 ] && [ $((nr + nd)) -eq "$(wc -l <"$TMP/out")" ] &&
		pass "pgwal --json -k missing segment: man page jq lines ($nr records, $nd damage)" ||
		fail "pgwal --json -k missing segment: man page jq lines" "$nr records, $nd damage, $(wc -l <"$TMP/out") lines"
	# a segment whose gzip stream is corrupt: the input's finding at the
	# segment's first page, in the stream
	cp testdata/pg16/data/pg_wal/00000001000000000000000D.gz "$W/w16/"
	printf '0123456789abcdef0123456789abcdef' | dd of="$W/w16/00000001000000000000000E.gz" bs=1 seek=20000 conv=notrunc 2>/dev/null
	check "pgwal --json -k corrupt gzip segment: exit 1" 1 "$BIN/pgwal" --json -k -p "$W/w16"
	jqok "pgwal --json -k corrupt gzip segment: damage object, then 0F's records" "$TMP/out" \
		'(map(has("damage")) | index(true)) as $i | (.[$i] | .damage == "gzip_error" and .lsn == "0/E00000" and
		 .segment == "00000001000000000000000E" and .diagnostics[0].code == "gzip_error") and
		 .[$i + 1].damage == "wal_skipped" and .[$i + 2].start_lsn == .[$i + 1].skipped_to and
		 .[$i + 2].segment == "00000001000000000000000F"'
fi

# -p DIR STARTSEG [ENDSEG]: exactly those segments, as pg_waldump reads
# them (issue 10, item 8): the text equals pg_waldump's own lines of the
# range, not the whole directory; STARTSEG alone is that one segment
oracle_cat "testdata/pg$M/oracle/pg_waldump.txt" >"$TMP/waldump.txt"
inrange() { awk -v a="$1" -v b="$2" '{l = $10; sub(/,$/, "", l); if (l >= a && l < b) print}' "$TMP/waldump.txt"; }
inrange 0/03000000 0/05000000 >"$TMP/want"
"$BIN/pgwal" -p "$DATA" 000000010000000000000003 000000010000000000000004 >"$TMP/out" 2>"$TMP/err"
if [ -s "$TMP/want" ] && cmp -s "$TMP/out" "$TMP/want"; then pass "pgwal -p DIR STARTSEG ENDSEG = pg_waldump's range ($(wc -l <"$TMP/out") records)"
else fail "pgwal -p DIR STARTSEG ENDSEG = pg_waldump's range" "$(wc -l <"$TMP/out") lines, pg_waldump $(wc -l <"$TMP/want")"; fi
inrange 0/03000000 0/04000000 >"$TMP/want"
"$BIN/pgwal" -p "$DATA/pg_wal" 000000010000000000000003.gz >"$TMP/out" 2>"$TMP/err"
if [ -s "$TMP/want" ] && cmp -s "$TMP/out" "$TMP/want"; then pass "pgwal -p DIR STARTSEG is that segment ($(wc -l <"$TMP/out") records)"
else fail "pgwal -p DIR STARTSEG is that segment" "$(wc -l <"$TMP/out") lines, pg_waldump $(wc -l <"$TMP/want")"; fi
check "pgwal -p DIR nonexistentfile" 2 "$BIN/pgwal" -q -p "$DATA/pg_wal" nonexistentfile
expect "pgwal -p DIR nonexistentfile message" "$TMP/err" 'could not open file "nonexistentfile"'
check "pgwal -p DIR absent segment" 2 "$BIN/pgwal" -q -p "$DATA" 000000010000000000000009
check "pgwal -p DIR ENDSEG before STARTSEG" 2 "$BIN/pgwal" -q -p "$DATA" 000000010000000000000004 000000010000000000000003
check "pgwal -p DIR three segments" 2 "$BIN/pgwal" -q -p "$DATA" 000000010000000000000002 000000010000000000000003 000000010000000000000004

# a segment stored under another's name (an archive mix-up): 02's bytes as
# 04, between real 03 and 05.  Damage naming the file and both addresses,
# never a quiet end; -k reads 05 after it; a recycled segment at the end of
# the directory (nothing real after it) stays the end of the WAL
mkdir -p "$TMP/mix"
cp "$DATA/pg_wal/000000010000000000000002.gz" "$DATA/pg_wal/000000010000000000000003.gz" \
	"$DATA/pg_wal/000000010000000000000005.gz" "$TMP/mix/"
cp "$DATA/pg_wal/000000010000000000000002.gz" "$TMP/mix/000000010000000000000004.gz"
check "pgwal segment under another's name: exit 1" 1 "$BIN/pgwal" -q -p "$TMP/mix"
expect "pgwal segment under another's name: message" "$TMP/err" \
	'lsn 0/4000000: .*000000010000000000000004.gz holds segment 000000010000000000000002 \(xlp_pageaddr 0/2000000, xlp_tli 1\), not that of its name \(0/4000000, tli 1\); stopped, -k reads on'
check "pgwal -k past a segment under another's name" 1 "$BIN/pgwal" --json -k -r XLOG -p "$TMP/mix"
expect "pgwal -k past it reads 05" "$TMP/out" '"segment":"000000010000000000000005"'
check "pgwal segment under another's name, named as FILE" 1 "$BIN/pgwal" -q "$TMP/mix/000000010000000000000004.gz"
check "pgwal segment under another's name, as STARTSEG" 1 "$BIN/pgwal" -q -p "$TMP/mix" 000000010000000000000004
rm "$TMP/mix/000000010000000000000005.gz"
check "pgwal recycled segment last in the directory: the end" 0 "$BIN/pgwal" -q -p "$TMP/mix"
expect "pgwal recycled segment last: notice" "$TMP/err" "end of WAL \(recycled page \(address 0/2000000\)"
rm -r "$TMP/mix"

# --stats with a filter starts where reading started, as pg_waldump 15+
# (item 9): the unfiltered stats' first LSN; it ends at the last record
# counted
first=$(sed -n '1s/^WAL statistics between \([^ ]*\) and.*/\1/p' "testdata/pg$M/oracle/pg_waldump_stats.txt")
lastheap=$(jq -r 'select(.resource_manager == "Heap") | .end_lsn' "$TMP/wal_oracle.jsonl" | tail -1)
"$BIN/pgwal" -z -r Heap -p "$DATA" -s "$S" -e "$E" >"$TMP/out" 2>"$TMP/err"
expect "pgwal -z -r Heap: between the first record read and the last Heap one" "$TMP/out" \
	"^WAL statistics between $first and $lastheap:\$"
check "pgwal --stats=record (pg_waldump's spelling)" 0 "$BIN/pgwal" --stats=record -p "$DATA" -s "$S" -e "$E"
expect "pgwal --stats=record per record type" "$TMP/out" '^Heap/INSERT '

# SIGPIPE ignored, "| head -1": the first failed write of stdout ends the
# tool (exit 2, said once), before it reads on to the end of the WAL (whose
# notice would be on stderr); the shared output layer, so pgpage too
# (/dev/zero would otherwise be read on)
( trap '' PIPE; "$BIN/pgwal" -p testdata/pg17/data 2>"$TMP/err"; echo $? >"$TMP/rc" ) | head -1 >/dev/null
[ "$(cat "$TMP/rc")" -eq 2 ] && pass "pgwal | head -1, SIGPIPE ignored: exit 2" ||
	fail "pgwal | head -1, SIGPIPE ignored: exit 2" "exit $(cat "$TMP/rc")"
expect "pgwal | head -1, SIGPIPE ignored: write error" "$TMP/err" "error writing standard output"
expect_not "pgwal | head -1, SIGPIPE ignored: stops before the end of WAL" "$TMP/err" "end of WAL"
( trap '' PIPE; timeout 60 "$BIN/pgpage" /dev/zero 2>"$TMP/err"; echo $? >"$TMP/rc" ) | head -1 >/dev/null
[ "$(cat "$TMP/rc")" -eq 2 ] && pass "pgpage /dev/zero | head -1, SIGPIPE ignored: exit 2" ||
	fail "pgpage /dev/zero | head -1, SIGPIPE ignored: exit 2" "exit $(cat "$TMP/rc")"
expect "pgpage | head -1, SIGPIPE ignored: write error" "$TMP/err" "error writing standard output"
