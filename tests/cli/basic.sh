# Every tool: --help, --version, a bad option, no input, a missing file.
. tests/lib.sh

for t in pgpage pgwal pgbtree pgfsm pgvm; do
	check "$t --help" 0 "$BIN/$t" --help && expect "$t --help usage" "$TMP/out" "^  $t \[OPTION\]\.\.\."
	check "$t -h" 0 "$BIN/$t" -h
	check "$t --version" 0 "$BIN/$t" --version && expect "$t --version text" "$TMP/out" "^$t \(pgondisk\) [0-9]+\.[0-9]+\.[0-9]+$"
	check "$t bad option" 2 "$BIN/$t" --no-such-option && expect "$t bad option hint" "$TMP/err" "^Try \"$t --help\" for more information\.$"
	check "$t no input" 2 "$BIN/$t" && expect "$t no input message" "$TMP/err" "^$t: no input files$"
	check "$t missing file" 2 "$BIN/$t" "$TMP/does-not-exist"
	# the usage line in --help is the man page's SYNOPSIS
	"$BIN/$t" --help | grep -q "^  $t \[OPTION\]" && grep -q "^\.Nm $t\$" "man/$t.1" && pass "$t man page exists" || fail "$t man page exists" "man/$t.1 missing or no .Nm"
done

# The options --help lists are the ones the man page documents.
for t in pgpage pgwal pgbtree pgfsm pgvm; do
	"$BIN/$t" --help | sed -n 's/^  -\(.\), --\([a-z-]*\).*/\1 \2/p' | while read -r s l; do
		if grep -q "^\.It Fl $s , Fl \\\\-$l" "man/$t.1"; then pass "$t man documents -$s"
		else fail "$t man documents -$s" "man/$t.1 has no '.It Fl $s , Fl \\-$l'"; fi
	done
done

check "pgpage missing file message" 2 "$BIN/pgpage" "$TMP/nope"
expect "pgpage missing file names the file" "$TMP/err" "^pgpage: cannot open \($TMP/nope: No such file or directory\)$"
check "pgpage directory" 2 "$BIN/pgpage" "$TMP"
check "pgpage bad block range" 2 "$BIN/pgpage" --block 5-2 /dev/null
check "pgpage bad block number" 2 "$BIN/pgpage" --block x /dev/null
check "pgpage empty file" 0 "$BIN/pgpage" /dev/null
expect "pgpage empty file notice" "$TMP/err" "^pgpage: /dev/null: no pages \(empty file\)$"

# No false alarms on a healthy cluster: every file under base/ and global/
# of every fixture major, with -k and with --check, exits 0 (notices only:
# empty relations, PG_VERSION, checksums off in 12)
for M in $(majors); do
	dd=testdata/pg$M/data
	for mode in -k --check; do
		check "pg$M pgpage $mode over the whole cluster" 0 "$BIN/pgpage" -s $mode $dd/base/*/* $dd/global/*
		expect_not "pg$M pgpage $mode: nothing but notices" "$TMP/err" "checksum mismatch|truncated|invalid|all zeros"
	done
done

# stdout failures are errors at exit
if [ -w /dev/full ]; then
	f=$(ls testdata/pg*/data/global/pg_control 2>/dev/null | head -1)
	if [ -n "$f" ]; then
		"$BIN/pgpage" "$f" >/dev/full 2>"$TMP/err"; rc=$?
		[ $rc -eq 2 ] && pass "pgpage write error" || fail "pgpage write error" "exit $rc"
		expect "pgpage write error message" "$TMP/err" "error writing standard output"
	fi
fi
