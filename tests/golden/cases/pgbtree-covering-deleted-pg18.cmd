# the same deleted page as 14+ show it
pgbtree --json -b 1-3 testdata/pg18/data/base/16384/16576.gz
