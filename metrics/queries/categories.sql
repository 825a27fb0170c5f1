-- The categories in catalogue order, with how many metrics, figures and regions each has.
SELECT c.position, c.id AS category, c.name_zh AS category_zh, c.name_en AS category_en,
       count(DISTINCT m.id) AS metric_count, count(f.figure_id) AS figure_count,
       count(DISTINCT f.region_id) AS region_count
FROM categories AS c
LEFT JOIN metrics AS m ON m.category = c.id
LEFT JOIN figures AS f ON f.metric_id = m.id
GROUP BY ALL
ORDER BY c.position;
