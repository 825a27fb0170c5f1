"""Every XLSX the product writes prints on A4: landscape, one page wide, header repeated, footer."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ruraldash.store.db import connect
from ruraldash.views.export.files import figures_export, to_xlsx
from ruraldash.views.pages import compare


def _comparison_xlsx(built_db: Path) -> tuple[bytes, list[str]]:
    con = connect(built_db)
    try:
        compared = compare.comparison(
            con, "zh", "", "prefecture", "trainee_person_times", "actual", "", ""
        )
    finally:
        con.close()
    return to_xlsx(compared.table.export), list(compared.table.shown.columns)


def _sheet_xml(data: bytes, number: int) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(f"xl/worksheets/sheet{number}.xml").decode("utf-8")


def test_every_sheet_is_set_up_for_a4_landscape_one_page_wide(built_db: Path) -> None:
    con = connect(built_db)
    try:
        books = [_comparison_xlsx(built_db)[0], to_xlsx(figures_export(con, "en"))]
    finally:
        con.close()
    # A comparison opens on its print-ready table, then data, sources and notes; the whole
    # dataset's first sheet is its data (a contract scripts read).
    for data, count in zip(books, (4, 3), strict=True):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
            workbook = archive.read("xl/workbook.xml").decode("utf-8")
        assert len(sheets) == count
        for number in range(1, len(sheets) + 1):
            xml = _sheet_xml(data, number)
            setup = re.search(r"<pageSetup [^>]*/>", xml)[0]
            assert 'paperSize="9"' in setup and 'orientation="landscape"' in setup
            assert 'fitToHeight="0"' in setup and 'fitToWidth="0"' not in setup
            assert '<pageSetUpPr fitToPage="1"/>' in xml
            footer = re.search(r"<oddFooter>(.*)</oddFooter>", xml)[1]
            assert "&amp;P" in footer and "&amp;N" in footer
        # The header row repeats on every printed page of every sheet.
        assert workbook.count("_xlnm.Print_Titles") == count


def test_long_columns_wrap_and_their_rows_grow(built_db: Path) -> None:
    data, columns = _comparison_xlsx(built_db)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[1]  # the full table
    quote = columns.index("原文语句") + 1
    letter = openpyxl.utils.get_column_letter(quote)
    assert sheet.column_dimensions[letter].width <= 31
    cells = [sheet.cell(row, quote) for row in range(2, sheet.max_row + 1)]
    assert all(cell.alignment.wrap_text for cell in cells if cell.value)
    long_rows = [cell.row for cell in cells if cell.value and len(str(cell.value)) > 15]
    assert long_rows and all(sheet.row_dimensions[row].height >= 30 for row in long_rows)
    assert sheet.oddFooter.right.text == "第 &P 页，共 &N 页"
    assert sheet.oddFooter.left.text.startswith("地区比较")


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdfinfo")) and not os.environ.get("CI"),
    reason="LibreOffice (soffice) and poppler (pdfinfo) are not installed",
)
def test_a_comparison_prints_one_page_wide_through_libreoffice(
    built_db: Path, tmp_path: Path
) -> None:
    data, columns = _comparison_xlsx(built_db)
    assert len(columns) >= 14
    book = tmp_path / "comparison.xlsx"
    book.write_bytes(data)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},  # a private LibreOffice profile
    )
    pdf = tmp_path / "comparison.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout)[1])
    texts = [
        subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for page in range(1, pages + 1)
    ]
    # The print-ready table comes first; then the full table prints one page wide: its first
    # page holds its leftmost and rightmost headers (none spills sideways), and so do the
    # sources and notes sheets, one page each.
    assert texts[0].startswith("培训人次：地区比较")
    full = next(
        number for number, text in enumerate(texts) if "报告日期" in text and "限定词" in text
    )
    assert columns[0] in texts[full] and columns[-1] in texts[full]
    assert pages == full + 3
    assert f"第 {full + 1} 页，共 {pages} 页" in texts[full]
