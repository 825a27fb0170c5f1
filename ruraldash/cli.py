"""The command line: validate, build, release, export, briefing, normalise, draft, add."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ruraldash import paths
from ruraldash.store.problems import InvalidData, Problem

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_NO_BROWSER = 0, 1, 2, 3

EPILOG = """\
exit codes: 0 ok, 1 invalid data (each problem on stderr as path:line: column 'x': message),
2 usage error, 3 no Chromium to draw a briefing's PDF.

examples:
  python -m ruraldash validate
  python -m ruraldash build --db /tmp/rural.duckdb
  python -m ruraldash release --db /srv/ruraldash/ruraldash.duckdb
  python -m ruraldash export figures --format xlsx --out figures.xlsx --lang en
  python -m ruraldash briefing compare-regions --category funds --metric funds_invested --format pdf --out briefing.pdf
  python -m ruraldash export regions --format csv --out regions.csv
  python -m ruraldash briefing map --metric funds_invested --place 350000 --level county --format docx --out map.docx
  python -m ruraldash normalise data/reports/ningde_2021.txt
  python -m ruraldash draft data/reports/putian_2022.txt --source putian_2022 --region putian --out drafts/putian_2022.csv
  python -m ruraldash add new_report.txt --date 2023-07-26

report texts: data/reports/<source id>.txt (UTF-8), named by `file:` in data/sources.yaml.
"""  # noqa: E501 (an example stays on one line, so that it can be copied as it is)


def _print_problems(problems: list[Problem], limit: int) -> None:
    shown = problems if limit <= 0 else problems[:limit]
    for problem in shown:
        print(problem, file=sys.stderr)
    if len(shown) < len(problems):
        print(
            f"… {len(problems) - len(shown)} more problem(s) not shown "
            "(--max-problems 0 shows all)",
            file=sys.stderr,
        )
    print(f"{len(problems)} problem(s) found; nothing was built.", file=sys.stderr)


def _print_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    from ruraldash.store.build import validate

    result = validate(args.data, args.metrics)
    _print_warnings(result.warnings)
    if not result.ok:
        _print_problems(result.problems, args.max_problems)
        return EXIT_INVALID
    print(
        f"ok: {result.figure_count} figures from {len(result.catalogue.sources)} sources "
        f"in {args.data} are valid"
    )
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from ruraldash.store.build import build

    try:
        result = build(args.data, args.metrics, args.db)
    except InvalidData as error:
        _print_problems(error.problems, args.max_problems)
        if args.db.is_file():
            print(f"The previous database {args.db} is unchanged.", file=sys.stderr)
        return EXIT_INVALID
    _print_warnings(result.warnings)
    print(f"built {result.db_path} with {result.figure_count} figures")
    return EXIT_OK


def _release(args: argparse.Namespace) -> int:
    from ruraldash.store.release import manifest_path, write_release

    try:
        manifest = write_release(args.data, args.metrics, args.db)
    except InvalidData as error:
        _print_problems(error.problems, args.max_problems)
        if args.db.is_file():
            print(f"The served release {args.db} is unchanged.", file=sys.stderr)
        return EXIT_INVALID
    print(
        f"released {args.db} with {manifest.counts['figures']} figures "
        f"(data {manifest.data_digest[:12]}, code {manifest.code_version}); "
        f"manifest {manifest_path(args.db)}"
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from ruraldash.store.build import ensure_database
    from ruraldash.store.db import connect
    from ruraldash.views.export import export_figures
    from ruraldash.views.region_export import export_regions

    try:
        db_path = ensure_database(args.data, args.metrics, args.db)
    except InvalidData as error:
        _print_problems(error.problems, args.max_problems)
        return EXIT_INVALID
    with connect(db_path, drafts=args.include_drafts) as con:
        if args.what == "regions":
            count = export_regions(con, args.format, args.out, args.lang)
        else:
            count = export_figures(con, args.format, args.out, args.lang)
    print(f"wrote {count} {args.what} to {args.out}")
    return EXIT_OK


def _briefing_choices(con, args: argparse.Namespace) -> tuple[dict[str, object], str | None]:
    """Return the view's selection from the arguments, or why it is not one the data has."""
    from ruraldash.views import page_data

    if args.view == "compare-regions":
        choices = page_data.region_choices(con, args.lang)
        if args.category not in choices.categories:
            return (
                {},
                f"--category {args.category!r}: expected one of {', '.join(choices.categories)}",
            )
        metric = args.metric or choices.default_metrics[args.category]
        if metric not in choices.metrics[args.category]:
            known = ", ".join(choices.metrics[args.category])
            return {}, f"--metric {metric!r}: expected one of {known}"
        selection = {"category": args.category, "metric": metric, "per_capita": args.per_10k}
        return selection, None
    if args.view == "compare-programs":
        kinds = page_data.program_choices(con, args.lang)
        if args.type not in kinds:
            return {}, f"--type {args.type!r}: expected one of {', '.join(kinds)}"
        return {"kind": args.type}, None
    if args.view == "map":
        return _map_choices(con, args)
    reports = page_data.report_choices(con, args.lang)
    if args.report not in reports:
        return {}, f"--report {args.report!r}: expected one of {', '.join(reports)}"
    return {"report": args.report}, None


def _map_choices(con, args: argparse.Namespace) -> tuple[dict[str, object], str | None]:
    """Return the map's selection from the arguments, or why it is not one the data has."""
    from ruraldash.views import map_data

    choices = map_data.map_choices(con, args.lang)
    if args.metric not in choices.metrics:
        return {}, f"--metric {args.metric!r}: expected one of {', '.join(choices.metrics)}"
    if args.place not in choices.places:
        return {}, f"--place {args.place!r}: expected an admin code such as 350000, or china"
    levels, first = map_data.level_options(args.lang, args.place)
    level = args.level or first
    if level not in levels:
        return {}, f"--level {level!r}: expected one of {', '.join(levels)} under {args.place}"
    periods = map_data.period_options(con, args.lang, args.metric, args.status)
    if args.period not in periods:
        return {}, f"--period {args.period!r}: expected one of {', '.join(periods)}"
    selection = {
        "metric": args.metric,
        "status": args.status,
        "place": args.place,
        "level": level,
        "period": args.period,
    }
    return selection, None


def _briefing(args: argparse.Namespace) -> int:
    from ruraldash.store.build import ensure_database
    from ruraldash.store.db import connect
    from ruraldash.views import briefing_views, images
    from ruraldash.views.briefing_files import briefing_file

    try:
        db_path = ensure_database(args.data, args.metrics, args.db)
    except InvalidData as error:
        _print_problems(error.problems, args.max_problems)
        return EXIT_INVALID
    with connect(db_path) as con:
        selection, wrong = _briefing_choices(con, args)
        if wrong:
            print(f"briefing {args.view}: {wrong}", file=sys.stderr)
            return EXIT_USAGE
        try:
            images.start()
        except images.ImagesUnavailable as error:
            if args.format == "pdf":
                print(f"cannot make a PDF: {error}", file=sys.stderr)
                return EXIT_NO_BROWSER
            print(f"warning: the briefing has no chart: {error}", file=sys.stderr)
        view = briefing_views.VIEWS[args.view](con, args.lang, **selection)
        try:
            data = briefing_file(view, args.format)
        except images.ImagesUnavailable as error:  # Chromium gave up printing (a PDF only)
            print(f"cannot make a PDF: {error}", file=sys.stderr)
            return EXIT_NO_BROWSER
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
    except OSError as error:
        print(f"{args.out}: cannot write: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return EXIT_OK


def _normalise(args: argparse.Namespace) -> int:
    from ruraldash.language.textnorm import render_normalised

    try:
        text = args.report.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.report}: cannot read as UTF-8 text: {error}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(render_normalised(text))
    return EXIT_OK


def _draft(args: argparse.Namespace) -> int:
    from ruraldash.draft.engine import draft_report
    from ruraldash.draft.files import (
        is_inside,
        skipped_path,
        source_id_from_name,
        write_draft,
    )
    from ruraldash.store.catalogue import load_catalogue

    if is_inside(args.out, args.data) and not args.into_data:
        print(
            f"{args.out}: is inside the curated data folder {args.data}; a draft is reviewed "
            "before it goes there. Write it elsewhere, or pass --into-data.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        text = args.report.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.report}: cannot read as UTF-8 text: {error}", file=sys.stderr)
        return EXIT_USAGE
    catalogue, problems = load_catalogue(args.data, args.metrics)
    if catalogue is None:
        _print_problems(problems, 0)
        return EXIT_INVALID
    source = args.source or source_id_from_name(args.report.name)
    if not args.source:
        print(
            f"no --source: ids start with '{source}', from the report's file name", file=sys.stderr
        )
    if not args.region:
        print("no --region: the region column is left empty; fill it in", file=sys.stderr)
    draft = draft_report(text, catalogue.metrics, source, args.region or "")
    sidecar = skipped_path(args.out, args.data)
    try:
        write_draft(draft, args.out, sidecar)
    except OSError as error:
        print(f"{args.out}: cannot write: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(draft.summary(), file=sys.stderr)
    print(f"wrote {args.out} and {sidecar}")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from ruraldash.draft.add import AddError, add_report

    try:
        result = add_report(
            args.report, args.data, args.metrics, args.source, args.region, args.date, args.title
        )
    except AddError as error:
        print(f"{args.report}: {error}", file=sys.stderr)
        if error.candidates:
            print("candidates (pass one with --region):", file=sys.stderr)
            for candidate in error.candidates:
                print(f"  {candidate}", file=sys.stderr)
        return EXIT_USAGE
    new = "new region" if result.region_is_new else "declared region"
    print(f"added source {result.source_id}: {result.figures} draft figures (review=draft)")
    print(f"region: {result.region_id} ({new}; {result.region_reason})")
    print(f"date: {result.date.date} ({result.date.basis}) {result.date.note}")
    print(result.summary)
    for path in result.written:
        print(f"wrote {path}")
    print("validate: ok")
    print(f"\nreview checklist ({len(result.checklist)} rows to look at first):")
    for item in result.checklist:
        print(f"  - {item}")
    if result.left_out:
        print(f"not written ({len(result.left_out)}: no metric of the catalogue has their unit):")
        for figure in result.left_out:
            print(f"  - {figure.raw} ({figure.unit}): {figure.quote}")
    print("mark rows reviewed in the figures CSV once checked (see data/README.md)")
    return EXIT_OK


def _add_data_options(parser: argparse.ArgumentParser, db: bool = False) -> None:
    parser.add_argument(
        "--data",
        type=Path,
        default=paths.default_data_dir(),
        help="curated data folder laid out like data/ (default: %(default)s)",
    )
    parser.add_argument(
        "--metrics",
        type=Path,
        default=paths.default_metrics_dir(),
        help="metric catalogue folder (default: %(default)s)",
    )
    parser.add_argument(
        "--max-problems",
        type=int,
        default=200,
        metavar="N",
        help="print at most N problems, 0 for all (default: %(default)s)",
    )
    if db:
        parser.add_argument(
            "--db",
            type=Path,
            default=paths.default_db_path(),
            help="database file to write (default: %(default)s)",
        )


def make_parser() -> argparse.ArgumentParser:
    """Return the argument parser of `python -m ruraldash`."""
    parser = argparse.ArgumentParser(
        prog="python -m ruraldash",
        description="乡村振兴数据看板 Rural Revitalisation Dashboard: validate the curated data, "
        "build the database, export figures, read new reports.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every curated file, report all problems")
    _add_data_options(validate)
    validate.set_defaults(run=_validate)

    build = commands.add_parser("build", help="validate, then write the DuckDB database atomically")
    _add_data_options(build, db=True)
    build.set_defaults(run=_build)

    release = commands.add_parser(
        "release", help="build once for serving: the database and a manifest beside it"
    )
    _add_data_options(release, db=True)
    release.set_defaults(run=_release)

    export = commands.add_parser("export", help="export the dataset")
    export.add_argument(
        "what",
        choices=["figures", "regions"],
        help="what to export: the flat figures table, or the regions with level, code, parent",
    )
    export.add_argument("--format", required=True, choices=["csv", "xlsx"])
    export.add_argument(
        "--include-drafts",
        action="store_true",
        help="also export unreviewed drafts (review=draft), their labels marked",
    )
    export.add_argument("--out", required=True, type=Path, help="file to write")
    export.add_argument(
        "--lang",
        choices=["zh", "en"],
        default="zh",
        help="language of the XLSX sources and notes sheets (default: zh)",
    )
    _add_data_options(export, db=True)
    export.set_defaults(run=_export)

    briefing = commands.add_parser(
        "briefing", help="write a page's one-page briefing (简报) as DOCX or PDF"
    )
    views = briefing.add_subparsers(dest="view", required=True, metavar="VIEW")
    regions = views.add_parser("compare-regions", help="one metric (or a category) across regions")
    regions.add_argument("--category", required=True, help="category id, e.g. funds")
    regions.add_argument(
        "--metric", help="metric id, or 'all' for the whole category (default: the widest one)"
    )
    regions.add_argument("--per-10k", action="store_true", help="per 10,000 residents")
    programs = views.add_parser("compare-programs", help="one kind of program across regions")
    programs.add_argument("--type", required=True, help="program type id, e.g. mentoring")
    profile = views.add_parser("region-profile", help="everything one report states")
    profile.add_argument("--report", required=True, help="source id, e.g. putian_2022")
    on_map = views.add_parser("map", help="one metric over the units under a place, as a map")
    on_map.add_argument("--metric", required=True, help="metric id, e.g. funds_invested")
    on_map.add_argument(
        "--place", default="china", help="admin code of the place, e.g. 350000 (default: china)"
    )
    on_map.add_argument(
        "--level",
        choices=["province", "prefecture", "county"],
        help="level of the units drawn (default: the one the page starts from)",
    )
    on_map.add_argument("--status", choices=["actual", "plan"], default="actual")
    on_map.add_argument(
        "--period", default="all", help="a year the periods end in, or all (default: all)"
    )
    for view in (regions, programs, profile, on_map):
        view.add_argument("--format", required=True, choices=["docx", "pdf"])
        view.add_argument("--out", required=True, type=Path, help="file to write")
        view.add_argument(
            "--lang", choices=["zh", "en"], default="zh", help="language (default: zh)"
        )
        _add_data_options(view, db=True)
        view.set_defaults(run=_briefing)

    normalise = commands.add_parser(
        "normalise",
        help="print a report in simplified characters, pinyin removed, furniture lines marked",
    )
    normalise.add_argument("report", type=Path, help="a report as UTF-8 text")
    normalise.set_defaults(run=_normalise)

    draft = commands.add_parser(
        "draft", help="draft a new report's figures in the curated schema, for review"
    )
    draft.add_argument("report", type=Path, help="a report as UTF-8 text")
    draft.add_argument(
        "--out",
        required=True,
        type=Path,
        help="CSV to write (UTF-8 with BOM); skipped numerals go beside it in <stem>.skipped.csv",
    )
    draft.add_argument(
        "--source", help="source id for the figure ids (default: from the report's file name)"
    )
    draft.add_argument("--region", help="region id of the report (default: left empty)")
    draft.add_argument(
        "--into-data", action="store_true", help="allow --out inside the curated data folder"
    )
    draft.add_argument(
        "--data",
        type=Path,
        default=paths.default_data_dir(),
        help="curated data folder, never written to without --into-data (default: %(default)s)",
    )
    draft.add_argument(
        "--metrics",
        type=Path,
        default=paths.default_metrics_dir(),
        help="metric catalogue folder whose keywords guess the metric (default: %(default)s)",
    )
    draft.set_defaults(run=_draft)

    add = commands.add_parser(
        "add",
        help="add a new report: recognise region and date, write its figures as unreviewed drafts",
    )
    add.add_argument("report", type=Path, help="the report as UTF-8 text")
    add.add_argument("--source", help="source id (default: <region>_<year>)")
    add.add_argument(
        "--region", help="region id, or a unit's name or code (default: recognised from the text)"
    )
    add.add_argument("--date", help="the report's date, YYYY[-MM[-DD]] (default: from the text)")
    add.add_argument("--title", help="the report's title (default: its first line)")
    _add_data_options(add)
    add.set_defaults(run=_add)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = make_parser().parse_args(argv)
    return args.run(args)
