-- Each program under each kind of work it does: its type, then the kinds in also_types.
CREATE VIEW program_kinds AS
SELECT p.id AS program_id, p.type AS program_type, 0 AS kind_position
FROM programs AS p
UNION ALL
SELECT k.program_id, k.program_type, k.kind_position
FROM (
    SELECT p.id AS program_id, unnest(p.also_types::VARCHAR[]) AS program_type,
           generate_subscripts(p.also_types::VARCHAR[], 1) AS kind_position
    FROM programs AS p
) AS k;
