"""The map page's image and briefing buttons in the browser: a PNG and a DOCX of the map shown."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document

from ruraldash.views.maps import choropleth
from tests.browser.driver import App, settle

if TYPE_CHECKING:
    from playwright.sync_api import Page


FIRST_IMAGE_MS = 120_000  # the server's first image starts its Chromium


def download(page: Page, key: str) -> tuple[str, bytes]:
    """Click the download button under `key`; return the file's name and bytes."""
    with page.expect_download(timeout=FIRST_IMAGE_MS) as started:
        page.locator(f".st-key-{key} button").click()
    done = started.value
    return done.suggested_filename, Path(done.path()).read_bytes()


def test_the_map_downloads_as_a_png_and_a_briefing(app: App, screenshot_dir: Path) -> None:
    page = app.open("map", metric="party_organisations_set_up")
    chart = page.locator(".st-key-map_chart")
    settle(page, lambda: chart.locator("canvas").first.wait_for(state="visible"))
    page.locator(".st-key-map_briefing").screenshot(
        path=screenshot_dir / "map_briefing_buttons.png"
    )

    name, png = download(page, "map_image_png")
    assert name.startswith("map_party_organisations_set_up_actual_china_") and name.endswith(".png")
    assert png.startswith(b"\x89PNG")
    size = (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big"))
    assert size == (2 * choropleth.ASSUMED_WIDTH, 2 * choropleth.HEIGHT)
    (screenshot_dir / "map_download.png").write_bytes(png)

    name, data = download(page, "map_briefing_docx")
    # named in the page's language; a 简报's head, then what it shows
    assert name.startswith("新建党组织_") and "_简报_" in name and name.endswith(".docx")
    document = Document(io.BytesIO(data))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == "乡村振兴数据简报"
    assert "新建党组织：全国地级单位分布（实际）" in paragraphs[:4]
    assert len(document.inline_shapes) == 1
    assert any("示意图，不作为行政区划或国界依据" in p.text for p in document.paragraphs)
    # on_click="ignore": the page did not rerun, the map is still drawn
    assert chart.locator("canvas").count() >= 1
