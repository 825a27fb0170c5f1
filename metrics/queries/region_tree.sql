-- Every declared region with its place in the hierarchy: level, GB/T 2260 code and parent.
SELECT r.id AS region_id, r.name_zh, r.name_en, r.level, r.admin_code,
       nullif(r.parent, '') AS parent_id, p.name_zh AS parent_zh, p.name_en AS parent_en,
       r.id IN (SELECT region FROM sources) AS reported
FROM regions AS r
LEFT JOIN regions AS p ON p.id = r.parent
ORDER BY r.admin_code, r.position;
