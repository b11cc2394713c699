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

# --- a wrong column list is a finding, not a silent misreading -----------
dead="testdata/pg$M/data/$(oracle_cat "$REL" | jq -r 'select(.relname == "dead_tbl") | .file').gz"
check "values: the right list for dead_tbl" 0 "$BIN/pgpage" -b 0 -T 'id:int4,v:text' "$dead"
# a text column read as real: 4 bytes taken, the rest of the text left over
check "values: text read as real is damage" 1 "$BIN/pgpage" -b 0 -T 'id:int4,v:real' "$dead"
expect "values: bytes left over finding" "$TMP/err" "^pgpage: $dead: block 0: item 1: invalid column value \([0-9]+ bytes left after the last column \(8 of [0-9]+ bytes of data read\): the column list does not match the tuple\)$"
check "values: a column too few is damage" 1 "$BIN/pgpage" -b 0 -T 'id:int4' "$dead"
expect "values: a column too few finding" "$TMP/err" 'tuple has 2 attributes, the column list 1'
# a column running past the tuple: an int8 where an int4 ends the data
check "values: a column past the tuple is damage" 1 "$BIN/pgpage" -b 0 -T 'v:text,id:int8' "$dead"

# -T takes the types as format_type() prints them (relations.jsonl's
# "type"), typmods with commas included, for every table of every major
for MM in $(majors); do
	oracle_cat "testdata/pg$MM/oracle/relations.jsonl" | jq -r 'select(.relkind == "r" and .nspname == "public") |
		"\(.file)\t\(.toast_file // "")\t\([.columns[] | if .attisdropped then "~raw(\(.attlen),\(.attalign))" else "\(.attname):\(.type)" end] | join(","))"' |
	while IFS='	' read -r f tf spec; do
		set -- -T "$spec"
		for x in "testdata/pg$MM/data/$tf" "testdata/pg$MM/data/$tf.gz"; do
			[ -n "$tf" ] && [ -f "$x" ] && set -- "$@" --toast "$x"
		done
		if ! "$BIN/pgpage" "$@" "testdata/pg$MM/data/$f.gz" >/dev/null 2>"$TMP/ft.err" ||
			[ -s "$TMP/ft.err" ]; then
			echo "pg$MM $f: $(head -c 200 "$TMP/ft.err")"
		fi
	done
done >"$TMP/formattype"
if [ -s "$TMP/formattype" ]; then
	fail "values: format_type spellings read every table clean" "$(head -3 "$TMP/formattype")"
else
	pass "values: format_type spellings read every table clean"
fi
for t in 'varchar(20)' 'character varying(20)' 'numeric(10,2)' 'character(5)' 'bpchar(5)' \
	'timestamp(3) with time zone' 'timestamp without time zone' 'time(2) without time zone' \
	'double precision' 'bit varying(5)' 'bit(3)' 'interval(3)' 'interval day to second(2)' \
	'integer' 'smallint' 'bigint' 'boolean' 'real' 'integer[]' 'character varying(20)[]' \
	'numeric(10,2)[]' '"char"'; do
	if "$BIN/pgpage" -b 0 -i 1 -T "id:int4,x:$t,~raw(-1,i)" "$dead" >/dev/null 2>"$TMP/err" ||
		! grep -q 'invalid --types' "$TMP/err"; then
		pass "values: -T accepts $t"
	else
		fail "values: -T accepts $t" "$(head -c 200 "$TMP/err")"
	fi
done
check "values: unbalanced typmod is a usage error" 2 "$BIN/pgpage" -T 'id:int4,v:numeric(10,2' "$dead"

# --- text quoting: NULL, '' and 'NULL' stay apart --------------------------
check "values: text form of types_tbl" 0 "$BIN/pgpage" -T "$(oracle_cat "$REL" | jq -r 'select(.relname == "types_tbl") | [.columns[] | "\(.attname):\(.type)"] | join(",")')" \
	"testdata/pg$M/data/$(oracle_cat "$REL" | jq -r 'select(.relname == "types_tbl") | .file').gz"
expect "values: empty text quoted" "$TMP/out" " c_text='' "
expect "values: spaces quoted" "$TMP/out" " c_ts='[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+( BC)?' "
expect "values: safe value bare" "$TMP/out" "^      id=1 c_bool=true "
expect "values: SQL NULL bare" "$TMP/out" " c_text=NULL "
# the JSON form is untouched
check "values: JSON form" 0 "$BIN/pgpage" -j -b 0 -i 1 -T 'id:int4,v:text' "$dead"
expect "values: JSON value unquoted" "$TMP/out" '"values":\{"id":"1","v":"[^'"'"']*"\}'
