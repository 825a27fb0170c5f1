"""The checks on figures, declared once and run as one set-based pass over the `raw` table.

Over 300 lines as one job: a declared table of checks (one Check per rule) and the one pass
that runs them.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ruraldash.language.messages import Message, message
from ruraldash.store.declarations import Catalogue
from ruraldash.store.figure_files import FILE_COLUMNS, LINE_SQL, REVIEW_STATES
from ruraldash.store.problems import Problem, display_path, one_of, quoted


@dataclass(frozen=True)
class Check:
    """Rows matching `where` fail. `where` sees the row `r` and what it refers to, joined once:
    its source `s`, the source's normalised report `k`, region `rg`, the region its scope names
    `sc` (with `ra` set when that lies below the figure's region), metric `m`, program `p`,
    unit `u`, qualifier `q`, status `st`, `d` (set when its id is used more than once) and
    `w`, the figure its `part_of` names (its whole, when it is one).

    `message` names a sentence of the i18n table: {value} is the offending value of `column`,
    quoted; {expected} lists the ids of the catalogue section `expected`; {extra} is the SQL
    `extra`.
    """

    column: str
    where: str
    message: Message
    expected: str = ""
    extra: str = "NULL"


def _valid_date(column: str) -> str:
    return (
        f"(regexp_full_match(r.{column}, '\\d{{4}}-\\d{{2}}-\\d{{2}}') "
        f"AND TRY_CAST(r.{column} AS DATE) IS NOT NULL)"
    )


@dataclass(frozen=True)
class Reference:
    """A column of a figure that holds an id of a catalogue table (dbt's `relationships`)."""

    column: str
    table: str
    alias: str  # the table's name in the checks' joins
    message: Message  # "{value} is not a region ({expected})"


REFERENCES: tuple[Reference, ...] = (
    Reference("region", "regions", "rg", message("check_not_region")),
    Reference("metric", "metrics", "m", message("check_not_metric")),
    Reference("program", "programs", "p", message("check_not_program")),
    Reference("unit", "units", "u", message("check_not_unit")),
    Reference("qualifier", "qualifiers", "q", message("check_not_qualifier")),
    Reference("status", "statuses", "st", message("check_not_status")),
)

_NUMBER = "TRY_CAST(r.value AS DOUBLE)"
# Base units are written with digits and at most one decimal point: DuckDB would also read
# 1_500 (Python's digit groups) and 1.23457E+07 (Excel's scientific notation, digits lost).
_DIGITS = "regexp_full_match(r.value, '-?[0-9]+(\\.[0-9]+)?')"
_SCIENTIFIC = "regexp_full_match(r.value, '[+-]?[0-9]*\\.?[0-9]+[eE][+-]?[0-9]+')"
# Control characters (tab and line breaks aside) and invisible format characters: zero-width
# spaces and joiners, direction marks and overrides, word joiners, a stray BOM.
_INVISIBLE = (
    "'[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\x{200b}-\\x{200f}\\x{202a}-\\x{202e}"
    "\\x{2060}-\\x{2064}\\x{feff}]'"
)
# When a curator accepted a figure: an ISO date-time, seconds and an offset optional.
_REVIEWED_AT = (
    "(regexp_full_match(r.reviewed_at, "
    "'\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?([+-]\\d{2}:\\d{2}|Z)?') "
    "AND TRY_CAST(left(r.reviewed_at, 10) AS DATE) IS NOT NULL)"
)
INVISIBLE = message("check_invisible")
ID_FORM = message("check_id_form")
REQUIRED = (
    "id",
    "region",
    "metric",
    "label",
    "value",
    "unit",
    "qualifier",
    "status",
    "quote",
    "review",
)
DUPLICATE_ID = message("check_duplicate_id")
# A whole given as about/nearly/more than a number may be exceeded by an exact part of it.
_APPROXIMATE_WHOLE = "('about', 'nearly', 'more_than')"
_PART = "r.part_of IS NOT NULL AND w.id IS NOT NULL AND "

# A part (其中/含) and its whole: one report, one region, one unit, one status, the part no
# larger (see data/README.md, "Parts of a whole").
PART_CHECKS: tuple[Check, ...] = (
    Check(
        "part_of",
        "r.part_of IS NOT NULL AND w.id IS NULL",
        message("check_part_unknown"),
    ),
    Check("part_of", "r.part_of = r.id", message("check_part_itself")),
    Check(
        "part_of",
        _PART + "w.part_of = r.id",
        message("check_part_cycle"),
    ),
    Check(
        "part_of",
        _PART + "w.source_id <> r.source_id",
        message("check_part_other_report"),
        extra="w.source_id",
    ),
    Check(
        "part_of",
        _PART + "w.region <> r.region",
        message("check_part_other_region"),
        extra="w.region",
    ),
    Check(
        "part_of",
        _PART + "w.unit <> r.unit",
        message("check_part_other_unit"),
        extra="w.unit",
    ),
    Check(
        "part_of",
        _PART + "w.status <> r.status",
        message("check_part_other_status"),
        extra="w.status",
    ),
    Check(
        "part_of",
        _PART + f"TRY_CAST(r.value AS DOUBLE) > TRY_CAST(w.value AS DOUBLE) "
        f"AND coalesce(w.qualifier, '') NOT IN {_APPROXIMATE_WHOLE}",
        message("check_part_larger"),
        extra="r.value || ' > ' || w.value",
    ),
)

CHECKS: tuple[Check, ...] = (
    *(Check(name, f"r.{name} IS NULL", message("problem_empty")) for name in REQUIRED),
    Check("id", "d.id IS NOT NULL", DUPLICATE_ID),
    *(
        Check(
            ref.column,
            f"r.{ref.column} IS NOT NULL AND {ref.alias}.id IS NULL",
            ref.message,
            expected=ref.table,
        )
        for ref in REFERENCES
    ),
    Check(
        "region",
        "rg.id IS NOT NULL AND r.region <> s.region",
        message("check_region_of_source"),
        extra="s.region",
    ),
    Check(
        "scope",
        "sc.id IS NOT NULL AND ra.region_id IS NULL",
        message("check_scope_below"),
        extra="r.region",
    ),
    Check(
        "program",
        "rg.id IS NOT NULL AND p.region <> r.region",
        message("check_program_region"),
        extra="p.region",
    ),
    Check(
        "program",
        "p.without_figures",
        message("check_program_without_figures"),
    ),
    Check(
        "unit",
        "u.id IS NOT NULL AND r.unit <> m.unit",
        message("check_unit_of_metric"),
        extra="m.unit",
    ),
    Check(
        "id",
        "r.id IS NOT NULL AND NOT (starts_with(r.id, r.source_id || '-') AND "
        "regexp_full_match(substr(r.id, length(r.source_id) + 2), '[0-9]{3,6}'))",
        ID_FORM,
        extra="r.source_id",
    ),
    *(
        Check(
            name,
            f"regexp_matches(r.{name}, {_INVISIBLE})",
            INVISIBLE,
        )
        for name in FILE_COLUMNS
    ),
    Check(
        "review",
        "r.review IS NOT NULL AND r.review NOT IN ("
        + ", ".join(f"'{state}'" for state in REVIEW_STATES)
        + ")",
        message("check_review_state"),
        extra="'" + ", ".join(REVIEW_STATES) + "'",
    ),
    Check(
        "reviewed_at",
        f"r.reviewed_at IS NOT NULL AND NOT {_REVIEWED_AT}",
        message("check_reviewed_at"),
    ),
    *(
        Check(
            name,
            f"r.{name} IS NOT NULL AND r.review IS DISTINCT FROM 'reviewed'",
            message("check_reviewed_unreviewed"),
            extra="r.review",
        )
        for name in ("reviewed_by", "reviewed_at")
    ),
    Check(
        "value",
        f"r.value IS NOT NULL AND {_SCIENTIFIC}",
        message("check_scientific"),
    ),
    Check(
        "value",
        f"r.value IS NOT NULL AND NOT {_SCIENTIFIC} AND "
        f"(NOT {_DIGITS} OR {_NUMBER} IS NULL OR NOT isfinite({_NUMBER}))",
        message("check_not_number"),
    ),
    Check(
        "value",
        f"{_NUMBER} < 0",
        message("check_negative"),
    ),
    *(
        Check(
            name,
            f"r.{name} IS NOT NULL AND NOT {_valid_date(name)}",
            message("check_not_date"),
        )
        for name in ("period_start", "period_end")
    ),
    *PART_CHECKS,
    Check(
        "period_end",
        f"{_valid_date('period_start')} AND {_valid_date('period_end')} "
        "AND r.period_end::DATE < r.period_start::DATE",
        message("check_end_before_start"),
        extra="r.period_start",
    ),
    Check(
        "quote",
        "r.quote IS NOT NULL AND k.report_key IS NOT NULL AND "
        "NOT contains(k.report_key, regexp_replace(r.quote, '\\s', '', 'g'))",
        message("check_quote_not_found"),
        extra="s.file",
    ),
)

_JOINS = """
FROM raw AS r
LEFT JOIN sources AS s ON s.id = r.source_id
LEFT JOIN report_keys AS k ON k.source_id = r.source_id
LEFT JOIN regions AS sc ON sc.id = r.scope
LEFT JOIN region_ancestors AS ra ON ra.region_id = r.scope AND ra.ancestor_id = r.region
LEFT JOIN duplicate_ids AS d ON d.id = r.id
LEFT JOIN part_wholes AS w ON w.id = r.part_of
""" + "".join(
    f"LEFT JOIN {ref.table} AS {ref.alias} ON {ref.alias}.id = r.{ref.column}\n"
    for ref in REFERENCES
)


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
LEFT JOIN part_wholes AS w ON w.id = r.part_of
"""


CHECK_QUERY = _query()


def unused_programs(con: duckdb.DuckDBPyConnection, catalogue: Catalogue) -> list[Problem]:
    """Return, located, each program no figure uses unless it is marked as without figures.

    A program whose figures were forgotten would show as "no figure" in Compare programs:
    the mark says the report really states none. Validation warns of these.
    """
    used = {row[0] for row in con.execute("SELECT DISTINCT program FROM raw").fetchall()}
    return [
        Problem(
            program.origin.path,
            program.origin.line,
            "id",
            message("check_program_unused", program=quoted(program.id)),
            kind="field",
        )
        for program in catalogue.programs.values()
        if program.id not in used and not program.without_figures
    ]


def run_checks(con: duckdb.DuckDBPyConnection, catalogue: Catalogue) -> list[Problem]:
    """Run every declared check against `raw`; return the problems, in file and line order."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE duplicate_ids AS "
        "SELECT id FROM raw WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1"
    )
    # The wholes that parts name, one row per id (a duplicated id is its own error).
    con.execute(
        "CREATE OR REPLACE TEMP TABLE part_wholes AS "
        "SELECT id, any_value(source_id) AS source_id, any_value(region) AS region, "
        "any_value(unit) AS unit, any_value(status) AS status, any_value(value) AS value, "
        "any_value(qualifier) AS qualifier, any_value(part_of) AS part_of "
        "FROM raw WHERE id IN (SELECT part_of FROM raw WHERE part_of IS NOT NULL) GROUP BY id"
    )
    rows = con.execute(CHECK_QUERY).fetchall()
    sections = {ref.table: list(getattr(catalogue, ref.table)) for ref in REFERENCES}
    # Name the other places a duplicated id is used, so the curator sees all of them at once.
    duplicates: dict[str, list[str]] = {}
    for check_no, file, line, value, _ in rows:
        if CHECKS[check_no].message == DUPLICATE_ID:
            duplicates.setdefault(value, []).append(f"{display_path(file)}:{line}")
    # A cell with an invisible character fails its other checks for that reason only.
    invisible = {
        (file, line, CHECKS[check_no].column)
        for check_no, file, line, _, _ in rows
        if CHECKS[check_no].message == INVISIBLE
    }
    problems = []
    for check_no, file, line, value, extra in rows:
        check = CHECKS[check_no]
        if check.message != INVISIBLE and (file, line, check.column) in invisible:
            continue
        values: dict[str, object] = {"value": quoted(value), "extra": extra}
        if check.expected:
            values["expected"] = one_of(sections[check.expected])
        if check.message == DUPLICATE_ID:
            here = f"{display_path(file)}:{line}"
            values["places"] = ", ".join(p for p in duplicates[value] if p != here)
        said = Message(check.message.key, tuple(values.items()))
        problems.append(Problem(display_path(file), line, check.column, said))
    return sorted(problems)
