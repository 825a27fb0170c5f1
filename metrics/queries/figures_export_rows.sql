-- How many rows figures_export.sql returns, without reading them.
SELECT count(*) AS rows
FROM figures_full;
