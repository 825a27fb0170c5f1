"""The checks on figures, declared once and run as one set-based query over the `raw` table."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ruraldash.catalogue import Catalogue
from ruraldash.figure_files import FIGURE_COLUMNS
from ruraldash.problems import Problem, display_path, one_of, quoted


@dataclass(frozen=True)
class Check:
    """Rows of `raw r` matching `where` fail; r is joined to its source `s`, the source's
    normalised report `k`, its metric `m` and its program `p`.

    `message` is a str.format template: {value} is the offending value, quoted; {expected} is
    filled from `expected` (a catalogue section whose ids are accepted) and {extra} from the
    SQL expression `extra`.
    """

    column: str
    where: str
    message: str
    expected: str = ""
    extra: str = "NULL"




def _valid_date(column: str) -> str:
    return (f"(regexp_matches(r.{column}, '^\\d{{4}}-\\d{{2}}-\\d{{2}}$') "
            f"AND TRY_CAST(r.{column} AS DATE) IS NOT NULL)")


_NUMBER = "TRY_CAST(r.value AS DOUBLE)"

REQUIRED = ("id", "region", "metric", "label", "value", "unit", "qualifier", "status", "quote")

CHECKS: tuple[Check, ...] = (
    *(Check(name, f"r.{name} IS NULL", "is empty") for name in REQUIRED),
    Check("id", "r.id IN (SELECT id FROM raw GROUP BY id HAVING count(*) > 1)",
          "{value} is used by more than one figure"),
    Check("region", "r.region NOT IN (SELECT id FROM regions)",
          "{value} is not a region ({expected})", expected="regions"),
    Check("region", "s.region IS NOT NULL AND r.region IN (SELECT id FROM regions) "
          "AND r.region <> s.region",
          "{value} is not the region of its source (the report is about '{extra}')",
          extra="s.region"),
    Check("metric", "r.metric NOT IN (SELECT id FROM metrics)",
          "{value} is not a metric ({expected})", expected="metrics"),
    Check("program", "r.program IS NOT NULL AND r.program NOT IN (SELECT id FROM programs)",
          "{value} is not a program ({expected})", expected="programs"),
    Check("program", "p.region IS NOT NULL AND r.region IN (SELECT id FROM regions) "
          "AND p.region <> r.region",
          "{value} is a program of another region ('{extra}')", extra="p.region"),
    Check("unit", "r.unit NOT IN (SELECT id FROM units)",
          "{value} is not a unit ({expected})", expected="units"),
    Check("unit", "m.unit IS NOT NULL AND r.unit IN (SELECT id FROM units) AND r.unit <> m.unit",
          "{value} does not fit the metric (its unit is '{extra}')", extra="m.unit"),
    Check("qualifier", "r.qualifier NOT IN (SELECT id FROM qualifiers)",
          "{value} is not a qualifier ({expected})", expected="qualifiers"),
    Check("status", "r.status NOT IN (SELECT id FROM statuses)",
          "{value} is not a status ({expected})", expected="statuses"),
    Check("value", f"r.value IS NOT NULL AND ({_NUMBER} IS NULL OR NOT isfinite({_NUMBER}))",
          "{value} is not a number (write base units with digits only: 126000, not 12.6万)"),
    Check("value", f"{_NUMBER} < 0",
          "{value} is negative (a decrease is a positive value of a 'decrease' metric)"),
    *(Check(name, f"r.{name} IS NOT NULL AND NOT {_valid_date(name)}",
            "{value} is not a date (YYYY-MM-DD)") for name in ("period_start", "period_end")),
    Check("period_end", f"{_valid_date('period_start')} AND "
          f"{_valid_date('period_end')} AND r.period_end::DATE < r.period_start::DATE",
          "{value} is before period_start '{extra}'", extra="r.period_start"),
    Check("quote", "r.quote IS NOT NULL AND k.report_key IS NOT NULL AND "
          "NOT contains(k.report_key, regexp_replace(r.quote, '\\s', '', 'g'))",
          "{value} is not in the normalised text of report '{extra}' (quotes are simplified "
          "characters without pinyin: see `python -m ruraldash normalise`)", extra="s.file"),
)


def _query() -> str:
    arms = []
    for number, check in enumerate(CHECKS):
        value = f"r.{check.column}" if check.column in FIGURE_COLUMNS else "NULL"
        arms.append(
            f"SELECT {number} AS check_no, r.file, r.line, {value} AS value, "
            f"{check.extra}::VARCHAR AS extra FROM raw r "
            f"LEFT JOIN sources s ON s.id = r.source_id "
            f"LEFT JOIN report_keys k ON k.source_id = r.source_id "
            f"LEFT JOIN metrics m ON m.id = r.metric "
            f"LEFT JOIN programs p ON p.id = r.program WHERE {check.where}"
        )
    return "\nUNION ALL\n".join(arms)


CHECK_QUERY = _query()


def run_checks(con: duckdb.DuckDBPyConnection, catalogue: Catalogue) -> list[Problem]:
    """Run every declared check against `raw`; return the problems, in file and line order."""
    rows = con.execute(CHECK_QUERY).fetchall()
    sections = {
        "regions": list(catalogue.regions), "metrics": list(catalogue.metrics),
        "programs": list(catalogue.programs), "units": list(catalogue.units),
        "qualifiers": list(catalogue.qualifiers), "statuses": list(catalogue.statuses),
    }
    # Name the other places a duplicated id is used, so the curator sees all of them at once.
    duplicates: dict[str, list[str]] = {}
    for check_no, file, line, value, _ in rows:
        if CHECKS[check_no].message.endswith("more than one figure"):
            duplicates.setdefault(value, []).append(f"{display_path(file)}:{line}")
    problems = []
    for check_no, file, line, value, extra in rows:
        check = CHECKS[check_no]
        expected = one_of(sections[check.expected]) if check.expected else ""
        message = check.message.format(value=quoted(value), expected=expected, extra=extra)
        if value in duplicates:
            others = [place for place in duplicates[value] if place != f"{display_path(file)}:{line}"]
            message += f" (also at {', '.join(others)})"
        problems.append(Problem(display_path(file), line, check.column, message))
    return sorted(problems)
