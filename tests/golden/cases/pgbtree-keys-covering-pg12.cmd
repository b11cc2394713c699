# --types on an INCLUDE index of 12: leaf keys with their INCLUDE columns, the root's pivots keep only the key column
pgbtree -T 'ts:timestamp;grp:int4,name:text' -b 2-3 testdata/pg12/data/base/16384/16530.gz
