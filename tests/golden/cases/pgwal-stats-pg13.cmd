# --stats in pg_waldump's layout, for a major with no oracle of its own
pgwal --stats -p testdata/pg13/data
