# --hex of one item, text and JSON, and --check clean on the same table (PostgreSQL 18)
f=testdata/pg18/data/base/16384/$(gzip -dc testdata/pg18/oracle/relations.jsonl.gz | jq -r 'select(.relname == "hot_tbl") | .file | ltrimstr("base/16384/")').gz
pgpage -x -b 0 -i 2 $f
pgpage -x -j -b 0 -i 2 $f
pgpage -c $f >/dev/null
