-- The categories in catalogue order, with how many metrics, figures and regions each has.
-- Counted per category first and then joined (quick at national scale).
WITH metric_counts AS (
    SELECT category, count(*) AS metric_count
    FROM metrics
    GROUP BY category
), counted AS (
    SELECT m.category, count(*) AS figure_count, count(DISTINCT f.region_id) AS region_count
    FROM figures AS f
    JOIN metrics AS m ON m.id = f.metric_id
    GROUP BY m.category
)
SELECT c.position, c.id AS category, c.name_zh AS category_zh, c.name_en AS category_en,
       coalesce(mc.metric_count, 0) AS metric_count, coalesce(k.figure_count, 0) AS figure_count,
       coalesce(k.region_count, 0) AS region_count
FROM categories AS c
LEFT JOIN metric_counts AS mc ON mc.category = c.id
LEFT JOIN counted AS k ON k.category = c.id
ORDER BY c.position;
