"""Drive the running app in headless Chromium: start and stop the server, open pages, read them.

Chromium comes from Debian (/usr/bin/chromium, with fonts-noto-cjk); nothing downloads a browser.
"""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import pytest

from ruraldash import paths
from ruraldash.serving import replicas
from ruraldash.serving.processes import stop

if TYPE_CHECKING:  # playwright is imported only once Chromium is known to be there
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = Path(os.environ.get("RURALDASH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    # Only the local server answers: the page's favicon and fonts links go nowhere, fast.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1400, "height": 2400}
APP = paths.REPO_ROOT / "app.py"
HEALTH = "/_stcore/health"
SETTLE_MS = 30_000
SCREENSHOT_DIR = Path(
    os.environ.get("SCREENSHOT_DIR") or paths.REPO_ROOT / ".cache" / "screenshots"
)

TITLE = '[data-testid="stMain"] h1'
EXCEPTION = '[data-testid="stException"]'
APP_IDLE = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
    '[data-test-script-state="notRunning"]'
)
# Lazily loaded elements (plotly, the grid) show a skeleton first; a rerun marks old ones stale.
NOTHING_PENDING = """() => !document.querySelector(
    '[data-testid="stSkeleton"], [data-stale="true"], [data-testid="stStatusWidget"]')"""


def require_chromium() -> None:
    """Skip without Chromium or playwright, unless CI=true: CI must run the browser tests."""
    missing = None
    if not CHROMIUM.is_file():
        missing = f"{CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "playwright is not installed (pip install -r requirements-dev.txt)"
    if missing is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {missing}", pytrace=False)
    pytest.skip(f"browser tests skipped: {missing}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_ports(count: int) -> int:
    """Return the first of `count` consecutive ports free on 127.0.0.1 now (nginx, replicas)."""
    for _ in range(50):
        first = _free_port()
        following = range(first + 1, first + count)
        if following.stop <= 65536 and all(_is_free(port) for port in following):
            return first
    raise RuntimeError(f"no {count} consecutive free ports found on 127.0.0.1")


def _is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def start_server(
    db_path: Path,
    log_path: Path,
    port: int | None = None,
    data_dir: Path = paths.DATA_DIR,
) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run app.py` on a free local port; return it once /_stcore/health answers.

    It reads `data_dir` (the shipped data by default) into the database at `db_path`. The
    process is started and stopped as the serving package starts one (replicas.start_streamlit).
    """
    port = port or _free_port()
    env = {"RURALDASH_DB": str(db_path), "RURALDASH_DATA": str(data_dir)}
    process = replicas.start_streamlit(APP, port, log_path, env, HEALTH)
    return process, f"http://127.0.0.1:{port}"


def stop_server(process: subprocess.Popen) -> None:
    """Stop the server: terminate, then kill if it has not gone (processes.stop)."""
    stop(process)


class App:
    """Drive the running app the way a reader does: open a URL, wait, pick, read, download.

    Pages open as tabs of one shared browser context (its cache warm, so loads are cheaper);
    every tab is still a Streamlit session of its own. What a test opened is closed after it.
    """

    def __init__(
        self, url: str, browser: Browser, shared_context: BrowserContext | None = None
    ) -> None:
        self.url = url
        self.browser = browser
        self.shared_context = shared_context
        self._contexts: list = []
        self._pages: list = []

    def new_context(self, viewport: dict[str, int] | None = None) -> BrowserContext:
        """A fresh browser context, closed after the test."""
        context = new_browser_context(self.browser, viewport)
        self._contexts.append(context)
        return context

    def new_page(self, context: BrowserContext | None = None) -> Page:
        """A new tab (a new Streamlit session) in `context`, else in the shared context."""
        page = (context or self.shared_context or self.new_context()).new_page()
        self._pages.append(page)
        return page

    def address(self, path: str = "", **params: str) -> str:
        """The URL of a page (its url_path) with query parameters."""
        query = urlencode(params)
        return f"{self.url}/{path}" + (f"?{query}" if query else "")

    def open(self, path: str = "", page: Page | None = None, **params: str) -> Page:
        """Open a page by URL in a new session (or in `page`) and wait until it has settled."""
        page = page or self.new_page()
        page.goto(self.address(path, **params))
        # The app reports "connected, not running" before its first run starts; every page
        # begins with its title (or fails with an exception), so then the first run has begun.
        settle(page, lambda: page.wait_for_selector(f"{TITLE}, {EXCEPTION}", timeout=SETTLE_MS))
        return page

    def close(self) -> None:
        """Close the tabs and contexts this driver opened (ending their sessions)."""
        for page in self._pages:
            if not page.is_closed():
                page.close()
        for context in self._contexts:
            context.close()
        self._pages.clear()
        self._contexts.clear()


def new_browser_context(browser: Browser, viewport: dict[str, int] | None = None) -> BrowserContext:
    """A browser context as an official's: tall viewport, Chinese locale, downloads accepted."""
    context = browser.new_context(
        viewport=viewport or VIEWPORT,
        accept_downloads=True,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
    )
    context.set_default_timeout(SETTLE_MS)
    return context


def settle(
    page: Page, changed: Callable[[], object] | None = None, timeout: float = SETTLE_MS
) -> None:
    """Wait until the script has finished and nothing is pending; first for `changed` if given.

    After an interaction the rerun may not have started yet, so the caller says what change to
    wait for (a URL, a value); idleness alone would be satisfied by the previous run.
    """
    if changed is not None:
        changed()
    page.wait_for_selector(APP_IDLE, timeout=timeout)
    page.wait_for_function(NOTHING_PENDING, timeout=timeout)
    page.wait_for_selector(APP_IDLE, timeout=timeout)


@dataclass(frozen=True)
class Grid:
    """What a data grid shows: its size, and the header and rows of the columns drawn on screen."""

    column_count: int
    row_count: int
    header: list[str]
    rows: list[list[str]]

    def shows_as(self, other: Grid) -> bool:
        """The same table, read on another screen: sizes equal, cells equal where both show them.

        Which columns fit on screen depends on measured text widths, so compare those in view
        on both (at least the first five: region to value).
        """
        shared = min(len(self.header), len(other.header))
        return (
            shared >= 5
            and self.column_count == other.column_count
            and self.row_count == other.row_count
            and self.header[:shared] == other.header[:shared]
            and [row[:shared] for row in self.rows] == [row[:shared] for row in other.rows]
        )


def read_grid(page: Page, key: str) -> Grid:
    """Read the table under `key` from the grid's accessibility tree (the cells are a canvas).

    The tree appears once the grid has focus and holds the rows and columns in view. The grid
    redraws a moment after the app has settled, so read until two readings agree.
    """
    container = page.locator(f".st-key-{key}")
    container.locator('[data-testid="data-grid-canvas"]').focus()
    table = container.locator('table[role="grid"]')
    table.wait_for(state="attached")
    readings: list[Grid] = []
    while len(readings) < 2 or readings[-1] != readings[-2]:
        assert len(readings) < 20, f"the grid {key} keeps changing: {readings[-2:]}"
        if readings:
            page.wait_for_timeout(150)
        cells = table.locator('tr[role="row"]').evaluate_all(
            "rows => rows.map(row => Array.from(row.children).map(cell => cell.textContent))"
        )
        readings.append(
            Grid(
                int(table.get_attribute("aria-colcount")),
                int(table.get_attribute("aria-rowcount")) - 1,
                cells[0],
                cells[1:],
            )
        )
    return readings[-1]


def chosen(page: Page, key: str) -> str:
    """The option a select box under `key` shows."""
    return page.locator(f".st-key-{key} input[role='combobox']").input_value()


def choose(page: Page, key: str, option: str, url_has: str) -> None:
    """Pick `option` in the select box under `key`; wait until the URL holds `url_has`."""
    page.locator(f".st-key-{key} button[aria-haspopup='listbox']").click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page, lambda: wait_for_query(page, url_has))


def wait_for_query(page: Page, fragment: str, present: bool = True) -> None:
    """Wait until the URL's query string holds `fragment` (or no longer holds it)."""
    page.wait_for_function(
        "([fragment, present]) => "
        "decodeURIComponent(location.search).includes(fragment) === present",
        arg=[fragment, present],
        timeout=SETTLE_MS,
    )


def chart_titles(page: Page, key: str) -> list[str]:
    """The titles of the plotly chart under `key`: its own (layout) title, then its panels'
    titles (annotations)."""
    return page.locator(
        f".st-key-{key} .main-svg .gtitle, .st-key-{key} .main-svg .annotation-text"
    ).evaluate_all("texts => texts.map(text => text.textContent)")
