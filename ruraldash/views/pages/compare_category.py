"""The page "Compare" for every metric of a category: each metric ranked on its own.

Each metric with figures under the place at the level is compared on its own like-for-like
selection (compare.like_for_like.per_metric: one period of one kind, one status, one level, one
label, one figure per unit), in its own latest comparable period. Metrics are never ranked
against each other or added up: the chart has a panel per metric, the table a value and a
position per metric. What is left out is counted over all metrics with its reasons and listed;
the metrics without a comparable period are named in one line, not drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import like_for_like, pickers
from ruraldash.compare import units as unit_rules
from ruraldash.compare.figures import localised
from ruraldash.language.english import english_period
from ruraldash.language.formatting import format_count
from ruraldash.language.i18n import t, t_count
from ruraldash.language.punctuation import punctuation
from ruraldash.store.db import run_query
from ruraldash.views import comparison_tables, national_list
from ruraldash.views.category_charts import Panel, category_bars
from ruraldash.views.export.print_table import MOST_COLUMNS
from ruraldash.views.export.provenance import ShownTable, figure_sources, shown_table
from ruraldash.views.national_list import unit_names
from ruraldash.views.pages.compare import figures_under
from ruraldash.views.tables import figure_table
from ruraldash.views.unit_charts import TOP_N

ALL_METRICS = pickers.ALL_METRICS  # the metric picker's "all metrics in this category"
# The print sheet holds the unit and, per metric, its value and position: three metrics.
PRINTED_METRICS = (MOST_COLUMNS - 1) // 2


@dataclass(frozen=True)
class MetricColumn:
    """One metric of the category as ranked: its name, period, label and unit rows."""

    metric: str
    name: str
    period_text: str
    label: str
    unit: str
    rows: pd.DataFrame  # every unit at the level: basis, value, rank, figure columns
    figures: pd.DataFrame  # its like-for-like figures, one per unit


@dataclass(frozen=True)
class CategoryComparison:
    """Everything the page shows for a category: a panel and two columns per metric."""

    headline: str
    chart: go.Figure | None
    notes: list[str]  # which label each metric compares; the metrics without a period
    left_out_line: str  # over all metrics, with reasons, or ''
    table: ShownTable
    left_out: ShownTable
    columns: list[MetricColumn]
    rank_texts: dict[str, str]  # unit → each metric's position, for a unit in focus
    by_metric: ShownTable  # one block of rows per metric, each in its own order (a briefing's)
    figures: pd.DataFrame  # every metric's like-for-like figures


def _catalogue(con: duckdb.DuckDBPyConnection, category: str) -> pd.DataFrame:
    catalogue = run_query(con, "metric_catalogue")
    return catalogue[catalogue["category"] == category].set_index("metric_id")


def _column(
    ranking: like_for_like.MetricRanking,
    info: pd.Series,
    units: pd.DataFrame,
    level: str,
    lang: str,
) -> MetricColumn:
    """One metric's units at the level, its own figures ranked among themselves only."""
    picked = ranking.selection.ranked
    rows = unit_rules.compare_units(units, picked, level, summable=False)
    rows["name"] = unit_names(rows, lang)
    rows["rank"] = unit_rules.positions(rows)
    # The period as the reports write it; in English, its English form where one is known.
    english = english_period(ranking.period_text) if lang == "en" else None
    return MetricColumn(
        ranking.metric,
        str(localised(info.to_frame().T, "metric", lang).iloc[0]),
        english or ranking.period_text,
        ranking.label,
        str(info["unit"]),
        rows,
        picked,
    )


def _rank_texts(column: MetricColumn, lang: str) -> dict[str, str]:
    """Each reported unit's position among this metric's like-for-like figures: 第2位/3."""
    reported = column.rows[column.rows["basis"] == "reported"]
    return {
        code: t("category_rank_text", lang).format(
            position=format_count(int(position)), reported=format_count(len(reported))
        )
        for code, position in zip(reported["admin_code"], reported["rank"], strict=True)
    }


def _rank_header(column: MetricColumn, lang: str) -> str:
    """The position column's header: the metric and period, marked when a position rests on an
    approximate value (800多, 约2亿)."""
    header = t("category_rank_column", lang).format(metric=column.name, period=column.period_text)
    approximate = bool((column.figures["qualifier"] != "exact").any())
    return header + (t("rank_approximate", lang) if approximate else "")


def _table(
    columns: list[MetricColumn],
    units: pd.DataFrame,
    level: str,
    lang: str,
    ranks: list[dict[str, str]],
) -> pd.DataFrame:
    """One row per unit at the level (those with a figure first, in code order, never by a
    value), and per metric its value as written and its position."""
    # Without a metric to show, a list of every unit says nothing: the table is empty.
    at_level = units[(units["level"] == level) & bool(columns)]
    at_level = at_level.sort_values("admin_code", kind="stable")
    reported = set().union(*(set(column.figures["admin_code"]) for column in columns))
    at_level = at_level.assign(_has=~at_level["admin_code"].isin(reported)).sort_values(
        "_has", kind="stable"
    )
    table = pd.DataFrame({t("col_map_unit", lang): list(unit_names(at_level, lang).fillna(""))})
    none = t("no_figure", lang)
    for column, rank in zip(columns, ranks, strict=True):
        shown = figure_table(column.figures, lang, ("value_text", "unit"))
        written = {
            code: t("value_with_unit", lang).format(value=value, unit=unit)
            for code, value, unit in zip(
                column.figures["admin_code"],
                shown[t("col_value_text", lang)],
                shown[t("col_unit", lang)],
                strict=True,
            )
        }
        names = {"metric": column.name, "period": column.period_text}
        table[t("category_value_column", lang).format(**names)] = [
            written.get(code, none) for code in at_level["admin_code"]
        ]
        table[_rank_header(column, lang)] = [rank.get(code, "") for code in at_level["admin_code"]]
    table[t("col_admin_code", lang)] = list(at_level["admin_code"])
    return table


def category_comparison(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    place: str,
    level: str,
    category: str,
    status: str,
    show_all: bool = False,
    top: int = TOP_N,
) -> CategoryComparison:
    """Return every metric of `category` over the units at `level` under `place`, each ranked
    on its own like-for-like figures in its own latest comparable period (of `status`)."""
    catalogue = _catalogue(con, category)
    metrics = list(catalogue.index)
    figures = figures_under(con, place, tuple(metrics))
    units = run_query(con, "units_below", code=place)
    rankings, without = like_for_like.per_metric(figures, metrics, status, level)
    columns = [
        _column(ranking, catalogue.loc[ranking.metric], units, level, lang) for ranking in rankings
    ]
    ranks = [_rank_texts(column, lang) for column in columns]
    marks = punctuation(lang)
    at_level = units[units["level"] == level]
    reported = set().union(*(set(column.figures["admin_code"]) for column in columns))
    headline = (
        t_count("category_headline", len(columns), lang).format(
            metrics=len(columns),
            total=format_count(len(at_level)),
            levels=t(f"levels_{level}", lang),
            reported=format_count(len(reported)),
        )
        if columns
        else t("category_no_metric" if without else "category_no_figures", lang).format(
            levels=t(f"levels_{level}", lang)
        )
    )
    counted = [
        t("category_label_line", lang).format(
            metric=column.name, period=column.period_text, label=column.label
        )
        for column in columns
    ]
    notes = [marks.join(counted)] if counted else []
    if without:
        named = [
            str(localised(catalogue.loc[[metric]], "metric", lang).iloc[0]) for metric in without
        ]
        # "另有" (more) only beside metrics that are drawn.
        said = (
            t_count("category_without_period", len(without), lang)
            if columns
            else t_count("category_none_with_period", len(without), lang)
        )
        notes.append(said.format(count=len(without), names=marks.enumerate(named)))
    left_out = _left_out(rankings, figures)
    line = like_for_like.left_out_line(like_for_like.Selection(figures.iloc[0:0], left_out), lang)
    panels = [
        Panel(
            t("category_panel_title", lang).format(metric=column.name, period=column.period_text),
            column.unit,
            column.rows[column.rows["basis"] == "reported"],
        )
        for column in columns
    ]
    context = comparison_tables.Context(
        lang,
        place,
        level,
        category,
        _category_name(con, category, lang),
        "",
        False,
        national_list.places(con).chain_name(place, lang),
    )
    filters = context.filters(status, None, None)
    filters[2] = (t("pick_category", lang), context.metric_name)
    caveats = [headline, *notes, line]
    if len(columns) > PRINTED_METRICS:
        caveats.append(
            t("category_print_kept", lang).format(
                kept=PRINTED_METRICS, metrics=len(columns), sheet=t("sheet_data", lang)
            )
        )
    every = pd.concat([column.figures for column in columns]) if columns else figures.iloc[0:0]
    sources, said = figure_sources(every, lang), [note for note in caveats if note]
    # One table per unit (shown, exported) and one per metric (the briefing's blocks).
    table = shown_table(
        context.title(),
        _table(columns, units, level, lang, ranks),
        sources,
        filters,
        said,
        lang,
        context.stem("compare_category"),
    )
    by_metric = shown_table(
        context.title(),
        _by_metric(columns, ranks, units, level, lang),
        sources,
        filters,
        said,
        lang,
        context.stem("compare_category_by_metric"),
    )
    focus: dict[str, list[str]] = {}
    for column, rank in zip(columns, ranks, strict=True):
        for code, text in rank.items():
            focus.setdefault(code, []).append(
                t("category_focus", lang).format(metric=column.name, rank=text)
            )
    return CategoryComparison(
        headline,
        category_bars(panels, lang, show_all, top) if panels else None,
        notes,
        line,
        table,
        comparison_tables.left_out_table(
            left_out, context, filters, [line], ("metric", *comparison_tables.FIGURE_COLUMNS)
        ),
        columns,
        {code: marks.join(texts) for code, texts in focus.items()},
        by_metric,
        every,
    )


BY_METRIC = ("metric", "value_text", "unit", "label", "period", "status", "figure_id", "value")


def _by_metric(
    columns: list[MetricColumn],
    ranks: list[dict[str, str]],
    units: pd.DataFrame,
    level: str,
    lang: str,
) -> pd.DataFrame:
    """Every metric's like-for-like figures, a block per metric (its name says its period),
    largest first within the block: no figure is set in order against another metric's."""
    blocks = []
    for column, rank in zip(columns, ranks, strict=True):
        figures = column.figures.sort_values("value", ascending=False, kind="stable")
        block = figure_table(figures, lang, BY_METRIC)
        block[t("col_metric", lang)] = t("category_panel_title", lang).format(
            metric=column.name, period=column.period_text
        )
        block.insert(1, t("col_map_unit", lang), list(unit_names(figures, lang).fillna("")))
        block.insert(3, t("col_rank", lang), [rank.get(code, "") for code in figures["admin_code"]])
        blocks.append(block)
    if not blocks:
        return pd.DataFrame(columns=[t("col_metric", lang), t("col_map_unit", lang)])
    # The units without a figure of any metric: named once each, never drawn as 0.
    at_level = units[units["level"] == level].sort_values("admin_code", kind="stable")
    reported = set().union(*(set(column.figures["admin_code"]) for column in columns))
    absent = at_level[~at_level["admin_code"].isin(reported)]
    blocks.append(
        pd.DataFrame(
            {
                t("col_map_unit", lang): list(unit_names(absent, lang).fillna("")),
                t("col_value_text", lang): t("no_figure", lang),
            }
        )
    )
    return pd.concat(blocks, ignore_index=True).astype(object).fillna("")


def _left_out(rankings: list[like_for_like.MetricRanking], figures: pd.DataFrame) -> pd.DataFrame:
    """Every metric's figures left out of its own ranking, each with its reason."""
    frames = [ranking.selection.left_out for ranking in rankings]
    if not frames:
        return figures.iloc[0:0].assign(reason=[])
    return pd.concat(frames, ignore_index=True)


def _category_name(con: duckdb.DuckDBPyConnection, category: str, lang: str) -> str:
    catalogue = run_query(con, "metric_catalogue").drop_duplicates("category")
    chosen = catalogue[catalogue["category"] == category]
    return str(localised(chosen, "category", lang).iloc[0]) if len(chosen) else category
