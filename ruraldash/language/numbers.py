"""Read Chinese numbers and quantities (12.6万多人次, 近8亿元, 三百六十一) and write them back.

Over 300 lines on purpose: it is one grammar (digits, 万/亿, Chinese numerals, qualifiers),
read and written by functions that depend on each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ruraldash.language.widths import FULL_TO_HALF

# Measure word -> base unit. The longest measure word at a position wins: 人次 over 人.
# Multipliers are not measure words: 万元 is read as the multiplier 万 and the measure word 元.
# The count measure words are the common individual classifiers (个体量词) that grammars of
# Mandarin list: for people, animals (头 只 匹 口 尾 羽), things and buildings (件 台 辆 套 座 栋
# 幢 间 眼 架 艘 部), cases (起 宗 例 桩), collections (批 箱 袋 包) and texts (篇 首 封 则).
# Left out: those that mostly are prepositions or adverbs after a number in a report (把 对 点 方
# 回 番), and 群, which starts 群众 (43万多群众).
COUNT_MEASURE_WORDS = (
    "个家所支项条件本张篇份类种批面处间座套册"
    "头只匹口尾羽棵株朵片块根枝粒颗盏顶双副件台辆架艘部列"
    "栋幢眼起宗例桩首封则幅门道层箱袋包盒瓶罐桶筐串"
)
MEASURE_WORDS: dict[str, str | None] = {
    "元": "yuan",
    "人": "person",
    "名": "person",
    "位": "person",
    "人次": "person_time",
    "人(次)": "person_time",  # 4300人（次）: the brackets are folded to half width first
    "名次": "person_time",
    "台(套)": "count",
    "台套": "count",
    **dict.fromkeys(COUNT_MEASURE_WORDS, "count"),
    "期": "session",
    "场": "session",
    "次": "session",
    "场次": "session",
    "轮": "session",
    "届": "session",  # 连续举办6届文化节: six editions; 第三届 stays an ordinal
    "户": "household",
    "户次": "household",
    "个村": "village",
    "村": "village",
    "个行政村": "village",
    "个自然村": "village",
    "个村庄": "village",
    "个村(社区)": "village",
    "个村(居)": "village",
    # Village-level units of every region: 嘎查 in Inner Mongolia, urban 社区 and 居委会.
    "个嘎查": "village",
    "个嘎查村": "village",
    "个社区": "village",
    "个居委会": "village",
    "个村委会": "village",
    "个社区居委会": "village",
    "个乡镇": "township",
    "个乡镇(街道)": "township",
    "个镇(街道)": "township",
    "个镇(乡)": "township",
    "个乡(镇)": "township",
    "个镇": "township",
    "个苏木": "township",  # Inner Mongolia's township
    "个苏木乡镇": "township",
    "亩": "mu",
    "吨": "tonne",
    "%": "percent",
    "个百分点": "percent",
    "岁": "year",
    "年": "year",
    "天": "day",
    # Physical quantities, each in the base unit of its kind (MEASURE_FACTORS converts).
    "公顷": "mu",
    "平方公里": "mu",
    "公斤": "tonne",
    "斤": "tonne",
    "平方米": "square_metre",
    "立方米": "cubic_metre",
    "公里": "kilometre",
    "小时": "hour",
    # Read so that 2个月 is not taken for two 个; months have no base unit.
    "个月": None,
    # Read so that 5米宽 or 3周 is not a count; a width, a week or a ratio is no figure here.
    **dict.fromkeys(("米", "周", "倍"), None),
}
# What one of a measure word is worth in its base unit, where that is not 1: metrics/units.yaml
# declares the same table (its `conversions`), and a test holds the two together.
MEASURE_FACTORS: dict[str, Decimal] = {
    "公顷": Decimal(15),
    "平方公里": Decimal(1500),
    "公斤": Decimal("0.001"),
    "斤": Decimal("0.0005"),
}
# Measure words that count places, and what follows them when the place is a modifier of the
# noun counted instead (个村民小组, 个村级服务站, 个镇党委): then the measure word is only 个.
PLACE_MEASURE_WORDS = frozenset(
    word for word, unit in MEASURE_WORDS.items() if unit in ("village", "township")
)
_PLACE_MODIFIED = re.compile(r"民|级|组|委|规|干部|医|卫生|务|小组|集体经济组织|书记")

# After 个村 or 个乡镇 these make the place part of a noun: 126个乡镇党校 counts schools.
PLACE_COMPOUNDS: tuple[str, ...] = ("党校", "党委", "党组织", "党支部", "党总支")

# Qualifiers before the number. Those of two or more characters may stand a few characters away
# (不低于投入10%, 至少利用100天); a single character must touch the number (近8亿, 约5000万).
QUALIFIERS_BEFORE: dict[str, str] = {
    "超过": "more_than",
    "超": "more_than",
    "逾": "more_than",
    "多于": "more_than",
    "突破": "more_than",
    "近": "nearly",
    "将近": "nearly",
    "接近": "nearly",
    "约": "about",
    "大约": "about",
    "不低于": "at_least",
    "不少于": "at_least",
    "至少": "at_least",
    "不超过": "at_most",
    "不足": "at_most",
    "不到": "at_most",
}
# Words that end in a qualifier but are not one: 最近3年 is "the last 3 years", 村规民约174份 are
# 174 village rules.
NOT_QUALIFIERS: tuple[str, ...] = (
    "最近",
    "附近",
    "民约",
    "公约",
    "合约",
    "契约",
    "条约",
    "签约",
    "节约",
    "制约",
    "预约",
)
# Qualifiers right after the number or its multiplier (800多个, 12.6万多人次, 1090余次).
QUALIFIERS_AFTER_NUMBER: dict[str, str] = {"多": "more_than", "余": "more_than"}
# Qualifiers after the measure word (5万人次以上, 35岁以下). 以下 marks a threshold, not a figure.
QUALIFIERS_AFTER: dict[str, str] = {
    "以上": "more_than",
    "左右": "about",
    "以下": "at_most",
    "以内": "at_most",
}
QUALIFIER_GAP = 3  # the most characters between a two-character qualifier and its number

# Words that open with a numeral and a measure word but count nothing: 二元结构 is "dual".
NUMERAL_WORDS: tuple[str, ...] = ("二元", "一元化", "一次性")

# The measure word format_chinese writes for each base unit.
FORMAT_MEASURE_WORDS: dict[str, str] = {
    "yuan": "元",
    "person": "人",
    "person_time": "人次",
    "count": "个",
    "session": "次",
    "household": "户",
    "village": "个村",
    "township": "个乡镇",
    "mu": "亩",
    "tonne": "吨",
    "percent": "%",
    "year": "年",
    "day": "天",
    "square_metre": "平方米",
    "cubic_metre": "立方米",
    "kilometre": "公里",
    "hour": "小时",
}

_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10**4, "亿": 10**8}
_MULTIPLIER_VALUES = _SMALL_UNITS | _LARGE_UNITS
_SCALES = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))

_DATE = re.compile(
    r"(?<![\d.])(?:"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)"  # 14:27, a time of day
    r"|\d{4}-\d{1,2}-\d{1,2}(?!\d)"  # 2019-11-04
    r"|(?:19|20)\d{2} ?[-~—–至到] ?(?:19|20)\d{2}年"  # 2021-2023年
    r"|(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?"  # 2020年, 2019年6月
    r"|[〇零一二三四五六七八九]{4}年"  # 二〇二一年
    r"|(?:1[0-2]|0?[1-9])月(?:(?:[12]\d|3[01]|0?[1-9])日)?"  # 5月, 8月1日
    r"|(?:[12]\d|3[01]|0?[1-9])日"  # 每月20日
    r")(?:底|初|末|份|上旬|中旬|下旬)?"
)
# A comma before exactly three digits separates thousands (1,200); a list would use 、 instead.
_ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = "[零〇一二两三四五六七八九十百千万亿]+"
_TOKEN = re.compile(rf"(?P<date>{_DATE.pattern})|百分之|半数|(?P<arabic>{_ARABIC})|{_CHINESE}")
_NUMBER = re.compile(rf"(?P<arabic>{_ARABIC})|{_CHINESE}")
_MULTIPLIER = re.compile("万亿|[百千]?[万亿]|[百千]")
_DATE_RANGE_END = re.compile(r"[-~—–至到] ?((?:19|20)\d{2})年")
_RANGE = re.compile(" ?[-~—–至到] ?")
_IDENTIFIER = re.compile("[A-Za-z@_]")  # digits touching these are part of an e-mail, a code, 5G …
_SPACES = re.compile("[ \t]*")


@dataclass(frozen=True)
class Quantity:
    """A number found in a text, with its span, value in base units, unit, qualifier and kind."""

    start: int  # offsets into the text: text[start:end] == raw, qualifiers included
    end: int
    raw: str
    value: Decimal  # in base units (12.6万多人次 -> 126000); for a date, its first number (2019)
    high: Decimal | None  # the upper end of a range (3-4名) or of a year span (2021-2023年)
    unit: str | None  # a base unit id, None when no measure word follows
    measure_word: str | None
    qualifier: str  # exact, more_than, nearly, about, at_least or at_most
    kind: str = "quantity"  # quantity, date (2019年6月, 每月20日) or ordinal (第一期)


@dataclass(frozen=True)
class _Number:
    value: Decimal
    end: int
    scale: int  # the multiplier written after Arabic digits (万 in 12.6万), 1 when there is none


def _canonical(number: Decimal) -> Decimal:
    # Exact value without exponent or trailing zeros: 1.26E+5 and 126000.0 both become 126000.
    return Decimal(format(number.normalize(), "f"))


def _parse_chinese(numeral: str) -> Decimal:
    if not any(ch in _MULTIPLIER_VALUES for ch in numeral):
        # Written digit by digit (二〇二一) only with a zero in it; 三四 is "three or four".
        if len(numeral) == 1 or any(ch in "零〇" for ch in numeral):
            return Decimal("".join(str(_DIGITS[ch]) for ch in numeral))
        raise ValueError(f"not a Chinese number: {numeral!r}")
    total = section = 0
    digit: int | None = None
    last_unit, last_small, last_large, after_zero = 0, 10**4, 0, False
    for ch in numeral:
        if ch in _DIGITS:
            if digit is not None:
                raise ValueError(f"not a Chinese number: {numeral!r}")
            digit, after_zero = _DIGITS[ch], after_zero or _DIGITS[ch] == 0
            if digit == 0:
                digit = None
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if (digit is None and ch != "十") or unit >= last_small:
                raise ValueError(f"not a Chinese number: {numeral!r}")
            section += (1 if digit is None else digit) * unit
            digit, last_unit, last_small, after_zero = None, unit, unit, False
        else:
            unit = _LARGE_UNITS[ch]
            section += digit or 0
            if unit == last_large or (section == 0 and last_large != 10**4):
                raise ValueError(f"not a Chinese number: {numeral!r}")
            total = (total + section) * unit if unit == 10**8 else total + section * unit
            digit, section, last_unit, last_small, last_large = None, 0, unit, 10**4, unit
            after_zero = False
    if digit is not None:
        # 两千五 is 2500, 一万二 is 12000: a last digit right after a unit counts one step down.
        section += digit * (last_unit // 10 if last_unit and not after_zero else 1)
    return Decimal(total + section)


def _read_number(text: str, start: int) -> _Number | None:
    match = _NUMBER.match(text, start)
    if match is None:
        return None
    if match["arabic"]:
        value, end, scale = Decimal(match["arabic"].replace(",", "")), match.end(), 1
        if multiplier := _MULTIPLIER.match(text, end):
            scale, end = _multiplier_value(multiplier[0]), multiplier.end()
        return _Number(_canonical(value * scale), end, scale)
    try:
        return _Number(_parse_chinese(match[0]), match.end(), 1)
    except ValueError:
        return None


def _multiplier_value(word: str) -> int:
    value = 1
    for ch in word:
        value *= _MULTIPLIER_VALUES[ch]
    return value


def _longest(words: Iterable[str], text: str, pos: int) -> str | None:
    return max((word for word in words if text.startswith(word, pos)), key=len, default=None)


def _measure_word(text: str, pos: int) -> str | None:
    word = _longest(MEASURE_WORDS, text, pos)
    if word in PLACE_MEASURE_WORDS:
        after = pos + len(word)
        if text.startswith(PLACE_COMPOUNDS, after) or (
            not word.endswith(")") and _PLACE_MODIFIED.match(text, after)
        ):
            # 126个乡镇党校 counts schools, 175个村民小组长 people: the place names their kind.
            return "个" if word.startswith("个") else None
    return word


def _qualifier_before(text: str, start: int, floor: int) -> tuple[str, int] | None:
    for gap in range(QUALIFIER_GAP + 1):
        pos = start - gap
        if pos < floor or (gap and not _is_plain_han(text[pos])):
            return None
        word = max(
            (w for w in QUALIFIERS_BEFORE if text.endswith(w, floor, pos)), key=len, default=None
        )
        if word and (gap == 0 or len(word) > 1):
            if any(text.endswith(other, floor, pos) for other in NOT_QUALIFIERS):
                return None
            return QUALIFIERS_BEFORE[word], pos - len(word)
    return None


def _is_plain_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch not in _DIGITS and ch not in _MULTIPLIER_VALUES


def parse_number(text: str) -> Decimal:
    """Return the number a whole string states (1.2万, 两千, 27.5%, 百分之三十, 半数 = 50)."""
    folded = text.strip().translate(FULL_TO_HALF)
    if folded == "半数":
        return Decimal(50)
    body = folded.removeprefix("百分之")
    if body == folded:
        body = folded.removesuffix("%")
    number = _read_number(body, 0)
    if not body or number is None or number.end != len(body):
        raise ValueError(f"not a number: {text!r}")
    return number.value


def find_quantities(text: str) -> list[Quantity]:
    """Return every number in the text with its unit and qualifier, dates and ordinals marked."""
    folded = text.translate(FULL_TO_HALF)  # one character for one, so offsets hold for the text
    found: list[Quantity] = []
    pos = 0
    while match := _TOKEN.search(folded, pos):
        quantity = _read_quantity(text, folded, match, floor=pos)
        if quantity is not None:
            found.append(quantity)
        pos = quantity.end if quantity is not None else match.end()
    return found


def _read_quantity(text: str, folded: str, match: re.Match[str], floor: int) -> Quantity | None:
    start = match.start()
    if match["date"]:
        first, last = _read_number(folded, start), _DATE_RANGE_END.search(match[0])
        return Quantity(
            start,
            match.end(),
            text[start : match.end()],
            first.value if first else Decimal(0),
            high=Decimal(last[1]) if last else None,
            unit=None,
            measure_word=None,
            qualifier="exact",
            kind="date",
        )
    touches_identifier = _IDENTIFIER.match(folded, match.end()) or (
        start > 0 and _IDENTIFIER.match(folded, start - 1)
    )
    if (match["arabic"] and touches_identifier) or folded.startswith(NUMERAL_WORDS, start):
        return None
    if match[0] == "半数":
        number, measure = _Number(Decimal(50), match.end(), 1), "半数"
    else:
        number = _read_number(folded, match.end() if match[0] == "百分之" else start)
        measure = "百分之" if match[0] == "百分之" else None
    if number is None:
        return None
    low, high, end = number.value, None, number.end
    qualifier = QUALIFIERS_AFTER_NUMBER.get(folded[end : end + 1])
    if qualifier:
        end += 1
        if multiplier := _MULTIPLIER.match(folded, end):
            low, end = _canonical(low * _multiplier_value(multiplier[0])), multiplier.end()
    elif measure is None and (separator := _RANGE.match(folded, end)):
        second = _read_number(folded, separator.end())
        # In 3-4万元 the 万 belongs to both ends.
        scaled = low * second.scale if second and number.scale == 1 else low
        if second is not None and second.value > scaled:
            low, high, end = _canonical(scaled), second.value, second.end
    if qualifier is None and (after := QUALIFIERS_AFTER_NUMBER.get(folded[end : end + 1])):
        qualifier, end = after, end + 1
    ordinal = start > floor and folded[start - 1] == "第"
    unit = None if measure is None else "percent"
    if measure is None:
        at = _SPACES.match(folded, end).end()
        if measure := _measure_word(folded, at):
            unit, end = MEASURE_WORDS[measure], at + len(measure)
            if factor := MEASURE_FACTORS.get(measure):
                low = _canonical(low * factor)
                high = None if high is None else _canonical(high * factor)
        elif len(match[0]) == 1 and not match["arabic"] and not (ordinal or qualifier):
            return None  # a lone 一, 三 or 十 without a measure word is part of a word: 一线, 十强
    if after := _longest(QUALIFIERS_AFTER, folded, end):
        qualifier, end = qualifier or QUALIFIERS_AFTER[after], end + len(after)
    if ordinal:
        start -= 1
        return Quantity(
            start,
            end,
            text[start:end],
            low,
            high,
            unit,
            measure,
            qualifier or "exact",
            kind="ordinal",
        )
    if before := _qualifier_before(folded, start, floor):
        qualifier, start = before
    return Quantity(start, end, text[start:end], low, high, unit, measure, qualifier or "exact")


def format_chinese(value: Decimal | int | float, unit: str | None = None) -> str:
    """Return the value in natural Chinese (12.6万, 3亿元, 27.5%), as find_quantities reads it."""
    try:
        number = _canonical(Decimal(str(value)) if isinstance(value, float) else Decimal(value))
    except InvalidOperation as error:
        raise ValueError(f"not a number: {value!r}") from error
    if not number.is_finite() or number < 0:
        raise ValueError(f"cannot write {value!r} as a quantity")
    if unit is not None and unit not in FORMAT_MEASURE_WORDS:
        expected = ", ".join(FORMAT_MEASURE_WORDS)
        raise ValueError(f"unknown unit {unit!r} (expected one of: {expected})")
    number = number.copy_abs()  # -0 is written 0
    text = format(number, "f")
    if unit != "percent":
        for scale, word in _SCALES:
            scaled = _canonical(number / scale)
            # Scale only when at most two decimals remain: 16.59万, but 17947 and 123456789 stay.
            if number >= scale and -scaled.as_tuple().exponent <= 2:
                text = format(scaled, "f") + word
                break
    return text + FORMAT_MEASURE_WORDS.get(unit or "", "")
