"""Normalise report text: simplified characters, no pinyin, half-width digits and punctuation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

from ruraldash.language.widths import FULL_TO_HALF

# Full-width forms and the no-break space fold to half-width; zero-width characters from web
# pages go, so that a quote typed without them is still found.
_HALF_WIDTH: dict[int, int | None] = (
    FULL_TO_HALF | {0xA0: 0x20} | dict.fromkeys((0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF))
)

# The characters normalising writes differently (not merely drops): as_written keeps them.
_FOLDED = frozenset(chr(code) for code, half in _HALF_WIDTH.items() if half is not None)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A pinyin annotation is one tone-marked syllable in parentheses right after a Han character:
# 堅(jiān)持, 村(社區(qū)). The tone mark is required so that real parentheses like 手机(app) stay.
_PINYIN = re.compile(
    rf"(?<=[{_HAN}])\((?=[a-zü{_TONE_MARKED}]*[{_TONE_MARKED}])[a-zü{_TONE_MARKED}]+\)"
)
_SPACE = re.compile(r"\s+")

# Page furniture: lines a web page adds around a report. The first pattern that matches a line
# (stripped of surrounding space) names the reason; the text is kept, only marked.
FURNITURE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"预计阅读时长|共计\d+个字"), "reading time"),
    (re.compile(r"^\d+$"), "view counter"),
    (re.compile(r"^(?:人气|浏览量|阅读量|点击量)[::]"), "view counter"),
    (re.compile(r"^(?:责任编辑|责编|编辑|审核|校对)[::]"), "editor credit"),
    (re.compile(r"^\((?:本版)?图片由[^()]+提供\)$"), "photo credit"),
    (re.compile(r"(?:记者|通讯员) ?\S{2,4} ?摄$"), "photo caption"),
    (
        re.compile(r"若有侵权|如有侵权|侵犯您权益|版权归[^,。]{0,8}所有|^注:本(?:图文|文)来源于"),
        "copyright notice",
    ),
    (re.compile(r"^上一篇:|^下一篇:"), "navigation link"),
    (re.compile(r"^(?:微信)?扫码分享$|^分享到|加入收藏"), "share prompt"),
    (re.compile(r"^(?:微信扫码)?领取福利$"), "promotion"),
    (re.compile(r"观山文库"), "site banner"),
    (re.compile(r"^(?:在线|联系)客服$"), "customer service"),
    (re.compile(r"^\([^()]{2,20}(?:组织部|宣传部)\)$"), "source credit"),
)


@dataclass(frozen=True)
class Line:
    """One line of a normalised report, with the reason it is page furniture (None for content)."""

    number: int
    text: str
    furniture: str | None


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    # t2s, not tw2s: tw2s also turns 著 into 着 in text that is already simplified (显著 -> 显着).
    return opencc.OpenCC("t2s")


def normalise(text: str) -> str:
    """Return the text half-width, in simplified characters, without pinyin annotations."""
    unified = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    without_pinyin = _PINYIN.sub("", unified.translate(_HALF_WIDTH))
    return _converter().convert(without_pinyin)


def as_written(text: str) -> str:
    """Return the report as a reader quotes it: simplified and without pinyin like normalise,
    but with the report's own punctuation and digits (，：“” stay full-width).

    Character for character aligned with normalise(text), so a clause found in the normalised
    text is shown by the same offsets here. Where simplifying changes the length (a rare phrase
    conversion), the normalised text itself is returned: still aligned, only half-width.
    """
    unified = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if _FOLDED.isdisjoint(unified):
        return normalise(text)  # nothing to keep full-width: the normalised text is the report's
    written, folded = [], []
    for char in unified:
        half = _HALF_WIDTH.get(ord(char), ord(char))
        if half is not None:
            written.append(char)
            folded.append(chr(half))
    dropped = {at for found in _PINYIN.finditer("".join(folded)) for at in range(*found.span())}
    written = [char for at, char in enumerate(written) if at not in dropped]
    folded = [char for at, char in enumerate(folded) if at not in dropped]
    simplified = _converter().convert("".join(folded))
    if len(simplified) != len(folded):
        return simplified
    # A folded character (a full-width comma, a no-break space) is shown as the report has it;
    # every other character as simplified.
    return "".join(
        own if own != half else simple
        for own, half, simple in zip(written, folded, simplified, strict=True)
    )


def match_key(text: str) -> str:
    """Return the form that finds a quote in its report: normalised, all white space removed."""
    return _SPACE.sub("", normalise(text))


def furniture_reason(line: str) -> str | None:
    """Return why a normalised line is page furniture, or None when it is report content."""
    stripped = line.strip()
    for pattern, reason in FURNITURE_PATTERNS:
        if pattern.search(stripped):
            return reason
    return None


def normalise_lines(text: str) -> list[Line]:
    """Return the normalised report line by line, numbered from 1, with page furniture marked."""
    lines = normalise(text).split("\n")
    if lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start another
    return [Line(number, line, furniture_reason(line)) for number, line in enumerate(lines, 1)]


def render_normalised(text: str) -> str:
    """Return what `python -m ruraldash normalise` prints: each line, furniture marked."""
    return "".join(_rendered(line) for line in normalise_lines(text))


def _rendered(line: Line) -> str:
    mark = "" if line.furniture is None else f"# [furniture: {line.furniture}] "
    return f"{mark}{line.text}\n"
