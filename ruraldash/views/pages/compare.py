"""The page "Compare": one metric over the units under a place at one level, for one period.

Every ranking here (sorted bars, positions, the table's order) holds like-for-like figures only
(compare.like_for_like); the others are counted in one line and listed one click away. Where no
period has like-for-like figures of two units, the figures stand side by side in region order,
unsorted and without positions. Each function takes the connection first and hashable values
after it, so the app makes its result once per process and selection (ui.cached).

Over 300 lines as one job: the Compare page's data (choices, chart, tables) for one selection.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import coverage, honest, like_for_like, parts, pickers
from ruraldash.compare import units as unit_rules
from ruraldash.compare.figures import FigureFilter, load_figures, localised
from ruraldash.compare.rank import Rank
from ruraldash.language.formatting import format_count, format_number
from ruraldash.language.i18n import t, t_count
from ruraldash.store.db import run_query
from ruraldash.store.hierarchy import LEVEL_RANK, LEVELS
from ruraldash.views import comparison_tables, national_list
from ruraldash.views.export.provenance import ShownTable
from ruraldash.views.national_list import NATION, unit_names
from ruraldash.views.unit_charts import TOP_N, side_by_side_bars, unit_bars, unit_spread

COMPARED_LEVELS = LEVELS[:3]  # the national list goes down to the county
STATUSES = ("actual", "plan")


@dataclass(frozen=True)
class CompareChoices:
    """The categories and metrics one can compare."""

    categories: dict[str, str]
    metrics: dict[str, dict[str, str]]  # per category: {metric id: name}


def compare_choices(con: duckdb.DuckDBPyConnection, lang: str) -> CompareChoices:
    """Return the categories with figures and their metrics, in catalogue order."""
    catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
    categories = pickers.category_choices(catalogue, lang)
    # "All metrics in this category" first (views/pages/compare_category: each ranked alone).
    metrics = {
        category: pickers.metric_choices(catalogue, category, lang) for category in categories
    }
    return CompareChoices(categories, metrics)


def level_choices(place_level: str | None, lang: str) -> dict[str, str]:
    """Return the levels below a place (all three for the nation) as {level: name}."""
    rank = -1 if place_level is None else LEVEL_RANK[place_level]
    return {
        level: t(f"levels_{level}", lang) for level in COMPARED_LEVELS if LEVEL_RANK[level] > rank
    }


def busiest_level(con: duckdb.DuckDBPyConnection, place: str) -> str:
    """Return the level under `place` at which most units have figures (the finer on a tie)."""
    below = run_query(con, "figures_below", code=place)
    reporting = below[below["figure_count"] > 0]["level"].value_counts()
    ranked = sorted(reporting.items(), key=lambda item: (-item[1], -LEVEL_RANK[item[0]]))
    return str(ranked[0][0]) if ranked else "county"


def default_metric(
    con: duckdb.DuckDBPyConnection, place: str, level: str, category: str | None = None
) -> str | None:
    """Return the metric to open on: of those most units at `level` under `place` report (in
    `category`, if given), the first with a like-for-like period; else the widest."""
    reach = run_query(con, "metric_reach_below", code=place, levels=[level])
    catalogue = run_query(con, "metric_catalogue")
    if category is not None:
        inside = set(catalogue.loc[catalogue["category"] == category, "metric_id"])
        reach = reach[reach["metric_id"].isin(inside)]
    # Metrics declared comparable first (stable: the widest of them first).
    comparable = set(catalogue.loc[catalogue["comparable"], "metric_id"])
    reach = reach.assign(_comparable=reach["metric_id"].isin(comparable)).sort_values(
        "_comparable", ascending=False, kind="stable"
    )
    for metric in list(reach["metric_id"])[:10]:
        if period_choices(con, place, level, str(metric)).default is not None:
            return str(metric)
    return None if reach.empty else str(reach["metric_id"].iloc[0])


def metric_category(con: duckdb.DuckDBPyConnection, metric: str | None) -> str | None:
    """Return the category of a metric (None for none)."""
    catalogue = run_query(con, "metric_catalogue").set_index("metric_id")
    return None if metric not in catalogue.index else str(catalogue.loc[metric, "category"])


def status_choices(lang: str) -> dict[str, str]:
    """Return the statuses a comparison holds one of (plans apart from actuals)."""
    return {status: t(f"status_{status}", lang) for status in STATUSES}


def label_choices(found: like_for_like.Periods, period: str) -> dict[str, str]:
    """Return the labels (what is counted) of a period, the one most units report first."""
    return {label: label for label in found.labels.get(period, [])}


def figures_under(
    con: duckdb.DuckDBPyConnection, place: str, metric: str | tuple[str, ...]
) -> pd.DataFrame:
    """Return every figure of `metric` (or of each of several) about a unit under `place` (any
    depth), in report order, with the unit's admin_code, unit_level and names (name_zh,
    name_en)."""
    units = run_query(con, "units_below", code=place)
    regions = run_query(con, "regions")[["region_id", "admin_code"]]
    metrics = (metric,) if isinstance(metric, str) else metric
    figures = load_figures(con, FigureFilter(metrics=metrics))
    coded = figures.merge(regions, on="region_id", how="inner")
    # The whole country holds every region, also one whose code the national list lacks (a
    # fixture's, a new one's): it is named and levelled as curated, not dropped.
    coded = coded.merge(
        units[["admin_code", "level", "name_zh", "name_en"]],
        on="admin_code",
        how="left" if place == NATION else "inner",
    )
    unlisted = coded["level"].isna()
    coded.loc[unlisted, "level"] = coded.loc[unlisted, "region_level"]
    coded.loc[unlisted, "name_zh"] = coded.loc[unlisted, "region_zh"]
    coded.loc[unlisted, "name_en"] = coded.loc[unlisted, "region_en"]
    return coded.rename(columns={"level": "unit_level"}).reset_index(drop=True)


def period_choices(
    con: duckdb.DuckDBPyConnection, place: str, level: str, metric: str, status: str = "actual"
) -> like_for_like.Periods:
    """Return the periods with like-for-like figures of two units or more at `level`, latest
    first, their labels and the default (none for a metric declared not comparable)."""
    figures = figures_under(con, place, metric)
    if figures.empty or not bool(figures["comparable"].iloc[0]):
        return like_for_like.Periods({}, {}, None)
    return like_for_like.periods(figures, status, level)


@dataclass(frozen=True)
class Comparison:
    """Everything the page shows for one selection."""

    headline: str
    ranked: bool  # False: the figures stand side by side, unsorted, without positions
    chart: go.Figure | None
    spread: go.Figure | None
    notes: list[str]  # the total (or why none), or why the figures are not sorted
    left_out_line: str  # "另有 N 项数字时期不同，未参与排序", or ''
    differences: list[str]  # what differs among the metric's figures here, with counts
    table: ShownTable
    left_out: ShownTable
    missing: ShownTable
    reported_units: dict[str, str]
    rank_texts: dict[str, str]
    focus_texts: dict[str, str]  # what a unit in focus has: its position, or its figures unsorted
    denominators: list[str]  # per 10,000 residents: each region's population and source


def comparison(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    place: str,
    level: str,
    metric: str,
    status: str,
    period: str,
    label: str,
    show_all: bool = False,
    top: int = TOP_N,
    per_capita: bool = False,
) -> Comparison:
    """Return the comparison of the units at `level` below `place` on `metric`: a ranking of
    one period's like-for-like figures, or (no such period) the figures side by side. Of many
    units the chart draws the `top` largest and smallest unless `show_all`. `per_capita` ranks
    the like-for-like figures per 10,000 residents (official populations only; no sums)."""
    figures = figures_under(con, place, metric)
    units = run_query(con, "units_below", code=place)
    info = run_query(con, "metric_catalogue").set_index("metric_id").loc[metric]
    periods = period_choices(con, place, level, metric, status)
    context = comparison_tables.Context(
        lang,
        place,
        level,
        metric,
        str(localised(info, "metric", lang)),
        str(info["unit"]),
        bool(info["summable"]),
        national_list.places(con).chain_name(place, lang),
    )
    differences = like_for_like.differences(figures, lang)
    if not bool(info["comparable"]):
        differences.insert(0, t("lfl_not_comparable_metric", lang))
    if period not in periods.periods:
        return _side_by_side(con, figures, units, context, differences)
    selection = like_for_like.select(figures, period, label, status, level)
    picked = selection.ranked
    denominators: list[str] = []
    undivided: set[str] = set()  # units with a figure but no value per 10,000 residents
    if per_capita:
        picked = honest.add_per_capita(picked.assign(missing=False), run_query(con, "regions"))
        denominators = honest.denominator_lines(picked, lang)
        selection = like_for_like.Selection(picked, selection.left_out)
        # Only a figure with an official denominator has a value per 10,000 residents: the
        # ranking holds those; the others are named in the denominator lines.
        undivided = set(picked.loc[picked["per_10k"].isna(), "admin_code"])
        picked = picked[picked["per_10k"].notna()].assign(value=picked["per_10k"])
        context = dataclasses.replace(context, summable=False)
    elif LEVEL_RANK[level] < LEVEL_RANK["county"]:
        # Counties' like-for-like figures, for the sums of their prefecture or province.
        counties = like_for_like.select(figures, period, label, status, "county").ranked
        picked = pd.concat([picked, counties], ignore_index=True)
    rows = unit_rules.compare_units(units, picked, level, context.summable)
    # Such a unit has a figure (no "no figure" for it), only no position.
    rows.loc[rows["admin_code"].isin(undivided), "basis"] = comparison_tables.NO_DENOMINATOR
    rows["name"] = unit_names(rows, lang)
    rows["rank"] = unit_rules.positions(rows)
    cover = unit_rules.coverage(rows)
    approximate = bool((rows.loc[rows["basis"] == "reported", "qualifier"] != "exact").any())
    with_figures = cover.reported + len(undivided & set(rows["admin_code"]))
    headline = _headline(with_figures, cover.total, level, lang)
    period_text = periods.periods[period]
    # What is counted, unless the metric's name already says it (投入资金 · 2021年).
    named = [context.metric_name, *([label] if label != context.metric_name else []), period_text]
    title = " · ".join(named)
    if per_capita:
        title = f"{title} · {t('per_10k_axis', lang)}"
    total_line = t("per_10k_no_total", lang) if per_capita else _total_line(rows, cover, context)
    left_out_line = like_for_like.left_out_line(selection, lang)
    order = rows[rows["basis"] == "reported"].sort_values("value", ascending=False, kind="stable")
    # Per 10,000 residents the rank counts those with a population among those with a figure.
    ranks = [
        Rank(
            int(position),
            cover.reported,
            cover.total,
            level,
            approximate,
            with_figures if per_capita else None,
        )
        for position in order["rank"]
    ]
    rank_texts = {
        code: rank.text(lang) for code, rank in zip(order["admin_code"], ranks, strict=True)
    }
    filters = context.filters(status, period_text, label)
    if per_capita:
        filters.append((t("per_10k_switch", lang), t("yes", lang)))
    notes = [headline, total_line, left_out_line, *differences, *denominators]
    # A part (其中) lies inside its whole's bar; per 10,000 residents it is divided by nothing.
    inside = None if per_capita else selection.left_out
    return Comparison(
        headline,
        True,
        unit_bars(rows, context.unit, title, show_all, lang, top, inside, per_capita),
        unit_spread(rows, context.unit, title, lang, per_capita),
        [total_line],
        left_out_line,
        differences,
        comparison_tables.ranked_table(rows, selection, rank_texts, context, filters, notes),
        comparison_tables.left_out_table(selection.left_out, context, filters, [left_out_line]),
        comparison_tables.missing_table(rows, context, filters, [headline]),
        dict(zip(order["admin_code"], order["name"], strict=True)),
        rank_texts,
        {**_focus_texts(figures, level, "focus_not_ranked", lang), **rank_texts},
        denominators,
    )


def _side_by_side(
    con: duckdb.DuckDBPyConnection,
    figures: pd.DataFrame,
    units: pd.DataFrame,
    context: comparison_tables.Context,
    differences: list[str],
) -> Comparison:
    """The figures of a place with no like-for-like period: in region order, never sorted."""
    lang, level = context.lang, context.level
    order = list(run_query(con, "regions")["region_id"])
    handful = like_for_like.side_by_side(figures, order)
    shown = handful if handful is not None else _in_region_order(figures, order)
    at_level = units[units["level"] == level]
    reported = int(figures.loc[figures["unit_level"] == level, "admin_code"].nunique())
    headline = _headline(reported, len(at_level), level, lang)
    note = (
        t("lfl_side_by_side", lang)
        if handful is not None
        else t_count("lfl_as_written", len(figures), lang).format(count=f"{len(figures):,}")
    )
    chart = None
    if handful is not None and not parts.without_parts(handful).empty:
        # A part of a whole (其中) is no bar beside its whole: it lies inside its whole's bar.
        title = t("lfl_period_chart_title", lang).format(metric=context.metric_name)
        chart = side_by_side_bars(handful, context.unit, title, lang)
    filters = context.filters(None, None, None)
    missing_rows = at_level[~at_level["admin_code"].isin(figures["admin_code"])].assign(
        basis="missing"
    )
    missing_rows["name"] = unit_names(missing_rows, lang)
    named = shown.drop_duplicates("admin_code")
    return Comparison(
        headline,
        False,
        chart,
        None,
        [note],
        "",
        differences,
        comparison_tables.side_by_side_table(
            shown, context, filters, [headline, note, *differences]
        ),
        comparison_tables.left_out_table(shown.iloc[0:0].assign(reason=[]), context, filters, []),
        comparison_tables.missing_table(missing_rows, context, filters, [headline]),
        dict(zip(named["admin_code"], unit_names(named, lang), strict=True)),
        {},
        _focus_texts(figures, level, "focus_side_by_side", lang),
        [],
    )


def _focus_texts(figures: pd.DataFrame, level: str, key: str, lang: str) -> dict[str, str]:
    """Say of each unit at `level` with figures how many it has, none of them in a ranking."""
    counts = figures.loc[figures["unit_level"] == level, "admin_code"].value_counts()
    return {
        str(code): t_count(key, int(count), lang).format(count=format_count(int(count)))
        for code, count in counts.items()
    }


def _in_region_order(figures: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Return figures in region order, then admin code: never by value."""
    position = {region: n for n, region in enumerate(order)}
    ranked = figures.assign(_order=figures["region_id"].map(position).fillna(len(position)))
    return ranked.sort_values(["_order", "admin_code"], kind="stable").drop(columns="_order")


def _headline(reported: int, total: int, level: str, lang: str) -> str:
    return t("units_headline", lang).format(
        reported=format_count(reported),
        total=format_count(total),
        levels=t(f"levels_{level}", lang),
        missing=format_count(total - reported),
    )


def _total_line(
    rows: pd.DataFrame, cover: unit_rules.Coverage, context: comparison_tables.Context
) -> str:
    """Say the sum of the units' own figures, complete or partial, or why there is none."""
    lang = context.lang
    total, complete = unit_rules.total_for_place(rows, context.summable)
    if total is None:
        return t("units_total_none" if context.summable else "units_not_summable", lang)
    key = "units_total_complete" if complete else "units_total_partial"
    return t(key, lang).format(
        total=format_number(total, lang, context.unit), reported=cover.reported, all=cover.total
    )
