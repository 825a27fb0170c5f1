-- The whole-region figures (no narrower scope) of metric $metric for every unit below $code
-- ('' for the whole country), with their source.
WITH RECURSIVE below(admin_code) AS (
    SELECT admin_code FROM admin_units WHERE parent_code = $code
    UNION ALL
    SELECT u.admin_code FROM admin_units AS u JOIN below AS b ON u.parent_code = b.admin_code
)
SELECT r.admin_code, f.figure_id, f.region_id, f.metric_id, f.label, f.part_of, f.value, f.unit, f.qualifier, f.status,
       f.period_text, f.period_start, f.period_end, f.quote, f.comparable, f.summable,
       f.source_id, f.source_title_zh, f.source_title_en, f.source_date, f.source_date_basis,
       f.source_file, f.region_zh, f.region_en, f.metric_zh, f.metric_en
FROM below AS b
JOIN regions AS r ON r.admin_code = b.admin_code
JOIN figures_full AS f ON f.region_id = r.id
WHERE f.metric_id = $metric AND f.scope IS NULL
ORDER BY r.admin_code, f.period_end, f.figure_id;
