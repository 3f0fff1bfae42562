-- Case numbers per municipality and year (ZAAK-2026-0000042), after the ones the municipality issued.
DROP TABLE IF EXISTS seed_plan_n;
CREATE UNLOGGED TABLE seed_plan_n AS
SELECT p.*, p.shift_days * 86400 + p.jitter_s AS shift_s, g.rsin,
       extract(year FROM (p.tpl_reg + (p.shift_days * 86400 + p.jitter_s) * interval '1 second')
               AT TIME ZONE 'Europe/Amsterdam')::int AS jaar
FROM seed_plan p JOIN zaken_gemeente g ON g.id = p.gemeente_id;
DROP TABLE seed_plan;
CREATE UNLOGGED TABLE seed_plan AS
SELECT p.*, coalesce(n.laatste, 0)
            + row_number() OVER (PARTITION BY p.gemeente_id, p.jaar ORDER BY p.shift_s, p.tpl_reg, p.k) AS nummer
FROM seed_plan_n p
LEFT JOIN zaken_zaaknummerreeks n ON n.gemeente_id = p.gemeente_id AND n.jaar = p.jaar AND n.reeks = 'ZAAK';
ALTER TABLE seed_plan ADD COLUMN identificatie text;
UPDATE seed_plan SET identificatie = 'ZAAK-' || jaar || '-' || lpad(nummer::text, 7, '0');
ALTER TABLE seed_plan ADD PRIMARY KEY (k);
DROP TABLE seed_plan_n;
INSERT INTO zaken_zaaknummerreeks (gemeente_id, jaar, reeks, laatste)
SELECT gemeente_id, jaar, 'ZAAK', max(nummer) FROM seed_plan GROUP BY 1, 2
ON CONFLICT (gemeente_id, jaar, reeks) DO UPDATE SET laatste = greatest(zaken_zaaknummerreeks.laatste, EXCLUDED.laatste);
ANALYZE seed_plan;
