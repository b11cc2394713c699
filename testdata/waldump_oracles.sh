#!/usr/bin/env bash
# Store pg_waldump's own answers about one fixture's WAL:
#
#   testdata/waldump_oracles.sh MAJOR PG_WALDUMP [SOURCE]
#
# PG_WALDUMP is a pg_waldump of that major (a path, or a wrapper command);
# SOURCE says where it came from (stored in meta.json).  Writes, over the
# fixture range (meta.json start_lsn .. end_lsn), with TZ=UTC:
#   oracle/pg_waldump.txt               pg_waldump -p DIR -s START -e END
#   oracle/pg_waldump_stats.txt         ... --stats
#   oracle/pg_waldump_stats_record.txt  ... --stats=record
# (gzip'd over 256 KiB) and records the version and commands in meta.json
# under "pg_waldump".  generate.sh calls it for 15 with Debian's binary;
# for the other majors see README.md (no npm build ships pg_waldump).
set -Eeuo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
die() { echo "waldump_oracles.sh: error: $*" >&2; exit 1; }
[ $# -ge 2 ] || die "usage: $0 MAJOR PG_WALDUMP [SOURCE]"
M=$1 WD=$2 SRC=${3:-}
ORA=$HERE/pg$M/oracle META=$ORA/meta.json
[ -f "$META" ] || die "$META missing"
ver=$($WD --version) || die "cannot run $WD"
case $ver in *" $M."*|*" $M"[a-z]*) ;; *) die "$WD is not pg_waldump $M: $ver" ;; esac
s=$(jq -r .start_lsn "$META") e=$(jq -r .end_lsn "$META")
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
for w in "$HERE/pg$M/data/pg_wal"/*.gz; do gunzip -c "$w" >"$dir/$(basename "$w" .gz)"; done
rm -f "$ORA"/pg_waldump*.txt "$ORA"/pg_waldump*.txt.gz
TZ=UTC $WD -p "$dir" -s "$s" -e "$e" >"$ORA/pg_waldump.txt"
TZ=UTC $WD -p "$dir" -s "$s" -e "$e" --stats >"$ORA/pg_waldump_stats.txt"
TZ=UTC $WD -p "$dir" -s "$s" -e "$e" --stats=record >"$ORA/pg_waldump_stats_record.txt"
for f in "$ORA"/pg_waldump*.txt; do
    if [ "$(stat -c %s "$f")" -gt 262144 ]; then gzip -9nf "$f"; fi
done
jq --arg s "$s" --arg e "$e" --arg v "$ver" --arg src "$SRC" '.pg_waldump = {
    version: $v, source: (if $src == "" then null else $src end),
    dir: "data/pg_wal with the .gz segments gunzipped", env: "TZ=UTC",
    "pg_waldump.txt": "pg_waldump -p DIR -s \($s) -e \($e)",
    "pg_waldump_stats.txt": "pg_waldump -p DIR -s \($s) -e \($e) --stats",
    "pg_waldump_stats_record.txt": "pg_waldump -p DIR -s \($s) -e \($e) --stats=record"}' \
    "$META" >"$META.new" && mv "$META.new" "$META"
chmod 644 "$META" "$ORA"/pg_waldump*
echo "waldump_oracles.sh: pg$M: $(gzip -dcf "$ORA"/pg_waldump.txt* | wc -l) records by $ver" >&2
