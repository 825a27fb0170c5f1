"""The commands on a new report: normalise it, draft its figures, or add it to the curated data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ruraldash.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    data_options,
    lang_option,
    options,
    print_problems,
    problems_option,
    say,
    say_count,
)
from ruraldash.language.i18n import t

if TYPE_CHECKING:
    from ruraldash.draft.add import AddResult


def _normalise(args: argparse.Namespace) -> int:
    from ruraldash.language.textnorm import render_normalised

    try:
        text = args.report.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        say("cli_cannot_read", args.lang, stderr=True, report=args.report, error=error)
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
        say("cli_draft_inside_data", args.lang, stderr=True, out=args.out, data=args.data)
        return EXIT_USAGE
    try:
        text = args.report.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        say("cli_cannot_read", args.lang, stderr=True, report=args.report, error=error)
        return EXIT_USAGE
    catalogue, problems = load_catalogue(args.data, args.metrics)
    if catalogue is None:
        print_problems(problems, 0, args.lang)
        return EXIT_INVALID
    source = args.source or source_id_from_name(args.report.name)
    if not args.source:
        say("cli_draft_no_source", args.lang, stderr=True, source=source)
    if not args.region:
        say("cli_draft_no_region", args.lang, stderr=True)
    draft = draft_report(text, catalogue.metrics, source, args.region or "")
    sidecar = skipped_path(args.out, args.data)
    try:
        write_draft(draft, args.out, sidecar)
    except OSError as error:
        say("cli_cannot_write", args.lang, stderr=True, out=args.out, error=error)
        return EXIT_USAGE
    print(draft.summary().text(args.lang), file=sys.stderr)
    say("cli_wrote_two", args.lang, out=args.out, sidecar=sidecar)
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    """Add each report given, each all or nothing: one that fails leaves the others added."""
    from ruraldash.language.messages import message

    if len(args.report) > 1 and (args.source or args.title):
        print(message("add_one_report_options").text(args.lang), file=sys.stderr)
        return EXIT_USAGE
    failed = [report for report in args.report if not _add_one(args, report)]
    if len(args.report) > 1:
        added = len(args.report) - len(failed)
        total = len(args.report)
        print(f"\n{message('add_added_of', added=added, total=total).text(args.lang)}")
        for report in failed:
            print(message("add_not_added", report=report).text(args.lang), file=sys.stderr)
    return EXIT_USAGE if failed else EXIT_OK


def _add_one(args: argparse.Namespace, report: Path) -> bool:
    """Add one report (validated privately first, then moved in); True when it was added."""
    from ruraldash.draft.add import AddError, add_report

    try:
        result = add_report(
            report, args.data, args.metrics, args.source, args.region, args.date, args.title
        )
    except AddError as error:
        lang = args.lang
        say("cli_add_error", lang, stderr=True, report=report, error=error.text(lang))
        for detail in error.details:
            print(detail.text(lang), file=sys.stderr)
        if error.candidates:
            say("cli_add_candidates", lang, stderr=True)
            for candidate in error.candidate_texts(lang):
                print(f"  {candidate}", file=sys.stderr)
        return False
    _report_added(result, args.lang)
    return True


def _report_added(result: AddResult, lang: str) -> None:
    """Print what `add` wrote and what a curator should look at first, in `lang`."""
    say_count(
        "cli_add_added", result.figures, lang, source=result.source_id, figures=result.figures
    )
    say(
        "cli_add_region_new" if result.region_is_new else "cli_add_region_declared",
        lang,
        region=result.region_id,
        reason=result.region_reason.text(lang),
    )
    basis = t(f"date_basis_{result.date.basis}", lang)
    say("cli_add_date", lang, date=result.date.date, basis=basis, note=result.date.note_text(lang))
    if result.summary is not None:
        print(result.summary.text(lang))
    for path in result.written:
        say("cli_wrote", lang, path=path)
    say("cli_add_valid", lang)
    print()
    say_count("cli_add_checklist", len(result.checklist), lang, count=len(result.checklist))
    for item in result.checklist:
        print(f"  - {item.text(lang)}")
    if result.left_out:
        say("cli_add_left_out", lang, count=len(result.left_out))
        for figure in result.left_out:
            print(f"  - {figure.raw} ({figure.unit}): {figure.quote}")
    say("cli_add_review_hint", lang)


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add normalise, draft and add to the command line's commands."""
    normalise = commands.add_parser(
        "normalise",
        parents=[lang_option()],
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
        parents=[draft, read_only, lang_option()],
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
        parents=[add, data_options(), problems_option(), lang_option()],
        help="add a new report: recognise region and date, write its figures as unreviewed drafts",
    ).set_defaults(run=_add)
