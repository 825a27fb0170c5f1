"""Validate + build a national-scale synthetic dataset, against DuckDB's bare read of the CSVs.

The dataset is benchmarks/national.py's: the country's real hierarchy, synthetic figures.

    python benchmarks/bench_build.py [--counties 2850] [--metrics 40] [--years 10] [--keep DIR]

Each step runs in its own process, so wall time includes start-up and peak memory is that
process's own maximum resident set. Target: build (which validates) within 3x the bare read,
peak memory under 1.5 GB.
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
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "benchmarks"))

from national import generate  # noqa: E402


def measure(argv: list[str]) -> tuple[float, float]:
    """Run a child process; return its wall seconds and peak resident memory in MB."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    out, err = process.communicate()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err.decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


BARE_READ = """
import sys, duckdb
con = duckdb.connect()
con.execute("CREATE TABLE t AS SELECT * FROM read_csv($glob)", {"glob": sys.argv[1]})
print(con.execute("SELECT count(*) FROM t").fetchone()[0])
"""


def check_location(root: Path, command: list[str], options: list[str]) -> None:
    """Plant one bad unit deep in one file; validation must name that exact file and line."""
    files = sorted((root / "data" / "figures").glob("*.csv"))
    target = files[len(files) * 2 // 3]
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    line = len(lines) * 3 // 4
    cells = lines[line - 1].split(",")
    cells[7] = "ren"
    lines[line - 1] = ",".join(cells)
    target.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run(
        [*command, "validate", *options], cwd=REPO, capture_output=True, text=True, check=False
    )
    expected = f"{target.name}:{line}: 列 'unit'：'ren' 不是单位"
    found = result.returncode == 1 and expected in result.stderr
    print(f"planted error at {target.name}:{line} -> {'located' if found else 'NOT LOCATED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counties", type=int, default=2850)
    parser.add_argument("--metrics", type=int, default=40)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="ruraldash-bench-"))
    if root.exists() and any(root.iterdir()):
        shutil.rmtree(root)
    started = time.perf_counter()
    rows = generate(root, args.counties, args.metrics, args.years)
    counties = len(list((root / "data" / "figures").glob("*.csv")))
    size = sum(p.stat().st_size for p in (root / "data" / "figures").glob("*.csv"))
    print(
        f"generated {rows:,} figures in {counties:,} files "
        f"({size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s"
    )

    python = sys.executable
    glob = str(root / "data" / "figures" / "*.csv")
    db = root / "bench.duckdb"
    command = [python, "-m", "ruraldash"]
    options = ["--data", str(root / "data"), "--metrics", str(root / "metrics")]
    # Warm the page cache once so that neither side pays for the first disk read.
    measure([python, "-c", BARE_READ, glob])
    bare, bare_memory = measure([python, "-c", BARE_READ, glob])
    validate, validate_memory = measure([*command, "validate", *options])
    build, build_memory = measure([*command, "build", *options, "--db", str(db)])
    print(f"bare DuckDB read:   {bare:6.2f} s   peak {bare_memory:7.0f} MB")
    print(
        f"validate:           {validate:6.2f} s   peak {validate_memory:7.0f} MB   "
        f"ratio {validate / bare:.2f}x"
    )
    print(
        f"build (validates):  {build:6.2f} s   peak {build_memory:7.0f} MB   "
        f"ratio {build / bare:.2f}x"
    )
    verdict = "meets" if build / bare <= 3 and build_memory < 1536 else "MISSES"
    print(f"target: build within 3x the bare read and under 1536 MB -> {verdict}")
    check_location(root, command, options)
    if not args.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
