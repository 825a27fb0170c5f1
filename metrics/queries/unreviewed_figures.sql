-- The unreviewed drafts (review: draft) of some metrics: what a reader's briefing leaves out.
-- Read from the built file itself, past the figures view that hides drafts from readers.
SELECT figure_id, metric_id
FROM built.main.figures
WHERE review = 'draft'
  AND list_contains($metrics::VARCHAR[], metric_id);
