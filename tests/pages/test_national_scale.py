"""Sources & methods and Compare programs on a small national folder (60 counties, 60 reports):
what an official sees when there are too many reports or regions to draw one by one."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.compare.program_groups import MATRIX_COLUMNS
from ruraldash.views.methods import NOTES_FOLDED
from ruraldash.views.plain import markdown_text
from tests.support.national_folder import write_national_folder
from tests.support.tables import keyed_table

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


def run(name: str, **query: str) -> AppTest:
    at = AppTest.from_file(f"../../pages/{name}.py", default_timeout=TIMEOUT)
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
    # One section, not one per report: the chosen report's notes (the folder has no README).
    labels = [expander.label for expander in at.expander]
    assert labels == [markdown_text(f"Curation notes: {pick.options[2]}")]
    assert "A synthetic report, its date inferred." in shown_markdown(at)
    assert "合成报告" not in shown_markdown(at)


@pytest.mark.usefixtures("serve_national")
def test_a_section_the_folder_has_nothing_for_says_so_in_the_page_language() -> None:
    # The national folder has no reference figures (population, area …).
    at = run("sources")
    assert not at.exception
    assert "这份数据中没有此类条目。" in [info.value for info in at.info]
    assert len(at.dataframe) == 3  # reports, metrics and vocabularies, but no empty grid


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


def plotted(array: dict | list) -> np.ndarray:
    """Return a plotly array as sent to the browser (a typed array is base64 with its dtype)."""
    if isinstance(array, dict):
        values = np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
        return values.reshape([int(n) for n in str(array["shape"]).split(",")])
    return np.array(array, dtype=float)


@pytest.mark.usefixtures("serve_national")
def test_many_regions_are_grouped_by_province_in_the_program_matrix() -> None:
    at = run("compare_programs", lang="en")
    assert not at.exception
    captions = "\n".join(c.value for c in at.caption)
    assert "60 regions have a report, too many for a column each: grouped by provinces" in captions
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    table = keyed_table(at, "programs_matrix")
    provinces = table.iloc[:-1]
    # A row per province with a report, as in the table.
    assert len(heatmap["y"]) == len(provinces) < COUNTIES
    assert provinces["Admin code"].str.endswith("0000").all()
    assert provinces["Regions with a report"].sum() == COUNTIES
    assert list(table.iloc[-1][["Region", "Regions with a report"]]) == ["All", COUNTIES]
    # Every county runs a mentoring scheme; nobody mentions a fund: blank, never 0.
    mentoring = heatmap["x"].index("Mentoring")
    funding = heatmap["x"].index("Funding")
    shares = plotted(heatmap["z"])
    assert (shares[:, mentoring] == 1).all()
    assert np.isnan(shares[:, funding]).all()
    assert {row[funding] for row in heatmap["text"]} == {""}
    assert [row[mentoring] for row in heatmap["text"]] == list(provinces["Mentoring"])
    reported = provinces["Regions with a report"].astype(str)
    assert list(provinces["Mentoring"]) == list(reported + "/" + reported)
    assert set(table["Funding"]) == {"not mentioned in its reports"}


@pytest.mark.usefixtures("serve_shipped")
def test_a_few_regions_keep_a_column_each_in_the_program_matrix() -> None:
    at = run("compare_programs", lang="en")
    assert not at.exception
    assert "too many for a column each" not in "\n".join(c.value for c in at.caption)
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert len(heatmap["x"]) == len(at.dataframe[0].value.columns) - 2 <= MATRIX_COLUMNS
