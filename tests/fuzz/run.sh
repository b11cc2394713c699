#!/bin/sh
# Fuzz every tests/fuzz/fuzz_*.c target with libFuzzer (clang), ASan and
# UBSan, FUZZ_SECONDS each (default 60).  Not part of `make check` (its
# length is not a test's); `make fuzz` runs it.  A crash leaves its input
# in build-fuzz/NAME/ and the script exits 1.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
SECS=${FUZZ_SECONDS:-60}
OUT=build-fuzz
CC=${FUZZ_CC:-clang}
mkdir -p "$OUT"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -std=c11 \
	-D_POSIX_C_SOURCE=200809L -D_FILE_OFFSET_BITS=64 -DPGOD_VERSION=\"fuzz\" -Icommon"
libs=$(pkg-config --libs zlib liblz4 libzstd)
rc=0
for src in tests/fuzz/fuzz_*.c; do
	n=$(basename "$src" .c)
	# shellcheck disable=SC2086
	$CC $flags "$src" common/*/*.c $libs -lm -o "$OUT/$n"
	mkdir -p "$OUT/$n.corpus" "$OUT/$n.crashes"
	echo "== $n ($SECS s)"
	if ! "$OUT/$n" -max_total_time="$SECS" -artifact_prefix="$OUT/$n.crashes/" "$OUT/$n.corpus" 2>"$OUT/$n.log"; then
		tail -n 30 "$OUT/$n.log"; rc=1
	else
		tail -n 1 "$OUT/$n.log"
	fi
done
exit $rc
