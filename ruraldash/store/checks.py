"""The checks on figures, declared once and run as one set-based pass over the `raw` table."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ruraldash.store.catalogue import Catalogue
from ruraldash.store.figure_files import LINE_SQL
from ruraldash.store.problems import Problem, display_path, one_of, quoted


@dataclass(frozen=True)
class Check:
    """Rows matching `where` fail. `where` sees the row `r` and what it refers to, joined once:
    its source `s`, the source's normalised report `k`, region `rg`, the region its scope names
    `sc` (with `ra` set when that lies below the figure's region), metric `m`, program `p`,
    unit `u`, qualifier `q`, status `st`, and `d` (set when its id is used more than once).

    `message` is a str.format template: {value} is the offending value of `column`, quoted;
    {expected} lists the ids of the catalogue section `expected`; {extra} is the SQL `extra`.
    """

    column: str
    where: str
    message: str
    expected: str = ""
    extra: str = "NULL"


def _valid_date(column: str) -> str:
    return (
        f"(regexp_full_match(r.{column}, '\\d{{4}}-\\d{{2}}-\\d{{2}}') "
        f"AND TRY_CAST(r.{column} AS DATE) IS NOT NULL)"
    )


_NUMBER = "TRY_CAST(r.value AS DOUBLE)"
REQUIRED = ("id", "region", "metric", "label", "value", "unit", "qualifier", "status", "quote")
DUPLICATE_ID = "{value} is used by more than one figure"

CHECKS: tuple[Check, ...] = (
    *(Check(name, f"r.{name} IS NULL", "is empty") for name in REQUIRED),
    Check("id", "d.id IS NOT NULL", DUPLICATE_ID),
    Check(
        "region",
        "r.region IS NOT NULL AND rg.id IS NULL",
        "{value} is not a region ({expected})",
        expected="regions",
    ),
    Check(
        "region",
        "rg.id IS NOT NULL AND r.region <> s.region",
        "{value} is not the region of its source (the report is about '{extra}')",
        extra="s.region",
    ),
    Check(
        "scope",
        "sc.id IS NOT NULL AND ra.region_id IS NULL",
        "{value} is a region that does not lie below the figure's region '{extra}'",
        extra="r.region",
    ),
    Check(
        "metric",
        "r.metric IS NOT NULL AND m.id IS NULL",
        "{value} is not a metric ({expected})",
        expected="metrics",
    ),
    Check(
        "program",
        "r.program IS NOT NULL AND p.id IS NULL",
        "{value} is not a program ({expected})",
        expected="programs",
    ),
    Check(
        "program",
        "rg.id IS NOT NULL AND p.region <> r.region",
        "{value} is a program of another region ('{extra}')",
        extra="p.region",
    ),
    Check(
        "unit",
        "r.unit IS NOT NULL AND u.id IS NULL",
        "{value} is not a unit ({expected})",
        expected="units",
    ),
    Check(
        "unit",
        "u.id IS NOT NULL AND r.unit <> m.unit",
        "{value} does not fit the metric (its unit is '{extra}')",
        extra="m.unit",
    ),
    Check(
        "qualifier",
        "r.qualifier IS NOT NULL AND q.id IS NULL",
        "{value} is not a qualifier ({expected})",
        expected="qualifiers",
    ),
    Check(
        "status",
        "r.status IS NOT NULL AND st.id IS NULL",
        "{value} is not a status ({expected})",
        expected="statuses",
    ),
    Check(
        "value",
        f"r.value IS NOT NULL AND ({_NUMBER} IS NULL OR NOT isfinite({_NUMBER}))",
        "{value} is not a number (write base units with digits only: 126000, not 12.6万)",
    ),
    Check(
        "value",
        f"{_NUMBER} < 0",
        "{value} is negative (a decrease is a positive value of a 'decrease' metric)",
    ),
    *(
        Check(
            name,
            f"r.{name} IS NOT NULL AND NOT {_valid_date(name)}",
            "{value} is not a date (YYYY-MM-DD)",
        )
        for name in ("period_start", "period_end")
    ),
    Check(
        "period_end",
        f"{_valid_date('period_start')} AND {_valid_date('period_end')} "
        "AND r.period_end::DATE < r.period_start::DATE",
        "{value} is before period_start '{extra}'",
        extra="r.period_start",
    ),
    Check(
        "quote",
        "r.quote IS NOT NULL AND k.report_key IS NOT NULL AND "
        "NOT contains(k.report_key, regexp_replace(r.quote, '\\s', '', 'g'))",
        "{value} is not in the normalised text of report '{extra}' (quotes are simplified "
        "characters without pinyin: see `python -m ruraldash normalise`)",
        extra="s.file",
    ),
)

_JOINS = """
FROM raw AS r
LEFT JOIN sources AS s ON s.id = r.source_id
LEFT JOIN report_keys AS k ON k.source_id = r.source_id
LEFT JOIN regions AS rg ON rg.id = r.region
LEFT JOIN regions AS sc ON sc.id = r.scope
LEFT JOIN region_ancestors AS ra ON ra.region_id = r.scope AND ra.ancestor_id = r.region
LEFT JOIN metrics AS m ON m.id = r.metric
LEFT JOIN programs AS p ON p.id = r.program
LEFT JOIN units AS u ON u.id = r.unit
LEFT JOIN qualifiers AS q ON q.id = r.qualifier
LEFT JOIN statuses AS st ON st.id = r.status
LEFT JOIN duplicate_ids AS d ON d.id = r.id
"""


def _query() -> str:
    """One scan marks each row with the checks it fails; only failing rows are then described."""
    marks = ",\n        ".join(
        f"CASE WHEN {check.where} THEN {number} END" for number, check in enumerate(CHECKS)
    )
    values = " ".join(f"WHEN {number} THEN r.{check.column}" for number, check in enumerate(CHECKS))
    extras = " ".join(
        f"WHEN {number} THEN {check.extra}::VARCHAR"
        for number, check in enumerate(CHECKS)
        if check.extra != "NULL"
    )
    return f"""
WITH failed AS (
    SELECT r.rowid AS row_id,
           unnest(list_filter([
        {marks}
           ], lambda mark: mark IS NOT NULL)) AS check_no
    {_JOINS}
)
SELECT f.check_no, r.file, {LINE_SQL} AS line,
       CASE f.check_no {values} END AS value,
       CASE f.check_no {extras} ELSE NULL END AS extra
FROM failed AS f
JOIN raw AS r ON r.rowid = f.row_id
LEFT JOIN raw_files AS rf ON rf.file = r.file
LEFT JOIN sources AS s ON s.id = r.source_id
LEFT JOIN metrics AS m ON m.id = r.metric
LEFT JOIN programs AS p ON p.id = r.program
"""


CHECK_QUERY = _query()


def run_checks(con: duckdb.DuckDBPyConnection, catalogue: Catalogue) -> list[Problem]:
    """Run every declared check against `raw`; return the problems, in file and line order."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE duplicate_ids AS "
        "SELECT id FROM raw WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1"
    )
    rows = con.execute(CHECK_QUERY).fetchall()
    sections = {
        "regions": list(catalogue.regions),
        "metrics": list(catalogue.metrics),
        "programs": list(catalogue.programs),
        "units": list(catalogue.units),
        "qualifiers": list(catalogue.qualifiers),
        "statuses": list(catalogue.statuses),
    }
    # Name the other places a duplicated id is used, so the curator sees all of them at once.
    duplicates: dict[str, list[str]] = {}
    for check_no, file, line, value, _ in rows:
        if CHECKS[check_no].message == DUPLICATE_ID:
            duplicates.setdefault(value, []).append(f"{display_path(file)}:{line}")
    problems = []
    for check_no, file, line, value, extra in rows:
        check = CHECKS[check_no]
        expected = one_of(sections[check.expected]) if check.expected else ""
        message = check.message.format(value=quoted(value), expected=expected, extra=extra)
        if check.message == DUPLICATE_ID:
            here = f"{display_path(file)}:{line}"
            message += f" (also at {', '.join(p for p in duplicates[value] if p != here)})"
        problems.append(Problem(display_path(file), line, check.column, message))
    return sorted(problems)
