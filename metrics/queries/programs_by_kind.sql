-- The named programs under each kind of work they do (a program of several kinds is listed
-- under each), in programs.yaml order, with how many figures each has.
SELECT p.id AS program_id, p.name_zh AS program_zh, p.name_en AS program_en,
       k.program_type, t.name_zh AS program_type_zh, t.name_en AS program_type_en,
       k.kind_position = 0 AS main_type,
       p.region AS region_id, r.name_zh AS region_zh, r.name_en AS region_en,
       p.source AS source_id, p.description_zh, p.description_en, p.without_figures,
       (SELECT count(*) FROM figures AS f WHERE f.program_id = p.id) AS figure_count
FROM program_kinds AS k
JOIN programs AS p ON p.id = k.program_id
JOIN program_types AS t ON t.id = k.program_type
JOIN regions AS r ON r.id = p.region
ORDER BY p.position, k.kind_position;
