"""The curated dataset itself: every figure traceable to its report and readable from its quote.

Each invariant is a function of a data folder returning what breaks it, so that the same checks
run on the shipped data here and on a copy with a sixth report (test_adding_a_report.py). The
shipped data's counts are pinned in one test only.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from ruraldash import paths
from ruraldash.compare import honest
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.language.numbers import find_quantities
from ruraldash.language.textnorm import match_key
from ruraldash.store.build import validate
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.db import connect, run_query
from ruraldash.store.declarations import Catalogue

# Pinned so that a lost or duplicated row is noticed; change deliberately with the data.
FIGURES_PER_REPORT = {
    "ningde_2021": 33,
    "dingxi_2021": 34,
    "xinning_2021": 54,
    "qingyuan_2019": 8,
    "putian_2022": 35,
}

# Figures whose qualifier is worded away from the number, so the reader cannot see it.
QUALIFIER_WORDED_APART = {
    "qingyuan_2019-002": "超过该村总人口的半数: 超过 governs 半数 across four characters",
}


def figure_rows(data_dir: Path) -> list[dict[str, str]]:
    """Return every curated figure row with its source (the file stem)."""
    rows = []
    for path in sorted((data_dir / "figures").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows += [{**row, "source": path.stem} for row in csv.DictReader(handle)]
    return rows


def _catalogue(data_dir: Path) -> Catalogue:
    catalogue, problems = load_catalogue(data_dir, paths.METRICS_DIR)
    assert catalogue is not None, [str(problem) for problem in problems]
    return catalogue


def invalid(data_dir: Path) -> list[str]:
    """The data's validation problems, and a figure count that differs from its rows."""
    result = validate(data_dir, paths.METRICS_DIR)
    found = [str(problem) for problem in result.problems]
    if result.figure_count != len(figure_rows(data_dir)):
        found.append(f"{result.figure_count} figures built from {len(figure_rows(data_dir))} rows")
    return found


def quotes_not_in_their_report(data_dir: Path) -> list[str]:
    """Figures whose quote is not in their report's normalised text."""
    catalogue = _catalogue(data_dir)
    keys: dict[str, str] = {}
    for source in catalogue.sources.values():
        report = catalogue.report_path(source)
        assert report is not None and report.is_file(), f"{source.id}: no report at {report}"
        keys[source.id] = match_key(report.read_text(encoding="utf-8-sig"))
    return [
        f"{row['id']}: {row['quote']}"
        for row in figure_rows(data_dir)
        if match_key(row["quote"]) not in keys[row["source"]]
    ]


def values_not_read_from_their_quote(data_dir: Path) -> list[str]:
    """Figures whose value (and qualifier) cannot be read back from their quote."""
    found = []
    for row in figure_rows(data_dir):
        read = [q for q in find_quantities(row["quote"]) if q.kind == "quantity"]
        matches = [q for q in read if q.value == Decimal(row["value"])]
        if not matches:
            found.append(f"{row['id']}: {row['value']} is not among {[str(q.value) for q in read]}")
        elif row["id"] not in QUALIFIER_WORDED_APART and not any(
            q.qualifier == row["qualifier"] for q in matches
        ):
            found.append(
                f"{row['id']}: the quote reads {[q.qualifier for q in matches]}, "
                f"the figure says {row['qualifier']}"
            )
    return found


def clauses_counted_twice(data_dir: Path) -> list[str]:
    """The same report, quote, value and label in more than one row."""
    keys = Counter(
        (row["source"], row["quote"], row["value"], row["label"]) for row in figure_rows(data_dir)
    )
    return [str(key) for key, count in keys.items() if count > 1]


def dates_not_from_the_text(data_dir: Path) -> list[str]:
    """Figures with dates but no period as written."""
    return [
        f"{row['id']} has dates but no period as written"
        for row in figure_rows(data_dir)
        if (row["period_start"] or row["period_end"]) and not row["period_text"]
    ]


def programs_not_described(data_dir: Path) -> list[str]:
    """Programs without both names, a description, a known type or their source's region."""
    catalogue = _catalogue(data_dir)
    return [
        program.id
        for program in catalogue.programs.values()
        if not (program.name_zh and program.name_en and program.description_en)
        or program.type not in catalogue.program_types
        or catalogue.sources[program.source].region != program.region
    ]


def metrics_not_described(data_dir: Path) -> list[str]:
    """Metrics without a description in both languages, and metrics used but not declared."""
    catalogue = _catalogue(data_dir)
    found = [
        metric.id
        for metric in catalogue.metrics.values()
        if not (metric.description_zh and metric.description_en)
    ]
    used = {row["metric"] for row in figure_rows(data_dir)}
    return found + sorted(used - set(catalogue.metrics))


def warned(data_dir: Path) -> list[str]:
    """The data's validation warnings (an unused program not marked `without_figures`, …)."""
    return validate(data_dir, paths.METRICS_DIR).warnings


def programs_unused_or_wrongly_marked(data_dir: Path) -> list[str]:
    """Programs no figure uses unless marked `without_figures`, and marked ones a figure uses."""
    used = {row["program"] for row in figure_rows(data_dir) if row["program"]}
    return [
        program.id
        for program in _catalogue(data_dir).programs.values()
        if (program.id in used) == program.without_figures
    ]


def _unquoted(text: str) -> str:
    return text.replace("“", "").replace("”", "")


def program_quotes_not_in_their_report(data_dir: Path) -> list[str]:
    """Quoted parts of a program's description (split at …… and ‘ ’) missing from its report."""
    catalogue = _catalogue(data_dir)
    found = []
    for program in catalogue.programs.values():
        report = catalogue.report_path(catalogue.sources[program.source])
        assert report is not None and report.is_file(), f"{program.id}: no report at {report}"
        key = _unquoted(match_key(report.read_text(encoding="utf-8-sig")))
        for quoted in re.findall(r"“([^“”]*(?:“[^“”]*”[^“”]*)*)”", program.description_zh):
            for part in re.split(r"……|‘|’", quoted):
                if match_key(_unquoted(part)) not in key:
                    found.append(f"{program.id}: {part}")
    return found


# Every invariant of a dataset; test_adding_a_report.py runs them on a copy with one more report.
INVARIANTS: tuple[Callable[[Path], list[str]], ...] = (
    invalid,
    quotes_not_in_their_report,
    values_not_read_from_their_quote,
    clauses_counted_twice,
    dates_not_from_the_text,
    programs_not_described,
    metrics_not_described,
    warned,
    programs_unused_or_wrongly_marked,
    program_quotes_not_in_their_report,
)


def test_the_shipped_data_is_valid() -> None:
    assert invalid(paths.DATA_DIR) == []


def test_every_quote_is_in_its_report() -> None:
    assert quotes_not_in_their_report(paths.DATA_DIR) == []


def test_every_value_reads_back_from_its_quote() -> None:
    assert values_not_read_from_their_quote(paths.DATA_DIR) == []


def test_no_clause_is_counted_twice() -> None:
    assert clauses_counted_twice(paths.DATA_DIR) == []


def test_every_figure_is_dated_only_from_its_text() -> None:
    assert dates_not_from_the_text(paths.DATA_DIR) == []


def test_every_named_program_has_a_type_and_both_names() -> None:
    assert programs_not_described(paths.DATA_DIR) == []


def test_every_metric_is_described_in_both_languages() -> None:
    assert metrics_not_described(paths.DATA_DIR) == []


def test_the_shipped_data_gives_no_warning() -> None:
    assert warned(paths.DATA_DIR) == []


def test_every_program_is_used_by_a_figure_or_marked_as_named_without_figures() -> None:
    assert programs_unused_or_wrongly_marked(paths.DATA_DIR) == []


def test_every_quoted_part_of_a_program_description_is_in_its_report() -> None:
    assert program_quotes_not_in_their_report(paths.DATA_DIR) == []


def test_the_cadre_dispatch_comparison_names_a_program_in_every_report_that_sends_cadres(
    built_db: Path,
) -> None:
    """These four reports send cadres; a sixth report may add to the list, never remove one."""
    with connect(built_db) as con:
        rows = honest.program_rows(
            run_query(con, "programs_by_kind"),
            load_figures(con, FigureFilter(program_types=("cadre_dispatch",))),
            run_query(con, "regions"),
            "cadre_dispatch",
            run_query(con, "sources")["region_id"],
        )
    named = set(rows.loc[~rows["not_mentioned"], "region_id"])
    assert {"ningde", "dingxi", "xinning", "putian"} <= named
    # Every one of them with a figure of cadres sent, not only a name.
    counted = rows[rows["metric_id"].eq("cadres_dispatched")]
    assert {"ningde", "dingxi", "xinning", "putian"} <= set(counted["region_id"])


def test_figures_per_report_are_pinned() -> None:
    """The one test that pins the shipped data's counts: adding a report changes it."""
    assert Counter(row["source"] for row in figure_rows(paths.DATA_DIR)) == FIGURES_PER_REPORT
