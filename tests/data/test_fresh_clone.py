"""A fresh clone is complete: the report texts ship with the data, and the help can be copied."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from ruraldash import paths
from ruraldash.cli import EPILOG, make_parser
from ruraldash.store.catalogue import Catalogue, load_catalogue
from ruraldash.store.fingerprint import content_hash

REPORTS = paths.DATA_DIR / "reports"


def test_every_report_ships_inside_the_repository() -> None:
    catalogue, problems = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    assert catalogue is not None, problems
    assert catalogue.reports_dir == REPORTS.resolve()
    named = {catalogue.report_path(source) for source in catalogue.sources.values()}
    assert all(path.is_file() for path in named)
    # No stray texts: every file in data/reports/ is some source's report.
    assert set(REPORTS.resolve().glob("*")) == named


def test_each_report_is_named_after_its_source(catalogue: Catalogue) -> None:
    assert {source.file for source in catalogue.sources.values()} == {
        f"{source.id}.txt" for source in catalogue.sources.values()
    }


def test_a_copy_of_data_alone_needs_nothing_outside_it(data_copy: Path) -> None:
    catalogue, _ = load_catalogue(data_copy, paths.METRICS_DIR)
    assert catalogue.reports_dir == (data_copy / "reports").resolve()


def test_the_reports_count_in_the_content_hash(data_copy: Path) -> None:
    before = content_hash(data_copy, paths.METRICS_DIR)
    report = data_copy / "reports" / "putian_2022.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n补记。\n", encoding="utf-8")
    assert content_hash(data_copy, paths.METRICS_DIR) != before


def _examples(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("python -m ")]


def test_the_help_examples_are_one_line_each_and_parse() -> None:
    examples = _examples(EPILOG)
    assert any(" draft " in example for example in examples)
    for example in examples:
        assert "  " not in example and "\\" not in example, example
        arguments = shlex.split(example)[3:]
        make_parser().parse_args(arguments)  # exits with 2 if an example were wrong
        for argument in arguments:
            if argument.startswith("data/reports/"):
                assert (paths.REPO_ROOT / argument).is_file(), argument


def test_the_readme_commands_have_no_stray_spaces() -> None:
    readme = (paths.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.DOTALL)
    commands = [line for block in blocks for line in _examples(block)]
    assert sum(" draft data/reports/" in command for command in commands) == 2  # zh and en
    for command in commands:
        assert "  " not in command.split(" #")[0].strip(), command
