"""Many officials at once: 20 browser sessions open 20 different views together, each its own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from ruraldash.store.db import connect, run_query
from tests.browser.driver import (
    EXCEPTION,
    TITLE,
    App,
    chart_titles,
    chosen,
    read_grid,
    settle,
)
from tests.support.app_pages import page_of

SESSIONS = 20
PAGE_TIMEOUT_MS = 90_000


@dataclass(frozen=True)
class View:
    """One official's link and what the page must then show."""

    page: str
    params: dict[str, str]
    lang: str
    choice_key: str
    choice: str  # the select box's shown option
    text: str  # a line the page must contain
    rows: int | None = None  # rows of the compare table (figures and "no figure" rows)


def views(db_path: Path) -> list[View]:
    """Every report's profile and enough metrics to make twenty views, alternating languages."""
    with connect(db_path) as con:
        sources, regions = run_query(con, "sources"), run_query(con, "regions")
        catalogue = run_query(con, "metric_catalogue")
    found: list[View] = []
    for n, source in enumerate(sources.itertuples()):
        lang = ("zh", "en")[n % 2]
        region = getattr(source, f"region_{lang}")
        # An old ?report= link opens its region's profile (the region is what it shows).
        found.append(
            View(
                page_of("region_profile").url_path,
                {"report": source.source_id, "lang": lang},
                lang,
                "",
                "",
                region,
            )
        )
    used = catalogue[catalogue["figure_count"] > 0].sort_values(
        ["region_count", "figure_count"], ascending=False, kind="stable"
    )
    for n, metric in enumerate(used.head(SESSIONS - len(found)).itertuples()):
        lang = ("en", "zh")[n % 2]
        name = getattr(metric, f"metric_{lang}")
        found.append(
            View(
                page_of("compare").url_path,
                {"category": metric.category, "metric": metric.metric_id, "lang": lang},
                lang,
                "metric",
                name,
                name,
                metric.figure_count + len(regions) - metric.region_count,
            )
        )
    assert len(found) == SESSIONS
    return found


@pytest.mark.slow
def test_twenty_sessions_at_once_each_see_their_own_view(app: App, built_db: Path) -> None:
    """Correctness only; how long twenty sessions take is benchmarks/bench_sessions.py's job."""
    wanted = views(built_db)
    # Tabs of one browser context: each tab is its own Streamlit session (its own websocket and
    # session state), and they share the browser's cache, which halves the browser's work. The
    # browser, not the server, is what twenty sessions load most, so the viewport is smaller.
    context = app.new_context(viewport={"width": 1280, "height": 900})
    pages = [app.new_page(context) for _ in wanted]
    # Issue every navigation before waiting on any, so the server runs the sessions together.
    for page, view in zip(pages, wanted, strict=True):
        page.goto(app.address(view.page, **view.params), wait_until="commit")
    for page in pages:
        settle(
            page,
            lambda page=page: page.wait_for_selector(
                f"{TITLE}, {EXCEPTION}", timeout=PAGE_TIMEOUT_MS
            ),
            timeout=PAGE_TIMEOUT_MS,
        )

    for page, view in zip(pages, wanted, strict=True):
        where = f"{view.page} {view.params}"
        errors = page.locator(EXCEPTION)
        assert errors.count() == 0, f"{where}: {errors.first.inner_text()}"
        if view.choice_key:
            assert chosen(page, view.choice_key) == view.choice, where
        main = page.locator('[data-testid="stMain"]')
        assert view.text in main.text_content(), f"{where}: {view.text!r} not shown"
        if view.rows is not None:
            titles = chart_titles(page, "compare_chart")
            assert any(view.choice in title for title in titles), (where, titles)
            grid = read_grid(page, "compare_table")
            assert grid.row_count > 0, where
