"""Browser-test fixtures: one server and one Chromium per session, fresh tabs for every test.

Without Chromium the browser tests skip with the reason, except under CI=true, where they must run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.driver import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SCREENSHOT_DIR,
    App,
    new_browser_context,
    require_chromium,
    start_server,
    stop_server,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser`, so the fast loop leaves it out."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_ready() -> None:
    """Skip (or, under CI, fail) when the browser is not there."""
    require_chromium()


@pytest.fixture(scope="session")
def app_url(
    browser: Browser, built_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The app served from the repo, reading the session's database; its log checked at the end.

    One visit to the home page first: a process's first run differs from later ones (see
    test_a_deep_link_works_as_the_first_request_a_fresh_server_gets), and no other test should
    depend on whether it happens to come first.
    """
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    process, url = start_server(built_db, log_path)
    try:
        warm_up = App(url, browser)
        warm_up.open()
        warm_up.close()
        yield url
    finally:
        stop_server(process)
    log = log_path.read_text(encoding="utf-8", errors="replace")
    if "Traceback" in log:
        pytest.fail(
            f"the server logged an exception while the browser tests ran:\n{log}", pytrace=False
        )


@pytest.fixture(scope="session")
def browser(chromium_ready: None) -> Iterator[Browser]:
    """Debian's Chromium, headless, for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="session")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser context for the session's tabs: its cache stays warm between tests."""
    context = new_browser_context(browser)
    yield context
    context.close()


@pytest.fixture
def app(app_url: str, browser: Browser, shared_context: BrowserContext) -> Iterator[App]:
    """The app for one test; every tab and context it opened is closed afterwards."""
    driver = App(app_url, browser, shared_context)
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where page screenshots go (git-ignored): $SCREENSHOT_DIR or .cache/screenshots/."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
