"""The briefing command: a page's one-page briefing (简报) as DOCX or PDF, without the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ruraldash.cli.common import (
    EXIT_INVALID,
    EXIT_NO_BROWSER,
    EXIT_OK,
    EXIT_USAGE,
    built,
    data_options,
    db_option,
    options,
    problems_option,
)


def _briefing_choices(con, args: argparse.Namespace) -> tuple[dict[str, object], str | None]:
    """Return the view's selection from the arguments, or why it is not one the data has."""
    from ruraldash.views.pages import compare_programs, compare_regions, region_profile

    if args.view == "compare-regions":
        choices = compare_regions.region_choices(con, args.lang)
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
        kinds = compare_programs.program_choices(con, args.lang)
        if args.type not in kinds:
            return {}, f"--type {args.type!r}: expected one of {', '.join(kinds)}"
        return {"kind": args.type}, None
    if args.view == "map":
        return _map_choices(con, args)
    reports = region_profile.report_choices(con, args.lang)
    if args.report not in reports:
        return {}, f"--report {args.report!r}: expected one of {', '.join(reports)}"
    return {"report": args.report}, None


def _map_choices(con, args: argparse.Namespace) -> tuple[dict[str, object], str | None]:
    """Return the map's selection from the arguments, or why it is not one the data has."""
    from ruraldash.views.pages import map as map_page

    choices = map_page.map_choices(con, args.lang)
    if args.metric not in choices.metrics:
        return {}, f"--metric {args.metric!r}: expected one of {', '.join(choices.metrics)}"
    if args.place not in choices.places:
        return {}, f"--place {args.place!r}: expected an admin code such as 350000, or china"
    levels, first = map_page.level_options(args.lang, args.place)
    level = args.level or first
    if level not in levels:
        return {}, f"--level {level!r}: expected one of {', '.join(levels)} under {args.place}"
    periods = map_page.period_options(con, args.lang, args.metric, args.status)
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
    from ruraldash.store.db import connect
    from ruraldash.views.briefing import images
    from ruraldash.views.briefing import pages as briefing_pages
    from ruraldash.views.briefing.files import briefing_file

    db_path = built(args)
    if db_path is None:
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
        view = briefing_pages.VIEWS[args.view](con, args.lang, **selection)
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


def _briefing_options() -> argparse.ArgumentParser:
    """Return the parent parser of what every briefing takes: its format, file and language."""
    parent = options()
    parent.add_argument("--format", required=True, choices=["docx", "pdf"])
    parent.add_argument("--out", required=True, type=Path, help="file to write")
    parent.add_argument("--lang", choices=["zh", "en"], default="zh", help="language (default: zh)")
    return parent


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add briefing and its views to the command line's commands."""
    briefing = commands.add_parser(
        "briefing", help="write a page's one-page briefing (简报) as DOCX or PDF"
    )
    views = briefing.add_subparsers(dest="view", required=True, metavar="VIEW")
    shared = [_briefing_options(), data_options(), problems_option(), db_option()]

    regions = options()
    regions.add_argument("--category", required=True, help="category id, e.g. funds")
    regions.add_argument(
        "--metric", help="metric id, or 'all' for the whole category (default: the widest one)"
    )
    regions.add_argument("--per-10k", action="store_true", help="per 10,000 residents")
    programs = options()
    programs.add_argument("--type", required=True, help="program type id, e.g. mentoring")
    profile = options()
    profile.add_argument("--report", required=True, help="source id, e.g. putian_2022")
    on_map = options()
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
    for name, own, help_text in (
        ("compare-regions", regions, "one metric (or a category) across regions"),
        ("compare-programs", programs, "one kind of program across regions"),
        ("region-profile", profile, "everything one report states"),
        ("map", on_map, "one metric over the units under a place, as a map"),
    ):
        view = views.add_parser(name, parents=[own, *shared], help=help_text)
        view.set_defaults(run=_briefing)
