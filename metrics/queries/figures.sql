-- Figures with the names of everything they point to, narrowed by optional filters.
-- Each list filter is ignored when empty; $search ('' for none) looks in labels and quotes.
-- $program_types finds a program under any of its kinds (its type and its also_types).
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
       OR EXISTS (SELECT 1 FROM program_kinds AS k
                  WHERE k.program_id = f.program_id
                    AND list_contains($program_types::VARCHAR[], k.program_type)))
  AND (len($statuses::VARCHAR[]) = 0 OR list_contains($statuses::VARCHAR[], f.status))
  AND (len($qualifiers::VARCHAR[]) = 0 OR list_contains($qualifiers::VARCHAR[], f.qualifier))
  AND ($search = ''
       OR contains(lower(f.label), lower($search))
       OR contains(lower(f.quote), lower($search)))
ORDER BY f.source_id, f.line;
