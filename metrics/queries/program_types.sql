-- The program types in catalogue order, with how many programs and regions each has (a program
-- of several kinds counts under each).
SELECT t.position, t.id AS program_type, t.name_zh AS program_type_zh, t.name_en AS program_type_en,
       t.description_zh, t.description_en,
       count(p.id) AS program_count, count(DISTINCT p.region) AS region_count
FROM program_types AS t
LEFT JOIN program_kinds AS k ON k.program_type = t.id
LEFT JOIN programs AS p ON p.id = k.program_id
GROUP BY ALL
ORDER BY t.position;
