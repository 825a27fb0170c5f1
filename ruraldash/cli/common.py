"""What the commands share: exit codes, input options, printing problems, the database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from ruraldash import paths
from ruraldash.language.i18n import DEFAULT_LANGUAGE, LANGUAGES, t, t_count
from ruraldash.language.messages import Message
from ruraldash.store.problems import InvalidData, Problem

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_NO_BROWSER = 0, 1, 2, 3

T = TypeVar("T")


def options() -> argparse.ArgumentParser:
    """Return an empty parent parser: a command's own options, listed before the shared ones."""
    return argparse.ArgumentParser(add_help=False)


def data_options(
    data_help: str = "curated data folder laid out like data/ (default: %(default)s)",
    metrics_help: str = "metric catalogue folder (default: %(default)s)",
) -> argparse.ArgumentParser:
    """Return the parent parser of --data and --metrics, the folders a command reads."""
    parent = options()
    parent.add_argument("--data", type=Path, default=paths.default_data_dir(), help=data_help)
    parent.add_argument(
        "--metrics", type=Path, default=paths.default_metrics_dir(), help=metrics_help
    )
    return parent


def problems_option() -> argparse.ArgumentParser:
    """Return the parent parser of --max-problems, how many problems a command prints."""
    parent = options()
    parent.add_argument(
        "--max-problems",
        type=int,
        default=200,
        metavar="N",
        help="print at most N problems, 0 for all (default: %(default)s)",
    )
    return parent


def db_option() -> argparse.ArgumentParser:
    """Return the parent parser of --db, the database a command writes or reads."""
    parent = options()
    parent.add_argument(
        "--db",
        type=Path,
        default=paths.default_db_path(),
        help="database file to write (default: %(default)s)",
    )
    return parent


def lang_option() -> argparse.ArgumentParser:
    """Return the parent parser of --lang, the language a command speaks (Chinese by default)."""
    parent = options()
    parent.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help=t("cli_lang_help", "en")
    )
    return parent


def say(key: str, lang: str, stderr: bool = False, **values: object) -> None:
    """Print the sentence `key` of the i18n table in `lang` (on stderr when `stderr`)."""
    print(t(key, lang).format(**values), file=sys.stderr if stderr else sys.stdout)


def say_count(key: str, number: int, lang: str, stderr: bool = False, **values: object) -> None:
    """Print the counted sentence `key` in `lang`: its _one text for a `number` of 1, else _many
    (the sentence's own count is among `values`)."""
    print(t_count(key, number, lang).format(**values), file=sys.stderr if stderr else sys.stdout)


def print_problems(problems: list[Problem], limit: int, lang: str) -> None:
    """Print located problems on stderr (at most `limit`, 0 for all) and that nothing was built."""
    shown = problems if limit <= 0 else problems[:limit]
    for problem in shown:
        print(problem.text(lang), file=sys.stderr)
    if len(shown) < len(problems):
        hidden = len(problems) - len(shown)
        say_count("cli_more_problems", hidden, lang, stderr=True, count=hidden)
    say_count("cli_problems_found", len(problems), lang, stderr=True, count=len(problems))


def print_warnings(warnings: Sequence[Message | Problem], lang: str) -> None:
    """Print each warning on stderr."""
    for warning in warnings:
        say("cli_warning", lang, stderr=True, text=warning.text(lang))


def built(
    args: argparse.Namespace, step: Callable[[Path, Path, Path], T] | None = None
) -> T | None:
    """Return `step` (by default ensure_database) run on the arguments' folders and database,
    or None once the problems that stop it are printed."""
    if step is None:
        from ruraldash.store.build import ensure_database

        step = ensure_database
    try:
        return step(args.data, args.metrics, args.db)
    except InvalidData as error:
        print_problems(error.problems, args.max_problems, args.lang)
        return None
