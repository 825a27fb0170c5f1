"""What the data covers: counts, and regions against categories, metrics and programs."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from ruraldash.compare.figures import localised
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation


def region_columns(regions: pd.DataFrame, lang: str) -> list[str]:
    """Return the regions' names as column labels, made unique: two counties may share a name
    (朝阳区 in Beijing and in Changchun), so a repeated name carries its code."""
    names = list(localised(regions, "region", lang))
    keys = regions["admin_code"] if "admin_code" in regions else regions["region_id"]
    counts = pd.Series(names).value_counts()
    return [
        f"{name} {key}" if counts[name] > 1 else name for name, key in zip(names, keys, strict=True)
    ]


def coverage_matrix(
    coverage: pd.DataFrame, regions: pd.DataFrame, rows: pd.DataFrame, row_id: str, lang: str
) -> pd.DataFrame:
    """Return figure counts, one row per `rows` item and one column per region; none is NaN.

    `coverage` is coverage.sql (region, metric, category, count); `row_id` is "category" or
    "metric_id" and `rows` the catalogue frame that orders and names those rows.
    """
    counts = coverage.groupby([row_id, "region_id"], as_index=False)["figure_count"].sum()
    wide = counts.pivot(index=row_id, columns="region_id", values="figure_count")
    wide = wide.reindex(index=rows[row_id], columns=regions["region_id"]).astype("float64")
    name_base = "category" if row_id == "category" else "metric"
    wide.index = list(localised(rows, name_base, lang))
    wide.columns = region_columns(regions, lang)
    return wide


def metric_coverage_table(matrix: pd.DataFrame, catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the region × metric matrix as a table that says where a comparison is possible."""
    table = matrix.copy()
    table.insert(0, t("col_category", lang), list(localised(catalogue, "category", lang)))
    table.insert(0, t("col_metric", lang), table.index)
    regions_with = matrix.notna().sum(axis=1)
    table[t("col_regions_with_figures", lang)] = regions_with.to_numpy()
    table[t("col_comparison", lang)] = [
        t("comparison_not_comparable", lang)
        if not comparable
        else t("comparison_possible", lang)
        if count > 1
        else t("comparison_single", lang)
        for comparable, count in zip(catalogue["comparable"], regions_with, strict=True)
    ]
    return table.reset_index(drop=True)


def category_coverage_table(matrix: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the region × category matrix as a table with the category names as first column."""
    table = matrix.copy()
    table.insert(0, t("col_category", lang), table.index)
    table[t("col_regions_with_figures", lang)] = matrix.notna().sum(axis=1).to_numpy()
    return table.reset_index(drop=True)


def program_matrix(
    programs: pd.DataFrame,
    regions: pd.DataFrame,
    types: pd.DataFrame,
    lang: str,
    reported: Collection[str] = (),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (counts, names): program types × regions, how many programs and which ones.

    `programs` has a row per program and kind, so a program of several kinds counts under
    each. A region in `reported` (it has a report) with no program of a kind is named
    "not mentioned in the report" there; its count stays missing, never 0.
    """
    named = programs.assign(_name=localised(programs, "program", lang))
    grouped = named.groupby(["program_type", "region_id"])
    counts = grouped.size().unstack("region_id")
    listed = grouped["_name"].agg(punctuation(lang).join).unstack("region_id")
    order = {"index": types["program_type"], "columns": regions["region_id"]}
    counts = counts.reindex(**order).astype("float64")
    listed = listed.reindex(**order).astype(object)
    for region in listed.columns:
        if region in reported:
            listed[region] = listed[region].fillna(t("not_mentioned", lang))
    for frame in (counts, listed):
        frame.index = list(localised(types, "program_type", lang))
        frame.columns = region_columns(regions, lang)
    return counts, listed


def program_table(listed: pd.DataFrame, counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the program matrix as a table: one row per type, program names per region."""
    table = listed.fillna("").copy()
    table.insert(0, t("col_program_type", lang), table.index)
    table[t("col_regions_with_programs", lang)] = counts.notna().sum(axis=1).to_numpy()
    return table.reset_index(drop=True)


def category_table(categories: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the figures per category: metrics, figures and regions with figures."""
    return pd.DataFrame(
        {
            t("col_category", lang): localised(categories, "category", lang),
            t("col_metric_count", lang): categories["metric_count"],
            t("col_figure_count", lang): categories["figure_count"],
            t("col_regions_with_figures", lang): categories["region_count"],
        }
    ).reset_index(drop=True)


def used_metrics(catalogue: pd.DataFrame) -> pd.DataFrame:
    """Return the catalogue rows of metrics that have at least one figure."""
    return catalogue[catalogue["figure_count"] > 0].reset_index(drop=True)


def headline(
    sources: pd.DataFrame, regions: pd.DataFrame, programs: pd.DataFrame, lang: str
) -> dict[str, int]:
    """Return the headline counts: reports, regions with figures, figures and programs."""
    return {
        t("count_reports", lang): len(sources),
        t("count_regions", lang): int((regions["figure_count"] > 0).sum()),
        t("count_figures", lang): int(sources["figure_count"].sum()),
        t("count_programs", lang): len(programs),
    }
