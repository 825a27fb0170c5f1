"""The Compare page under AppTest: it opens on a ranking of the latest comparable period, keeps
every ranking like for like, counts and lists what it leaves out, shows a handful of different
periods side by side, and opens old Compare regions / Compare units links."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.compare.series import classify_period
from ruraldash.language.i18n import t, t_count
from ruraldash.views.plain import markdown_text

TIMEOUT = 120
Y2021 = "in_period|2021-01-01|2021-12-31"


def run(**query: str) -> AppTest:
    at = AppTest.from_file("../../pages/compare.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


def main_table(at: AppTest, lang: str = "zh") -> pd.DataFrame:
    """The comparison's table: the first with a value column and a unit column."""
    return next(
        frame.value
        for frame in at.dataframe
        if t("col_map_unit", lang) in frame.value.columns
        and t("col_reason", lang) not in frame.value.columns
    )


def captions(at: AppTest) -> list[str]:
    return [element.value for element in at.caption]


@pytest.mark.usefixtures("app_db")
def test_the_page_opens_on_the_latest_comparable_period_with_positions() -> None:
    at = run()
    assert not at.exception
    assert at.selectbox(key="metric").value == "funds_invested"
    assert at.selectbox(key="period").value == Y2021
    table = main_table(at)
    ranked = table[table[t("col_rank", "zh")] != ""]
    assert list(ranked[t("col_map_unit", "zh")]) == ["定西市", "福州市"]
    assert list(ranked[t("col_rank", "zh")].str[:3]) == ["第1位", "第2位"]
    assert set(ranked[t("col_period", "zh")].str[:5]) == {"2021年"}


@pytest.mark.usefixtures("app_db")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_handful_of_different_periods_stands_side_by_side_without_positions(
    lang: str,
) -> None:
    at = run(lang=lang, category="training", metric="trainee_person_times")
    assert not at.exception
    # No period is like for like, so there is none to choose and nothing is ranked.
    assert "period" not in [box.key for box in at.selectbox]
    assert t("lfl_side_by_side", lang) in captions(at)
    table = main_table(at, lang)
    assert t("col_rank", lang) not in table.columns
    # Region order (alpha, beta, delta), not value order (12000, 5000, 2700, 3000).
    assert list(table[t("col_figure_id", lang)]) == [
        "alpha_2021-001",
        "beta_2021-001",
        "beta_2021-002",
        "delta_2021-001",
    ]
    assert all(table[t("col_period", lang)].notna())
    chart = at.get("plotly_chart")[0].proto.spec
    assert '"categoryorder":"array"' in chart.replace(" ", "")


@pytest.mark.usefixtures("app_db")
def test_a_compare_units_link_opens_its_view() -> None:
    at = run(level="prefecture", metric="funds_invested", period=Y2021, label="乡村振兴资金")
    assert not at.exception
    assert not at.info  # every parameter is understood
    assert at.selectbox(key="category").value == "funds"
    assert at.selectbox(key="level").value == "prefecture"
    assert at.selectbox(key="period").value == Y2021
    assert list(main_table(at)[t("col_rank", "zh")].iloc[:1].str[:3]) == ["第1位"]


@pytest.mark.usefixtures("app_db")
def test_a_compare_regions_link_to_every_metric_opens_the_category_view() -> None:
    # Compare regions wrote "every metric of the category" as metric=all.
    at = run(category="funds", metric="all", per10k="1")
    assert not at.exception
    assert not at.info
    assert at.selectbox(key="metric").value == "all"
    assert t("category_single_only", "zh") in captions(at)
    # Per 10,000 residents is for one metric: the category view offers no such switch.
    assert "per10k" not in [toggle.key for toggle in at.toggle]


@pytest.mark.usefixtures("app_db")
def test_per_10k_ranks_like_for_like_figures_per_10000_residents_with_their_denominators() -> None:
    at = run(per10k="1")
    assert not at.exception
    table = main_table(at)
    ranked = table[table[t("col_rank", "zh")] != ""]
    # 丁市 近8亿 over 500,000 residents, 甲市 约2亿 over 1,000,000: per 10,000, 1600万 and 200万.
    assert list(ranked[t("col_map_unit", "zh")]) == ["定西市", "福州市"]
    assert list(ranked[t("col_per_10k", "zh")]) == [16_000_000, 2_000_000]
    assert list(ranked[t("col_value_text", "zh")]) == ["近8亿", "约2亿"]
    listed = next(
        element.value
        for element in at.markdown
        if markdown_text(t("per_10k_caption", "zh")) in element.value
    )
    assert "丁市：常住人口 500,000 人（2020年，第七次全国人口普查）" in listed
    assert "甲市：常住人口 1,000,000 人（2020年，第七次全国人口普查）" in listed
    assert "tjj" in listed and "delta" in listed
    off = run()
    assert t("col_per_10k", "zh") not in main_table(off).columns


@pytest.mark.usefixtures("serve_national")
def test_no_ranking_at_national_scale_mixes_years_and_the_rest_is_counted_and_listed() -> None:
    at = run(level="county")
    assert not at.exception
    table = main_table(at)
    ranked = table[table[t("col_rank", "zh")] != ""]
    assert len(ranked) >= 2
    periods = {classify_period(text.split("（")[0]) for text in ranked[t("col_period", "zh")]}
    assert len({(period.kind, period.start, period.end) for period in periods}) == 1
    line = next(text for text in captions(at) if text.startswith("另有 "))
    assert "未参与排序" in line
    listed = next(
        frame.value for frame in at.dataframe if t("col_reason", "zh") in frame.value.columns
    )
    # The default is the latest year: every year left out is earlier.
    chosen = classify_period(None, *at.selectbox(key="period").value.split("|")[1:])
    left_out = [classify_period(text.split("（")[0]) for text in listed[t("col_period", "zh")]]
    assert all(period.end < chosen.end for period in left_out if period.end)
    assert f"另有 {len(listed):,} 项" in line
    assert set(listed[t("col_reason", "zh")]) <= {
        t(f"lfl_reason_{reason}", "zh")
        for reason in ("scope", "level", "status", "period", "label", "several")
    }


@pytest.mark.usefixtures("app_db")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_category_view_ranks_each_metric_on_its_own(lang: str) -> None:
    at = run(lang=lang, level="prefecture", category="funds", metric="all")
    assert not at.exception
    metric = at.selectbox(key="metric")
    # "All metrics in this category" is offered first.
    assert metric.options[0] == t("all_metrics_of_category", lang)
    assert metric.value == "all"
    # One period per metric, the metric's own: there is no period or label to choose.
    assert {"period", "label"}.isdisjoint(box.key for box in at.selectbox)
    table = next(
        frame.value for frame in at.dataframe if t("col_map_unit", lang) in frame.value.columns
    )
    value, rank = list(table.columns)[1:3]
    assert value == t("category_value_column", lang).format(
        metric=t_metric(lang), period="2021年" if lang == "zh" else "in 2021"
    )
    ranked = table[table[rank] != ""]
    assert list(ranked[rank]) == [
        t("category_rank_text", lang).format(position=position, reported=2)
        for position in (2, 1)  # 福州市 then 定西市: the table keeps code order, never a value's
    ]
    lines = captions(at)
    assert t("category_single_only", lang) in lines
    without = t_count("category_without_period", 1, lang).format(count=1, names=FUND_SIZE[lang])
    assert markdown_text(without) in lines
    assert "per10k" not in [toggle.key for toggle in at.toggle]
    assert t("trend_title", lang) not in [element.value for element in at.subheader]
    chart = at.get("plotly_chart")[0].proto.spec
    assert value in chart


FUND_SIZE = {"zh": "专项基金规模", "en": "Size of a dedicated fund"}


def t_metric(lang: str) -> str:
    return "投入资金" if lang == "zh" else "Funds invested"


@pytest.mark.usefixtures("app_db")
def test_a_category_without_a_comparable_metric_names_them_and_draws_nothing() -> None:
    # Training: alpha 2021, beta since 2019 (and a plan), delta undated: no period in common.
    at = run(level="prefecture", category="training", metric="all")
    assert not at.exception
    assert at.subheader[0].value == t("category_no_metric", "zh")
    line = t_count("category_none_with_period", 2, "zh").format(count=2, names="培训班次、培训人次")
    assert markdown_text(line) in captions(at)
    assert not at.get("plotly_chart")
    assert not at.dataframe  # no table of units without a single column of figures
