-- One row per clone k: its template, municipality (Zipf: seed_gem.cum), date shift and person.
SELECT setseed({seed});
DROP TABLE IF EXISTS seed_tplw, seed_plan;
-- Templates weighted by process (a realistic mix), split into finished and open ones.
CREATE UNLOGGED TABLE seed_tplw AS
SELECT t.*, sum(t.w) OVER (PARTITION BY t.is_open ORDER BY t.tpl) / sum(t.w) OVER (PARTITION BY t.is_open) AS cum
FROM (SELECT z.id AS tpl, z.initiator_bsn AS tpl_bsn, z.registratiedatum AS tpl_reg, z.einddatum IS NULL AS is_open,
             zt.process_slug,
             -- days from registration to the template's last event: a clone ends at least that far in the past
             ceil(extract(epoch FROM greatest(
               (SELECT max(s.datum_status_gezet) FROM zaken_status s WHERE s.zaak_id = z.id),
               (SELECT max(coalesce(t.finished, t.created)) FROM viewflow_task t JOIN viewflow_process vp ON vp.id = t.process_id
                JOIN seed_tpl_rows pr ON pr.tbl = 'viewflow_process' AND pr.old_id = vp.id AND pr.tpl = z.id),
               z.registratiedatum) - z.registratiedatum) / 86400)::int AS span_days,
             mix.w / count(*) OVER (PARTITION BY z.einddatum IS NULL, zt.process_slug) AS w
      FROM zaken_zaak z
      JOIN seed_tpl_rows r ON r.tbl = 'zaken_zaak' AND r.old_id = z.id
      JOIN zaken_zaaktype zt ON zt.id = z.zaaktype_id
      JOIN (VALUES ('verhuizing', 40.0), ('rijbewijs', 20.0), ('parkeervergunning', 18.0),
                   ('aangifte-overlijden', 12.0), ('evenementenvergunning', 10.0)) mix (slug, w)
        ON mix.slug = zt.process_slug) t;
CREATE UNLOGGED TABLE seed_plan AS
WITH r AS (
  SELECT k, random() AS rg, random() < {open_share} AS is_open, random() AS rt, random() AS rd, random() AS rj,
         random() < {audit_share} AS audit, random() AS rp
  FROM generate_series(1, {cases}) k)
SELECT r.k, g.gemeente_id, t.tpl, t.tpl_bsn, t.tpl_reg, r.audit,
       -- finished cases over the last three years, open ones over the last six weeks
       (CASE WHEN t.is_open THEN -(1 + t.span_days + floor(r.rd * 40))
             ELSE -(7 + t.span_days + floor(r.rd * 1080)) END)::int AS shift_days,
       -- registered between 07:00 and 17:00 UTC on that day
       (6 * 3600 + floor(r.rj * 10 * 3600) - extract(epoch FROM t.tpl_reg::time))::int AS jitter_s,
       seed_elfproef(20000000 + 2 * floor(r.rp * greatest({cases} * 0.6, 1))::bigint) AS bsn
FROM r
CROSS JOIN LATERAL (SELECT gemeente_id FROM seed_gem WHERE cum >= r.rg ORDER BY cum LIMIT 1) g
CROSS JOIN LATERAL (SELECT * FROM seed_tplw w
                    WHERE w.is_open = r.is_open OR NOT EXISTS (SELECT 1 FROM seed_tplw x WHERE x.is_open = r.is_open)
                    ORDER BY w.is_open = r.is_open DESC, w.cum >= r.rt DESC, w.cum LIMIT 1) t;
CREATE INDEX ON seed_plan (k);
