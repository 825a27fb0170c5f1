"""Compare units when no period is like for like: who reported the metric at all, as written.

No chart and no position can be given then, but the reader still learns n of N and each
figure with its label, value, period and source (see units_view for the comparison itself).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ruraldash.language.formatting import is_missing, written_values
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views.provenance import ShownTable, figure_sources, file_stem, shown_table
from ruraldash.views.units_view import NATION, unit_names


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
