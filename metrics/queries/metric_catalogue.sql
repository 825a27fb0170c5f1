-- The metric catalogue with category and unit names, and how many figures and regions each has.
SELECT m.id AS metric_id, m.name_zh AS metric_zh, m.name_en AS metric_en,
       m.category, c.name_zh AS category_zh, c.name_en AS category_en,
       m.unit, u.name_zh AS unit_zh, u.name_en AS unit_en,
       m.description_zh, m.description_en, m.comparable, m.summable,
       c.position, m.position AS metric_position,
       count(f.figure_id) AS figure_count, count(DISTINCT f.region_id) AS region_count
FROM metrics AS m
JOIN categories AS c ON c.id = m.category
JOIN units AS u ON u.id = m.unit
LEFT JOIN figures AS f ON f.metric_id = m.id
GROUP BY ALL
ORDER BY c.position, metric_position;
