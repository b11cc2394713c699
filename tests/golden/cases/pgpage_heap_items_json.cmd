# heap items as JSON (heap_page_items() columns, infomask flag names): one block of hot_tbl with redirects and HOT chains, PostgreSQL 16
pgpage --json -b 1 testdata/pg16/data/base/16384/$(gzip -dc testdata/pg16/oracle/relations.jsonl.gz | jq -r 'select(.relname == "hot_tbl") | .file | ltrimstr("base/16384/")').gz
