"""The command line: validate, build, release, export, briefing, normalise, draft, add, serve.

One module per group of commands (dataset, briefing, reports, serve); what they share (exit
codes, the options naming the inputs, printing problems, the database) is in common.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ruraldash.cli import briefing, dataset, reports, serve

EPILOG = """\
messages are in Chinese by default; --lang en prints them in English.

exit codes: 0 ok, 1 invalid data (each problem on stderr as path:line: 列 'x'：说明, or
path:line: column 'x': message with --lang en), 2 usage error, 3 no Chromium to draw a
briefing's PDF.

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
  python -m ruraldash add first.txt second.txt
  RURALDASH_MODE=served RURALDASH_RELEASE=/srv/ruraldash/ruraldash.duckdb python -m ruraldash serve --replicas 2 --port 8700

report texts: data/reports/<source id>.txt (UTF-8), named by `file:` in data/sources.yaml.
"""  # noqa: E501 (an example stays on one line, so that it can be copied as it is)


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
    for group in (dataset, briefing, reports, serve):
        group.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = make_parser().parse_args(argv)
    return args.run(args)
