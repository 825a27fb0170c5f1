-- Units, qualifiers and statuses in one list: what each id means in both languages.
SELECT 'unit' AS kind, id, name_zh, name_en FROM units
UNION ALL
SELECT 'qualifier', id, name_zh, name_en FROM qualifiers
UNION ALL
SELECT 'status', id, name_zh, name_en FROM statuses;
