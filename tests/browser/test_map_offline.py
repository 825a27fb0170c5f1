"""The map in Chromium with every request outside 127.0.0.1 aborted: it is drawn all the same."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.driver import App, settle

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

pytestmark = pytest.mark.browser

LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")


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
        assert chart.locator("svg.main-svg").count() >= 1
        legend = chart.locator(".legendtext").all_text_contents()
        assert no_figure in legend
        caption = " ".join(chart.locator(".annotation-text").all_text_contents())
        assert ("示意图" if lang == "zh" else "schematic map") in caption
        page.wait_for_timeout(1000)  # let the map ask for anything it would (styles, glyphs)
        assert outside == []  # the page icon included: it is served by the app itself
    finally:
        app.close()
