"""A sentence of the i18n table with its values, said on demand (problems, adding a report).

A page or the command line says a message in its reader's language (`text(lang)`); str() is
the English, for logs and exceptions. A value may be a message itself (a reason inside an
error), a tuple of messages, joined as clauses, or a Series of them, joined as a series.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation


@dataclass(frozen=True)
class Message:
    """One sentence of the i18n table (its key) and the values it names."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str) -> str:
        """Return the sentence in the reader's language ("zh" or "en")."""
        return t(self.key, lang).format(**{name: _said(v, lang) for name, v in self.values})

    def __str__(self) -> str:
        return self.text("en")


def message(key: str, **values: object) -> Message:
    """Return the sentence `key` of the i18n table with its values: message("add_no_date")."""
    return Message(key, tuple(values.items()))


@dataclass(frozen=True)
class Series:
    """Messages said as the words of a series: 日期 2 个、序数 1 个 · 2 dates, 1 ordinal."""

    items: tuple[Message, ...]


def _said(value: object, lang: str) -> object:
    """A value as the sentence writes it: a message in `lang`, messages joined, else as it is."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Series):
        return punctuation(lang).enumerate([item.text(lang) for item in value.items])
    if isinstance(value, tuple) and all(isinstance(item, Message) for item in value):
        return punctuation(lang).join([item.text(lang) for item in value])
    return value
