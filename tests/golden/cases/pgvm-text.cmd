# the visibility map of pg17's frozen_tbl, block 0 updated after VACUUM FREEZE
pgvm testdata/pg17/data/base/16384/16548_vm.gz
