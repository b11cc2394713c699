#!/bin/sh
# Benchmarks: our tools against PostgreSQL's own and pg_filedump on the same
# input, in the same run; results as ratios (theirs / ours: above 1 means we
# are faster) with peak memory.  Not part of `make check`: timings belong
# here, never in tests.
#
#   sh tests/bench/run.sh [BUILD]        (make bench)
#   PART=cluster sh tests/bench/run.sh   only the whole-cluster rows
#
# Needs Debian's postgresql-15 (server, pgbench, pg_checksums, pg_waldump)
# and postgresql-filedump; installs them with apt-get when run as root.
# The input is made once and kept in $PGOD_BENCH (default /var/tmp/pgod-bench):
# a PostgreSQL 15 cluster with data checksums, pgbench scale $SCALE, and the
# WAL of a pgbench run.  Results go to stdout and tests/bench/results.md.
set -eu
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
BIN=$top/$BUILD/bin
PGB=/usr/lib/postgresql/15/bin
DIR=${PGOD_BENCH:-/var/tmp/pgod-bench}
SCALE=${SCALE:-40}
TX=${TX:-60000}
REPS=${REPS:-3}
OUT=tests/bench/results.md

need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }
if ! need $PGB/pg_checksums || ! need pg_filedump || ! need /usr/bin/time; then
	[ "$(id -u)" = 0 ] || { echo "bench: needs postgresql-15, postgresql-filedump, time (run as root to install)" >&2; exit 2; }
	apt-get install -y -qq postgresql-15 postgresql-filedump time >/dev/null
fi

# ---- the input, made once
if [ ! -f "$DIR/ready" ]; then
	echo "bench: making the input in $DIR (pgbench scale $SCALE, $TX transactions)" >&2
	rm -rf "$DIR"; mkdir -p "$DIR"; chown postgres "$DIR"
	as() { runuser -u postgres -- "$@"; }
	as $PGB/initdb -k -D "$DIR/data" -A trust >/dev/null
	cat >>"$DIR/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$DIR'
port = 55432
fsync = off
max_wal_size = 8GB
wal_keep_size = 8GB
checkpoint_timeout = 1d
autovacuum = off
EOF
	as $PGB/pg_ctl -D "$DIR/data" -l "$DIR/log" -w start >/dev/null
	as $PGB/pgbench -h "$DIR" -p 55432 -i -q -s "$SCALE" postgres >/dev/null 2>&1
	as $PGB/psql -h "$DIR" -p 55432 -Atqc "CHECKPOINT; SELECT pg_current_wal_insert_lsn()" postgres >"$DIR/start_lsn"
	as $PGB/pgbench -h "$DIR" -p 55432 -n -c 2 -t $((TX / 2)) postgres >/dev/null 2>&1
	as $PGB/psql -h "$DIR" -p 55432 -Atqc "SELECT pg_current_wal_insert_lsn()" postgres >"$DIR/end_lsn"
	as $PGB/psql -h "$DIR" -p 55432 -Atqc "SELECT pg_relation_filepath('pgbench_accounts'), (SELECT relfilenode FROM pg_class WHERE relname = 'pgbench_accounts')" postgres >"$DIR/accounts"
	as $PGB/pg_ctl -D "$DIR/data" -w stop >/dev/null
	touch "$DIR/ready"
fi
START=$(cat "$DIR/start_lsn"); END=$(cat "$DIR/end_lsn")
REL=$(cut -d'|' -f1 "$DIR/accounts"); FNODE=$(cut -d'|' -f2 "$DIR/accounts")
RELFILES=$(ls "$DIR/data/$REL" "$DIR/data/$REL".[0-9]* 2>/dev/null || true)
RELBYTES=$(cat $RELFILES | wc -c)
WALDIR=$DIR/data/pg_wal
WALBYTES=$(( $(printf '%d' "0x$(echo "$END" | cut -d/ -f2)") - $(printf '%d' "0x$(echo "$START" | cut -d/ -f2)") ))

# best of REPS: "seconds maxrss_kb" of a command, output to /dev/null;
# "fail" if it exits with 2 or more (1 only means damage was reported)
best() {
	b=; m=
	i=0
	while [ $i -lt "$REPS" ]; do
		rc=0
		/usr/bin/time -f '%e %M' -o "$DIR/t" "$@" >/dev/null 2>"$DIR/err" || rc=$?
		if [ $rc -ge 2 ]; then echo "fail"; echo "bench: failed ($rc): $* : $(head -c 200 "$DIR/err")" >&2; return; fi
		t=$(tail -n 1 "$DIR/t" | cut -d' ' -f1); k=$(tail -n 1 "$DIR/t" | cut -d' ' -f2)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
		if [ -z "$m" ] || [ "$k" -gt "$m" ]; then m=$k; fi
		i=$((i + 1))
	done
	echo "$b $m"
}

rows=""
row() {	# name, input bytes, ours cmd result, theirs name, theirs result
	o=$1; t=$2
	if [ "$o" = fail ] || [ "$t" = fail ]; then
		rows="$rows| $NAME | $THEIRS | ${o%% *} | ${t%% *} | | not measured |
"
		return
	fi
	os=${o% *}; om=${o#* }; ts=${t% *}; tm=${t#* }
	ratio=$(echo "scale=2; $ts / ($os + 0.0001)" | bc)
	mbs=$(echo "scale=0; $BYTES / 1048576 / ($os + 0.0001)" | bc)
	rows="$rows| $NAME | $THEIRS | ${os}s, $((om / 1024)) MB | ${ts}s, $((tm / 1024)) MB | $mbs MB/s | **${ratio}x** |
"
}

need bc || apt-get install -y -qq bc >/dev/null

# best of REPS CPU seconds (user + sys) of a command: what a loaded
# machine cannot blur as it blurs the elapsed time
cpu() {
	b=
	i=0
	while [ $i -lt "$REPS" ]; do
		/usr/bin/time -f '%U %S' -o "$DIR/t" "$@" >/dev/null 2>"$DIR/err" || true
		t=$(tail -n 1 "$DIR/t" | awk '{print $1 + $2}')
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
		i=$((i + 1))
	done
	echo "$b"
}

PART=${PART:-all}
CLBYTES=$(du -sb "$DIR/data/global" "$DIR/data/base" | awk '{s += $1} END {print s}')

# the whole cluster: pgpage -D on every core against pg_checksums on one
BYTES=$CLBYTES
NAME="checksums of the whole cluster ($((CLBYTES / 1048576)) MB, $(nproc) cores): pgpage -D -k"; THEIRS="pg_checksums --check -D"
row "$(best "$BIN/pgpage" -D "$DIR/data" -k)" "$(best $PGB/pg_checksums --check -D "$DIR/data")"
NAME="checksums of the whole cluster: pgpage -D -k --jobs 1"; THEIRS="pg_checksums --check -D"
row "$(best "$BIN/pgpage" -D "$DIR/data" -k --jobs 1)" "$(best $PGB/pg_checksums --check -D "$DIR/data")"
NAME="the whole cluster, every offline check: pgpage -D -k --check"; THEIRS="pg_checksums --check -D (checksums only)"
row "$(best "$BIN/pgpage" -D "$DIR/data" -k --check)" "$(best $PGB/pg_checksums --check -D "$DIR/data")"

o=$(cpu "$BIN/pgpage" -D "$DIR/data" -k); t=$(cpu $PGB/pg_checksums --check -D "$DIR/data")
rows="$rows| CPU time (user + sys) of the whole cluster: pgpage -D -k | pg_checksums --check -D | ${o}s | ${t}s | | **$(echo "scale=2; $t / ($o + 0.0001)" | bc)x** |
"
echo "bench: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2

if [ "$PART" = all ]; then
BYTES=$RELBYTES
NAME="checksums of pgbench_accounts ($((RELBYTES / 1048576)) MB): pgpage -k"; THEIRS="pg_checksums --check -f"
row "$(best "$BIN/pgpage" -k --summary $RELFILES)" "$(best $PGB/pg_checksums --check -D "$DIR/data" -f "$FNODE")"

# pgpage --json prints every tuple's header and bytes (t_data); pg_filedump
# -i prints headers only, -i -f headers and every item's bytes as a dump:
# the like-for-like comparison is -i -f, -i is shown for reference.
NAME="pages of pgbench_accounts, JSON: pgpage --json"; THEIRS="pg_filedump -i -f (text)"
row "$(best "$BIN/pgpage" --json $RELFILES)" "$(best sh -c "for f in $RELFILES; do pg_filedump -i -f \$f; done")"
NAME="pages of pgbench_accounts, JSON: pgpage --json"; THEIRS="pg_filedump -i (text, no tuple bytes)"
row "$(best "$BIN/pgpage" --json $RELFILES)" "$(best sh -c "for f in $RELFILES; do pg_filedump -i \$f; done")"

BYTES=$WALBYTES
for args in "" "--json" "--stats" "--stats=record" "-q"; do
	theirs=$args; [ "$args" = "--json" ] && theirs=""
	NAME="WAL $START..$END ($((WALBYTES / 1048576)) MB): pgwal $args"; THEIRS="pg_waldump $theirs"
	row "$(best "$BIN/pgwal" $args -p "$WALDIR" -s "$START" -e "$END")" "$(best $PGB/pg_waldump $theirs -p "$WALDIR" -s "$START" -e "$END")"
done
fi

{
	echo "Benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, best of $REPS; ratio = their time / ours (above 1: pgondisk is faster)."
	echo
	echo "| what | against | pgondisk (time, peak RSS) | theirs | pgondisk throughput | ratio |"
	echo "|---|---|---|---|---|---|"
	printf '%s' "$rows"
} | if [ "$PART" = all ]; then tee "$OUT"; else cat; fi

# the catalog read from disk on a database of 10,000 tables (its own input)
if [ "$PART" = all ]; then
	echo | tee -a "$OUT"
	sh tests/bench/catalog.sh "$BUILD" | tee -a "$OUT"
fi
