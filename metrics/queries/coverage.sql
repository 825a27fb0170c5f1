-- How many figures each region has for each metric (only pairs with at least one figure).
SELECT f.region_id, f.metric_id, m.category, count(*) AS figure_count
FROM figures AS f
JOIN metrics AS m ON m.id = f.metric_id
GROUP BY ALL
ORDER BY f.region_id, f.metric_id;
