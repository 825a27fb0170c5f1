"""The page "Compare regions": one metric (or a category) across regions, its chart and table.

Like every module here: the connection first and only hashable values after it, so the app
makes each result once per process and state of the data (ui.cached) and every session draws
the same objects; nothing here may keep or change state.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import chart_rows, coverage, honest, parts, pickers
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views import charts, tables
from ruraldash.views.export.provenance import (
    ShownTable,
    figure_sources,
    file_stem,
    shown_table,
)


@dataclass(frozen=True)
class RegionChoices:
    """The categories and metrics one can compare, and which to start from."""

    categories: dict[str, str]
    default_category: str
    metrics: dict[str, dict[str, str]]  # per category: "all" and then each metric
    default_metrics: dict[str, str]


@dataclass(frozen=True)
class RegionComparison:
    """One metric (or a category) across regions: caveats, chart, denominators and table."""

    caveats: list[str]
    chart: go.Figure | None  # None when no metric has a value to draw
    denominators: list[str]
    table: ShownTable
    not_drawn: str = ""  # one line: which metrics have no chart, and why
    trimmed: str = ""  # one line: what a chart of many regions left to the table
    # The figures a chart of many regions draws (its largest and smallest), when it leaves some
    # out; None when it draws every figure. A briefing's table prints these.
    drawn_ids: frozenset[str] | None = None


def region_choices(con: duckdb.DuckDBPyConnection, lang: str) -> RegionChoices:
    """Return the categories with figures, their metrics and the widest metric of each."""
    catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
    categories = pickers.category_choices(catalogue, lang)
    return RegionChoices(
        categories,
        pickers.widest_metric(catalogue)["category"],
        {category: pickers.metric_choices(catalogue, category, lang) for category in categories},
        {
            category: pickers.widest_metric(catalogue, category)["metric_id"]
            for category in categories
        },
    )


@dataclass(frozen=True)
class RegionChart:
    """What Compare regions shows above its table: caveats, the chart and what it leaves out."""

    caveats: list[str]
    chart: go.Figure | None  # None when no metric has a value to draw
    denominators: list[str]
    not_drawn: str = ""
    trimmed: str = ""
    drawn_ids: frozenset[str] | None = None


def _compared_rows(
    con: duckdb.DuckDBPyConnection, category: str, metric: str, per_capita: bool
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the used catalogue and every region's rows for the metric (or category)."""
    catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
    regions = run_query(con, "regions")
    chosen = pickers.chosen_metrics(catalogue, category, metric)
    figures = load_figures(con, FigureFilter(metrics=tuple(chosen["metric_id"])))
    rows = parts.nested(honest.region_rows(figures, regions, chosen))
    if per_capita:
        rows = honest.add_per_capita(rows, regions)
    return catalogue, rows


def region_chart(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    category: str,
    metric: str,
    per_capita: bool,
    show_all: bool = False,
) -> RegionChart:
    """Return the caveats and chart of every region for one metric (or a category's metrics).

    With many regions the chart draws each metric's largest and smallest figures unless
    `show_all`. Made apart from the table, so that the chart is drawn before the table is
    written out (a national metric's table is tens of thousands of rows).
    """
    _, rows = _compared_rows(con, category, metric, per_capita)
    return _chart_of(rows, lang, per_capita, show_all)


def region_table(
    con: duckdb.DuckDBPyConnection, lang: str, category: str, metric: str, per_capita: bool
) -> ShownTable:
    """Return every region's figures for one metric (or a category) as a table with its export."""
    catalogue, rows = _compared_rows(con, category, metric, per_capita)
    return _table_of(catalogue, rows, lang, category, metric, per_capita)


def region_comparison(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    category: str,
    metric: str,
    per_capita: bool,
    show_all: bool = False,
    extremes: int = chart_rows.CHART_EXTREMES,
) -> RegionComparison:
    """Return every region for one metric (or every metric of a category), with or without one:
    region_chart and region_table together, from one reading of the figures. A chart of many
    regions draws each metric's `extremes` largest and smallest figures (a briefing, fewer)."""
    catalogue, rows = _compared_rows(con, category, metric, per_capita)
    drawn = _chart_of(rows, lang, per_capita, show_all, extremes)
    return RegionComparison(
        drawn.caveats,
        drawn.chart,
        drawn.denominators,
        _table_of(catalogue, rows, lang, category, metric, per_capita, drawn),
        drawn.not_drawn,
        drawn.trimmed,
        drawn.drawn_ids,
    )


def _chart_of(
    rows: pd.DataFrame,
    lang: str,
    per_capita: bool,
    show_all: bool,
    extremes: int = chart_rows.CHART_EXTREMES,
) -> RegionChart:
    drawn, not_drawn = chart_rows.drawable_per_capita(rows, lang) if per_capita else (rows, "")
    trimmed = None
    if not show_all:
        drawn, trimmed = chart_rows.chart_extremes(
            drawn, "per_10k" if per_capita else "value", extremes
        )
    return RegionChart(
        honest.caveats(rows, lang, per_capita),
        charts.region_bars(drawn, lang, per_capita) if not drawn.empty else None,
        honest.denominator_lines(rows, lang) if per_capita else [],
        not_drawn,
        _trimmed_line(trimmed, lang, extremes),
        None if trimmed is None else frozenset(drawn["figure_id"].dropna().astype(str)),
    )


def _table_of(
    catalogue: pd.DataFrame,
    rows: pd.DataFrame,
    lang: str,
    category: str,
    metric: str,
    per_capita: bool,
    drawn: RegionChart | None = None,
) -> ShownTable:
    """The table and its export; the export's notes are the chart's caveats and denominators
    (`drawn` when they are made already)."""
    if drawn is None:
        found = honest.caveats(rows, lang, per_capita)
        denominators = honest.denominator_lines(rows, lang) if per_capita else []
    else:
        found, denominators = drawn.caveats, drawn.denominators
    shown = tables.figure_table(
        rows, lang, tables.COMPARE_COLUMNS + (tables.PER_CAPITA_COLUMNS if per_capita else ())
    )
    filters = [
        (t("pick_category", lang), pickers.category_choices(catalogue, lang)[category]),
        (t("pick_metric", lang), pickers.metric_choices(catalogue, category, lang)[metric]),
        (t("per_10k_switch", lang), t("yes", lang) if per_capita else t("no", lang)),
    ]
    return shown_table(
        t("page_compare_regions", lang),
        shown,
        figure_sources(rows, lang),
        filters,
        found + denominators,
        lang,
        file_stem(
            "compare_regions",
            pickers.subject(category, metric),
            "per10k" if per_capita else "",
            filtered=True,
        ),
    )


def _trimmed_line(
    trimmed: chart_rows.Trimmed | None, lang: str, extremes: int = chart_rows.CHART_EXTREMES
) -> str:
    """Say what a chart of many regions left out: figures in between, regions without one."""
    if trimmed is None:
        return ""
    line = t("chart_extremes", lang).format(
        keep=extremes, drawn=f"{trimmed.drawn:,}", hidden=f"{trimmed.figures:,}"
    )
    if trimmed.missing:
        line += t("chart_extremes_missing", lang).format(missing=f"{trimmed.missing:,}")
    return line


def has_many_regions(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a chart of every region may be long enough to draw only its extremes."""
    return len(run_query(con, "regions")) > 2 * chart_rows.CHART_EXTREMES
