# --stats=record as pg_get_wal_stats(per_record => true) rows, 1 MB segments
pgwal --json --stats=record -r Transaction,Storage,XLOG -p testdata/pg16/data
