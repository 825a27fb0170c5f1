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
    from ruraldash.views.national_list import places
    from ruraldash.views.pages import compare_programs, region_profile

    if args.view == "compare-regions":
        return _compare_choices(con, args)
    if args.view == "compare-programs":
        kinds = compare_programs.program_choices(con, args.lang)
        if args.type not in kinds:
            return {}, f"--type {args.type!r}: expected one of {', '.join(kinds)}"
        return {"kind": args.type}, None
    if args.view == "map":
        return _map_choices(con, args)
    if args.region is not None:
        if args.region not in places(con).level:
            return {}, f"--region {args.region!r}: expected an admin code such as 621123"
        return {"region": args.region}, None
    reports = region_profile.report_places(con)
    if args.report not in reports:
        return {}, f"--report {args.report!r}: expected one of {', '.join(reports)}"
    return {"region": reports[args.report]}, None


def _compare_choices(con, args: argparse.Namespace) -> tuple[dict[str, object], str | None]:
    """Return the comparison's selection (the page's defaults where not given), or what is wrong."""
    from ruraldash.views.national_list import NATION, places
    from ruraldash.views.pages import compare

    place = "" if args.place in (None, "china", NATION) else args.place
    known = places(con)
    if place and place not in known.level:
        return {}, f"--place {args.place!r}: expected an admin code such as 350000, or china"
    levels = compare.level_choices(known.level.get(place), args.lang)
    level = args.level or compare.busiest_level(con, place)
    if level not in levels:
        return {}, f"--level {level!r}: expected one of {', '.join(levels)} under {args.place}"
    choices = compare.compare_choices(con, args.lang)
    if args.category is not None and args.category not in choices.categories:
        return {}, f"--category {args.category!r}: expected one of {', '.join(choices.categories)}"
    metrics = (
        choices.metrics[args.category]
        if args.category
        else {metric: name for named in choices.metrics.values() for metric, name in named.items()}
    )
    metric = args.metric
    if metric in (None, "all"):
        metric = compare.default_metric(con, place, level, args.category)
    if metric not in metrics:
        return {}, f"--metric {metric!r}: expected one of {', '.join(metrics)}"
    if args.per_10k:
        print("warning: --per-10k: the comparison has no per-10,000 view; ignored", file=sys.stderr)
    found = compare.period_choices(con, place, level, metric, args.status)
    if args.period is not None and args.period not in found.periods:
        known_periods = ", ".join(found.periods) or "none (no two units are like for like)"
        return {}, f"--period {args.period!r}: expected one of {known_periods}"
    selection = {
        "place": place,
        "level": level,
        "metric": metric,
        "status": args.status,
        "period": args.period or "",
        "label": args.label or "",
    }
    return selection, None


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
    periods, latest = map_page.period_options(con, args.lang, args.metric, args.status)
    args.period = args.period or latest
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


def _unit_options(parser: argparse.ArgumentParser, level: str, period: str) -> None:
    """Add what a view of the units under a place takes: their level, a status and a period."""
    parser.add_argument("--level", choices=["province", "prefecture", "county"], help=level)
    parser.add_argument("--status", choices=["actual", "plan"], default="actual")
    parser.add_argument("--period", help=period)


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add briefing and its views to the command line's commands."""
    briefing = commands.add_parser(
        "briefing", help="write a page's one-page briefing (简报) as DOCX or PDF"
    )
    views = briefing.add_subparsers(dest="view", required=True, metavar="VIEW")
    shared = [_briefing_options(), data_options(), problems_option(), db_option()]

    regions = options()
    regions.add_argument("--category", help="category id, e.g. funds")
    regions.add_argument(
        "--metric", help="metric id (default: the page's, one with like-for-like figures)"
    )
    regions.add_argument(
        "--place", help="admin code of the place whose units are compared (default: china)"
    )
    _unit_options(
        regions,
        level="level of the units compared (default: the one most units report at)",
        period="period key, e.g. in_period|2021-01-01|2021-12-31 (default: the latest comparable)",
    )
    regions.add_argument("--label", help="what is counted (default: the one most units report)")
    regions.add_argument("--per-10k", action="store_true", help="not offered any more; ignored")
    programs = options()
    programs.add_argument("--type", required=True, help="program type id, e.g. mentoring")
    profile = options()
    region = profile.add_mutually_exclusive_group(required=True)
    region.add_argument("--region", help="admin code of the region, e.g. 621123")
    region.add_argument("--report", help="source id, e.g. putian_2022: its region")
    on_map = options()
    on_map.add_argument("--metric", required=True, help="metric id, e.g. funds_invested")
    on_map.add_argument(
        "--place", default="china", help="admin code of the place, e.g. 350000 (default: china)"
    )
    _unit_options(
        on_map,
        level="level of the units drawn (default: the one the page starts from)",
        period="period key, or all (default: the latest period with like-for-like figures)",
    )
    for name, own, help_text in (
        ("compare-regions", regions, "one metric over the units under a place, like for like"),
        ("compare-programs", programs, "one kind of program across regions"),
        (
            "region-profile",
            profile,
            "a region at any level: its parents, figures, rank and trend",
        ),
        ("map", on_map, "one metric over the units under a place, as a map"),
    ):
        view = views.add_parser(name, parents=[own, *shared], help=help_text)
        view.set_defaults(run=_briefing)
