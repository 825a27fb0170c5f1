"""Charts read like the tables beside them: axes in 万/亿 or millions, no bar for no figure."""

from __future__ import annotations

import re

import duckdb
import plotly.graph_objects as go
import pytest

from ruraldash.compare import coverage, honest, pickers
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.store.db import run_query
from ruraldash.views import charts

RAW_NUMBER = re.compile(r"\d{1,3}(,\d{3}){2,}|\d{7,}")  # 200,000,000 or 200000000


def compared(
    con: duckdb.DuckDBPyConnection, category: str, metric: str, per_capita: bool = False
) -> go.Figure:
    """The rows the Compare regions page charts for one selection."""
    catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
    regions = run_query(con, "regions")
    chosen = pickers.chosen_metrics(catalogue, category, metric)
    rows = honest.region_rows(
        load_figures(con, FigureFilter(metrics=tuple(chosen["metric_id"]))), regions, chosen
    )
    return honest.add_per_capita(rows, regions) if per_capita else rows


def value_axes(figure: go.Figure) -> list[dict]:
    layout = figure.to_plotly_json()["layout"]
    return [axis for name, axis in sorted(layout.items()) if name.startswith("xaxis")]


def test_money_axes_read_in_yi_and_wan_or_in_millions(con: duckdb.DuckDBPyConnection) -> None:
    rows = compared(con, "funds", "funds_invested")
    (chinese,) = value_axes(charts.region_bars(rows, "zh"))
    assert chinese["ticktext"] == ["0", "2亿", "4亿", "6亿", "8亿", "10亿"]
    assert chinese["tickvals"][-1] <= chinese["range"][1]
    assert chinese["range"][1] >= rows["value"].max(), "the longest bar fits"
    (english,) = value_axes(charts.region_bars(rows, "en"))
    assert english["ticktext"][1:3] == ["200 million", "400 million"]
    assert english["ticktext"][-1] == "1 billion"


@pytest.mark.parametrize("per_capita", [False, True])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_axis_shows_a_raw_long_number(
    con: duckdb.DuckDBPyConnection, lang: str, per_capita: bool
) -> None:
    for category in pickers.category_choices(
        coverage.used_metrics(run_query(con, "metric_catalogue")), lang
    ):
        figure = charts.region_bars(
            compared(con, category, pickers.ALL_METRICS, per_capita), lang, per_capita
        )
        for axis in value_axes(figure):
            labels = axis.get("ticktext", [])
            assert labels or axis.get("showticklabels") is False, (category, axis)
            assert not [label for label in labels if RAW_NUMBER.search(label)], labels


def test_every_metric_has_a_panel_titled_with_its_unit(con: duckdb.DuckDBPyConnection) -> None:
    rows = compared(con, "training", pickers.ALL_METRICS)
    figure = charts.region_bars(rows, "zh")
    titles = [note.text for note in figure.layout.annotations]
    assert len(titles) == rows["metric_id"].nunique() == len(value_axes(figure))
    assert any("培训人次" in title and "（人次）" in title for title in titles)
    per_10k = charts.region_bars(compared(con, "training", pickers.ALL_METRICS, True), "en", True)
    assert all("(per 10,000 residents)" in note.text for note in per_10k.layout.annotations)


def test_a_region_without_a_figure_gets_no_bar(con: duckdb.DuckDBPyConnection) -> None:
    rows = compared(con, "mentoring", "mentors")
    figure = charts.region_bars(rows, "zh")
    bars = [label for trace in figure.data if trace.type == "bar" for label in trace.y]
    written = [label for trace in figure.data if trace.type == "scatter" for label in trace.y]
    assert len(bars) == int((~rows["missing"]).sum())
    assert {label.split("</b>")[0].removeprefix("<b>") for label in written} == {"丙市", "丁市"}


def test_a_panel_without_any_bar_has_no_scale(con: duckdb.DuckDBPyConnection) -> None:
    rows = compared(con, "funds", pickers.ALL_METRICS, per_capita=True)
    axes = value_axes(charts.region_bars(rows, "en", per_capita=True))
    assert [axis.get("showticklabels") for axis in axes].count(False) >= 1
    assert "ticktext" in axes[0]


def test_category_bars_and_heatmaps_write_their_numbers(con: duckdb.DuckDBPyConnection) -> None:
    categories = run_query(con, "categories")
    (axis,) = value_axes(charts.category_bars(categories, "en"))
    assert axis["ticktext"][0] == "0" and axis["range"][1] > categories["figure_count"].max()
    regions = run_query(con, "regions")
    matrix = coverage.coverage_matrix(
        run_query(con, "coverage"), regions, categories, "category", "zh"
    )
    cells = charts.heatmap(matrix, "zh").data[0].text
    assert "" in {cell for row in cells for cell in row}, "a region without figures stays blank"
