"""A located problem in the curated data, worded the same everywhere (command line and app)."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from functools import total_ordering
from pathlib import Path

from ruraldash.language.i18n import t
from ruraldash.language.messages import Message, message

# How a problem names where it is: column 'unit' (of a CSV), field 'parent' (of a YAML entry),
# section 'metrics'; a whole file or row has no name.
PROBLEM_KINDS = ("column", "field", "section", "file", "row")


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
    """One mistake: where it is (file, line, column or field) and what is wrong with which value.

    Said in the reader's language by text(lang), always as path:line: column 'x': message;
    str() is the English.
    """

    path: str
    line: int
    column: str | None
    message: Message
    kind: str = "column"

    def text(self, lang: str) -> str:
        """Return the located problem in `lang`: path:line: 列 'unit'：… or column 'unit': …"""
        where = f"{self.path}:{self.line}: "
        if self.column:
            where += t(f"problem_where_{self.kind}", lang).format(name=self.column)
        return where + self.message.text(lang)

    def __str__(self) -> str:
        return self.text("en")

    def _order(self) -> tuple[str, int, str, str, str]:
        # A file-level problem has no column: it sorts before the columns of its line.
        return (self.path, self.line, self.column or "", str(self.message), self.kind)

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


def one_of(options: list[str] | tuple[str, ...], limit: int = 12) -> Message:
    """List accepted values for a message, cut after `limit` of them (or say there are none)."""
    if not options:
        return message("problem_none_declared")
    shown = ", ".join(sorted(options)[:limit])
    return message("problem_one_of", options=shown + (", …" if len(options) > limit else ""))


class InvalidData(Exception):
    """The curated data has problems; nothing was built."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the curated data")
        self.problems = problems
