"""Compare units when no period is like for like: who reported the metric, as written, n of N.

On the comparison-rules fixture, Alpha (a prefecture) reports cadres dispatched twice: once
without a period and once since 2019 with no end, so no period is comparable.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.language.i18n import t
from ruraldash.store.admin_units import admin_units
from tests.support.tables import keyed_table

TIMEOUT = 60
NO_PERIOD = t("units_no_periods", "en")


def run(**query: str) -> AppTest:
    at = AppTest.from_file("../../pages/compare_units.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


@pytest.mark.usefixtures("app_db")
def test_who_reported_is_listed_as_written_when_no_period_compares() -> None:
    at = run(lang="en", level="prefecture", metric="cadres_dispatched")
    assert not at.exception
    prefectures = int((admin_units()["level"] == "prefecture").sum())
    assert [h.value for h in at.subheader] == [
        f"1 of {prefectures} prefectures reported; {prefectures - 1} without a figure"
    ]
    # The explanation stays, in one line; no chart is drawn.
    assert [info.value for info in at.info] == [NO_PERIOD]
    assert "\n" not in NO_PERIOD
    assert not at.get("plotly_chart")
    table = keyed_table(at, "compare_units_reported")
    assert list(table["Unit"]) == ["Fuzhou", "Fuzhou"]  # 350100 in the national list
    assert list(table["Admin code"]) == ["350100", "350100"]
    assert list(table["Value"]) == ["420", "2,663"]
    assert list(table["Period"]) == ["period not stated", "2019年以来"]
    assert set(table["Label (as in the report)"]) == {"驻村第一书记", "驻村干部"}
    assert set(table["Report"]) == {"Alpha's party building leads rural revitalisation"}
    assert "选派驻村第一书记420名" in set(table["Source clause"])
    # Offered as it is shown, like every table.
    assert at.get("download_button")


@pytest.mark.usefixtures("app_db")
def test_the_chinese_page_lists_them_too() -> None:
    at = run(level="prefecture", metric="cadres_dispatched")
    assert not at.exception
    table = keyed_table(at, "compare_units_reported")
    assert list(table["数值"]) == ["420", "2663"]
    assert list(table["时期"]) == ["时期未注明", "2019年以来"]
    assert list(table["行政单位"]) == ["福州市", "福州市"]


@pytest.mark.usefixtures("serve_shipped")
@pytest.mark.parametrize("level", ["province", "prefecture", "county"])
def test_the_shipped_data_never_shows_only_that_nothing_compares(level: str) -> None:
    at = run(lang="en", level=level)
    assert not at.exception
    if NO_PERIOD not in [info.value for info in at.info]:
        return  # a comparable period: the chart and its tables (other tests)
    reported, total = map(int, re.match(r"(\d+) of (\d+) ", at.subheader[0].value).groups())
    if not reported:
        assert t("units_reported_none", "en") in [info.value for info in at.info]
        return
    table = keyed_table(at, "compare_units_reported")
    assert table["Admin code"].nunique() == reported <= total
    assert (table["Period"] != "").all() and (table["Report"] != "").all()
