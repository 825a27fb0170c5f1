-- The whole-region figures of metric $metric of the region with code $code, with their source.
SELECT r.admin_code, f.figure_id, f.region_id, f.metric_id, f.label, f.part_of, f.value, f.unit, f.qualifier, f.status,
       f.period_text, f.period_start, f.period_end, f.quote, f.comparable, f.summable,
       f.source_id, f.source_title_zh, f.source_title_en, f.source_date, f.source_date_basis,
       f.source_file, f.region_zh, f.region_en, f.metric_zh, f.metric_en
FROM regions AS r
JOIN figures_full AS f ON f.region_id = r.id
WHERE r.admin_code = $code AND f.metric_id = $metric AND f.scope IS NULL
ORDER BY f.period_end, f.figure_id;
