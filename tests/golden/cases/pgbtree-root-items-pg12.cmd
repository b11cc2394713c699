# the root of the level-2 tree of 12: pivot tuples with truncated attributes, data as 12 shows it
pgbtree -b 42 testdata/pg12/data/base/16384/16542.gz
