# Sourced by tests/damage/run.sh: the files of one fixture major that the
# sweep damages, and the commands each damaged copy runs through.
#
#   targets M DATA_REL_SRC
#
# prints one line per file: KIND<TAB>M<TAB>PATH<TAB>CMD<TAB>CMD...
# PATH is relative to the data directory; in each CMD @F@ stands for the
# damaged copy and @C@ for the data directory it sits in (every other file
# of it pristine).  The one command marked with a leading "!" verifies page
# checksums: where the damage changed a checksummed page, it must exit 1
# with a diagnostic.

targets() {
	tM=$1 tsrc=$2
	trel=testdata/pg$tM/oracle/relations.jsonl
	# name -> "oid file toast_file spec" of the public tables and the catalogs
	oracle_cat "$trel" | jq -r '
		select((.nspname == "public") or (.relname == "pg_class" or .relname == "pg_attribute" or .relname == "pg_class_oid_index")) |
		[.relkind, (.amname // "-"), .relname, .oid, .file, (.toast_file // "-"),
		 ([.columns[] | if .attisdropped then "~raw(\(.attlen),\(.attalign))" else "\(.attname):\(.type)" end] | join(","))] | @tsv' |
	while IFS='	' read -r kind am name oid file toast spec; do
		[ -s "$tsrc/$file" ] || continue
		V="$BIN"
		case $kind$am in
		r*|m*)
			public=0; case $name in pg_*) ;; *) public=1 ;; esac
			# the table's own values, its maps checked against it, the catalog's way in
			t="-T '$spec'"
			[ "$toast" != - ] && [ -s "$tsrc/$toast" ] && t="$t --toast @C@/$toast"
			line="heap	$tM	$file	$V/pgpage --json @F@	!$V/pgpage -k --check --json @F@"
			[ $public = 1 ] && line="$line	$V/pgpage $t --json @F@"
			[ -s "$tsrc/${file}_vm" ] && line="$line	$V/pgvm -c -H @F@ -x @C@/pg_xact --json @C@/${file}_vm"
			[ -s "$tsrc/${file}_fsm" ] && line="$line	$V/pgfsm -c -H @F@ --json @C@/${file}_fsm"
			if [ $public = 1 ]; then
				line="$line	$V/pgpage -D @C@ -d 16384 --relation $oid --json"
			else
				line="$line	$V/pgpage -D @C@ -d 16384 --list --columns	$V/pgpage -D @C@ -d 16384 --relation hot_tbl --json"
			fi
			printf '%s\n' "$line"
			if [ -s "$tsrc/${file}_fsm" ]; then
				printf 'fsm	%s	%s	%s	%s	%s	%s\n' "$tM" "${file}_fsm" \
					"$V/pgfsm --json @F@" "$V/pgfsm -c -H @C@/$file --json @F@" \
					"$V/pgfsm -p --json @F@" "!$V/pgpage -k --json @F@"
			fi
			if [ -s "$tsrc/${file}_vm" ]; then
				printf 'vm	%s	%s	%s	%s	%s	%s\n' "$tM" "${file}_vm" \
					"$V/pgvm --json @F@" "$V/pgvm -c -H @C@/$file -x @C@/pg_xact --json @F@" \
					"$V/pgvm -S --json @F@" "!$V/pgpage -k --json @F@"
			fi
			if [ $public = 1 ] && [ "$toast" != - ] && [ -s "$tsrc/$toast" ]; then
				printf 'toast	%s	%s	%s	%s	%s\n' "$tM" "$toast" \
					"!$V/pgpage -k --check --json @F@" "$V/pgpage -T '$spec' --toast @F@ --json @C@/$file" \
					"$V/pgpage -D @C@ -d 16384 --relation $oid --json"
			fi
			;;
		ibtree)
			# -T from the columns, but not where INCLUDE columns hide among them
			t=; case $name in *covering*) ;; *) t="-T '$spec'" ;; esac
			printf 'btree	%s	%s	%s	%s	%s	%s\n' "$tM" "$file" \
				"$V/pgbtree --json @F@" "$V/pgbtree -c $t --json @F@" \
				"$V/pgbtree -t @F@" "!$V/pgpage -k --json @F@"
			;;
		i*)
			printf 'index	%s	%s	%s	%s	%s\n' "$tM" "$file" \
				"!$V/pgpage -k --check --json @F@" "$V/pgpage -s -k --json @F@" "$V/pgbtree -c --json @F@"
			;;
		S*)
			printf 'seq	%s	%s	%s	%s	%s\n' "$tM" "$file" \
				"!$V/pgpage -k --json @F@" "$V/pgpage --check --json @F@" \
				"$V/pgpage -D @C@ -d 16384 --relation $oid --json"
			;;
		esac
	done
	hot=$(oracle_cat "$trel" | jq -r 'select(.relname == "hot_tbl") | .file')
	printf 'control	%s	global/pg_control	%s	%s	%s	%s\n' "$tM" \
		"$BIN/pgpage --json @F@" "$BIN/pgpage -k --json @C@/$hot" \
		"$BIN/pgpage -D @C@ -d 16384 --list --columns" "$BIN/pgvm -c -D @C@ -H @C@/$hot --json @C@/${hot}_vm"
	for m in global/pg_filenode.map base/16384/pg_filenode.map; do
		printf 'relmap	%s	%s	%s	%s	%s\n' "$tM" "$m" \
			"$BIN/pgpage --json @F@" "$BIN/pgpage -D @C@ -d 16384 --list --columns" \
			"$BIN/pgpage -D @C@ -d 16384 --relation hot_tbl --json"
	done
	printf 'xact	%s	pg_xact/0000	%s	%s	%s\n' "$tM" \
		"$BIN/pgvm -c -H @C@/$hot -x @C@/pg_xact --json @C@/${hot}_vm" \
		"$BIN/pgvm -c -S -D @C@ -H @C@/$hot @C@/${hot}_vm" \
		"$BIN/pgpage -D @C@ -d 16384 --relation hot_tbl --json"
	for w in "$tsrc"/pg_wal/0*; do
		[ -f "$w" ] || continue
		printf 'wal	%s	pg_wal/%s	%s	%s	%s	%s\n' "$tM" "${w##*/}" \
			"$BIN/pgwal --json -b @F@" "$BIN/pgwal --json --stats=record @F@" \
			"$BIN/pgwal -k -q @F@" "$BIN/pgwal --fpi-verify -q @F@"
	done
}
