#!/bin/sh
# Rewrite the expected outputs of every golden case from the current build.
#   sh tests/golden/update.sh BUILD
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
for c in tests/golden/cases/*.cmd; do
	n=${c%.cmd}
	PATH="$top/$BUILD/bin:$PATH" sh "$c" >"$n.out" 2>"$n.err"
	echo $? >"$n.rc"
	echo "updated $n"
done
