"""The page "Compare units": a place, a level, a metric and a period -> chart, coverage, tables.

Each function takes the connection first and hashable values after it, so the app makes its
result once per process and selection. When no period is like for like, unit_reports says who
reported the metric at all, as written: no chart and no position, but n of N and each figure
with its label, value, period and source.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import units as unit_rules
from ruraldash.compare.rank import Rank
from ruraldash.language.formatting import format_number, is_missing, written_values
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.store.hierarchy import LEVEL_RANK, LEVELS
from ruraldash.views.export.provenance import ShownTable, figure_sources, file_stem, shown_table
from ruraldash.views.national_list import NATION, unit_names
from ruraldash.views.unit_charts import unit_bars, unit_spread, value_texts

COMPARED_LEVELS = LEVELS[:3]  # the national list goes down to the county


def level_choices(place_level: str | None, lang: str) -> dict[str, str]:
    """Return the levels below a place (all three for the nation) as {level: name}."""
    rank = -1 if place_level is None else LEVEL_RANK[place_level]
    return {
        level: t(f"levels_{level}", lang) for level in COMPARED_LEVELS if LEVEL_RANK[level] > rank
    }


def metric_choices(con: duckdb.DuckDBPyConnection, lang: str) -> dict[str, str]:
    """Return the comparable metrics that have figures, as {id: name}, in catalogue order."""
    catalogue = run_query(con, "metric_catalogue")
    catalogue = catalogue[catalogue["comparable"] & (catalogue["figure_count"] > 0)]
    names = catalogue["metric_en" if lang == "en" else "metric_zh"]
    return dict(zip(catalogue["metric_id"], names, strict=True))


def busiest_level(con: duckdb.DuckDBPyConnection, place: str) -> str:
    """Return the level under `place` at which most units have figures (the finer on a tie)."""
    below = run_query(con, "figures_below", code=place)
    reporting = below[below["figure_count"] > 0]["level"].value_counts()
    ranked = sorted(reporting.items(), key=lambda item: (-item[1], -LEVEL_RANK[item[0]]))
    return str(ranked[0][0]) if ranked else "county"


def levels_from(level: str) -> list[str]:
    """Return `level` and the levels below it in the national list (whose figures sum up)."""
    return [name for name in COMPARED_LEVELS if LEVEL_RANK[name] >= LEVEL_RANK[level]]


def widest_metric(con: duckdb.DuckDBPyConnection, place: str, level: str) -> str | None:
    """Return the metric that most units at (or below) `level` under `place` report."""
    reach = run_query(con, "metric_reach_below", code=place, levels=levels_from(level))
    return None if reach.empty else str(reach["metric_id"].iloc[0])


@dataclass(frozen=True)
class UnitOptions:
    """Periods and labels with figures for a place, level and metric."""

    periods: dict[str, str]
    labels: dict[str, list[str]]
    default_period: str | None


def unit_options(
    con: duckdb.DuckDBPyConnection, place: str, level: str, metric: str
) -> UnitOptions:
    """Return the periods (as written) and labels that units at `level` (or below it, whose
    figures may sum up) under `place` report for `metric`."""
    figures = run_query(con, "unit_figures", code=place, metric=metric)
    units = run_query(con, "units_below", code=place)
    wanted = units.loc[units["level"].isin(levels_from(level)), "admin_code"]
    found = unit_rules.options(figures[figures["admin_code"].isin(wanted)])
    return UnitOptions(found.periods, found.labels, found.default_period)


@dataclass(frozen=True)
class UnitComparison:
    """Everything the page shows for one selection."""

    headline: str
    chart: go.Figure
    spread: go.Figure
    total_line: str
    table: ShownTable
    missing: ShownTable
    reported_units: dict[str, str]
    rank_texts: dict[str, str]
    drawn: int  # bars the chart draws: own figures and complete sums


def unit_comparison(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    place: str,
    level: str,
    metric: str,
    period: str,
    label: str,
    show_all: bool,
) -> UnitComparison:
    """Return the chart, coverage and tables of the units at `level` below `place`."""
    units = run_query(con, "units_below", code=place)
    figures = run_query(con, "unit_figures", code=place, metric=metric)
    picked = unit_rules.chosen(figures, period, label)
    catalogue = run_query(con, "metric_catalogue").set_index("metric_id")
    info = catalogue.loc[metric]
    unit, summable = str(info["unit"]), bool(info["summable"])
    rows = unit_rules.compare_units(units, picked, level, summable)
    rows["name"] = unit_names(rows, lang)
    rows["rank"] = unit_rules.positions(rows)
    cover = unit_rules.coverage(rows)
    # A position that rests on a qualified value (800多) among its peers is marked as such.
    approximate = bool((rows.loc[rows["basis"] == "reported", "qualifier"] != "exact").any())
    levels = t(f"levels_{level}", lang)
    period_text = str(picked["period_text"].iloc[0]) if not picked.empty else ""
    metric_name = str(info["metric_en" if lang == "en" else "metric_zh"])
    headline = t("units_headline", lang).format(
        reported=cover.reported, total=cover.total, levels=levels, missing=cover.missing
    )
    title = f"{metric_name} · {label} · {period_text}"
    chart = unit_bars(rows, unit, title, show_all, lang)
    spread = unit_spread(rows, unit, title, lang)
    total, complete = unit_rules.total_for_place(rows, summable)
    if total is None:
        total_line = t("units_total_none" if summable else "units_not_summable", lang)
    else:
        key = "units_total_complete" if complete else "units_total_partial"
        total_line = t(key, lang).format(
            total=format_number(total, lang, unit), reported=cover.reported, all=cover.total
        )
    table = _table(rows, picked, cover, level, unit, approximate, lang)
    sources = figure_sources(picked, lang)
    filters = [
        (t("col_place", lang), f"{t('nation', lang) if place == NATION else place}"),
        (t("col_level", lang), levels),
        (t("col_metric", lang), metric_name),
        (t("col_label", lang), label),
        (t("col_period", lang), period_text),
    ]
    stem = file_stem("compare_units", place or "nation", level, metric, filtered=True)
    shown = shown_table(title, table, sources, filters, [headline, total_line], lang, stem)
    missing_rows = rows[rows["basis"] != "reported"]
    missing_table = pd.DataFrame(
        {
            t("col_admin_unit", lang): missing_rows["name"],
            t("col_admin_code", lang): missing_rows["admin_code"],
            t("col_units_status", lang): [
                t(f"basis_{basis}", lang) for basis in missing_rows["basis"]
            ],
        }
    ).reset_index(drop=True)
    missing = shown_table(
        t("units_missing_title", lang),
        missing_table,
        sources.iloc[0:0],
        filters,
        [headline],
        lang,
        file_stem("compare_units_missing", place or "nation", level, metric, filtered=True),
    )
    order = rows[rows["basis"] == "reported"].sort_values("value", ascending=False, kind="stable")
    reported_units = dict(zip(order["admin_code"], order["name"], strict=True))
    rank_texts = {
        code: Rank(int(position), cover.reported, cover.total, level, approximate).text(lang)
        for code, position in zip(order["admin_code"], order["rank"], strict=True)
    }
    drawn = int(rows["basis"].isin(["reported", unit_rules.SUM_COMPLETE]).sum())
    return UnitComparison(
        headline, chart, spread, total_line, shown, missing, reported_units, rank_texts, drawn
    )


def _table(
    rows: pd.DataFrame,
    picked: pd.DataFrame,
    cover: unit_rules.Coverage,
    level: str,
    unit: str,
    approximate: bool,
    lang: str,
) -> pd.DataFrame:
    sources = picked.set_index("admin_code")
    title_column = "source_title_en" if lang == "en" else "source_title_zh"
    table = pd.DataFrame(
        {
            t("col_admin_unit", lang): rows["name"],
            t("col_admin_code", lang): rows["admin_code"],
            t("col_value", lang): value_texts(rows, unit, lang),
            t("col_rank", lang): [
                ""
                if is_missing(position)
                else Rank(int(position), cover.reported, cover.total, level, approximate).text(lang)
                for position in rows["rank"]
            ],
            t("col_source", lang): rows["admin_code"].map(sources[title_column]).fillna(""),
            t("col_quote", lang): rows["admin_code"].map(sources["quote"]).fillna(""),
        }
    )
    if LEVEL_RANK[level] < LEVEL_RANK["county"]:
        table[t("col_county_sum", lang)] = [
            ""
            if is_missing(total)
            else t(f"county_sum_{'complete' if done == of else 'partial'}", lang).format(
                total=format_number(total, lang, unit), reported=done, all=of
            )
            for total, done, of in zip(
                rows["county_sum"], rows["counties_reported"], rows["counties"], strict=True
            )
        ]
    order = rows.assign(_missing=rows["basis"] != "reported").sort_values(
        ["_missing", "value"], ascending=[True, False], kind="stable"
    )
    return table.loc[order.index].reset_index(drop=True)


@dataclass(frozen=True)
class UnitReports:
    """Who reported a metric at all, as written, for when no period is like for like."""

    headline: str
    table: ShownTable


def unit_reports(
    con: duckdb.DuckDBPyConnection, lang: str, place: str, level: str, metric: str
) -> UnitReports:
    """Return the units at `level` below `place` that report `metric` in any period, with n of
    N, and each of their figures as written: its label, value, period and source."""
    units = run_query(con, "units_below", code=place)
    at_level = units[units["level"] == level]
    figures = run_query(con, "unit_figures", code=place, metric=metric)
    rows = figures[figures["admin_code"].isin(at_level["admin_code"])]
    rows = rows.merge(at_level[["admin_code", "name_zh", "name_en"]], on="admin_code")
    reported, total = rows["admin_code"].nunique(), len(at_level)
    levels = t(f"levels_{level}", lang)
    headline = t("units_headline", lang).format(
        reported=reported, total=total, levels=levels, missing=total - reported
    )
    title_column = "source_title_en" if lang == "en" else "source_title_zh"
    table = pd.DataFrame(
        {
            t("col_admin_unit", lang): unit_names(rows, lang),
            t("col_admin_code", lang): rows["admin_code"],
            t("col_label", lang): rows["label"],
            t("col_value_text", lang): written_values(rows, lang),
            t("col_period", lang): [
                t("kind_unstated", lang) if is_missing(text) or not str(text) else str(text)
                for text in rows["period_text"]
            ],
            t("col_source", lang): rows[title_column],
            t("col_quote", lang): rows["quote"],
        }
    ).reset_index(drop=True)
    metric_name = (
        str(rows["metric_en" if lang == "en" else "metric_zh"].iloc[0]) if reported else metric
    )
    filters = [
        (t("col_place", lang), f"{t('nation', lang) if place == NATION else place}"),
        (t("col_level", lang), levels),
        (t("col_metric", lang), metric_name),
    ]
    stem = file_stem("compare_units_reported", place or "nation", level, metric, filtered=True)
    shown = shown_table(
        headline,
        table,
        figure_sources(rows, lang),
        filters,
        [headline, t("units_no_periods", lang)],
        lang,
        stem,
    )
    return UnitReports(headline, shown)
