"""Page speed: each page's warm render against an empty page, and a cold start to the first chart.

    python benchmarks/bench_pages.py [--runs 15] [--cold 3] [--skip-cold] [--skip-warm]
                                     [--profile STEM] [--json] [--folder DIR]

1. Warm render under AppTest: every page of app.py and an empty Streamlit page (written to a
   temporary file), each run once to warm up (discarded), then `--runs` times; the median of a
   rerun of the same session and of a new session. Target: every page within 2x the empty page.
2. Cold start: `streamlit run app.py` is started and timed from process start until a plotly
   chart's SVG is visible in headless Chromium (Debian's /usr/bin/chromium), first on Overview,
   then (another process) on a Compare regions link, against a bare Streamlit app that draws
   one plotly chart, started the same way in the same run. Target: within 1.2x the bare app.
   A third line is the floor of that target: a copy of the app whose Overview ends right after
   its first chart (nothing drawn below it). Each line also says when the browser asked for
   Streamlit's plotly code (the first chart has arrived) and when that code had loaded: the
   server answers it while still running the rest of the page.

`--folder DIR` serves a folder written by benchmarks/national.py (DIR/data, DIR/metrics)
instead of the repo's data: the national-scale figures.

`--profile STEM` prints where a page's warm rerun spends its time (cProfile, by cumulative time).

`--json` prints, instead, what Streamlit spends writing each chart of the pages (and the default
map) on every rerun: as a plain figure (its dict copied, then written), as ui.chart sends it
(its dict made once) and with its JSON written once too (an orjson Fragment, as ui.map_chart
sends a map); the median ms and the ratio to the plain figure, in the same run.
Figures, not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import ast
import io
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ruraldash import paths  # noqa: E402
from ruraldash.store.build import ensure_database  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
EMPTY_PAGE = "import streamlit as st\n"
CHART_SVG = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'
BARE_CHART_APP = """import plotly.graph_objects as go
import streamlit as st

st.title("Bare app")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
"""


def app_pages() -> list[tuple[str, str]]:
    """Return (script, url path) for every page app.py routes to, in its order."""
    tree = ast.parse((REPO / "app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "PAGES" for target in node.targets
        ):
            return [
                (script, url_path) for script, _title, url_path, *_ in ast.literal_eval(node.value)
            ]
    raise SystemExit("app.py has no PAGES list")


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def quiet_streamlit() -> None:
    """Drop "missing ScriptRunContext" warnings: AppTest builds sessions on the main thread.

    A filter, not a level: Streamlit resets its loggers' levels when it reads its config.
    """
    import logging

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )


def warm_render(script: Path, runs: int) -> tuple[float, float]:
    """Return the median rerun and new-session times (ms) of `script` under AppTest."""
    from streamlit.testing.v1 import AppTest

    def run(app: AppTest) -> None:
        app.run()
        if app.exception:
            raise SystemExit(f"{script}: {app.exception[0].message}")

    session = AppTest.from_file(str(script), default_timeout=120)
    run(session)  # the first run imports and fills the caches: discarded
    reruns = [timed(lambda: run(session)) for _ in range(runs)]
    fresh = []
    for _ in range(runs):
        new_session = AppTest.from_file(str(script), default_timeout=120)
        fresh.append(timed(lambda new_session=new_session: run(new_session)))
    return median_ms(reruns), median_ms(fresh)


PROFILED_PAGE = """
import cProfile, runpy, sys
_profiler = cProfile.Profile()
sys.modules["__bench_pages_profiles__"].runs.append(_profiler)
_profiler.enable()
try:
    runpy.run_path({script!r}, run_name="__main__")
finally:
    _profiler.disable()
"""


def profile(script: Path, runs: int, top: int = 25) -> str:
    """Return where `runs` warm reruns of `script` spend their time, by cumulative time.

    The script runs in AppTest's script thread, so a wrapper page profiles it from inside.
    """
    import types

    from streamlit.testing.v1 import AppTest

    sink = types.ModuleType("__bench_pages_profiles__")
    sink.runs = []
    sys.modules[sink.__name__] = sink
    session = AppTest.from_string(PROFILED_PAGE.format(script=str(script)), default_timeout=120)
    session.run()
    sink.runs.clear()  # the first run imports and fills the caches: discarded
    for _ in range(runs):
        session.run()
    out = io.StringIO()
    stats = pstats.Stats(*sink.runs, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    out.write("The package's own functions (ruraldash/):\n")
    stats.print_stats(r"ruraldash/", top)
    return out.getvalue()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


# Streamlit's plotly code, a script the browser fetches when the first chart arrives.
PLOTLY_CODE = "/static/js/PlotlyChart"


def cold_start(
    browser: Browser, script: Path, env: dict[str, str], path: str, log: Path
) -> tuple[float, float, float, float, float]:
    """Start `streamlit run SCRIPT`; return seconds to a healthy server, a title, the plotly
    code asked for and loaded, and a visible chart."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    plotly_code: dict[str, float] = {}

    def seen(event: str, url: str) -> None:
        if PLOTLY_CODE in url:
            plotly_code.setdefault(event, time.monotonic() - start)

    page.on("request", lambda request: seen("asked", request.url))
    page.on("requestfinished", lambda request: seen("loaded", request.url))
    with log.open("wb") as out:
        start = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **env},
        )
    try:
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() - start > 60:
                raise SystemExit(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.05)
        healthy = time.monotonic() - start
        page.goto(f"{url}/{path}")
        page.locator('[data-testid="stMain"] h1').first.wait_for(state="visible", timeout=60_000)
        titled = time.monotonic() - start
        page.locator(CHART_SVG).first.wait_for(state="visible", timeout=60_000)
        charted = time.monotonic() - start
    finally:
        context.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    nan = float("nan")
    return healthy, titled, plotly_code.get("asked", nan), plotly_code.get("loaded", nan), charted


def first_chart_only(copy: Path) -> Path:
    """Copy the app to `copy` with an Overview that ends right after its first chart: the
    floor of the cold-start target for a page that draws anything below its chart."""
    for name in ("app.py", "pages", "ruraldash", "metrics", ".streamlit"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, copy / name)
    overview = copy / "pages" / "overview.py"
    lines = overview.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next((n for n, line in enumerate(lines) if line.startswith("ui.chart(")), None)
    if first is None:
        raise SystemExit("pages/overview.py draws no ui.chart(...) line to stop after")
    overview.write_text("".join(lines[: first + 1]), encoding="utf-8")
    return copy / "app.py"


def page_charts(db_path: Path) -> dict[str, object]:
    """Return the charts the pages draw at their first selection (and the default map)."""
    from ruraldash.store.db import connect
    from ruraldash.views.national_list import NATION
    from ruraldash.views.pages import compare, compare_programs, overview
    from ruraldash.views.pages import map as map_page

    with connect(db_path) as con:
        level = compare.busiest_level(con, NATION)
        unit_metric = compare.default_metric(con, NATION, level)
        found = compare.period_choices(con, NATION, level, unit_metric)
        period = found.default or ""
        label = found.labels[period][0] if period else ""
        map_choice = map_page.map_choices(con, "zh")
        units = compare.comparison(con, "zh", NATION, level, unit_metric, "actual", period, label)
        charts = {
            "overview categories": overview.overview(con, "zh").categories.chart,
            "overview coverage (by metric)": overview.coverage_view(con, "zh", "metric").chart,
            "programs matrix": compare_programs.program_matrix(con, "zh").chart,
            "compare bars": units.chart,
            "compare spread": units.spread,
            "map (country, prefectures)": map_page.map_view(
                con, "zh", map_choice.default_metric, "actual", "china", "prefecture"
            ).figure,
        }
    return {name: chart for name, chart in charts.items() if chart is not None}


def chart_json(db_path: Path, runs: int) -> None:
    """Print what writing each chart's JSON costs a rerun: plain, dict once, JSON once."""
    import plotly.io as pio
    import plotly.tools

    from ruraldash.ui.charts import _SentFigure, _SentMap

    def written_ms(figure: object) -> float:
        def write() -> None:  # what st.plotly_chart does with the figure on every rerun
            made = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)
            pio.to_json(made, validate=False)

        write()
        return median_ms([timed(write) for _ in range(runs)])

    print(f"Chart JSON written per rerun: median of {runs} (ms; x = ratio to the plain figure)")
    print(f"{'chart':<30}{'KB':>8}{'plain':>9}{'dict once':>11}{'x':>6}{'JSON once':>11}{'x':>6}")
    for name, figure in page_charts(db_path).items():
        size = len(pio.to_json(figure, validate=False)) / 1000
        plain = written_ms(figure)
        once = written_ms(_SentFigure(figure))
        fragment = written_ms(_SentMap(figure))
        print(
            f"{name:<30}{size:>8.0f}{plain:>9.2f}{once:>11.2f}{once / plain:>6.2f}"
            f"{fragment:>11.2f}{fragment / plain:>6.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per page (default 15)")
    parser.add_argument("--cold", type=int, default=3, help="cold starts per page (default 3)")
    parser.add_argument("--skip-cold", action="store_true", help="only the warm renders")
    parser.add_argument("--skip-warm", action="store_true", help="only the cold starts")
    parser.add_argument("--profile", metavar="STEM", help="profile pages/STEM.py's reruns")
    parser.add_argument("--json", action="store_true", help="time writing each chart's JSON")
    parser.add_argument("--folder", type=Path, help="a national folder (DIR/data, DIR/metrics)")
    args = parser.parse_args()

    os.chdir(REPO)
    data_dir, metrics_dir = paths.DATA_DIR, paths.METRICS_DIR
    if args.folder:
        data_dir, metrics_dir = args.folder.resolve() / "data", args.folder.resolve() / "metrics"
    with tempfile.TemporaryDirectory(prefix="bench_pages_") as tmp:
        started = time.perf_counter()
        db_path = ensure_database(data_dir, metrics_dir, Path(tmp) / "bench.duckdb")
        print(f"database of {data_dir} ready in {time.perf_counter() - started:.1f} s")
        env = {
            "RURALDASH_DB": str(db_path),
            "RURALDASH_DATA": str(data_dir),
            "RURALDASH_METRICS": str(metrics_dir),
        }
        os.environ.update(env)
        quiet_streamlit()
        if args.profile:
            print(profile(REPO / "pages" / f"{args.profile}.py", args.runs))
            return
        if args.json:
            chart_json(db_path, args.runs)
            return

        empty = Path(tmp) / "empty_page.py"
        empty.write_text(EMPTY_PAGE, encoding="utf-8")
        print(
            f"Warm render under AppTest: median of {args.runs} runs after one discarded "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
        )
        base_rerun, base_fresh = warm_render(empty, args.runs) if not args.skip_warm else (1, 1)
        print(f"{'page':<26}{'rerun ms':>10}{'x empty':>9}{'new session ms':>16}{'x empty':>9}")
        print(f"{'(empty page)':<26}{base_rerun:>10.1f}{1:>9.1f}{base_fresh:>16.1f}{1:>9.1f}")
        for script, _url_path in [] if args.skip_warm else app_pages():
            rerun, fresh = warm_render(REPO / script, args.runs)
            missed = [
                name
                for name, ratio in (
                    ("rerun", rerun / base_rerun),
                    ("new session", fresh / base_fresh),
                )
                if ratio > 2
            ]
            print(
                f"{script:<26}{rerun:>10.1f}{rerun / base_rerun:>9.1f}"
                f"{fresh:>16.1f}{fresh / base_fresh:>9.1f}"
                + (f"  > 2x ({', '.join(missed)})" if missed else "")
            )

        if args.skip_cold:
            return
        if not CHROMIUM.is_file():
            print(f"\nCold start skipped: {CHROMIUM} not found")
            return
        from playwright.sync_api import sync_playwright

        targets = {script: url_path for script, url_path in app_pages()}
        first = {
            "Overview (/)": "",
            "Compare link": f"{targets['pages/compare.py']}?category=funds&metric=funds_invested",
        }
        bare_app = Path(tmp) / "bare_chart_app.py"
        bare_app.write_text(BARE_CHART_APP, encoding="utf-8")
        print(
            f"\nCold start: process start to a visible chart, {args.cold} processes each "
            "(target: within 1.2x the bare app with one plotly chart)"
        )
        floor_copy = Path(tmp) / "first_chart_only"
        floor_copy.mkdir()
        floor_app = first_chart_only(floor_copy)
        print(
            "  (plotly code: when the browser asked for Streamlit's plotly code, i.e. the first "
            "chart had arrived, and when that code had loaded)"
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            bare = None
            for name, script, path in [
                ("Bare app, one chart", bare_app, ""),
                *((name, REPO / "app.py", path) for name, path in first.items()),
                ("Overview to 1st chart", floor_app, ""),
            ]:
                results = [
                    cold_start(browser, script, env, path, Path(tmp) / "server.log")
                    for _ in range(args.cold)
                ]
                healthy, titled, asked, loaded, charted = (
                    [result[n] for result in results] for n in range(5)
                )
                print(
                    f"{name:<22} server answers {statistics.median(healthy):4.2f} s, "
                    f"title {statistics.median(titled):4.2f} s, plotly code asked "
                    f"{statistics.median(asked):4.2f} s and loaded {statistics.median(loaded):4.2f}"
                    f" s, first chart median {statistics.median(charted):4.2f} s (min "
                    f"{min(charted):.2f}, max {max(charted):.2f})"
                    + (f", {statistics.median(charted) / bare:.2f}x the bare app" if bare else "")
                )
                bare = bare or statistics.median(charted)
            browser.close()


if __name__ == "__main__":
    main()
