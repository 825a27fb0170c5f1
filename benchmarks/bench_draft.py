"""Drafting quality on the curated reports and on unseen texts; drafting and `add` speed.

    python benchmarks/bench_draft.py [--runs 15] [--chars 10000] [--add-runs 3] [--details]

Quality, per report and overall: recall (curated figures the draft finds with the same value and
unit in the same quote or sentence); of the curated figures with a drafted number in their quote,
how many have the value, the unit and the qualifier right; of the figures found, how often the
status (actual/plan), the guessed metric (figures with a catalogue metric only) and the period
text agree with the labels; precision (drafted rows that are labelled figures). Per set, how
many wrong metric guesses the review queue flags as uncertain (confidence below UNSURE_BELOW)
and how many right guesses it flags too (false alarms).

Three sets: the five curated reports (the drafting was developed on them; targets recall >= 90 %,
value+unit+qualifier >= 98 %); benchmarks/unseen/ (five synthetic texts labelled before the
drafting was changed for issue #14, whose misses were then read while fixing general classes);
benchmarks/holdout/ (two texts labelled before any further tuning, never drafted until this
benchmark); benchmarks/fresh/ (four texts written before the #24 changes, never tuned on).
Targets on unseen text: recall >= 98 %, values >= 99 %, units >= 98 %, plan >= 98 %,
metric >= 90 % (issue #24).

Speed: the five reports concatenated and cut to --chars characters, drafted --runs times
(catalogue loaded once, outside the timing), against the 1 s budget; and `add` (region, date,
draft, validation of a private copy, files moved in) on each report and on the --chars report,
each into a fresh copy of data/ (made outside the timing), median of --add-runs, against 2 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ruraldash import paths  # noqa: E402
from ruraldash.draft.engine import draft_report  # noqa: E402
from ruraldash.draft.metric_guess import UNSURE_BELOW  # noqa: E402
from ruraldash.draft.quality import Quality, measure, read_figures  # noqa: E402
from ruraldash.store.catalogue import load_catalogue  # noqa: E402

SOURCES_DIR = paths.DATA_DIR / "reports"
UNSEEN_DIR = REPO / "benchmarks" / "unseen"
HOLDOUT_DIR = REPO / "benchmarks" / "holdout"
FRESH_DIR = REPO / "benchmarks" / "fresh"
RECALL_TARGET, VALUE_TARGET, BUDGET_SECONDS = 0.90, 0.98, 1.0
ADD_BUDGET_SECONDS = 2.0
# On texts the drafting was not tuned on (issue #14).
UNSEEN_TARGETS = {"recall": 0.98, "values": 0.99, "units": 0.98, "plan": 0.98, "metric": 0.90}

COLUMNS = (
    ("curated", "{:>7}", lambda q: q.curated),
    ("drafted", "{:>7}", lambda q: q.drafted),
    ("recall", "{:>7.1%}", lambda q: q.recall),
    ("values", "{:>7.1%}", lambda q: q.share("numbers_right", "placed")),
    ("units", "{:>7.1%}", lambda q: q.share("units_right", "placed")),
    ("qualif", "{:>7.1%}", lambda q: q.share("qualifiers_right", "placed")),
    ("plan", "{:>7.1%}", lambda q: q.share("statuses_right", "found")),
    ("metric", "{:>7.1%}", lambda q: q.metric_accuracy),
    ("period", "{:>7.1%}", lambda q: q.share("periods_right", "found")),
    ("precision", "{:>9.1%}", lambda q: q.precision),
)


def _header() -> str:
    return f"{'report':<15} " + " ".join(
        f"{name:>{9 if name == 'precision' else 7}}" for name, _, _ in COLUMNS
    )


def _line(name: str, quality: Quality) -> str:
    return f"{name:<15} " + " ".join(form.format(get(quality)) for _, form, get in COLUMNS)


def _print(name: str, result: Quality, details: bool) -> None:
    print(_line(name, result))
    if details:
        print(
            f"    missed: {', '.join(result.missed) or '-'}; "
            f"wrong value, unit or qualifier: {', '.join(result.wrong) or '-'}"
        )


def _print_flags(total: Quality) -> None:
    """Print how many wrong metric guesses the review queue flags, and how many right ones."""
    right = total.metrics_right
    print(
        f"metric flags (confidence < {UNSURE_BELOW}): wrong guesses flagged "
        f"{total.wrong_flagged} of {total.metrics_wrong}; right guesses flagged (false alarms) "
        f"{total.right_flagged} of {right}"
    )


def quality(details: bool) -> bool:
    """Print the quality table on the five curated reports; return whether the targets are met."""
    catalogue, _ = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    print("The five curated reports (the drafting was developed on these):")
    print(_header())
    total: Quality | None = None
    for source in catalogue.sources.values():
        text = (SOURCES_DIR / source.file).read_text(encoding="utf-8-sig")
        draft = draft_report(text, catalogue.metrics, source.id, source.region)
        result = measure(draft, read_figures(paths.DATA_DIR / "figures" / f"{source.id}.csv"))
        _print(source.id, result, details)
        total = result if total is None else total + result
    print(_line("overall", total))
    _print_flags(total)
    met = total.recall >= RECALL_TARGET and total.value_accuracy >= VALUE_TARGET
    print(
        f"targets (recall >= {RECALL_TARGET:.0%}, value+unit+qualifier >= {VALUE_TARGET:.0%}): "
        f"{'met' if met else 'NOT met'}"
    )
    return met


def unseen_quality(details: bool, folder: Path, title: str) -> bool:
    """Print the quality table on the texts of `folder`; return whether the targets are met."""
    catalogue, _ = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    print(f"\n{title}:")
    print(_header())
    total: Quality | None = None
    for path in sorted(folder.glob("*.txt")):
        draft = draft_report(path.read_text(encoding="utf-8"), catalogue.metrics, path.stem)
        result = measure(draft, read_figures(path.with_suffix(".csv")))
        _print(path.stem, result, details)
        total = result if total is None else total + result
    print(_line("overall", total))
    _print_flags(total)
    reached = {
        "recall": total.recall,
        "values": total.share("numbers_right", "placed"),
        "units": total.share("units_right", "placed"),
        "plan": total.share("statuses_right", "found"),
        "metric": total.metric_accuracy,
    }
    met = all(reached[name] >= target for name, target in UNSEEN_TARGETS.items())
    print(
        "targets ("
        + ", ".join(f"{name} >= {target:.0%}" for name, target in UNSEEN_TARGETS.items())
        + f"): {'met' if met else 'NOT met'}"
    )
    return met


def speed(runs: int, chars: int) -> bool:
    """Print the median drafting time of a `chars`-character report; True within budget."""
    catalogue, _ = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    reports = [path.read_text(encoding="utf-8-sig") for path in sorted(SOURCES_DIR.glob("*.txt"))]
    text = "\n".join(reports)
    while len(text) < chars:
        text += "\n" + text
    text = text[:chars]
    draft_report(text, catalogue.metrics)  # warm up: OpenCC's dictionaries load once
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        draft = draft_report(text, catalogue.metrics)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(
        f"\ndrafting {len(text):,} characters ({len(draft.figures)} figures, "
        f"{len(draft.skipped)} skipped numerals), {runs} runs: median {median * 1000:.1f} ms, "
        f"min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms; "
        f"{median / BUDGET_SECONDS:.3f} x the {BUDGET_SECONDS:.0f} s budget"
    )
    return median <= BUDGET_SECONDS


def _fresh_data(folder: Path) -> Path:
    """A copy of data/ in `folder` whose reports folder is a private copy too."""
    data = folder / "data"
    shutil.copytree(paths.DATA_DIR, data)
    reports = folder / "reports"
    reports.mkdir()
    for path in SOURCES_DIR.glob("*.txt"):
        shutil.copy(path, reports / path.name)
    sources = data / "sources.yaml"
    text = re.sub(r"(?m)^reports_dir:.*$", f"reports_dir: {reports}", sources.read_text("utf-8"))
    sources.write_text(text, encoding="utf-8")
    return data


def add_speed(runs: int, chars: int) -> bool:
    """Print the median time of `add` per report; True when every one is within the budget."""
    from ruraldash.draft.add import add_report

    catalogue, _ = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    # The seed reports go in again under new ids; their curated region and date are given, as
    # two of them state no year at all. The unseen texts are recognised from their words.
    cases: list[tuple[str, str, str | None, str | None]] = [
        (source.id, (SOURCES_DIR / source.file).read_text("utf-8-sig"), source.region, source.date)
        for source in catalogue.sources.values()
    ]
    cases += [
        (path.stem, path.read_text("utf-8"), None, None)
        for path in sorted(UNSEEN_DIR.glob("*.txt"))
    ]
    text = "\n".join(case[1] for case in cases[:5])
    while len(text) < chars:
        text += "\n" + text
    cases.append((f"{chars:,} chars", text[:chars], "ningde", "2021"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"\n`add` into a fresh copy of data/, median of {runs} (budget {ADD_BUDGET_SECONDS:.0f} s; "
        f"load average {load:.1f} on {os.cpu_count()} CPUs when it started):"
    )
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        warm = _fresh_data(Path(folder) / "warm")
        report = Path(folder) / "warm.txt"
        report.write_text(cases[5][1], encoding="utf-8")
        # Imports, OpenCC's dictionaries, the national list and pypinyin load once, outside.
        add_report(report, warm, paths.METRICS_DIR, source="warm_up")
        for number, (name, body, region, date) in enumerate(cases):
            times, cpu = [], []
            for run in range(runs):
                data = _fresh_data(Path(folder) / f"case{number}_{run}")
                report = Path(folder) / f"case{number}_{run}.txt"
                report.write_text(body, encoding="utf-8")
                started, started_cpu = time.perf_counter(), time.process_time()
                result = add_report(
                    report,
                    data,
                    paths.METRICS_DIR,
                    source=f"bench_{number}",
                    region=region,
                    date=date,
                )
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            median = statistics.median(times)
            worst = max(worst, median)
            print(
                f"  {name:<15} {len(body):>6,} chars {result.figures:>4} figures "
                f"{median * 1000:>7.0f} ms wall ({statistics.median(cpu) * 1000:>5.0f} ms CPU)  "
                f"{median / ADD_BUDGET_SECONDS:.2f} x budget"
            )
    return worst <= ADD_BUDGET_SECONDS


def main() -> int:
    """Run both measurements; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs (default: %(default)s)")
    parser.add_argument(
        "--chars",
        type=int,
        default=10_000,
        help="length of the timed report (default: %(default)s)",
    )
    parser.add_argument(
        "--add-runs", type=int, default=3, help="timed `add` runs per report (default: %(default)s)"
    )
    parser.add_argument(
        "--details",
        action="store_true",
        help="list the curated figures missed or drafted with a wrong value",
    )
    args = parser.parse_args()
    ok = quality(args.details)
    ok = (
        unseen_quality(
            args.details,
            UNSEEN_DIR,
            "Unseen texts (benchmarks/unseen/: labelled before the #14 changes; their misses were "
            "read while fixing)",
        )
        and ok
    )
    ok = (
        unseen_quality(
            args.details,
            HOLDOUT_DIR,
            "Held-out texts (benchmarks/holdout/: labelled before further tuning, never tuned on)",
        )
        and ok
    )
    ok = (
        unseen_quality(
            args.details,
            FRESH_DIR,
            "Fresh texts (benchmarks/fresh/: written and labelled before the #24 changes, never "
            "tuned on)",
        )
        and ok
    )
    ok = add_speed(args.add_runs, args.chars) and ok
    ok = speed(args.runs, args.chars) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
