# pgwal -D, -R NAME, --names, --decode-rows, --xacts, --since/--until on
# the command line: usage errors, a relation selected by name (held against
# -R T/D/R of its file), a data directory that is not one, a catalog whose
# pg_class is damaged, a database missing from the data directory (one
# notice, names null), and a record whose tuple cannot be rebuilt (said).
. tests/lib.sh

M=16
DATA=testdata/pg$M/data
ORA=testdata/pg$M/oracle
if [ ! -f "$ORA/meta.json" ]; then
	fail "pgwal names: fixture" "$ORA/meta.json missing"
	return 0 2>/dev/null || exit 0
fi

check "pgwal --names without -D" 2 "$BIN/pgwal" -p "$DATA" --names
expect "pgwal --names without -D: message" "$TMP/err" 'need -D DIR'
check "pgwal -R name without -D" 2 "$BIN/pgwal" -p "$DATA" -R public.hot_tbl
expect "pgwal -R name without -D: message" "$TMP/err" 'expected T/D/R, or a name with -D'
check "pgwal --xacts --stats" 2 "$BIN/pgwal" -p "$DATA" --xacts --stats
check "pgwal --since bad" 2 "$BIN/pgwal" -p "$DATA" --since yesterday
expect "pgwal --since bad: message" "$TMP/err" 'invalid timestamp'
first=$(ls "$DATA/pg_wal" | head -1)
check "pgwal --since from stdin" 2 sh -c "gzip -dc '$DATA/pg_wal/$first' | '$BIN/pgwal' --since '2000-01-01' -"
check "pgwal -D not a data directory" 2 "$BIN/pgwal" -p "$DATA" -D "$TMP"
expect "pgwal -D not a data directory: message" "$TMP/err" 'PG_VERSION'
check "pgwal -R no such table" 2 "$BIN/pgwal" -p "$DATA" -D "$DATA" -R public.no_such_table
expect "pgwal -R no such table: message" "$TMP/err" 'no_such_table: no such relation'

# -R NAME selects what -R T/D/R of its file selects, and its TOAST table's
file=$(oracle_cat "$ORA/relations.jsonl" | jq -r 'select(.nspname == "public" and .relname == "toasty") | .file')
tfile=$(oracle_cat "$ORA/relations.jsonl" | jq -r 'select(.nspname == "public" and .relname == "toasty") | .toast_file')
rel="1663/$(echo "$file" | cut -d/ -f2)/$(echo "$file" | cut -d/ -f3)"
trel="1663/$(echo "$tfile" | cut -d/ -f2)/$(echo "$tfile" | cut -d/ -f3)"
a=$("$BIN/pgwal" -p "$DATA" -R "$rel" 2>/dev/null | wc -l)
b=$("$BIN/pgwal" -p "$DATA" -R "$trel" 2>/dev/null | wc -l)
both=$("$BIN/pgwal" -p "$DATA" -D "$DATA" -R toasty 2>/dev/null | wc -l)
if [ "$a" -gt 0 ] && [ "$b" -gt 0 ] && [ "$both" -ge "$a" ] && [ "$both" -ge "$b" ] && [ "$both" -le $((a + b)) ]; then
	pass "pgwal -R toasty ($both records: $a of the table, $b of its TOAST table)"
else
	fail "pgwal -R toasty" "$both records; $a of $rel, $b of $trel"
fi
c=$("$BIN/pgwal" -p "$DATA" -D "$DATA" -R public.toasty --with-indexes 2>/dev/null | wc -l)
if [ "$c" -gt "$both" ]; then pass "pgwal -R toasty --with-indexes ($c records)"; else fail "pgwal --with-indexes" "$c records, $both without"; fi
check "pgwal -d and -R" 0 "$BIN/pgwal" -p "$DATA" -D "$DATA" -d 16384 -R toasty -q

# a database the data directory does not hold: names null, one notice
check "pgwal -D, databases absent" 0 "$BIN/pgwal" -p "$DATA" -D "$DATA" -j
n=$(grep -c 'relations left unnamed' "$TMP/err")
if [ "$n" -eq 1 ]; then pass "pgwal -D: one notice for the databases absent"; else fail "pgwal -D absent" "$n notices"; fi
expect "pgwal -D: unnamed is null" "$TMP/out" '"dboid":16597,.*"relname":null'

# pg_class damaged: its finding, names of what is still readable, exit 1
mkdir -p "$TMP/pgd/base/16384" "$TMP/pgd/global"
cp "$DATA/PG_VERSION" "$TMP/pgd/"
cp "$DATA"/global/* "$TMP/pgd/global/"
for f in "$DATA"/base/16384/*; do ln -s "$PWD/$f" "$TMP/pgd/base/16384/"; done
cls=$(oracle_cat "$ORA/relations.jsonl" | jq -r 'select(.relname == "pg_class") | .file' | cut -d/ -f3)
rm -f "$TMP/pgd/base/16384/$cls" "$TMP/pgd/base/16384/$cls.gz"
if [ -f "$DATA/base/16384/$cls.gz" ]; then gzip -dc "$DATA/base/16384/$cls.gz"; else cat "$DATA/base/16384/$cls"; fi >"$TMP/pgd/base/16384/$cls"
printf '\377\377\377\377' | dd of="$TMP/pgd/base/16384/$cls" bs=1 seek=8 conv=notrunc 2>/dev/null
check "pgwal -D, pg_class damaged" 1 "$BIN/pgwal" -p "$DATA" -D "$TMP/pgd" -j -n 100
expect "pgwal -D, pg_class damaged: the finding names the file" "$TMP/err" "pgd/base/16384/$cls: block 0"

# --decode-rows: text shows rows; an unrebuildable tuple says why
"$BIN/pgwal" -p "$DATA" -D "$DATA" --decode-rows -R hot_tbl -n 5 >"$TMP/out" 2>"$TMP/err"
expect "pgwal --decode-rows text" "$TMP/out" 'ctid=\(0,1\) new=\{id=1 k=1 '
"$BIN/pgwal" -p "$DATA" -D "$DATA" --decode-rows -j -r Heap -s "$(jq -r '.steps[] | select(.step == "hot_updates") | .lsn_before' "$ORA/meta.json")" \
	>"$TMP/out" 2>/dev/null
expect "pgwal --decode-rows: HOT updates" "$TMP/out" '"record_type":"HOT_UPDATE".*"new":\{"id":'
# starting after the full page images, a compressed update cannot be rebuilt
s=$(jq -r '.steps[] | select(.step == "dml") | .lsn_before' "$ORA/meta.json")
"$BIN/pgwal" -p "$DATA" -D "$DATA" --decode-rows -j -r Heap -s "$s" >"$TMP/out" 2>/dev/null
nw=$(jq -s '[.[] | .rows[]? | select(.new_why != null and (.new_why | test("no earlier full page image")))] | length' "$TMP/out")
nb=$(jq -s '[.[] | .rows[]? | select(.new_source == "page")] | length' "$TMP/out")
echo "pgwal --decode-rows from the dml step: $nb new tuples rebuilt from followed pages, $nw said not rebuilt"
if [ $((nw + nb)) -gt 0 ]; then pass "pgwal --decode-rows: prefix/suffix updates rebuilt or said ($nb, $nw)"; else fail "pgwal --decode-rows prefix/suffix" "none seen"; fi

# --xacts text and JSON
check "pgwal --xacts" 0 "$BIN/pgwal" -p "$DATA" -D "$DATA" --xacts
expect "pgwal --xacts text" "$TMP/out" '^xid=[0-9]+ status=committed first_lsn=[0-9A-F]+/[0-9A-F]+ end_lsn='
expect "pgwal --xacts names" "$TMP/out" 'name=public.hot_tbl inserted=[0-9]+'
