"""Numbers and values as a reader of Chinese or English sees them, qualifiers always visible."""

from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest

from ruraldash.language.formatting import (
    axis_ticks,
    format_number,
    format_per_10k,
    format_period,
    format_ratio,
    format_report_date,
    format_value,
    is_missing,
    round_significant,
    year_text,
)


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (126000, "12.6万", "126,000"),
        (300000000, "3亿", "300 million"),
        (84000, "8.4万", "84,000"),
        (800, "800", "800"),
        (1000000000, "10亿", "1 billion"),
        (62390000, "6239万", "62.39 million"),
        (3146789, "3146789", "3,146,789"),
        (2751.3, "2751.3", "2,751.3"),
    ],
)
def test_numbers_are_written_for_the_language(value: float, zh: str, en: str) -> None:
    assert format_number(value, "zh") == zh
    assert format_number(value, "en") == en


def test_a_percentage_keeps_its_number_as_written() -> None:
    assert format_number(27.5, "zh", "percent") == "27.5%"
    assert format_number(27.5, "en", "percent") == "27.5%"


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "zh", "en"),
    [
        (800, "count", "more_than", "800多", "800+"),
        (126000, "person_time", "more_than", "12.6万多", "126,000+"),
        (300000000, "yuan", "more_than", "3亿多", "300+ million"),
        (800000000, "yuan", "nearly", "近8亿", "<800 million"),
        (50000000, "yuan", "about", "≈5000万", "≈50 million"),
        (10, "percent", "at_least", "≥10%", "≥10%"),
        (50, "percent", "more_than", "50%以上", "50%+"),
        (2198, "session", "exact", "2198", "2,198"),
    ],
)
def test_a_value_always_shows_its_qualifier(
    value: float, unit: str, qualifier: str, zh: str, en: str
) -> None:
    assert format_value(value, unit, qualifier, "actual", "zh") == zh
    assert format_value(value, unit, qualifier, "actual", "en") == en


def test_a_plan_is_marked_as_a_plan() -> None:
    assert format_value(2700, "person_time", "exact", "plan", "zh") == "2700（计划）"
    assert format_value(50000, "person_time", "more_than", "plan", "en") == "50,000+ (plan)"


def test_a_period_keeps_its_words_and_adds_the_dates_curators_fixed() -> None:
    start = pd.Timestamp("2019-06-01")
    assert format_period("2019年6月以来", start, None, "zh") == "2019年6月以来（2019-06-01起）"
    assert (
        format_period("2019年6月以来", start, None, "en")
        == "since June 2019 (2019年6月以来; from 2019-06-01)"
    )
    assert format_period(None, None, None, "zh") == "时期未注明"
    assert format_period(math.nan, pd.NaT, pd.NaT, "en") == "period not stated"


def test_a_report_date_says_whether_it_was_stated_or_inferred() -> None:
    assert format_report_date("2021", "inferred", "zh") == "2021（推断）"
    assert format_report_date("2019-11-04", "stated", "en") == "2019-11-04 (stated)"


def test_ratios_and_per_capita_values_keep_three_significant_digits() -> None:
    assert round_significant(2.5436) == 2.54
    assert round_significant(15384.6) == 15400
    assert format_ratio(1300 / 857, True, "zh") == "≈1.52"
    assert format_ratio(18000 / 230, False, "en") == "78.3"
    assert format_ratio(300000000 / 2000, True, "zh") == "≈15万"
    assert format_per_10k(400.408162, "en") == "400"


def test_missing_cells_and_years() -> None:
    assert is_missing(None) and is_missing(math.nan) and is_missing(pd.NaT)
    assert not is_missing("") and not is_missing(0)
    assert year_text(2020.0) == "2020"
    assert year_text(math.nan) == ""


@pytest.mark.parametrize(
    ("top", "zh", "en"),
    [
        (
            1.04e9,
            ["0", "2亿", "4亿", "6亿", "8亿", "10亿"],
            ["0", "200 million", "400 million", "600 million", "800 million", "1 billion"],
        ),
        (
            2.6e8,
            ["0", "5000万", "1亿", "1.5亿", "2亿", "2.5亿"],
            ["0", "50 million", "100 million", "150 million", "200 million", "250 million"],
        ),
        (
            130000,
            ["0", "2.5万", "5万", "7.5万", "10万", "12.5万"],
            ["0", "25,000", "50,000", "75,000", "100,000", "125,000"],
        ),
        (45, ["0", "10", "20", "30", "40"], ["0", "10", "20", "30", "40"]),
        (0.39, ["0", "0.1", "0.2", "0.3"], ["0", "0.1", "0.2", "0.3"]),
    ],
)
def test_axis_ticks_are_round_and_written_as_the_tables_write_numbers(
    top: float, zh: list[str], en: list[str]
) -> None:
    values, labels = axis_ticks(top, "zh")
    assert labels == zh
    assert axis_ticks(top, "en") == (values, en)
    assert values[0] == 0 and values[-1] <= top
    steps = {round(later - earlier, 9) for earlier, later in itertools.pairwise(values)}
    assert len(steps) == 1, "evenly spaced"
    assert 3 <= len(values) <= 7


def test_axis_ticks_of_a_percentage_and_of_nothing() -> None:
    assert axis_ticks(39, "zh", "percent")[1] == ["0%", "10%", "20%", "30%"]
    assert axis_ticks(0, "en") == ([0.0], ["0"])
    assert axis_ticks(math.nan, "zh") == ([0.0], ["0"])
