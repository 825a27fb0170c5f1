"""A part of a whole (其中) is never a peer of its whole: no rank, no bar, no series, no sum."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ruraldash import paths
from ruraldash.compare import chart_rows, parts, rank, series, units
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.compare.ratios import derived_ratios
from ruraldash.store import boundaries
from ruraldash.store.build import ensure_database
from ruraldash.store.db import connect, run_query
from ruraldash.views import charts, tables
from ruraldash.views.maps import choropleth
from ruraldash.views.pages import compare_regions

PLACES = Path(__file__).parent.parent / "fixtures" / "places"
DINGXI = "621100"
YEAR_2021 = "in_period|2021-01-01|2021-12-31"
PART, WHOLE = "weiyuan_2021-002", "weiyuan_2021-001"


@pytest.fixture(scope="module")
def places_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The places fixture built as the app builds it."""
    db = tmp_path_factory.mktemp("places") / "places.duckdb"
    return ensure_database(PLACES / "data", paths.METRICS_DIR, db)


@pytest.fixture(scope="module")
def figures(places_db: Path) -> pd.DataFrame:
    with connect(places_db) as con:
        return load_figures(con, FigureFilter(metrics=("funds_invested",)))


def test_a_unit_comparison_picks_no_part(places_db: Path) -> None:
    with connect(places_db) as con:
        below = run_query(con, "unit_figures", code=DINGXI, metric="funds_invested")
        counties = run_query(con, "units_below", code=DINGXI)
    picked = units.chosen(below, YEAR_2021, "县财政安排专项资金")
    # 渭源's 8500万 is part of its 3.2亿, counted under the same words as 临洮's own figure.
    assert list(picked["figure_id"]) == ["lintao_2021-002"]
    rows = units.compare_units(counties, picked, "county", summable=True)
    assert units.total_for_place(rows, summable=True) == (90_000_000.0, False)


def test_a_part_with_its_whole_s_label_is_not_the_unit_s_figure(places_db: Path) -> None:
    with connect(places_db) as con:
        below = run_query(con, "unit_figures", code=DINGXI, metric="funds_invested")
    # Even labelled as its whole is, a part is never the one figure a unit is compared by.
    relabelled = below.assign(
        label=below["label"].where(below["figure_id"] != PART, "投入资金")
    ).iloc[::-1]
    picked = units.chosen(relabelled, YEAR_2021, "投入资金")
    assert set(picked["figure_id"]) == {"longxi_2021-001", WHOLE, "lintao_2021-001"}


def test_a_part_has_no_rank_and_is_no_peer(figures: pd.DataFrame) -> None:
    assert rank.rank_of(figures, PART) is None
    alone = rank.rank_of(figures, "lintao_2021-002", total=7)
    assert (alone.position, alone.reported) == (1, 1)


def test_a_part_is_in_no_series(figures: pd.DataFrame) -> None:
    found = series.series_of(figures, "weiyuan", "funds_invested")
    assert list(found) == [("投入资金", "actual", "in_period")]
    assert list(found[("投入资金", "actual", "in_period")]["figure_id"]) == [
        "weiyuan_2020-001",
        WHOLE,
    ]


def test_a_part_is_divided_by_nothing(figures: pd.DataFrame) -> None:
    project = figures[figures["figure_id"] == WHOLE].assign(
        figure_id="weiyuan_2021-099", metric_id="projects", label="项目", value=10.0
    )
    ratios = derived_ratios(pd.concat([figures, project]))
    assert list(ratios["figure_id_num"]) == [WHOLE]


def test_a_table_shows_the_part_under_its_whole(figures: pd.DataFrame) -> None:
    shuffled = pd.concat([figures[figures["figure_id"] == PART], figures])
    shuffled = shuffled.drop_duplicates("figure_id")
    ordered = parts.nested(shuffled)
    ids = list(ordered["figure_id"])
    assert ids.index(PART) == ids.index(WHOLE) + 1
    shown = tables.figure_table(ordered, "zh", tables.COMPARE_COLUMNS)
    row = shown.iloc[ids.index(PART)]
    assert row[tables.t("col_label", "zh")] == "└ 其中：县财政安排专项资金"
    assert row[tables.t("col_part_of", "zh")] == WHOLE


def test_a_chart_draws_a_part_inside_its_whole_s_bar(places_db: Path) -> None:
    with connect(places_db) as con:
        compared = compare_regions.region_comparison(con, "zh", "funds", "funds_invested", False)
    figure = compared.chart
    bars = [trace for trace in figure.data if trace.type == "bar"]
    inside = [trace for trace in bars if trace.width == charts.PART_WIDTH]
    assert len(inside) == 1 and list(inside[0].x) == [85_000_000]
    whole_bar = next(
        label
        for trace in bars
        if trace.width != charts.PART_WIDTH
        for label, value in zip(trace.y, trace.x, strict=True)
        if value == 320_000_000
    )
    assert list(inside[0].y) == [whole_bar]
    # The whole's label says what its bar holds: 3.2亿（其中 8500万）.
    said = [
        text
        for trace in bars
        if trace.width != charts.PART_WIDTH
        for text, value in zip(trace.text, trace.x, strict=True)
        if value == 320_000_000
    ]
    assert said == ["3.2亿（其中 8500万）"]
    # No row of its own: the axis holds one label per figure that is no part (and the regions
    # without a figure).
    categories = figure.layout.yaxis.categoryarray
    assert len(categories) == len(set(categories))
    assert not any("专项资金" in label and "临洮" not in label for label in categories)
    assert figure.layout.barmode == "overlay"
    # 渭源 has two figures of its own (2020, 2021) and a part: the part is said once, apart.
    several = next(line for line in compared.caveats if line.startswith("同一地区有多个数值"))
    assert "渭源县：2" in several
    assert compared.caveats[-1] == (
        "“其中”部分数（1条）画在所属总数的条形内、在表中列于总数之下：不单独比较，也不与总数相加。"
    )


def test_the_extremes_of_a_long_chart_never_sort_a_part(figures: pd.DataFrame) -> None:
    rows = figures.assign(missing=False)
    kept, trimmed = chart_rows.chart_extremes(rows, "value", keep=2)
    assert trimmed is not None
    # Sorted as a figure, 渭源's 8500万 would be the smallest bar; it is no figure of its own,
    # so the smallest two are 临洮's 1亿 and 9000万, and the part stays with its whole (not drawn).
    assert set(kept["figure_id"]) == {
        "lintao_2021-004",
        "lintao_2021-003",
        "lintao_2021-001",
        "lintao_2021-002",
    }
    assert trimmed.drawn == 4 and trimmed.figures == len(rows) - 1 - 4


def test_the_extremes_keep_a_part_with_its_drawn_whole(figures: pd.DataFrame) -> None:
    chosen = (WHOLE, PART, "weiyuan_2020-001", "lintao_2021-001")
    rows = figures[figures["figure_id"].isin(chosen)].assign(missing=False)
    kept, trimmed = chart_rows.chart_extremes(rows, "value", keep=1)
    # The largest whole (3.2亿) and the smallest (1亿) are drawn, 3.2亿 with its part.
    assert sorted(kept["figure_id"]) == sorted([WHOLE, "lintao_2021-001", PART])
    assert (trimmed.drawn, trimmed.figures) == (2, 1)


def test_a_part_never_colours_a_map_unit(places_db: Path, figures: pd.DataFrame) -> None:
    with connect(places_db) as con:
        regions = run_query(con, "regions")
    in_2021 = figures[
        (figures["period_text"] == "2021年")
        & (figures["status"] == "actual")
        & figures["region_id"].isin(["weiyuan", "longxi"])
    ]
    drawn, rows, _ = choropleth.map_rows(
        boundaries.boundary_units(), in_2021, regions, DINGXI, "county"
    )
    weiyuan = drawn[drawn["code"] == "621123"].iloc[0]
    # One whole and its part: the unit is coloured by its whole, not "see the table".
    assert (weiyuan["state"], weiyuan["value"], weiyuan["figure_count"]) == ("value", 3.2e8, 2)
    assert PART in set(rows["figure_id"])
