"""Every page under AppTest, alone and through app.py, driven the way an official would use it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from ruraldash import paths
from ruraldash.store.build import validate
from ruraldash.store.db import connect
from ruraldash.ui import database
from ruraldash.views.pages import compare_programs
from tests.support.app_pages import app_pages

PAGES = [page.stem for page in app_pages()]
TIMEOUT = 30


def page(name: str, **query: str) -> AppTest:
    """Run one page alone, as `streamlit run pages/<name>.py` would, with ?query in the URL."""
    at = AppTest.from_file(f"../../pages/{name}.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


def keyed_blocks(at: AppTest) -> dict[str, Block]:
    """Return the page's keyed containers by key (ui.table draws each table in one)."""
    found = {}
    pending = [at.main]
    while pending:
        node = pending.pop()
        children = list(getattr(node, "children", {}).values())
        pending += children
        element_id = getattr(node.proto, "id", "") if isinstance(node, Block) else ""
        if element_id:
            found[element_id.rsplit("-", 1)[-1]] = node
    return found


def table(at: AppTest, key: str) -> pd.DataFrame:
    """Return the table shown under `key` (ui.table's stable key)."""
    return keyed_blocks(at)[key].dataframe[0].value


def shown_text(at: AppTest) -> str:
    """Return every markdown, caption, warning and info text on the page, joined, as a reader
    sees it: curated text is escaped for Markdown (\\( shows as ()."""
    parts = [*at.markdown, *at.caption, *at.warning, *at.info, *at.error, *at.title]
    return re.sub(r"\\(.)", r"\1", "\n".join(element.value for element in parts))


@pytest.mark.parametrize("name", PAGES)
def test_every_page_runs_alone_in_chinese_and_english(name: str) -> None:
    chinese = page(name)
    assert not chinese.exception
    # Drafting starts empty; review says it is for curators to a reader (the app tests run as one).
    assert chinese.dataframe or name in ("draft", "review"), "every other page shows a table"
    english = page(name, lang="en")
    assert not english.exception
    assert english.title[0].value != chinese.title[0].value
    assert all(button.proto.ignore_rerun for button in english.download_button)


def test_the_app_switches_language_and_keeps_it_in_the_url() -> None:
    at = AppTest.from_file("../../app.py", default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "数据概览"
    assert "地区" in table(at, "overview_reports").columns
    at.segmented_control(key="lang").set_value("en").run()
    assert at.title[0].value == "Overview"
    assert list(table(at, "overview_reports").columns[:2]) == ["Region", "Report"]
    assert at.query_params["lang"] == "en"
    at.query_params.clear()  # switching pages resets the URL; the session keeps the language
    at.switch_page("pages/compare.py").run()
    assert at.title[0].value == "Compare"
    assert "Administrative unit" in table(at, "compare_table").columns
    assert at.query_params["lang"] == "en"


def test_a_link_with_lang_en_opens_in_english() -> None:
    at = AppTest.from_file("../../app.py", default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.run()
    assert at.segmented_control(key="lang").value == "en"
    assert at.title[0].value == "Overview"


def test_compare_lists_a_unit_without_a_figure_as_no_figure() -> None:
    at = page("compare", category="mentoring", metric="mentors")
    shown = table(at, "compare_table")
    assert "800多" in set(shown["数值"])
    assert "原文语句" in shown.columns and shown["原文语句"].str.contains("800多名").any()
    missing = table(at, "compare_missing")
    assert {"清远市", "定西市"} <= set(missing["行政单位"])
    assert set(missing["情况"]) == {"无数据"}
    assert at.query_params["category"] == "mentoring" and at.query_params["metric"] == "mentors"


def test_compare_says_what_differs_when_figures_are_not_like_for_like() -> None:
    at = page("compare", lang="en", category="training", metric="trainee_person_times")
    warning = at.warning[0].value
    # One plan (beta's 2,700), said in the singular.
    for reason in (
        "Periods differ",
        "1 figure is a plan, kept apart from actuals",
        "Levels differ",
    ):
        assert reason in warning


def test_compare_programs_shows_the_matrix_and_how_each_ratio_was_computed() -> None:
    at = page("compare_programs")
    matrix = table(at, "programs_matrix")
    assert "甲市导师帮带制" in matrix.loc[matrix["项目类型"] == "导师帮带", "甲市"].iloc[0]
    ratios = table(at, "programs_ratios")
    assert "1300多 ÷ 800多 = ≈1.62" in set(ratios["计算方法"])
    at.selectbox(key="type").set_value("training").run()
    ratios = table(at, "programs_ratios")
    assert set(ratios["比值"]) == {"每期培训人数（人次）"}
    assert at.query_params["type"] == "training"


def test_compare_programs_shows_every_kind_of_program(app_db: Path) -> None:
    with connect(app_db) as con:
        kinds = list(compare_programs.program_choices(con, "en"))
    at = page("compare_programs", lang="en")
    for kind in kinds:
        at.selectbox(key="type").set_value(kind).run()
        assert not at.exception, (kind, at.exception)
        ratios = keyed_blocks(at)["programs_ratios"]
        if ratios.dataframe:
            assert list(table(at, "programs_ratios").columns[:2]) == ["Region", "Program"]
        else:  # no ratio: one line says why, instead of an empty grid
            assert ratios.info[0].value.startswith("No ratio for this kind of program")


def test_region_profile_shows_one_report_by_category_with_its_source() -> None:
    at = page("region_profile", lang="en", report="alpha_2021")
    text = shown_text(at)
    assert "2021 (inferred)" in text and "Alpha" in text
    programs = table(at, "profile_programs")
    assert set(programs["Program"]) == {"Alpha mentoring scheme", "Alpha member training"}
    parts = [
        block.dataframe[0].value
        for key, block in keyed_blocks(at).items()
        if key.startswith("profile_")
        and block.dataframe
        and key not in ("profile_programs", "profile_standing")
    ]
    assert sum(len(part) for part in parts) == 9
    assert "Figures about this region (9, by category)" in [h.value for h in at.subheader]


def test_explore_search_and_filters_narrow_the_table() -> None:
    at = page("explore")
    everything = len(table(at, "explore_table"))
    at.text_input(key="q").input("导师").run()
    found = table(at, "explore_table")
    assert 0 < len(found) < everything
    searched = ("统计对象（原文）", "原文语句", "指标", "项目", "类别")  # names count too (#10)
    assert found[list(searched)].apply(lambda column: column.str.contains("导师")).any(axis=1).all()
    assert at.query_params["q"] == "导师"
    at.multiselect(key="regions").select("beta").run()
    assert set(table(at, "explore_table")["地区"]) == {"乙县"}
    # 帮带导师 by its label; 青年人才 (label and quote without 导师) by its program 乙县导师帮带.
    assert set(table(at, "explore_table")["统计对象（原文）"]) == {"帮带导师", "青年人才"}
    assert "显示 2 / " in shown_text(at)


def test_explore_reads_its_filters_from_the_url() -> None:
    at = page("explore", lang="en", statuses="plan")
    shown = table(at, "explore_table")
    assert set(shown["Status"]) == {"plan or target"}
    assert shown["Value"].str.endswith("(plan)").all()


def test_sources_page_defines_metrics_in_both_languages() -> None:
    at = page("sources", lang="en")
    metrics = table(at, "sources_metrics")
    row = metrics[metrics["Metric id"] == "mentors"].iloc[0]
    assert (row["Metric (Chinese)"], row["Metric (English)"]) == ("帮带导师", "Mentors")
    reports = table(at, "sources_reports")
    assert "2019-11-04 (stated)" in set(reports["Report date"])


def test_invalid_data_shows_the_problems_and_the_last_good_database(
    rules_copy: Path, app_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = rules_copy / "figures" / "alpha_2021.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace(",person,", ",ren,", 1), encoding="utf-8"
    )
    problems = validate(rules_copy, paths.METRICS_DIR).problems
    expected = [problem.text("zh") for problem in problems]  # in the page's language
    assert expected and "列 'unit'：'ren' 不是单位" in expected[0]
    last_good = tmp_path / "last_good.duckdb"
    shutil.copy(app_db, last_good)
    monkeypatch.setenv("RURALDASH_DATA", str(rules_copy))
    monkeypatch.setenv("RURALDASH_DB", str(last_good))
    at = page("explore")
    assert not at.exception
    assert at.code[0].value.splitlines() == expected
    assert str(last_good) in at.info[0].value
    assert not at.dataframe
    at.toggle(key="use_last_good").set_value(True).run()
    assert len(table(at, "explore_table")) > 0


CACHED_SCRIPT = """
import streamlit as st
from ruraldash import ui
from ruraldash.compare.figures import FigureFilter, load_figures

def labels_of(con, report):
    return list(load_figures(con, FigureFilter(sources=(report,)))["label"])

con = ui.cursor()
made = ui.cached(con, labels_of, st.query_params["report"])
# Keep every result seen alive, so that two ids differ whenever the results do (a freed
# result's id may be given to the next one).
st.session_state.setdefault("seen", []).append(made)
st.text(f"{id(made)}|{made[0]}")
"""


def cached_page(report: str) -> AppTest:
    """A page that shows which cached result it got (its id) and the report's first label."""
    at = AppTest.from_string(CACHED_SCRIPT, default_timeout=TIMEOUT)
    at.query_params["report"] = report
    return at.run()


def shown_result(at: AppTest) -> tuple[str, str]:
    assert not at.exception, at.exception
    made, label = at.text[0].value.split("|")
    return made, label


def test_a_cached_result_is_shared_per_selection_and_never_crosses_selections(app_db: Path) -> None:
    first, again = cached_page("alpha_2021"), cached_page("alpha_2021")
    other = cached_page("beta_2021")
    assert shown_result(first) == shown_result(again), "one result for every session"
    assert shown_result(other)[0] != shown_result(first)[0]
    assert shown_result(other)[1] != shown_result(first)[1]
    assert shown_result(first.run()) == shown_result(again), "a rerun draws the same result"


def edited_and_rerun(
    data_dir: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[tuple[str, str], tuple[str, str]]:
    """Show a report's first label, edit it in the curated data, rerun: both results shown."""
    monkeypatch.setenv("RURALDASH_DATA", str(data_dir))
    monkeypatch.setenv("RURALDASH_DB", str(db_path))
    # The edit must be seen on the very next rerun: no trusting a slow check's last result (that
    # window, for checks slowed by a busy machine, is tested in test_input_check.py).
    monkeypatch.setattr(database, "RECHECK_SECONDS", 0.0)
    at = cached_page("alpha_2021")
    before = shown_result(at)
    figures = data_dir / "figures" / "alpha_2021.csv"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace(before[1], "大专学历提升班学员", 1), encoding="utf-8")
    return before, shown_result(at.run())


def test_new_data_gets_a_new_cached_result_on_the_next_rerun(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, after = edited_and_rerun(rules_copy, tmp_path / "ruraldash.duckdb", monkeypatch)
    assert after[0] != before[0], "the cache is keyed by the inputs' hash"


def test_a_rebuild_of_the_data_is_shown_on_the_next_rerun(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, after = edited_and_rerun(rules_copy, tmp_path / "ruraldash.duckdb", monkeypatch)
    assert before[1] != after[1], "the label shown before the edit is gone"
    assert after[1] == "大专学历提升班学员"
