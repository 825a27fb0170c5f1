"""Every chart of the Compare page names its metric, in both languages: the ranking (bars and
spread), the figures side by side (the shipped five reports: no period compares) and a trend."""

from __future__ import annotations

import duckdb
import pytest

from ruraldash.store.db import run_query
from ruraldash.views import unit_trend
from ruraldash.views.pages import compare
from ruraldash.views.plain import hover_text

METRICS = 5  # the metrics most regions report: those the page and its browser tests open


def _titles(con: duckdb.DuckDBPyConnection, lang: str, metric: str) -> tuple[bool, list[str]]:
    """Whether the page's default view of `metric` is a ranking, and its charts' titles."""
    level = compare.busiest_level(con, "")
    found = compare.period_choices(con, "", level, metric)
    period = found.default or ""
    label = next(iter(found.labels.get(period, [])), "")
    compared = compare.comparison(con, lang, "", level, metric, "actual", period, label)
    charts = [compared.chart, compared.spread]
    for code in list(compared.reported_units)[:1]:
        charts.append(unit_trend.unit_trend(con, lang, code, metric).chart)
    return compared.ranked, [chart.layout.title.text for chart in charts if chart is not None]


def _check_busiest_metrics(
    con: duckdb.DuckDBPyConnection, lang: str, count: int = METRICS
) -> set[bool]:
    """Assert the charts of the metrics most regions report name them; return which views
    (ranked or not) were seen."""
    catalogue = run_query(con, "metric_catalogue")
    used = catalogue[catalogue["figure_count"] > 0].sort_values(
        ["region_count", "figure_count"], ascending=False, kind="stable"
    )
    seen = set()
    for metric in used.head(count).itertuples():
        ranked, titles = _titles(con, lang, metric.metric_id)
        name = hover_text(getattr(metric, f"metric_{lang}"))
        assert titles, metric.metric_id
        assert all(name in title for title in titles), (name, titles)
        seen.add(ranked)
    return seen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_rules_fixture_s_rankings_and_side_by_side_charts_name_the_metric(
    con: duckdb.DuckDBPyConnection, lang: str
) -> None:
    assert _check_busiest_metrics(con, lang) == {True, False}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_shipped_side_by_side_charts_name_the_metric(
    shipped_con: duckdb.DuckDBPyConnection, lang: str
) -> None:
    # The five shipped reports are all of different periods: every view is side by side.
    assert _check_busiest_metrics(shipped_con, lang) == {False}


def test_a_ranked_title_names_what_is_counted_once(con: duckdb.DuckDBPyConnection) -> None:
    found = compare.period_choices(con, "", "prefecture", "funds_invested")
    compared = compare.comparison(
        con, "zh", "", "prefecture", "funds_invested", "actual", found.default, "投入资金"
    )
    assert compared.chart.layout.title.text == f"投入资金 · {found.periods[found.default]}"
