"""English pages give periods and places an English rendering beside the report's own words."""

from __future__ import annotations

import pandas as pd
import pytest

from ruraldash.language.english import english_period, english_place
from ruraldash.language.formatting import format_period, format_scope


@pytest.mark.parametrize(
    ("written", "english"),
    [
        ("去年来", "since last year"),
        ("自去年起", "since last year"),
        ("去年", "last year"),
        ("今年以来", "since the start of this year"),
        ("近年来", "in recent years"),
        ("2019年6月以来", "since June 2019"),
        ("2015年以来", "since 2015"),
        ("截至2020年底", "to the end of 2020"),
        ("2021-2023年", "2021–2023"),
        ("3年来", "over the past 3 years"),
        ("一年来", "over the past year"),
        ("目前", "to date"),
        ("每年", "each year"),
        ("5月底", "end of May"),
    ],
)
def test_common_period_phrasings_read_in_english(written: str, english: str) -> None:
    assert english_period(written) == english


def test_an_unknown_phrasing_is_left_as_written() -> None:
    assert english_period("换届以后一段时间") is None
    assert format_period("换届以后一段时间", None, None, "en") == "换届以后一段时间"


def test_the_period_shows_english_then_the_source_text_and_dates() -> None:
    start = pd.Timestamp("2021-01-01")
    assert format_period("去年来", start, None, "en") == "since last year (去年来; from 2021-01-01)"
    assert format_period("近年来", None, None, "en") == "in recent years (近年来)"
    assert format_period("去年来", start, None, "zh") == "去年来（2021-01-01起）"


def test_a_place_reads_in_pinyin_smallest_first_with_the_source_text() -> None:
    assert english_place("英德市九龙镇河头村") == "Hetou Village, Jiulong Town, Yingde City"
    assert format_scope("城厢区", "en") == "Chengxiang District (城厢区)"
    assert format_scope("城厢区", "zh") == "城厢区"
    assert english_place("全域") is None
    assert format_scope(None, "en") == "whole region"
