-- The canonical flat form of the whole dataset, in the documented column order.
SELECT figure_id, source_id, region_id, region_zh, region_en, scope, metric_id, metric_zh,
       metric_en, category, program_id, part_of, label, value, unit, qualifier, status, period_text,
       period_start, period_end, quote
FROM figures_full
ORDER BY source_id, line;
