-- The unreviewed drafts (review: draft) of some regions, with their scope: what a reader's
-- region profile and its briefing leave out. Read from the built file itself, past the figures
-- view that hides drafts from readers.
SELECT figure_id, region_id, scope
FROM built.main.figures
WHERE review = 'draft'
  AND list_contains($regions::VARCHAR[], region_id);
