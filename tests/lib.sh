# Shared by the shell test scripts: sourced, never run.
# Each check appends "PASS name" or "FAIL name: why" to $RESULTS.
# BIN is the directory of the tools under test, TMP a private scratch dir.

: "${RESULTS:?RESULTS must be set by tests/run.sh}"
: "${BIN:?BIN must be set by tests/run.sh}"
: "${TMP:?TMP must be set by tests/run.sh}"

pass() { printf 'PASS %s\n' "$1" >>"$RESULTS"; }
fail() { printf 'FAIL %s: %s\n' "$1" "$2" >>"$RESULTS"; printf 'FAIL %s: %s\n' "$1" "$2" >&2; }

# check NAME EXPECTED_RC CMD...: run CMD, keep its stdout/stderr in
# $TMP/out and $TMP/err, and compare the exit status.
check() {
	name=$1 want=$2; shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then pass "$name"; return 0; fi
	fail "$name" "exit status $got, expected $want: $(head -c 300 "$TMP/err")"
	return 1
}

# expect NAME FILE REGEX: FILE has a line matching the extended REGEX.
expect() {
	if grep -Eq -- "$3" "$2"; then pass "$1"; else fail "$1" "no line matching /$3/ in $(basename "$2"): $(head -c 300 "$2")"; fi
}

# expect_not NAME FILE REGEX
expect_not() {
	if grep -Eq -- "$3" "$2"; then fail "$1" "unexpected /$3/ in $(basename "$2")"; else pass "$1"; fi
}

# The fixture majors present in testdata/.
majors() {
	for d in testdata/pg[0-9]*; do
		[ -f "$d/oracle/meta.json" ] && basename "$d" | sed 's/^pg//'
	done | sort -n
}

# Read a JSON Lines oracle file, gzip'd or not.
oracle_cat() {
	if [ -f "$1.gz" ]; then gzip -dc "$1.gz"; elif [ -f "$1" ]; then cat "$1"; fi
}

# flip bit BIT of byte OFF in FILE (a plain file; a .gz one is unpacked
# first).  POSIX tools only: a fresh Debian has no python3.
flip() {
	if [ -f "$1.gz" ]; then gzip -dc "$1.gz" >"$1" && rm -f "$1.gz"; fi
	b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
	printf "$(printf '\\%03o' $((b ^ (1 << $3))))" |
		dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# zero_blocks FILE FIRST N: N blocks of 8192 bytes from block FIRST zeroed
zero_blocks() {
	dd if=/dev/zero of="$1" bs=8192 seek="$2" count="$3" conv=notrunc 2>/dev/null
}
