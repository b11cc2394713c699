# posting lists of the deduplicated index of 18, as JSON
pgbtree --json testdata/pg18/data/base/16384/16570.gz
