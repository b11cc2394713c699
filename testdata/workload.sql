-- Deterministic fixture workload, run by testdata/generate.sh with Debian's psql
-- against database "fixture" of a fresh cluster of any major 10..18.
--
-- Variables passed by generate.sh (psql -v):
--   have_lz4   true|false   server built with lz4 (Debian 15 only)
--   walcomp2   value of wal_compression for phase B (after the first checkpoint)
--   walcomp3   value of wal_compression for phase C (after the second checkpoint)
--   deep_rows  rows in wide_keys (deep B-tree)
--   tsdir      an empty directory owned by the server's user (phase D tablespace)
--
-- Every named step prints "STEP <name> <lsn_before> <lsn_after>" on stdout;
-- generate.sh collects those lines into meta.json.
--
-- Phase A: all DDL and the bulk of the data.  It ends with a VACUUM of the
-- fixture database's own (non-shared) catalogs, so that the later oracle
-- sessions find nothing to prune, hint or kill in catalog pages.
-- Phase B (after CHECKPOINT 1) and phase C (after CHECKPOINT 2): DML and
-- VACUUM only, so full-page images of every kind are written.
-- Phase D: one step per resource manager and record type the phases before
-- do not write, nearly all in a scratch database dropped at the end, so
-- the fixture database's files are touched only by the fpi_probe step.
-- No random(): values come from generate_series and md5().

\set ON_ERROR_STOP 1
\set QUIET 1
\pset pager off
SET client_min_messages = warning;

SELECT current_setting('server_version_num')::int >= 110000 AS pg11,
       current_setting('server_version_num')::int >= 130000 AS pg13,
       current_setting('server_version_num')::int >= 140000 AS pg14,
       current_setting('server_version_num')::int >= 150000 AS pg15,
       current_setting('server_version_num')::int >= 170000 AS pg17,
       current_setting('server_version_num')::int / 10000 = 17 AS only17
\gset

-- ===================================================================
-- Phase A
-- ===================================================================

-- ---- step: types ---------------------------------------------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE types_tbl (
    id      int4 PRIMARY KEY,
    c_bool  bool,
    c_char  "char",
    c_int2  int2,
    c_int4  int4,
    c_int8  int8,
    c_oid   oid,
    c_f4    float4,
    c_f8    float8,
    c_num   numeric,
    c_num2  numeric(12,4),
    c_text  text,
    c_vc    varchar(20),
    c_bpc   char(10),
    c_name  name,
    c_bytea bytea,
    c_date  date,
    c_time  time,
    c_timetz timetz,
    c_ts    timestamp,
    c_tstz  timestamptz,
    c_intv  interval,
    c_uuid  uuid,
    c_inet  inet,
    c_cidr  cidr,
    c_mac   macaddr,
    c_json  json,
    c_jsonb jsonb,
    c_i4arr int4[],
    c_txarr text[],
    c_xid   xid,
    c_cid   cid
);
-- hand-written edge cases
INSERT INTO types_tbl VALUES
 (1, true, 'a', 32767, 2147483647, 9223372036854775807, 4294967295,
  'NaN', 'NaN', 'NaN', 0.0001,
  '', '', '', '', '\x', '4713-01-01 BC', '00:00:00', '00:00:00+00', '4713-01-01 00:00:00 BC',
  '-infinity', '-178000000 years', '00000000-0000-0000-0000-000000000000',
  '0.0.0.0', '0.0.0.0/0', '00:00:00:00:00:00', '{}', '{}', '{}', '{}', '0', '0'),
 (2, false, 'z', -32768, -2147483648, -9223372036854775808, 0,
  'Infinity', 'Infinity', '-123456789012345678901234567890.123456789', -99999999.9999,
  'héllo wörld ✓', 'varchar value', 'ab', 'a_name', '\x00ff10', '0044-03-15 BC', '23:59:59.999999',
  '23:59:59.999999-15:59', '1999-12-31 23:59:59.999999', 'infinity', '-1 years -2 mons +3 days -04:05:06.789',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '::1', '2001:db8::/32', '08:00:2b:01:02:03',
  '{"a": [1, 2.5, "x", null, true]}', '{"b": {"c": [1, 2, {"d": null}]}, "a": 1}',
  '{1,NULL,3}', '{NULL,"",x,"with space","quote\"d"}', '4294967295', '4294967295'),
 (3, NULL, NULL, 0, 0, 0, 1,
  '-Infinity', '-Infinity', '1e100', 3.1416,
  repeat('x', 126), repeat('y', 20), 'abcdefghij', repeat('n', 63), decode(repeat('ab', 200), 'hex'),
  'infinity', '12:00:00', '12:00:00+05:30', 'infinity', '2000-01-01 00:00:00+00',
  '0', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '192.168.1.1/24', '10.0.0.0/8', 'ff:ff:ff:ff:ff:ff',
  '[]', '[]', '{{1,2},{3,4}}', '{{a,b},{c,NULL}}', '3', '7'),
 (4, true, 'Q', -1, -1, -1, 12345,
  '-0', '-0', '-0.000', 0,
  repeat('z', 127), NULL, NULL, NULL, NULL,
  '-infinity', '24:00:00', '24:00:00+00', '-infinity', '1970-01-01 00:00:00.000001+00',
  '1 day 00:00:00.000001', NULL, '2001:db8::1/64', '2001:db8:1::/48', NULL,
  'null', 'null', '{}', '{NULL}', NULL, NULL),
 (5, false, '0', 1, 1, 1, 1,
  1.17549435e-38, 2.2250738585072014e-308, '0.000000000000000000000000000001', -0.5,
  'tab	and
newline', 'x', 'x', 'x', '\x5c00', '2000-02-29', '01:02:03', '01:02:03.456+14', '2000-02-29 12:34:56.789',
  '2038-01-19 03:14:08+00', '1 year 2 mons 3 days 04:05:06.789',
  '123e4567-e89b-12d3-a456-426614174000', '255.255.255.255', '255.255.255.255/32', '01:23:45:67:89:ab',
  '"str"', '"str"', '{-2147483648,2147483647}', '{"",""}', '1', '0'),
 (6, true, 'b', 100, 100, 100, 100,
  3.4028235e+38, 1.7976931348623157e+308, '123456789012345678901234567890123456789.000000000000000000001', 12345678.1234,
  'plain', 'plain', 'plain', 'plain', '\xdeadbeef', '1999-01-08', '04:05:06', '04:05:06-08', '1999-01-08 04:05:06',
  '1999-01-08 04:05:06-08', '-00:00:00.000001', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '::ffff:1.2.3.4', '::/0', '0a:0b:0c:0d:0e:0f',
  '{"k": "v"}', '{"k": "v", "n": 1.50, "e": 1e3}', '{42}', '{"only"}', '42', '42');
-- all NULL except the key
INSERT INTO types_tbl (id) SELECT i FROM generate_series(7, 9) i;
\if :pg14
INSERT INTO types_tbl (id, c_num, c_num2) VALUES (10, 'Infinity', NULL), (11, '-Infinity', NULL);
\endif
-- regular rows with a NULL pattern
INSERT INTO types_tbl
SELECT i,
  CASE WHEN i % 11 = 0 THEN NULL ELSE i % 2 = 0 END,
  CASE WHEN i % 13 = 0 THEN NULL ELSE chr(65 + i % 26)::"char" END,
  CASE WHEN i % 3 = 0 THEN NULL ELSE (i * 7 % 30000)::int2 END,
  CASE WHEN i % 4 = 0 THEN NULL ELSE i * 1000 END,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i::int8 * 1000000007 END,
  CASE WHEN i % 6 = 0 THEN NULL ELSE (i * 13)::oid END,
  CASE WHEN i % 7 = 0 THEN NULL ELSE i / 7.0 END,
  CASE WHEN i % 8 = 0 THEN NULL ELSE i / 3.0 END,
  CASE WHEN i % 9 = 0 THEN NULL ELSE (i * 1.5 - 100)::numeric * 10 ^ (i % 20 - 10) END,
  CASE WHEN i % 10 = 0 THEN NULL ELSE (i / 7.0)::numeric(12,4) END,
  CASE WHEN i % 12 = 0 THEN NULL ELSE repeat(md5(i::text), 1 + i % 5) END,
  CASE WHEN i % 14 = 0 THEN NULL ELSE left(md5(i::text), i % 21) END,
  CASE WHEN i % 15 = 0 THEN NULL ELSE left(md5(i::text), i % 11) END,
  CASE WHEN i % 16 = 0 THEN NULL ELSE 'name_' || i END,
  CASE WHEN i % 17 = 0 THEN NULL ELSE decode(md5(i::text), 'hex') END,
  CASE WHEN i % 18 = 0 THEN NULL ELSE '2000-01-01'::date + (i * 37 - 3000) END,
  CASE WHEN i % 19 = 0 THEN NULL ELSE '00:00:00'::time + i * interval '1 minute 7.5 seconds' END,
  CASE WHEN i % 20 = 0 THEN NULL ELSE ('00:00:00'::time + i * interval '13 minutes')::timetz END,
  CASE WHEN i % 21 = 0 THEN NULL ELSE '2020-01-01 00:00:00'::timestamp + i * interval '1 day 1 hour 1.25 seconds' END,
  CASE WHEN i % 22 = 0 THEN NULL ELSE '2020-01-01 00:00:00+00'::timestamptz - i * interval '3 days 7 hours' END,
  CASE WHEN i % 23 = 0 THEN NULL ELSE i * interval '1 mon 2 days 3 hours 4.5 seconds' END,
  CASE WHEN i % 24 = 0 THEN NULL ELSE md5(i::text)::uuid END,
  CASE WHEN i % 25 = 0 THEN NULL ELSE ('10.' || i % 256 || '.' || i / 256 || '.1')::inet END,
  CASE WHEN i % 26 = 0 THEN NULL ELSE ('10.' || i % 256 || '.0.0/16')::cidr END,
  CASE WHEN i % 27 = 0 THEN NULL ELSE ('08:00:2b:00:' || lpad(to_hex(i / 256), 2, '0') || ':' || lpad(to_hex(i % 256), 2, '0'))::macaddr END,
  CASE WHEN i % 28 = 0 THEN NULL ELSE json_build_object('i', i, 'm', md5(i::text)) END,
  CASE WHEN i % 29 = 0 THEN NULL ELSE jsonb_build_object('i', i, 'arr', jsonb_build_array(i, i * 2, NULL)) END,
  CASE WHEN i % 30 = 0 THEN NULL WHEN i % 31 = 0 THEN '{}' ELSE ARRAY[i, NULL, -i] END,
  CASE WHEN i % 32 = 0 THEN NULL WHEN i % 33 = 0 THEN '{}' ELSE ARRAY[md5(i::text), NULL, ''] END,
  CASE WHEN i % 34 = 0 THEN NULL ELSE (i * 1000)::text::xid END,
  CASE WHEN i % 35 = 0 THEN NULL ELSE (i % 100)::text::cid END
FROM generate_series(12, 200) i;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP types :lsn_b :lsn_a

-- ---- step: altered (ADD COLUMN with default -> attmissingval on 11+, DROP COLUMN)
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE altered (id int4 PRIMARY KEY, a text, b int8, c text);
INSERT INTO altered SELECT i, 'a' || i, i * 10, 'c' || i FROM generate_series(1, 100) i;
ALTER TABLE altered DROP COLUMN b;
ALTER TABLE altered ADD COLUMN d int4 DEFAULT 42;
ALTER TABLE altered ADD COLUMN e text DEFAULT 'missing default';
ALTER TABLE altered ADD COLUMN f int8;
INSERT INTO altered (id, a, c, d, e, f) SELECT i, 'a' || i, 'c' || i, i, NULL, i * 3 FROM generate_series(101, 120) i;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP altered :lsn_b :lsn_a

-- ---- step: toast (pglz inline, external uncompressed, external compressed)
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE toasty (id int4 PRIMARY KEY, t_inline text, t_ext text, t_extc text, b_ext bytea);
ALTER TABLE toasty ALTER COLUMN t_ext SET STORAGE EXTERNAL;
ALTER TABLE toasty ALTER COLUMN b_ext SET STORAGE EXTERNAL;
-- 1: compressible, compressed inline (pglz)
INSERT INTO toasty VALUES (1, repeat('abcd', 1000), NULL, NULL, NULL);
-- 2: incompressible md5 chain, stored externally uncompressed (STORAGE EXTERNAL)
INSERT INTO toasty VALUES (2, NULL, (SELECT string_agg(md5('e' || j), '' ORDER BY j) FROM generate_series(1, 100) j), NULL, NULL);
-- 3: compressible but still > 2 kB after compression: external compressed (pglz)
INSERT INTO toasty VALUES (3, NULL, NULL, (SELECT string_agg(md5('c' || j) || md5('c' || j), '' ORDER BY j) FROM generate_series(1, 150) j), NULL);
-- 4: all of them, plus external bytea
INSERT INTO toasty VALUES (4, repeat('wxyz', 2000),
  (SELECT string_agg(md5('f' || j), '' ORDER BY j) FROM generate_series(1, 200) j),
  (SELECT string_agg(md5('g' || j) || md5('g' || j), '' ORDER BY j) FROM generate_series(1, 300) j),
  (SELECT decode(string_agg(md5('h' || j), '' ORDER BY j), 'hex') FROM generate_series(1, 100) j));
-- 5: short values (1-byte varlena headers), 6: NULLs
INSERT INTO toasty VALUES (5, 'short', 'short', 'short', '\x01'), (6, NULL, NULL, NULL, NULL);
-- 7..10: more external rows to be updated/deleted later
INSERT INTO toasty SELECT i, NULL, (SELECT string_agg(md5(i || '-' || j), '' ORDER BY j) FROM generate_series(1, 80) j), NULL, NULL
  FROM generate_series(7, 10) i;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP toast :lsn_b :lsn_a

\if :have_lz4
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE toast_lz4 (id int4 PRIMARY KEY, t_lz4 text COMPRESSION lz4, t_pglz text COMPRESSION pglz);
SET default_toast_compression = lz4;
-- inline lz4, external lz4-compressed, external uncompressed, and a pglz column for contrast
INSERT INTO toast_lz4 VALUES (1, repeat('lz4!', 1000), repeat('pglz', 1000));
INSERT INTO toast_lz4 VALUES (2, (SELECT string_agg(md5('l' || j) || md5('l' || j), '' ORDER BY j) FROM generate_series(1, 150) j),
                              (SELECT string_agg(md5('p' || j) || md5('p' || j), '' ORDER BY j) FROM generate_series(1, 150) j));
INSERT INTO toast_lz4 VALUES (3, (SELECT string_agg(md5('u' || j), '' ORDER BY j) FROM generate_series(1, 100) j), NULL);
INSERT INTO toast_lz4 VALUES (4, 'short', 'short'), (5, NULL, NULL);
ALTER TABLE toasty ALTER COLUMN t_inline SET COMPRESSION lz4;
INSERT INTO toasty VALUES (11, repeat('lz4 inline in toasty ', 300), NULL, NULL, NULL);
RESET default_toast_compression;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP toast_lz4 :lsn_b :lsn_a
\endif

-- ---- step: hot / dead / frozen tables --------------------------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE hot_tbl (id int4 PRIMARY KEY, k int4, payload text) WITH (fillfactor = 60);
CREATE INDEX hot_tbl_k_idx ON hot_tbl (k);
INSERT INTO hot_tbl SELECT i, i % 50, md5(i::text) FROM generate_series(1, 600) i;
CREATE TABLE dead_tbl (id int4, v text);
CREATE INDEX dead_tbl_id_idx ON dead_tbl (id);
INSERT INTO dead_tbl SELECT i, md5(i::text) FROM generate_series(1, 400) i;
CREATE TABLE frozen_tbl (id int4, v text, n numeric);
INSERT INTO frozen_tbl SELECT i, md5(i::text), i / 3.0 FROM generate_series(1, 500) i;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP heap_tables :lsn_b :lsn_a

-- ---- step: indexes of every access method --------------------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE idx_tbl (id int4 PRIMARY KEY, grp int4 NOT NULL, name text, tags int4[], doc jsonb,
                      bx box, rng int4range, pt point, ts timestamp);
CREATE INDEX idx_tbl_grp_name ON idx_tbl (grp, name);
CREATE INDEX idx_tbl_grp_dedup ON idx_tbl (grp);
CREATE INDEX idx_tbl_name_hash ON idx_tbl USING hash (name);
CREATE INDEX idx_tbl_bx_gist ON idx_tbl USING gist (bx);
CREATE INDEX idx_tbl_doc_gin ON idx_tbl USING gin (doc);
CREATE INDEX idx_tbl_tags_gin ON idx_tbl USING gin (tags) WITH (fastupdate = off);
CREATE INDEX idx_tbl_name_spgist ON idx_tbl USING spgist (name);
\if :pg11
CREATE INDEX idx_tbl_covering ON idx_tbl (ts) INCLUDE (grp, name);
\endif
INSERT INTO idx_tbl
SELECT i, i % 10, 'name_' || left(md5(i::text), 12), ARRAY[i % 5, i % 7, i % 11],
       jsonb_build_object('i', i, 'g', i % 10, 'h', left(md5(i::text), 8)),
       box(point(i % 100, i / 100), point(i % 100 + 1, i / 100 + 1)),
       int4range(i, i + 10), point(i % 50, i / 50),
       '2020-01-01'::timestamp + i * interval '1 minute'
FROM generate_series(1, 1000) i;
-- built after the data: BRIN and the point SP-GiST
CREATE INDEX idx_tbl_ts_brin ON idx_tbl USING brin (ts) WITH (pages_per_range = 4);
CREATE INDEX idx_tbl_rng_gist ON idx_tbl USING gist (rng);
CREATE INDEX idx_tbl_pt_spgist ON idx_tbl USING spgist (pt);
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP index_methods :lsn_b :lsn_a

-- ---- step: deep B-tree (root level >= 2) ---------------------------
-- 198-byte text keys: 190 repeats of one of 23 letters, then 8 hex digits
-- of md5(i).  Below the 512-byte index-tuple compression threshold, so
-- about 37 fit a page and 3000 rows need a root at level 2; mostly
-- repetitive, so the committed heap, index, WAL and oracles gzip well.
-- Inserted in i order, which scatters over the 23 letter groups, so the
-- WAL holds page splits of both kinds.
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE wide_keys (id int4 PRIMARY KEY, k text NOT NULL);
CREATE INDEX wide_keys_k_idx ON wide_keys (k);
INSERT INTO wide_keys
SELECT i, repeat(chr(97 + i % 23), 190) || left(md5(i::text), 8)
FROM generate_series(1, :deep_rows) i;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP deep_btree :lsn_b :lsn_a

-- ---- step: sequence, unlogged table, materialized view --------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE SEQUENCE fixture_seq START 100 INCREMENT 7;
CREATE UNLOGGED TABLE unlogged_tbl (id int4 PRIMARY KEY, v text);
INSERT INTO unlogged_tbl SELECT i, md5(i::text) FROM generate_series(1, 100) i;
CREATE MATERIALIZED VIEW matview AS SELECT id, c_text, c_int8 FROM types_tbl WHERE id % 2 = 0;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP seq_unlogged_matview :lsn_b :lsn_a

-- ---- step (17 only): a heap larger than one FSM leaf page ------------
\if :only17
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
-- one ~450-byte row per page at fillfactor 10: 4200 heap blocks
CREATE TABLE big_fsm (id int4, pad text) WITH (fillfactor = 10, autovacuum_enabled = off);
INSERT INTO big_fsm SELECT i, repeat('x', 420) FROM generate_series(1, 4200) i;
VACUUM big_fsm;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP big_fsm :lsn_b :lsn_a
\endif

-- ---- fpi_probe: a table phase D changes once, right after a checkpoint,
-- so the full-page image in that record can be compared with the page on
-- disk (created here so that the catalog vacuum below covers its rows).
CREATE TABLE fpi_probe (id int4, v text) WITH (autovacuum_enabled = off);
INSERT INTO fpi_probe SELECT i, md5(i::text) FROM generate_series(1, 50) i;

-- ---- step: vacuum the database's own catalogs ------------------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
SELECT format('VACUUM %s', c.oid::regclass) FROM pg_class c
 WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' AND NOT c.relisshared
 ORDER BY c.oid \gexec
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP vacuum_catalogs :lsn_b :lsn_a

-- ===================================================================
-- CHECKPOINT 1, then phase B
-- ===================================================================
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
ALTER SYSTEM SET wal_compression = :'walcomp2';
SELECT pg_reload_conf();
SET wal_compression = :'walcomp2';
CHECKPOINT;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP checkpoint_1 :lsn_b :lsn_a

SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
-- HOT updates (non-indexed column, room left by fillfactor)
UPDATE hot_tbl SET payload = upper(payload) WHERE id % 3 = 0;
-- non-HOT updates (indexed column changes)
UPDATE hot_tbl SET k = k + 1000 WHERE id % 10 = 1;
DELETE FROM hot_tbl WHERE id % 7 = 0;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP hot_updates :lsn_b :lsn_a

SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
UPDATE dead_tbl SET v = 'updated ' || v WHERE id % 4 = 0;
DELETE FROM dead_tbl WHERE id % 5 = 0;
UPDATE frozen_tbl SET v = upper(v) WHERE id % 50 = 0;
DELETE FROM types_tbl WHERE id IN (100, 150);
UPDATE types_tbl SET c_text = 'updated' WHERE id = 120;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP dml :lsn_b :lsn_a

SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
UPDATE toasty SET t_ext = (SELECT string_agg(md5('u' || j), '' ORDER BY j) FROM generate_series(1, 90) j) WHERE id = 7;
DELETE FROM toasty WHERE id = 8;
UPDATE toasty SET t_inline = 'small now' WHERE id = 9;
\if :have_lz4
INSERT INTO toast_lz4 VALUES (6, (SELECT string_agg(md5('m' || j) || md5('m' || j), '' ORDER BY j) FROM generate_series(1, 120) j), NULL);
\endif
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP toast_dml :lsn_b :lsn_a

SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
DELETE FROM idx_tbl WHERE id <= 300;
UPDATE idx_tbl SET name = name || '_u', doc = doc || '{"u": true}', tags = tags || 99 WHERE id % 9 = 0;
INSERT INTO wide_keys
SELECT i, repeat(chr(97 + i % 23), 190) || left(md5(i::text), 8)
FROM generate_series(:deep_rows + 1, :deep_rows + 200) i;
SELECT nextval('fixture_seq') FROM generate_series(1, 5) \g /dev/null
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP index_dml_seq :lsn_b :lsn_a

-- ===================================================================
-- CHECKPOINT 2, then phase C
-- ===================================================================
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
ALTER SYSTEM SET wal_compression = :'walcomp3';
SELECT pg_reload_conf();
SET wal_compression = :'walcomp3';
CHECKPOINT;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP checkpoint_2 :lsn_b :lsn_a

SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
VACUUM hot_tbl;
VACUUM toasty;
VACUUM idx_tbl;
VACUUM wide_keys;
VACUUM altered;
VACUUM FREEZE frozen_tbl;
\if :have_lz4
VACUUM FREEZE toast_lz4;
\endif
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP vacuum :lsn_b :lsn_a

-- after the vacuum: fresh dead tuples in a vacuumed table and more in dead_tbl
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
UPDATE hot_tbl SET payload = payload || '!' WHERE id % 5 = 2;
DELETE FROM dead_tbl WHERE id % 3 = 0;
INSERT INTO dead_tbl SELECT i, md5(i::text) FROM generate_series(401, 450) i;
UPDATE frozen_tbl SET n = -n WHERE id = 1;
SELECT nextval('fixture_seq') \g /dev/null
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP after_vacuum :lsn_b :lsn_a

-- ===================================================================
-- Phase D: the remaining resource managers and record types
-- ===================================================================

-- ---- step: fpi_probe --------------------------------------------------
-- VACUUM first (hint bits and all-visible set before the checkpoint, so no
-- FPI_FOR_HINT comes first); then the UPDATE is the page's first change
-- after the checkpoint and its record carries the image of block 0 as
-- modified.  Nothing touches the table afterwards: on disk, block 0 is that
-- image with pd_lsn = the record's end and a fresh checksum.
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
VACUUM fpi_probe;
CHECKPOINT;
UPDATE fpi_probe SET v = 'changed after the checkpoint' WHERE id = 7;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP fpi_probe :lsn_b :lsn_a

-- ---- step: database and tablespace created (Database, Tablespace) -----
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
\if :pg15
CREATE DATABASE scratch STRATEGY FILE_COPY;
\else
CREATE DATABASE scratch;
\endif
CREATE TABLESPACE fixture_ts LOCATION :'tsdir';
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP create_database :lsn_b :lsn_a

\connect scratch
SET client_min_messages = warning;

-- ---- step: transaction kinds (Transaction, Heap CONFIRM) -----------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TABLE r (id int4 PRIMARY KEY, v text);
-- SP-GiST over md5 text before the rows: inner tuples grow (ADD_NODE, SPLIT_TUPLE)
CREATE INDEX r_spgist ON r USING spgist (v);
INSERT INTO r SELECT i, md5(i::text) FROM generate_series(1, 1000) i;
BEGIN; INSERT INTO r VALUES (5001, 'rolled back'); ROLLBACK;
BEGIN;
INSERT INTO r VALUES (5002, 'kept');
SAVEPOINT s1;
INSERT INTO r VALUES (5003, 'subtransaction rolled back');
ROLLBACK TO s1;
COMMIT;
-- speculative insertion: one row conflicts, one is confirmed
INSERT INTO r VALUES (1, 'duplicate'), (5004, 'speculative') ON CONFLICT DO NOTHING;
BEGIN; INSERT INTO r VALUES (5005, 'prepared, committed'); PREPARE TRANSACTION 'fixture_p1';
COMMIT PREPARED 'fixture_p1';
BEGIN; INSERT INTO r VALUES (5006, 'prepared, rolled back'); PREPARE TRANSACTION 'fixture_p2';
ROLLBACK PREPARED 'fixture_p2';
-- 70 subtransactions with an xid each: an ASSIGNMENT record after 64
DO $$ BEGIN
  FOR i IN 1..70 LOOP
    BEGIN INSERT INTO r VALUES (6000 + i, 'sub'); EXCEPTION WHEN unique_violation THEN NULL; END;
  END LOOP;
END $$;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP xact_kinds :lsn_b :lsn_a

-- ---- step: multixacts (MultiXact, Heap LOCK with a multi) ---------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
BEGIN;
SELECT id FROM r WHERE id = 10 FOR SHARE \g /dev/null
SAVEPOINT s;
UPDATE r SET v = 'updated under a share lock' WHERE id = 10;
COMMIT;
BEGIN;
SELECT id FROM r WHERE id = 11 FOR KEY SHARE \g /dev/null
SAVEPOINT s;
SELECT id FROM r WHERE id = 11 FOR NO KEY UPDATE \g /dev/null
COMMIT;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP multixact :lsn_b :lsn_a

-- ---- step: logical messages and a replication origin ----------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
SELECT pg_logical_emit_message(true, 'fixture', 'transactional message') \g /dev/null
SELECT pg_logical_emit_message(false, 'fixture', 'non-transactional message') \g /dev/null
SELECT pg_replication_origin_create('fixture_origin') \g /dev/null
SELECT pg_replication_origin_session_setup('fixture_origin') \g /dev/null
BEGIN;
SELECT pg_replication_origin_xact_setup('0/AB0000', '2026-01-02 03:04:05.678901+00') \g /dev/null
INSERT INTO r VALUES (7001, 'replayed from an origin');
COMMIT;
SELECT pg_replication_origin_session_reset() \g /dev/null
SELECT pg_replication_origin_advance('fixture_origin', '0/CD0000') \g /dev/null
SELECT pg_replication_origin_drop('fixture_origin') \g /dev/null
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP logical_origin :lsn_b :lsn_a

-- ---- step: more index record types (Generic via bloom, BRIN, GIN, SP-GiST, B-tree, GiST, hash)
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE EXTENSION bloom;
CREATE INDEX r_bloom ON r USING bloom (id);
CREATE INDEX r_brin ON r USING brin (id) WITH (pages_per_range = 2);
INSERT INTO r SELECT i, md5(i::text) FROM generate_series(8001, 8200) i;
SELECT brin_desummarize_range('r_brin', 0) \g /dev/null
SELECT brin_summarize_range('r_brin', 0) \g /dev/null
-- one GIN key in every row: the pending list flushed by VACUUM makes it a
-- posting tree in one go (CREATE_PTREE); the second VACUUM cleans its leaves
CREATE TABLE g (id int4, a int4[]);
CREATE INDEX g_gin ON g USING gin (a);
INSERT INTO g SELECT i, ARRAY[1] FROM generate_series(1, 3000) i;
VACUUM g;
DELETE FROM g WHERE id % 3 <> 0 OR id > 2000;
VACUUM g;
-- B-tree and GiST pages emptied, deleted, then reused by the next inserts
-- (REUSE_PAGE, INSERT_META, UNLINK_PAGE_META; GiST PAGE_REUSE); an xid
-- between the VACUUMs lets 10-13 recycle the deleted pages
CREATE TABLE bt (x int4);
CREATE INDEX bt_x ON bt (x);
INSERT INTO bt SELECT generate_series(1, 2000);
DELETE FROM bt;
VACUUM bt;
SELECT txid_current() \g /dev/null
VACUUM bt;
INSERT INTO bt SELECT generate_series(1, 2000);
CREATE TABLE gi (p point);
CREATE INDEX gi_p ON gi USING gist (p);
INSERT INTO gi SELECT point(i, i) FROM generate_series(1, 1500) i;
DELETE FROM gi;
VACUUM gi;
SELECT txid_current() \g /dev/null
VACUUM gi;
INSERT INTO gi SELECT point(i, i) FROM generate_series(1, 1500) i;
-- a hash index with long overflow chains, half its tuples deleted: the
-- squeeze moves tuples between pages (MOVE_PAGE_CONTENTS)
CREATE TABLE hh (id int4, x int4);
CREATE INDEX hh_x ON hh USING hash (x);
INSERT INTO hh SELECT i, i % 4 FROM generate_series(1, 3000) i;
DELETE FROM hh WHERE id % 2 = 0;
VACUUM hh;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP index_kinds :lsn_b :lsn_a

-- ---- step: truncation and a relation map update (Storage, Heap, RelMap)
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
DELETE FROM r WHERE id > 500;
VACUUM r;
CREATE TABLE r2 AS SELECT * FROM r WHERE id <= 100;
TRUNCATE r2;
VACUUM FULL pg_class;
CREATE TABLE ts_tbl (id int4) TABLESPACE fixture_ts;
INSERT INTO ts_tbl SELECT generate_series(1, 10);
DROP TABLE ts_tbl;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP truncate_relmap :lsn_b :lsn_a

-- ---- step: xids across a CLOG page (CLOG and CommitTs ZEROPAGE) ----------
-- subtransactions writing to a temporary table take an xid each without
-- WAL of their own; enough of them to start a new pg_xact page (32768
-- xids a page) and many commit_ts pages (819 a page).
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
CREATE TEMPORARY TABLE burn (x int4);
DO $$
DECLARE
  n int4 := 32768 - (txid_current() % 32768)::int4 + 100;
BEGIN
  FOR i IN 1..n LOOP
    BEGIN INSERT INTO burn VALUES (i); EXCEPTION WHEN others THEN NULL; END;
  END LOOP;
END $$;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP xid_burn :lsn_b :lsn_a

\connect postgres
SET client_min_messages = warning;

-- ---- step: database and tablespace dropped --------------------------
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
DROP DATABASE scratch;
DROP TABLESPACE fixture_ts;
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP drop_database :lsn_b :lsn_a

-- ---- step: XLOG records of administration ---------------------------
-- restore point, a non-exclusive base backup (BACKUP_END), full_page_writes
-- off and on again (FPW_CHANGE, written by the checkpointer on reload), and
-- a segment switch.
SELECT pg_current_wal_insert_lsn() AS lsn_b \gset
SELECT pg_create_restore_point('fixture') \g /dev/null
\if :pg15
SELECT pg_backup_start('fixture', true) \g /dev/null
SELECT lsn FROM pg_backup_stop(false) \g /dev/null
\else
SELECT pg_start_backup('fixture', true, false) \g /dev/null
SELECT lsn FROM pg_stop_backup(false, false) \g /dev/null
\endif
ALTER SYSTEM SET full_page_writes = off;
SELECT pg_reload_conf() \g /dev/null
SELECT pg_sleep(1) \g /dev/null
ALTER SYSTEM SET full_page_writes = on;
SELECT pg_reload_conf() \g /dev/null
SELECT pg_sleep(1) \g /dev/null
SELECT pg_switch_wal() \g /dev/null
SELECT pg_current_wal_insert_lsn() AS lsn_a \gset
\echo STEP xlog_admin :lsn_b :lsn_a
