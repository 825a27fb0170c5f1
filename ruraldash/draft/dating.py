"""Date a report: the date it states (日期:2019-11-04, 2023年7月26日) or inferred from events."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruraldash.language.bilingual import in_language, split_bilingual

HEADER_LINES = 4  # a date in the first lines is the report's own (发布时间, 日期)
_LABELLED = re.compile(
    r"(?:日期|发布时间|发布日期|发稿时间|时间)[::]?\s*"
    r"(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
)
_FULL_DATE = re.compile(
    r"(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
)
_PARTS = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")
# Years of events: 2021年, 2021年6月, but not deadlines or plans (到2025年, 2025年前, 2021-2023年).
_YEAR = re.compile(r"(?<![\d到])(?<![^截]至)((?:19|20)\d{2})年(?![前\d])")
# 截至2020年底: figures counted to the end of a year were reported in a later year.
_YEAR_END = re.compile(r"截至((?:19|20)\d{2})年(?:12月)?(?:底|末|31日)")
_AHEAD = re.compile(r"(?:到|至|于|力争|计划|目标|预计)$")
_SPAN = re.compile(r"(?:19|20)\d{2} ?[-~—–至到] ?$")
CONTEXT = 16


@dataclass(frozen=True)
class ReportDate:
    """A report's date (YYYY or YYYY-MM-DD), whether stated or inferred, and why."""

    date: str
    basis: str  # stated or inferred
    note: str  # "中文。English." as sources.yaml's date_note_zh / date_note_en take it apart

    def note_text(self, lang: str) -> str:
        """Return why the report has this date, in the reader's language ("zh" or "en")."""
        return in_language(*split_bilingual(self.note), lang)


def _iso(text: str) -> str:
    year, month, day = _PARTS.match(text).groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def find_date(text: str) -> ReportDate | None:
    """Return the date a normalised report states or the year its events point to; None if none."""
    header = "\n".join(text.split("\n")[:HEADER_LINES])
    stated = _LABELLED.search(text) or _FULL_DATE.search(header)
    if stated:
        quote = stated[0].strip()
        return ReportDate(
            _iso(stated["date"]),
            "stated",
            f"文中写明“{quote}”。Stated in the text.",
        )
    years: list[tuple[int, int]] = []
    for match in _YEAR.finditer(text):
        before = text[max(0, match.start() - CONTEXT) : match.start()]
        if _AHEAD.search(before[-4:]) or _SPAN.search(before):
            continue  # 到2025年, 计划2024年…, 2021-2023年: a target or a span, not an event
        years.append((int(match[1]), match.start()))
    after_year_end = [(int(match[1]) + 1, match.start()) for match in _YEAR_END.finditer(text)]
    if not years and not after_year_end:
        return None
    year, at = max(years + after_year_end)
    clause = text[max(0, at - CONTEXT) : at + CONTEXT].replace("\n", " ")
    if (year, at) in after_year_end:
        return ReportDate(
            str(year),
            "inferred",
            f"文中数据截至{year - 1}年底（“…{clause}…”），报告不早于{year}年。"
            f"Its figures run to the end of {year - 1}, so it dates from {year} at the earliest.",
        )
    return ReportDate(
        str(year),
        "inferred",
        f"文中所述事件最晚在{year}年（“…{clause}…”），报告年份据此推定。"
        f"The latest year of the events it reports is {year}.",
    )
