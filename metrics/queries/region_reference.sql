-- Every sourced reference figure of every region (population, land area …), with year and source.
SELECT x.region_id, r.name_zh AS region_zh, r.name_en AS region_en, x.field, x.value, x.unit,
       x.year, x.source, x.note_zh, x.note_en
FROM region_reference AS x
JOIN regions AS r ON r.id = x.region_id
ORDER BY x.region_id, x.field;
