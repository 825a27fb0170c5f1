"""What each page shows, built straight from the database for every choice a reader can make."""

from __future__ import annotations

import duckdb
import pytest

from ruraldash.compare import pickers
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.language.i18n import LANGUAGES, t
from ruraldash.store.db import run_query
from ruraldash.views.pages import (
    compare_programs,
    compare_regions,
    explore,
    overview,
    region_profile,
    sources,
)


def rows_expected(con: duckdb.DuckDBPyConnection, metric_ids: list[str]) -> int:
    """Count the comparison's rows straight from the database, apart from the page's code."""
    return con.execute(
        """
        SELECT sum(greatest(n, 1)) FROM (
            SELECT (SELECT count(*) FROM figures AS f
                    WHERE f.metric_id = m.id AND f.region_id = r.id) AS n
            FROM unnest($metrics::VARCHAR[]) AS m(id)
            CROSS JOIN (SELECT id FROM regions WHERE id IN (SELECT region FROM sources)) AS r)
        """,
        {"metrics": metric_ids},
    ).fetchall()[0][0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_category_compares_with_and_without_per_capita(
    con: duckdb.DuckDBPyConnection, lang: str
) -> None:
    choices = compare_regions.region_choices(con, lang)
    regions = set(run_query(con, "regions")[f"region_{lang}"])
    assert choices.default_category in choices.categories
    for category in choices.categories:
        metrics = choices.metrics[category]
        assert next(iter(metrics)) == pickers.ALL_METRICS
        assert choices.default_metrics[category] in metrics
        for per_capita in (False, True):
            shown = compare_regions.region_comparison(
                con, lang, category, pickers.ALL_METRICS, per_capita
            )
            # Per capita, a metric with no value per resident gets no panel but a named line.
            panels = len(shown.chart.layout.annotations) if shown.chart else 0
            not_drawn = [name for name in metrics.values() if name in shown.not_drawn]
            assert panels + len(not_drawn) == len(metrics) - 1
            assert per_capita or not not_drawn
            # One row per figure, and one per region and metric without a figure.
            expected = rows_expected(con, [m for m in metrics if m != pickers.ALL_METRICS])
            assert len(shown.table.shown) == len(shown.table.export.table) == expected
            # Every region stands in the table, with a figure or named as missing.
            assert set(shown.table.shown[t("col_region", lang)]) == regions
            assert bool(shown.denominators) == per_capita
            assert shown.table.stem.startswith(f"compare_regions_{category}_")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_of_program_compares(con: duckdb.DuckDBPyConnection, lang: str) -> None:
    for kind, name in compare_programs.program_choices(con, lang).items():
        shown = compare_programs.program_comparison(con, lang, kind)
        assert (t("pick_program_type", lang), name) in [
            tuple(note.split(": ", 1)) for _, note in shown.figures.export.notes[:1]
        ]
        assert shown.ratios.shown.columns[0] == t("col_region", lang)


def test_explore_counts_against_every_figure(con: duckdb.DuckDBPyConnection) -> None:
    everything = explore.explore(con, "en", FigureFilter())
    assert everything.shown == everything.total == len(load_figures(con))
    plans = explore.explore(con, "en", FigureFilter(statuses=("plan",), search="培训"))
    assert 0 < plans.shown < plans.total
    assert ("Filters", "Status: plan or target") in plans.table.export.notes
    assert plans.table.stem.startswith("explore_filtered_")


def test_overview_profile_and_sources_in_both_languages(con: duckdb.DuckDBPyConnection) -> None:
    for lang in LANGUAGES:
        shown = overview.overview(con, lang)
        assert (
            shown.counts[t("count_figures", lang)]
            == explore.explore(con, lang, FigureFilter()).total
        )
        for view in ("category", "metric"):
            assert not overview.coverage_view(con, lang, view).table.shown.empty
        for report in region_profile.report_choices(con, lang):
            profile = region_profile.profile(con, lang, report)
            assert sum(len(part) for _, _, part in profile.by_category) == profile.figure_count
        assert list(sources.sources_tables(con, lang)) == [
            "sources_reports",
            "sources_metrics",
            "sources_vocabulary",
            "sources_reference",
        ]
