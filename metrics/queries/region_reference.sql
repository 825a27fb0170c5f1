-- Every reference figure of every region (population, land area …), with its year and the
-- official publication it comes from: title, issuing office, date, government address and,
-- for a reprint, the address its text was read at.
SELECT x.region_id, r.name_zh AS region_zh, r.name_en AS region_en, x.field, x.value, x.unit,
       x.year, x.publication, x.issuer, x.published,
       nullif(x.source, '') AS source, nullif(x.read_at, '') AS read_at, x.note_zh, x.note_en
FROM region_reference AS x
JOIN regions AS r ON r.id = x.region_id
ORDER BY x.region_id, x.field;
