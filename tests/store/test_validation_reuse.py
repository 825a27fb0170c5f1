"""A validation reuses the catalogue it read only while the catalogue's files hold the same
bytes, and checks replaced figures files as if they were in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruraldash.store.build import validate

ALPHA = "data/figures/alpha_2021.csv"


def texts(result: object) -> list[str]:
    return [str(problem) for problem in result.problems]  # type: ignore[attr-defined]


def test_a_catalogue_edit_is_seen_at_once_even_at_the_same_size(mini: Path) -> None:
    assert validate(mini / "data", mini / "metrics").ok
    units = mini / "metrics" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    # Same length, written straight after the first validation: no file time can tell.
    units.write_text(text.replace("id: yuan", "id: yuen"), encoding="utf-8")
    assert len(units.read_bytes()) == len(text.encode("utf-8"))
    problems = texts(validate(mini / "data", mini / "metrics"))
    assert any("'yuan' is not a unit" in problem for problem in problems), problems
    units.write_text(text, encoding="utf-8")
    assert validate(mini / "data", mini / "metrics").ok


def test_a_report_edit_is_seen_at_once(mini: Path) -> None:
    assert validate(mini / "data", mini / "metrics").ok
    report = next((mini / "reports").glob("alpha*.txt"))
    report.write_text("另一篇报告", encoding="utf-8")
    problems = texts(validate(mini / "data", mini / "metrics"))
    assert any("is not in the normalised text" in problem for problem in problems), problems


def test_a_replaced_figures_file_is_checked_where_it_would_lie(mini: Path) -> None:
    path = mini / ALPHA
    original = path.read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    broken = "".join([*lines[:2], lines[2].replace(",yuan,", ",ren,")]).encode("utf-8")
    result = validate(mini / "data", mini / "metrics", {path: broken})
    assert [problem.path for problem in result.problems] == [ALPHA]
    assert [problem.line for problem in result.problems] == [3]
    assert "'ren' is not a unit" in texts(result)[0]
    assert path.read_bytes() == original
    assert validate(mini / "data", mini / "metrics").ok


def test_a_replaced_file_with_blank_lines_keeps_exact_lines(mini: Path) -> None:
    path = mini / ALPHA
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    staged = "".join([lines[0], "\n", lines[1], lines[2].replace(",reviewed", ",checked")])
    result = validate(mini / "data", mini / "metrics", {path: staged.encode("utf-8")})
    assert [(problem.path, problem.line) for problem in result.problems] == [(ALPHA, 4)]


def test_only_figures_files_and_rejected_lists_may_be_replaced(mini: Path) -> None:
    rejected = mini / "data" / "notes" / "alpha_2021.rejected.csv"
    assert validate(mini / "data", mini / "metrics", {rejected: b"id\n"}).ok
    with pytest.raises(ValueError, match="only figures files"):
        validate(mini / "data", mini / "metrics", {mini / "data" / "regions.yaml": b""})
