"""Validate + build a national-scale synthetic dataset, against DuckDB's bare read of the CSVs.

    python benchmarks/bench_build.py [--counties 2850] [--metrics 40] [--years 10] [--keep DIR]

Each step runs in its own process, so wall time includes start-up and peak memory is that
process's own maximum resident set. Target: build (which validates) within 3x the bare read,
peak memory under 1.5 GB.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ruraldash.store.figure_files import CSV_COLUMNS  # noqa: E402

UNITS = ("yuan", "person", "person_time", "count", "session", "household", "village", "mu")
QUALIFIERS = ("exact", "more_than", "nearly", "about", "at_least")


def generate(root: Path, counties: int, metrics: int, years: int) -> int:
    """Write data/ and metrics/ for `counties` regions, one report each; return the row count."""
    data, catalogue = root / "data", root / "metrics"
    (data / "figures").mkdir(parents=True)
    catalogue.mkdir()
    for name in ("units.yaml", "program_types.yaml"):
        shutil.copy(REPO / "metrics" / name, catalogue / name)
    metric_lines = [
        "categories:",
        "  - {id: synthetic, name_zh: 合成, name_en: Synthetic}",
        "metrics:",
    ]
    for m in range(metrics):
        metric_lines.append(
            f"  - {{id: metric_{m:02d}, name_zh: 指标{m}, name_en: Metric {m}, "
            f"category: synthetic, unit: {UNITS[m % len(UNITS)]}, description_zh: 合成指标, "
            f"description_en: synthetic, comparable: true, summable: true}}"
        )
    (catalogue / "metrics.yaml").write_text("\n".join(metric_lines) + "\n", encoding="utf-8")

    regions = ["regions:"]
    sources = ["sources:"]
    programs = ["programs:"]
    rows = 0
    for c in range(counties):
        region = f"county_{c:04d}"
        regions.append(
            f"  - {{id: {region}, name_zh: 县{c}, name_en: County {c}, level: county, "
            f"province_zh: 省{c % 31}, province_en: Province {c % 31}, "
            f"admin_code: '{100000 + c}'}}"
        )
        sources.append(
            f"  - {{id: {region}_report, region: {region}, file: {region}.txt, "
            f"title_zh: 县{c}报告, title_en: Report {c}, date: '2021', date_basis: inferred, "
            f"date_note_en: synthetic}}"
        )
        programs.append(
            f"  - {{id: {region}_program, name_zh: 项目{c}, name_en: Program {c}, "
            f"region: {region}, source: {region}_report, type: training, "
            f"description_zh: 合成, description_en: synthetic}}"
        )
        with (data / "figures" / f"{region}_report.csv").open(
            "w", newline="", encoding="utf-8"
        ) as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for m in range(metrics):
                for y in range(years):
                    year = 2012 + y
                    value = (c * 7919 + m * 104729 + y * 1299709) % 1_000_000
                    writer.writerow(
                        (
                            f"{region}_report-{m * years + y + 1:03d}",
                            region,
                            "",
                            f"metric_{m:02d}",
                            f"合成标签{m}",
                            f"{region}_program" if m % 5 == 0 else "",
                            value,
                            UNITS[m % len(UNITS)],
                            QUALIFIERS[(c + m + y) % 5],
                            "plan" if y == years - 1 else "actual",
                            f"{year}年",
                            f"{year}-01-01",
                            f"{year}-12-31",
                            f"{year}年指标{m}达到{value}",
                            "",
                            "",
                            "reviewed",
                        )
                    )
                    rows += 1
    (data / "regions.yaml").write_text("\n".join(regions) + "\n", encoding="utf-8")
    (data / "sources.yaml").write_text("\n".join(sources) + "\n", encoding="utf-8")
    (data / "programs.yaml").write_text("\n".join(programs) + "\n", encoding="utf-8")
    return rows


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
    expected = f"{target.name}:{line}: column 'unit': 'ren' is not a unit"
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
    size = sum(p.stat().st_size for p in (root / "data" / "figures").glob("*.csv"))
    print(
        f"generated {rows:,} figures in {args.counties:,} files "
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
