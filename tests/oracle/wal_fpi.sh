# A full-page image from the WAL against the page it was taken of.
#
# The workload's fpi_probe step (testdata/workload.sql) VACUUMs table
# fpi_probe, checkpoints, then updates one row: that record is the first
# change to block 0 after the checkpoint, so it carries an image of the
# page as modified, and nothing touches the table afterwards.  PostgreSQL's
# own page on disk must then be that image byte for byte, except pd_lsn
# (set to the record's end after the image was taken) and pd_checksum
# (computed when the page was written).  Every major, each with its own
# compression (10-14 pglz, 15 zstd, 16-18 pglz; see meta.json).
. tests/lib.sh

for M in 10 11 12 13 14 15 16 17 18; do
	D=testdata/pg$M/data
	META=testdata/pg$M/oracle/meta.json
	[ -f "$META" ] || { fail "pg$M fpi: fixture" "$META missing"; continue; }
	db=$(jq -r .dboid "$META")
	rel=$(oracle_cat "testdata/pg$M/oracle/relations.jsonl" | jq -r 'select(.relname == "fpi_probe") | .relfilenode')
	step=$(jq -c '.steps[] | select(.step == "fpi_probe")' "$META")
	if [ -z "$rel" ] || [ -z "$step" ]; then fail "pg$M fpi: fpi_probe in the fixture" "relation '$rel' step '$step'"; continue; fi
	"$BIN/pgwal" --json -p "$D" -R "1663/$db/$rel" -F main -B 0 >"$TMP/recs" 2>"$TMP/err"
	rec=$(tail -n 1 "$TMP/recs")
	lsn=$(printf '%s' "$rec" | jq -r .start_lsn)
	end=$(printf '%s' "$rec" | jq -r .end_lsn)
	# the last record touching block 0 is the step's own last one there: an
	# update with an image
	sb=$(printf '%s' "$step" | jq -r .lsn_before); sa=$(printf '%s' "$step" | jq -r .lsn_after)
	inlsn=$("$BIN/pgwal" --json -p "$D" -s "$sb" -e "$sa" -R "1663/$db/$rel" -F main -B 0 2>/dev/null | tail -n 1 | jq -r .start_lsn)
	inside=$(printf '%s' "$rec" | jq --arg l "$inlsn" -r '.start_lsn == $l and (.record_type | test("UPDATE"))
		and ([.blocks[] | select(.fork == "main" and .blkno == 0 and .has_image)] | length == 1)')
	if [ "$inside" = true ]; then pass "pg$M fpi: last change of fpi_probe block 0 is an update with an image ($lsn)"
	else fail "pg$M fpi: last change of fpi_probe block 0 is an update with an image" "$(printf '%s' "$rec" | head -c 300)"; continue; fi

	out=$TMP/fpi$M; rm -rf "$out"
	"$BIN/pgwal" -q -p "$D" -s "$lsn" -n 1 --save-fullpage "$out" 2>"$TMP/err"
	img=$(ls "$out"/*".$rel.0_main" 2>/dev/null | head -n 1)
	if [ -z "$img" ] || [ "$(wc -c <"$img")" -ne 8192 ]; then fail "pg$M fpi: image saved" "$(ls "$out" 2>&1 | head -3) $(head -c 200 "$TMP/err")"; continue; fi
	gzip -dc "$D/base/$db/$rel.gz" | head -c 8192 >"$TMP/disk"
	# bytes 10..8191: everything but pd_lsn (0-7) and pd_checksum (8-9)
	tail -c +11 "$img" >"$TMP/a"; tail -c +11 "$TMP/disk" >"$TMP/b"
	if cmp -s "$TMP/a" "$TMP/b"; then pass "pg$M fpi: image = block 0 on disk but pd_lsn, pd_checksum (8182 bytes)"
	else fail "pg$M fpi: image = block 0 on disk" "$(cmp -l "$TMP/a" "$TMP/b" | wc -l) bytes differ, first: $(cmp "$TMP/a" "$TMP/b")"; fi
	# the page on disk carries the record's end as its LSN; the image an older one
	disklsn=$("$BIN/pgpage" --json "$TMP/disk" 2>/dev/null | jq -r .lsn)
	imglsn=$("$BIN/pgpage" --json "$img" 2>/dev/null | jq -r .lsn)
	if [ "$disklsn" = "$end" ] && [ "$imglsn" != "$end" ]; then pass "pg$M fpi: pd_lsn on disk = record end $end (image: $imglsn)"
	else fail "pg$M fpi: pd_lsn on disk = record end" "disk $disklsn image $imglsn record end $end"; fi
done
