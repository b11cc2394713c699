# pgpage -T/--types and --toast over the fixtures: usage errors, values of
# a TOASTed table, and damage: a TOAST relation with a chunk renumbered, a
# column list too short, no TOAST relation given, a corrupt pglz stream and
# a varlena header past the tuple (made from the real page).  Each is a
# finding in the one diagnostic form, and the scan goes on.
. tests/lib.sh

M=15
REL="testdata/pg$M/oracle/relations.jsonl"
row=$(oracle_cat "$REL" | jq -r 'select(.relname == "toasty" and .nspname == "public") | "\(.file) \(.toast_file)"')
heap="testdata/pg$M/data/${row% *}.gz"
toast="testdata/pg$M/data/${row#* }.gz"
spec='id:int4,t_inline:text,t_ext:text,t_extc:text,b_ext:bytea'
if [ ! -f "$heap" ] || [ ! -f "$toast" ]; then
	fail "values: fixture" "toasty of pg$M not found"
	return 0 2>/dev/null || exit 0
fi

check "values: bad --types is a usage error" 2 "$BIN/pgpage" -T 'int4,nosuchtype' "$heap"
expect "values: bad --types message" "$TMP/err" '^pgpage: invalid --types "int4,nosuchtype": column 2: unknown type "nosuchtype"$'
expect "values: bad --types try line" "$TMP/err" 'Try "pgpage --help"'
check "values: --toast without --types" 2 "$BIN/pgpage" --toast "$toast" "$heap"
check "values: --toast that cannot be opened" 2 "$BIN/pgpage" -T "$spec" --toast "$TMP/nonexistent" "$heap"

check "values: toasty decodes cleanly" 0 "$BIN/pgpage" -j -T "$spec" --toast "$toast" "$heap"
jq -r '.items[] | select(.values) | [.values.id, (.values.t_ext // "NULL" | length), (.values.t_extc // "NULL" | length)] | @tsv' "$TMP/out" >"$TMP/vals"
expect "values: external values fetched" "$TMP/vals" '^2	[0-9]{4,}	4$'
check "values: text form" 0 "$BIN/pgpage" -T "$spec" --toast "$toast" "$heap"
expect "values: text values line" "$TMP/out" '^      id=5 t_inline=short t_ext=short t_extc=short b_ext=\\x01$'

# no TOAST relation: each external value is a finding, the others print
check "values: no --toast is damage" 1 "$BIN/pgpage" -j -T "$spec" "$heap"
expect "values: no --toast finding" "$TMP/err" "^pgpage: $heap: block 0: item 2: TOAST value unavailable \(value [0-9]+ is in TOAST relation [0-9]+, which was not given\)$"
expect "values: no --toast, inline values still there" "$TMP/out" '"t_inline":"short"'

# a column list too short for the tuples
check "values: short column list is damage" 1 "$BIN/pgpage" -T 'id:int4,t_inline:text' "$heap"
expect "values: short column list finding" "$TMP/err" 'tuple has 5 attributes, the column list 2'

# chunk 1 of a value renumbered 7 in a copy of the TOAST relation
gzip -dc "$toast" >"$TMP/toast"
off=$("$BIN/pgpage" -j "$TMP/toast" | jq -r '.blkno as $b | .items[]? | select(.t_data != null and (.t_data[10:18] == "01000000")) | $b * 8192 + .lp_off + .t_hoff + 4' | head -1)
if [ -n "$off" ]; then
	printf '\007' | dd of="$TMP/toast" bs=1 seek="$off" conv=notrunc 2>/dev/null
	check "values: renumbered chunk is damage" 1 "$BIN/pgpage" -j -T "$spec" --toast "$TMP/toast" "$heap"
	expect "values: renumbered chunk finding" "$TMP/err" 'TOAST value unavailable \(value [0-9]+: (chunk 1 missing|unexpected chunk 7)'
	expect "values: renumbered chunk, other values read" "$TMP/out" '"t_inline":"short"'
else
	fail "values: renumbered chunk" "no chunk 1 found in $toast"
fi

# Damage inside a value, made from the real page: item 1 of toasty holds an
# inline pglz-compressed text (4-byte header, 4-byte raw size and method,
# then the pglz stream) right after the int4 id.
mkdir -p "$TMP/vd"
gzip -dc "$heap" >"$TMP/vd/page"
set -- $("$BIN/pgpage" -j -b 0 "$TMP/vd/page" | jq -r '.items[] | select(.lp == 1) | "\(.lp_off) \(.t_hoff)"')
att=$(( $1 + $2 + 4 ))
# the compressed stream overwritten: pglz cannot decode it
cp "$TMP/vd/page" "$TMP/vd/pglz"
printf '\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' |
	dd of="$TMP/vd/pglz" bs=1 seek=$((att + 12)) conv=notrunc 2>/dev/null
check "values: corrupt pglz data is damage" 1 "$BIN/pgpage" -b 0 -T "$spec" --toast "$toast" "$TMP/vd/pglz"
expect "values: corrupt pglz finding" "$TMP/err" "^pgpage: $TMP/vd/pglz: block 0: item 1: compressed value does not decompress \(pglz: "
expect "values: corrupt pglz, next item still decoded" "$TMP/out" '^      id=5 t_inline=short'
check "values: corrupt pglz, --check -T exit 1" 1 "$BIN/pgpage" --check -b 0 -T "$spec" --toast "$toast" "$TMP/vd/pglz"
# the varlena header of that value claims 512 MB
cp "$TMP/vd/page" "$TMP/vd/varlena"
printf '\370\377\377\177' | dd of="$TMP/vd/varlena" bs=1 seek="$att" conv=notrunc 2>/dev/null
check "values: bad varlena header is damage" 1 "$BIN/pgpage" -b 0 -T "$spec" --toast "$toast" "$TMP/vd/varlena"
expect "values: bad varlena header finding" "$TMP/err" "^pgpage: $TMP/vd/varlena: block 0: item 1: invalid column value \(varlena of [0-9]+ bytes, [0-9]+ left in the tuple\)$"
expect "values: bad varlena header, next item still decoded" "$TMP/out" '^      id=5 t_inline=short'
