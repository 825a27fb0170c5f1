"""The page "Region profile": everything one report says about its region, with its programs.

Like every module here: the connection first and only hashable values after it, so the app
makes each result once per process and state of the data (ui.cached) and every session draws
the same objects; nothing here may keep or change state.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views import methods, tables
from ruraldash.views.export.provenance import (
    ShownTable,
    figure_sources,
    file_stem,
    report_sources,
    shown_table,
)


@dataclass(frozen=True)
class Profile:
    """One report and its region: facts, figures by category and programs."""

    facts: dict[str, str]
    figure_count: int
    by_category: list[tuple[str, str, pd.DataFrame]]  # (category id, name, its rows)
    figures: ShownTable
    programs: ShownTable


def report_choices(con: duckdb.DuckDBPyConnection, lang: str) -> dict[str, str]:
    """Return the reports as {source id: "region · title"}."""
    return methods.report_choices(run_query(con, "sources"), lang)


def profile(con: duckdb.DuckDBPyConnection, lang: str, report: str) -> Profile:
    """Return everything one report says about its region, by category, with its programs."""
    sources, regions = run_query(con, "sources"), run_query(con, "regions")
    source, region = methods.report_and_region(sources, regions, report)
    figures = load_figures(con, FigureFilter(sources=(report,)))
    shown = tables.figure_table(figures, lang, tables.PROFILE_COLUMNS)
    filters = [(t("pick_report", lang), methods.report_choices(sources, lang)[report])]
    listed = methods.programs_table(methods.of_report(run_query(con, "programs"), report), lang)
    return Profile(
        methods.report_facts(source, region, lang),
        len(figures),
        methods.by_category(figures, shown, run_query(con, "categories"), lang),
        shown_table(
            t("profile_figures_title", lang),
            shown,
            figure_sources(figures, lang),
            filters,
            [],
            lang,
            file_stem("region_profile", report, filtered=True),
        ),
        shown_table(
            t("profile_programs_title", lang),
            listed,
            report_sources(methods.of_report(sources, report), lang),
            filters,
            [],
            lang,
            file_stem("region_profile_programs", report, filtered=True),
        ),
    )
