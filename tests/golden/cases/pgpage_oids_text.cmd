# a catalog WITH OIDS (pg_type of PostgreSQL 11): t_oid, null bitmaps, HASOID in text
pgpage -b 0 testdata/pg11/data/base/16384/1247.gz
