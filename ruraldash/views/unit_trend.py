"""Compare units' last section: one unit's series for a metric, and the steps between its points.

The connection first and hashable values after it, like views/pages/, so the app makes the
result once per process and selection.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare.figures import localised
from ruraldash.compare.series import changes, series_of
from ruraldash.language.formatting import is_missing, written_values
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views.charts import COLOURS, value_axis
from ruraldash.views.export.provenance import ShownTable, figure_sources, file_stem, shown_table
from ruraldash.views.plain import hover_text
from ruraldash.views.unit_charts import layout


@dataclass(frozen=True)
class Trend:
    """A unit's series for a metric and the steps between its points."""

    chart: go.Figure
    table: ShownTable
    has_points: bool


def unit_trend(con: duckdb.DuckDBPyConnection, lang: str, code: str, metric: str) -> Trend:
    """Return a unit's series (one line per label, status and kind of period) with changes."""
    figures = run_query(con, "region_figures_of_metric", code=code, metric=metric)
    figure = go.Figure()
    steps = []
    if not figures.empty:
        region = str(figures["region_id"].iloc[0])
        for (label, status, kind), series in series_of(figures, region, metric).items():
            name = f"{label} · {t(f'status_{status}', lang)} · {t(f'kind_{kind}', lang)}"
            # A point sits at its period's last year (its first, when only that is known).
            when = series["period_to"].where(series["period_to"].notna(), series["period_from"])
            dated = series.assign(period_to=when)[when.notna()]
            figure.add_scatter(
                x=[day.year for day in dated["period_to"]],
                y=dated["value"],
                mode="lines+markers",
                name=hover_text(name),
                text=[
                    f"{hover_text(period)}<br>{hover_text(source)}<br>{hover_text(value)}"
                    for period, source, value in zip(
                        dated["period_text"],
                        dated["source_title_en" if lang == "en" else "source_title_zh"],
                        written_values(dated, lang),
                        strict=True,
                    )
                ],
                hovertemplate="%{text}<extra></extra>",
            )
            for step in changes(series).to_dict("records"):
                reason = step["reason"] if isinstance(step["reason"], str) else None
                steps.append({"series": name, **step, "reason": reason})
    figure.update_layout(
        **layout(360, _chart_title(con, figures, metric, lang)),
        xaxis={"dtick": 1, "tickformat": "d", "gridcolor": COLOURS["grid"]},
        yaxis=value_axis(
            figures["value"].max(), None if figures.empty else str(figures["unit"].iloc[0]), lang
        ),
    )
    by_id = figures.set_index("figure_id") if not figures.empty else None
    title_column = "source_title_en" if lang == "en" else "source_title_zh"
    table = pd.DataFrame(
        {
            t("col_series", lang): [step["series"] for step in steps],
            t("col_from", lang): [step["from_period"] for step in steps],
            t("col_to", lang): [step["to_period"] for step in steps],
            t("col_change", lang): [
                t(step["reason"], lang)
                if step["reason"]
                else f"{step['change']:+,.0f} ({step['change_percent']:+.1f}%)"
                if not is_missing(step["change_percent"])
                else f"{step['change']:+,.0f}"
                for step in steps
            ],
            t("col_source", lang): [
                "" if by_id is None else str(by_id.loc[step["to_figure"], title_column])
                for step in steps
            ],
        }
    )
    sources = figure_sources(figures, lang) if not figures.empty else pd.DataFrame()
    shown = shown_table(
        t("trend_title", lang),
        table,
        sources,
        [(t("col_admin_code", lang), code), (t("col_metric", lang), metric)],
        [],
        lang,
        file_stem("trend", code, metric, filtered=True),
    )
    return Trend(figure, shown, not figures.empty)


def _chart_title(
    con: duckdb.DuckDBPyConnection, figures: pd.DataFrame, metric: str, lang: str
) -> str:
    """Name the trend's metric and unit (趋势：投入资金 · 渭源县); a unit without a figure of it
    has the metric's name from the catalogue."""
    if figures.empty:
        catalogue = run_query(con, "metric_catalogue")
        named = localised(catalogue[catalogue["metric_id"] == metric], "metric", lang)
        return t("trend_chart_title_empty", lang).format(metric=next(iter(named), metric))
    first = figures.iloc[[0]]
    return t("trend_chart_title", lang).format(
        metric=localised(first, "metric", lang).iloc[0],
        region=localised(first, "region", lang).iloc[0],
    )
