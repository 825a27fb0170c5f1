"""Export 200,000 figures as CSV and as XLSX: time and peak memory, XLSX against CSV.

    python benchmarks/bench_export.py [--counties 500] [--metrics 40] [--years 10]

The synthetic dataset is bench_build's (counties x metrics x years figures). Each export runs
`python -m ruraldash export figures` in its own process, so wall time includes start-up and
reading the database, and peak memory is that process's maximum resident set. The XLSX export
is streamed (xlsxwriter's constant-memory mode): its memory should stay near the CSV export's.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import generate, measure


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
            seconds, memory = measure(
                [
                    *command,
                    "export",
                    "figures",
                    *options,
                    "--db",
                    str(db),
                    "--format",
                    fmt,
                    "--out",
                    str(out),
                ]
            )
            results[fmt] = (seconds, memory, out.stat().st_size)
        (csv_s, csv_mb, csv_size), (xlsx_s, xlsx_mb, xlsx_size) = results["csv"], results["xlsx"]
        print(
            f"CSV export:  {csv_s:6.2f} s   peak {csv_mb:6.0f} MB   {csv_size / 1e6:5.1f} MB file"
        )
        print(
            f"XLSX export: {xlsx_s:6.2f} s   peak {xlsx_mb:6.0f} MB   "
            f"{xlsx_size / 1e6:5.1f} MB file   "
            f"time {xlsx_s / csv_s:.2f}x CSV, memory {xlsx_mb / csv_mb:.2f}x CSV"
        )
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
