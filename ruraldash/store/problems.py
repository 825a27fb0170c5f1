"""A located problem in the curated data, worded the same everywhere (command line and app)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def display_path(path: Path | str) -> str:
    """Return the path relative to the working folder when it lies below it, else as given."""
    absolute = Path(path).resolve()
    try:
        return str(absolute.relative_to(Path.cwd().resolve()))
    except ValueError:
        return os.fspath(path)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake: where it is (file, line, column or field) and what is wrong with which value."""

    path: str
    line: int
    column: str | None
    message: str
    kind: str = "column"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: "
        if self.column:
            where += f"{self.kind} '{self.column}': "
        return where + self.message


def quoted(value: object) -> str:
    """Show a bad value in a message, short enough for one line."""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"'{text}'"


def one_of(options: list[str] | tuple[str, ...], limit: int = 12) -> str:
    """List accepted values for a message, cut after `limit` of them."""
    shown = ", ".join(sorted(options)[:limit])
    return f"expected one of: {shown}{', …' if len(options) > limit else ''}"


class InvalidData(Exception):
    """The curated data has problems; nothing was built."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the curated data")
        self.problems = problems
