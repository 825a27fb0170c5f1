"""The commands on the curated data as a whole: validate, build, release and export."""

from __future__ import annotations

import argparse
from pathlib import Path

from ruraldash.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    built,
    data_options,
    db_option,
    lang_option,
    options,
    print_problems,
    print_warnings,
    problems_option,
    say,
    say_count,
)
from ruraldash.language.formatting import format_count


def _validate(args: argparse.Namespace) -> int:
    from ruraldash.store.build import validate

    result = validate(args.data, args.metrics)
    print_warnings(result.warnings, args.lang)
    if not result.ok:
        print_problems(result.problems, args.max_problems, args.lang)
        return EXIT_INVALID
    say(
        "cli_ok",
        args.lang,
        figures=format_count(result.figure_count),
        sources=format_count(len(result.catalogue.sources)),
        data=args.data,
    )
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from ruraldash.store.build import build

    result = built(args, build)
    if result is None:
        if args.db.is_file():
            say("cli_db_unchanged", args.lang, stderr=True, db=args.db)
        return EXIT_INVALID
    print_warnings(result.warnings, args.lang)
    figures = format_count(result.figure_count)
    say_count("cli_built", result.figure_count, args.lang, db=result.db_path, figures=figures)
    return EXIT_OK


def _release(args: argparse.Namespace) -> int:
    from ruraldash.store.release import manifest_path, write_release

    manifest = built(args, write_release)
    if manifest is None:
        if args.db.is_file():
            say("cli_release_unchanged", args.lang, stderr=True, db=args.db)
        return EXIT_INVALID
    say_count(
        "cli_released",
        manifest.counts["figures"],
        args.lang,
        db=args.db,
        figures=format_count(manifest.counts["figures"]),
        data=manifest.data_digest[:12],
        code=manifest.code_version,
        manifest=manifest_path(args.db),
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from ruraldash.store.db import connect
    from ruraldash.views.export.files import export_figures
    from ruraldash.views.export.regions import export_regions

    db_path = built(args)
    if db_path is None:
        return EXIT_INVALID
    with connect(db_path, drafts=args.include_drafts) as con:
        if args.what == "regions":
            count = export_regions(con, args.format, args.out, args.lang)
        else:
            count = export_figures(con, args.format, args.out, args.lang)
    if args.what == "regions":
        say_count("cli_wrote_regions", count, args.lang, count=count, out=args.out)
    else:
        say_count("cli_wrote_figures", count, args.lang, count=count, out=args.out)
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add validate, build, release and export to the command line's commands."""
    checked = [data_options(), problems_option(), lang_option()]
    written = [*checked, db_option()]
    exported = [data_options(), problems_option(), db_option()]
    validate = commands.add_parser(
        "validate", parents=checked, help="check every curated file, report all problems"
    )
    validate.set_defaults(run=_validate)

    build = commands.add_parser(
        "build", parents=written, help="validate, then write the DuckDB database atomically"
    )
    build.set_defaults(run=_build)

    release = commands.add_parser(
        "release",
        parents=written,
        help="build once for serving: the database and a manifest beside it",
    )
    release.set_defaults(run=_release)

    export = options()
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
        help="language of the XLSX sources and notes sheets and of the messages (default: zh)",
    )
    commands.add_parser(
        "export", parents=[export, *exported], help="export the dataset"
    ).set_defaults(run=_export)
