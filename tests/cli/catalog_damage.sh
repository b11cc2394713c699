# The catalog read from disk (-D) on damaged and partial copies of real
# fixtures: a flipped bit in a pg_class page, a pg_filenode.map with a
# bad CRC, a missing pg_attribute file, a missing pg_xact: a diagnostic
# naming the file, exit 1, what can still be read is; a partial copy
# (no pg_wal, no other database) is at most a notice.  No crash (this
# script runs under ASan too).
. tests/lib.sh

# copy DATA's files the catalog needs into $TMP/c (the rest stays out)
copy_cluster() {
	rm -rf "$TMP/c"
	mkdir -p "$TMP/c/base"
	cp -R "$1/PG_VERSION" "$1/global" "$1/pg_xact" "$TMP/c/"
	cp -R "$1/base/$2" "$TMP/c/base/"
	[ -d "$1/pg_tblspc" ] && cp -RP "$1/pg_tblspc" "$TMP/c/"
	chmod -R u+w "$TMP/c"
}


# poke FILE OFF B0 B1 ...: write the bytes (decimal) at OFF
poke() {
	pf=$1 po=$2; shift 2
	for pb in "$@"; do
		printf "$(printf '\\%03o' "$pb")" | dd of="$pf" bs=1 seek="$po" conv=notrunc 2>/dev/null
		po=$((po + 1))
	done
}
# peek FILE OFF N: N bytes at OFF as one little-endian number
peek() {
	od -An -tu1 -j "$2" -N "$3" "$1" | awk '{v = 0; for (i = NF; i >= 1; i--) v = v * 256 + $i; print v}'
}

for M in 10 15 18; do
	DATA=testdata/pg$M/data
	[ -d "$DATA/base/16384" ] || continue
	DB=16384
	n_clean=$("$BIN/pgpage" -D "$DATA" -d $DB --list --json 2>/dev/null | wc -l)

	# partial copy: no pg_wal, no other database: clean, silent
	copy_cluster "$DATA" $DB
	check "pg$M catalog: partial copy --list exits 0" 0 "$BIN/pgpage" -D "$TMP/c" -d $DB --list
	expect_not "pg$M catalog: partial copy is silent" "$TMP/err" "."

	# a flipped bit in pd_upper of pg_class's block 0: that page is lost,
	# the others are read
	f=$("$BIN/pgpage" -D "$TMP/c" -d $DB --list --json | jq -r 'select(.oid == 1259) | .filepath')
	flip "$TMP/c/$f" 15 6
	check "pg$M catalog: damaged pg_class page exits 1" 1 "$BIN/pgpage" -D "$TMP/c" -d $DB --list --json
	expect "pg$M catalog: damaged pg_class page named" "$TMP/err" "^pgpage: $TMP/c/$f: block 0: "
	n=$(wc -l <"$TMP/out")
	[ "$n" -gt 0 ] && [ "$n" -lt "$n_clean" ] &&
		pass "pg$M catalog: the other pg_class pages still read ($n of $n_clean rows)" ||
		fail "pg$M catalog: the other pg_class pages still read" "$n rows of $n_clean"

	# pg_filenode.map with a bad CRC: said, its mappings still used
	copy_cluster "$DATA" $DB
	# the CRC: after 62 mappings and before 4 bytes of padding up to 15,
	# the last 4 bytes from 16 (64 mappings, no padding)
	sz=$(wc -c <"$TMP/c/base/$DB/pg_filenode.map")
	[ "$sz" -eq 512 ] && off=504 || off=$((sz - 4))
	flip "$TMP/c/base/$DB/pg_filenode.map" $off 0
	check "pg$M catalog: bad map CRC exits 1" 1 "$BIN/pgpage" -D "$TMP/c" -d $DB --list --json
	expect "pg$M catalog: bad map CRC named" "$TMP/err" "^pgpage: $TMP/c/base/$DB/pg_filenode.map: relation map file CRC mismatch"
	[ "$(wc -l <"$TMP/out")" -eq "$n_clean" ] && pass "pg$M catalog: bad map CRC: every relation still listed" ||
		fail "pg$M catalog: bad map CRC: every relation still listed" "$(wc -l <"$TMP/out") of $n_clean"

	# pg_attribute missing: said; relations still listed, values not decoded
	copy_cluster "$DATA" $DB
	f=$("$BIN/pgpage" -D "$TMP/c" -d $DB --list --json | jq -r 'select(.oid == 1249) | .filepath')
	rm -f "$TMP/c/$f" "$TMP/c/$f.gz"
	check "pg$M catalog: no pg_attribute: --list exits 1" 1 "$BIN/pgpage" -D "$TMP/c" -d $DB --list --columns --json
	expect "pg$M catalog: no pg_attribute named" "$TMP/err" "^pgpage: $TMP/c/$f: file missing"
	[ "$(wc -l <"$TMP/out")" -eq "$n_clean" ] && pass "pg$M catalog: no pg_attribute: every relation still listed" ||
		fail "pg$M catalog: no pg_attribute: every relation still listed" "$(wc -l <"$TMP/out") of $n_clean"
	t=$(oracle_cat testdata/pg$M/oracle/relations.jsonl | jq -r 'select(.relkind == "r" and .nspname == "public") | .relname' | head -1)
	check "pg$M catalog: no pg_attribute: --relation exits 1" 1 "$BIN/pgpage" -D "$TMP/c" -d $DB --relation "$t" --json
	expect "pg$M catalog: no pg_attribute: pages still read" "$TMP/out" '"kind":"heap"'

	# pg_xact gone: at worst a finding (rows without hint bits taken as committed)
	rm -rf "$TMP/c/pg_xact"
	"$BIN/pgpage" -D "$TMP/c" -d $DB --list >"$TMP/out" 2>"$TMP/err"
	rc=$?
	[ $rc -le 1 ] && pass "pg$M catalog: no pg_xact: exit $rc, no crash" ||
		fail "pg$M catalog: no pg_xact: no crash" "exit $rc: $(head -c 300 "$TMP/err")"

	# a damaged pg_class page under pgbtree/pgfsm/pgvm --relation: no crash
	for tool in pgfsm pgvm; do
		"$BIN/$tool" -D "$TMP/c" -d $DB --relation "$t" >/dev/null 2>"$TMP/err"
		rc=$?
		[ $rc -le 1 ] && pass "pg$M catalog: $tool --relation on a damaged copy: exit $rc" ||
			fail "pg$M catalog: $tool --relation on a damaged copy" "exit $rc: $(head -c 300 "$TMP/err")"
	done

	# a table "dropped" by hand: its pg_class row's xmax set to its own
	# (committed) xmin, so the row is a dead version: --list leaves the
	# table out, --catalog-versions shows its last definition, with xmax
	copy_cluster "$DATA" $DB
	"$BIN/pgpage" -D "$TMP/c" -d $DB --list --catalog-versions --json >"$TMP/ver" 2>/dev/null
	jq -c --arg t "$t" 'select(.relname == $t and .nspname == "public")' "$TMP/ver" >"$TMP/row"
	ctid=$(jq -r .ctid "$TMP/row"); xmin=$(jq -r .xmin "$TMP/row"); oid=$(jq -r .oid "$TMP/row")
	blk=$(echo "$ctid" | tr -d '()' | cut -d, -f1); lp=$(echo "$ctid" | tr -d '()' | cut -d, -f2)
	f=$(jq -r 'select(.oid == 1259) | .filepath' "$TMP/ver")
	flip "$TMP/c/$f" 0 0; flip "$TMP/c/$f" 0 0		# unpacked, unchanged
	page=$((blk * 8192))
	lpoff=$(( $(peek "$TMP/c/$f" $((page + 24 + (lp - 1) * 4)) 4) & 0x7fff ))
	tup=$((page + lpoff))
	poke "$TMP/c/$f" $((tup + 4)) $((xmin & 255)) $(((xmin >> 8) & 255)) $(((xmin >> 16) & 255)) $(((xmin >> 24) & 255))
	# t_infomask: no XMAX_INVALID, XMAX_COMMITTED, LOCK_ONLY, IS_MULTI, lock bits
	im=$(( $(peek "$TMP/c/$f" $((tup + 20)) 2) & ~(0x0800 | 0x0400 | 0x0080 | 0x1000 | 0x0040 | 0x0010) ))
	poke "$TMP/c/$f" $((tup + 20)) $((im & 255)) $(((im >> 8) & 255))
	"$BIN/pgpage" -D "$TMP/c" -d $DB --list --catalog-versions --json >"$TMP/out" 2>"$TMP/err"
	rc=$?
	[ $rc -le 1 ] && jq -s -e --argjson o "$oid" --argjson x "$xmin" 'map(select(.oid == $o and .xmax == $x and (.visible | not))) | length == 1' "$TMP/out" >/dev/null &&
		pass "pg$M catalog: --catalog-versions shows the deleted pg_class row of $t ($ctid, xmax $xmin)" ||
		fail "pg$M catalog: --catalog-versions shows the deleted pg_class row" "exit $rc, $t $ctid: $(jq -c --argjson o "$oid" 'select(.oid == $o)' "$TMP/out")"
	"$BIN/pgpage" -D "$TMP/c" -d $DB --list --json >"$TMP/out" 2>/dev/null
	jq -s -e --argjson o "$oid" 'map(select(.oid == $o)) | length > 0' "$TMP/out" >/dev/null &&
		fail "pg$M catalog: --list leaves the deleted table out" "$t still listed" ||
		pass "pg$M catalog: --list leaves the deleted table out"
done

# usage: the catalog options' errors
check "pgbtree --relation without -d" 2 "$BIN/pgbtree" -D testdata/pg15/data --relation x
expect "pgbtree --relation without -d says so" "$TMP/err" "--relation needs -d DBNAME"
check "pgvm -d without --relation" 2 "$BIN/pgvm" -D testdata/pg15/data -d 16384
check "pgfsm --relation with a FILE" 2 "$BIN/pgfsm" -D testdata/pg15/data -d 16384 --relation x y
check "pgbtree --relation of a table" 2 "$BIN/pgbtree" -D testdata/pg15/data -d 16384 --relation pg_class
expect "pgbtree --relation of a table: not an index" "$TMP/err" "not an index"
check "pgpage --catalog-versions without --list" 2 "$BIN/pgpage" -D testdata/pg15/data -d 16384 --catalog-versions
