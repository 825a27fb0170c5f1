"""The like-for-like rule: which figures a ranking holds, which it leaves out and why, the
default period, and a handful of figures side by side (tests/fixtures/like_for_like/)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ruraldash.compare import like_for_like
from ruraldash.compare.series import classify_period

FIXTURE = Path(__file__).parents[1] / "fixtures" / "like_for_like" / "figures.csv"
Y2021 = "in_period|2021-01-01|2021-12-31"
Y2020 = "in_period|2020-01-01|2020-12-31"
CUMULATIVE_2021 = "cumulative|2015-01-01|2021-12-31"


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    rows = pd.read_csv(FIXTURE, dtype={"admin_code": str}, keep_default_na=False)
    rows = rows.replace({"": None})
    rows["value"] = rows["value"].astype(float)
    return rows


def reasons(selection: like_for_like.Selection) -> dict[str, str]:
    return dict(zip(selection.left_out["figure_id"], selection.left_out["reason"], strict=True))


def test_two_years_are_never_ranked_together(figures: pd.DataFrame) -> None:
    of_2021 = like_for_like.select(figures, Y2021, "受训党员", "actual", "county")
    assert set(of_2021.ranked["figure_id"]) == {"y21_a", "y21_b"}
    assert reasons(of_2021)["y20_c"] == "period"
    assert reasons(of_2021)["y22_h"] == "period"
    of_2020 = like_for_like.select(figures, Y2020, "受训党员", "actual", "county")
    assert set(of_2020.ranked["figure_id"]) == {"y20_b", "y20_c"}
    assert {classify_period(text).start.year for text in of_2020.ranked["period_text"]} == {2020}


def test_cumulative_totals_are_never_ranked_with_in_period_figures(figures: pd.DataFrame) -> None:
    in_period = like_for_like.select(figures, Y2021, "受训党员", "actual", "county")
    assert {"cum_d", "cum_e"} <= set(in_period.left_out["figure_id"])
    cumulative = like_for_like.select(figures, CUMULATIVE_2021, "受训党员", "actual", "county")
    assert set(cumulative.ranked["figure_id"]) == {"cum_d", "cum_e"}
    assert set(cumulative.ranked["period_kind"]) == {"cumulative"}


def test_plans_stay_apart_from_actuals(figures: pd.DataFrame) -> None:
    actual = like_for_like.select(figures, Y2021, "受训党员", "actual", "county")
    assert reasons(actual)["plan_f"] == "status"
    plans = like_for_like.periods(figures, "plan", "county")
    assert plans.periods == {}  # one plan is no comparison


def test_levels_stay_apart(figures: pd.DataFrame) -> None:
    counties = like_for_like.select(figures, Y2021, "受训党员", "actual", "county")
    assert reasons(counties)["pref_p"] == "level"
    assert "pref_p" not in set(counties.ranked["figure_id"])


def test_other_labels_narrower_scopes_and_second_figures_are_left_out(
    figures: pd.DataFrame,
) -> None:
    found = reasons(like_for_like.select(figures, Y2021, "受训党员", "actual", "county"))
    assert found["lab_a"] == "label"
    assert found["scope_b"] == "scope"
    assert found["two_a"] == "several"
    assert found["open_g"] == "period"


def test_the_default_period_is_the_latest_with_two_units(figures: pd.DataFrame) -> None:
    found = like_for_like.periods(figures, "actual", "county")
    # 2022 has one county only; the in-period 2021 comes before the cumulative total to 2021.
    assert found.default == Y2021
    assert list(found.periods) == [Y2021, CUMULATIVE_2021, Y2020]
    assert found.labels[Y2021] == ["受训党员"]


def test_every_figure_left_out_is_counted_in_one_line_and_listed(figures: pd.DataFrame) -> None:
    selection = like_for_like.select(figures, Y2021, "受训党员", "actual", "county")
    assert len(selection.ranked) + len(selection.left_out) == len(figures)
    assert selection.counts() == {
        "scope": 1,
        "level": 1,
        "status": 1,
        "period": 6,
        "label": 1,
        "several": 1,
    }
    line = like_for_like.left_out_line(selection, "zh")
    assert line.startswith("另有 11 项数字未参与排序：")
    assert "时期不同 6 项" in line
    english = like_for_like.left_out_line(selection, "en")
    assert english.startswith("11 other figures are not ranked:")


def test_a_single_reason_reads_as_one_line() -> None:
    rows = pd.read_csv(FIXTURE, dtype={"admin_code": str}, keep_default_na=False)
    rows = rows.replace({"": None})
    years = rows[rows["figure_id"].isin(["y21_a", "y21_b", "y20_c"])]
    selection = like_for_like.select(years, Y2021, "受训党员", "actual", "county")
    assert like_for_like.left_out_line(selection, "zh") == "另有 1 项数字时期不同，未参与排序。"


def test_what_differs_is_a_few_lines_with_counts(figures: pd.DataFrame) -> None:
    lines = like_for_like.differences(figures, "zh")
    assert len(lines) == 4
    assert lines[0].startswith("时期不同：4 个有起止的时期（")
    assert "时期不明或无截止日期 1 项" in lines[0]
    many = pd.concat(
        [
            figures.iloc[[0]].assign(period_text=f"{year}年", period_start=None, period_end=None)
            for year in range(1000, 3000)
        ],
        ignore_index=True,
    )
    # Two thousand periods are counted, never listed.
    assert like_for_like.differences(many, "zh") == [
        "时期不同：2,000 个有起止的时期（期间 2,000 项）；排序只含同一时期。"
    ]


def test_a_handful_without_a_comparable_pair_stands_in_region_order(
    figures: pd.DataFrame,
) -> None:
    handful = figures[figures["figure_id"].isin(["y22_h", "cum_d", "y21_a", "open_g"])]
    shown = like_for_like.side_by_side(handful, ["g", "h", "a", "d"])
    assert list(shown["figure_id"]) == ["open_g", "y22_h", "y21_a", "cum_d"]
    assert list(shown["value"]) != sorted(shown["value"], reverse=True)
    many = pd.concat([figures] * 3, ignore_index=True)
    assert like_for_like.side_by_side(many, list("abcdefghp")) is None


def test_one_period_is_what_a_colour_scale_may_hold(figures: pd.DataFrame) -> None:
    ranked = like_for_like.select(figures, Y2021, "受训党员", "actual", "county").ranked
    assert like_for_like.one_period(ranked)
    assert not like_for_like.one_period(figures[figures["figure_id"].isin(["y21_a", "y20_c"])])
    assert not like_for_like.one_period(figures[figures["figure_id"] == "open_g"])


CATEGORY = FIXTURE.with_name("category.csv")
Y2020_FUNDS = "in_period|2020-01-01|2020-12-31"
ORDER = ["trainees", "funds_invested", "training_sessions", "trainee_person_times", "mentors"]


@pytest.fixture(scope="module")
def category() -> pd.DataFrame:
    rows = pd.read_csv(CATEGORY, dtype={"admin_code": str}, keep_default_na=False)
    rows = rows.replace({"": None})
    rows["value"] = rows["value"].astype(float)
    return rows


def test_each_metric_of_a_category_is_ranked_in_its_own_latest_period(
    category: pd.DataFrame,
) -> None:
    ranked, _ = like_for_like.per_metric(category, ORDER, "actual", "county")
    periods = {ranking.metric: ranking.period for ranking in ranked}
    assert periods == {"trainees": Y2021, "funds_invested": Y2020_FUNDS}
    # Each ranking holds its own metric's figures only, of its one period.
    for ranking in ranked:
        assert set(ranking.selection.ranked["metric_id"]) == {ranking.metric}
        assert set(ranking.selection.ranked["period_key"]) == {ranking.period}
    by_metric = {ranking.metric: ranking for ranking in ranked}
    assert set(by_metric["trainees"].selection.ranked["figure_id"]) == {"tr21_a", "tr21_b"}
    assert by_metric["trainees"].period_text == "2021年"
    assert by_metric["funds_invested"].period_text == "2020年"


def test_a_metric_with_mixed_periods_ranks_only_its_like_for_like_figures(
    category: pd.DataFrame,
) -> None:
    ranked, _ = like_for_like.per_metric(category, ORDER, "actual", "county")
    funds = next(ranking for ranking in ranked if ranking.metric == "funds_invested")
    assert set(funds.selection.ranked["figure_id"]) == {"fu20_a", "fu20_c"}
    assert reasons(funds.selection) == {
        "fucum_b": "period",
        "fucum_d": "period",
        "fu22_d": "period",
    }
    # The figures another metric leaves out are that metric's own, never this one's.
    trainees = next(ranking for ranking in ranked if ranking.metric == "trainees")
    assert reasons(trainees.selection) == {"tr20_c": "period"}


def test_metrics_without_a_comparable_period_are_named_and_those_without_figures_are_not(
    category: pd.DataFrame,
) -> None:
    ranked, without = like_for_like.per_metric(category, ORDER, "actual", "county")
    assert without == ["training_sessions"]
    # The prefecture's only figure is not a county's; mentors have no figure at all.
    named = {ranking.metric for ranking in ranked} | set(without)
    assert not named & {"trainee_person_times", "mentors"}


def test_a_metric_declared_not_comparable_is_never_ranked(category: pd.DataFrame) -> None:
    declared = category.assign(
        comparable=category["comparable"] & (category["metric_id"] != "trainees")
    )
    ranked, without = like_for_like.per_metric(declared, ORDER, "actual", "county")
    assert [ranking.metric for ranking in ranked] == ["funds_invested"]
    assert without == ["trainees", "training_sessions"]


def test_the_status_applies_to_every_metric(category: pd.DataFrame) -> None:
    ranked, without = like_for_like.per_metric(category, ORDER, "plan", "county")
    assert ranked == []
    assert without == ["trainees", "funds_invested", "training_sessions"]
