#!/bin/sh
# The damage sweep (make damage): damaged copies of every file kind of
# every fixture major (heap, B-tree, the other index access methods, FSM,
# VM, TOAST, sequence, pg_control, pg_filenode.map, pg_xact, WAL segments),
# each written by mutate (tests/damage/mutate.c) from a seed, run through
# every tool with --json and with its check options.  Every run must end
# 0, 1 or 2 within DAMAGE_TIMEOUT seconds with no sanitizer report, in
# 64 MB of address space (plain build) or under ASan's hard RSS limit
# (sanitizer build, whose shadow memory needs terabytes of address space);
# every copy whose damage changed a page a data checksum covers, or cut a
# page or a gzip stream short, must make pgpage -k exit 1 with a diagnostic.
#
#   sh tests/damage/run.sh BUILD
#
#   DAMAGE_CASES    runs to make, at least (20000)
#   DAMAGE_SEED     seed of the whole sweep (1)
#   DAMAGE_JOBS     copies damaged and run at a time (2)
#   DAMAGE_TIMEOUT  seconds a run may take (20)
#   DAMAGE_LEAKS=1  LeakSanitizer on too (off: it doubles a run's time)
#   DAMAGE_CASE=N   only copy N of that seed, its files kept: how a
#                   failure printed by a sweep is rerun
#
# The same seed and number of cases always make the same copies and runs,
# whatever DAMAGE_JOBS is.  Ends with one summary line; exits 1 if any run
# crashed, hung, met a sanitizer or missed checksummed damage.
set -u
BUILD=${1:-build-asan}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
B=$(cd "$BUILD" 2>/dev/null && pwd) || { echo "damage: no build directory $BUILD" >&2; exit 2; }
BIN=$B/bin
MUT=$B/tests/mutate
CASES=${DAMAGE_CASES:-20000}
SEED=${DAMAGE_SEED:-1}
JOBS=${DAMAGE_JOBS:-2}
TLIM=${DAMAGE_TIMEOUT:-20}
ONLY=${DAMAGE_CASE:-}
[ -x "$MUT" ] || { echo "damage: $MUT missing: make BUILD=$BUILD unit" >&2; exit 2; }
[ -n "$ONLY" ] && JOBS=1

W=$(mktemp -d "${TMPDIR:-/tmp}/damage.XXXXXX")
[ -n "$ONLY" ] || trap 'rm -rf "$W"' EXIT
# lib.sh's helpers (majors, oracle_cat); results are counted here
RESULTS=${RESULTS:-/dev/null} TMP=$W
export RESULTS TMP BIN
. tests/lib.sh
. tests/damage/targets.sh

# Sanitizer findings exit 99 (no tool uses it) and never pass for damage
# (-fno-sanitize-recover and halt_on_error: no report goes on running);
# ASan's memory bound is RSS, the plain build's is address space.  Leak
# checks (DAMAGE_LEAKS=1) double the CPU time of a run; the fuzz targets
# and tests/run.sh's ASan pass look for leaks, the sweep for memory errors.
asan=0
grep -q __asan_init "$BIN/pgpage" && asan=1
ASAN_OPTIONS=exitcode=99:detect_leaks=${DAMAGE_LEAKS:-0}:hard_rss_limit_mb=${DAMAGE_RSS_MB:-512}
UBSAN_OPTIONS=halt_on_error=1:exitcode=99:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS

# Each major's files unpacked once (relation files are gzip'd in testdata;
# one WAL segment of each); each job damages its own tree of links to them.
cson=
for M in $(majors); do
	s=$W/src/pg$M/data
	mkdir -p "$s/pg_wal"
	tar -C "testdata/pg$M/data" --exclude=./pg_wal -cf - . | tar -C "$s" -xf -
	gzip -dqr "$s"
	w=$(ls "testdata/pg$M/data/pg_wal/" | head -n 1)
	gzip -dc "testdata/pg$M/data/pg_wal/$w" >"$s/pg_wal/${w%.gz}"
	[ "$(jq -r .data_checksums "testdata/pg$M/oracle/meta.json")" = true ] && cson="$cson $M "
	targets "$M" "$s" >>"$W/targets.raw"
done
j=0
while [ $j -lt "$JOBS" ]; do
	mkdir -p "$W/j$j"
	for M in $(majors); do cp -rs "$W/src/pg$M" "$W/j$j/"; done
	j=$((j + 1))
done

# Targets interleaved so that any prefix of the plan covers every kind and
# major: the first of each kind, then the second of each, ...
awk -F'\t' '{ print ++n[$1] "\t" NR "\t" $0 }' "$W/targets.raw" | sort -n -k1,1 -k2,2 | cut -f3- >"$W/targets"
# The plan: copy c damages target c mod T, until CASES runs are planned.
# @F@ and @C@ become $F and $C, which eval expands per run.
awk -F'\t' -v cases="$CASES" -v only="$ONLY" '
	{ gsub(/@F@/, "$F"); gsub(/@C@/, "$C"); t[NR - 1] = $0; n[NR - 1] = NF - 3 }
	END {
		if (only != "") { print only "\t" t[only % NR]; exit }
		for (c = 0; runs < cases; c++) { print c "\t" t[c % NR]; runs += n[c % NR] }
	}' "$W/targets" >"$W/plan"

# job J: the copies c with c mod JOBS == J; counts to $W/stats.J
job() {
	J=$1 D=$W/j$1
	runs=0 r0=0 r1=0 r2=0 crash=0 hang=0 san=0 csn=0 csd=0 cutn=0 cutd=0 coll=0 copies=0
	: >"$W/fail.$J"
	awk -F'\t' -v j="$J" -v jobs="$JOBS" '$1 % jobs == j' "$W/plan" |
	while IFS= read -r line; do
		set -f
		IFS='	'
		# shellcheck disable=SC2086,SC2090
		set -- $line
		IFS=' 	
'
		set +f
		c=$1 kind=$2 M=$3 path=$4
		shift 4
		C=$D/pg$M/data
		src=$W/src/pg$M/data/$path
		seed=$((SEED * 1000003 + c))
		cs=0
		case $cson in *" $M "*) cs=1 ;; esac
		rm -f "$C/$path"
		info=$("$MUT" "$seed" "$kind" "$cs" "$src" "$C/$path") || {
			echo "FAIL case=$c seed=$SEED pg$M $path: mutate failed" >>"$W/fail.$J"; continue; }
		F=${info#* file=}; F=${F%% *}
		name=${info##* name=}
		ncs=${info#* cs_pages=}; ncs=${ncs%% *}
		cut=${info#* cut=}; cut=${cut%% *}
		col=${info#* collisions=}; col=${col%% *}
		if [ "$name" != - ]; then
			case $F in *.gz) name=$name.gz ;; esac
			mv "$F" "$C/pg_wal/$name"
			F=$C/pg_wal/$name
		fi
		copies=$((copies + 1)) coll=$((coll + col))
		for cmd in "$@"; do
			want=0
			case $cmd in !*) cmd=${cmd#!}; [ "$ncs" -gt 0 ] || [ "$cut" = 1 ] && want=1 ;; esac
			if [ $asan = 1 ]; then
				eval "timeout -k 5 $TLIM $cmd" >/dev/null 2>"$D/err"
			else
				(ulimit -v 65536; eval "exec timeout -k 5 $TLIM $cmd") >/dev/null 2>"$D/err"
			fi
			rc=$?
			runs=$((runs + 1))
			why=
			case $rc in
				0) r0=$((r0 + 1)) ;;
				1) r1=$((r1 + 1)) ;;
				2) r2=$((r2 + 1)) ;;
				124|137) hang=$((hang + 1)) why="no end within $TLIM s" ;;
				99) san=$((san + 1)) why="sanitizer report" ;;
				*) crash=$((crash + 1)) why="exit $rc" ;;
			esac
			if [ $want = 1 ]; then
				if [ "$ncs" -gt 0 ]; then csn=$((csn + 1)); else cutn=$((cutn + 1)); fi
				if [ $rc = 1 ] && grep -q '^pgpage: ' "$D/err"; then
					if [ "$ncs" -gt 0 ]; then csd=$((csd + 1)); else cutd=$((cutd + 1)); fi
				elif [ -z "$why" ]; then
					why="exit $rc without a diagnostic: the damage ($ncs checksummed pages changed, cut=$cut) went unseen"
				fi
			fi
			if [ -n "$why" ]; then
				{
					echo "FAIL case=$c seed=$SEED pg$M $path ($kind, $info): $why"
					echo "  command: $cmd   (F=$F C=$C)"
					echo "  rerun:   DAMAGE_CASE=$c DAMAGE_SEED=$SEED sh tests/damage/run.sh $BUILD"
					sed -n '1,12s/^/  | /p' "$D/err"
				} >>"$W/fail.$J"
			fi
			[ -n "$ONLY" ] && { echo "exit $rc: $cmd"; cat "$D/err"; }
		done
		if [ -n "$ONLY" ]; then
			echo "damaged copy F=$F ($info), C=$C"
			continue
		fi
		rm -f "$F" "$C/$path" "$C/$path.gz"
		ln -s "$src" "$C/$path"
		echo "$runs $r0 $r1 $r2 $crash $hang $san $csn $csd $cutn $cutd $coll $copies" >"$W/stats.$J"
	done
}

j=0
while [ $j -lt "$JOBS" ]; do
	job $j &
	j=$((j + 1))
done
wait
cat "$W"/fail.* 2>/dev/null | head -200
[ -n "$ONLY" ] && exit 0
# shellcheck disable=SC2046
set -- $(cat "$W"/stats.* | awk '{ for (i = 1; i <= NF; i++) s[i] += $i } END { for (i = 1; i <= 13; i++) printf "%d ", s[i] }')
printf 'damage: %d runs on %d damaged copies (seed %s, %s): exit 0: %d, 1: %d, 2: %d; %d crashes, %d hangs, %d sanitizer reports; checksummed-page damages detected %d/%d (%d checksum collisions); cut inputs detected %d/%d\n' \
	"$1" "${13}" "$SEED" "${BUILD##*/}" "$2" "$3" "$4" "$5" "$6" "$7" "$9" "$8" "${12}" "${11}" "${10}"
[ "$5" -eq 0 ] && [ "$6" -eq 0 ] && [ "$7" -eq 0 ] && [ "$8" -eq "$9" ] && [ "${10}" -eq "${11}" ] &&
	[ "$1" -ge "$CASES" ] && ! cat "$W"/fail.* | grep -q .
