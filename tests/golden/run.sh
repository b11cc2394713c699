# Golden tests: each tests/golden/cases/NAME.cmd is one command line (run
# from the repo root with $BIN on PATH); its stdout, stderr and exit status
# must equal NAME.out, NAME.err and NAME.rc.  After an intended change,
# "make golden-update" rewrites them and the diff is reviewed.
. tests/lib.sh

for c in tests/golden/cases/*.cmd; do
	[ -f "$c" ] || continue
	n=${c%.cmd}
	PATH="$BIN:$PATH" sh "$c" >"$TMP/g.out" 2>"$TMP/g.err"
	echo $? >"$TMP/g.rc"
	ok=1
	for k in out err rc; do
		if ! diff -au "$n.$k" "$TMP/g.$k" >"$TMP/g.diff" 2>&1; then
			ok=0; head -20 "$TMP/g.diff" >&2
		fi
	done
	[ $ok -eq 1 ] && pass "golden $(basename "$n")" || fail "golden $(basename "$n")" "output differs from $n.{out,err,rc}"
done
