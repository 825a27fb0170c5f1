"""The "Draft from a report" page, run alone under AppTest: paste a report, see its figures."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.ui import drafting

REPORT = (
    "2019年6月以来,举办培训班2198期,受训党员12.6万多人次;实施“万名党员帮带计划”,"
    "计划选派170名专技人才赴青岛市研修学习。"
)


@pytest.fixture
def page() -> AppTest:
    # from_file resolves the path relative to this test file.
    app = AppTest.from_file("../../pages/draft.py", default_timeout=30)
    app.run()
    assert not app.exception
    return app


def paste(app: AppTest, text: str, source: str = "", region: str = "") -> AppTest:
    app.text_input(key="draft_source").input(source)
    app.text_input(key="draft_region").input(region)
    app.text_area(key="draft_text").input(text).run()
    assert not app.exception
    return app


def test_the_empty_page_asks_for_a_report(page: AppTest) -> None:
    assert page.title[0].value == "从报告起草"
    assert page.info[0].value.startswith("上传或粘贴一份报告")
    assert not page.get("download_button")


def test_pasted_text_shows_its_figures_marked_and_in_the_draft(page: AppTest) -> None:
    paste(page, REPORT, source="newtown_2021", region="newtown")
    table = page.dataframe[0].value
    assert list(table["id"]) == ["newtown_2021-001", "newtown_2021-002", "newtown_2021-003"]
    assert list(table["value"]) == ["2198", "126000", "170"]
    assert list(table["unit"]) == ["session", "person_time", "person"]
    assert list(table["qualifier"]) == ["exact", "more_than", "exact"]
    assert list(table["status"]) == ["actual", "actual", "plan"]
    assert list(table["region"]) == ["newtown"] * 3
    assert table["period_start"].iloc[0] == "2019-06-01"
    marked = page.get("html")[0].proto.body
    assert marked.count("<mark ") == 2 + 3  # the legend's two marks, then the three figures
    assert ">12.6万多人次</mark>" in marked
    skipped = page.dataframe[1].value
    assert set(skipped["raw"]) == {"2019年6月", "万名"}
    assert page.caption[1].value.startswith("找到 3 个数字，略过 2 个")


def test_the_downloads_are_offered(page: AppTest) -> None:
    paste(page, REPORT, region="newtown")
    labels = [button.proto.label for button in page.get("download_button")]
    assert labels == ["下载草稿 CSV", "下载来源与地区 YAML 模板", "下载略过清单 CSV"]
    assert not any(w.value.startswith("没有填地区编号") for w in page.warning)  # region given


def test_without_a_region_the_page_says_so(page: AppTest) -> None:
    paste(page, REPORT)
    assert page.warning[0].value.startswith("没有填地区编号")
    assert list(page.dataframe[0].value["id"])[0] == "draft-001"


def test_a_new_report_replaces_the_draft(page: AppTest) -> None:
    paste(page, REPORT, region="newtown")
    paste(page, "发放科普书籍1.2万多本。", region="newtown")
    table = page.dataframe[0].value
    assert list(table["value"]) == ["12000"] and list(table["metric"]) == ["training_materials"]


def test_the_report_text_is_escaped(page: AppTest) -> None:
    paste(page, '<img src=x onerror="alert(1)">举办培训班20期。', region="x")
    marked = page.get("html")[0].proto.body
    assert "<img" not in marked and "&lt;img src=x" in marked


def test_the_page_follows_the_app_language(page: AppTest) -> None:
    page.session_state["lang"] = "en"
    paste(page, REPORT, region="newtown")
    assert page.title[0].value == "Draft from a report"
    labels = [button.proto.label for button in page.get("download_button")]
    assert labels[0] == "Download the draft (CSV)"
    assert page.caption[1].value.startswith("3 figures found, 2 numerals skipped (date 1")


def test_the_catalogue_is_read_once_until_its_folders_change(
    page: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = []
    read = drafting.load_catalogue
    monkeypatch.setattr(
        drafting, "load_catalogue", lambda *folders: reads.append(1) or read(*folders)
    )
    drafting._catalogue.clear()
    paste(page, REPORT, region="newtown")
    page.text_input(key="draft_add_title").input("培训").run()
    page.run()
    assert not page.exception and len(reads) == 1
    monkeypatch.setattr(drafting, "content_hash", lambda *folders: "data/ changed")
    page.run()
    assert len(reads) == 2
    assert list(page.dataframe[0].value["value"]) == ["2198", "126000", "170"]
