# Bounded input and memory: every tool on input that never ends (/dev/zero,
# as a file and as standard input), on a 1 GiB sparse file (one whole
# segment of zeros) and on a few MB of high-entropy bytes ends within a
# time limit with 0, 1 or 2, under a limit on its address space, and says
# what the bound did.  A relation segment holds at most RELSEG_SIZE
# (131072) blocks: the block reader reads no more of one input and calls
# the rest damage.  Under ASan the address space limit is left out (its
# shadow memory needs terabytes of it); the time limit stays.
. tests/lib.sh

B=$TMP/bounds.d
mkdir -p "$B"
truncate -s 1G "$B/sparse"
# High-entropy bytes that are the same on every run: gzip'd fixture files.
cat testdata/pg1*/data/base/*/*.gz 2>/dev/null | head -c 4194404 | tail -c +101 >"$B/noise"
# pgwal wants segment names: the same inputs under them.
ln -sf /dev/zero "$B/000000010000000000000001"
ln -sf "$B/sparse" "$B/000000010000000000000002"
ln -sf "$B/noise" "$B/000000010000000000000003"

# bounded NAME CMD...: ends with 0, 1 or 2 within 60 s, in 64 MiB of
# address space (not under ASan), stdout to $TMP/out, stderr to $TMP/err.
bounded() {
	name=$1; shift
	(
		[ -n "${ASAN_RUN:-}" ] || ulimit -v 65536
		exec timeout 60 "$@"
	) >"$TMP/out" 2>"$TMP/err"
	got=$?
	case $got in
		0|1|2) pass "$name" ;;
		124) fail "$name" "no end within 60 s" ;;
		*) fail "$name" "exit status $got: $(head -c 300 "$TMP/err")" ;;
	esac
}

TOOLONG='block 131072: input longer than a relation segment \(131072 blocks; stopped\)'

for t in "pgpage" "pgpage -k" "pgbtree" "pgbtree -c" "pgfsm" "pgfsm -c" "pgvm"; do
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

# pgwal: the first page of a segment decides; an endless one is not read on.
for s in 1 2 3; do
	bounded "bounds pgwal segment $s" "$BIN/pgwal" "$B/00000001000000000000000$s"
	expect "bounds pgwal segment $s says why" "$TMP/err" '^pgwal: '
done
bounded "bounds pgwal stdin /dev/zero" "$BIN/pgwal" - </dev/zero
expect "bounds pgwal stdin /dev/zero says why" "$TMP/err" '^pgwal: '
rm -rf "$B"
