#!/bin/sh
# Fuzz every tests/fuzz/fuzz_*.c target with libFuzzer (clang), ASan and
# UBSan, FUZZ_SECONDS each (default 60), or only the targets named:
#
#   sh tests/fuzz/run.sh [fuzz_wal_reader fuzz_btree ...]
#
# common/ is compiled once, by the Makefile, into FUZZ_BUILD/libpgondisk.a
# with -fsanitize=fuzzer-no-link (coverage, no main), and each target links
# against it: a target is one small compile, not all of common/ again.
# Each target starts from FUZZ_BUILD/NAME.corpus, which seeds.sh fills
# from the real fixtures on first run, with tests/fuzz/NAME.dict when there
# is one.  Every run is bounded as the issue asks: -rss_limit_mb=256 (an
# input that needs more memory is a defect) and -timeout=5 (so is one
# that takes longer).  A crash, leak, timeout or out-of-memory leaves its
# input in FUZZ_BUILD/NAME.crashes/ and the script exits 1.  Each run's
# last lines are in FUZZ_BUILD/NAME.log; one summary line per target
# (executions, cov:, ft:) is printed and appended to FUZZ_BUILD/runs.txt.
#
# Not part of `make check` at full length; `make fuzz` runs it, `make
# fuzz-smoke` runs it with FUZZ_SECONDS=3 (a broken target is caught).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
SECS=${FUZZ_SECONDS:-60}
OUT=${FUZZ_BUILD:-build-fuzz}
CC=${FUZZ_CC:-clang}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
NICE=${FUZZ_NICE:-}
# ASan keeps freed memory in a quarantine of 256 MB by default: at 60,000
# runs a second it alone fills -rss_limit_mb=256 within minutes (relmap
# reached 253 MB with nothing of its own live).  16 MB still catches a
# use after free of anything freed in the same run.
ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16}
export ASAN_OPTIONS

# The library, incrementally, through the Makefile's own rules (same
# warnings, same -Werror), with coverage instrumentation for the fuzzer.
make --no-print-directory -s -j2 BUILD="$OUT" CC="$CC" OPT="-g -O1 -fno-omit-frame-pointer" \
	SAN="-fsanitize=fuzzer-no-link $SAN" "$OUT/libpgondisk.a" >&2
cflags=$(pkg-config --cflags zlib liblz4 libzstd)
libs=$(pkg-config --libs zlib liblz4 libzstd)

if [ $# -gt 0 ]; then
	targets=$*
else
	targets=$(for s in tests/fuzz/fuzz_*.c; do basename "$s" .c; done)
fi

# Targets link in parallel (two at a time): each is one file.
pids=
for n in $targets; do
	src=tests/fuzz/$n.c
	[ -f "$src" ] || { echo "run.sh: no target $src" >&2; exit 2; }
	# shellcheck disable=SC3013 # -nt: dash, bash and busybox sh have it
	if [ ! -x "$OUT/$n" ] || [ "$src" -nt "$OUT/$n" ] || [ "$OUT/libpgondisk.a" -nt "$OUT/$n" ]; then
		# shellcheck disable=SC2086
		$CC -g -O1 -fsanitize=fuzzer $SAN -std=c11 -Wall -Wextra -Werror \
			-D_POSIX_C_SOURCE=200809L -D_FILE_OFFSET_BITS=64 -Icommon $cflags \
			"$src" "$OUT/libpgondisk.a" $libs -lm -o "$OUT/$n" &
		pids="$pids $!"
		if [ "$(echo "$pids" | wc -w)" -ge 2 ]; then
			for p in $pids; do wait "$p"; done; pids=
		fi
	fi
done
for p in $pids; do wait "$p"; done
for n in $targets; do [ -x "$OUT/$n" ] || { echo "run.sh: $n did not build" >&2; exit 2; }; done

# shellcheck disable=SC2086 # one word per target
sh tests/fuzz/seeds.sh "$OUT" $targets

rc=0
for n in $targets; do
	mkdir -p "$OUT/$n.corpus" "$OUT/$n.crashes"
	dict=
	[ -f "tests/fuzz/$n.dict" ] && dict="-dict=tests/fuzz/$n.dict"
	# shellcheck disable=SC2086
	if $NICE "$OUT/$n" -max_total_time="$SECS" -rss_limit_mb=256 -timeout=5 \
		-print_final_stats=1 $dict -artifact_prefix="$OUT/$n.crashes/" \
		"$OUT/$n.corpus" >"$OUT/$n.log" 2>&1; then
		res=ok
	else
		tail -n 40 "$OUT/$n.log"; res=FAILED; rc=1
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$n.log" | tail -n 1)
	last=$(grep -E '^#[0-9]+.*cov: ' "$OUT/$n.log" | tail -n 1)
	cov=$(printf '%s\n' "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(printf '%s\n' "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	line="$(date -u +%Y-%m-%d) $n ${SECS}s runs=${runs:-0} cov=${cov:-?} ft=${ft:-?} $res"
	echo "$line"
	echo "$line" >>"$OUT/runs.txt"
done
exit $rc
