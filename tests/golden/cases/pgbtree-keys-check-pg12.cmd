# --check --types on the level-2 tree of 12 (text keys, suffix-truncated pivots): clean, with its comparison count
pgbtree --check --json -T k:text testdata/pg12/data/base/16384/16542.gz
