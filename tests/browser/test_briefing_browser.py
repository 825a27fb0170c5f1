"""Briefings in the browser: the 简报 buttons hand over a DOCX and a PDF of what the page shows."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document

from ruraldash.language.i18n import t
from tests.browser.driver import App, read_grid
from tests.support.app_pages import page_of

if TYPE_CHECKING:
    from playwright.sync_api import Page


FIRST_BRIEFING_MS = 120_000  # the server's first briefing starts its Chromium


def download(page: Page, key: str) -> tuple[str, bytes]:
    """Click the download button under `key`; return the file's name and bytes."""
    with page.expect_download(timeout=FIRST_BRIEFING_MS) as started:
        page.locator(f".st-key-{key} button").click()
    done = started.value
    return done.suggested_filename, Path(done.path()).read_bytes()


def test_the_briefing_buttons_give_the_pages_values_as_docx_and_pdf(
    app: App, screenshot_dir: Path, tmp_path: Path
) -> None:
    page = app.open(page_of("compare").url_path, category="funds", metric="funds_invested")
    shown = read_grid(page, "compare_table")
    values = {row[shown.header.index(t("col_value_text", "zh"))] for row in shown.rows}
    buttons = page.locator(".st-key-compare_briefing button")
    # each label after its icon (a ligature whose text is the icon's name)
    assert [text.split("\n")[-1] for text in buttons.all_inner_texts()] == [
        t("download_briefing_docx", "zh"),
        t("download_briefing_pdf", "zh"),
    ]
    page.locator(".st-key-compare_briefing").screenshot(
        path=screenshot_dir / "briefing_buttons_zh.png"
    )

    name, data = download(page, "compare_briefing_docx")
    # named in the page's language; a 简报's head, then what it compares
    assert name.startswith("投入资金_地区比较_简报_") and name.endswith(".docx")
    document = Document(io.BytesIO(data))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == "乡村振兴数据简报"
    assert "投入资金：各地区比较" in paragraphs[:4]
    (table,) = document.tables
    cells = {cell.text for row in table.rows for cell in row.cells}
    # every value as the page writes it (the briefing adds its unit)
    assert all(any(cell.startswith(value) for cell in cells) for value in values)
    assert len(document.inline_shapes) == 1

    name, data = download(page, "compare_briefing_pdf")
    assert name.endswith(".pdf") and data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = tmp_path / name
        path.write_bytes(data)
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        flat = "".join(text.split())
        assert "投入资金：各地区比较" in flat
        assert all(value in flat for value in values)
    # on_click="ignore": the page did not rerun, the table is still there as it was
    assert read_grid(page, "compare_table") == shown
