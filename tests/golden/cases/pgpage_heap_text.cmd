# types_tbl of PostgreSQL 17, gzip'd: page header lines
pgpage testdata/pg17/data/base/16384/16503.gz
