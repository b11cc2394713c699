# a heap file is no B-tree: said once, exit 1
pgbtree testdata/pg12/data/base/16384/16534.gz
