"""The units under a place: coverage, sums only when complete, positions, period options."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ruraldash.compare import units as rules

FOLDER = Path(__file__).parents[1] / "fixtures" / "units"
YEAR_2021 = "in_period|2021-01-01|2021-12-31"


@pytest.fixture(scope="module")
def units() -> pd.DataFrame:
    return pd.read_csv(FOLDER / "units.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    return pd.read_csv(FOLDER / "figures.csv", dtype={"admin_code": str})


def test_options_list_periods_with_actual_figures_newest_year_first(figures: pd.DataFrame) -> None:
    found = rules.options(figures)
    assert list(found.periods) == [
        YEAR_2021,
        "in_period|2020-01-01|2020-12-31",
        "cumulative|2015-01-01|2021-12-31",
    ]
    assert found.periods["cumulative|2015-01-01|2021-12-31"] == "截至2021年底"
    assert found.default_period == YEAR_2021
    assert found.labels[YEAR_2021] == ["受训党员", "受训群众"]


def test_only_the_chosen_period_label_and_status_enter(figures: pd.DataFrame) -> None:
    picked = rules.chosen(figures, YEAR_2021, "受训党员")
    assert sorted(picked["figure_id"]) == ["f1", "f2", "f3", "f4", "f5"]


def test_counties_missing_is_counted_and_positions_share_ties(
    units: pd.DataFrame, figures: pd.DataFrame
) -> None:
    picked = rules.chosen(figures, YEAR_2021, "受训党员")
    rows = rules.compare_units(units, picked, "county", summable=True)
    assert rules.coverage(rows) == rules.Coverage(reported=4, total=5)
    missing = rows[rows["basis"] == "missing"]
    assert list(missing["admin_code"]) == ["990202"] and missing["value"].isna().all()
    ranks = dict(zip(rows["admin_code"], rules.positions(rows), strict=True))
    assert [ranks[code] for code in ("990103", "990102", "990101", "990201")] == [1, 2, 3, 4]
    assert pd.isna(ranks["990202"])
    assert rules.total_for_place(rows, summable=True) == (65.0, False)


def test_a_prefecture_sum_is_drawn_only_when_every_county_reported(
    units: pd.DataFrame, figures: pd.DataFrame
) -> None:
    picked = rules.chosen(figures, YEAR_2021, "受训党员")
    rows = rules.compare_units(units, picked, "prefecture", summable=True).set_index("admin_code")
    # 甲市 has no figure of its own; all three counties reported: a complete sum.
    assert rows.loc[
        "990100", ["basis", "county_sum", "counties_reported", "counties"]
    ].tolist() == [
        rules.SUM_COMPLETE,
        60.0,
        3,
        3,
    ]
    # 乙市 reported itself; only one of its two counties did: its own figure stands.
    assert rows.loc["990200", ["basis", "value", "counties_reported", "counties"]].tolist() == [
        "reported",
        100.0,
        1,
        2,
    ]
    # Positions rank own figures only, never a sum.
    assert rules.positions(rows.reset_index()).tolist()[0] is pd.NA


def test_no_sums_for_a_metric_that_cannot_be_summed(
    units: pd.DataFrame, figures: pd.DataFrame
) -> None:
    picked = rules.chosen(figures, YEAR_2021, "受训党员")
    rows = rules.compare_units(units, picked, "prefecture", summable=False).set_index("admin_code")
    assert rows.loc["990100", "basis"] == "missing"
    assert rows["county_sum"].isna().all()
    assert rules.total_for_place(rows.reset_index(), summable=False) == (None, False)


def test_a_partial_sum_is_labelled_partial(units: pd.DataFrame, figures: pd.DataFrame) -> None:
    picked = rules.chosen(figures[figures["figure_id"] != "f5"], YEAR_2021, "受训党员")
    rows = rules.compare_units(units, picked, "prefecture", summable=True).set_index("admin_code")
    assert rows.loc["990200", ["basis", "county_sum"]].tolist() == [rules.SUM_PARTIAL, 5.0]


def test_two_regions_of_one_name_get_columns_of_their_own() -> None:
    from ruraldash.compare.coverage import region_columns

    regions = pd.DataFrame(
        {
            "region_id": ["a", "b", "c"],
            "region_zh": ["朝阳区", "朝阳区", "新宁县"],
            "region_en": ["Chaoyang", "Chaoyang", "Xinning"],
            "admin_code": ["110105", "220104", "430528"],
        }
    )
    assert region_columns(regions, "zh") == ["朝阳区 110105", "朝阳区 220104", "新宁县"]
