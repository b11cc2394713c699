# -k over a block range of hot_tbl, PostgreSQL 17
pgpage -k -b 1-3 testdata/pg17/data/base/16384/16534.gz
