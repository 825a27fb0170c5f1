"""First start: `streamlit run app.py` with no database, against a warm start, in the same run.

    python benchmarks/bench_first_start.py [--runs 3]

Each start is a new `streamlit run app.py` process, timed from process start until Overview's
first plotly chart is visible in headless Chromium (Debian's /usr/bin/chromium):
- cold: RURALDASH_DB names a file that does not exist yet, so the first request builds the
  database (the page shows the steps in a status box; the time until that box is visible is
  printed too);
- warm: the same database already built, so the first request only opens it.
The cold start is printed as a ratio of the warm one, with the build's own time measured in this
process (what the status box covers). Figures, not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench_pages import CHART_SVG, CHROMIUM, CHROMIUM_ARGS, _free_port, _healthy  # noqa: E402

from ruraldash import paths  # noqa: E402
from ruraldash.store.build import ensure_database  # noqa: E402


def start(browser: Browser, db_path: Path, log: Path) -> tuple[float, float | None]:
    """Start the app; return seconds to the first chart and to a visible status box (or None)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        *("-m", "streamlit", "run", "app.py"),
        *("--server.headless", "true", "--server.address", "127.0.0.1"),
        *("--server.port", str(port), "--browser.gatherUsageStats", "false"),
    ]
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    with log.open("wb") as out:
        began = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "RURALDASH_DB": str(db_path)},
        )
    status_seen: float | None = None
    try:
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() - began > 60:
                raise SystemExit(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.05)
        page.goto(url)
        chart = page.locator(CHART_SVG).first
        # The build's status box: an expander labelled with the database being built.
        status = page.locator('[data-testid="stExpander"]', has_text="数据库").first
        while not chart.is_visible():
            if status_seen is None and status.is_visible():
                status_seen = time.monotonic() - began
            if time.monotonic() - began > 120:
                raise SystemExit(f"no chart after 120 s:\n{log.read_text()}")
            time.sleep(0.05)
        charted = time.monotonic() - began
    finally:
        context.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return charted, status_seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="starts of each kind (default 3)")
    args = parser.parse_args()
    if not CHROMIUM.is_file():
        raise SystemExit(f"{CHROMIUM} not found: the first start is timed in a browser")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench_first_start_") as tmp:
        folder = Path(tmp)
        # The build alone, in this process: what the status box covers on a first start.
        began = time.perf_counter()
        built = ensure_database(paths.DATA_DIR, paths.METRICS_DIR, folder / "warm.duckdb")
        build_seconds = time.perf_counter() - began
        began = time.perf_counter()
        ensure_database(paths.DATA_DIR, paths.METRICS_DIR, built)
        check_seconds = time.perf_counter() - began
        cold, warm, status = [], [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for run in range(args.runs):
                # Alternate, so that a busy moment on a shared machine hits both kinds alike.
                charted, seen = start(browser, folder / f"cold{run}.duckdb", folder / "log")
                cold.append(charted)
                if seen is not None:
                    status.append(seen)
                charted, seen = start(browser, built, folder / "log")
                warm.append(charted)
                if seen is not None:
                    print(f"warning: warm start {run + 1} showed a build status box ({seen:.1f} s)")
            browser.close()
    cold_median, warm_median = statistics.median(cold), statistics.median(warm)
    print(
        f"First start (no database) vs warm start, {args.runs} processes each, process start "
        f"to Overview's first chart (load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs)"
    )
    print(f"{'warm (database built)':<28}{warm_median:6.2f} s   1.0x")
    ratio = cold_median / warm_median
    print(f"{'cold (builds on first start)':<28}{cold_median:6.2f} s {ratio:5.1f}x")
    print(
        f"{'  of which the build':<28}{build_seconds:6.2f} s in-process "
        f"(finding it up to date: {check_seconds * 1000:.1f} ms)"
    )
    if status:
        print(
            f"{'  status box visible after':<28}{statistics.median(status):6.2f} s "
            f"{statistics.median(status) / warm_median:5.1f}x (the steps are shown meanwhile)"
        )
    else:
        print("  the status box was never seen before the chart")


if __name__ == "__main__":
    main()
