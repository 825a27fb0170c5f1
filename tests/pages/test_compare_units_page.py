"""The Compare page (by place and level) under AppTest: shipped data, a small national folder."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.store.admin_units import admin_units

TIMEOUT = 60


def run(**query: str) -> AppTest:
    at = AppTest.from_file("../../pages/compare.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


def units_table(at: AppTest) -> pd.DataFrame:
    """The ranking's table (every unit, with its position), not the list of figures left out."""
    return next(
        frame.value
        for frame in at.dataframe
        if {"位次（同口径）", "Position (like for like)"} & set(frame.value.columns)
    )


@pytest.mark.usefixtures("serve_shipped")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_runs_on_the_shipped_data(lang: str) -> None:
    at = run(lang=lang, place="350000", level="prefecture")
    assert not at.exception
    assert at.selectbox(key="place_0").value == "350000"


@pytest.mark.usefixtures("serve_shipped")
def test_a_county_in_the_url_is_compared_among_its_prefectures_counties() -> None:
    at = run(place="430528")
    assert not at.exception
    assert [at.selectbox(key=f"place_{n}").value for n in range(3)] == [
        "430000",
        "430500",
        "430528",
    ]
    assert list(at.selectbox(key="level").options) == ["县"]


PLACE_NOTICE = "链接中的地方不存在，已显示默认地方"


@pytest.mark.usefixtures("serve_shipped")
def test_a_place_code_that_names_no_unit_falls_back_to_the_country_and_says_so() -> None:
    at = run(place="999999")
    assert not at.exception
    assert PLACE_NOTICE in [element.value for element in at.info]
    assert at.selectbox(key="place_0").value == ""
    assert "place" not in at.query_params


@pytest.mark.usefixtures("serve_shipped")
def test_a_known_place_code_gets_no_notice() -> None:
    at = run(place="350900")
    assert not at.exception
    assert PLACE_NOTICE not in [element.value for element in at.info]
    assert at.query_params["place"] == "350900"


@pytest.mark.usefixtures("serve_national")
def test_every_county_of_the_country_is_listed_and_the_missing_are_not_zero() -> None:
    at = run(lang="en", level="county")
    assert not at.exception
    counties = int((admin_units()["level"] == "county").sum())
    headline = next(h.value for h in at.subheader)
    counts = re.match(r"([\d,]+) of ([\d,]+) counties reported", headline).groups()
    reported, total = (int(count.replace(",", "")) for count in counts)  # counts are grouped
    assert total == counties and 0 < reported <= 60
    # The table is shown a page of rows at a time: read every page
    pages = at.number_input(key="compare_table_page")
    assert pages.max == -(-counties // 1000)
    shown = []
    for page in range(1, int(pages.max) + 1):
        at.number_input(key="compare_table_page").set_value(page).run()
        shown.append(units_table(at))
    assert f"of {counties:,}" in " ".join(caption.value for caption in at.caption)
    table = pd.concat(shown, ignore_index=True)
    assert len(table) == counties
    values = table["Value"]
    assert (values == "no figure").sum() == counties - reported
    assert not values.isin(["0", "0.0"]).any()
    assert table["Position (like for like)"].iloc[0].startswith(f"1 / {reported} reported")


@pytest.mark.usefixtures("serve_national")
def test_find_a_place_by_pinyin_and_compare_its_units() -> None:
    at = run(lang="en", metric="funds_invested")
    at.text_input(key="place_search").input("ningde").run()
    found = at.selectbox(key="place_found")
    assert found.options == ["—", "Ningde 350900 · Fujian"]
    found.set_value("350900").run()
    assert not at.exception
    assert at.selectbox(key="place_1").value == "350900"
    assert at.query_params["place"] == "350900"
    assert list(at.selectbox(key="level").options) == ["counties"]


@pytest.mark.usefixtures("serve_shipped")
def test_the_overview_drills_down_from_provinces_to_a_provinces_prefectures() -> None:
    at = AppTest.from_file("../../pages/overview.py", default_timeout=TIMEOUT)
    at.query_params.update({"lang": "en"})
    at.run()
    assert not at.exception
    provinces = int((admin_units()["level"] == "province").sum())
    assert f"of {provinces} units below have figures" in "\n".join(c.value for c in at.caption)
    at.selectbox(key="cover_0").set_value("350000").run()
    captions = "\n".join(c.value for c in at.caption)
    assert "2 of 9 units below have figures" in captions
    assert at.query_params["cover"] == "350000"


@pytest.mark.usefixtures("serve_shipped")
def test_a_prefectures_profile_lists_its_counties_coverage() -> None:
    at = AppTest.from_file("../../pages/region_profile.py", default_timeout=TIMEOUT)
    at.query_params.update({"lang": "en", "report": "ningde_2021"})
    at.run()
    assert not at.exception
    captions = "\n".join(c.value for c in at.caption)
    assert "0 of 9 units below have figures" in captions
