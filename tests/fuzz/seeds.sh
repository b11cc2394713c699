#!/bin/sh
# Seed corpora for the fuzz targets, cut from the real fixture clusters of
# every major (testdata/pgNN/data; gzip'd files decompressed): pages of
# every relation kind, B-tree files, FSM and VM forks with their heaps,
# WAL pages at a segment's start, middle and across a segment boundary
# (with the selector bytes in front), WAL records and page images,
# pg_control, pg_xact, pg_filenode.map, small gzip'd files.  A corpus is
# filled only when it is empty or missing (first run); the fuzzer's own
# finds are kept after that.
#
#   sh tests/fuzz/seeds.sh OUT [TARGET ...]     (run.sh calls it)
set -eu
OUT=${1:?usage: seeds.sh OUT [TARGET ...]}
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
CC=${FUZZ_CC:-clang}
PS=8192

# a file's bytes, gunzipped if it is gzip'd
bytes() { case $1 in *.gz) gzip -dc "$1" ;; *) cat "$1" ;; esac; }
# pages [start, start + count) of a relation file
pages() { bytes "$1" | dd bs=$PS skip="$2" count="$3" 2>/dev/null || true; }
# one byte of value $1, and a little-endian 64-bit number
byte() { printf "\\$(printf %03o "$(($1 & 255))")"; }
le64() { i=0; while [ $i -lt 8 ]; do byte $(($1 >> (8 * i))); i=$((i + 1)); done; }
size_of() { bytes "$1" | wc -c | tr -d ' '; }
# block 0 is a B-tree metapage: BTREE_MAGIC 0x053162 at offset 24
is_btree() { [ "$(bytes "$1" | dd bs=1 skip=24 count=4 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 62310500 ]; }
majors="10 11 12 13 14 15 16 17 18"
# a spread of a cluster's relation files: every 24th catalog, and every
# user relation (the fixtures' own tables and indexes of each kind)
relfiles() {
	ls "testdata/pg$1/data/base/"*/* 2>/dev/null | grep -E '/[0-9]+(\.gz)?$' |
		awk -F/ '{ n = $NF; sub(/\.gz$/, "", n); if (n + 0 >= 16384 || NR % 24 == 1) print }'
}

seed_page() {
	for v in $majors; do
		for f in $(relfiles $v); do
			b=$(basename "$f" .gz)
			pages "$f" 0 1 >"$1/p$v-$b-0"
			pages "$f" 1 1 >"$1/p$v-$b-1"
		done
		for f in $(ls testdata/pg$v/data/base/*/*_fsm* testdata/pg$v/data/base/*/*_vm* | awk 'NR % 20 == 1'); do
			pages "$f" 0 1 >"$1/p$v-$(basename "$f" .gz)"
		done
	done
}

seed_heap() {
	for v in $majors; do
		for f in $(relfiles $v); do
			is_btree "$f" && continue
			pages "$f" 0 1 >"$1/h$v-$(basename "$f" .gz)"
		done
	done
}

# selector: major, -T list; then up to 8 pages of a small index
seed_btree() {
	for v in $majors; do
		for f in $(relfiles $v); do
			is_btree "$f" || continue
			{ byte $((v - 10)); byte 0; pages "$f" 0 8; } >"$1/b$v-$(basename "$f" .gz)"
		done
		# with their own key types: pg_class_relname_nsp_index (2663) is
		# name, oid; pg_class_oid_index (2662) oid, read as int4
		for f in testdata/pg$v/data/base/*/2663*; do
			{ byte $((v - 10)); byte 4; pages "$f" 0 8; } >"$1/b$v-2663-name"
		done
	done
}

# a relation with both maps, its map pages then its first heap pages
maps_rels() {
	for f in testdata/pg$1/data/base/*/*_fsm*; do
		r=${f%_fsm*}
		ls "$r" "$r.gz" 2>/dev/null | head -n 1
	done | awk 'NR % 8 == 1'
}

seed_fsm() {
	for v in $majors; do
		for r in $(maps_rels $v); do
			base=${r%.gz}
			fsm=$(ls "${base}_fsm" "${base}_fsm.gz" 2>/dev/null | head -n 1)
			nb=$(($(size_of "$r") / PS))
			{ byte $((2 | 128)); byte $nb; byte $((nb >> 8)); pages "$fsm" 0 3; pages "$r" 0 4; } \
				>"$1/f$v-$(basename "$base")"
		done
	done
}

seed_vm() {
	for v in $majors; do
		for r in $(maps_rels $v); do
			base=${r%.gz}
			vm=$(ls "${base}_vm" "${base}_vm.gz" 2>/dev/null | head -n 1)
			[ -n "$vm" ] || continue
			{ byte 0; byte 0; pages "$vm" 0 1; pages "$r" 0 4; } >"$1/v$v-$(basename "$base")"
		done
	done
}

seed_control() {
	for v in $majors; do bytes testdata/pg$v/data/global/pg_control* >"$1/c$v"; done
}

seed_relmap() {
	for v in $majors; do
		i=0
		for f in testdata/pg$v/data/global/pg_filenode.map* testdata/pg$v/data/base/*/pg_filenode.map*; do
			[ -f "$f" ] || continue
			bytes "$f" >"$1/m$v-$i"; i=$((i + 1))
		done
	done
}

seed_clog() {
	for v in $majors; do
		for f in testdata/pg$v/data/pg_xact/*; do
			{ le64 $((v * 64)) | dd bs=4 count=1 2>/dev/null; bytes "$f"; } >"$1/x$v-$(basename "$f" .gz)"
		done
	done
}

# selector: piece size (8 KiB, 1 byte, 1 MiB), skip; then a small gzip'd file
seed_input() {
	for v in $majors; do
		for f in $(ls -S testdata/pg$v/data/base/*/*.gz | tail -n 6); do
			{ byte 13; byte 0; cat "$f"; } >"$1/i$v-$(basename "$f")"
		done
		f=$(ls -S testdata/pg$v/data/base/*/*.gz | tail -n 1)
		{ byte 0; byte 3; cat "$f"; } >"$1/i$v-bytewise"
		{ byte 20; byte 0; bytes "$f"; } >"$1/i$v-plain"
	done
}

# WAL pages: major, segment size, address; 4 pages at a segment's start,
# 4 in its middle, and 2 + 2 across the boundary with the next segment
seed_wal_reader() {
	for v in $majors; do
		set -- $(ls testdata/pg$v/data/pg_wal/*.gz)
		name=$(basename "$1" .gz)
		# each segment decompressed once
		s1=$OUT/seg1.tmp; s2=$OUT/seg2.tmp
		bytes "$1" >"$s1"; bytes "$2" >"$s2"
		seg=$(wc -c <"$s1" | tr -d ' ')
		lg=0; while [ $((1 << (20 + lg))) -lt "$seg" ]; do lg=$((lg + 1)); done
		# TTTTTTTTXXXXXXXXYYYYYYYY: segment XXXXXXXX * (4 GiB / segsize) + YYYYYYYY
		segno=$(( 0x$(echo "$name" | cut -c9-16) * (0x100000000 / seg) + 0x$(echo "$name" | cut -c17-24) ))
		base=$((segno * seg))
		{ byte $((v - 10)); byte $lg; le64 $base; pages "$s1" 0 4; } >"$WR/w$v-start"
		mid=$((seg / PS / 2))
		{ byte $((v - 10)); byte $lg; le64 $((base + mid * PS)); pages "$s1" $mid 4; } >"$WR/w$v-mid"
		last=$((seg / PS - 2))
		{ byte $((v - 10)); byte $((lg | 128)); le64 $((base + last * PS)); pages "$s1" $last 2; pages "$s2" 0 2; } \
			>"$WR/w$v-boundary"
		# records and images for the other two targets, read by the library
		"$OUT/seedcut" wal $v "$s1" $seg $base "$OUT/fuzz_wal_record.seeds" "$OUT/fuzz_wal_image.seeds" || true
		rm -f "$s1" "$s2"
	done
}

seed_toast() {
	for v in $majors; do
		d=$(ls -d testdata/pg$v/data/base/* | tail -n 1)
		# pg_rewrite (2618): views' rules, long text, compressed inline or
		# in its TOAST table pg_toast_2618 (2838)
		{ byte 0; byte 0; byte 32; printf '%018d' 0; pages "$d/2618.gz" 0 1; } >"$1/t$v-rewrite"
		bytes "$d/2618.gz" >"$OUT/rel.tmp"
		if "$OUT/seedcut" toastptr "$OUT/rel.tmp" 2838 >"$OUT/ptr.tmp"; then
			{ byte 128; byte 0; byte 0; cat "$OUT/ptr.tmp"; pages "$d/2838.gz" 0 4; } >"$1/t$v-store"
		fi
		rm -f "$OUT/rel.tmp" "$OUT/ptr.tmp"
	done
}

seed_wal_record() { :; }
seed_wal_image() { :; }
seed_pglz() { :; }
seed_values() { :; }

[ $# -gt 0 ] || set -- $(for s in tests/fuzz/fuzz_*.c; do basename "$s" .c; done)
need=
for n in "$@"; do
	if [ -z "$(ls -A "$OUT/$n.corpus" 2>/dev/null)" ]; then need="$need $n"; fi
done
[ -n "$need" ] || exit 0

# the WAL cutter, against the same library the targets use
if [ ! -x "$OUT/seedcut" ] || [ tests/fuzz/seedcut.c -nt "$OUT/seedcut" ]; then
	# shellcheck disable=SC2046
	$CC -g -O1 -fsanitize=address,undefined -std=c11 -Wall -Wextra -Werror \
		-D_POSIX_C_SOURCE=200809L -Icommon tests/fuzz/seedcut.c "$OUT/libpgondisk.a" \
		$(pkg-config --libs zlib liblz4 libzstd) -lm -o "$OUT/seedcut"
fi
WR=$(mktemp -d)
trap 'rm -rf "$WR"' EXIT
rm -rf "$OUT/fuzz_wal_record.seeds" "$OUT/fuzz_wal_image.seeds"
mkdir -p "$OUT/fuzz_wal_record.seeds" "$OUT/fuzz_wal_image.seeds"
case " $need " in
*" fuzz_wal_reader "*|*" fuzz_wal_record "*|*" fuzz_wal_rows "*|*" fuzz_wal_image "*) seed_wal_reader ;;
esac
for n in $need; do
	mkdir -p "$OUT/$n.corpus"
	case $n in
	fuzz_wal_reader) cp "$WR"/* "$OUT/$n.corpus/" ;;
	fuzz_wal_record|fuzz_wal_image) cp "$OUT/$n.seeds"/* "$OUT/$n.corpus/" 2>/dev/null || true ;;
	fuzz_wal_rows) cp "$OUT/fuzz_wal_record.seeds"/* "$OUT/$n.corpus/" 2>/dev/null || true ;;
	*) "seed_${n#fuzz_}" "$OUT/$n.corpus" ;;
	esac
	echo "seeds: $n: $(ls "$OUT/$n.corpus" | wc -l) inputs" >&2
done
rm -rf "$OUT/fuzz_wal_record.seeds" "$OUT/fuzz_wal_image.seeds"
