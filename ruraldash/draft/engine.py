"""Draft the figures of a new report: every number found, in the curated schema, for review.

Over 300 lines on purpose: the rules that decide whether a numeral is a figure (and why not)
read as one ordered list; split, their order would be hidden.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ruraldash.draft import places, sentences
from ruraldash.draft.dating import find_date
from ruraldash.draft.metric_guess import guess_metric
from ruraldash.draft.skip_reasons import SKIP_REASONS
from ruraldash.language.i18n import t
from ruraldash.language.messages import Message, Series, message
from ruraldash.language.numbers import MEASURE_WORDS, Quantity, find_quantities
from ruraldash.language.textnorm import Line, normalise_lines
from ruraldash.store.declarations import Metric
from ruraldash.store.figure_files import CSV_COLUMNS

DEFAULT_SOURCE = "draft"
CONTEXT_CHARS = 12  # characters shown on each side of a skipped numeral
# Labels that only make sense with the figure before them (41.4岁,下降9.4岁).
RELATIVE_LABELS = frozenset(("占", "下降", "增加", "减少", "增长", "提高", "降低", "受训"))

# Nouns that say what a bare number counts when no measure word follows (43万多群众, 4方面), also
# after a short modifier (4800多脱贫群众, 5万多贫困群众): a noun of people counts persons.
IMPLIED_UNITS: dict[str, str] = {
    "群众": "person",
    "党员": "person",
    "干部": "person",
    "农民": "person",
    "农牧民": "person",
    "村民": "person",
    "人口": "person",
    "农户": "household",
    "方面": "count",
}
_IMPLIED_NOUN = re.compile(
    rf"[\u4e00-\u9fff]{{0,3}}?({'|'.join(sorted(IMPLIED_UNITS, key=len, reverse=True))})"
)
_MODIFIER_STOPS = frozenset("的和与及在对是为了将把从到向给被让使带")
# A duration in years followed by these is the period of a plan, not a figure (三年时间, 3年来);
# followed by these, part of a title (三年行动计划).
_PERIOD_AFTER = re.compile(r"来|以来|时间|内|间")
_TITLE_AFTER = re.compile(r"(?:行动)?(?:计划|规划)|战略")
# 81个班子团结、产业兴旺、治理有效的村: the count is of villages, named at the end of the phrase.
_PLACE_AT_END = re.compile(r"[^,;:。\d]{1,30}?的(村|乡镇)(?![党委民级干部务集])")
_PLACE_UNITS = {"村": "village", "乡镇": "township"}
# The noun inside a measure word of places: 个村 -> 村, 个镇(街道) -> 镇(街道).
_PLACE_NOUNS = {
    word: word.removeprefix("个")
    for word, unit in MEASURE_WORDS.items()
    if unit in ("village", "township")
}
# 12个乡镇与浙江毗邻乡镇建立……联盟: places paired with others are partners, counted like the
# agencies that pair with villages (800多个单位与村结对共建), not as villages or townships reached.
_PARTNER_WORDS = ("与", "同", "和")
# 超过该村总人口的半数: a qualifier standing further off than cnnum looks, for 半数 only.
_HALF_QUALIFIER = (
    ("超过", "more_than"),
    ("逾", "more_than"),
    ("多于", "more_than"),
    ("近", "nearly"),
    ("约", "about"),
)
# Every numeral, for those find_quantities did not read: 万名 in “万名党员帮带计划”, 万亩.
_NUMERAL = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+")
_BARE_MULTIPLIER = re.compile(r"[十百千万亿]+")
_VAGUE_BEFORE = ("几", "数", "若干")
# A web page's counters inside a content line (发布时间:… 人气:3562 阅读:1208次): never figures.
_COUNTER_BEFORE = re.compile(r"(?:人气|阅读|浏览|点击|访问|评论|点赞|转发)(?:量|数|次数)?[::]?\s*$")
# After a number, a character that is no measure word: the noun's own first character or a
# word (3大行动, 5G, 10强, 19大), not an unknown classifier. An unknown classifier is drafted as a
# count with a low confidence (机井12眼 before 眼 was listed, 果树1.2万蔸).
_NOT_CLASSIFIER = frozenset(
    "的地得了着过是为和与及或等在对向把被从到至于以之其而且也都又还就才将要会能可已再"
    "大小多少新老强好高低上下中内外前后左右东西南北化型类级批次年月日号时分秒倍"
)
UNKNOWN_MEASURE_CONFIDENCE = 0.1
# 收入超过10万元的村: a qualified amount before 的 and a place or entity names a class of them.
_CLASS_AFTER = re.compile(
    r"的(?:行政村|村|嘎查|社区|乡镇|镇|苏木|户|农户|企业|合作社|经营主体|家庭农场)"
)
# A place at the start of a label is where, not what: 某县投入资金 is labelled 投入资金.
_PLACE_PREFIX = re.compile(r"^(?:某|该|本|我|全)(?:省|市|县|区|镇|乡|村)")
# What a count after 个 counts, read from the end of its noun phrase (32个重点村, 175个村民小组长).
_NOUN_END_UNITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![小民])(?:行政村|自然村|村庄|村|嘎查|社区|居委会|村委会)$"), "village"),
    (re.compile(r"乡镇$|(?<![城集小])镇$|苏木$"), "township"),
    (
        re.compile(r"(?:组长|书记|队长|主任|委员|干部|党员|人才|农民|群众|村民|代表|能手|员)$"),
        "person",
    ),
)
_PLACE_END_UNITS = _NOUN_END_UNITS[:2]  # villages and townships only
_PLACE_WORD = re.compile(r"乡镇|苏木|嘎查|社区|(?<![农小])村(?![民])|镇")


@dataclass(frozen=True)
class DraftFigure:
    """One drafted figure: the curated columns, plus where it stands in the normalised text."""

    id: str
    region: str
    scope: str
    metric: str
    label: str
    program: str
    value: str
    unit: str
    qualifier: str
    status: str
    period_text: str
    period_start: str
    period_end: str
    quote: str
    note_zh: str
    note_en: str
    line: int
    start: int  # offsets into Draft.text of the number as written (qualifiers included)
    end: int
    raw: str
    confidence: float
    review: str = "draft"  # every drafted figure waits for a curator's review

    def row(self) -> dict[str, str]:
        """Return the figure as a row of the curated figures schema."""
        return {column: getattr(self, column) for column in CSV_COLUMNS}


@dataclass(frozen=True)
class Skipped:
    """A numeral that is not a figure, and why (a date, part of a name, a threshold …)."""

    line: int
    raw: str
    reason: str
    context: str
    start: int
    end: int

    def row(self) -> dict[str, str]:
        """Return the numeral as a row of the sidecar file (line, raw, reason, context)."""
        return {
            "line": str(self.line),
            "raw": self.raw,
            "reason": self.reason,
            "context": self.context,
        }


@dataclass(frozen=True)
class Draft:
    """A report's normalised text, the figures drafted from it and the numerals skipped."""

    source: str
    region: str
    text: str
    figures: tuple[DraftFigure, ...]
    skipped: tuple[Skipped, ...]

    def summary(self) -> Message:
        """Return the one-line account printed after drafting, said in the reader's language."""
        counts = Counter(item.reason for item in self.skipped)
        figures, numerals = len(self.figures), len(self.skipped)
        said = {
            "figures": message(f"draft_figures_{_number(figures)}", count=figures),
            "numerals": message(f"draft_numerals_{_number(numerals)}", count=numerals),
        }
        forms = {reason: f"{reason}_{_number(count)}" for reason, count in counts.items()}
        reasons = Series(
            tuple(
                message(f"draft_skipped_{forms[reason]}", count=counts[reason])
                for reason in SKIP_REASONS
                if counts[reason]
            )
        )
        if reasons.items:
            return message("draft_cli_summary_skipped", **said, reasons=reasons)
        return message("draft_cli_summary", **said)


def _number(count: int) -> str:
    """Name the grammatical number of `count` as the i18n keys do: one (1 date) or many."""
    return "one" if count == 1 else "many"


@dataclass(frozen=True)
class _Reading:
    """A numeral that is a figure: its unit and qualifier as read, the noun in its measure word."""

    unit: str
    qualifier: str
    place_noun: str
    unknown_measure: str = ""  # a classifier no list holds: the figure is a count, unsure


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS]


def _implied_unit(text: str, end: int) -> str | None:
    found = _IMPLIED_NOUN.match(text, end)
    # The modifier is an adjective (脱贫, 贫困), never a function word: 3次到群众 counts no one.
    if found is None or not _MODIFIER_STOPS.isdisjoint(text[end : found.start(1)]):
        return None
    return IMPLIED_UNITS[found[1]]


def _is_size_class(quantity: Quantity, previous: Quantity) -> bool:
    return previous.end == quantity.start and previous.measure_word == "个"


def _read(
    quantity: Quantity, text: str, names: list[tuple[int, int]], previous: Quantity | None
) -> _Reading | str:
    """Return how a quantity reads as a figure, or the reason it is not one."""
    if quantity.kind == "date" and ":" in quantity.raw:
        return "furniture"  # 14:27, the time a page was posted
    if _COUNTER_BEFORE.search(text, 0, quantity.start):
        return "furniture"
    if quantity.kind in ("date", "ordinal"):
        return quantity.kind
    if sentences.inside(names, quantity.start, quantity.end):
        return "name"
    after = quantity.end
    if quantity.unit == "year" and _PERIOD_AFTER.match(text, after):
        return "period"
    if quantity.unit == "year" and _TITLE_AFTER.match(text, after):
        return "name"
    if quantity.high is not None:
        return "range"
    if (
        quantity.qualifier == "at_most"
        or (quantity.raw.endswith(("以上", "以下", "以内")) and text.startswith("的", after))
        or (quantity.qualifier != "exact" and _CLASS_AFTER.match(text, after))
    ):
        return "threshold"  # 10万元以下, 超过20万元以上的村: a class of things, not a count
    if quantity.measure_word == "个月":
        return "months"
    if quantity.measure_word is not None and quantity.unit is None:
        return "other_unit"  # 38公里, 5000平方米: no base unit to keep them in
    if quantity.value == 1 and "1" not in quantity.raw:
        return "lone_one"  # 一支好队伍, 一批: a word, not a count; a count of one is written 1个
    if text.endswith(_VAGUE_BEFORE, 0, quantity.start):
        return "vague"
    if previous is not None and _is_size_class(quantity, previous):
        return "size_class"  # 13个300亩再生稻示范片: 300亩 says which kind of site
    unit, place_noun = quantity.unit, _PLACE_NOUNS.get(quantity.measure_word or "", "")
    unknown = ""
    if unit is None:
        unit = _implied_unit(text, after)
        if unit is None:
            unknown = _unknown_classifier(quantity, text)
            if not unknown:
                return "no_measure_word"
            unit = "count"
    elif quantity.measure_word == "个" and (place := _PLACE_AT_END.match(text, after)):
        unit = _PLACE_UNITS[place[1]]
    elif quantity.measure_word == "个" and (noun_unit := _noun_end_unit(text, after)):
        unit, place_noun = noun_unit
    elif place_noun and text.startswith(_PARTNER_WORDS, after):
        unit, place_noun = "count", ""
    return _Reading(unit, _qualifier(quantity, text), place_noun, unknown)


def _unknown_classifier(quantity: Quantity, text: str) -> str:
    """The character after an Arabic number that reads as a classifier no list holds, or ''."""
    end = quantity.end
    if not any(char.isdigit() for char in quantity.raw) or end >= len(text):
        return ""
    char = text[end]
    if not "\u4e00" <= char <= "\u9fff" or char in _NOT_CLASSIFIER:
        return ""
    # A classifier ends the phrase (果树1.2万蔸,) or stands before its noun (12眼机井).
    following = text[end + 1 : end + 2]
    if following and following not in ",;:。!?、)" and not "\u4e00" <= following <= "\u9fff":
        return ""
    return char


def _noun_end_unit(text: str, after: int) -> tuple[str, str] | None:
    """The unit the noun after 个 counts, from the end of its phrase: 32个重点村 counts villages."""
    noun = sentences.noun_after(text, after)
    for pattern, unit in _NOUN_END_UNITS:
        if pattern.search(noun):
            return unit, ""  # labelled by the noun itself (重点村), not as 的村
    return None


def _implied_place(phrase: str, whole: DraftFigure | None) -> str:
    """The places a count after 的 counts when no noun follows: those its phrase names (村集体经济
    收入10万元以上的), else those of the figure before it in the sentence (其中50万元以上的), else
    things ('count')."""
    named = _PLACE_WORD.search(phrase)
    if named:
        return "township" if named[0] in ("乡镇", "镇", "苏木") else "village"
    if whole is not None and whole.unit in ("village", "township"):
        return whole.unit
    return "count"


def _qualifier(quantity: Quantity, text: str) -> str:
    if quantity.measure_word == "半数" and quantity.qualifier == "exact":
        low = sentences.clause_bounds(text, quantity.start, quantity.end)[0]
        clause = text[low : quantity.start]
        return next((name for word, name in _HALF_QUALIFIER if word in clause), "exact")
    return quantity.qualifier


def _unread_numerals(
    line: str, names: list[tuple[int, int]], quantities: list[Quantity]
) -> Iterable[tuple[int, int, str]]:
    """Numerals find_quantities did not read that are worth a line in the sidecar."""
    for match in _NUMERAL.finditer(line):
        start, end = match.span()
        if any(q.start < end and start < q.end for q in quantities):
            continue
        measure = next((word for word in MEASURE_WORDS if line.startswith(word, end)), None)
        if sentences.inside(names, start, end):
            if match[0] != "一" or measure:  # a lone 一 is a word (进一步, 一线), not a numeral
                yield start, end + len(measure or ""), "name"  # 万名 in “万名党员帮带计划”
        elif _BARE_MULTIPLIER.fullmatch(match[0]) and measure:
            if line.endswith(_VAGUE_BEFORE, 0, start):
                yield start, end + len(measure), "vague"  # 几千亩
            else:
                yield start, end + len(measure), "size_class" if measure == "亩" else "name"


def _without_place(label: str) -> str:
    """Return the label without the place names it starts with (西充县投入资金 -> 投入资金)."""
    while True:
        rest = _PLACE_PREFIX.sub("", label)
        names = places.find_names(rest[:12])
        if names and names[0][0] == 0 and names[0][2] == places.full_name(names[0][2]):
            rest = rest[names[0][1] :]
        if rest == label or not rest:
            return label
        label = rest


def _note(note: str, reading: _Reading, lang: str) -> str:
    if reading.unknown_measure:
        said = t("draft_unknown_measure", lang)
        return said.format(measure=reading.unknown_measure, note=note)
    return note


def _draft_line(
    line: Line,
    offset: int,
    metrics: Mapping[str, Metric],
    figures: list[DraftFigure],
    skipped: list[Skipped],
    source: str,
    region: str,
    report_year: int | None,
) -> None:
    text = line.text
    quantities = find_quantities(text)
    if line.furniture is not None:
        skipped.extend(
            Skipped(
                line.number,
                q.raw,
                "furniture",
                _context(text, q.start, q.end),
                offset + q.start,
                offset + q.end,
            )
            for q in quantities
        )
        return
    names = sentences.name_spans(text)
    quoted = sentences.masked(text, names)
    previous: Quantity | None = None
    last: DraftFigure | None = None
    for index, quantity in enumerate(quantities):
        reading = _read(quantity, text, names, previous)
        previous = quantity
        if isinstance(reading, str):
            skipped.append(
                Skipped(
                    line.number,
                    quantity.raw,
                    reading,
                    _context(text, quantity.start, quantity.end),
                    offset + quantity.start,
                    offset + quantity.end,
                )
            )
            continue
        low, high = sentences.clause_bounds(text, quantity.start, quantity.end)
        sentence_low = sentences.sentence_start(text, low)
        last_end = last.end - offset if last and last.end - offset > sentence_low else 0
        following = quantities[index + 1] if index + 1 < len(quantities) else None
        parts = sentences.label_of(
            text,
            low,
            max(last_end, low),
            quantity.start,
            quantity.end,
            reading.place_noun,
            of_noun=reading.unit != "year",
            number_in_noun=following is not None and _is_size_class(following, quantity),
        )
        # Never empty: a label-less row would fail validation; the clause says what is counted.
        label = _without_place(parts.label) or sentences.short_label(text[low:high])
        unit = reading.unit
        if (
            unit == "count"
            and quantity.measure_word == "个"
            and not sentences.noun_after(text, quantity.end)
        ):
            # 乡村振兴示范村60个: the noun before the number says what is counted; in 收入10万元以上
            # 的128个 (其中50万元以上的41个) the clause's place, or the whole's, is implied.
            unit = next((u for pattern, u in _PLACE_END_UNITS if pattern.search(label)), unit)
            if unit == "count" and parts.phrase.endswith("的"):
                unit = _implied_place(parts.phrase, last if last_end else None)
            reading = _Reading(unit, reading.qualifier, reading.place_noun, reading.unknown_measure)
        if last_end and label in RELATIVE_LABELS:
            label = last.label + label  # 599人、占31.76%: 占 is a share of what came before
        guess = guess_metric(
            metrics,
            reading.unit,
            parts.phrase + (quantity.measure_word or ""),
            parts.predicate,
            text[low:high],
            text[sentence_low:high],
            label,
        )
        period = sentences.period_of(text, quoted, (low, high), report_year)
        plan = sentences.is_plan(quoted, low, quantity.start)
        last = DraftFigure(
            id=f"{source}-{len(figures) + 1:03d}",
            region=region,
            scope="",
            metric=guess.metric,
            label=label,
            program="",
            value=str(quantity.value),
            unit=reading.unit,
            qualifier=reading.qualifier,
            status="plan" if plan else "actual",
            period_text=period.text,
            period_start=period.start,
            period_end=period.end,
            quote=text[low:high],
            note_zh=_note(guess.note(reading.unit, "zh", metrics), reading, "zh"),
            note_en=_note(guess.note(reading.unit, "en"), reading, "en"),
            line=line.number,
            start=offset + quantity.start,
            end=offset + quantity.end,
            raw=quantity.raw,
            confidence=(
                min(guess.confidence, UNKNOWN_MEASURE_CONFIDENCE)
                if reading.unknown_measure
                else guess.confidence
            ),
        )
        figures.append(last)
    for start, end, reason in _unread_numerals(text, names, quantities):
        skipped.append(
            Skipped(
                line.number,
                text[start:end],
                reason,
                _context(text, start, end),
                offset + start,
                offset + end,
            )
        )


def draft_report(
    report: str,
    metrics: Mapping[str, Metric],
    source: str = DEFAULT_SOURCE,
    region: str = "",
    date: str = "",
) -> Draft:
    """Return the figures a report states, in the curated schema, and the numerals skipped.

    `date` (YYYY or YYYY-MM-DD, the report's) dates phrases such as 今年以来; without it, the date
    the report states is used, and without that they stay undated.
    """
    lines = normalise_lines(report)
    if not date:
        found = find_date("\n".join(line.text for line in lines))
        date = found.date if found is not None and found.basis == "stated" else ""
    report_year = int(date[:4]) if date[:4].isdigit() else None
    figures: list[DraftFigure] = []
    skipped: list[Skipped] = []
    offset = 0
    for line in lines:
        _draft_line(line, offset, metrics, figures, skipped, source, region, report_year)
        offset += len(line.text) + 1
    ordered = tuple(sorted(skipped, key=lambda item: item.start))
    return Draft(source, region, "\n".join(line.text for line in lines), tuple(figures), ordered)
