-- For each unit below $code (any depth): how many figures, metrics and reports it has.
WITH RECURSIVE below(admin_code) AS (
    SELECT admin_code FROM admin_units WHERE parent_code = $code
    UNION ALL
    SELECT u.admin_code FROM admin_units AS u JOIN below AS b ON u.parent_code = b.admin_code
)
SELECT u.admin_code, u.name_zh, u.name_en, u.level, u.parent_code,
       count(f.figure_id) AS figure_count, count(DISTINCT f.metric_id) AS metric_count,
       count(DISTINCT f.source_id) AS source_count
FROM below AS b
JOIN admin_units AS u USING (admin_code)
LEFT JOIN regions AS r ON r.admin_code = u.admin_code
LEFT JOIN figures AS f ON f.region_id = r.id
GROUP BY ALL
ORDER BY u.admin_code;
