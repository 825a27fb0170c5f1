"""Figures over years: the kind and length of a period, series, and changes only where comparable.

A *cumulative* figure counts everything up to a date (截至2020年底, 2019年6月以来, 去年来); an
*in-period* figure counts what happened within one period (2021年, 今年, 上半年). A series holds
the figures of one region, metric, label and status of one kind; a change is drawn only between
two in-period figures of the same length that do not overlap. Two cumulative totals, even since
the same start, are not a change (the later one contains the earlier), and neither is a pair
whose period is not stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ruraldash.compare.parts import without_parts

CUMULATIVE, IN_PERIOD, UNSTATED = "cumulative", "in_period", "unstated"

_CUMULATIVE_WORDS = re.compile(r"截至|截止|以来|年来|来$|累计|至今")
_YEAR = re.compile(r"^\s*(\d{4})\s*年(全年|度)?\s*$")
_IN_PERIOD_WORDS = re.compile(r"今年|本年|当年|全年|上半年|下半年|季度|月份|年度")


@dataclass(frozen=True)
class Period:
    """What a figure's period is: its kind, its length in months (None if unknown), its bounds."""

    kind: str
    months: int | None
    start: date | None
    end: date | None


def _as_date(value: object) -> date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _month_span(start: date, end: date) -> int | None:
    """Whole months from the first of a month to the last day of a month, else None."""
    next_day = end.toordinal() + 1
    if start.day != 1 or date.fromordinal(next_day).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def classify_period(text: object, start: object = None, end: object = None) -> Period:
    """Return the kind (cumulative, in_period, unstated) and length in months of a period."""
    words = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    first, last = _as_date(start), _as_date(end)
    # 今年以来 is "this year so far": within one year, however it is worded.
    if _CUMULATIVE_WORDS.search(words) and not re.search(r"今年|本年", words):
        return Period(CUMULATIVE, None, first, last)
    year = _YEAR.match(words)
    if year and first is None and last is None:
        number = int(year.group(1))
        first, last = date(number, 1, 1), date(number, 12, 31)
    if year or _IN_PERIOD_WORDS.search(words) or (first and last):
        months = _month_span(first, last) if first and last else None
        return Period(IN_PERIOD, months, first, last)
    return Period(UNSTATED, None, first, last)


SERIES_KEY = ("region_id", "metric_id", "label", "status", "period_kind")


def with_periods(figures: pd.DataFrame) -> pd.DataFrame:
    """Return `figures` with period_kind, period_months and period_from/period_to (the bounds,
    a bare year's included) from period_text, period_start and period_end."""
    periods = [
        classify_period(text, start, end)
        for text, start, end in zip(
            figures["period_text"], figures["period_start"], figures["period_end"], strict=True
        )
    ]
    result = figures.copy()
    result["period_kind"] = [period.kind for period in periods]
    result["period_months"] = pd.array([period.months for period in periods], dtype="Int64")
    result["period_from"] = [period.start for period in periods]
    result["period_to"] = [period.end for period in periods]
    return result


def series_of(figures: pd.DataFrame, region_id: str, metric_id: str) -> dict[tuple, pd.DataFrame]:
    """Return a region's series for a metric: {(label, status, kind): figures by period end}.

    Cumulative and in-period figures, and plans and actuals, are never in one series, and a
    part of a whole (其中) is in none: 8500万 其中 after last year's 3.2亿 is no change.
    """
    chosen = with_periods(
        without_parts(
            figures[(figures["region_id"] == region_id) & (figures["metric_id"] == metric_id)]
        )
    )
    groups: dict[tuple, pd.DataFrame] = {}
    for key, rows in chosen.groupby(["label", "status", "period_kind"], sort=True, dropna=False):
        groups[key] = rows.sort_values(
            ["period_to", "period_from"], na_position="first", key=_sortable
        )
    return groups


def _sortable(column: pd.Series) -> pd.Series:
    return column.map(lambda day: day.toordinal() if day else None).astype("Float64")


def change_reason(earlier: Period, later: Period) -> str | None:
    """Return why two periods cannot show a change (an i18n key), or None when they can."""
    if UNSTATED in (earlier.kind, later.kind):
        return "change_period_unstated"
    if earlier.kind != later.kind:
        return "change_kinds_differ"
    if earlier.kind == CUMULATIVE:
        return "change_cumulative"
    if earlier.months is None or later.months is None:
        return "change_length_unknown"
    if earlier.months != later.months:
        return "change_lengths_differ"
    if earlier.end is None or later.start is None or later.start <= earlier.end:
        return "change_periods_overlap"
    return None


def changes(series: pd.DataFrame) -> pd.DataFrame:
    """Return each step of a series: from/to figure, change and percent, or why there is none.

    Rows of `series` must be in period order (as `series_of` returns them) and carry
    figure_id, value, qualifier, period_text, period_start, period_end.
    """
    rows = []
    records = series.to_dict("records")
    for earlier, later in zip(records, records[1:], strict=False):
        first = classify_period(
            earlier["period_text"], earlier["period_start"], earlier["period_end"]
        )
        second = classify_period(later["period_text"], later["period_start"], later["period_end"])
        reason = change_reason(first, second)
        exact = earlier["qualifier"] == "exact" and later["qualifier"] == "exact"
        if reason is None and not exact:
            # 800多 -> 900: the size of the change is not known, only its direction at most.
            reason = "change_not_exact"
        change = None if reason else later["value"] - earlier["value"]
        percent = (
            None
            if change is None or not earlier["value"]
            else round(100 * change / earlier["value"], 1)
        )
        rows.append(
            {
                "from_figure": earlier["figure_id"],
                "to_figure": later["figure_id"],
                "from_period": earlier["period_text"],
                "to_period": later["period_text"],
                "change": change,
                "change_percent": percent,
                "reason": reason,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "from_figure",
            "to_figure",
            "from_period",
            "to_period",
            "change",
            "change_percent",
            "reason",
        ],
    )
