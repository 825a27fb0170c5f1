-- For each unit directly under $code ('' for the country): how many units at or below it have
-- figures in each category, and how many units lie at or below it.
WITH RECURSIVE tree(admin_code, top_code) AS (
    SELECT admin_code, admin_code FROM admin_units WHERE parent_code = $code
    UNION ALL
    SELECT u.admin_code, t.top_code FROM admin_units AS u JOIN tree AS t
        ON u.parent_code = t.admin_code
),
reported AS (
    SELECT DISTINCT r.admin_code, m.category
    FROM figures AS f
    JOIN regions AS r ON r.id = f.region_id
    JOIN metrics AS m ON m.id = f.metric_id
)
SELECT t.top_code AS admin_code, p.category, count(DISTINCT p.admin_code) AS units_reporting
FROM tree AS t
JOIN reported AS p ON p.admin_code = t.admin_code
GROUP BY ALL
ORDER BY admin_code, p.category;
