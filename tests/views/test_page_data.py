"""What each page shows, built straight from the database for every choice a reader can make."""

from __future__ import annotations

import duckdb
import pytest

from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.compare.pickers import ALL_METRICS
from ruraldash.language.i18n import LANGUAGES, t
from ruraldash.views.pages import (
    compare,
    compare_programs,
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
def test_every_metric_compares_and_no_figure_is_dropped_silently(
    con: duckdb.DuckDBPyConnection, lang: str
) -> None:
    choices = compare.compare_choices(con, lang)
    level = compare.busiest_level(con, "")
    for metrics in choices.metrics.values():
        for metric in metrics:
            if metric == ALL_METRICS:  # the category view: tests/views/test_compare_category.py
                continue
            found = compare.period_choices(con, "", level, metric)
            period = found.default or ""
            label = found.labels[period][0] if period else ""
            shown = compare.comparison(con, lang, "", level, metric, "actual", period, label)
            # Every figure is in the ranking, listed as left out (with why), or side by side.
            column = t("col_figure_id", lang)
            listed = {*shown.table.shown[column], *shown.left_out.shown[column]} - {""}
            assert listed == set(compare.figures_under(con, "", metric)["figure_id"])
            assert shown.ranked == bool(period)
            assert shown.table.stem.startswith("compare_") and metric in shown.table.stem


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
        for code in region_profile.report_places(con).values():
            profile = region_profile.place_profile(con, lang, code)
            shown = len(profile.figures.shown)
            assert shown and sum(len(part) for _, _, part in profile.by_category) == shown
        assert list(sources.sources_tables(con, lang)) == [
            "sources_reports",
            "sources_metrics",
            "sources_vocabulary",
            "sources_reference",
        ]
