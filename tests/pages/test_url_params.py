"""Links with values that do not exist: the default is shown, said so in one line, URL mended."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

TIMEOUT = 30


@pytest.fixture(autouse=True)
def _database(app_db: object) -> None:
    """Every page here reads the session's database."""


def page(name: str, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(f"../../pages/{name}.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


def notices(at: AppTest) -> list[str]:
    return [element.value for element in at.info]


def test_a_category_that_does_not_exist_falls_back_and_says_so() -> None:
    at = page("compare", category="<script>alert(1)</script>")
    assert not at.exception
    assert notices(at) == ["链接中的类别不存在，已显示默认类别"]
    assert at.query_params["category"] == at.selectbox(key="category").value
    assert "<script>" not in str(at.query_params)


def test_a_metric_of_another_category_falls_back_and_says_so() -> None:
    at = page("compare", category="training", metric="funds_invested")
    assert not at.exception
    assert notices(at) == ["链接中的指标不存在，已显示默认指标"]
    metric = at.selectbox(key="metric").value
    assert metric != "funds_invested"
    assert at.query_params["metric"] == metric


def test_a_valid_link_gets_no_notice() -> None:
    at = page("compare", category="funds", metric="funds_invested", all="1")
    assert not at.exception
    assert notices(at) == []
    assert at.toggle(key="all").value is True


def test_a_switch_value_that_is_not_1_is_off_and_said_so_in_english() -> None:
    at = page("compare", lang="en", all="yes")
    assert not at.exception
    assert notices(at) == ["The link's “show all” setting is not valid; it is off, the default"]
    assert at.toggle(key="all").value is False
    assert "all" not in at.query_params


def test_a_language_that_does_not_exist_is_dropped_and_said_so() -> None:
    at = page("overview", lang="EN")
    assert not at.exception
    assert notices(at)[0] == "链接中的语言不存在，已显示默认语言"
    assert "lang" not in at.query_params


def test_an_unknown_report_falls_back_in_english() -> None:
    at = page("region_profile", lang="en", report="no_such_report")
    assert not at.exception
    assert notices(at) == ["The report in the link does not exist; showing the default report"]
    # The profile opens on the first report's region (alpha, 350100), chosen by region now.
    assert "report" not in at.query_params
    assert at.query_params["region"] == "350100"


def test_unknown_filters_are_left_out_and_counted() -> None:
    at = page("explore", regions=["alpha", "atlantis", "<b>x</b>"])
    assert not at.exception
    assert notices(at) == ["链接中有 2 个地区不存在，已略去"]
    assert at.multiselect(key="regions").value == ["alpha"]
    assert at.query_params["regions"] == "alpha"


def test_through_the_app_a_bad_language_is_said_once_and_dropped() -> None:
    at = AppTest.from_file("../../app.py", default_timeout=TIMEOUT)
    at.query_params["lang"] = "EN"
    at.run()
    assert not at.exception
    assert notices(at).count("链接中的语言不存在，已显示默认语言") == 1
    assert at.segmented_control(key="lang").value == "zh"
    assert "lang" not in at.query_params
