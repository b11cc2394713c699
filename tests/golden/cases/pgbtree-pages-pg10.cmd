# metapage and page stats of a two-level index of 10 (btpo, no item columns of 13+)
pgbtree --no-items testdata/pg10/data/base/16384/16533.gz
