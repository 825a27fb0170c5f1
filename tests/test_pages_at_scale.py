"""Sources & methods and Compare programs on a small national folder (60 counties, 60 reports):
what an official sees when there are too many reports or regions to draw one by one."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support.national_folder import write_national_folder

from ruraldash import paths
from ruraldash.views.methods import NOTES_FOLDED
from ruraldash.views.plain import markdown_text

TIMEOUT = 60
COUNTIES = 60
NOTED = "cn130506_2014"  # the third report in sources.yaml: the list starts at it
NOTES = (
    f"# {NOTED}\n\n## 报告日期 · Dating\n\n- 合成报告，日期为推定。\n"
    "  A synthetic report, its date inferred.\n"
)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sixty counties' reports, one of them with curation notes."""
    return write_national_folder(tmp_path_factory.mktemp("national"), COUNTIES, {NOTED: NOTES})


@pytest.fixture
def serve_national(national: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RURALDASH_DATA", str(national / "data"))
    monkeypatch.setenv("RURALDASH_METRICS", str(national / "metrics"))
    monkeypatch.setenv("RURALDASH_DB", str(national / "national.duckdb"))
    return national


@pytest.fixture
def serve_shipped(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RURALDASH_DATA", str(paths.DATA_DIR))
    monkeypatch.setenv("RURALDASH_DB", str(built_db))
    return built_db


def run(name: str, **query: str) -> AppTest:
    at = AppTest.from_file(f"../pages/{name}.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


def shown_markdown(at: AppTest) -> str:
    return "\n".join(element.value for element in at.markdown)


@pytest.mark.usefixtures("serve_national")
def test_many_reports_show_one_reports_notes_picked_from_a_list() -> None:
    assert COUNTIES > NOTES_FOLDED
    at = run("sources", lang="en")
    assert not at.exception
    pick = at.selectbox(key="report")
    assert len(pick.options) == COUNTIES
    # The list starts at the first report with notes, and the link keeps the choice.
    assert pick.value == NOTED
    assert at.query_params["report"] == NOTED
    assert "1 of 60 reports have curation notes" in "\n".join(c.value for c in at.caption)
    # Two folded sections, not one per report: the rules and the chosen report's notes.
    labels = [expander.label for expander in at.expander]
    expected = ["Curation rules (data/README.md)", f"Curation notes: {pick.options[2]}"]
    assert labels == [markdown_text(label) for label in expected]
    assert "A synthetic report, its date inferred." in shown_markdown(at)
    assert "合成报告" not in shown_markdown(at)


@pytest.mark.usefixtures("serve_national")
def test_a_report_without_notes_says_so_and_stays_in_the_link() -> None:
    at = run("sources", lang="en", report="cn110101_2014")
    assert not at.exception
    assert at.selectbox(key="report").value == "cn110101_2014"
    assert "This report has no curation notes." in shown_markdown(at)
    assert "A synthetic report" not in shown_markdown(at)
    at.selectbox(key="report").set_value(NOTED).run()
    assert at.query_params["report"] == NOTED
    assert "A synthetic report, its date inferred." in shown_markdown(at)


@pytest.mark.usefixtures("serve_shipped")
def test_a_few_reports_fold_out_their_notes_one_by_one() -> None:
    at = run("sources", lang="en")
    assert not at.exception
    assert not [box for box in at.selectbox if box.key == "report"]
    labels = [expander.label for expander in at.expander]
    reports = [label for label in labels if label.startswith(markdown_text("Curation notes: "))]
    assert len(reports) == len(at.dataframe[0].value) <= NOTES_FOLDED
    assert any("Ningde" in label for label in reports)
    assert "This report has no curation notes." not in shown_markdown(at)
