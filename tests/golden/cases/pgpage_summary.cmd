# --summary with -k, text then JSON: a table, its index, its VM (PostgreSQL 14)
d=testdata/pg14/data/base/16384
t=$(gzip -dc testdata/pg14/oracle/relations.jsonl.gz | jq -r 'select(.relname == "hot_tbl") | .file | ltrimstr("base/16384/")')
i=$(gzip -dc testdata/pg14/oracle/relations.jsonl.gz | jq -r 'select(.relname == "hot_tbl_pkey") | .file | ltrimstr("base/16384/")')
pgpage -s -k $d/$t.gz $d/$i.gz $d/${t}_vm.gz
pgpage -s -k --json $d/$t.gz $d/$i.gz $d/${t}_vm.gz
