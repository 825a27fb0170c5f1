-- The named programs, in programs.yaml order, with their type, region and report, and how many
-- figures each has.
SELECT p.id AS program_id, p.name_zh AS program_zh, p.name_en AS program_en,
       p.type AS program_type, t.name_zh AS program_type_zh, t.name_en AS program_type_en,
       p.region AS region_id, r.name_zh AS region_zh, r.name_en AS region_en,
       p.source AS source_id, p.description_zh, p.description_en,
       (SELECT count(*) FROM figures AS f WHERE f.program_id = p.id) AS figure_count
FROM programs AS p
JOIN program_types AS t ON t.id = p.type
JOIN regions AS r ON r.id = p.region
ORDER BY p.position;
