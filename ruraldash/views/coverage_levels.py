"""Coverage at any level: the units under a place with how many report, by category or at all.

The overview's matrix drills down (provinces -> prefectures -> counties) instead of drawing
2,850 counties x 57 metrics; a region's profile lists the coverage of the units below it.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views.charts import FONT, HEATMAP_SCALE
from ruraldash.views.export.provenance import ShownTable, file_stem, report_sources, shown_table
from ruraldash.views.national_list import unit_names
from ruraldash.views.plain import hover_text

# Past this many reporting regions a region-by-region matrix is no picture: drill down instead.
MATRIX_MAX_REGIONS = 40


def region_count(con: duckdb.DuckDBPyConnection) -> int:
    """Return how many regions reports are about."""
    return len(run_query(con, "regions"))


@dataclass(frozen=True)
class LevelCoverage:
    """A place's units with their coverage: a headline, a heatmap and its table."""

    headline: str
    chart: go.Figure | None
    table: ShownTable


def coverage_below(con: duckdb.DuckDBPyConnection, lang: str, place: str) -> LevelCoverage:
    """Return, for each unit directly under `place`, how many units at or below it report in
    each category (of how many units there are)."""
    below = run_query(con, "figures_below", code=place)
    children = below[below["parent_code"] == place].reset_index(drop=True)
    owner = dict(zip(children["admin_code"], children["admin_code"], strict=True))
    parent = dict(zip(below["admin_code"], below["parent_code"], strict=True))
    for code in below["admin_code"]:
        current = code
        while current and current not in owner:
            current = parent.get(current, "")
        if current:
            owner[code] = owner[current]
    sizes = pd.Series(owner).value_counts()
    found = run_query(con, "coverage_below", code=place)
    categories = run_query(con, "categories")
    column = "category_en" if lang == "en" else "category_zh"
    names = dict(zip(categories["category"], categories[column], strict=True))
    matrix = (
        found.pivot_table(
            index="admin_code", columns="category", values="units_reporting", aggfunc="sum"
        )
        .reindex(index=children["admin_code"], columns=list(names))
        .fillna(0)
        .astype(int)
    )
    table = pd.DataFrame(
        {
            t("col_admin_unit", lang): unit_names(children, lang),
            t("col_admin_code", lang): children["admin_code"],
            t("col_units_below", lang): children["admin_code"].map(sizes).fillna(1).astype(int),
        }
    )
    for category, name in names.items():
        table[name] = matrix[category].to_numpy()
    reporting = int((matrix.sum(axis=1) > 0).sum())
    headline = t("coverage_below_headline", lang).format(reporting=reporting, total=len(children))
    chart = None
    if len(children):
        chart = go.Figure(
            go.Heatmap(
                z=matrix.to_numpy(),
                x=[hover_text(name) for name in names.values()],
                y=[hover_text(name) for name in unit_names(children, lang)],
                colorscale=HEATMAP_SCALE,
                text=matrix.to_numpy(),
                texttemplate="%{text}",
                showscale=False,
                hovertemplate="%{y} · %{x}: %{z}<extra></extra>",
            )
        )
        chart.update_layout(
            height=max(300, 22 * len(children) + 160),
            font={"family": FONT, "size": 12},
            margin={"l": 10, "r": 10, "t": 30, "b": 10},
            yaxis={"autorange": "reversed", "automargin": True},
            xaxis={"side": "top"},
        )
    shown = shown_table(
        t("coverage_by_province", lang),
        table,
        report_sources(run_query(con, "sources"), lang),
        [(t("col_place", lang), place or t("nation", lang))],
        [headline],
        lang,
        file_stem("coverage", place or "nation", filtered=bool(place)),
    )
    return LevelCoverage(headline, chart, shown)


def units_of_region(con: duckdb.DuckDBPyConnection, lang: str, region_id: str) -> LevelCoverage:
    """Return the units below a region (a prefecture's counties) with their figure counts."""
    regions = run_query(con, "region_tree")
    code = regions.loc[regions["region_id"] == region_id, "admin_code"]
    return units_of_place(con, lang, str(code.iloc[0]) if len(code) else "", region_id)


def units_of_place(
    con: duckdb.DuckDBPyConnection, lang: str, code: str, name: str = ""
) -> LevelCoverage:
    """Return the units below the unit `code` (a prefecture's counties) with their figure
    counts; `name` names it in the export's file name and filters (its code by default)."""
    region_id = name or code
    below = run_query(con, "figures_below", code=code) if code else None
    if below is None or below.empty:
        empty = pd.DataFrame({t("col_admin_unit", lang): []})
        return LevelCoverage(
            t("coverage_below_none", lang),
            None,
            shown_table(
                t("units_below_title", lang),
                empty,
                pd.DataFrame(),
                [],
                [],
                lang,
                file_stem("units_below", region_id, filtered=True),
            ),
        )
    reporting = int((below["figure_count"] > 0).sum())
    headline = t("coverage_below_headline", lang).format(reporting=reporting, total=len(below))
    table = pd.DataFrame(
        {
            t("col_admin_unit", lang): unit_names(below, lang),
            t("col_admin_code", lang): below["admin_code"],
            t("col_level", lang): [t(f"level_{level}", lang) for level in below["level"]],
            t("col_figures", lang): below["figure_count"].astype(int),
            t("col_metrics", lang): below["metric_count"].astype(int),
        }
    )
    shown = shown_table(
        t("units_below_title", lang),
        table,
        report_sources(run_query(con, "sources"), lang),
        [(t("col_place", lang), region_id)],
        [headline],
        lang,
        file_stem("units_below", region_id, filtered=True),
    )
    return LevelCoverage(headline, None, shown)


def units_of_report(con: duckdb.DuckDBPyConnection, lang: str, report: str) -> LevelCoverage:
    """Return the units below the region a report is about (see units_of_region)."""
    sources = run_query(con, "sources")
    region = sources.loc[sources["source_id"] == report, "region_id"]
    return units_of_region(con, lang, str(region.iloc[0]) if len(region) else "")
