"""Numbers, values, periods and dates for a reader of Chinese (12.6万) or English (126,000)."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from ruraldash.language.english import english_period, english_place
from ruraldash.language.i18n import t
from ruraldash.language.numbers import (
    QUALIFIERS_AFTER,
    QUALIFIERS_AFTER_NUMBER,
    QUALIFIERS_BEFORE,
    find_quantities,
    format_chinese,
)
from ruraldash.language.punctuation import punctuation

# English scale words, used only when at most two decimals remain (62.39 million, 3,146,789).
_EN_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))

# Round tick steps, times a power of ten: 0, 2.5万, 5万, 7.5万 … or 0, 2亿, 4亿 …
_TICK_FACTORS = (1, 2, 2.5, 5)

# How each qualifier marks a number, per language: 800多 / 800+, 近8亿 / <800 million.
_QUALIFIER_MARKS: dict[str, dict[str, tuple[str, str]]] = {
    "zh": {
        "more_than": ("", "多"),
        "nearly": ("近", ""),
        "about": ("≈", ""),
        "at_least": ("≥", ""),
        "at_most": ("≤", ""),
    },
    "en": {
        "more_than": ("", "+"),
        "nearly": ("<", ""),
        "about": ("≈", ""),
        "at_least": ("≥", ""),
        "at_most": ("≤", ""),
    },
}


def is_missing(value: object) -> bool:
    """Return True for None, NaN and NaT: a cell that holds no value."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def year_text(value: object) -> str:
    """Return a year as plain text (2020, not 2,020.0), or '' when there is none."""
    return "" if is_missing(value) else str(int(value))


def round_significant(value: float, digits: int = 3) -> float:
    """Round to `digits` significant digits (2.5436 -> 2.54, 15384.6 -> 15400)."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def _plain(value: float) -> str:
    """Write a number without exponent or trailing zeros, with thousands separators."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text or "0"


def format_number(value: float, lang: str, unit: str | None = None) -> str:
    """Return a bare number for `lang`: 12.6万 or 126,000; 3亿 or 300 million; 27.5%."""
    if unit == "percent":
        return f"{_plain(value).replace(',', '')}%"
    if lang != "en":
        return format_chinese(value) if value >= 0 else "-" + format_chinese(-value)
    for scale, word in _EN_SCALES:
        scaled = value / scale
        if abs(value) >= scale and abs(round(scaled, 2) - scaled) < 1e-9:
            return f"{_plain(round(scaled, 2))} {word}"
    return _plain(value)


def format_count(count: int) -> str:
    """Return an exact count with digit groups in either language: 567,049.

    A count of rows is exact, so it is never rounded to 56.7万 (which reads as an estimate);
    the group comma is how the dashboard's Chinese text already writes counts (共 2,074 个).
    """
    return f"{int(count):,}"


def _split_number(text: str) -> tuple[str, str]:
    """Split '300 million' into ('300', ' million') so that a mark can sit after the digits."""
    head, _, tail = text.partition(" ")
    return (head, f" {tail}") if tail else (text, "")


# 1400多万: 多/余 between the digits and 万/亿, where the report wrote it.
_SCALE_END = ("万亿", "亿", "万")


def written_qualifier(quote: object, value: float, qualifier: str) -> tuple[str, str] | None:
    """Return the qualifier word the quote uses for `value` and where it stands, or None.

    The place is "before" (近8亿, 约5000万, 超过1000), "inside" (1400多万: between the digits and
    万/亿), "after" (800多, 12.6万多) or "end" (5万人次以上, 5000万左右: after the measure word).
    """
    if qualifier == "exact" or is_missing(quote) or not str(quote):
        return None
    for quantity in find_quantities(str(quote)):
        if quantity.qualifier != qualifier or abs(float(quantity.value) - value) > 1e-9 * max(
            1.0, abs(value)
        ):
            continue
        raw = quantity.raw
        before = max(
            (word for word in QUALIFIERS_BEFORE if raw.startswith(word)), key=len, default=""
        )
        if before:
            return before, "before"
        for word in QUALIFIERS_AFTER:
            if raw.endswith(word):
                return word, "end"
        for word in QUALIFIERS_AFTER_NUMBER:
            at = raw.find(word)
            if at > 0:
                inside = raw[at + 1 : at + 2] in ("万", "亿")
                return word, "inside" if inside else "after"
    return None


def _as_written(number: str, word: str, place: str) -> str:
    """Put a qualifier word into a written number where the report had it."""
    if place == "before":
        return word + number
    if place == "inside":
        for scale in _SCALE_END:
            if number.endswith(scale):
                return number[: -len(scale)] + word + scale
    return number + word


def format_value(
    value: float, unit: str, qualifier: str, status: str, lang: str, quote: object = None
) -> str:
    """Return a figure as a reader sees it: 800多, ≈5000万, 近8亿, ≥10%, 2700（计划）; 800+ …

    In Chinese, given the figure's quote, the qualifier is written as the report wrote it
    (1400多万, 5万以上, 约5000万), so a reader finds the number in the report by eye.
    """
    number = format_number(value, lang, unit)
    written = None if lang == "en" else written_qualifier(quote, value, qualifier)
    if written:
        text = _as_written(number, *written)
        return text + t("plan_mark", lang) if status == "plan" else text
    before, after = _QUALIFIER_MARKS["en" if lang == "en" else "zh"].get(qualifier, ("", ""))
    if after and lang != "en" and unit == "percent":
        after = "以上"  # 50%多 is not Chinese; 50%以上 is
    digits, words = _split_number(number) if lang == "en" else (number, "")
    text = f"{before}{digits}{after}{words}"
    return text + t("plan_mark", lang) if status == "plan" else text


def written_unit(quote: object, value: float, unit: str, unit_name: str, lang: str) -> str:
    """Return the measure word a figure's quote counts it in (期, 场, 人次), else `unit_name`.

    The catalogue names a unit whose reports use several words by all of them (期/场/次); a
    figure is shown in the one word its own report wrote, found as the quantity of the quote
    with the figure's value and unit. English, and names without a slash, are kept as they are.
    """
    if lang == "en" or "/" not in unit_name or is_missing(quote):
        return unit_name
    for quantity in find_quantities(str(quote)):
        close = abs(float(quantity.value) - value) <= 1e-9 * max(1.0, abs(value))
        if quantity.unit == unit and quantity.measure_word and close:
            return quantity.measure_word
    return unit_name


def written_values(figures: pd.DataFrame, lang: str) -> list[str]:
    """Return format_value for every row of a frame of figures (value, unit, qualifier, status
    and, if present, quote), in its order."""
    quotes = figures["quote"] if "quote" in figures else [None] * len(figures)
    return [
        format_value(value, unit, qualifier, status, lang, quote)
        for value, unit, qualifier, status, quote in zip(
            figures["value"],
            figures["unit"],
            figures["qualifier"],
            figures["status"],
            quotes,
            strict=True,
        )
    ]


def format_period(text: object, start: object, end: object, lang: str) -> str:
    """Return the period as written, with its dates: 2019年6月以来（2019-06-01起）."""
    first = None if is_missing(start) else pd.Timestamp(start).date().isoformat()
    last = None if is_missing(end) else pd.Timestamp(end).date().isoformat()
    if first and last:
        dates = f"{first} – {last}"
    elif first:
        dates = t("date_from", lang).format(date=first)
    elif last:
        dates = t("date_until", lang).format(date=last)
    else:
        dates = ""
    written = "" if is_missing(text) else str(text)
    english = english_period(written) if lang == "en" and written else None
    if english:  # since last year (去年来; from 2021-01-01): the English, then the source text
        return f"{english} ({written}; {dates})" if dates else f"{english} ({written})"
    if written and dates:
        return punctuation(lang).aside(written, dates)
    return written or dates or t("period_not_stated", lang)


def format_scope(scope: object, lang: str) -> str:
    """Return a narrower place as written; in English with its rendering first (Hetou Village …)."""
    if is_missing(scope) or not str(scope):
        return t("scope_whole", lang)
    english = english_place(str(scope)) if lang == "en" else None
    return f"{english} ({scope})" if english else str(scope)


def format_report_date(value: str, basis: str, lang: str) -> str:
    """Return a report's date with how it is known: 2021（推断）, 2019-11-04 (stated)."""
    word = t(f"date_basis_{basis}", lang)
    return punctuation(lang).aside(value, word)


def format_ratio(value: float, approximate: bool, lang: str) -> str:
    """Return a ratio to three significant digits, marked ≈ when an input was approximate."""
    number = format_number(round_significant(value), lang)
    return f"≈{number}" if approximate else number


def format_per_10k(value: float, lang: str) -> str:
    """Return a per-10,000-residents value to three significant digits."""
    return format_number(round_significant(value), lang)


def _tick_step(top: float, most: int) -> float:
    """Return the smallest round step (1, 2, 2.5 or 5 × 10^k) that fits `most` steps in `top`."""
    power = 10.0 ** math.floor(math.log10(top / most))
    # 2.5 only from 25 up: 25, 50, 75 people read well; 2.5, 5, 7.5 people do not.
    for factor in _TICK_FACTORS if power >= 10 else (1, 2, 5):
        if factor * power * most >= top:
            return factor * power
    return 10 * power


def axis_ticks(
    top: float, lang: str, unit: str | None = None, most: int = 6
) -> tuple[list[float], list[str]]:
    """Return round tick values from 0 to `top` and their labels for `lang` (5000万, 1亿 …).

    Plotly would write 200,000,000 or 200M; these labels read as the numbers in the tables do.
    """
    if not math.isfinite(top) or top <= 0:
        return [0.0], [format_number(0, lang, unit)]
    step = _tick_step(top, most)
    # Rounded to the step's own digits, so 3 × 0.1 is written 0.3, not 0.30000000000000004.
    digits = max(0, 2 - math.floor(math.log10(step)))
    values = [round(n * step, digits) for n in range(int(top / step + 1e-9) + 1)]
    return values, [format_number(value, lang, unit) for value in values]


def today() -> date:
    """Return today's date (one place, so exports and file names agree)."""
    return date.today()
