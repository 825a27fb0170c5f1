"""Coverage at any level: the units under a place with how many of them report ("3 / 120").

The overview lists the provinces (drilling down to prefectures and counties) with, per level,
the units that have figures of all there are, instead of a heat map of 2,850 counties x 57
metrics; a region's profile lists the coverage of the units below it.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ruraldash.language.formatting import format_count
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views.export.provenance import ShownTable, file_stem, report_sources, shown_table
from ruraldash.views.national_list import unit_names

# Past this many reporting regions a region-by-region matrix is no picture: drill down instead.
MATRIX_MAX_REGIONS = 40


def region_count(con: duckdb.DuckDBPyConnection) -> int:
    """Return how many regions reports are about."""
    return len(run_query(con, "regions"))


@dataclass(frozen=True)
class LevelCoverage:
    """A place's units with their coverage: a headline and its table."""

    headline: str
    table: ShownTable


LEVELS = ("province", "prefecture", "county", "township", "village")


def reporting_by_level(below: pd.DataFrame, place: str) -> pd.DataFrame:
    """Return, for each unit directly under `place` (in code order), per level at or below it,
    how many units have figures and how many there are: columns (level, "reporting"|"total").

    `below` is figures_below: every unit under `place` with its parent and figure count.
    """
    children = below.loc[below["parent_code"] == place, "admin_code"].tolist()
    owner = {code: code for code in children}
    parent = dict(zip(below["admin_code"], below["parent_code"], strict=True))
    for code in below["admin_code"]:
        current = code
        while current and current not in owner:
            current = parent.get(current, "")
        if current:
            owner[code] = owner[current]
    units = below.assign(child=below["admin_code"].map(owner)).dropna(subset=["child"])
    units = units.assign(reporting=units["figure_count"] > 0)
    counted = units.groupby(["child", "level"])["reporting"].agg(reporting="sum", total="size")
    levels = [level for level in LEVELS if level in set(units["level"])]
    wide = counted.unstack("level").reindex(index=children).fillna(0).astype(int)
    wide = wide.reorder_levels([1, 0], axis=1)
    columns = pd.MultiIndex.from_product([levels, ["reporting", "total"]])
    return wide.reindex(columns=columns, fill_value=0)


def coverage_below(con: duckdb.DuckDBPyConnection, lang: str, place: str) -> LevelCoverage:
    """Return, for each unit directly under `place`, "n / N" units reporting at each level at or
    below it, zeros written "0 / N" plainly; in code order."""
    below = run_query(con, "figures_below", code=place)
    children = below[below["parent_code"] == place].reset_index(drop=True)
    counts = reporting_by_level(below, place)
    table = pd.DataFrame(
        {
            t("col_admin_unit", lang): unit_names(children, lang),
            t("col_admin_code", lang): children["admin_code"],
        }
    )
    for level in dict.fromkeys(counts.columns.get_level_values(0)):
        header = t("col_reporting_of", lang).format(level=t(f"levels_{level}", lang))
        table[header] = [
            f"{format_count(reporting)} / {format_count(total)}" if total else "—"
            for reporting, total in zip(
                counts[(level, "reporting")], counts[(level, "total")], strict=True
            )
        ]
    reporting = int((counts.xs("reporting", axis=1, level=1).sum(axis=1) > 0).sum())
    headline = t("coverage_below_headline", lang).format(
        reporting=format_count(reporting), total=format_count(len(children))
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
    return LevelCoverage(headline, shown)


def units_of_region(con: duckdb.DuckDBPyConnection, lang: str, region_id: str) -> LevelCoverage:
    """Return the units below a region (a prefecture's counties) with their figure counts."""
    regions = run_query(con, "region_tree")
    code = regions.loc[regions["region_id"] == region_id, "admin_code"]
    below = run_query(con, "figures_below", code=str(code.iloc[0])) if len(code) else None
    if below is None or below.empty:
        empty = pd.DataFrame({t("col_admin_unit", lang): []})
        return LevelCoverage(
            t("coverage_below_none", lang),
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
    headline = t("coverage_below_headline", lang).format(
        reporting=format_count(reporting), total=format_count(len(below))
    )
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
    return LevelCoverage(headline, shown)


def units_of_report(con: duckdb.DuckDBPyConnection, lang: str, report: str) -> LevelCoverage:
    """Return the units below the region a report is about (see units_of_region)."""
    sources = run_query(con, "sources")
    region = sources.loc[sources["source_id"] == report, "region_id"]
    return units_of_region(con, lang, str(region.iloc[0]) if len(region) else "")
