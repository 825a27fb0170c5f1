-- The metric catalogue with category and unit names, and how many figures and regions each has.
-- The figures are counted per metric first and then joined: grouping half a million joined rows
-- by every text column of the catalogue took a second at national scale.
WITH counted AS (
    SELECT metric_id, count(*) AS figure_count, count(DISTINCT region_id) AS region_count
    FROM figures
    GROUP BY metric_id
)
SELECT m.id AS metric_id, m.name_zh AS metric_zh, m.name_en AS metric_en,
       m.category, c.name_zh AS category_zh, c.name_en AS category_en,
       m.unit, u.name_zh AS unit_zh, u.name_en AS unit_en,
       m.description_zh, m.description_en, m.comparable, m.summable,
       c.position, m.position AS metric_position,
       coalesce(k.figure_count, 0) AS figure_count, coalesce(k.region_count, 0) AS region_count
FROM metrics AS m
JOIN categories AS c ON c.id = m.category
JOIN units AS u ON u.id = m.unit
LEFT JOIN counted AS k ON k.metric_id = m.id
ORDER BY c.position, metric_position;
