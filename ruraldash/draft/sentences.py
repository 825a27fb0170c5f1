"""Read the sentence around a number: its clause, names in quotes, period, plan words and label.

Over 300 lines on purpose: one job, reading one number's sentence; its parts (clause bounds,
quoted names, period, plan words, label) are read from the same clause with the same masks.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

# A clause ends at these; 、 does not, because it joins the items of one list
# (基层干部乡村振兴、乡村治理等专题培训班230期). A sentence ends at 。!? only: the curators carry a
# period phrase across ; (2020年以来……65名……;……1200多名……;……40名).
CLAUSE_ENDS = frozenset(",;:。!?\n")
SENTENCE_ENDS = frozenset("。!?\n")

# Quotation marks and title marks around a name: numbers inside them are part of the name
# (“八个行动”, "五个振兴", 《全市抓党建促乡村振兴五年规划》).
_PAIRED_MARKS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
_MASK = "□"  # stands for a masked character, keeping offsets

# Period phrases, longest forms first. Dates are filled only for the forms that fix them.
_PERIOD = re.compile(
    r"截至(?P<until>(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?)(?:底|末)?"
    r"|(?:自|从)?(?P<since>(?:19|20)\d{2}年(?:\d{1,2}月)?)份?(?:以来|来|起|至今)"
    r"|(?P<span_from>(?:19|20)\d{2}) ?[-~—–至到] ?(?P<span_to>(?:19|20)\d{2})年"
    r"|(?:自|从)(?:去年|今年|上年)(?:以来|起)"
    r"|(?:今年|去年|上年|近年|近几年|近些年|多年|[一二两三四五六七八九十\d]{1,2}年)(?:以来|来)"
    r"|\d{1,2}月份?(?:以来|底|初|末)"
    r"|(?:到|至)(?P<by>(?:19|20)\d{2}年(?:\d{1,2}月)?)(?:底|末)?前?"
    r"|(?P<before>(?:19|20)\d{2}年(?:\d{1,2}月)?)(?:底|末)?前"
    r"|(?P<year>(?:19|20)\d{2}年(?:\d{1,2}月)?)(?P<year_end>底|末)?"
    r"|截至目前|今年|去年|目前|当前|至今|最多时|每年"
    r"|(?P<weak>累计)"
)
# A short clause ending in 以来 is a period phrase as a whole: 开展“五个到户”工作以来.
_SINCE_CLAUSE = re.compile(r"^[^,;。]{2,16}以来$")
_DATE_PARTS = re.compile(r"(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?")

# Words that mark a plan or target. 计划 must be followed by a verb (计划培训), not end a name
# (帮带计划”, 培训计划, 行动计划的); 将 is a plan only before a verb, as 将53项 is "take 53 items".
# These govern their clause and the clauses after it in the sentence (计划……培训5万人次,新增……
# 1.2万人), until a clause says what is already done (目前已到岗18名).
_PLAN = re.compile(
    r"计划(?=[\u4e00-\u9fff\d])(?![的和与及等])"
    r"|(?<![模虚比])拟(?=[\u4e00-\u9fff])"
    r"|争取|目标(?:是|为|任务是)"
    r"|将(?=达到|实现|新增|建成|完成|新建|培训|选派|投入|继续|力争|于|要|会|全面|进一步|带动|覆盖"
    r"|打造|培育|再|突破|以)"
    r"|(?<!截)(?:到|至)(?:19|20)\d{2}年(?:底|末)?|(?:19|20)\d{2}年(?:底|末)?前"
)
# A projection or an aim (预计, 可达, 力争, 要达到) governs its own clause only: 今年产量可达45万吨
# is a plan figure, the clause after it may state what is done.
_PROJECTION = re.compile(r"预计|可达|有望|预期|力争|要达到")
# 争取 followed by money or projects means secured (争取上级资金4.35亿元): actual.
_SECURED = re.compile(r"资金|经费|补助|资本|投资|贷款|债券|项目|支持|资助|拨款")
_NOT_SECURED = re.compile(r"达到|实现|突破|建成|完成|新增|力争|年底前|以上")
# A clause opening with these states what is done, ending a plan word's reach.
_DONE = re.compile(r"(?:目前|现已|已经|已|截至|实际|去年|上年|今年以来|(?:19|20)\d{2}年以来|当前)")

# Label: where the counted noun after a measure word stops (a verb or preposition), and the
# generic verbs and words stripped from the phrase before a number (举办培训班 -> 培训班).
_LABEL_STOP = re.compile(
    r"通过|进行|参加|担任|组成|开展|实现|结成|加入|进入|得到|形成|用于|全覆盖|筹措|实施|深入|提出"
    r"|挂钩|建立|成立|错落|入股|达到|参与|共同|夷为|全部|的基础上|的同时|以来|和(?=[“《\"])"
)
# One-character stops are not looked for at the phrase's start: 中心村党委, 在…
_SHORT_STOP = re.compile(r"与|在|到|由|被|从|中|赴")
_LEADING_WORDS = re.compile(
    r"^(?:全县|全市|全区|全省|全镇|我市|我县|共有|共|累计|先后|已|全面|有效|精心)+"
    r"|^(?:举办|建立|成立|组建|建成|新建|创建|设立|选树|实施|开展|发放|组织|形成|提出|梳理|筹措"
    r"|收集|征集|兴办|谋划实施|谋划|引导|协助|帮助|投入|确定|推进|选取|优选|召开|共创建|计划)"
)
_TRAILING_WORDS = re.compile(r"(?:达到|增加到|为|共|约|近|超过|有|的|和|、|与|及|等)+$")
_DIGIT = re.compile(r"(?<!\d)\d")
LABEL_LENGTH = 30


@dataclass(frozen=True)
class Period:
    """A period phrase as written, with the dates it fixes ('' when it fixes none)."""

    text: str
    start: str = ""
    end: str = ""


NO_PERIOD = Period("")


def name_spans(line: str) -> list[tuple[int, int]]:
    """Return the spans inside quotation or title marks, marks included (“八个行动”, 《…》)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closing = ""
    ascii_open: int | None = None
    for pos, char in enumerate(line):
        if open_at is not None:
            if char == closing:
                spans.append((open_at, pos + 1))
                open_at = None
        elif char in _PAIRED_MARKS:
            open_at, closing = pos, _PAIRED_MARKS[char]
        elif char == '"':
            # Straight quotes do not say which end they are: they pair up in order.
            if ascii_open is None:
                ascii_open = pos
            else:
                spans.append((ascii_open, pos + 1))
                ascii_open = None
    return spans


def masked(line: str, spans: list[tuple[int, int]]) -> str:
    """Return the line with the quoted spans masked, offsets kept."""
    chars = list(line)
    for start, end in spans:
        chars[start:end] = _MASK * (end - start)
    return "".join(chars)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies within one of the spans."""
    return any(low <= start and end <= high for low, high in spans)


def clause_bounds(line: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the clause around [start, end): between , ; : 。 ! ? or line ends."""
    low = start
    while low > 0 and line[low - 1] not in CLAUSE_ENDS:
        low -= 1
    high = end
    while high < len(line) and line[high] not in CLAUSE_ENDS:
        high += 1
    while low < high and line[low].isspace():
        low += 1
    while high > low and line[high - 1].isspace():
        high -= 1
    return low, high


def sentence_start(line: str, pos: int) -> int:
    """Return where the sentence holding position `pos` starts."""
    while pos > 0 and line[pos - 1] not in SENTENCE_ENDS:
        pos -= 1
    return pos


# Phrases that name a year relative to the report's: 今年以来 in a report of 2023 starts 2023-01-01.
_RELATIVE_YEAR = re.compile(r"(?:自|从)?(?P<which>今年|去年|上年)(?P<since>以来|来|起)?$")
_YEAR_OFFSETS = {"今年": 0, "去年": -1, "上年": -1}


def _relative_dates(text: str, report_year: int | None) -> tuple[str, str]:
    """Return the dates a phrase naming a year relative to the report's fixes, given its year."""
    match = _RELATIVE_YEAR.match(text)
    if match is None or report_year is None:
        return "", ""
    year = report_year + _YEAR_OFFSETS[match["which"]]
    if match["since"]:
        return f"{year}-01-01", ""
    return f"{year}-01-01", f"{year}-12-31"


def _dates(match: re.Match[str], report_year: int | None = None) -> tuple[str, str]:
    """Return the start and end a period phrase fixes, '' where it fixes none."""
    if match["span_from"]:
        return f"{match['span_from']}-01-01", f"{match['span_to']}-12-31"
    if match["since"]:
        return _first_day(match["since"]), ""
    if match["until"]:
        return "", _last_day(match["until"])
    if match["by"] or match["before"]:
        # 到2025年, 2025年前: a deadline; when the work started is not said.
        return "", _last_day(match["by"] or match["before"])
    if match["year"]:
        if match["year_end"]:
            return "", _last_day(match["year"])
        return _first_day(match["year"]), _last_day(match["year"])
    return _relative_dates(match[0], report_year)


def _first_day(text: str) -> str:
    year, month, day = _DATE_PARTS.match(text).groups()
    return f"{year}-{int(month or 1):02d}-{int(day or 1):02d}"


def _last_day(text: str) -> str:
    year, month, day = _DATE_PARTS.match(text).groups()
    if day:
        return f"{year}-{int(month):02d}-{int(day):02d}"
    last_month = int(month or 12)
    return f"{year}-{last_month:02d}-{calendar.monthrange(int(year), last_month)[1]:02d}"


def period_of(
    line: str, quoted: str, clause: tuple[int, int], report_year: int | None = None
) -> Period:
    """Return the period of a clause: its own phrase, else the nearest earlier one in its sentence.

    累计 ("cumulative") is used only when the sentence has no other phrase, as in
    2019年6月以来……累计筹措……3亿多元, where the dated phrase says more.
    `quoted` is the line with names masked, so that 每年 in a quoted definition is not a period.
    Phrases relative to the report's year (今年以来, 去年) are dated when `report_year` is given.
    """
    low, high = clause
    begin = sentence_start(line, low)
    found: list[tuple[int, Period, bool]] = []
    for match in _PERIOD.finditer(quoted, begin, high):
        start, end = _dates(match, report_year)
        found.append((match.start(), Period(match[0], start, end), bool(match["weak"])))
    pos = begin
    while pos < high:
        clause_low, clause_high = clause_bounds(line, pos, pos)
        if _SINCE_CLAUSE.match(line[clause_low:clause_high]):
            found.append((clause_low, Period(line[clause_low:clause_high]), False))
        pos = clause_high + 1
    strong = [item for item in found if not item[2]]
    own = [item for item in strong if low <= item[0] < high]
    earlier = [item for item in strong if item[0] < low]
    for candidates in (own, earlier, [item for item in found if item[2] and item[0] < high]):
        if candidates:
            # Of two phrases at one place (2019年6月以来 as a clause and as a match), the longer,
            # then the one with dates.
            return max(
                candidates,
                key=lambda item: (item[0], len(item[1].text), bool(item[1].start or item[1].end)),
            )[1]
    return NO_PERIOD


def is_plan(quoted: str, clause_low: int, pos: int) -> bool:
    """True when a plan word governs the number at `pos`: in its clause, or earlier in its
    sentence (after the last semicolon) with no clause between stating what is done."""
    begin = sentence_start(quoted, clause_low)
    begin = max(begin, quoted.rfind(";", begin, pos) + 1)
    if _PROJECTION.search(quoted, clause_low, pos):
        return True
    for cue in reversed(list(_PLAN.finditer(quoted, begin, pos))):
        if cue[0] == "争取" and _secured(quoted, cue.end(), pos):
            continue
        if cue.start() >= clause_low or not _done_between(quoted, cue.end(), clause_low, pos):
            return True
        return False
    return False


def _secured(quoted: str, after: int, pos: int) -> bool:
    """True when 争取 is followed, up to the number, by money or projects won (not a target)."""
    between = quoted[after:pos]
    return bool(_SECURED.search(between)) and not _NOT_SECURED.search(between)


def _done_between(quoted: str, cue_end: int, clause_low: int, pos: int) -> bool:
    """True when a clause after the cue's own, up to the number, opens with what is done."""
    low = cue_end
    while low < pos:
        clause_start, clause_end = clause_bounds(quoted, low, low)
        if clause_start > cue_end or clause_start >= clause_low:
            if _DONE.match(quoted, max(clause_start, 0)):
                return True
        low = clause_end + 1
    return False


@dataclass(frozen=True)
class LabelParts:
    """What a number counts: the label shown, the phrase it came from and what follows."""

    label: str  # 受训党员, 开展达标创建的乡镇
    phrase: str  # the phrase before and after the number, verbs kept (收集……民生问题)
    predicate: str  # what the clause says after the number's noun (担任一级网格长)


def label_of(
    line: str,
    clause_low: int,
    previous_end: int,
    start: int,
    end: int,
    place_noun: str = "",
    of_noun: bool = True,
    number_in_noun: bool = False,
) -> LabelParts:
    """Return what a number counts, from its clause: the noun after its measure word
    (126个乡镇党校 -> 乡镇党校), else the phrase before it (受训党员12.6万多人次 -> 受训党员).

    `place_noun` (村, 乡镇) is the noun inside the measure word: 42个乡镇开展达标创建 is labelled
    开展达标创建的乡镇, and 去年联建的184个村 is labelled 去年联建的村. With `of_noun` False, a
    noun after 的 is not what is counted (合作期10年的“…基金”). With `number_in_noun`, a number
    right after the measure word belongs to the noun (13个300亩再生稻示范片).
    """
    clause_high = clause_bounds(line, start, end)[1]
    rest = line[end:clause_high]
    after = _phrase_after(rest, number_in_noun)
    before = _phrase_before(line[max(clause_low, previous_end) : start])
    digit = re.search(r"\d", rest)
    up_to_number = rest[: digit.start()] if digit else rest
    predicate = up_to_number[len(after) :]
    if place_noun:
        phrase = before + rest
        if before.endswith("的"):
            label = _strip_leading(before) + place_noun
        elif (verb := _TRAILING_WORDS.sub("", up_to_number).strip()) and not after:
            label = verb.removesuffix("的") + "的" + place_noun
        else:
            label = f"{_strip(before)}的{place_noun}" if _strip(before) else place_noun
    elif after and (not after.startswith("的") or not _strip(before) or of_noun):
        # 不低于投入10%的收益: what follows 的 is counted, but for a duration (合作期10年的基金)
        # the phrase before names it.
        phrase = label = after.removeprefix("的")
    else:
        phrase = before
        label = _strip(before) or after.removeprefix("的")
    return LabelParts(_short(label), phrase, predicate)


def noun_after(line: str, pos: int) -> str:
    """Return the noun phrase that starts at `pos`, up to a verb, a number or the clause end."""
    return _phrase_after(line[pos : clause_bounds(line, pos, pos)[1]])


def _phrase_after(text: str, number_in_noun: bool = False) -> str:
    """The noun phrase right after a measure word, up to a verb, a number or the clause end."""
    text = text.lstrip()
    if not text or text[0] in "、和及" or (text[0].isdigit() and not number_in_noun):
        return ""  # 60个、市级……14个: the noun came before the number
    ends = [len(text)]
    for pattern, first in ((_LABEL_STOP, 0), (_SHORT_STOP, 1)):
        if stop := pattern.search(text, first):
            ends.append(stop.start())
    if digit := _DIGIT.search(text, 1 if number_in_noun else 0):
        ends.append(digit.start())
    text = _balanced(text[: min(ends)])
    return _TRAILING_WORDS.sub("", text.strip())


def _phrase_before(text: str) -> str:
    """The phrase between the previous figure (or the clause start) and a number."""
    return _balanced(text.lstrip("、和与及,; "))


def _balanced(text: str) -> str:
    """Drop what an unmatched bracket cuts off: 集体经济(每年 -> 每年, 万元) -> 万元."""
    opening = text.rfind("(")
    if opening >= 0 and ")" not in text[opening:]:
        text = text[opening + 1 :]
    closing = text.find(")")
    if closing >= 0 and "(" not in text[:closing]:
        text = text[:closing]
    return text


def _strip_leading(text: str) -> str:
    previous = None
    text = text.strip()
    while previous != text:
        previous, text = text, _LEADING_WORDS.sub("", text)
    return text


def _strip(text: str) -> str:
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        text = _TRAILING_WORDS.sub("", _strip_leading(text)).strip()
    return text


def _short(text: str) -> str:
    """Keep a long label's end, where its noun is, starting at a word boundary if one is near."""
    text = text.strip(" 、,")
    if len(text) <= LABEL_LENGTH:
        return text
    cut = text[-LABEL_LENGTH:]
    boundary = max(cut.find("、", 0, 12), cut.find("的", 0, 12))
    return cut[boundary + 1 :] if boundary >= 0 else cut


def short_label(clause: str) -> str:
    """Return a clause cut to a label's length, for a number whose noun could not be found."""
    return _short(clause)
