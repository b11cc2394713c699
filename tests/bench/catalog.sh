#!/bin/sh
# Benchmark of the catalog read from disk (issue 12): a database of 10,000
# tables (each with a primary key and a TOAST table: 40,000 pg_class rows),
# and the time and peak memory of
#   --relation T -b 0          pg_class, pg_namespace, one relation's
#                              pg_attribute rows, pg_type: what naming one
#                              table needs (goal: under half a second)
#   --list                     every relation, its file and blocks per fork
#   --list --columns           and every relation's columns
# Not a test: timings belong here.  Run by tests/bench/run.sh (make bench),
# or alone:  sh tests/bench/catalog.sh [BUILD]
#
# Needs Debian's postgresql-15 (run.sh installs it); the cluster is made
# once, with the server, in $PGOD_BENCH_CATALOG (default
# /var/tmp/pgod-bench-catalog), then stopped; the tools read its files.
set -eu
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
BIN=$top/$BUILD/bin
PGB=/usr/lib/postgresql/15/bin
DIR=${PGOD_BENCH_CATALOG:-/var/tmp/pgod-bench-catalog}
NTABLES=${NTABLES:-10000}
REPS=${REPS:-3}

if [ ! -f "$DIR/ready" ]; then
	[ "$(id -u)" = 0 ] || { echo "bench: making $DIR needs root (runs the server as postgres)" >&2; exit 2; }
	echo "bench: making $NTABLES tables in $DIR" >&2
	rm -rf "$DIR"; mkdir -p "$DIR"; chown postgres "$DIR"
	as() { runuser -u postgres -- "$@"; }
	as $PGB/initdb -k -D "$DIR/data" -A trust >/dev/null
	printf "listen_addresses = ''\nunix_socket_directories = '%s'\nport = 55433\nfsync = off\nautovacuum = off\n" \
		"$DIR" >>"$DIR/data/postgresql.conf"
	as $PGB/pg_ctl -D "$DIR/data" -l "$DIR/log" -w start >/dev/null
	as $PGB/psql -h "$DIR" -p 55433 -qAt postgres -c "CREATE DATABASE many"
	# a commit every 500 tables: one transaction's locks would not hold them all
	as $PGB/psql -h "$DIR" -p 55433 -qAt many -c "DO \$\$ BEGIN FOR i IN 1..$NTABLES LOOP
		EXECUTE format('CREATE TABLE t%s (id int4 PRIMARY KEY, name text, at timestamptz)', i);
		IF i % 500 = 0 THEN COMMIT; END IF; END LOOP; END \$\$"
	as $PGB/psql -h "$DIR" -p 55433 -qAt many -c "INSERT INTO t5000 SELECT i, 'n' || i, now() FROM generate_series(1, 100) i; CHECKPOINT"
	as $PGB/pg_ctl -D "$DIR/data" -w stop >/dev/null
	touch "$DIR/ready"
fi

# best of REPS: "elapsed cpu maxrss_kb" (cpu = user + system: on a shared
# machine the elapsed time also counts the waits for a core)
best() {
	b=; c=; m=
	i=0
	while [ $i -lt "$REPS" ]; do
		/usr/bin/time -f '%e %U %S %M' -o "$DIR/t" "$@" >/dev/null 2>"$DIR/err" ||
			{ echo "bench: failed: $* : $(head -c 200 "$DIR/err")" >&2; echo "fail fail 0"; return; }
		read -r t u s k <"$DIR/t"
		cpu=$(echo "$u + $s" | bc)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
		if [ -z "$c" ] || [ "$(echo "$cpu < $c" | bc)" = 1 ]; then c=$cpu; fi
		if [ -z "$m" ] || [ "$k" -gt "$m" ]; then m=$k; fi
		i=$((i + 1))
	done
	echo "$b $c $m"
}

nrel=$("$BIN/pgpage" -D "$DIR/data" -d many --list --json | wc -l)
echo "| catalog of $NTABLES tables ($nrel pg_class rows), best of $REPS | elapsed | CPU (user + sys) | peak RSS |"
echo "|---|---|---|---|"
line() {
	set -- $1
	echo "| $NAME | ${1}s | ${2}s | $(($3 / 1024)) MB |"
}
for args in "--relation t5000 -b 0" "--relation t5000 --json" "--list" "--list --columns --json"; do
	NAME="pgpage -d many $args"
	# shellcheck disable=SC2086
	line "$(best "$BIN/pgpage" -D "$DIR/data" -d many $args)"
done
NAME="pgbtree -d many --relation t5000_pkey --check"
line "$(best "$BIN/pgbtree" -D "$DIR/data" -d many --relation t5000_pkey --check)"
