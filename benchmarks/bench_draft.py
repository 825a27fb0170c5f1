"""Drafting quality against the curated dataset, and drafting speed on a 10,000-character report.

    python benchmarks/bench_draft.py [--runs 15] [--chars 10000] [--details]

Quality, per report and overall: recall (curated figures the draft finds with the same value and
unit in the same quote or sentence), value accuracy (of the curated figures with a drafted number
in their quote, value, unit and qualifier right), precision (drafted rows that are curated
figures), and how often the guessed metric, the status and the period text agree with the
curators'. Targets: recall >= 90 %, values right >= 98 %.

Speed: the five reports concatenated and cut to --chars characters, drafted --runs times
(catalogue loaded once, outside the timing); the median against the 1 s budget.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ruraldash import paths  # noqa: E402
from ruraldash.draft.engine import draft_report  # noqa: E402
from ruraldash.draft.quality import Quality, measure, read_figures  # noqa: E402
from ruraldash.store.catalogue import load_catalogue  # noqa: E402

SOURCES_DIR = paths.DATA_DIR / "reports"
RECALL_TARGET, VALUE_TARGET, BUDGET_SECONDS = 0.90, 0.98, 1.0


def _line(name: str, quality: Quality) -> str:
    return (
        f"{name:<15} {quality.curated:>7} {quality.drafted:>7} {quality.recall:>7.1%} "
        f"{quality.value_accuracy:>7.1%} {quality.precision:>9.1%} "
        f"{quality.metric_accuracy:>7.1%} {quality.statuses_right / quality.found:>7.1%} "
        f"{quality.periods_right / quality.found:>7.1%}"
    )


def quality(details: bool) -> bool:
    """Print the quality table; return whether the targets are met."""
    catalogue, _ = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    print(
        f"{'report':<15} {'curated':>7} {'drafted':>7} {'recall':>7} {'values':>7} "
        f"{'precision':>9} {'metric':>7} {'status':>7} {'period':>7}"
    )
    total: Quality | None = None
    for source in catalogue.sources.values():
        text = (SOURCES_DIR / source.file).read_text(encoding="utf-8-sig")
        draft = draft_report(text, catalogue.metrics, source.id, source.region)
        curated = read_figures(paths.DATA_DIR / "figures" / f"{source.id}.csv")
        result = measure(draft, curated)
        print(_line(source.id, result))
        if details:
            print(
                f"    missed: {', '.join(result.missed) or '-'}; "
                f"wrong value: {', '.join(result.wrong) or '-'}"
            )
        total = result if total is None else total + result
    print(_line("overall", total))
    met = total.recall >= RECALL_TARGET and total.value_accuracy >= VALUE_TARGET
    print(
        f"targets (recall >= {RECALL_TARGET:.0%}, values >= {VALUE_TARGET:.0%}): "
        f"{'met' if met else 'NOT met'}"
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
        "--details",
        action="store_true",
        help="list the curated figures missed or drafted with a wrong value",
    )
    args = parser.parse_args()
    ok = quality(args.details)
    ok = speed(args.runs, args.chars) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
