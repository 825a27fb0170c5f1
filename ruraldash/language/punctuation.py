"""Chinese and English punctuation between words of a shown text: one table, one home."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Punctuation:
    """The marks that join parts of a sentence in one language."""

    separator: str  # between clauses or list items: 定西市；清远市
    enumeration: str  # between words of a series: 2019、2020
    colon: str
    open_paren: str
    close_paren: str

    def join(self, items: list[str] | tuple[str, ...]) -> str:
        """Join clauses or list items: 甲；乙 · a; b."""
        return self.separator.join(items)

    def enumerate(self, items: list[str] | tuple[str, ...]) -> str:
        """Join the words of a series: 2019、2020 · 2019, 2020."""
        return self.enumeration.join(items)

    def aside(self, text: str, note: str) -> str:
        """Follow a text with a note in brackets: 800多（计划） · 800+ (plan)."""
        return f"{text}{self.open_paren}{note}{self.close_paren}"

    def labelled(self, label: str, text: str) -> str:
        """Put a label before a text: 无数据：定西市 · No figure: Dingxi."""
        return f"{label}{self.colon}{text}"


PUNCTUATION = {
    "zh": Punctuation("；", "、", "：", "（", "）"),
    "en": Punctuation("; ", ", ", ": ", " (", ")"),
}


def punctuation(lang: str) -> Punctuation:
    """Return the punctuation of a language (Chinese for anything but English)."""
    return PUNCTUATION["en" if lang == "en" else "zh"]
