# a deleted page as 10..13 show it (btpo is the deletion XID, links -1), and an INCLUDE index
pgbtree --json -b 1-3 testdata/pg12/data/base/16384/16530.gz
