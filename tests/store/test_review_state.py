"""Unreviewed drafts: the review column is checked; drafts hidden by default, marked if shown."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ruraldash.cli import main
from ruraldash.compare.figures import load_figures
from ruraldash.store.build import build, validate
from ruraldash.store.db import DRAFT_MARK, connect, run_query
from ruraldash.views.export.files import figures_export, to_csv

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
ALPHA = "data/figures/alpha_2021.csv"


def set_cell(root: Path, row: int, column: str, value: str) -> None:
    path = root / ALPHA
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[row][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in validate(root / "data", root / "metrics").problems]


def test_every_shipped_and_fixture_row_has_a_review_state() -> None:
    for path in [*MINI.glob("data/figures/*.csv"), *Path("data/figures").glob("*.csv")]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            assert {row["review"] for row in csv.DictReader(handle)} <= {"draft", "reviewed"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "column 'review': is empty"),
        ("ok", "column 'review': 'ok' is not a review state (expected one of: draft, reviewed)"),
    ],
)
def test_the_review_state_is_checked(mini: Path, value: str, message: str) -> None:
    set_cell(mini, 1, "review", value)
    assert problems(mini) == [f"{ALPHA}:2: {message}"]


def test_drafts_are_hidden_unless_asked_for_and_then_marked(mini: Path) -> None:
    set_cell(mini, 1, "review", "draft")
    db = build(mini / "data", mini / "metrics", mini / "db.duckdb").db_path
    with connect(db) as con:
        hidden = load_figures(con)
        counts = run_query(con, "sources").set_index("source_id")["figure_count"]
        exported = to_csv(figures_export(con, "zh")).decode("utf-8-sig")
    with connect(db, drafts=True) as con:
        shown = load_figures(con)
        shown_export = to_csv(figures_export(con, "en")).decode("utf-8-sig")
    assert "alpha_2021-001" not in set(hidden["figure_id"]) and len(hidden) == 3
    with (mini / ALPHA).open(encoding="utf-8-sig", newline="") as handle:
        reviewed = [row for row in csv.DictReader(handle) if row["review"] == "reviewed"]
    assert counts["alpha_2021"] == len(reviewed)  # the headline counts leave the draft out too
    assert "alpha_2021-001" not in exported
    draft = shown.set_index("figure_id").loc["alpha_2021-001"]
    assert draft["review"] == "draft" and draft["label"].startswith(DRAFT_MARK)
    assert not any(label.startswith(DRAFT_MARK) for label in hidden["label"])
    marked = [line for line in shown_export.splitlines() if DRAFT_MARK in line]
    assert len(marked) == 1 and marked[0].startswith("alpha_2021-001,")


def test_the_cli_exports_drafts_only_when_asked(mini: Path, capsys) -> None:
    set_cell(mini, 1, "review", "draft")
    args = ["--data", "data", "--metrics", "metrics", "--db", "db.duckdb"]
    export = ["export", "figures", "--format", "csv"]
    assert main([*export, "--out", "plain.csv", *args]) == 0
    assert main([*export, "--out", "all.csv", "--include-drafts", *args]) == 0
    plain = (mini / "plain.csv").read_text(encoding="utf-8-sig")
    everything = (mini / "all.csv").read_text(encoding="utf-8-sig")
    assert DRAFT_MARK not in plain and plain.count("\n") == 4  # header and three reviewed rows
    assert everything.count(DRAFT_MARK) == 1 and everything.count("\n") == 5


def test_the_explore_page_shows_drafts_marked_only_with_the_switch(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    figures = data_copy / "figures" / "qingyuan_2019.csv"
    with figures.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("review")] = "draft"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    monkeypatch.setenv("RURALDASH_DATA", str(data_copy))
    monkeypatch.setenv("RURALDASH_DB", str(tmp_path / "page.duckdb"))
    pages = Path(__file__).resolve().parents[2] / "pages"

    def cells(**query: str) -> list[str]:
        at = AppTest.from_file(str(pages / "explore.py"), default_timeout=30)
        at.query_params.update({"sources": "qingyuan_2019", **query})
        at.run()
        assert not at.exception and not at.error
        frame = at.dataframe[0].value
        return [str(cell) for row in frame.itertuples(index=False) for cell in row]

    hidden, shown = cells(), cells(drafts="1")
    at = AppTest.from_file(str(pages / "explore.py"), default_timeout=30)
    at.query_params["drafts"] = "1"
    at.run()
    assert at.sidebar.warning[0].value.startswith("正在显示未审核草稿")
    assert not any(DRAFT_MARK in cell for cell in hidden)
    assert sum(DRAFT_MARK in cell for cell in shown) == 1
    assert len(shown) > len(hidden)
