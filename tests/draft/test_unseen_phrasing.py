"""Drafting on phrasing the five seed reports lack: measure words, units, plans, furniture, metrics.

Every text here is written for the rule it checks, in the style of county and city reports from
provinces other than the seeds'; none is taken from the five seed reports or the benchmark texts.
"""

from __future__ import annotations

import re

import pytest

from ruraldash.draft.engine import Draft, DraftFigure, draft_report
from ruraldash.draft.metric_guess import explained_share
from ruraldash.language.numbers import MEASURE_WORDS, find_quantities
from ruraldash.store.catalogue import Catalogue


def draft(text: str, catalogue: Catalogue) -> Draft:
    return draft_report(text, catalogue.metrics, "test", "")


def figures(text: str, catalogue: Catalogue) -> list[tuple[str, str]]:
    return [(figure.value, figure.unit) for figure in draft(text, catalogue).figures]


def only(text: str, catalogue: Catalogue) -> DraftFigure:
    found = draft(text, catalogue).figures
    assert len(found) == 1, [figure.raw for figure in found]
    return found[0]


# --- 4. measure words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全县能繁母猪存栏3.2万头。", "32000"),
        ("年出栏肉羊16万只。", "160000"),
        ("为高山村配备驮马24匹。", "24"),
        ("新建蓄水池58口。", "58"),
        ("受理群众来信来访426件。", "426"),
        ("依法查处乱占耕地案件17起。", "17"),
        ("化解历史遗留土地问题9宗。", "9"),
        ("购置收割机械130台。", "130"),
        ("配发垃圾清运车21辆。", "21"),
        ("建成村级文化广场64座。", "64"),
        ("新建村级幼儿园12所。", "12"),
        ("组建产业服务队15支。", "15"),
        ("刊发经验材料28篇。", "28"),
        ("改造危旧房屋310栋。", "310"),
        ("放养鱼苗120万尾。", "1200000"),
        ("发放农资套装800套。", "800"),
    ],
)
def test_counted_nouns_with_listed_measure_words_are_counts(
    text: str, value: str, catalogue: Catalogue
) -> None:
    figure = only(text, catalogue)
    assert (figure.value, figure.unit) == (value, "count")


def test_the_measure_words_of_the_grammar_reference_are_listed() -> None:
    for word in "头只匹口件起宗项台辆套座条所家篇场批届支名位户":
        assert word in MEASURE_WORDS, word
    assert MEASURE_WORDS["人次"] == "person_time"
    assert "群" not in MEASURE_WORDS  # 43万多群众: 群 starts the noun


def test_an_unknown_measure_word_is_still_drafted_as_an_unsure_count(
    catalogue: Catalogue,
) -> None:
    figure = only("沿河新栽柳树1.2万蔸。", catalogue)
    assert (figure.value, figure.unit) == ("12000", "count")
    assert figure.confidence <= 0.1
    assert "unknown measure word 蔸" in figure.note_en
    assert "未知量词蔸" in figure.note_zh


def test_words_after_a_number_are_not_taken_for_measure_words(catalogue: Catalogue) -> None:
    # 3大行动 and 5G are no counts of 大 or G; 5米宽 is a width, no figure.
    result = draft("实施3大行动,建成5G基站,拓宽道路至5米宽。", catalogue)
    assert result.figures == ()
    assert {item.raw: item.reason for item in result.skipped}["5米"] == "other_unit"


# --- 5. units -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["培训新型职业农民5200人(次)。", "培训新型职业农民5200人（次）。"])
def test_person_times_in_brackets(text: str, catalogue: Catalogue) -> None:
    figure = only(text, catalogue)
    assert (figure.value, figure.unit) == ("5200", "person_time")


def test_villages_are_counted_as_villages_but_villagers_are_not(catalogue: Catalogue) -> None:
    assert figures("全市312个行政村完成人居环境整治。", catalogue) == [("312", "village")]
    assert figures("已有58个村完成清产核资。", catalogue) == [("58", "village")]
    assert figures("组织24个村民代表参加听证。", catalogue) == [("24", "person")]
    assert figures("建成86个村民小组活动室。", catalogue) == [("86", "count")]
    assert figures("全县9个镇(街道)建成便民服务中心。", catalogue) == [("9", "township")]


def test_the_unit_follows_the_noun_counted(catalogue: Catalogue) -> None:
    # The noun before the number (省级示范村14个) or at the end of the phrase (27个重点村).
    assert figures("创建省级示范村14个。", catalogue) == [("14", "village")]
    assert figures("县领导联系27个重点村。", catalogue) == [("27", "village")]
    assert figures("培训120个村民小组长。", catalogue) == [("120", "person")]
    # A qualified amount before 的村 names a class of villages, not a figure.
    assert figures("年收入超过50万元的村有19个。", catalogue) == [("19", "village")]


# --- 6. plan status -------------------------------------------------------------------------


def test_a_plan_word_stops_at_a_clause_that_says_what_is_done(catalogue: Catalogue) -> None:
    found = draft("计划年内招募乡村规划师60名,目前已到岗25名。", catalogue).figures
    assert [figure.status for figure in found] == ["plan", "actual"]


def test_secured_money_is_actual_a_target_is_a_plan(catalogue: Catalogue) -> None:
    assert only("今年争取中央预算内投资2.4亿元。", catalogue).status == "actual"
    assert only("全年争取新建高标准农田5万亩。", catalogue).status == "plan"


@pytest.mark.parametrize(
    "text",
    ["今年粮食总产量预计达到46万吨。", "全年蔬菜产值可达12亿元。"],
)
def test_projections_are_plans(text: str, catalogue: Catalogue) -> None:
    assert only(text, catalogue).status == "plan"


def test_a_projection_governs_its_own_clause_only(catalogue: Catalogue) -> None:
    found = draft("全年产量可达9万吨,已销售6.5万吨。", catalogue).figures
    assert [figure.status for figure in found] == ["plan", "actual"]


@pytest.mark.parametrize(
    ("text", "period_text"),
    [
        ("到2025年,建成美丽宜居村庄300个。", "到2025年"),
        ("2026年前完成150个村的污水治理。", "2026年前"),
    ],
)
def test_a_deadline_is_a_plan_ending_that_year_with_no_start(
    text: str, period_text: str, catalogue: Catalogue
) -> None:
    figure = only(text, catalogue)
    assert figure.status == "plan"
    year = re.search(r"\d{4}", period_text)[0]
    assert (figure.period_text, figure.period_start, figure.period_end) == (
        period_text,
        "",
        f"{year}-12-31",
    )


def test_until_a_past_date_is_not_a_deadline(catalogue: Catalogue) -> None:
    figure = only("截至2022年底,全县建成村级光伏电站48座。", catalogue)
    assert figure.status == "actual" and figure.period_end == "2022-12-31"


# --- 7. page furniture ----------------------------------------------------------------------


def test_counters_and_times_in_a_content_line_are_furniture(catalogue: Catalogue) -> None:
    result = draft(
        "发布时间:2024-03-08 10:42 人气:5120 阅读:863次 浏览量:2210\n全县投入资金3000万元。",
        catalogue,
    )
    assert [figure.value for figure in result.figures] == ["30000000"]
    reasons = {item.raw: item.reason for item in result.skipped}
    assert reasons["10:42"] == reasons["5120"] == reasons["863次"] == reasons["2210"]
    assert reasons["10:42"] == "furniture"


def test_a_time_of_day_is_read_as_a_date() -> None:
    assert [quantity.kind for quantity in find_quantities("16:05发布")] == ["date"]


# --- 8. metric guesses ----------------------------------------------------------------------


def test_a_guess_that_explains_little_of_the_label_is_unsure(catalogue: Catalogue) -> None:
    sure = only("全县举办专题培训班46期。", catalogue)
    unsure = only("建立村民小组活动场所220个。", catalogue)
    assert sure.metric == "training_sessions" and sure.confidence >= 0.8
    assert unsure.confidence < 0.5


def test_explained_share_counts_the_label_characters_keywords_cover(
    catalogue: Catalogue,
) -> None:
    assert explained_share(catalogue.metrics["training_sessions"], "培训班") == 1.0
    assert explained_share(catalogue.metrics["party_organisations_set_up"], "活动场所") == 0.0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("某县投入资金1200万元。", "投入资金"),
        ("西充县投入资金1200万元。", "投入资金"),
        ("南充市西充县投入资金1200万元。", "投入资金"),
    ],
)
def test_labels_drop_place_names(text: str, label: str, catalogue: Catalogue) -> None:
    assert only(text, catalogue).label == label
