# --check of idx_tbl (pg16) with pg_xact, only the all-visible blocks 0-9
pgvm --check --json --pgdata testdata/pg16/data --set all_visible --block 0-9 testdata/pg16/data/base/16384/16551_vm.gz
