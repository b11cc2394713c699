# -b before 15: pg_waldump 14 named no compression method (pglz was the only one)
pgwal -b -w -n 4 -p testdata/pg14/data
