"""The optional review columns of a figures file: who accepted a figure and when, checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.store.build import validate

FILE = "xinning_2021.csv"


def _with_review_columns(data_dir: Path, first_row_tail: str) -> None:
    """Add reviewed_by and reviewed_at to a shipped file; give its first row `first_row_tail`."""
    path = data_dir / "figures" / FILE
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    lines[0] += ",reviewed_by,reviewed_at"
    lines[1] += first_row_tail
    lines[2:] = [line + ",," if line else line for line in lines[2:]]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))


@pytest.fixture(autouse=True)
def beside_data(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Work beside the copy, so that messages name data/figures/… as a curator sees them."""
    monkeypatch.chdir(data_copy.parent)


def _problems(data_dir: Path) -> list[str]:
    return [str(problem) for problem in validate(data_dir, paths.METRICS_DIR).problems]


def test_a_file_with_the_review_columns_validates(data_copy: Path) -> None:
    _with_review_columns(data_copy, ",王审核,2026-12-06T21:50:00+08:00")
    assert _problems(data_copy) == []


def test_a_reviewed_at_that_is_no_date_time_is_located(data_copy: Path) -> None:
    _with_review_columns(data_copy, ",王审核,2026-13-06 9点")
    assert _problems(data_copy) == [
        f"data/figures/{FILE}:2: column 'reviewed_at': '2026-13-06 9点' is not a date and time "
        "(YYYY-MM-DDTHH:MM:SS, as the review page writes it)"
    ]


def test_a_reviewer_on_a_draft_is_refused(data_copy: Path) -> None:
    path = data_copy / "figures" / FILE
    path.write_bytes(path.read_bytes().replace(b",reviewed\r\n", b",draft\r\n", 1))
    _with_review_columns(data_copy, ",王审核,")
    assert _problems(data_copy) == [
        f"data/figures/{FILE}:2: column 'reviewed_by': '王审核' is set but the figure is not "
        "reviewed (review is 'draft')"
    ]


def test_an_unknown_column_is_still_refused(data_copy: Path) -> None:
    path = data_copy / "figures" / FILE
    path.write_bytes(path.read_bytes().replace(b",review\r\n", b",review,checked_by\r\n", 1))
    problems = _problems(data_copy)
    assert [p.split(" (expected")[0] for p in problems] == [
        f"data/figures/{FILE}:1: column 'checked_by': unknown column"
    ]


def test_notes_hold_rejected_lists_but_no_other_csv(data_copy: Path) -> None:
    (data_copy / "notes" / "xinning_2021.rejected.csv").write_text("id,reason\n", encoding="utf-8")
    assert _problems(data_copy) == []
    (data_copy / "notes" / "xinning_2021.csv").write_text("id\n", encoding="utf-8")
    assert _problems(data_copy) == [
        "data/notes/xinning_2021.csv:1: is not a '.md' file; notes/ holds only '.md' files and "
        "'<source_id>.rejected.csv' lists (move it elsewhere)"
    ]
