-- Part of the open human tasks in the demo municipalities are in a civil servant's inbox.
UPDATE viewflow_task t SET owner_id = u.user_id, status = 'ASSIGNED', assigned = t.created + interval '1 hour'
FROM viewflow_process vp
JOIN django_content_type ct ON ct.id = vp.seed_content_type_id AND ct.app_label = 'zaken' AND ct.model = 'zaak'
JOIN zaken_zaak z ON z.id = vp.seed_object_id
JOIN zaken_gemeente g ON g.id = z.gemeente_id AND g.slug IN ('{big}', '{small}', 'rotterdam'),
LATERAL (SELECT m.user_id FROM zaken_medewerkerschap m
         JOIN auth_user_groups ug ON ug.user_id = m.user_id
         JOIN auth_group gr ON gr.id = ug.group_id AND gr.name = 'behandelaar'
         WHERE m.gemeente_id = z.gemeente_id ORDER BY md5(m.user_id::text || vp.id::text) LIMIT 1) u
WHERE t.process_id = vp.id AND t.status = 'NEW' AND t.flow_task_type = 'HUMAN' AND t.owner_id IS NULL
  AND random() < {assigned_share};
-- Besluit numbers: the municipality's next one comes after the seeded ones.
INSERT INTO zaken_zaaknummerreeks (gemeente_id, jaar, reeks, laatste)
SELECT z.gemeente_id, split_part(b.identificatie, '-', 2)::int, 'BESLUIT', max(split_part(b.identificatie, '-', 3)::int)
FROM zaken_besluit b JOIN zaken_zaak z ON z.id = b.zaak_id
WHERE b.identificatie ~ '^BESLUIT-[0-9]{4}-[0-9]+$' GROUP BY 1, 2
ON CONFLICT (gemeente_id, jaar, reeks) DO UPDATE SET laatste = greatest(zaken_zaaknummerreeks.laatste, EXCLUDED.laatste);
DROP TABLE IF EXISTS seed_tpl_rows, seed_ct, seed_gem, seed_idmap, seed_cfgmap, seed_tplw, seed_plan;
DROP FUNCTION IF EXISTS seed_elfproef(bigint);
