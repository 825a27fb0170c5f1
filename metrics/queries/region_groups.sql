-- Each region with a report, paired with itself and with every region above it (level, code
-- and names): a matrix with too many regions for a column each groups them by a level above.
WITH reported AS (SELECT DISTINCT region AS region_id FROM sources),
paired AS (
    SELECT region_id, region_id AS group_id FROM reported
    UNION ALL
    SELECT a.region_id, a.ancestor_id FROM region_ancestors AS a JOIN reported USING (region_id)
)
SELECT p.region_id, p.group_id, g.level AS group_level, g.admin_code AS group_code,
       g.name_zh AS group_zh, g.name_en AS group_en
FROM paired AS p
JOIN regions AS g ON g.id = p.group_id
ORDER BY g.admin_code, g.position, p.region_id;
