"""The curated dataset itself: every figure traceable to its report and readable from its quote."""

from __future__ import annotations

import csv
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.compare import honest
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.language.numbers import find_quantities
from ruraldash.language.textnorm import match_key
from ruraldash.store.build import validate
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.db import connect, run_query

REPORTS_DIR = paths.DATA_DIR / "reports"

# Pinned so that a lost or duplicated row is noticed; change deliberately with the data.
FIGURES_PER_REPORT = {
    "ningde_2021": 33,
    "dingxi_2021": 34,
    "xinning_2021": 54,
    "qingyuan_2019": 8,
    "putian_2022": 35,
}


def _rows() -> list[dict[str, str]]:
    rows = []
    for path in sorted((paths.DATA_DIR / "figures").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows += [{**row, "source": path.stem} for row in csv.DictReader(handle)]
    return rows


ROWS = _rows()
CATALOGUE, _ = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)


def test_the_shipped_data_is_valid() -> None:
    result = validate(paths.DATA_DIR, paths.METRICS_DIR)
    assert [str(problem) for problem in result.problems] == []
    assert result.figure_count == len(ROWS)


def test_figures_per_report_are_pinned() -> None:
    assert Counter(row["source"] for row in ROWS) == FIGURES_PER_REPORT


@pytest.fixture(scope="module")
def report_keys() -> dict[str, str]:
    return {
        source.id: match_key((REPORTS_DIR / source.file).read_text(encoding="utf-8"))
        for source in CATALOGUE.sources.values()
    }


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_every_quote_is_in_its_report(row: dict[str, str], report_keys: dict[str, str]) -> None:
    assert match_key(row["quote"]) in report_keys[row["source"]]


# Figures whose qualifier is worded away from the number, so the reader cannot see it.
QUALIFIER_WORDED_APART = {
    "qingyuan_2019-002": "超过该村总人口的半数: 超过 governs 半数 across four characters",
}


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_every_value_reads_back_from_its_quote(row: dict[str, str]) -> None:
    value = Decimal(row["value"])
    read = [q for q in find_quantities(row["quote"]) if q.kind == "quantity"]
    matches = [q for q in read if q.value == value]
    assert matches, f"{row['value']} is not among {[str(q.value) for q in read]}"
    if row["id"] in QUALIFIER_WORDED_APART:
        return
    assert any(q.qualifier == row["qualifier"] for q in matches), (
        f"the quote reads {[q.qualifier for q in matches]}, the figure says {row['qualifier']}"
    )


def test_no_clause_is_counted_twice() -> None:
    keys = Counter((row["source"], row["quote"], row["value"], row["label"]) for row in ROWS)
    assert [key for key, count in keys.items() if count > 1] == []


def test_every_figure_is_dated_only_from_its_text() -> None:
    for row in ROWS:
        if row["period_start"] or row["period_end"]:
            assert row["period_text"], f"{row['id']} has dates but no period as written"


def test_every_named_program_has_a_type_and_both_names() -> None:
    for program in CATALOGUE.programs.values():
        assert program.name_zh and program.name_en and program.description_en
        assert program.type in CATALOGUE.program_types
        assert CATALOGUE.sources[program.source].region == program.region


def test_every_metric_is_described_in_both_languages() -> None:
    used = {row["metric"] for row in ROWS}
    for metric in CATALOGUE.metrics.values():
        assert metric.description_zh and metric.description_en, metric.id
    assert used <= set(CATALOGUE.metrics)


def test_every_program_is_used_by_a_figure_or_marked_as_named_without_figures() -> None:
    used = {row["program"] for row in ROWS if row["program"]}
    for program in CATALOGUE.programs.values():
        assert (program.id in used) != program.without_figures, program.id
    assert validate(paths.DATA_DIR, paths.METRICS_DIR).warnings == []


def test_every_program_description_quotes_no_figure_that_is_not_in_its_report() -> None:
    # Descriptions quote how the report names a program: every quoted clause is in the report.
    for program in CATALOGUE.programs.values():
        report = match_key(
            (REPORTS_DIR / CATALOGUE.sources[program.source].file).read_text("utf-8")
        )
        for quoted in re.findall(r"“([^“”]*(?:“[^“”]*”[^“”]*)*)”", program.description_zh):
            for part in re.split(r"……|‘|’", quoted):
                assert match_key(part.replace("“", "").replace("”", "")) in report.replace(
                    "“", ""
                ).replace("”", ""), (program.id, part)


def test_the_cadre_dispatch_comparison_names_a_program_in_every_report_that_sends_cadres(
    built_db: Path,
) -> None:
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
