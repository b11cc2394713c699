-- The catalog part of the "forensic" fixture (issue 12), run by
-- testdata/generate_forensic.sh with Debian's psql in database "shop" of a
-- fresh cluster of any major 10..18, in one session.  The transaction part
-- (issue 13) needs several sessions at once and is driven by the script.
--
-- Variables passed by the script (psql -v):
--   tsdir   an empty directory owned by the server's user (tablespace)
--
-- Lines printed on stdout, collected by the script:
--   STEP <name> <lsn_before> <lsn_after> <xid_marker_before> <xid_marker_after>
--        the step used exactly the xids strictly between the two markers
--        (each marker is a txid_current() of its own, committed, transaction)
--   V {...}  a row version as the writing session saw it (fx_rows)
--   C {...}  a relation's oid, name and relfilenode before/after a step (fx_classes)
-- No random(): values come from generate_series and md5().

\set ON_ERROR_STOP 1
\set QUIET 1
\pset pager off
SET client_min_messages = warning;

-- ---------------------------------------------------------------- helpers
-- Every visible row version of one table (of its partitions for a
-- partitioned one), each column as text: "V {json}".
CREATE FUNCTION public.fx_rows(tbl regclass, step text, xact text) RETURNS SETOF text
LANGUAGE plpgsql AS $f$
DECLARE cols text;
BEGIN
    SELECT string_agg(format('%L, t.%I::text', attname, attname), ', ' ORDER BY attnum) INTO cols
    FROM pg_attribute WHERE attrelid = tbl AND attnum > 0 AND NOT attisdropped;
    RETURN QUERY EXECUTE format(
        'SELECT ''V '' || json_build_object(''nspname'', n.nspname, ''relname'', c.relname, ''reloid'', c.oid,
                ''ctid'', t.ctid::text, ''xmin'', t.xmin::text::bigint, ''xmax'', t.xmax::text::bigint,
                ''values'', json_build_object(%s), ''step'', %L, ''xact'', %L)::text
         FROM %s t JOIN pg_class c ON c.oid = t.tableoid JOIN pg_namespace n ON n.oid = c.relnamespace
         ORDER BY t.tableoid, t.ctid', cols, step, xact, tbl);
END $f$;

-- fx_rows of every table of the user schemas
CREATE FUNCTION public.fx_all(step text, xact text) RETURNS SETOF text
LANGUAGE plpgsql AS $f$
DECLARE r record;
BEGIN
    FOR r IN SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\_%' ORDER BY c.oid LOOP
        RETURN QUERY SELECT * FROM public.fx_rows(r.oid, step, xact);
    END LOOP;
END $f$;

-- After a DELETE or UPDATE, inside its transaction: the old versions at
-- the given ctids as the page now holds them (xmax, and t_ctid: the new
-- version of an update).  "D {json}"
CREATE FUNCTION public.fx_dead(tbl regclass, tids tid[], step text) RETURNS SETOF text
LANGUAGE sql AS $f$
    SELECT 'D ' || json_build_object('nspname', n.nspname, 'relname', c.relname, 'reloid', c.oid,
            'ctid', x.tid::text, 'xmin', i.t_xmin::text::bigint, 'xmax', i.t_xmax::text::bigint,
            'kind', CASE WHEN i.t_ctid = x.tid THEN 'delete' ELSE 'update' END,
            'new_ctid', CASE WHEN i.t_ctid = x.tid THEN NULL ELSE i.t_ctid::text END, 'step', step)::text
    FROM unnest(tids) x(tid) JOIN pg_class c ON c.oid = tbl JOIN pg_namespace n ON n.oid = c.relnamespace,
         LATERAL heap_page_items(get_raw_page(tbl::text, (x.tid::text::point)[0]::int)) i
    WHERE i.lp = (x.tid::text::point)[1]::int
$f$;

-- Every relation with a file: "C {json}"
CREATE FUNCTION public.fx_classes(step text, phase text) RETURNS SETOF text
LANGUAGE sql AS $f$
    SELECT 'C ' || json_build_object('step', step, 'when', phase, 'oid', c.oid, 'relname', c.relname,
            'nspname', n.nspname, 'relkind', c.relkind, 'relfilenode', c.relfilenode,
            'filenode', pg_relation_filenode(c.oid), 'file', pg_relation_filepath(c.oid))::text
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE pg_relation_filenode(c.oid) IS NOT NULL ORDER BY c.oid
$f$;

-- ---------------------------------------------------------------- steps
SELECT txid_current() AS x0 \gset
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE SCHEMA sales;
CREATE SCHEMA "Mixed Case";
CREATE SCHEMA "café";
CREATE TYPE sales.mood AS ENUM ('sad', 'ok', 'happy');
-- outside a transaction block (10 and 11 allow no other): enumsortorder 1.5
ALTER TYPE sales.mood ADD VALUE 'meh' BEFORE 'ok';
CREATE DOMAIN public.posint AS int4 CHECK (VALUE > 0);
CREATE DOMAIN public.label AS text;
CREATE TYPE sales.addr AS (street text, zip int4);
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT txid_current() AS x1 \gset
\echo STEP schemas_types :lsn_b :lsn_a :x0 :x1

-- a mapped catalog rewritten: a new relfilenode in global/pg_filenode.map's
-- sibling base/<db>/pg_filenode.map
SELECT txid_current() AS x0 \gset
SELECT * FROM public.fx_classes('vacuum_full_pg_class', 'before');
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
VACUUM FULL pg_class;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT * FROM public.fx_classes('vacuum_full_pg_class', 'after');
SELECT txid_current() AS x1 \gset
\echo STEP vacuum_full_pg_class :lsn_b :lsn_a :x0 :x1

SELECT txid_current() AS x0 \gset
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE sales.orders (
    id int4 PRIMARY KEY, customer text, mood sales.mood, amount numeric(10,2), placed timestamptz,
    tags text[], prices numeric[], qty posint, lbl label, ship sales.addr, note text,
    legacy int4);
CREATE INDEX orders_customer_desc ON sales.orders (customer DESC NULLS LAST, id);
CREATE INDEX orders_placed_nf ON sales.orders (placed NULLS FIRST);
INSERT INTO sales.orders
SELECT i,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'cust_' || (i % 7) END,
       CASE WHEN i % 9 = 0 THEN NULL ELSE (ARRAY['sad', 'meh', 'ok', 'happy']::sales.mood[])[1 + i % 4] END,
       CASE WHEN i % 8 = 0 THEN NULL ELSE (i * 12.34 - 100)::numeric(10,2) END,
       CASE WHEN i % 11 = 0 THEN NULL ELSE timestamptz '2024-01-01 00:00:00+00' + i * interval '1 day 1 hour 1.5 seconds' END,
       CASE WHEN i % 6 = 0 THEN NULL WHEN i % 6 = 1 THEN '{}'::text[] ELSE ARRAY['t' || i, NULL, 'x"y z', 'back\slash'] END,
       CASE WHEN i % 5 = 0 THEN NULL ELSE ARRAY[i * 1.5, -i, 0.001]::numeric[] END,
       CASE WHEN i % 12 = 0 THEN NULL ELSE i END,
       CASE WHEN i % 13 = 0 THEN NULL ELSE 'label ' || i END,
       CASE WHEN i % 4 = 0 THEN NULL WHEN i % 4 = 1 THEN ROW(NULL, 10000 + i)::sales.addr
            ELSE ROW('street, ' || i, 10000 + i)::sales.addr END,
       CASE i
           -- > 2 KB, compressible: pglz, inline
           WHEN 7 THEN repeat('compressible note text. ', 150)
           -- > 2 KB, incompressible (hex digests): external, uncompressed
           WHEN 17 THEN (SELECT string_agg(md5(g::text), '') FROM generate_series(1, 300) g)
           -- large and compressible, still over the limit once compressed: external, pglz
           WHEN 27 THEN (SELECT string_agg(g || ' ' || md5(g::text)::text || ' lorem ipsum dolor sit amet', ' ')
                         FROM generate_series(1, 400) g)
           ELSE CASE WHEN i % 3 = 0 THEN NULL ELSE 'note ' || i || E'\ttab\nnewline' END
       END,
       i * 100
FROM generate_series(1, 48) i;
CREATE TABLE "Mixed Case"."Odd Name" (id int4, "Col A" text);
INSERT INTO "Mixed Case"."Odd Name" VALUES (1, 'one'), (2, NULL), (3, 'Three "quoted"');
CREATE TABLE "café"."über" (id int4, "größe" text);
INSERT INTO "café"."über" VALUES (1, 'große'), (2, 'ß'), (3, 'naïve café'), (4, NULL);
CREATE TABLE sales.events (day date, what text, amount int4) PARTITION BY RANGE (day);
CREATE TABLE sales.events_2024 PARTITION OF sales.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE sales.events_2025 PARTITION OF sales.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO sales.events SELECT date '2024-06-01' + i * 45, 'event ' || i, i * 3 FROM generate_series(0, 9) i;
CREATE TABLESPACE forensic_ts LOCATION :'tsdir';
CREATE TABLE public.in_ts (id int4, v text) TABLESPACE forensic_ts;
INSERT INTO public.in_ts SELECT i, 'in tablespace ' || i FROM generate_series(1, 5) i;
CREATE TABLE public.accounts (id int4 PRIMARY KEY, owner text, balance int8) WITH (fillfactor = 50);
INSERT INTO public.accounts SELECT i, 'owner_' || i, i * 1000 FROM generate_series(1, 20) i;
CREATE TABLE public.ledger (id int4, account int4, amount int8, memo text);
INSERT INTO public.ledger SELECT i, i, i * 10, 'opening ' || i FROM generate_series(1, 5) i;
CREATE TABLE public.retyped (id int4, v int4);
INSERT INTO public.retyped SELECT i, i * 7 FROM generate_series(1, 5) i;
CREATE TABLE public.trunc_me (id int4, v text);
INSERT INTO public.trunc_me SELECT i, 'before truncate ' || i FROM generate_series(1, 5) i;
CREATE TABLE public.gone (id int4, v text);
INSERT INTO public.gone SELECT i, 'dropped later ' || i FROM generate_series(1, 5) i;
CREATE TABLE public.old_name (id int4, v text);
INSERT INTO public.old_name SELECT i, 'renamed later ' || i FROM generate_series(1, 3) i;
SELECT * FROM public.fx_all('tables', 'committed');
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT txid_current() AS x1 \gset
\echo STEP tables :lsn_b :lsn_a :x0 :x1

-- rows exist: a dropped column, two added with a default (attmissingval
-- from 11; 10 rewrites the table), rows written after
SELECT txid_current() AS x0 \gset
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
ALTER TABLE sales.orders DROP COLUMN legacy;
ALTER TABLE sales.orders ADD COLUMN region text DEFAULT 'north';
ALTER TABLE sales.orders ADD COLUMN priority int4 DEFAULT 3;
INSERT INTO sales.orders (id, customer, mood, amount, placed, qty, lbl, note, region, priority)
VALUES (49, 'cust_late', 'meh', 0.5, '2025-03-01 12:00:00+00', 1, 'late', 'added after the columns', 'south', NULL),
       (50, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT * FROM public.fx_all('orders_alter', 'committed');
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT txid_current() AS x1 \gset
\echo STEP orders_alter :lsn_b :lsn_a :x0 :x1

SELECT txid_current() AS x0 \gset
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE MATERIALIZED VIEW sales.order_totals AS
    SELECT customer, count(*) AS n, sum(amount) AS total FROM sales.orders GROUP BY customer ORDER BY customer;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT txid_current() AS x1 \gset
\echo STEP matview :lsn_b :lsn_a :x0 :x1

-- catalog history: a rewrite, a truncate, a drop, a rename
SELECT txid_current() AS x0 \gset
SELECT * FROM public.fx_classes('alter_column_type', 'before');
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
ALTER TABLE public.retyped ALTER COLUMN v TYPE int8;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT * FROM public.fx_classes('alter_column_type', 'after');
SELECT * FROM public.fx_all('alter_column_type', 'committed');
SELECT txid_current() AS x1 \gset
\echo STEP alter_column_type :lsn_b :lsn_a :x0 :x1

SELECT txid_current() AS x0 \gset
SELECT * FROM public.fx_classes('truncate', 'before');
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
TRUNCATE public.trunc_me;
INSERT INTO public.trunc_me VALUES (100, 'after truncate');
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT * FROM public.fx_classes('truncate', 'after');
SELECT * FROM public.fx_all('truncate', 'committed');
SELECT txid_current() AS x1 \gset
\echo STEP truncate :lsn_b :lsn_a :x0 :x1

SELECT txid_current() AS x0 \gset
SELECT * FROM public.fx_classes('drop_table', 'before');
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
DROP TABLE public.gone;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT * FROM public.fx_classes('drop_table', 'after');
SELECT txid_current() AS x1 \gset
\echo STEP drop_table :lsn_b :lsn_a :x0 :x1

SELECT txid_current() AS x0 \gset
SELECT * FROM public.fx_classes('rename', 'before');
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
ALTER TABLE public.old_name RENAME TO renamed;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT * FROM public.fx_classes('rename', 'after');
SELECT txid_current() AS x1 \gset
\echo STEP rename :lsn_b :lsn_a :x0 :x1

-- the one VACUUM of the transaction part: none after it
SELECT txid_current() AS x0 \gset
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
VACUUM;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
SELECT txid_current() AS x1 \gset
\echo STEP vacuum :lsn_b :lsn_a :x0 :x1
