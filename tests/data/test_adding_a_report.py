"""Adding a report the way the README says breaks only the one test that pins the counts.

A copy of data/ gets a sixth report (tests/support/sixth_report.py): a report text, its source,
its region and a figures CSV. Every dataset invariant still holds on it; only the count pin fails.
The logic, chart and page tests do not read the shipped data at all (they run on the
comparison-rules fixture), so a sixth report cannot reach them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.data.test_dataset import FIGURES_PER_REPORT, INVARIANTS, figure_rows
from tests.support.sixth_report import SOURCE_ID, copy_with_sixth_report


@pytest.fixture(scope="module")
def six_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_with_sixth_report(tmp_path_factory.mktemp("six"))


@pytest.mark.parametrize("invariant", INVARIANTS, ids=[check.__name__ for check in INVARIANTS])
def test_every_dataset_invariant_holds_with_a_sixth_report(
    six_reports: Path, invariant: Callable[[Path], list[str]]
) -> None:
    assert invariant(six_reports) == []


def test_only_the_count_pin_changes(six_reports: Path) -> None:
    counts = Counter(row["source"] for row in figure_rows(six_reports))
    assert counts != FIGURES_PER_REPORT
    assert {key: value for key, value in counts.items() if key != SOURCE_ID} == FIGURES_PER_REPORT


def test_a_quote_missing_from_the_sixth_report_is_found(tmp_path: Path) -> None:
    data = copy_with_sixth_report(tmp_path)
    figures = data / "figures" / f"{SOURCE_ID}.csv"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("培训3200余人次", "培训3300余人次"), encoding="utf-8")
    assert [check.__name__ for check in INVARIANTS if check(data)] == [
        "invalid",
        "quotes_not_in_their_report",
        "values_not_read_from_their_quote",
    ]
