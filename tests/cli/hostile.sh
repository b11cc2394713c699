# Hostile input for every tool: noise, truncations, and real fixture pages
# with their header, line pointers or contents overwritten.  Whatever the
# bytes say, each tool ends with 0, 1 or 2 (never a crash, a hang or a
# sanitizer finding: under the ASan build those exit 99), within a time
# limit, and says what it found on stderr in the one diagnostic form.
. tests/lib.sh

# Once, on the ASan+UBSan build, where a memory error cannot hide.
[ -n "${ASAN_RUN:-}" ] || { return 0 2>/dev/null || exit 0; }
H=$TMP/hostile
mkdir -p "$H"
D=testdata/pg15/data
rel() { oracle_cat testdata/pg15/oracle/relations.jsonl | jq -r --arg n "$1" 'select(.relname == $n) | .file'; }

# High-entropy bytes that are the same on every run: a gzip stream.
noise() { gzip -dc testdata/pg15/oracle/heap_page_items.jsonl.gz | gzip -9nc | tail -c +100 | head -c "$1"; }

# Real inputs of each kind, unpacked.
for n in types_tbl wide_keys_k_idx idx_tbl_grp_dedup; do
	gzip -dc "$D/$(rel $n).gz" >"$H/$n"
done
f=$(rel hot_tbl)
gzip -dc "$D/${f}_fsm.gz" >"$H/hot_fsm"
gzip -dc "$D/${f}_vm.gz" >"$H/hot_vm"
gzip -dc "$(ls $D/pg_wal/*.gz | head -n 1)" >"$H/000000010000000000000002"

# Variants: noise of awkward sizes, truncations, overwritten regions.
for n in 0 1 24 8191 8192 8193 24593; do noise $n >"$H/noise_$n"; done
noise 8192 | gzip -c | head -c 3000 >"$H/noise_cut.gz"
over() {	# over SRC DST OFFSET LEN: LEN noise bytes at OFFSET of every 8 kB page
	cp "$1" "$2"
	pages=$(( $(wc -c <"$1") / 8192 )); [ $pages -gt 8 ] && pages=8
	p=0
	while [ $p -lt $pages ]; do
		noise "$4" | dd of="$2" bs=1 seek=$((p * 8192 + $3)) conv=notrunc 2>/dev/null
		p=$((p + 1))
	done
}
for s in types_tbl wide_keys_k_idx idx_tbl_grp_dedup hot_fsm hot_vm; do
	over "$H/$s" "$H/${s}_hdr" 0 24
	over "$H/$s" "$H/${s}_lp" 24 64
	over "$H/$s" "$H/${s}_mid" 4000 300
	over "$H/$s" "$H/${s}_special" 8176 16
	head -c 12345 "$H/$s" >"$H/${s}_cut"
done
w=$H/000000010000000000000002
for o in 0 40 8192 20000 65536; do
	mkdir -p "$H/wal_$o"
	cp "$w" "$H/wal_$o/000000010000000000000002"
	noise 64 | dd of="$H/wal_$o/000000010000000000000002" bs=1 seek=$o conv=notrunc 2>/dev/null
done
mkdir -p "$H/wal_cut" && head -c 100000 "$w" >"$H/wal_cut/000000010000000000000002"

ok=0 bad=0
run() {	# tool args...
	timeout 20 "$@" >/dev/null 2>"$TMP/h.err"
	rc=$?
	if [ $rc -le 2 ]; then
		# diagnostics keep the one form: "tool: ..." on every stderr line
		# (getopt names the program as invoked: the path, here)
		if grep -v "^$(basename "$1"): \|^$1: \|^Try \"" "$TMP/h.err" | grep -q .; then
			fail "hostile: $(basename "$1") ${*#"$1"}" "stderr not in the diagnostic form: $(head -c 300 "$TMP/h.err")"
			bad=$((bad + 1))
		else
			ok=$((ok + 1))
		fi
	else
		fail "hostile: $(basename "$1") ${*#"$1"}" "exit $rc: $(head -c 400 "$TMP/h.err")"
		bad=$((bad + 1))
	fi
}
for t in pgpage pgbtree pgfsm pgvm; do
	for f in "$H"/noise_* "$H"/*_hdr "$H"/*_lp "$H"/*_mid "$H"/*_special "$H"/*_cut; do
		run "$BIN/$t" --json "$f"
		run "$BIN/$t" "$f"
	done
done
for f in "$H"/noise_* "$H"/wal_*/0*; do
	run "$BIN/pgwal" --json "$f"
	run "$BIN/pgwal" "$f"
done
[ $bad -eq 0 ] && pass "hostile: $ok runs of every tool on damaged input end with 0, 1 or 2"
