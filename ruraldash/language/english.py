"""English renderings of a report's periods (去年来 -> since last year) and places (河头村)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ruraldash.language.romanise import english_name

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_CHINESE_COUNTS = dict(
    zip("一二两三四五六七八九十", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True)
)


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _CHINESE_COUNTS.get(text, 0)


def _month(text: str) -> str:
    return _MONTHS[int(text) - 1]


def _years(n: str) -> str:
    count = _count(n)
    return "over the past year" if count == 1 else f"over the past {count} years"


# The period phrasings of the reports, whole-text patterns in the order tried: each gives its
# English from the groups it matched. The text as written is always shown beside it.
PERIOD_PHRASES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(rf"^(?:自)?{pattern}$"), render)
    for pattern, render in (
        (r"(\d{4})年(\d{1,2})月(?:以来|起)", lambda m: f"since {_month(m[2])} {m[1]}"),
        (r"(\d{4})年(?:以来|起)", lambda m: f"since {m[1]}"),
        (r"截至(\d{4})年底", lambda m: f"to the end of {m[1]}"),
        (r"截至(\d{4})年(\d{1,2})月(?:底)?", lambda m: f"to {_month(m[2])} {m[1]}"),
        (r"(\d{4}) ?[-–—至到] ?(\d{4})年", lambda m: f"{m[1]}–{m[2]}"),
        (r"(\d{4})年", lambda m: f"in {m[1]}"),
        (r"(\d{1,2})月底", lambda m: f"end of {_month(m[1])}"),
        (r"(?:去年来|去年以来|去年起)", lambda m: "since last year"),
        (r"去年", lambda m: "last year"),
        (r"(?:今年以来|今年来)", lambda m: "since the start of this year"),
        (r"今年", lambda m: "this year"),
        (r"近年来", lambda m: "in recent years"),
        (r"([0-9一二两三四五六七八九十]+)年来", lambda m: _years(m[1])),
        (r"(?:目前|当前|至今)", lambda m: "to date"),
        (r"累计", lambda m: "cumulative"),
        (r"每年", lambda m: "each year"),
        (r"最多时", lambda m: "at its peak"),
        (r"春耕生产", lambda m: "during spring ploughing"),
        (r".+以来", lambda m: "since the measure began"),
    )
)


def english_period(text: str) -> str | None:
    """Return an English rendering of a period as written (去年来 -> since last year), or None."""
    written = text.strip()
    for pattern, render in PERIOD_PHRASES:
        if match := pattern.match(written):
            return render(match)
    return None


# The kinds of place a scope is written with, longest first: 英德市九龙镇河头村.
_PLACE_SUFFIXES = ("自治县", "街道", "市", "县", "区", "镇", "乡", "村", "岛")
_PLACE = re.compile("(.+?)(" + "|".join(map(re.escape, _PLACE_SUFFIXES)) + ")")


def english_place(text: str) -> str | None:
    """Return a place in pinyin with its kind, smallest first: Hetou Village, Jiulong Town …

    None when the text is not a chain of named places (英德市九龙镇河头村 is; 全域 is not).
    """
    parts = [name + suffix for name, suffix in _PLACE.findall(text)]
    if not parts or "".join(parts) != text:
        return None
    return ", ".join(english_name(part, kind=True) for part in reversed(parts))
