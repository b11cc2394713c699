# pg_visibility_map_summary() of frozen_tbl in the oldest and newest majors
pgvm --json --summary testdata/pg10/data/base/16384/16518_vm.gz testdata/pg18/data/base/16384/16555_vm.gz
