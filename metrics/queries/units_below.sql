-- Every unit below the unit $code (any depth; '' for the whole country), from the national list,
-- with the curated region that stands for it, if any.
WITH RECURSIVE below(admin_code) AS (
    SELECT admin_code FROM admin_units WHERE parent_code = $code
    UNION ALL
    SELECT u.admin_code FROM admin_units AS u JOIN below AS b ON u.parent_code = b.admin_code
)
SELECT u.admin_code, u.name_zh, u.name_en, u.level, u.parent_code, r.id AS region_id
FROM admin_units AS u
JOIN below AS b USING (admin_code)
LEFT JOIN regions AS r ON r.admin_code = u.admin_code
ORDER BY u.admin_code;
