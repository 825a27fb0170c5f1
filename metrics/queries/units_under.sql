-- The units at level $level below the unit $code (any depth), from the national list, each with
-- the curated region that stands for it (if any) and its names.
WITH RECURSIVE below(admin_code) AS (
    SELECT admin_code FROM admin_units WHERE parent_code = $code
    UNION ALL
    SELECT u.admin_code FROM admin_units AS u JOIN below AS b ON u.parent_code = b.admin_code
)
SELECT u.admin_code, u.name_zh, u.name_en, u.level, u.parent_code,
       p.name_zh AS parent_zh, p.name_en AS parent_en, r.id AS region_id
FROM admin_units AS u
JOIN below AS b USING (admin_code)
LEFT JOIN admin_units AS p ON p.admin_code = u.parent_code
LEFT JOIN regions AS r ON r.admin_code = u.admin_code
WHERE u.level = $level
ORDER BY u.admin_code;
