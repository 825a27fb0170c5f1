-- The reports, with their dates (stated or inferred) and how many figures each gave.
SELECT s.id AS source_id, s.region AS region_id, r.name_zh AS region_zh, r.name_en AS region_en,
       s.title_zh, s.title_en, s.publisher_zh, s.publisher_en, s.date, s.date_basis,
       s.date_note_zh, s.date_note_en, s.file, s.report_available,
       (SELECT count(*) FROM figures AS f WHERE f.source_id = s.id) AS figure_count
FROM sources AS s
JOIN regions AS r ON r.id = s.region
ORDER BY s.id;
