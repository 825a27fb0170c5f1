"""A part (其中/含) names its whole, and the checks hold it to that whole: located messages."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.store.build import validate

PLACES = Path(__file__).parent.parent / "fixtures" / "places"
WEIYUAN = "data/figures/weiyuan_2021.csv"
PART_LINE = 3  # weiyuan_2021-002, the part


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the places fixture, made the working folder (relative paths)."""
    shutil.copytree(PLACES, tmp_path / "places")
    monkeypatch.chdir(tmp_path / "places")
    return tmp_path / "places"


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in validate(root / "data", paths.METRICS_DIR).problems]


def set_cells(root: Path, line: int, file: str = WEIYUAN, **cells: str) -> None:
    """Set cells of the row on `line` of `file` (line 2 is the first data row)."""
    path = root / file
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for column, value in cells.items():
        rows[line - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def test_the_part_and_its_whole_are_valid(places: Path) -> None:
    assert problems(places) == []


def test_a_file_without_the_part_of_column_still_reads(places: Path) -> None:
    path = places / "data/figures/longxi_2021.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row[:6] + row[7:] for row in csv.reader(handle)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    assert "part_of" not in path.read_text(encoding="utf-8")
    result = validate(places / "data", paths.METRICS_DIR)
    assert result.ok and result.figure_count == 10


def located(message: str) -> str:
    return f"{WEIYUAN}:{PART_LINE}: column 'part_of': {message}"


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"part_of": "weiyuan_2021-009"},
            "'weiyuan_2021-009' is not the id of a figure (part_of names the figure this one "
            "is part of)",
        ),
        ({"part_of": "weiyuan_2021-002"}, "'weiyuan_2021-002' is the figure itself"),
        (
            {"part_of": "longxi_2021-001"},
            "'longxi_2021-001' is a figure of another report ('longxi_2021'); a whole and its "
            "parts come from one report",
        ),
        (
            {"unit": "person", "metric": "cadres_dispatched"},
            "'weiyuan_2021-001' counts in another unit ('yuan'); a part counts what its whole "
            "counts",
        ),
        (
            {"status": "plan"},
            "'weiyuan_2021-001' has another status ('actual'); a planned part of an actual "
            "whole, or the reverse, is not a part",
        ),
        (
            {"value": "420000000"},
            "'weiyuan_2021-001' is smaller than this part (420000000 > 320000000); a part is "
            "not larger than its whole unless the whole is approximate (about, nearly, more "
            "than)",
        ),
    ],
)
def test_a_broken_part_is_named_where_it_stands(
    places: Path, cells: dict[str, str], message: str
) -> None:
    set_cells(places, PART_LINE, **cells)
    assert located(message) in problems(places)


def test_a_whole_of_another_region_is_refused(places: Path) -> None:
    # Two regions in one report: move the whole to another region's report file is the other
    # check; here the whole's row says another region of the same report.
    set_cells(places, 2, region="longxi")
    assert located("'weiyuan_2021-001' is a figure of another region ('longxi')") in problems(
        places
    )


def test_an_approximate_whole_may_be_exceeded(places: Path) -> None:
    set_cells(places, 2, qualifier="nearly")
    set_cells(places, PART_LINE, value="330000000")
    assert not [p for p in problems(places) if "part_of" in p]


def test_a_part_and_its_whole_cannot_be_each_others(places: Path) -> None:
    set_cells(places, 2, part_of="weiyuan_2021-002")
    assert located(
        "'weiyuan_2021-001' is itself part of this figure: a part and its whole cannot be "
        "each other's"
    ) in problems(places)
