"""Values written as the report wrote them: 1400多万, 5万以上, 近8亿, 约5000万."""

from __future__ import annotations

import pytest

from ruraldash.language.formatting import format_value, written_qualifier


@pytest.mark.parametrize(
    ("quote", "value", "unit", "qualifier", "zh", "en"),
    [
        ("投入资金1400多万元创建", 14_000_000, "yuan", "more_than", "1400多万", "14+ million"),
        ("各级投入补助资金近8亿元", 800_000_000, "yuan", "nearly", "近8亿", "<800 million"),
        ("每年约5000万元", 50_000_000, "yuan", "about", "约5000万", "≈50 million"),
        ("5000万元左右", 50_000_000, "yuan", "about", "5000万左右", "≈50 million"),
        ("受训党员12.6万多人次", 126_000, "person_time", "more_than", "12.6万多", "126,000+"),
        ("后备人才等800余名参加学习", 800, "person", "more_than", "800余", "800+"),
        ("投入3亿余元", 300_000_000, "yuan", "more_than", "3亿余", "300+ million"),
        ("累计1090余次", 1090, "session", "more_than", "1090余", "1,090+"),
        ("不低于投入10%", 10, "percent", "at_least", "不低于10%", "≥10%"),
        ("超过1000人回流", 1000, "person", "more_than", "超过1000", "1,000+"),
    ],
)
def test_the_qualifier_stands_where_the_report_put_it(
    quote: str, value: float, unit: str, qualifier: str, zh: str, en: str
) -> None:
    assert format_value(value, unit, qualifier, "actual", "zh", quote) == zh
    assert format_value(value, unit, qualifier, "actual", "en", quote) == en


def test_a_plan_keeps_its_mark_after_the_written_qualifier() -> None:
    quote = "计划利用三年时间开展职业技能培训5万人次以上"
    assert format_value(50000, "person_time", "more_than", "plan", "zh", quote) == "5万以上（计划）"
    assert format_value(50000, "person_time", "more_than", "plan", "en", quote) == "50,000+ (plan)"


def test_without_a_quote_or_a_matching_number_the_marks_stay() -> None:
    assert format_value(50_000_000, "yuan", "about", "actual", "zh") == "≈5000万"
    # The quote states another number: the mark is not borrowed from it.
    assert format_value(800, "person", "more_than", "actual", "zh", "约5000万元") == "800多"
    assert written_qualifier("共800名", 800, "exact") is None


def test_placement_follows_the_word_the_quote_uses() -> None:
    assert written_qualifier("投入资金1400多万元", 14_000_000, "more_than") == ("多", "inside")
    assert written_qualifier("12.6万多人次", 126_000, "more_than") == ("多", "after")
    assert written_qualifier("5万人次以上", 50_000, "more_than") == ("以上", "end")
    assert written_qualifier("近8亿元", 800_000_000, "nearly") == ("近", "before")
