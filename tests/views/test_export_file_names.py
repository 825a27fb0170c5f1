"""A downloaded table is named in the page's language for what it holds, and Windows can save it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from ruraldash.store.db import connect
from ruraldash.views.export.files import ExportTable
from ruraldash.views.export.provenance import export_name, named_stem
from ruraldash.views.pages import compare

DAY = date(2026, 12, 6)
WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def test_a_comparison_is_named_for_its_metric_and_page_in_its_language(built_db: Path) -> None:
    with connect(built_db) as con:
        names = {
            lang: compare.comparison(
                con, lang, "", "prefecture", "funds_invested", "actual", "", ""
            ).table.name
            for lang in ("zh", "en")
        }
    today = date.today().isoformat()
    assert names == {
        "zh": f"投入资金_地区比较_{today}",
        "en": f"funds_invested_compare_{today}",
    }


def test_a_category_of_several_metrics_is_named_for_the_category() -> None:
    table = pd.DataFrame({"指标": ["投入资金", "基金规模"], "地区": ["甲市", "乙市"]})
    notes = (("筛选条件", "类别: 资金投入"), ("筛选条件", "指标: 全部指标"))
    export = ExportTable("地区比较", table, pd.DataFrame(), notes, "zh", DAY)
    assert export_name(export) == "资金投入_地区比较_2026-12-06"


def test_names_keep_no_character_windows_refuses() -> None:
    for parts, lang in (
        (['投入资金<计划>: "A/B"', "地区|比较?*"], "zh"),
        (["Funds: plan/actual", 'Compare "regions"'], "en"),
        (["  .hidden. ", "tab\there"], "en"),
    ):
        name = named_stem(parts, lang, DAY)
        assert not WINDOWS_FORBIDDEN.search(name), name
        assert not name.startswith((".", " ")) and not name.endswith((".", " "))
        assert name.endswith("_2026-12-06")
    assert named_stem(['投入资金<计划>: "A/B"', "地区|比较?*"], "zh", DAY) == (
        "投入资金_计划_A_B_地区_比较_2026-12-06"
    )
    assert named_stem(["Funds: plan/actual"], "en", DAY) == "funds_plan_actual_2026-12-06"


def test_a_name_windows_reserves_for_a_device_becomes_a_plain_name() -> None:
    assert named_stem(["CON"], "en", DAY) == "con_2026-12-06"
    assert named_stem(["NUL", "LPT1"], "zh", DAY) == "NUL_LPT1_2026-12-06"


def test_a_long_title_is_cut_to_a_name_windows_can_hold() -> None:
    name = named_stem(["很长的标题" * 30, "地区比较"], "zh", DAY)
    assert len(name) <= 40 + 1 + 4 + 1 + 10
    assert name.endswith("_地区比较_2026-12-06")
