# --check of hot_tbl (pg17): its map lags the HOT updates made after VACUUM (notices, exit 0)
pgfsm --check testdata/pg17/data/base/16384/16534_fsm.gz
