# Row state (pgpage -D --relation) against damage made from a copy of each
# forensic fixture (testdata/pgNN/forensic: a crash, a prepared transaction,
# multixacts): first the healthy copy raises no alarm; then
#   a pg_xact byte changed so that hinted-committed inserts read aborted,
#   HEAP_XMIN_COMMITTED set on a tuple of an aborted transaction,
#   a truncated pg_multixact segment (members, then offsets);
# each is a finding naming the file and what is wrong, exit 1, and the
# scan goes on (under ASan too: tests/run.sh's second pass).
. tests/lib.sh

# Byte b of file f (plain) or'd with v, or set to v with "set".
poke() {
	printf "$(printf '\\%03o' "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
byte_at() {
	od -An -tu1 -j "$2" -N1 "$1" | tr -d ' '
}

# usage: the row options need --relation, one selection, a known format
D0=testdata/pg15/data
check "rowstate: --deleted without --relation" 2 "$BIN/pgpage" -D "$D0" -d 16384 --deleted
expect "rowstate: --deleted without --relation says so" "$TMP/err" 'need --relation'
check "rowstate: two selections" 2 "$BIN/pgpage" -D "$D0" -d 16384 --relation dead_tbl --deleted --aborted
check "rowstate: unknown --format" 2 "$BIN/pgpage" -D "$D0" -d 16384 --relation dead_tbl --format=xml
expect "rowstate: unknown --format message" "$TMP/err" 'invalid --format "xml": copy, csv or rows'
check "rowstate: --format=copy with --json" 2 "$BIN/pgpage" -D "$D0" -d 16384 --relation dead_tbl --format=copy --json
check "rowstate: --xid 0" 2 "$BIN/pgpage" -D "$D0" -d 16384 --relation dead_tbl --xid 0
check "rowstate: --xid not a number" 2 "$BIN/pgpage" -D "$D0" -d 16384 --relation dead_tbl --xid abc
check "rowstate: main fixture --all-versions is clean" 0 "$BIN/pgpage" -D "$D0" -d 16384 --relation dead_tbl --all-versions --json
expect "rowstate: --all-versions carries chain and version" "$TMP/out" '"chain":"\(0,[0-9]+\)","version":1'

n=0
for F in testdata/pg[0-9]*/forensic; do
	[ -f "$F/data/PG_VERSION" ] || continue
	M=$(basename "$(dirname "$F")" | sed 's/^pg//')
	n=$((n + 1))
	W=$TMP/rsd$M
	rm -rf "$W"; mkdir -p "$W"
	cp -a "$F/." "$W/"
	D=$W/data
	T=public.accounts
	P="pg$M rowstate damage"

	check "$P: healthy copy exits 0" 0 "$BIN/pgpage" -D "$D" -d shop --relation "$T" --json
	[ -s "$TMP/err" ] && fail "$P: healthy copy is silent" "$(head -c 300 "$TMP/err")"
	cp "$TMP/out" "$W/pages.json"
	file=$(jq -r '.file' "$W/pages.json" | head -1)

	# 1. HEAP_XMIN_COMMITTED on an aborted insert (t_infomask is at +20)
	set -- $(jq -r '.blkno as $b | .items[] | select(.xmin_status == "aborted"
		and (.raw_flags | index("HEAP_XMIN_COMMITTED") | not)) | "\($b) \(.lp) \(.lp_off) \(.t_xmin)"' "$W/pages.json" | head -1)
	if [ $# -eq 4 ]; then
		blk=$1 lp=$2 off=$3 xid=$4
		plain=${file%.gz}
		if [ "$plain" != "$file" ]; then gzip -dc "$file" >"$plain" && rm -f "$file"; fi
		at=$((blk * 8192 + off + 21))
		cp "$plain" "$W/heap.orig"
		poke "$plain" $at $(( $(byte_at "$plain" $at) | 1 ))
		check "$P: XMIN_COMMITTED on an aborted insert is damage" 1 "$BIN/pgpage" -D "$D" -d shop --relation "$T" --json
		expect "$P: XMIN_COMMITTED finding names file, block, item, xid" "$TMP/err" \
			"^pgpage: $plain: block $blk: item $lp: hint bits contradict the transaction logs \(xmin $xid: HEAP_XMIN_COMMITTED set but xmin aborted\)"
		# PostgreSQL would believe the hint: the row reads as visible, and is said to be
		check "$P: the hinted row is exported, with the finding" 1 "$BIN/pgpage" -D "$D" -d shop --relation "$T" --format=rows
		expect "$P: the hinted row is in the export" "$TMP/out" "\"ctid\":\"\\($blk,$lp\\)\""
		check "$P: --aborted no longer lists it" 1 "$BIN/pgpage" -D "$D" -d shop --relation "$T" --aborted --json
		expect_not "$P: --aborted without the hinted row" "$TMP/out" "\"ctid\":\"\\($blk,$lp\\)\""
		cp "$W/heap.orig" "$plain"
	else
		fail "$P: an aborted insert in $T" "none found in the fixture"
	fi

	# 2. a pg_xact byte changed: a hinted-committed insert's xid now aborted
	xid=$(jq -r '.items[] | select(.xmin_status == "committed" and .t_xmin > 2
		and (.raw_flags | index("HEAP_XMIN_COMMITTED"))) | .t_xmin' "$W/pages.json" | head -1)
	if [ -n "$xid" ]; then
		seg=$(printf '%04X' $((xid / 1048576)))
		x=$D/pg_xact/$seg
		[ -f "$x.gz" ] && { gzip -dc "$x.gz" >"$x"; rm -f "$x.gz"; }
		cp "$x" "$W/xact.orig"
		poke "$x" $(((xid % 1048576) / 4)) 170
		check "$P: pg_xact byte changed is damage" 1 "$BIN/pgpage" -D "$D" -d shop --relation "$T"
		expect "$P: pg_xact finding" "$TMP/err" "hint bits contradict the transaction logs \(xmin $xid: HEAP_XMIN_COMMITTED set but xmin aborted\)"
		cp "$W/xact.orig" "$x"
	else
		fail "$P: a hinted-committed insert in $T" "none found in the fixture"
	fi

	# 3. truncated pg_multixact segments: members, then offsets
	if jq -e '.items[] | select(.members)' "$W/pages.json" >/dev/null; then
		for k in members offsets; do
			s=$D/pg_multixact/$k/0000
			[ -f "$s.gz" ] && { gzip -dc "$s.gz" >"$s"; rm -f "$s.gz"; }
			cp "$s" "$W/$k.orig"
			: >"$s"
			check "$P: truncated pg_multixact/$k is damage" 1 "$BIN/pgpage" -D "$D" -d shop --relation "$T" --json
			expect "$P: truncated pg_multixact/$k finding" "$TMP/err" "pg_multixact/$k/0000 too short: members of multixact [0-9]+ unknown"
			expect "$P: truncated pg_multixact/$k: pages still printed" "$TMP/out" '"kind":"heap"'
			check "$P: truncated pg_multixact/$k: --all-versions goes on" 1 "$BIN/pgpage" -D "$D" -d shop --relation "$T" --all-versions
			cp "$W/$k.orig" "$s"
		done
	else
		fail "$P: a multixact xmax in $T" "none found in the fixture"
	fi
	check "$P: restored copy exits 0 again" 0 "$BIN/pgpage" -D "$D" -d shop --relation "$T"
	rm -rf "$W"
done
[ $n -gt 0 ] || fail "rowstate damage: fixtures" "no testdata/pgNN/forensic/data"
