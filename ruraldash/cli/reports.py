"""The commands on a new report: normalise it, draft its figures, or add it to the curated data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ruraldash.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    data_options,
    options,
    print_problems,
    problems_option,
)


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
        print_problems(problems, 0)
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
    """Add each report given, each all or nothing: one that fails leaves the others added."""
    from ruraldash.draft.messages import message

    if len(args.report) > 1 and (args.source or args.title):
        print(message("add_one_report_options"), file=sys.stderr)
        return EXIT_USAGE
    failed = [report for report in args.report if not _add_one(args, report)]
    if len(args.report) > 1:
        added = len(args.report) - len(failed)
        print(f"\n{message('add_added_of', added=added, total=len(args.report))}")
        for report in failed:
            print(message("add_not_added", report=report), file=sys.stderr)
    return EXIT_USAGE if failed else EXIT_OK


def _add_one(args: argparse.Namespace, report: Path) -> bool:
    """Add one report (validated privately first, then moved in); True when it was added."""
    from ruraldash.draft.add import AddError, add_report

    try:
        result = add_report(
            report, args.data, args.metrics, args.source, args.region, args.date, args.title
        )
    except AddError as error:
        print(f"{report}: {error}", file=sys.stderr)
        if error.candidates:
            print("candidates (pass one with --region):", file=sys.stderr)
            for candidate in error.candidates:
                print(f"  {candidate}", file=sys.stderr)
        return False
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
    return True


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add normalise, draft and add to the command line's commands."""
    normalise = commands.add_parser(
        "normalise",
        help="print a report in simplified characters, pinyin removed, furniture lines marked",
    )
    normalise.add_argument("report", type=Path, help="a report as UTF-8 text")
    normalise.set_defaults(run=_normalise)

    draft = options()
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
    read_only = data_options(
        "curated data folder, never written to without --into-data (default: %(default)s)",
        "metric catalogue folder whose keywords guess the metric (default: %(default)s)",
    )
    commands.add_parser(
        "draft",
        parents=[draft, read_only],
        help="draft a new report's figures in the curated schema, for review",
    ).set_defaults(run=_draft)

    add = options()
    add.add_argument(
        "report", type=Path, nargs="+", help="the report(s) as UTF-8 text, each added on its own"
    )
    add.add_argument("--source", help="source id (default: <region>_<year>)")
    add.add_argument(
        "--region", help="region id, or a unit's name or code (default: recognised from the text)"
    )
    add.add_argument("--date", help="the report's date, YYYY[-MM[-DD]] (default: from the text)")
    add.add_argument("--title", help="the report's title (default: its first line)")
    commands.add_parser(
        "add",
        parents=[add, data_options(), problems_option()],
        help="add a new report: recognise region and date, write its figures as unreviewed drafts",
    ).set_defaults(run=_add)
