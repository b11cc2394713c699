# a segment cut short (not .partial): the records before it, then damage, exit 1
d=$(mktemp -d) && gzip -dc testdata/pg14/data/pg_wal/000000010000000000000002.gz | head -c 60000 >"$d/000000010000000000000002" && (cd "$d" && pgwal -q 000000010000000000000002); rc=$?; rm -rf "$d"; exit $rc
