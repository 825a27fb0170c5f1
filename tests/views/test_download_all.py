"""The dashboard's "download all": canonical rows, the reader's headers and words, a column map."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd

from ruraldash.store.db import connect, run_query
from ruraldash.views.export.dataset import HEADERS, localised_figures_export
from ruraldash.views.export.files import FIGURE_EXPORT_COLUMNS, figures_export, to_csv, to_xlsx


def test_download_all_has_the_canonical_rows_in_chinese_words(built_db: Path) -> None:
    con = connect(built_db)
    try:
        canonical = figures_export(con, "zh").table
        shown = localised_figures_export(con, "zh")
        english = localised_figures_export(con, "en")
        qualifier_names = run_query(con, "vocabulary").set_index("id")["name_zh"]
    finally:
        con.close()
    table = shown.table
    assert list(table.columns) == [HEADERS[c][0] for c in FIGURE_EXPORT_COLUMNS]
    assert "数据编号" in table.columns and "figure_id" not in table.columns
    assert table["数据编号"].tolist() == canonical["figure_id"].tolist()
    assert table["数值（基本单位）"].tolist() == canonical["value"].tolist()
    more_than = canonical["qualifier"] == "more_than"
    assert more_than.any()
    assert set(table.loc[more_than, "限定词"]) == {qualifier_names["more_than"]}
    assert "more_than" not in set(table["限定词"]) and "plan" not in set(table["状态"])
    assert {"实际", "计划/目标"} <= set(table["状态"])
    assert list(english.table.columns)[0] == "Figure id"
    assert "plan" not in set(english.table["Status"]) and "more_than" not in set(
        english.table["Qualifier"]
    )


def test_download_all_xlsx_maps_each_header_to_its_canonical_column(built_db: Path) -> None:
    con = connect(built_db)
    try:
        shown = localised_figures_export(con, "zh")
    finally:
        con.close()
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(shown)))
    assert book.sheetnames == ["数据", "来源", "说明", "列名对照"]
    mapping = pd.DataFrame(book["列名对照"].values)
    assert mapping.iloc[0].tolist() == ["表头", "规范列名"]
    assert dict(zip(mapping[0][1:], mapping[1][1:], strict=True)) == {
        HEADERS[c][0]: c for c in FIGURE_EXPORT_COLUMNS
    }
    assert [cell.value for cell in book["数据"][1]] == [
        HEADERS[c][0] for c in FIGURE_EXPORT_COLUMNS
    ]
    assert "日期依据" in [cell.value for cell in book["来源"][1]]
    header = to_csv(shown).decode("utf-8-sig").splitlines()[0]
    assert header.startswith("数据编号,报告编号,地区编号,")
