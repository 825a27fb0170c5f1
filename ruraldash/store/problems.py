"""A located problem in the curated data, worded the same everywhere (command line and app)."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from functools import total_ordering
from pathlib import Path


def display_path(path: Path | str) -> str:
    """Return the path relative to the working folder when it lies below it, else as given."""
    # Resolve the folder only: a symbolic link is named as itself, never as its target.
    absolute = Path(path).parent.resolve() / Path(path).name
    try:
        return str(absolute.relative_to(Path.cwd().resolve()))
    except ValueError:
        return os.fspath(path)


@total_ordering
@dataclass(frozen=True)
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

    def _order(self) -> tuple[str, int, str, str, str]:
        # A file-level problem has no column: it sorts before the columns of its line.
        return (self.path, self.line, self.column or "", self.message, self.kind)

    def __lt__(self, other: Problem) -> bool:
        return self._order() < other._order()


def visible(text: str) -> str:
    """Return `text` with invisible and control characters written out (\\u200b, \\x00)."""
    return "".join(
        char
        if char == " " or unicodedata.category(char) not in _INVISIBLE
        else (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        for char in text
    )


# Control, format (zero-width, direction marks), separators other than the plain space.
_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn", "Zs", "Zl", "Zp"}


def quoted(value: object) -> str:
    """Show a bad value in a message, short enough for one line, invisible characters visible."""
    text = visible(str(value))
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
