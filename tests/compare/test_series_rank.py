"""Series over years, changes between comparable periods only, and ranks among like-for-like."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ruraldash.compare.rank import peers, rank_of
from ruraldash.compare.series import (
    CUMULATIVE,
    IN_PERIOD,
    UNSTATED,
    changes,
    classify_period,
    series_of,
)

FIGURES = Path(__file__).parents[1] / "fixtures" / "series" / "figures.csv"


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    frame = pd.read_csv(FIGURES, dtype={"period_text": str}, keep_default_na=True)
    frame["comparable"] = frame["comparable"].astype(bool)
    return frame


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "months"),
    [
        ("2021年", None, None, IN_PERIOD, 12),
        ("2021年", "2021-01-01", "2021-12-31", IN_PERIOD, 12),
        ("2021年上半年", "2021-01-01", "2021-06-30", IN_PERIOD, 6),
        ("今年以来", None, None, IN_PERIOD, None),
        ("今年", "2022-01-01", None, IN_PERIOD, None),
        ("截至2020年底", None, "2020-12-31", CUMULATIVE, None),
        ("2019年6月以来", "2019-06-01", None, CUMULATIVE, None),
        ("去年来", "2021-01-01", None, CUMULATIVE, None),
        ("近年来", None, None, CUMULATIVE, None),
        ("最多时", None, None, UNSTATED, None),
        (None, None, None, UNSTATED, None),
    ],
)
def test_periods_are_cumulative_in_period_or_unstated(
    text: str | None, start: str | None, end: str | None, kind: str, months: int | None
) -> None:
    period = classify_period(text, start, end)
    assert (period.kind, period.months) == (kind, months)


def test_a_bare_year_gets_its_calendar_bounds() -> None:
    period = classify_period("2020年")
    assert (period.start, period.end) == (date(2020, 1, 1), date(2020, 12, 31))


def test_a_series_never_mixes_kinds_or_statuses(figures: pd.DataFrame) -> None:
    groups = series_of(figures, "a", "trainees")
    assert {key: list(rows["figure_id"]) for key, rows in groups.items()} == {
        ("受训党员", "actual", CUMULATIVE): ["a_cum2020", "a_cum2021"],
        ("受训党员", "actual", IN_PERIOD): ["a2019", "a2020", "a2021h1", "a2022"],
        ("受训党员", "actual", UNSTATED): ["a_nodate"],
        ("受训党员", "plan", IN_PERIOD): ["a_plan2021"],
    }


def test_a_change_only_between_two_exact_years(figures: pd.DataFrame) -> None:
    yearly = series_of(figures, "a", "trainees")[("受训党员", "actual", IN_PERIOD)]
    steps = changes(yearly)
    assert steps[["from_figure", "to_figure", "reason"]].fillna("").values.tolist() == [
        ["a2019", "a2020", ""],
        ["a2020", "a2021h1", "change_lengths_differ"],
        ["a2021h1", "a2022", "change_lengths_differ"],
    ]
    assert steps.loc[0, "change"] == 20 and steps.loc[0, "change_percent"] == 20.0
    assert steps["change"].iloc[1:].isna().all()


def test_two_cumulative_totals_are_not_a_change(figures: pd.DataFrame) -> None:
    cumulative = series_of(figures, "a", "trainees")[("受训党员", "actual", CUMULATIVE)]
    assert changes(cumulative)["reason"].tolist() == ["change_cumulative"]


def test_an_approximate_value_gives_no_size_of_change(figures: pd.DataFrame) -> None:
    pair = figures[figures["figure_id"].isin(["a2019", "a2022"])]
    pair = pair.assign(period_text=["2019年", "2022年"])
    assert changes(pair)["reason"].tolist() == ["change_not_exact"]


def test_peers_share_metric_label_status_kind_and_period(figures: pd.DataFrame) -> None:
    # e: other label; f: plan; g: cumulative; h: another year; a_nodate: no period.
    assert sorted(peers(figures, "a2020")["figure_id"]) == ["a2020", "b2020", "c2020", "d2020"]
    assert peers(figures, "a_nodate").empty


def test_rank_among_like_for_like_with_ties_and_its_wording(figures: pd.DataFrame) -> None:
    rank = rank_of(figures, "c2020", total=84, level="county")
    assert rank is not None
    assert (rank.position, rank.reported) == (4, 4)
    assert rank.text("en") == "4 / 4 reported (of 84 counties) (some values approximate)"
    assert rank.text("zh") == "第4位 / 4个有数据（共84个县）（含约数）"
    # a and b both have 120: they share second place behind d's 约300.
    assert rank_of(figures, "a2020").position == rank_of(figures, "b2020").position == 2


def test_no_rank_without_peers_or_for_an_incomparable_metric(figures: pd.DataFrame) -> None:
    assert rank_of(figures, "a_nodate") is None
    incomparable = figures.assign(comparable=False)
    assert rank_of(incomparable, "a2020") is None
    exact_only = figures[figures["figure_id"] != "d2020"]
    assert rank_of(exact_only, "b2020").text("en") == "1 / 3 reported"


def test_a_period_without_a_known_end_has_no_peers(figures: pd.DataFrame) -> None:
    undated = figures.assign(
        period_text=figures["period_text"].where(
            ~figures["figure_id"].isin(["a2020", "b2020"]), "今年以来"
        ),
        period_start=figures["period_start"].where(
            ~figures["figure_id"].isin(["a2020", "b2020"]), None
        ),
        period_end=figures["period_end"].where(
            ~figures["figure_id"].isin(["a2020", "b2020"]), None
        ),
    )
    assert rank_of(undated, "a2020") is None
