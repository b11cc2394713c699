# Every tool under valgrind on real fixture files and on damage: no invalid
# read or write, no use of uninitialised bytes, no leak.  (Run once, on the
# normal build: valgrind and the ASan build do not mix, and ASan covers
# the rest of the suite.)
. tests/lib.sh

[ -z "${ASAN_RUN:-}" ] || { return 0 2>/dev/null || exit 0; }
if ! command -v valgrind >/dev/null; then
	fail "valgrind" "valgrind is not installed (apt-get install valgrind)"
	return 0 2>/dev/null || exit 0
fi

vg() {
	name=$1; shift
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		"$@" >/dev/null 2>"$TMP/vg.err"
	rc=$?
	if [ $rc -eq 99 ]; then fail "valgrind $name" "$(grep -m3 '==' "$TMP/vg.err" | tr '\n' ' ')"
	else pass "valgrind $name"; fi
}

D=testdata/pg16/data
rel() { oracle_cat testdata/pg16/oracle/relations.jsonl | jq -r --arg n "$1" 'select(.relname == $n) | .file'; }
heap=$D/$(rel hot_tbl).gz
idx=$D/$(rel wide_keys_k_idx).gz
seg=$(ls $D/pg_wal/*.gz | head -n 1)

head -c 20000 /dev/urandom >"$TMP/vg.noise"
for t in pgpage pgbtree pgfsm pgvm; do
	for f in json text; do
		o=; [ $f = json ] && o=--json
		vg "$t $f heap" "$BIN/$t" $o "$heap"
		vg "$t $f index" "$BIN/$t" $o "$idx"
		vg "$t $f fsm" "$BIN/$t" $o "${heap%.gz}_fsm.gz"
		vg "$t $f vm" "$BIN/$t" $o "${heap%.gz}_vm.gz"
	done
	vg "$t noise" "$BIN/$t" --json "$TMP/vg.noise"
done
vg "pgpage -k pg_control" "$BIN/pgpage" -k --json "$D/global/pg_control"
vg "pgwal json" "$BIN/pgwal" --json "$seg"
vg "pgwal text" "$BIN/pgwal" "$seg"
vg "pgwal noise" "$BIN/pgwal" "$TMP/vg.noise"
