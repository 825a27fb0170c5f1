"""Time a review save on a copy of the shipped data against validations of the same folder.

    python benchmarks/bench_review.py [--repeat 5]

The report of tests/support/review_report.py is added as drafts to a private copy of data/;
then, in turn, the folder is validated from scratch (nothing reused: the catalogue read and
its tables written anew, as every save did before it reused them), validated again (the
catalogue reused while its files are unchanged) and one draft is accepted with
draft.review.save (which validates with its new file standing in, then moves the file in).
The baseline is measured in the same run, so a busy machine slows both alike.
Target: a save under 1 s.
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

from ruraldash import caches, paths  # noqa: E402
from ruraldash.draft.review import records  # noqa: E402
from ruraldash.draft.review.decisions import Decision  # noqa: E402
from ruraldash.draft.review.save import figures_path, save  # noqa: E402
from ruraldash.store.build import validate  # noqa: E402
from tests.support.review_report import added_copy  # noqa: E402

TARGET_SECONDS = 1.0


def main() -> None:
    """Print the median save and validate times, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-review-") as folder:
        data_dir, result = added_copy(Path(folder))
        source = result.source_id
        files = len(list((data_dir / "figures").glob("*.csv")))
        path = figures_path(data_dir, source)
        afresh, validates, saves = [], [], []
        for number in range(1, args.repeat + 1):
            caches.CATALOGUES.clear()
            started = time.perf_counter()
            assert validate(data_dir, paths.METRICS_DIR).ok
            afresh.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert validate(data_dir, paths.METRICS_DIR).ok
            validates.append(time.perf_counter() - started)
            digest = records.read(path).digest
            started = time.perf_counter()
            save(
                data_dir,
                paths.METRICS_DIR,
                source,
                [Decision("accept", f"{source}-{number:03d}")],
                digest,
                "bench",
            )
            saves.append(time.perf_counter() - started)
    save_median, validate_median = statistics.median(saves), statistics.median(validates)
    afresh_median = statistics.median(afresh)
    print(f"figures files: {files} (the shipped ones and the added report's)")
    print(f"validate afresh (baseline): median {afresh_median:.3f} s over {args.repeat}")
    print(f"validate, catalogue reused: median {validate_median:.3f} s over {args.repeat}")
    print(
        f"save:                       median {save_median:.3f} s over {args.repeat} "
        f"(max {max(saves):.3f} s)"
    )
    print(f"save / validate afresh: {save_median / afresh_median:.2f}x")
    print(f"save / validate reused: {save_median / validate_median:.2f}x")
    verdict = "met" if save_median < TARGET_SECONDS else "NOT met"
    print(f"target: a save under {TARGET_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
