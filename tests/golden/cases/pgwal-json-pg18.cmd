# JSON: pg_get_wal_records_info() columns, then the decoded parts
pgwal --json -n 4 -r Heap,Btree -p testdata/pg18/data
