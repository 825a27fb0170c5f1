"""Drafting reads kinds of statement, not sentences: each test is a small sentence of one class."""

from __future__ import annotations

import pytest

from ruraldash.draft.engine import Draft, DraftFigure, draft_report
from ruraldash.store.catalogue import Catalogue


def draft(text: str, catalogue: Catalogue, date: str = "") -> Draft:
    return draft_report(text, catalogue.metrics, "test", date=date)


def rows(text: str, catalogue: Catalogue) -> list[tuple[str, str]]:
    return [(figure.value, figure.unit) for figure in draft(text, catalogue).figures]


def only(text: str, catalogue: Catalogue) -> DraftFigure:
    (figure,) = draft(text, catalogue).figures
    return figure


# --- counts whose noun an earlier clause implies ----------------------------------------------


def test_a_count_after_a_threshold_counts_the_places_the_clause_names(
    catalogue: Catalogue,
) -> None:
    assert rows("村集体经济收入10万元以上的128个。", catalogue) == [("128", "village")]
    assert rows("2021年村集体经济收入10万元以上的168个,其中50万元以上的41个。", catalogue) == [
        ("168", "village"),
        ("41", "village"),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("全旗155个嘎查村建立联席会议制度。", "village"),
        ("68个嘎查完成提档升级。", "village"),
        ("全旗12个苏木乡镇建立制度。", "township"),
        ("3个苏木完成创建。", "township"),
        ("全县23个社区完成换届。", "village"),
        ("13个居委会完成规范化建设。", "village"),
        ("76个村委会完成规范化建设。", "village"),
    ],
)
def test_the_words_for_villages_and_townships_of_every_region(
    text: str, unit: str, catalogue: Catalogue
) -> None:
    assert only(text, catalogue).unit == unit


# --- physical quantities ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("收购大豆4.2亿斤。", "210000", "tonne"),
        ("发放种子1.5万公斤。", "15", "tonne"),
        ("播种面积12.6万公顷。", "1890000", "mu"),
        ("新建蓄水池总容积5.8万立方米。", "58000", "cubic_metre"),
        ("硬化道路38公里。", "38", "kilometre"),
    ],
)
def test_physical_quantities_keep_units_of_their_own_kind(
    text: str, value: str, unit: str, catalogue: Catalogue
) -> None:
    figure = only(text, catalogue)
    assert (figure.value, figure.unit) == (value, unit)


# --- people, sessions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["帮助4800多脱贫群众稳定增收。", "惠及5万多贫困群众。", "带动3000余名农民增收。"]
)
def test_a_number_before_a_noun_of_people_counts_persons(text: str, catalogue: Catalogue) -> None:
    figure = only(text, catalogue)
    assert figure.unit == "person" and figure.qualifier == "more_than"


def test_editions_of_a_festival_are_sessions(catalogue: Catalogue) -> None:
    assert rows("依托连续举办的6届柿子文化节。", catalogue) == [("6", "session")]


# --- plans ------------------------------------------------------------------------------------


def test_a_plan_cue_governs_its_own_clause_only(catalogue: Catalogue) -> None:
    result = draft("力争新增示范合作社5家,目前已有示范合作社18家。", catalogue)
    assert [f.status for f in result.figures] == ["plan", "actual"]
    result = draft("预计今年产值可达1.2亿元,带动农户增收的合作社达到36家。", catalogue)
    assert [f.status for f in result.figures] == ["plan", "actual"]
    result = draft("全县要达到高标准农田35万亩,已建成28万亩。", catalogue)
    assert [f.status for f in result.figures] == ["plan", "actual"]


# --- thresholds -------------------------------------------------------------------------------


def test_a_threshold_in_a_label_labels_the_count_and_is_no_figure(catalogue: Catalogue) -> None:
    result = draft("集体经济收入50万元以上的嘎查村有89个。", catalogue)
    (figure,) = result.figures
    assert (figure.value, figure.unit) == ("89", "village")
    assert "50万元以上" in figure.label
    assert [item.reason for item in result.skipped] == ["threshold"]


# --- periods ----------------------------------------------------------------------------------


def test_periods_resolve_against_the_report_date(catalogue: Catalogue) -> None:
    (figure,) = draft("今年以来,全旗新发展党员146名。", catalogue, date="2023-07-21").figures
    assert (figure.period_text, figure.period_start, figure.period_end) == (
        "今年以来",
        "2023-01-01",
        "",
    )
    (figure,) = draft("去年全县流转土地1.2万亩。", catalogue, date="2023-07-21").figures
    assert (figure.period_start, figure.period_end) == ("2022-01-01", "2022-12-31")
    (figure,) = draft("今年新发展党员213名。", catalogue, date="2022").figures
    assert (figure.period_start, figure.period_end) == ("2022-01-01", "2022-12-31")
    (figure,) = draft("今年以来,全旗新发展党员146名。", catalogue).figures
    assert (figure.period_start, figure.period_end) == ("", "")  # no date: nothing to resolve


# --- metrics of their own kind ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("从老干部中选聘帮带导师58名。", "mentors"),
        ("与112名村级后备干部结成帮带对子。", "mentees"),
        ("带动3200余户农牧民户均增收4600元。", "per_household_amount"),
        ("全县农村常住居民人均可支配收入达到18650元。", "per_capita_income"),
        ("全旗嘎查村集体经济总收入达到1.05亿元。", "collective_income"),
        ("村均集体经济收入67.7万元。", "collective_income_per_village"),
        ("今年以来接待游客82万人次。", "tourists"),
        ("全县新发展党员217名。", "new_party_members"),
        ("县委组织全县乡镇干部1260名下沉包村联户。", "township_cadres"),
        ("带动就业2.4万人。", "jobs_created"),
        ("产值52.4亿元,较上年增长9.6%。", "growth_rate"),
        ("收入50万元以上的村占比达到21.5%。", "collective_income_share"),
    ],
)
def test_figures_get_metrics_of_their_own_kind(
    text: str, metric: str, catalogue: Catalogue
) -> None:
    assert draft(text, catalogue).figures[-1].metric == metric


def test_a_per_household_amount_never_takes_a_metric_of_totals(catalogue: Catalogue) -> None:
    figure = draft("带动4.5万户茶农户均增收8200元。", catalogue).figures[-1]
    assert catalogue.metrics[figure.metric].per == "household"
    figure = draft("村集体经济增收8200元。", catalogue).figures[-1]
    assert catalogue.metrics[figure.metric].per == ""


def test_an_unsure_metric_is_flagged_in_the_draft(catalogue: Catalogue) -> None:
    figure = only("选出“五美庭院”1.8万户。", catalogue)
    assert figure.confidence < 0.3
    assert figure.note_en.startswith("metric uncertain") and figure.note_zh.startswith("指标存疑")
    sure = only("从老干部中选聘帮带导师58名。", catalogue)
    assert "uncertain" not in sure.note_en
