# page kinds and header fields as JSON: a BRIN index, a sequence, the VM fork of hot_tbl (PostgreSQL 10)
pgpage --json testdata/pg10/data/base/16384/16539.gz testdata/pg10/data/base/16384/16551.gz testdata/pg10/data/base/16384/16502_vm.gz
