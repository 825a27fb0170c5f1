-- The regions the reports are about, in regions.yaml order, with their resident population (the
-- per-capita denominator), its year and the official publication it comes from. Regions
-- declared only as a place in the hierarchy (a province above a reported prefecture) are in
-- region_tree.sql.
SELECT r.id AS region_id, r.name_zh AS region_zh, r.name_en AS region_en, r.level AS region_level,
       r.province_zh, r.province_en, r.parent_zh, r.parent_en, r.admin_code,
       p.value AS population, p.year AS population_year,
       p.publication AS population_publication, p.issuer AS population_issuer,
       p.published AS population_published,
       nullif(p.source, '') AS population_source, nullif(p.read_at, '') AS population_read_at,
       p.note_zh AS population_note_zh, p.note_en AS population_note_en,
       coalesce(k.figure_count, 0) AS figure_count
FROM regions AS r
LEFT JOIN region_reference AS p ON p.region_id = r.id AND p.field = 'resident_population'
LEFT JOIN (SELECT region_id, count(*) AS figure_count FROM figures GROUP BY region_id) AS k
       ON k.region_id = r.id
WHERE r.id IN (SELECT region FROM sources)
ORDER BY r.position;
