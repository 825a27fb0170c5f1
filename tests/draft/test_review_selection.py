"""A figure the draft missed, added from words a curator selects in the report (or a clause
pasted): read by the drafting engine, quoted by the clause around the words, saved reviewed."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.draft.review import records
from ruraldash.draft.review.decisions import Decision
from ruraldash.draft.review.save import figures_path, save
from ruraldash.draft.review.selection import (
    drafted_from_clause,
    drafted_from_selection,
    enclosing_clause,
)
from ruraldash.language.textnorm import normalise
from ruraldash.store.build import validate
from ruraldash.store.catalogue import load_catalogue
from tests.support.review_report import REPORT_TEXT, added_copy

WHEN = "2026-12-07T01:00:00+00:00"
TEXT = normalise(REPORT_TEXT)


@pytest.fixture(scope="module")
def metrics():
    """The shipped metric catalogue."""
    return load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)[0].metrics


def _select(metrics, words: str, date: str = ""):
    """Draft from the first place `words` stand in the report, as the page would."""
    start = TEXT.index(words)
    return drafted_from_selection(
        REPORT_TEXT, start, start + len(words), metrics, "xiapu_2023", "xiapu", date
    )


def test_the_words_of_a_figure_give_it_quoted_by_its_clause(metrics) -> None:
    selected = _select(metrics, "420")
    assert selected.words == "420"
    assert selected.quote == "化解矛盾纠纷420起"
    assert [
        (row["value"], row["unit"], row["qualifier"], row["label"]) for row in selected.figures
    ] == [("420", "count", "exact", "化解矛盾纠纷")]
    assert selected.figures[0]["quote"] == selected.quote
    assert selected.figures[0]["status"] == "actual"


def test_words_over_two_figures_give_both_and_the_clauses_around_them(metrics) -> None:
    selected = _select(metrics, "第一书记92名、工作队员276名")
    assert [row["value"] for row in selected.figures] == ["92", "276"]
    assert selected.quote == "选派驻村第一书记92名、工作队员276名"
    selected = _select(metrics, "实事1800余件,化解矛盾纠纷420起")
    assert [row["value"] for row in selected.figures] == ["1800", "420"]
    assert selected.quote == "驻村干部帮助群众办理实事1800余件,化解矛盾纠纷420起"
    assert {row["quote"] for row in selected.figures} == {selected.quote}


def test_a_number_the_draft_left_out_is_read_from_the_words_the_curator_chose(metrics) -> None:
    # In its sentence 10万元以上 labels the villages counted (a threshold, skipped); selected on
    # its own, the curator says it is a figure, and the engine reads its value and qualifier.
    selected = _select(metrics, "10万元以上")
    assert [(row["value"], row["unit"], row["qualifier"]) for row in selected.figures] == [
        ("100000", "yuan", "more_than")
    ]
    assert selected.quote == "全县已有村集体经营性收入10万元以上的村128个"


def test_a_figure_read_from_the_words_is_dated_by_the_report(metrics) -> None:
    # 今年以来 in a report of 26 July 2023 starts on 1 January 2023; the source's own date wins.
    line = "今年以来,全县累计投入资金500万元以上的村12个。"
    report = REPORT_TEXT.replace("今年以来，霞浦县", line + "\n霞浦县", 1)
    text = normalise(report)
    start = text.index("500万元以上")
    stated = drafted_from_selection(report, start, start + 7, metrics, "x", "xiapu")
    assert [row["value"] for row in stated.figures] == ["5000000"]
    assert stated.figures[0]["period_start"] == "2023-01-01"
    declared = drafted_from_selection(report, start, start + 7, metrics, "x", "xiapu", "2024")
    assert declared.figures[0]["period_start"] == "2024-01-01"


def test_words_without_a_figure_give_none(metrics) -> None:
    nearly_sixty = _select(metrics, "近六成")  # 六成 is no numeral the engine reads
    assert (nearly_sixty.words, nearly_sixty.figures) == ("近六成", ())
    assert nearly_sixty.quote == "占行政村总数的近六成"
    assert _select(metrics, "领头雁").figures == ()


@pytest.mark.parametrize("span", [(5, 5), (10, 4), (-1, 3), (3, len(TEXT) + 1)])
def test_an_empty_or_impossible_selection_gives_no_words(metrics, span) -> None:
    assert drafted_from_selection(REPORT_TEXT, *span, metrics, "x", "r").words == ""


def test_blank_words_give_no_words(metrics) -> None:
    newline = TEXT.index("\n")
    assert drafted_from_selection(REPORT_TEXT, newline, newline + 1, metrics, "x", "r").words == ""


def test_the_clause_is_the_line_s_between_its_punctuation() -> None:
    text = "第一行。\n甲乙,丙12丁;戊"
    assert enclosing_clause(text, 9, 11) == (8, 12)  # 12 in 丙12丁
    assert text[slice(*enclosing_clause(text, 5, 9))] == "甲乙,丙12丁"


@pytest.fixture
def data_copy(tmp_path: Path) -> tuple[Path, str]:
    """The shipped data with the report added as drafts, in a private folder."""
    data_dir, result = added_copy(tmp_path / "added")
    shutil.copytree(data_dir, tmp_path / "data")
    return tmp_path / "data", result.source_id


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_a_selected_figure_is_saved_reviewed_with_its_clause_as_quote(data_copy, metrics) -> None:
    data_dir, source = data_copy
    path = figures_path(data_dir, source)
    count = len(_rows(path))
    selected = _select(metrics, "10万元以上", "2023-07-26")
    fields = {**selected.figures[0], "metric": "collective_income", "label": "村集体经营性收入"}
    saved = save(
        data_dir,
        paths.METRICS_DIR,
        source,
        [Decision("add", fields=fields)],
        records.read(path).digest,
        "王审核",
        WHEN,
    )
    rows = _rows(path)
    assert len(rows) == count + 1 and rows[-1]["id"] == saved.added[0]
    assert (rows[-1]["value"], rows[-1]["quote"], rows[-1]["review"]) == (
        "100000",
        "全县已有村集体经营性收入10万元以上的村128个",
        "reviewed",
    )
    assert validate(data_dir, paths.METRICS_DIR).ok


def test_a_pasted_clause_is_drafted_and_added_reviewed(data_copy, metrics) -> None:
    data_dir, source = data_copy
    region = load_catalogue(data_dir, paths.METRICS_DIR)[0].sources[source].region
    assert drafted_from_clause("占行政村总数的近六成", metrics, source, region) == []
    drafted = drafted_from_clause("化解矛盾纠纷420起", metrics, source, region)
    assert [row["value"] for row in drafted] == ["420"]
    path = figures_path(data_dir, source)
    count = len(_rows(path))
    saved = save(
        data_dir,
        paths.METRICS_DIR,
        source,
        [Decision("add", fields={**drafted[0], "unit": "count"})],
        records.read(path).digest,
        "王审核",
        WHEN,
    )
    rows = _rows(path)
    assert len(rows) == count + 1 and rows[-1]["id"] == saved.added[0]
    assert saved.added[0] == f"{source}-{count + 1:03d}"
    assert (rows[-1]["review"], rows[-1]["reviewed_by"]) == ("reviewed", "王审核")
