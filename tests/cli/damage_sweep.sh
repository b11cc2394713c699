# The damage sweep's fixed-seed subset (make damage runs 20,000 or more):
# 1,000 runs of every tool on damaged copies of every fixture file kind of
# every major, written by tests/damage/mutate.c from seed 18.  Each run
# ends 0, 1 or 2 within its time bound, with no sanitizer report (ASan
# pass) and in 64 MiB of address space (plain pass); every copy with a
# changed checksummed page, or a page or gzip stream cut short, makes
# pgpage -k exit 1 with a diagnostic.  A failure prints its case, seed,
# file and command, and how to rerun it.
. tests/lib.sh

n=${DAMAGE_CHECK_CASES:-1000}
DAMAGE_CASES=$n DAMAGE_SEED=18 DAMAGE_JOBS=${DAMAGE_JOBS:-2} \
	sh tests/damage/run.sh "$(dirname "$BIN")" >"$TMP/sweep.out" 2>&1
rc=$?
grep '^damage: ' "$TMP/sweep.out"
if [ $rc -eq 0 ]; then
	pass "damage sweep: $n runs from seed 18"
else
	fail "damage sweep: $n runs from seed 18" "$(head -c 3000 "$TMP/sweep.out")"
fi
