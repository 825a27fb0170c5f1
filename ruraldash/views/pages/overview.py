"""The page "Overview": headline counts, the reports, figures per category, the coverage matrix.

Like every module here: the connection first and only hashable values after it, so the app
makes each result once per process and state of the data (ui.cached) and every session draws
the same objects; nothing here may keep or change state.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ruraldash.compare import coverage
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views import charts, methods
from ruraldash.views.export.provenance import (
    ShownTable,
    file_stem,
    report_sources,
    shown_table,
)
from ruraldash.views.pages.common import Charted


@dataclass(frozen=True)
class Overview:
    """The overview's headline counts, its reports and the figures per category."""

    counts: dict[str, int]
    reports: ShownTable
    categories: Charted


def overview(con: duckdb.DuckDBPyConnection, lang: str) -> Overview:
    """Return what the overview shows above its coverage matrix."""
    sources, regions, programs, categories = (
        run_query(con, name) for name in ("sources", "regions", "programs", "categories")
    )
    reported = report_sources(sources, lang)
    reports = methods.sources_table(sources, lang, brief=True)
    per_category = coverage.category_table(categories, lang)
    return Overview(
        coverage.headline(sources, regions, programs, lang),
        shown_table(
            t("overview_reports", lang),
            reports,
            reported,
            [],
            [],
            lang,
            file_stem("overview_reports", filtered=False),
        ),
        Charted(
            charts.category_bars(categories, lang),
            shown_table(
                t("overview_categories", lang),
                per_category,
                reported,
                [],
                [],
                lang,
                file_stem("overview_categories", filtered=False),
            ),
        ),
    )


def coverage_view(con: duckdb.DuckDBPyConnection, lang: str, view: str) -> Charted:
    """Return the coverage matrix by "category" or by "metric": a heatmap and its table."""
    regions, found = run_query(con, "regions"), run_query(con, "coverage")
    if view == "category":
        matrix = coverage.coverage_matrix(
            found, regions, run_query(con, "categories"), "category", lang
        )
        shown = coverage.category_coverage_table(matrix, lang)
    else:
        catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
        matrix = coverage.coverage_matrix(found, regions, catalogue, "metric_id", lang)
        shown = coverage.metric_coverage_table(matrix, catalogue, lang)
    return Charted(
        charts.heatmap(matrix, lang),
        shown_table(
            t("overview_coverage", lang),
            shown,
            report_sources(run_query(con, "sources"), lang),
            [(t("coverage_view", lang), t(f"by_{view}", lang))],
            [t("coverage_note", lang)],
            lang,
            file_stem("overview_coverage", f"by-{view}", filtered=False),
        ),
    )
