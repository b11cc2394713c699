# pg_freespace() of pg18's types_tbl
pgfsm testdata/pg18/data/base/16384/16506_fsm.gz
