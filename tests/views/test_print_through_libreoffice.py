"""Read as a reader would: the shipped funds comparison's XLSX, converted by LibreOffice, prints
its print-ready sheet on one A4 page with no text below 9 pt.

Two independent measures of the text size: the font sizes the PDF's page-one content sets
(Tf operators; LibreOffice writes a shrunk sheet as smaller sizes), and the heights poppler
gives the words it finds on that page. CI installs LibreOffice (.ci/run); without it, skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from ruraldash.store.db import connect
from ruraldash.views.export.files import to_xlsx
from ruraldash.views.pages import compare
from tests.support.tools import require_tool

SMALLEST_PT = 9.0
# A word's box is its font size times the font's ascent plus descent: 1.16 for DejaVu Sans,
# 1.30 for Noto Sans CJK (LibreOffice's fallbacks for Calibri and Chinese). The smaller ratio
# keeps the check on word heights a floor that holds whichever font a word is set in.
SMALLEST_BOX_RATIO = 1.16
A4_LANDSCAPE = (842, 595)


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=180).stdout


@pytest.fixture(scope="module")
def printed(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The funds comparison's XLSX converted to PDF by LibreOffice, as a reader would print it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require_tool("LibreOffice (apt-get install -y libreoffice-calc-nogui)", soffice is not None)
    require_tool("poppler (apt-get install -y poppler-utils)", bool(shutil.which("pdfseparate")))
    folder = tmp_path_factory.mktemp("print")
    with connect(built_db) as con:
        table = compare.comparison(
            con, "zh", "", "prefecture", "funds_invested", "actual", "", ""
        ).table
    book = folder / "funds.xlsx"
    book.write_bytes(to_xlsx(table.export))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(book),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return folder / "funds.pdf"


def _page_text(pdf: Path, page: int) -> str:
    return _run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-")


def test_the_print_sheet_is_one_a4_page(printed: Path) -> None:
    info = _run("pdfinfo", "-f", "1", "-l", "1", str(printed))
    width, height = (
        float(n) for n in re.search(r"Page\s+1 size:\s+([\d.]+) x ([\d.]+)", info).groups()
    )
    assert (round(width), round(height)) == A4_LANDSCAPE
    first = "".join(_page_text(printed, 1).split())
    # Title, selection, every row, the caveats and the last numbered source, all on page one.
    # (The units without a figure are the Compare page's own table, named there, not rows here.)
    for expected in (
        "投入资金：地区比较",
        "制表日期",
        "近8亿元",
        "6239万元",
        "2亿多元",
        "比较前请注意",
        "[5]莆田市",
        "实施500多个帮扶项目",
    ):
        assert expected in first, expected
    # Page two is the full table: nothing of the print sheet ran onto it (its header would
    # repeat there).
    second = _page_text(printed, 2)
    assert "来源号" not in second and "投入资金：地区比较" not in second


def test_no_text_on_the_printed_page_is_below_9_points(printed: Path) -> None:
    page = printed.with_name("page1.pdf")
    subprocess.run(["pdfseparate", "-f", "1", "-l", "1", str(printed), str(page)], check=True)
    data = page.read_bytes()
    sizes: list[float] = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue  # a font or an image, not page content
        # A text or page matrix would scale the sizes set by Tf: LibreOffice writes none.
        assert not re.search(rb"\bTm\b", content)
        assert not re.search(rb"[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ cm", content)
        sizes += [float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", content)]
    assert sizes and min(sizes) >= SMALLEST_PT, sorted(set(sizes))
    boxes = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">',
        _run("pdftotext", "-f", "1", "-l", "1", "-bbox", str(printed), "-"),
    )
    heights = [float(bottom) - float(top) for top, bottom in boxes]
    assert len(heights) > 50
    assert min(heights) >= SMALLEST_PT * SMALLEST_BOX_RATIO, min(heights)
