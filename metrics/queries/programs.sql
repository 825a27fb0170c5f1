-- The named programs, in programs.yaml order, with their type (and every kind of work they do),
-- region and report, and how many figures each has.
SELECT p.id AS program_id, p.name_zh AS program_zh, p.name_en AS program_en,
       p.type AS program_type, t.name_zh AS program_type_zh, t.name_en AS program_type_en,
       p.region AS region_id, r.name_zh AS region_zh, r.name_en AS region_en,
       p.source AS source_id, p.description_zh, p.description_en,
       p.also_types::VARCHAR[] AS also_types, p.without_figures,
       (SELECT string_agg(kt.name_zh, '、' ORDER BY k.kind_position)
        FROM program_kinds AS k JOIN program_types AS kt ON kt.id = k.program_type
        WHERE k.program_id = p.id) AS program_kinds_zh,
       (SELECT string_agg(kt.name_en, ', ' ORDER BY k.kind_position)
        FROM program_kinds AS k JOIN program_types AS kt ON kt.id = k.program_type
        WHERE k.program_id = p.id) AS program_kinds_en,
       (SELECT count(*) FROM figures AS f WHERE f.program_id = p.id) AS figure_count
FROM programs AS p
JOIN program_types AS t ON t.id = p.type
JOIN regions AS r ON r.id = p.region
ORDER BY p.position;
