"""Export 200,000 figures as CSV and as XLSX: time and peak memory, XLSX against CSV.

    python benchmarks/bench_export.py [--counties 500] [--metrics 40] [--years 10]

The synthetic dataset is bench_build's (counties x metrics x years figures). Each export runs
`python -m ruraldash export figures` in its own process, so wall time includes start-up and
reading the database, and peak memory is that process's maximum resident set. The XLSX export
is streamed (xlsxwriter's constant-memory mode): its memory should stay near the CSV export's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_build import generate  # noqa: E402


def measure(argv: list[str]) -> tuple[float, float, float]:
    """Run a child process; return its wall seconds, CPU seconds and peak resident MB.

    CPU time is reported beside wall time because a shared machine stretches wall time.
    """
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    _, err = process.communicate()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err.decode()[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counties", type=int, default=500)
    parser.add_argument("--metrics", type=int, default=40)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="ruraldash-bench-export-"))
    try:
        rows = generate(root, args.counties, args.metrics, args.years)
        command = [sys.executable, "-m", "ruraldash"]
        options = ["--data", str(root / "data"), "--metrics", str(root / "metrics")]
        db = root / "bench.duckdb"
        subprocess.run([*command, "build", *options, "--db", str(db)], check=True)
        print(f"{rows:,} figures built into {db.name}")
        results = {}
        for fmt in ("csv", "xlsx", "csv", "xlsx"):  # the second round runs warm
            out = root / f"figures.{fmt}"
            argv = [*command, "export", "figures", *options, "--db", str(db)]
            results[fmt] = measure([*argv, "--format", fmt, "--out", str(out)])
        wall, cpu, memory = results["csv"]
        print(f"CSV export:  {wall:6.2f} s wall  {cpu:6.2f} s CPU   peak {memory:6.0f} MB")
        x_wall, x_cpu, x_memory = results["xlsx"]
        print(f"XLSX export: {x_wall:6.2f} s wall  {x_cpu:6.2f} s CPU   peak {x_memory:6.0f} MB")
        print(
            f"XLSX against CSV: wall {x_wall / wall:.2f}x, CPU {x_cpu / cpu:.2f}x, "
            f"peak memory {x_memory / memory:.2f}x"
        )
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
