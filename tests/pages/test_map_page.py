"""The map page under AppTest: both languages, its selections in the URL, its table and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.store.db import connect
from ruraldash.views.pages.map import map_view

TIMEOUT = 120  # a fresh process reads the simplified boundaries (or makes them once)


# These tests check the map of the shipped data (its regions on the official units).
pytestmark = pytest.mark.usefixtures("serve_shipped")


def map_page(**query: str) -> AppTest:
    at = AppTest.from_file("../../pages/map.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


def chart_spec(at: AppTest) -> dict:
    """Return the plotly figure the page sent (the map's JSON)."""
    (chart,) = [element for element in at.get("plotly_chart")]
    return json.loads(chart.proto.spec)


def test_the_national_map_in_chinese_and_english() -> None:
    chinese = map_page()
    assert not chinese.exception
    assert chinese.title[0].value == "地图"
    assert chinese.query_params["place"] == "china"
    assert chinese.query_params["level"] == "prefecture"
    spec = chart_spec(chinese)
    names = [trace.get("name") for trace in spec["data"]]
    assert "无数据" in names and "九段线" in names
    assert {trace["type"] for trace in spec["data"]} == {"choroplethmap", "scattermap"}
    assert spec["layout"]["map"]["style"] == "white-bg"
    captions = "\n".join(caption.value for caption in chinese.caption)
    assert "示意图，不作为行政区划或国界依据" in captions and "375" in captions
    table = chinese.dataframe[0].value
    assert {"行政单位", "行政区划代码", "数值"} <= set(table.columns)
    assert (table["数值"] == "无数据").sum() >= 370
    # The table's downloads come last, after the map's image and briefing (test_map_briefing).
    assert [button.proto.label for button in chinese.download_button][-2:] == [
        "下载 CSV",
        "下载 Excel（XLSX）",
    ]
    assert all(button.proto.ignore_rerun for button in chinese.download_button)

    english = map_page(lang="en")
    assert not english.exception
    assert english.title[0].value == "Map"
    spec = chart_spec(english)
    assert "no figure" in [trace.get("name") for trace in spec["data"]]
    assert "A schematic map" in "\n".join(caption.value for caption in english.caption)
    assert "Administrative unit" in english.dataframe[0].value.columns


def test_a_place_from_the_url_draws_its_units_and_the_level_can_change() -> None:
    at = map_page(place="350900")  # 宁德市: its counties, no lines of the whole country
    assert not at.exception
    assert at.query_params["level"] == "county"
    spec = chart_spec(at)
    assert "九段线" not in [trace.get("name") for trace in spec["data"]]
    located = {code for trace in spec["data"] for code in trace.get("locations", [])}
    assert len(located) == 9 and all(code.startswith("3509") for code in located)
    notes = "\n".join(warning.value for warning in at.warning)
    assert "宁德市" in notes, "the prefecture's own figures are named, not spread over counties"

    at.selectbox(key="place").set_value("350000").run()
    at.selectbox(key="level").set_value("prefecture").run()
    assert not at.exception
    assert at.query_params["place"] == "350000"
    located = {code for trace in chart_spec(at)["data"] for code in trace.get("locations", [])}
    assert len(located) == 9 and {"350900", "350300"} <= located


def test_a_plan_map_is_its_own_map() -> None:
    at = map_page(metric="trainees", status="plan", lang="en")
    assert not at.exception
    spec = chart_spec(at)
    scale = spec["layout"]["coloraxis"]["colorscale"]
    assert "plan or target" in spec["layout"]["coloraxis"]["colorbar"]["title"]["text"]
    actual = chart_spec(map_page(metric="trainees", status="actual", lang="en"))
    assert scale != actual["layout"]["coloraxis"]["colorscale"]


def test_a_click_on_a_reported_unit_opens_its_region_profile(built_db: Path) -> None:
    """What ui.map_chart's callback leaves (ui.follow's state) is followed on the next run."""
    with connect(built_db) as con:
        view = map_view(con, "zh", "party_organisations_set_up", "actual", "china", "prefecture")
    page, selection = view.targets["621100"]  # 定西市
    at = AppTest.from_file("../../app.py", default_timeout=TIMEOUT).run()
    at.switch_page("pages/map.py").run()
    assert at.title[0].value == "地图"
    at.session_state["report"] = selection["report"]
    at.session_state["_ruraldash_go_to"] = (page, selection)
    at.run()
    assert not at.exception
    assert at.title[0].value == "地区档案"
    assert at.selectbox(key="report").value == "dingxi_2021"
