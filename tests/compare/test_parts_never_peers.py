"""A part of a whole (其中) is never a peer of its whole: no rank, no bar, no series, no sum."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from ruraldash import paths
from ruraldash.compare import like_for_like, parts, rank, series, units
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.compare.ratios import derived_ratios
from ruraldash.language.i18n import t
from ruraldash.store import boundaries
from ruraldash.store.build import ensure_database
from ruraldash.store.db import connect, run_query
from ruraldash.views import tables
from ruraldash.views.maps import choropleth
from ruraldash.views.pages import compare

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


def _compare(places_db: Path, label: str, top: int = 15) -> compare.Comparison:
    with connect(places_db) as con:
        return compare.comparison(
            con, "zh", DINGXI, "county", "funds_invested", "actual", YEAR_2021, label, top=top
        )


def _bars(compared: compare.Comparison) -> dict[str, float]:
    """The chart's bars of their own (a part's mark inside its whole's bar is none)."""
    return {
        label: value
        for trace in compared.chart.data
        if trace.legendgroup != "part"
        for label, value in zip(trace.y, trace.x, strict=True)
    }


def _marks(compared: compare.Comparison) -> list[go.Bar]:
    """The traces that mark parts inside their wholes' bars."""
    return [trace for trace in compared.chart.data if trace.legendgroup == "part"]


def test_the_comparison_draws_no_bar_for_a_part_and_tables_it_under_its_whole(
    places_db: Path,
) -> None:
    compared = _compare(places_db, "投入资金")
    # One bar per unit, its whole: 渭源's 8500万 is no bar beside (or instead of) its 3.2亿.
    assert sorted(_bars(compared).values()) == [100_000_000, 320_000_000, 400_000_000]
    shown = compared.table.shown
    labels = list(shown[t("col_label", "zh")])
    whole = labels.index("投入资金", labels.index("投入资金") + 1)
    assert shown.iloc[whole][t("col_value_text", "zh")] == "3.2亿"
    part = shown.iloc[whole + 1]
    assert part[t("col_label", "zh")] == "└ 其中：县财政安排专项资金"
    assert part[t("col_value_text", "zh")] == "8500万"
    # The part has no position of its own; the three wholes are 1st, 2nd, 3rd of 3.
    assert part[t("col_rank", "zh")] == ""
    positions = [text for text in shown[t("col_rank", "zh")] if text]
    assert [text[:3] for text in positions] == ["第1位", "第2位", "第3位"]
    assert "为其中（某总数的一部分） 1 项" in compared.left_out_line


def test_the_ranked_chart_marks_a_part_inside_its_whole_s_bar(places_db: Path) -> None:
    compared = _compare(places_db, "投入资金")
    # The bars and their order are the wholes' alone: largest first, the part in no slot.
    assert list(_bars(compared)) == ["陇西县 621122", "渭源县 621123", "临洮县 621124"]
    assert list(compared.chart.layout.yaxis.categoryarray) == [
        "临洮县 621124",
        "渭源县 621123",
        "陇西县 621122",
    ]
    (mark,) = _marks(compared)
    # 渭源's 8500万 lies inside 渭源's 3.2亿 bar, narrower, saying what it is and its value.
    assert list(mark.y) == ["渭源县 621123"] and list(mark.x) == [85_000_000]
    assert mark.width < 0.8 and compared.chart.layout.barmode == "overlay"
    assert list(mark.customdata) == ["其中：县财政安排专项资金 8500万"]
    texts = {
        label: text
        for trace in compared.chart.data
        if trace.legendgroup != "part"
        for label, text in zip(trace.y, trace.text, strict=True)
    }
    assert texts["渭源县 621123"] == "3.2亿（其中 8500万）"
    # Never summed: the partial sum is the three wholes' (4亿 + 3.2亿 + 1亿).
    assert compared.notes[0].startswith("部分合计：8.2亿")


def test_the_side_by_side_chart_marks_a_part_inside_its_whole_s_bar(places_db: Path) -> None:
    with connect(places_db) as con:
        # No two units have plans of one period: every figure stands side by side.
        compared = compare.comparison(con, "en", DINGXI, "county", "funds_invested", "plan", "", "")
    assert not compared.ranked
    bars = _bars(compared)
    # Seven figures of their own in region order (渭源's two, 陇西's, 临洮's four): no bar
    # for 渭源's 8500万.
    assert len(bars) == 7 and 85_000_000 not in bars.values()
    (mark,) = _marks(compared)
    (whole,) = [label for label, value in bars.items() if value == 320_000_000]
    assert list(mark.y) == [whole] and list(mark.x) == [85_000_000]
    assert list(mark.customdata) == ["of which: 县财政安排专项资金 85 million"]
    assert list(compared.chart.layout.yaxis.categoryarray) == list(bars)[::-1]


def test_a_part_with_a_peer_s_label_is_never_ranked_among_peers(places_db: Path) -> None:
    # 渭源's 8500万 is counted under the same words as 临洮's own 9000万: still no peer.
    compared = _compare(places_db, "县财政安排专项资金")
    assert list(_bars(compared).values()) == [90_000_000]
    assert list(compared.rank_texts) == ["621124"]
    left_out = compared.left_out.shown
    reasons = dict(
        zip(left_out[t("col_value_text", "zh")], left_out[t("col_reason", "zh")], strict=True)
    )
    assert reasons["8500万"] == "为其中（某总数的一部分）"
    # Among the figures left out, the part stands right under its whole.
    values = list(left_out[t("col_value_text", "zh")])
    assert values.index("8500万") == values.index("3.2亿") + 1


def test_the_extremes_of_a_long_chart_never_sort_a_part(places_db: Path) -> None:
    compared = _compare(places_db, "投入资金", top=1)
    # Sorted as a figure, 渭源's 8500万 would be the smallest bar; it is no figure of its own,
    # so the largest and smallest drawn are 陇西's 4亿 and 临洮's 1亿.
    assert sorted(_bars(compared).values()) == [100_000_000, 400_000_000]


def test_a_period_is_offered_for_wholes_only(places_db: Path, figures: pd.DataFrame) -> None:
    coded = figures.assign(admin_code=figures["region_id"], unit_level="county")
    # 临洮's 9000万 and 渭源's 8500万 share words and year; a part makes no pair.
    found = like_for_like.periods(coded, "actual", "county")
    assert found.labels[YEAR_2021] == ["投入资金"]


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
