-- For each metric: how many units below $code ('' for the country) at level $level or below
-- have a whole-region figure of it (to start the page on a metric that many units report).
WITH RECURSIVE below(admin_code) AS (
    SELECT admin_code FROM admin_units WHERE parent_code = $code
    UNION ALL
    SELECT u.admin_code FROM admin_units AS u JOIN below AS b ON u.parent_code = b.admin_code
)
SELECT f.metric_id, count(DISTINCT u.admin_code) AS units
FROM below AS b
JOIN admin_units AS u USING (admin_code)
JOIN regions AS r ON r.admin_code = u.admin_code
JOIN figures AS f ON f.region_id = r.id
WHERE f.scope IS NULL AND list_position($levels, u.level) IS NOT NULL
GROUP BY ALL
ORDER BY units DESC, f.metric_id;
