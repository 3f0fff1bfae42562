-- Work tables and helpers of the seeder (dropped again by after.sql).
CREATE OR REPLACE FUNCTION seed_elfproef(base8 bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  -- 8 digits + check digit so that 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11 (BSN and RSIN).
  -- An even base whose check digit would be 10 takes base + 1 (its sum is 2 more, no carry).
  SELECT CASE WHEN s % 11 = 10 THEN lpad((base8 + 1)::text, 8, '0') || ((s + 2) % 11)::text
              ELSE lpad(base8::text, 8, '0') || (s % 11)::text END
  FROM (SELECT (base8 / 10000000 % 10) * 9 + (base8 / 1000000 % 10) * 8 + (base8 / 100000 % 10) * 7
             + (base8 / 10000 % 10) * 6 + (base8 / 1000 % 10) * 5 + (base8 / 100 % 10) * 4
             + (base8 / 10 % 10) * 3 + (base8 % 10) * 2 AS s) t
$$;
CREATE UNLOGGED TABLE IF NOT EXISTS seed_tpl_rows (tbl text, old_id bigint, tpl bigint);
CREATE UNLOGGED TABLE IF NOT EXISTS seed_ct (ct_id int, tbl text);
CREATE UNLOGGED TABLE IF NOT EXISTS seed_gem (rank int, gemeente_id bigint, rsin text, cum float8);
CREATE INDEX IF NOT EXISTS seed_gem_cum ON seed_gem (cum);
CREATE UNLOGGED TABLE IF NOT EXISTS seed_idmap (tbl text, old_id bigint, k int, new_id bigint);
-- seed_idmap_key is built per chunk, after the chunk's ids are in.
CREATE UNLOGGED TABLE IF NOT EXISTS seed_cfgmap (tbl text, old_id bigint, gemeente_id bigint, new_id bigint,
                                                 PRIMARY KEY (tbl, old_id, gemeente_id));
