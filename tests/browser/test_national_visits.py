"""Every page once against a national folder (real hierarchy, synthetic figures), in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ruraldash.language.i18n import t
from tests.browser.driver import (
    EXCEPTION,
    TITLE,
    App,
    settle,
    start_server,
    stop_server,
)
from tests.browser.test_page_visits import assert_charts_drawn, assert_no_errors
from tests.support.app_pages import app_pages
from tests.support.national_folder import write_national_folder

if TYPE_CHECKING:
    from playwright.sync_api import Browser


PAGES = app_pages()
# Fewer counties than the country has, to stay within CI's time; the hierarchy is the real one.
COUNTIES, METRICS, YEARS = 300, 8, 4
# A first visit builds the page's cached results for the whole country: allow for a busy machine.
NATIONAL_SETTLE_MS = 120_000


@pytest.fixture(scope="module")
def national_url(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server reading a national folder written by benchmarks/national.py."""
    root = write_national_folder(
        tmp_path_factory.mktemp("national_browser"), COUNTIES, metrics=METRICS, years=YEARS
    )
    db_path = root / "national.duckdb"
    patch = pytest.MonkeyPatch()
    patch.setenv("RURALDASH_DATA", str(root / "data"))
    patch.setenv("RURALDASH_METRICS", str(root / "metrics"))
    log_path = root / "server.log"
    try:
        process, url = start_server(db_path, log_path, data_dir=root / "data")
    finally:
        patch.undo()
    try:
        yield url
    finally:
        stop_server(process)
    log = log_path.read_text(encoding="utf-8", errors="replace")
    if "Traceback" in log:
        pytest.fail(f"the server logged an exception:\n{log}", pytrace=False)


@pytest.mark.parametrize("page_entry", PAGES, ids=[entry.stem for entry in PAGES])
def test_every_page_at_national_scale(
    national_url: str, browser: Browser, page_entry, screenshot_dir: Path
) -> None:
    app = App(national_url, browser)
    try:
        path = "" if page_entry is PAGES[0] else page_entry.url_path
        page = app.new_page()
        page.set_default_timeout(NATIONAL_SETTLE_MS)
        page.goto(app.address(path))
        settle(
            page,
            lambda: page.wait_for_selector(f"{TITLE}, {EXCEPTION}"),
            timeout=NATIONAL_SETTLE_MS,
        )
        page.screenshot(path=screenshot_dir / f"national_{page_entry.stem}.png")
        assert_no_errors(page, "zh")
        title = page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
        assert title == t(page_entry.title_key, "zh")
        if page_entry.stem == "compare":
            page.locator(".js-plotly-plot .main-svg").nth(1).wait_for(state="visible")
            assert_charts_drawn(page, 2)
            headline = page.locator('[data-testid="stMain"] h3').first.inner_text()
            assert "个县中" in headline and "个有数据" in headline
    finally:
        app.close()
