# --types on a catalog index of 16: a name key is stored as a C string (name_ops), then an oid
pgbtree --json -T 'relname:name,relnamespace:oid' -b 1 testdata/pg16/data/base/16384/2663.gz | jq -c '.items[:4][] | {itemoffset, htid, values}'
