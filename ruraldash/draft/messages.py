"""What adding a report tells its reader, written in Chinese and in English; the page picks one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """One sentence in both languages; str() is the English, which the command line prints."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        """Return the sentence in the reader's language ("zh" or "en")."""
        return self.en if lang == "en" else self.zh

    def __str__(self) -> str:
        return self.en
