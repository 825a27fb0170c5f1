"""A comparison's XLSX opens on a print-ready sheet: what is compared, at most seven columns with
values as written, caveats and numbered sources on the same page, legible on A4."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ruraldash.store.db import connect
from ruraldash.views.export.files import ExportTable, to_xlsx
from ruraldash.views.export.print_table import MOST_COLUMNS, PRINT_ROWS, print_table
from ruraldash.views.export.printing import PRINT_MARGINS
from ruraldash.views.pages import compare

# Excel's column width w (characters of Calibri 11) is w * 7 + 5 pixels at 96 dpi; A4 landscape
# is 297 mm = 1123 px. What the side margins leave is the width a sheet prints at 100 %.
A4_LANDSCAPE_PX = 297 / 25.4 * 96
PRINTABLE_PX = A4_LANDSCAPE_PX - (PRINT_MARGINS["left"] + PRINT_MARGINS["right"]) * 96


@pytest.fixture(scope="module")
def funds(built_db: Path) -> dict[str, ExportTable]:
    """The shipped funds comparison (Compare, funds_invested at the nation) in both languages."""
    with connect(built_db) as con:
        return {
            lang: compare.comparison(
                con, lang, "", "prefecture", "funds_invested", "actual", "", ""
            ).table.export
            for lang in ("zh", "en")
        }


def _book(export: ExportTable) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(export)))


def _texts(sheet) -> list[str]:
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_the_first_sheet_says_what_is_compared_with_values_as_written(funds) -> None:
    book = _book(funds["zh"])
    assert book.sheetnames == ["打印", "数据", "来源", "说明"]  # the full table stays on its own
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "投入资金：地区比较"
    assert sheet["A2"].value.startswith("地方：全国；层级：地级；指标：投入资金；")
    assert "制表日期：" in sheet["A2"].value
    header = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "地区")
    assert [value for value in header if value] == [
        "地区",
        "数值（按原文）",
        "时期",
        "统计对象（原文）",
        "状态",
        "来源号",
    ]
    texts = _texts(sheet)
    # Values with their unit as the report wrote them; never the base-unit number.
    for written in ("近8亿元", "3亿多元", "1400多万元", "6239万元", "2亿多元"):
        assert written in texts, written
    assert not any("800000000" in text or "800,000,000" in text for text in texts)
    # Side by side lists figures only; the units without one have a table of their own.
    assert texts.count("无数据") == 0 and "0元" not in texts
    # The caveats and the numbered sources print below the table, on the same sheet.
    at = texts.index("比较前请注意")
    assert any(text.startswith("时期") for text in texts[at:])
    sources = texts.index("来源")
    assert at < sources
    assert texts[sources + 1].startswith("[1] 宁德市 · 坚持党建引领 凝聚发展力量")
    assert texts[-1].startswith("[5] 莆田市") and "2亿多元" in texts[-1]
    assert {"[1]", "[2]", "[3]", "[4]", "[5]"} <= set(texts)


def test_the_english_sheet_is_in_english(funds) -> None:
    sheet = _book(funds["en"]).worksheets[0]
    assert sheet.title == "Print"
    assert sheet["A1"].value == "Funds invested: Compare"
    texts = _texts(sheet)
    assert "Value (as written)" in texts and "Before comparing" in texts
    assert "<800 million yuan" in texts


def test_it_prints_on_a4_at_full_size_with_text_of_9_points_or_more(funds) -> None:
    for export in funds.values():
        sheet = _book(export).worksheets[0]
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation) == (9, "landscape")
        # One page wide, as tall as it takes, and the columns fit the page as they are, so
        # neither Excel nor WPS shrinks the text to fit (the scale stays 100 %).
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert setup.fitToWidth in (None, 1)  # absent is 1, OOXML's default
        assert setup.fitToHeight == 0
        widths = [
            sheet.column_dimensions[openpyxl.utils.get_column_letter(col)].width
            for col in range(1, sheet.max_column + 1)
        ]
        assert len(widths) <= MOST_COLUMNS
        assert sum(width * 7 + 5 for width in widths) <= PRINTABLE_PX * 0.9
        sizes = {cell.font.sz for row in sheet.iter_rows() for cell in row if cell.value}
        assert min(sizes) >= 9
        # The header row repeats on every printed page; every page is numbered of how many.
        header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value)
        assert sheet.print_title_rows == f"${header}:${header}"
        footer = sheet.oddFooter.center.text
        assert "&P" in footer and "&N" in footer
        assert sheet.oddFooter.center.size >= 9


def test_a_long_table_prints_its_first_rows_and_says_where_the_rest_are() -> None:
    rows = PRINT_ROWS + 5
    table = pd.DataFrame({"地区": [f"地区{n}" for n in range(rows)], "数量": range(rows)})
    export = ExportTable("测试表", table, pd.DataFrame({"来源": ["甲报告"]}), lang="zh")
    printed = print_table(export)
    assert len(printed.rows) == PRINT_ROWS
    assert printed.table_note == f"只列出前 {PRINT_ROWS} 行（共 {rows} 行），全部见“数据”工作表。"
    assert printed.sources == ("[1] 甲报告",)
    book = _book(export)
    assert book.worksheets[1].max_row == rows + 1  # the full table keeps every row


def test_a_wide_table_prints_at_most_seven_columns() -> None:
    table = pd.DataFrame({f"列{n}": ["x"] for n in range(12)})
    printed = print_table(ExportTable("宽表", table, pd.DataFrame(), lang="zh"))
    assert printed.headers == tuple(f"列{n}" for n in range(MOST_COLUMNS))


def test_a_narrower_scope_is_said_beside_what_is_counted(funds) -> None:
    export = funds["zh"]
    table = export.table.copy()
    table.loc[table.index[0], "范围"] = "蕉城区"
    printed = print_table(
        ExportTable(export.title, table, export.sources, export.notes, export.lang)
    )
    assert "口径/范围" in printed.headers
    counted = printed.headers.index("口径/范围")
    assert printed.rows[0][counted] == "各级投入补助资金(发展壮大村级集体经济)（蕉城区）"
    assert "范围：全域（各行相同）" not in printed.selection


def test_one_region_s_figures_print_led_by_their_metric(funds) -> None:
    export = funds["zh"]
    # A region profile lists no places, and names each figure's metric.
    table = export.table.drop(columns=["地区", "行政单位"])
    table.insert(0, "指标", "投入资金")
    printed = print_table(ExportTable(export.title, table, export.sources, export.notes, "zh"))
    assert printed.headers[:2] == ("指标", "数值（按原文）")
    assert printed.rows[0][:2] == ("投入资金", "近8亿元")
