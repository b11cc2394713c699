# Bounded input and memory: every tool, in each of its modes, on input
# that never ends (/dev/zero, as a file and as standard input), on a 1 GiB
# sparse file (one whole segment of zeros) and on 100 MB of high-entropy
# bytes ends within a time limit with 0, 1 or 2, under a limit on its
# address space (64 MiB) and with a peak RSS under 64 MiB (getrusage, by
# /usr/bin/time), and says what the bound did.  A relation segment holds at
# most RELSEG_SIZE (131072) blocks: the block reader reads no more of one
# input and calls the rest damage.  Under ASan the address space and RSS
# limits are left out (its shadow memory needs terabytes of the one and
# tens of MB of the other) and only the first modes run; the time limit stays.
. tests/lib.sh

B=$TMP/bounds.d
mkdir -p "$B"
truncate -s 1G "$B/sparse"
# High-entropy bytes that are the same on every run: 100 MB from a seed
# (tests/damage/mutate.c, built with the unit tests).
MUT=$(dirname "$BIN")/tests/mutate
if ! "$MUT" noise 18 104857600 "$B/noise"; then
	fail "bounds: 100 MB of noise" "$MUT could not write it"
	cat testdata/pg1*/data/base/*/*.gz 2>/dev/null | head -c 4194404 | tail -c +101 >"$B/noise"
fi
# pgwal wants segment names: the same inputs under them.
ln -sf /dev/zero "$B/000000010000000000000001"
ln -sf "$B/sparse" "$B/000000010000000000000002"
ln -sf "$B/noise" "$B/000000010000000000000003"

# The peak RSS of a run, where /usr/bin/time can say it (not under ASan).
RSS=
[ -z "${ASAN_RUN:-}" ] && [ -x /usr/bin/time ] && RSS=/usr/bin/time

# bounded NAME CMD...: ends with 0, 1 or 2 within 60 s, in 64 MiB of
# address space and under 64 MiB of peak RSS (not under ASan), stdout to
# $TMP/out, stderr to $TMP/err.
bounded() {
	name=$1; shift
	: >"$TMP/rss"
	(
		[ -n "${ASAN_RUN:-}" ] || ulimit -v 65536
		if [ -n "$RSS" ]; then
			exec $RSS -o "$TMP/rss" -f %M timeout 60 "$@"
		fi
		exec timeout 60 "$@"
	) >"$TMP/out" 2>"$TMP/err"
	got=$?
	kb=$(tail -n 1 "$TMP/rss" 2>/dev/null)
	case $got in
		0|1|2)
			if [ -n "$RSS" ] && ! [ "${kb:-0}" -lt 65536 ] 2>/dev/null; then
				fail "$name" "peak RSS ${kb:-unknown} kB, not under 64 MiB"
			else
				pass "$name"
			fi ;;
		124) fail "$name" "no end within 60 s" ;;
		*) fail "$name" "exit status $got: $(head -c 300 "$TMP/err")" ;;
	esac
	[ -n "$RSS" ] && printf '%s\t%s\n' "${kb:-?}" "$name" >>"$B/rss.log"
}

TOOLONG='block 131072: input longer than a relation segment \(131072 blocks; stopped\)'

# Every mode of the four page tools; under ASan the first seven.
MODES="pgpage|pgpage -k|pgbtree|pgbtree -c|pgfsm|pgfsm -c|pgvm"
[ -n "${ASAN_RUN:-}" ] || MODES="$MODES|pgpage -c|pgpage -s -k|pgpage -j -k --strict|pgpage -j -T int4,text,bytea|pgbtree -t|pgbtree -j|pgbtree -c -j -T int4,text|pgfsm -p|pgfsm -j|pgvm -S|pgvm -j"
IFS='|'
# shellcheck disable=SC2086
set -- $MODES
IFS=' 	
'
for t in "$@"; do
	# shellcheck disable=SC2086
	set -- $t
	tool=$1; shift
	bounded "bounds $t /dev/zero" "$BIN/$tool" "$@" /dev/zero
	if [ "$tool" = pgvm ] || [ "$tool" = pgfsm ]; then
		expect "bounds $t /dev/zero says where it stopped" "$TMP/err" \
			'/dev/zero: input longer than a relation segment \(fork block 131072: 131072 blocks; stopped\)'
	else
		expect "bounds $t /dev/zero says where it stopped" "$TMP/err" "/dev/zero: $TOOLONG"
	fi
	bounded "bounds $t stdin /dev/zero" "$BIN/$tool" "$@" - </dev/zero
	expect "bounds $t stdin /dev/zero stopped" "$TMP/err" 'input longer than a relation segment'
	# one whole segment of zeros is a segment: read to its end, no bound hit
	bounded "bounds $t 1 GiB sparse" "$BIN/$tool" "$@" "$B/sparse"
	expect_not "bounds $t 1 GiB sparse is one segment" "$TMP/err" 'longer than a relation segment'
	bounded "bounds $t noise" "$BIN/$tool" "$@" "$B/noise"
	expect "bounds $t noise says what is wrong" "$TMP/err" "^$tool: "
done

# The maps checked against a heap that is the same endless or hostile input.
if [ -z "${ASAN_RUN:-}" ]; then
	for tool in pgfsm pgvm; do
		for f in "$B/sparse" "$B/noise"; do
			bounded "bounds $tool -c -H ${f##*/}" "$BIN/$tool" -c -j -H "$f" "$f"
			[ $tool = pgvm ] && expect "bounds $tool -c -H ${f##*/} verdict" "$TMP/out" '"ok":'
		done
	done
fi

# The heap a map describes is bounded the same way, where it is only counted.
bounded "bounds pgvm -c --heap /dev/zero" "$BIN/pgvm" -c -S --heap /dev/zero /dev/zero
expect "bounds pgvm -c --heap /dev/zero names the heap" "$TMP/err" \
	'pgvm: /dev/zero: block 131072: input longer than a relation segment \(/dev/zero: 131072 blocks; stopped\)'
expect "bounds pgvm -c --heap /dev/zero verdict" "$TMP/out" 'blocks_checked=131072 .* other_damage=1 ok=f'
bounded "bounds pgfsm -c --heap /dev/zero" "$BIN/pgfsm" -c --heap /dev/zero /dev/zero
expect "bounds pgfsm -c --heap /dev/zero names the heap" "$TMP/err" '\(/dev/zero: 131072 blocks; stopped\)'

# A block range past a segment on a stream reads no further than a segment.
bounded "bounds pgpage -b past a segment" "$BIN/pgpage" -b 4000000000 /dev/zero
expect "bounds pgpage -b past a segment stopped" "$TMP/err" "$TOOLONG"

# pgwal: the first page of a segment decides; an endless one is not read
# on; a page magic forced by --pg-version changes nothing of that.
MODES="pgwal"
[ -n "${ASAN_RUN:-}" ] || MODES="$MODES|pgwal -j -b|pgwal --stats=record|pgwal -k -q|pgwal --fpi-verify -q|pgwal -P 15 -k -j"
IFS='|'
# shellcheck disable=SC2086
set -- $MODES
IFS=' 	
'
for t in "$@"; do
	# shellcheck disable=SC2086
	set -- $t
	shift
	for s in 1 2 3; do
		bounded "bounds $t segment $s" "$BIN/pgwal" "$@" "$B/00000001000000000000000$s"
		expect "bounds $t segment $s says why" "$TMP/err" '^pgwal: '
	done
	bounded "bounds $t stdin /dev/zero" "$BIN/pgwal" "$@" - </dev/zero
	expect "bounds $t stdin /dev/zero says why" "$TMP/err" '^pgwal: '
	bounded "bounds $t -p DIR" "$BIN/pgwal" "$@" -p "$B"
	expect "bounds $t -p DIR says why" "$TMP/err" '^pgwal: '
done
# the largest peak RSS of all runs, for the README
[ -n "$RSS" ] && sort -n "$B/rss.log" | tail -n 1 | sed 's/^/bounds: largest peak RSS (kB): /'
rm -rf "$B"
