# the three levels of pg17's big_fsm map: the pages that describe heap block 4069
pgfsm --pages --block 4069 testdata/pg17/data/base/16384/16598_fsm.gz
