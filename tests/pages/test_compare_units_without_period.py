"""Compare when no period is like for like: who reported the metric, as written, n of N, side
by side in region order and never ranked.

On the comparison-rules fixture, Alpha (a prefecture) reports cadres dispatched twice: once
without a period and once since 2019 with no end, so no period is comparable.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.language.i18n import t
from ruraldash.store.admin_units import admin_units
from tests.support.tables import keyed_table

TIMEOUT = 60
SIDE_BY_SIDE = t("lfl_side_by_side", "en")


def run(**query: str) -> AppTest:
    at = AppTest.from_file("../../pages/compare.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


@pytest.mark.usefixtures("app_db")
def test_who_reported_is_listed_as_written_when_no_period_compares() -> None:
    at = run(lang="en", level="prefecture", metric="cadres_dispatched")
    assert not at.exception
    prefectures = int((admin_units()["level"] == "prefecture").sum())
    assert [h.value for h in at.subheader][:1] == [
        f"1 of {prefectures} prefectures reported; {prefectures - 1} without a figure"
    ]
    # The explanation, in one line; bars side by side, no period to choose, no position.
    assert SIDE_BY_SIDE in [caption.value for caption in at.caption]
    assert "\n" not in SIDE_BY_SIDE
    assert "period" not in [box.key for box in at.selectbox]
    table = keyed_table(at, "compare_table")
    assert "Position (like for like)" not in table.columns
    assert list(table["Administrative unit"]) == ["Fuzhou", "Fuzhou"]  # 350100, national list
    assert list(table["Value"]) == ["420", "2,663"]
    assert list(table["Period"])[0] == "period not stated"
    assert list(table["Period"])[1] == "since 2019 (2019年以来; from 2019-01-01)"
    assert set(table["Label (as in the report)"]) == {"驻村第一书记", "驻村干部"}
    assert set(table["Report"]) == {"Alpha's party building leads rural revitalisation"}
    assert "选派驻村第一书记420名" in set(table["Source clause"])
    # Offered as it is shown, like every table.
    assert at.get("download_button")


@pytest.mark.usefixtures("app_db")
def test_the_chinese_page_lists_them_too() -> None:
    at = run(level="prefecture", metric="cadres_dispatched")
    assert not at.exception
    table = keyed_table(at, "compare_table")
    assert list(table["数值"]) == ["420", "2663"]
    assert list(table["时期"]) == ["时期未注明", "2019年以来（2019-01-01起）"]
    assert list(table["行政单位"]) == ["福州市", "福州市"]


@pytest.mark.usefixtures("serve_shipped")
@pytest.mark.parametrize("level", ["province", "prefecture", "county"])
def test_the_shipped_data_shows_its_figures_side_by_side_when_nothing_compares(
    level: str,
) -> None:
    at = run(lang="en", level=level)
    assert not at.exception
    if SIDE_BY_SIDE not in [caption.value for caption in at.caption]:
        return  # a comparable period: the chart and its tables (other tests)
    table = keyed_table(at, "compare_table")
    assert "Position (like for like)" not in table.columns
    assert (table["Period"] != "").all() and (table["Report"] != "").all()
    # In region order (the reports' order in regions.yaml), never by value.
    order = ["Ningde", "Dingxi", "Xinning County", "Qingyuan", "Putian"]
    regions = [region for region in table["Region"] if region in order]
    assert regions == sorted(regions, key=order.index)
