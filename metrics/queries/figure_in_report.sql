-- One figure's quote and the normalised text of its report, to find the clause, and the same
-- text with the report's own punctuation (aligned with it), to show it.
SELECT f.figure_id, f.label, f.quote, f.source_id, f.region_zh, f.region_en,
       f.source_title_zh, f.source_title_en, s.report_text, s.report_shown
FROM figures_full AS f
JOIN sources AS s ON s.id = f.source_id
WHERE f.figure_id = $figure;
