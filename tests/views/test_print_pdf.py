"""The print-ready table as a PDF: the same content as the XLSX's first sheet, on A4."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from ruraldash.store.db import connect
from ruraldash.views.export import pdf
from ruraldash.views.export.files import ExportTable
from ruraldash.views.export.print_table import print_table
from ruraldash.views.pages import compare
from tests.support.tools import require_tool


@pytest.fixture(scope="module")
def funds(built_db: Path) -> ExportTable:
    with connect(built_db) as con:
        return compare.comparison(
            con, "zh", "", "prefecture", "funds_invested", "actual", "", ""
        ).table.export


def test_the_html_holds_what_the_first_sheet_holds(funds: ExportTable) -> None:
    printed = print_table(funds)
    html = pdf.to_html(printed)
    head = re.search(r"<thead>(.*)</thead>", html)[1]
    assert re.findall(r"<th>(.*?)</th>", head) == list(printed.headers)
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert cells == [cell for row in printed.rows for cell in row]
    for text in (printed.title, printed.selection, *printed.caveats, *printed.sources):
        assert escape(text) in html, text


def test_it_prints_on_one_a4_page_with_text_of_9_points_or_more(
    funds: ExportTable, chromium: None, tmp_path: Path
) -> None:
    require_tool("poppler (apt-get install -y poppler-utils)", bool(shutil.which("pdftotext")))
    path = tmp_path / "funds.pdf"
    path.write_bytes(pdf.to_pdf(funds))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout).groups()
    assert (round(float(size[0])), round(float(size[1]))) == (842, 595)
    flat = "".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for expected in (
        "投入资金：地区比较",
        "近8亿元",
        "无数据",
        "比较前请注意",
        "[5]莆田市",
        "第1页，共1页",
    ):
        assert expected in flat, expected
    boxes = re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">',
        subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout,
    )
    # A word's box is its size times its font's ascent plus descent (1.16 or more here).
    assert min(float(bottom) - float(top) for top, bottom in boxes) >= 9 * 1.16
