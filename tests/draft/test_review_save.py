"""Saving a review: validated in a private copy, all or nothing, rows kept in order and byte for
byte, who and when recorded, and a second curator told instead of overwriting the first."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.draft.review import records
from ruraldash.draft.review.decisions import Decision, DecisionError
from ruraldash.draft.review.queue import queue
from ruraldash.draft.review.save import (
    SaveRefused,
    StaleFile,
    figures_path,
    rejected_path,
    save,
)
from ruraldash.store.build import validate
from tests.support.review_report import added_copy

WHEN = "2026-12-06T21:50:00+00:00"


@pytest.fixture(scope="module")
def added_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The shipped data with the test report added as drafts, made once per module."""
    data_dir, result = added_copy(tmp_path_factory.mktemp("added"))
    return data_dir, result.source_id


@pytest.fixture
def added(added_template: tuple[Path, str], tmp_path: Path) -> tuple[Path, str]:
    """A private copy of the added data for one test."""
    data_dir, source = added_template
    shutil.copytree(data_dir, tmp_path / "data")
    return tmp_path / "data", source


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def _save(data_dir: Path, source: str, decisions: list[Decision], digest: str | None = None):
    current = digest or records.read(figures_path(data_dir, source)).digest
    return save(data_dir, paths.METRICS_DIR, source, decisions, current, "王审核", WHEN)


def test_accept_marks_the_row_reviewed_and_leaves_every_other_byte(added) -> None:
    data_dir, source = added
    path = figures_path(data_dir, source)
    before = _lines(path)
    saved = _save(data_dir, source, [Decision("accept", f"{source}-002")])
    after = _lines(path)
    assert saved.accepted == 1
    assert len(after) == len(before)
    changed = [
        number for number, (old, new) in enumerate(zip(before, after, strict=True)) if old != new
    ]
    assert changed == [2]  # header is line 0: only figure 002's row differs
    row = _rows(path)[1]
    assert (row["id"], row["review"], row["reviewed_by"], row["reviewed_at"]) == (
        f"{source}-002",
        "reviewed",
        "王审核",
        WHEN,
    )
    assert after[2].endswith(b"\r\n") and path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert validate(data_dir, paths.METRICS_DIR).ok


def test_a_correction_is_written_in_place_and_the_order_kept(added) -> None:
    data_dir, source = added
    path = figures_path(data_dir, source)
    ids_before = [row["id"] for row in _rows(path)]
    _save(
        data_dir, source, [Decision("accept", f"{source}-012", {"label": "户均增收（入社农户）"})]
    )
    rows = _rows(path)
    assert [row["id"] for row in rows] == ids_before
    corrected = next(row for row in rows if row["id"] == f"{source}-012")
    assert (corrected["label"], corrected["review"]) == ("户均增收（入社农户）", "reviewed")


def test_a_save_that_fails_validation_changes_no_file(added) -> None:
    data_dir, source = added
    path = figures_path(data_dir, source)
    before = path.read_bytes()
    with pytest.raises(SaveRefused) as refused:
        _save(
            data_dir,
            source,
            [
                Decision("accept", f"{source}-001"),
                Decision("accept", f"{source}-002", {"value": "86个"}),
                Decision("reject", f"{source}-003", reason="是门槛"),
            ],
        )
    assert path.read_bytes() == before
    assert not rejected_path(data_dir, source).exists()
    assert any(
        f"figures/{source}.csv:3: column 'value'" in problem for problem in refused.value.problems
    )


def test_a_metric_whose_unit_differs_is_refused_with_its_line(added) -> None:
    data_dir, source = added
    before = figures_path(data_dir, source).read_bytes()
    with pytest.raises(SaveRefused) as refused:
        _save(data_dir, source, [Decision("accept", f"{source}-001", {"metric": "projects"})])
    assert figures_path(data_dir, source).read_bytes() == before
    assert any("column 'unit'" in problem for problem in refused.value.problems)


def test_the_second_of_two_curators_is_told_and_the_first_keeps_their_change(added) -> None:
    data_dir, source = added
    path = figures_path(data_dir, source)
    shown_to_both = records.read(path).digest
    _save(
        data_dir,
        source,
        [Decision("accept", f"{source}-001", {"label": "乡村振兴投入"})],
        shown_to_both,
    )
    after_first = path.read_bytes()
    with pytest.raises(StaleFile):
        _save(
            data_dir,
            source,
            [Decision("accept", f"{source}-001", {"label": "资金"})],
            shown_to_both,
        )
    assert path.read_bytes() == after_first
    first = next(row for row in _rows(path) if row["id"] == f"{source}-001")
    assert first["label"] == "乡村振兴投入"
    # Reloaded, the second curator saves on top of the first's work.
    _save(data_dir, source, [Decision("accept", f"{source}-002")])
    rows = {row["id"]: row for row in _rows(path)}
    assert rows[f"{source}-001"]["label"] == "乡村振兴投入"
    assert rows[f"{source}-002"]["review"] == "reviewed"


def test_a_rejected_figure_leaves_the_file_and_is_kept_with_its_reason(added) -> None:
    data_dir, source = added
    path = figures_path(data_dir, source)
    before = _lines(path)
    rejected_row = _rows(path)[3]
    saved = _save(data_dir, source, [Decision("reject", rejected_row["id"], reason="不是数据")])
    assert saved.rejected == 1
    after = _lines(path)
    assert after == before[:4] + before[5:]
    kept = _rows(rejected_path(data_dir, source))
    assert len(kept) == 1
    assert {key: kept[0][key] for key in ("id", "value", "quote", "reason", "rejected_by")} == {
        "id": rejected_row["id"],
        "value": rejected_row["value"],
        "quote": rejected_row["quote"],
        "reason": "不是数据",
        "rejected_by": "王审核",
    }
    assert kept[0]["rejected_at"] == WHEN
    assert validate(data_dir, paths.METRICS_DIR).ok
    # A second rejection is appended to the same list.
    second = _rows(path)[0]["id"]
    _save(data_dir, source, [Decision("reject", second, reason="重复")])
    assert [row["id"] for row in _rows(rejected_path(data_dir, source))] == [
        rejected_row["id"],
        second,
    ]


def test_a_rejection_needs_a_reason_and_nothing_is_written_without_one(added) -> None:
    data_dir, source = added
    before = figures_path(data_dir, source).read_bytes()
    with pytest.raises(DecisionError):
        _save(data_dir, source, [Decision("reject", f"{source}-001", reason=" ")])
    assert figures_path(data_dir, source).read_bytes() == before


def test_rows_selected_are_accepted_at_once(added) -> None:
    data_dir, source = added
    ids = [f"{source}-00{n}" for n in (1, 4, 6)]
    saved = _save(data_dir, source, [Decision("accept", figure) for figure in ids])
    assert saved.accepted == 3
    states = {row["id"]: row["review"] for row in _rows(figures_path(data_dir, source))}
    assert [states[figure] for figure in ids] == ["reviewed"] * 3
    assert sum(state == "draft" for state in states.values()) == len(states) - 3
    waiting = {report.source: len(report.drafts) for report in queue(data_dir)[0]}
    assert waiting == {source: len(states) - 3}


def test_a_file_without_review_columns_gains_them_and_keeps_its_layout(data_copy: Path) -> None:
    path = data_copy / "figures" / "xinning_2021.csv"
    original = path.read_bytes()
    draft = original.replace(b",reviewed\r\n", b",draft\r\n", 1)
    path.write_bytes(draft)
    first = _rows(path)[0]["id"]
    _save(data_copy, "xinning_2021", [Decision("accept", first)])
    new = path.read_bytes()
    assert not new.startswith(b"\xef\xbb\xbf")  # no BOM before, none after
    old_lines, new_lines = original.splitlines(keepends=True), new.splitlines(keepends=True)
    assert new_lines[0] == old_lines[0].replace(
        b"review\r\n", b"review,reviewed_by,reviewed_at\r\n"
    )
    assert all(
        new_line == old_line.replace(b"\r\n", b",,\r\n")
        for old_line, new_line in zip(old_lines[2:], new_lines[2:], strict=True)
    )
    assert new_lines[1].endswith(f",reviewed,王审核,{WHEN}\r\n".encode())
    assert validate(data_copy, paths.METRICS_DIR).ok


def test_a_file_with_lf_lines_keeps_them(added) -> None:
    data_dir, source = added
    path = figures_path(data_dir, source)
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n"))
    before = _lines(path)
    _save(data_dir, source, [Decision("accept", f"{source}-003", {"value": "28000000"})])
    after = _lines(path)
    assert b"\r" not in path.read_bytes()
    assert [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [3]
