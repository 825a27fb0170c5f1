-- Every figure with the names of its region, metric, category, program and source.
CREATE VIEW figures_full AS
SELECT
    f.figure_id, f.source_id, f.region_id,
    r.name_zh AS region_zh, r.name_en AS region_en, r.level AS region_level,
    f.scope,
    f.metric_id, m.name_zh AS metric_zh, m.name_en AS metric_en,
    m.category, c.name_zh AS category_zh, c.name_en AS category_en,
    m.comparable, m.summable,
    f.program_id, p.name_zh AS program_zh, p.name_en AS program_en, p.type AS program_type,
    f.label, f.value, f.unit, f.qualifier, f.status,
    f.period_text, f.period_start, f.period_end, f.quote, f.quote_shown, f.note_zh, f.note_en,
    f.review,
    s.title_zh AS source_title_zh, s.title_en AS source_title_en,
    s.date AS source_date, s.date_basis AS source_date_basis, s.file AS source_file,
    f.file, f.line
FROM figures AS f
JOIN regions AS r ON r.id = f.region_id
JOIN metrics AS m ON m.id = f.metric_id
JOIN categories AS c ON c.id = m.category
JOIN sources AS s ON s.id = f.source_id
LEFT JOIN programs AS p ON p.id = f.program_id;
