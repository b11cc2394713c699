#!/bin/sh
# The whole test suite: unit tests, CLI tests, golden files, oracle
# comparisons against PostgreSQL's own answers, man page lint; then the
# unit and damage tests again under ASan+UBSan when that build is given.
# Ends with one line "N passed, N failed"; exits 1 if anything failed.
#
#   sh tests/run.sh BUILD [ASAN_BUILD]
set -u
BUILD=${1:-build}
ASAN=${2:-}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
RESULTS=$(mktemp)
TMPROOT=$(mktemp -d)
trap 'rm -rf "$TMPROOT" "$RESULTS"' EXIT
export RESULTS

# Each script gets a scratch directory of its own, removed after it: two
# scripts that both name $TMP/c (a file in one, a copy of a data directory
# in the other) must not meet, and copies of fixtures must not pile up.
run_script() {
	TMP="$TMPROOT/${3:-}$(basename "$2" .sh)"
	rm -rf "$TMP"; mkdir -p "$TMP"; export TMP
	BIN="$top/$1/bin" ASAN_RUN=${ASAN_RUN:-} sh "$2"
	rm -rf "$TMP"
}
# A sanitizer finding must never pass for "damage found" (exit 1): make it
# exit 99, which no tool uses.
ASAN_OPTIONS=exitcode=99:detect_leaks=1
UBSAN_OPTIONS=halt_on_error=1:exitcode=99:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS

run_unit() {
	for t in "$1"/tests/test_*; do
		[ -x "$t" ] || continue
		n=$(basename "$t")
		out=$("$t" 2>&1); rc=$?
		p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
		f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
		sk=$(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
		i=0; while [ $i -lt "$p" ]; do echo "PASS $2$n#$i" >>"$RESULTS"; i=$((i+1)); done
		# a skipped test is not a passing one: the fixtures are committed
		if [ "$sk" -gt 0 ]; then
			echo "FAIL $2$n: $sk skipped: $(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \(test_.*\)/\1/p' | tr '\n' ' ')" >>"$RESULTS"
		fi
		if [ "$f" -gt 0 ] || [ $rc -ne 0 ]; then
			printf '%s\n' "$out" | grep -E 'FAILED|ERROR|error|Sanitizer' | head -20 >&2
			echo "FAIL $2$n: $f failed, exit $rc" >>"$RESULTS"
		fi
	done
}

section() { printf '== %s\n' "$1"; }

# Three lanes at once, on two cores: the plain unit, CLI and golden tests
# then the oracle queue; the oracle comparisons (mostly one jq process
# each) from one queue, the longest first; the ASan pass, which joins the
# queue when it is done.  A lane
# claims a script by making its directory (mkdir is atomic).  Each lane's
# output is printed whole after all have ended; RESULTS takes single-line
# appends, which O_APPEND keeps whole.
ORACLE_LONG="catalog_forensic rowstate wal_rows wal_xacts catalog values"
oracle_queue() {
	for s in $(for n in $ORACLE_LONG; do echo "tests/oracle/$n.sh"; done) tests/oracle/*.sh; do
		[ -f "$s" ] || continue
		mkdir "$TMPROOT/claim-$(basename "$s" .sh)" 2>/dev/null || continue
		section "oracle: $(basename "$s" .sh)"
		run_script "$BUILD" "$s" oracle-
	done
}
plain_lane() {
	section "unit ($BUILD)"
	run_unit "$BUILD" ""
	for s in tests/cli/*.sh; do
		section "$(basename "$s" .sh)"
		run_script "$BUILD" "$s"
	done
	section "golden"
	run_script "$BUILD" tests/golden/run.sh
	oracle_queue
}
asan_lane() {
	section "man pages"
	for m in man/*.1 man/*.7; do
		if out=$(mandoc -T lint -W warning "$m" 2>&1) && [ -z "$out" ]; then
			echo "PASS mandoc $m" >>"$RESULTS"
		else
			echo "FAIL mandoc $m: $out" | head -5 >>"$RESULTS"; printf '%s\n' "$out" >&2
		fi
	done
	[ -n "$ASAN" ] || return 0
	section "unit ($ASAN)"
	run_unit "$ASAN" "asan:"
	for s in tests/cli/*.sh; do
		section "$(basename "$s" .sh) ($ASAN)"
		ASAN_RUN=1 run_script "$ASAN" "$s" asan-
	done
	oracle_queue
}
plain_lane >"$TMPROOT/lane0.log" 2>&1 &
l0=$!
oracle_queue >"$TMPROOT/lane1.log" 2>&1 &
l1=$!
asan_lane >"$TMPROOT/lane2.log" 2>&1 &
l2=$!
wait $l0 $l1 $l2
cat "$TMPROOT/lane0.log" "$TMPROOT/lane1.log" "$TMPROOT/lane2.log"

grep '^FAIL' "$RESULTS" | head -50
np=$(grep -c '^PASS' "$RESULTS")
nf=$(grep -c '^FAIL' "$RESULTS")
echo "$np passed, $nf failed"
[ "$nf" -eq 0 ]
