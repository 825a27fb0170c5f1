"""The map in Chromium with every request outside 127.0.0.1 aborted: it is drawn all the same."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from tests.browser.driver import App, settle

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page, Route


LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")
# Drawn units cover about 16 % of the map canvas (measured at 1366 px); a blank map, none.
MIN_DRAWN = 0.05
BACKGROUND = 245  # grey level: white and near-white are background, grey units are not
DRAW_WAIT_MS = 30_000


def drawn_share(page: Page, canvas: Locator) -> float:
    """Return the share of the map canvas's pixels that are not background, once it has drawn.

    The map draws a moment after its canvas appears (more on a busy machine): wait for it.
    """
    share = 0.0
    for _ in range(DRAW_WAIT_MS // 500):
        with Image.open(io.BytesIO(canvas.screenshot())) as shot:
            levels = shot.convert("L").histogram()
        share = sum(levels[:BACKGROUND]) / max(sum(levels), 1)
        if share > MIN_DRAWN:
            break
        page.wait_for_timeout(500)
    return share


@pytest.mark.parametrize(("lang", "no_figure"), [("zh", "无数据"), ("en", "no figure")])
def test_the_map_is_drawn_with_every_outside_request_blocked(
    browser: Browser, app_url: str, lang: str, no_figure: str
) -> None:
    app = App(app_url, browser)
    try:
        context = app.new_context()
        outside: list[str] = []

        def local_only(route: Route) -> None:
            url = route.request.url
            if url.startswith(LOCAL):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        context.route("**/*", local_only)
        page = app.open("map", page=app.new_page(context), lang=lang)
        chart = page.locator(".st-key-map_chart")
        settle(page, lambda: chart.locator("canvas").first.wait_for(state="visible"))
        # The map is a WebGL canvas under plotly's SVG (legend, colour bar, caption).
        assert chart.locator("canvas").count() >= 1
        # ... and it has drawn the units: a blank canvas would pass the count alone.
        assert drawn_share(page, chart.locator("canvas").first) > MIN_DRAWN
        assert chart.locator("svg.main-svg").count() >= 1
        legend = chart.locator(".legendtext").all_text_contents()
        assert no_figure in legend
        caption = " ".join(chart.locator(".annotation-text").all_text_contents())
        assert ("示意图" if lang == "zh" else "schematic map") in caption
        page.wait_for_timeout(1000)  # let the map ask for anything it would (styles, glyphs)
        assert outside == []  # the page icon included: it is served by the app itself
    finally:
        app.close()
