"""How long a briefing (简报) takes: first in a process, and warm, as DOCX and as PDF.

    python benchmarks/bench_briefing.py [--runs 5] [--category funds] [--metric funds_invested]
    python benchmarks/bench_briefing.py --map [--metric funds_invested] [--place china]
        [--level prefecture]

--map times the map page's briefing (its map drawn at print size) and its PNG download.

First: a fresh process's first DOCX (it starts Chromium and draws the chart), then its first
PDF. Warm: each further briefing with its chart drawn afresh (a new selection), and with the
chart already drawn (the DOCX and the PDF of one selection share it). The view itself (the
page's results, cached by the app) is made once outside the timing. Every time is printed as a
ratio against a baseline measured in the same run: a bare python-docx document holding one
table of the same size. Target: a warm briefing within 3 s.

RURALDASH_DATA, RURALDASH_METRICS and RURALDASH_DB select another folder, e.g. a national one
written by benchmarks/national.py.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docx import Document  # noqa: E402

from ruraldash import paths  # noqa: E402
from ruraldash.store.build import ensure_database  # noqa: E402
from ruraldash.store.db import connect  # noqa: E402
from ruraldash.views.briefing import images  # noqa: E402
from ruraldash.views.briefing import pages as briefing_pages  # noqa: E402
from ruraldash.views.briefing import view as briefing_view  # noqa: E402
from ruraldash.views.briefing.files import briefing_file  # noqa: E402
from ruraldash.views.maps import choropleth  # noqa: E402
from ruraldash.views.pages import map as map_page  # noqa: E402

BUDGET_SECONDS = 3.0


def _timed(make) -> float:
    started = time.perf_counter()
    make()
    return time.perf_counter() - started


def bare_docx(made: briefing_view.Briefing) -> bytes:
    """The baseline: a python-docx document with one table as large as the briefing's."""
    document = Document()
    table = document.add_table(rows=1 + len(made.rows), cols=len(made.headers))
    for cell, header in zip(table.rows[0].cells, made.headers, strict=True):
        cell.text = header
    for row, values in zip(table.rows[1:], made.rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> int:
    """Print first and warm briefing times against the baseline; return 1 if over budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--category", default="funds")
    parser.add_argument("--metric", default="funds_invested")
    parser.add_argument("--map", action="store_true", help="the map page's briefing and PNG")
    parser.add_argument("--place", default="china", help="with --map: the place's admin code")
    parser.add_argument("--level", help="with --map: the units' level (default: the page's)")
    args = parser.parse_args()

    db = ensure_database(
        paths.default_data_dir(), paths.default_metrics_dir(), paths.default_db_path()
    )
    shown = None
    with connect(db) as con:
        if args.map:
            level = args.level or map_page.level_options("zh", args.place)[1]
            selection = (args.metric, "actual", args.place, level)
            shown = map_page.map_view(con, "zh", *selection)  # the page's cached result
            view = briefing_pages.map_briefing(shown, "zh", *selection)
        else:
            view = briefing_pages.compare(con, "zh", metric=args.metric)
    made = briefing_view.make_briefing(view)
    baseline = statistics.median(_timed(lambda: bare_docx(made)) for _ in range(args.runs))

    rows: list[tuple[str, float]] = [
        ("first DOCX (starts Chromium)", _timed(lambda: briefing_file(view, "docx"))),
    ]
    images.forget_charts()
    rows.append(("first PDF (chart drawn afresh)", _timed(lambda: briefing_file(view, "pdf"))))
    for fmt in ("docx", "pdf"):
        fresh = []
        for _ in range(args.runs):
            images.forget_charts()
            fresh.append(_timed(lambda fmt=fmt: briefing_file(view, fmt)))
        kept = [_timed(lambda fmt=fmt: briefing_file(view, fmt)) for _ in range(args.runs)]
        rows.append((f"warm {fmt.upper()}, chart drawn afresh", statistics.median(fresh)))
        rows.append((f"warm {fmt.upper()}, chart already drawn", statistics.median(kept)))
    if shown is not None:
        # The page's "download image" button: the map as it is, at twice its pixels.
        def png() -> bytes:
            return images.chart_png(shown.figure, choropleth.ASSUMED_WIDTH, choropleth.HEIGHT, 2)

        fresh = []
        for _ in range(args.runs):
            images.forget_charts()
            fresh.append(_timed(png))
        rows.append(("warm map PNG, drawn afresh", statistics.median(fresh)))

    print(f"briefing: {made.title} ({len(made.rows)} rows, {len(made.clauses)} clauses)")
    print(
        f"baseline: bare python-docx with one {len(made.rows) + 1}×{len(made.headers)} table "
        f"{baseline * 1000:.1f} ms (median of {args.runs})"
    )
    print(f"{'':<36} {'seconds':>8} {'× baseline':>11} {'of 3 s':>7}")
    for name, seconds in rows:
        print(
            f"{name:<36} {seconds:>8.2f} {seconds / baseline:>11.0f} "
            f"{seconds / BUDGET_SECONDS:>7.0%}"
        )
    warm = [seconds for name, seconds in rows if name.startswith("warm")]
    within = max(warm) <= BUDGET_SECONDS
    print(f"warm briefings within {BUDGET_SECONDS:.0f} s: {'yes' if within else 'NO'}")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
