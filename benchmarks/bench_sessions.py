"""Many sessions at once: twenty officials opening twenty views together, against one alone.

    python benchmarks/bench_sessions.py [--sessions 20] [--alone 3]

A server is started on the shipped data (database in a temporary folder) and warmed with one
visit. Then each of the first `--alone` views is opened on its own, one after another (the
baseline: the median time to its title), and all `--sessions` views are opened at once, as
tests/browser/test_concurrent_sessions.py does, until every tab shows its title. Printed: both
times and their ratio. Target: twenty together no slower than twenty opened one after another
(a ratio under 20). Figures, not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ruraldash import paths  # noqa: E402
from ruraldash.store.build import ensure_database  # noqa: E402
from tests.browser.driver import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    EXCEPTION,
    TITLE,
    App,
    start_server,
    stop_server,
)
from tests.browser.test_concurrent_sessions import views  # noqa: E402

PAGE_TIMEOUT_MS = 180_000


def _open_all(app: App, links: list[str]) -> float:
    """Open every link in its own tab at once; return the seconds until every title shows."""
    context = app.new_context(viewport={"width": 1280, "height": 900})
    pages = [app.new_page(context) for _ in links]
    start = time.monotonic()
    for page, link in zip(pages, links, strict=True):
        page.goto(link, wait_until="commit")
    for page in pages:
        page.wait_for_selector(f"{TITLE}, {EXCEPTION}", timeout=PAGE_TIMEOUT_MS)
    elapsed = time.monotonic() - start
    context.close()
    return elapsed


def main() -> None:
    """Measure and print the times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--alone", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        db_path = ensure_database(
            paths.DATA_DIR, paths.METRICS_DIR, Path(folder) / "ruraldash.duckdb"
        )
        wanted = views(db_path)[: args.sessions]
        process, url = start_server(db_path, Path(folder) / "server.log")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            app = App(url, browser)
            links = [app.address(view.page, **view.params) for view in wanted]
            _open_all(app, links[:1])  # the process's first run takes another route: warm up
            alone = statistics.median(_open_all(app, [link]) for link in links[: args.alone])
            together = _open_all(app, links)
        finally:
            browser.close()
            stop_server(process)
    print(f"one view alone (median of {args.alone}): {alone:.2f} s")
    print(f"{len(links)} views at once: {together:.2f} s")
    print(f"ratio: {together / alone:.1f}x one alone (target: under {len(links)})")


if __name__ == "__main__":
    main()
