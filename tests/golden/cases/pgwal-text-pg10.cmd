# the first records of PostgreSQL 10's WAL, in pg_waldump's text (10's wording)
TZ=UTC pgwal -n 15 -p testdata/pg10/data
