pgpage --json testdata/pg14/data/global/pg_control
