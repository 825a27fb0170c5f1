"""Pages that stay readable and quick with thousands of regions and figures.

A long table is shown a page of rows at a time; a chart of many regions draws each metric's
largest and smallest figures and counts the rest; Explore lists the first figures and its
files hold them all, made only when asked for.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.compare import honest
from ruraldash.compare.figures import FigureFilter
from ruraldash.store.db import connect
from ruraldash.views import unit_charts
from ruraldash.views.pages import compare, explore

TIMEOUT = 60

TABLE_SCRIPT = """
import pandas as pd
import streamlit as st
from ruraldash import ui

rows = int(st.query_params["rows"])
if "frame" not in st.session_state:
    labels = [f"r{n}" for n in range(rows)]
    st.session_state["frame"] = pd.DataFrame({"n": range(rows), "label": labels})
ui.table(st.session_state["frame"], key="long")
"""


def table_page(rows: int) -> AppTest:
    at = AppTest.from_string(TABLE_SCRIPT, default_timeout=TIMEOUT)
    at.query_params["rows"] = str(rows)
    return at.run()


def test_a_long_table_is_shown_a_page_of_rows_at_a_time() -> None:
    at = table_page(2_500)
    assert not at.exception
    pager = at.number_input(key="long_page")
    assert (pager.value, pager.min, pager.max) == (1, 1, 3)
    assert list(at.dataframe[0].value["n"]) == list(range(1_000))
    assert "第 1–1,000 行，共 2,500 行" in [caption.value for caption in at.caption]
    pager.set_value(3).run()
    assert list(at.dataframe[0].value["n"]) == list(range(2_000, 2_500))
    assert "第 2,001–2,500 行，共 2,500 行" in [caption.value for caption in at.caption]


def test_a_table_of_a_thousand_rows_has_no_pages() -> None:
    at = table_page(1_000)
    assert not at.exception
    assert not at.number_input
    assert len(at.dataframe[0].value) == 1_000


def test_compare_at_scale_draws_the_extremes_of_one_period_and_can_draw_all(
    serve_national: Path,
) -> None:
    with connect(serve_national / "national.duckdb") as con:
        metric = compare.default_metric(con, "", "county")
        found = compare.period_choices(con, "", "county", metric)
        busiest = max(
            found.periods,
            key=lambda period: len(
                compare.comparison(
                    con, "en", "", "county", metric, "actual", period, found.labels[period][0]
                ).rank_texts
            ),
        )
    at = AppTest.from_file("../../pages/compare.py", default_timeout=TIMEOUT)
    at.query_params.update(lang="en", level="county", metric=metric, period=busiest)
    at.run()
    assert not at.exception
    (chart,) = at.get("plotly_chart")[:1]
    bars = [trace for trace in json.loads(chart.proto.spec)["data"] if trace["type"] == "bar"]
    drawn = sum(len(trace.get("y") or []) for trace in bars)
    assert drawn == 2 * unit_charts.TOP_N
    table = next(frame.value for frame in at.dataframe if "Position (like for like)" in frame.value)
    assert len(table) > drawn  # the table keeps every unit

    at.toggle(key="all").set_value(True).run()
    assert not at.exception
    assert at.query_params["all"] in ("1", ["1"])
    chart = at.get("plotly_chart")[0]
    bars = [trace for trace in json.loads(chart.proto.spec)["data"] if trace["type"] == "bar"]
    assert sum(len(trace.get("y") or []) for trace in bars) > drawn


def test_explore_lists_the_first_figures_and_its_files_hold_every_one(
    monkeypatch: pytest.MonkeyPatch, app_db: object
) -> None:
    monkeypatch.setattr(explore, "EXPLORE_ROWS", 3)
    at = AppTest.from_file("../../pages/explore.py", default_timeout=TIMEOUT)
    at.query_params.update(q="e")  # a selection no other test has cached with more rows listed
    at.run()
    assert not at.exception
    listed = next(frame.value for frame in at.dataframe)
    assert len(listed) == 3
    count = next(c.value for c in at.caption if c.value.startswith("显示 "))
    matched = int(count.split()[1].replace(",", ""))
    assert matched > 3
    first = f"表中列出前 3 条；下载的文件包含全部 {matched:,} 条。"
    assert any(c.value.startswith(first) for c in at.caption)
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels[:2] == ["下载 CSV", "下载 Excel（XLSX）"]


def test_explore_export_holds_every_figure_that_passes_the_filters(app_db: object) -> None:
    con = connect(app_db)
    where = FigureFilter(search="e")
    export = explore.explore_export(con, "zh", where)
    found = explore.explore(con, "zh", where)
    assert len(export.table) == found.shown
    assert len(found.table.shown) == min(found.shown, explore.EXPLORE_ROWS)


DEFERRED_SCRIPT = """
import threading
import streamlit as st
from ruraldash import ui
from ruraldash.compare.figures import FigureFilter
from ruraldash.views import unit_charts
from ruraldash.views.pages import compare, explore

con = ui.cursor()
every = ui.deferred(con, explore.explore_export, "zh", FigureFilter(search="e"))
made = []
worker = threading.Thread(target=lambda: made.append(every()))  # as a download's own thread
worker.start()
worker.join()
st.text(len(made[0].table))
st.text(every() is made[0])
st.text(ui.deferred(con, explore.explore_export, "zh", FigureFilter(search="e"))() is made[0])
"""


def test_a_deferred_file_is_made_in_another_thread_once_then_kept(app_db: object) -> None:
    at = AppTest.from_string(DEFERRED_SCRIPT, default_timeout=TIMEOUT).run()
    assert not at.exception
    con = connect(app_db)
    expected = explore.explore(con, "zh", FigureFilter(search="e")).shown
    assert [text.value for text in at.text] == [str(expected), "True", "True"]


def test_a_warning_names_a_dozen_regions_and_counts_the_rest() -> None:
    regions = [f"第{n}县" for n in range(20)]
    rows = pd.DataFrame(
        {
            "metric_id": "m",
            "metric_zh": "指标",
            "region_id": [f"r{n}" for n in range(22)],
            "region_zh": [*regions, "甲市", "乙市"],
            "missing": [True] * 20 + [False, False],
            "comparable": True,
            "label": "投入",
            "value": [math.nan] * 20 + [1.0, 2.0],
            "unit": "yuan",
            "qualifier": "exact",
            "status": "actual",
            "scope": None,
            "period_text": "2021年",
            "period_start": "2021-01-01",
            "period_end": "2021-12-31",
            "source_date": "2022-01-01",
            "source_date_basis": "stated",
            "region_level": "county",
            "quote": "投入1元",
        }
    )
    (missing,) = [line for line in honest.caveats(rows, "zh") if "第0县" in line]
    assert "第11县" in missing and "第12县" not in missing
    assert missing.endswith("……（共 20 个地区，其余见下表）")


def test_a_warning_says_three_things_of_a_region_and_counts_the_rest() -> None:
    years = [2017, 2018, 2019, 2020, 2021]
    rows = pd.DataFrame(
        {
            "metric_id": "m",
            "metric_zh": "指标",
            "region_id": ["a"] * 5 + ["b"],
            "region_zh": ["甲市"] * 5 + ["乙市"],
            "missing": False,
            "comparable": True,
            "label": "投入",
            "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "unit": "yuan",
            "qualifier": "exact",
            "status": "actual",
            "scope": None,
            "period_text": [f"{year}年" for year in [*years, 2021]],
            "period_start": [f"{year}-01-01" for year in [*years, 2021]],
            "period_end": [f"{year}-12-31" for year in [*years, 2021]],
            "source_date": "2022-01-01",
            "source_date_basis": "stated",
            "region_level": "county",
            "quote": "投入1元",
        }
    )
    (periods,) = [line for line in honest.caveats(rows, "zh") if "2017年" in line]
    assert "2019年" in periods and "2020年（" not in periods
    assert "……（共 5 项）" in periods
