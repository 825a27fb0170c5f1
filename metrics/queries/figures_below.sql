-- For each unit below $code (any depth): how many figures, metrics and reports it has.
-- Figures are counted per region first and then joined (a unit has at most one region: codes
-- are unique), which is quick at national scale.
WITH RECURSIVE below(admin_code) AS (
    SELECT admin_code FROM admin_units WHERE parent_code = $code
    UNION ALL
    SELECT u.admin_code FROM admin_units AS u JOIN below AS b ON u.parent_code = b.admin_code
),
counted AS (
    SELECT f.region_id, count(*) AS figure_count, count(DISTINCT f.metric_id) AS metric_count,
           count(DISTINCT f.source_id) AS source_count
    FROM figures AS f
    JOIN regions AS r ON r.id = f.region_id
    JOIN below AS b ON b.admin_code = r.admin_code
    GROUP BY f.region_id
)
SELECT u.admin_code, u.name_zh, u.name_en, u.level, u.parent_code,
       coalesce(k.figure_count, 0) AS figure_count, coalesce(k.metric_count, 0) AS metric_count,
       coalesce(k.source_count, 0) AS source_count
FROM below AS b
JOIN admin_units AS u USING (admin_code)
LEFT JOIN regions AS r ON r.admin_code = u.admin_code
LEFT JOIN counted AS k ON k.region_id = r.id
ORDER BY u.admin_code;
