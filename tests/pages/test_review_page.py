"""The review page, run alone under AppTest: curators only, the queue, accept, correct, reject."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash import paths
from ruraldash.draft.review.decisions import Decision
from ruraldash.draft.review.queue import queue
from ruraldash.draft.review.save import save
from tests.support.review_report import added_copy


@pytest.fixture(scope="module")
def added_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The shipped data with the test report added as drafts, made once per module."""
    data_dir, result = added_copy(tmp_path_factory.mktemp("added"))
    return data_dir, result.source_id


@pytest.fixture
def curated(
    added_template: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str]:
    """A private copy of the added data, served to a curator's app."""
    data_dir, source = added_template
    shutil.copytree(data_dir, tmp_path / "data")
    monkeypatch.setenv("RURALDASH_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("RURALDASH_CURATOR", "1")
    monkeypatch.setenv("RURALDASH_REVIEWER", "测试审核人")
    return tmp_path / "data", source


def _page() -> AppTest:
    app = AppTest.from_file("../../pages/review.py", default_timeout=60)
    app.run()
    assert not app.exception
    return app


def _rows(data_dir: Path, source: str) -> dict[str, dict[str, str]]:
    text = (data_dir / "figures" / f"{source}.csv").read_bytes().decode("utf-8-sig")
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_a_reader_is_told_the_page_is_for_curators(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RURALDASH_CURATOR", raising=False)
    app = _page()
    assert app.title[0].value == "审核草稿"
    assert app.info[0].value.startswith("此页面仅供数据整理人员使用")
    assert not app.button


def test_the_first_draft_is_shown_beside_its_fields_in_the_pages_language(curated) -> None:
    _, source = curated
    app = _page()
    assert app.selectbox(key="review_report").value == source
    assert app.caption[1].value.startswith("第 1 条，共")
    clause = app.get("html")[0].proto.body
    assert '<mark style="' in clause and "全县累计投入乡村振兴资金1.2亿多元</mark>" in clause
    metric = app.selectbox(key=f"review_{source}-001_metric")
    assert metric.value == "funds_invested"
    assert metric.format_func(metric.value) == "投入资金"
    assert app.selectbox(key=f"review_{source}-001_qualifier").format_func("more_than") != (
        "more_than"
    )


def test_accept_saves_the_figure_reviewed_and_shows_the_next(curated) -> None:
    data_dir, source = curated
    app = _page()
    app.button(key=f"review_{source}-001_accept").click().run()
    assert not app.exception
    assert app.success[0].value.startswith("已保存：通过 1 条")
    row = _rows(data_dir, source)[f"{source}-001"]
    assert (row["review"], row["reviewed_by"]) == ("reviewed", "测试审核人")
    assert app.caption[1].value.endswith(f"{source}-002")


def test_a_correction_then_accept_writes_the_corrected_field(curated) -> None:
    data_dir, source = curated
    app = _page()
    app.text_input(key=f"review_{source}-001_label").input("乡村振兴投入资金")
    app.button(key=f"review_{source}-001_accept").click().run()
    assert _rows(data_dir, source)[f"{source}-001"]["label"] == "乡村振兴投入资金"


def test_a_refused_save_names_the_problem_and_writes_nothing(curated) -> None:
    data_dir, source = curated
    before = (data_dir / "figures" / f"{source}.csv").read_bytes()
    app = _page()
    app.text_input(key=f"review_{source}-001_value").input("1.2亿")
    app.button(key=f"review_{source}-001_accept").click().run()
    assert app.error[0].value.startswith("保存后的数据未通过校验")
    assert "column 'value'" in app.code[0].value
    assert (data_dir / "figures" / f"{source}.csv").read_bytes() == before


def test_reject_needs_a_reason_and_keeps_it(curated) -> None:
    data_dir, source = curated
    app = _page()
    reject = app.button(key=f"review_{source}-001_reject")
    assert reject.disabled
    app.pills(key=f"review_{source}-001_reason").set_value("review_reason_duplicate").run()
    app.button(key=f"review_{source}-001_reject").click().run()
    assert f"{source}-001" not in _rows(data_dir, source)
    kept = (data_dir / "notes" / f"{source}.rejected.csv").read_bytes().decode("utf-8-sig")
    assert ",重复," in kept


def test_a_second_curator_is_told_and_nothing_is_lost(curated) -> None:
    data_dir, source = curated
    first, second = _page(), _page()
    first.button(key=f"review_{source}-001_accept").click().run()
    second.text_input(key=f"review_{source}-001_label").input("资金")
    second.button(key=f"review_{source}-001_accept").click().run()
    assert second.warning[0].value.startswith("另一位整理人员")
    rows = _rows(data_dir, source)
    assert rows[f"{source}-001"]["label"] == "乡村振兴资金"  # the first curator's save stands
    assert rows[f"{source}-001"]["review"] == "reviewed"


def test_in_english_the_choices_are_english_names(curated) -> None:
    _, source = curated
    app = AppTest.from_file("../../pages/review.py", default_timeout=60)
    app.query_params["lang"] = "en"
    app.run()
    assert app.title[0].value == "Review drafts"
    metric = app.selectbox(key=f"review_{source}-001_metric")
    assert metric.format_func(metric.value) == "Funds invested"


def test_a_missed_figure_is_added_from_its_clause(curated) -> None:
    data_dir, source = curated
    count = len(_rows(data_dir, source))
    app = _page()
    app.text_input(key="review_missed_clause").input("村集体经营性收入10万元以上的村128个").run()
    picked = app.selectbox(key="review_missed_pick")
    assert picked.format_func(picked.value).startswith("128 村 · ")
    app.button(key="review_add").click().run()
    assert app.success[0].value.startswith("已保存：通过 0 条，删除 0 条，新增 1 条")
    rows = list(_rows(data_dir, source).values())
    assert len(rows) == count + 1
    assert (rows[-1]["value"], rows[-1]["unit"], rows[-1]["review"]) == (
        "128",
        "village",
        "reviewed",
    )


def _review_all(data_dir: Path, source: str) -> None:
    """Accept every draft of the report, as a curator's save would."""
    (report,) = queue(data_dir)[0]
    decisions = [Decision("accept", row["id"]) for row in report.drafts]
    save(data_dir, paths.METRICS_DIR, source, decisions, report.file.digest, "测试审核人")
    assert queue(data_dir)[0] == []


def test_a_fully_reviewed_report_still_takes_a_missed_figure(curated) -> None:
    data_dir, source = curated
    _review_all(data_dir, source)
    count = len(_rows(data_dir, source))
    app = _page()
    assert app.success[0].value == "没有待审核的草稿。"
    app.selectbox(key="review_report").set_value(source).run()
    assert app.info[0].value.startswith("本报告的数值已全部审核")
    assert [header.value for header in app.subheader] == ["补充漏掉的数据"]
    app.text_input(key="review_missed_clause").input("村集体经营性收入10万元以上的村128个").run()
    app.button(key="review_add").click().run()
    assert not app.exception
    assert app.success[0].value.startswith("已保存：通过 0 条，删除 0 条，新增 1 条")
    rows = list(_rows(data_dir, source).values())
    assert len(rows) == count + 1
    assert (rows[-1]["value"], rows[-1]["review"]) == ("128", "reviewed")


def test_any_report_may_be_picked_to_add_a_missed_figure(curated) -> None:
    data_dir, source = curated
    app = _page()
    picker = app.selectbox(key="review_report")
    others = sorted(
        path.stem for path in (data_dir / "figures").glob("*.csv") if path.stem != source
    )
    assert picker.value == source  # the report with drafts comes first
    assert len(picker.options) == len(others) + 1
    picker.set_value(others[0]).run()
    assert not app.exception
    assert app.info[0].value.startswith("本报告的数值已全部审核")
    assert [header.value for header in app.subheader] == ["补充漏掉的数据"]
    assert app.text_input(key="review_missed_clause").value == ""
