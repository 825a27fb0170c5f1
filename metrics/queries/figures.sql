-- Figures with the names of everything they point to, narrowed by optional filters.
-- Each list filter is ignored when empty; $search ('' for none) looks in labels, quotes and
-- the names of the metric, program and category in both languages.
-- $program_types finds a program under any of its kinds (its type and its also_types): a
-- list of programs first, not a lookup per figure (0.02 s instead of 0.4 s over 567,049 figures).
SELECT f.*,
       u.name_zh AS unit_zh, u.name_en AS unit_en,
       q.name_zh AS qualifier_zh, q.name_en AS qualifier_en,
       st.name_zh AS status_zh, st.name_en AS status_en,
       pt.name_zh AS program_type_zh, pt.name_en AS program_type_en
FROM figures_full AS f
JOIN units AS u ON u.id = f.unit
JOIN qualifiers AS q ON q.id = f.qualifier
JOIN statuses AS st ON st.id = f.status
LEFT JOIN program_types AS pt ON pt.id = f.program_type
WHERE (len($regions::VARCHAR[]) = 0 OR list_contains($regions::VARCHAR[], f.region_id))
  AND (len($sources::VARCHAR[]) = 0 OR list_contains($sources::VARCHAR[], f.source_id))
  AND (len($categories::VARCHAR[]) = 0 OR list_contains($categories::VARCHAR[], f.category))
  AND (len($metrics::VARCHAR[]) = 0 OR list_contains($metrics::VARCHAR[], f.metric_id))
  AND (len($programs::VARCHAR[]) = 0 OR list_contains($programs::VARCHAR[], f.program_id))
  AND (len($program_types::VARCHAR[]) = 0
       OR f.program_id IN (SELECT k.program_id FROM program_kinds AS k
                           WHERE list_contains($program_types::VARCHAR[], k.program_type)))
  AND (len($statuses::VARCHAR[]) = 0 OR list_contains($statuses::VARCHAR[], f.status))
  AND (len($qualifiers::VARCHAR[]) = 0 OR list_contains($qualifiers::VARCHAR[], f.qualifier))
  -- chr(31) between the fields: a search never matches across two of them.
  AND ($search = ''
       OR contains(lower(concat_ws(chr(31), f.label, f.quote, f.metric_zh, f.metric_en,
                                   f.program_zh, f.program_en, f.category_zh, f.category_en)),
                   lower($search)))
ORDER BY f.source_id, f.line;
