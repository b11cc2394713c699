# pg_control of the oldest and newest majors
pgpage testdata/pg10/data/global/pg_control testdata/pg18/data/global/pg_control
