"""Issue #10 in headless Chromium: Back restores the view, a Chinese not-found page, 1366-px
tables with value, period, scope and source in sight, and the screenshots to look at."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ruraldash.language.i18n import t
from ruraldash.views.screen import FIRST_COLUMNS
from tests.browser.driver import App, chosen, settle, wait_for_query

if TYPE_CHECKING:
    from playwright.sync_api import Page


LAPTOP = {"width": 1366, "height": 2400}
NAV = '[data-testid="stSidebarNav"] a[href$="/{path}"]'


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_back_from_explore_restores_the_comparison(app: App, lang: str) -> None:
    query = {"category": "training", "metric": "trainees"} | (
        {"lang": lang} if lang == "en" else {}
    )
    page = app.open("compare", **query)
    metric = chosen(page, "metric")
    assert metric == ("Trainees (persons)" if lang == "en" else "培训人数")
    page.locator(NAV.format(path="explore")).click()
    settle(page, lambda: page.wait_for_url("**/explore**"))
    assert page.locator("h1").first.inner_text() == t("page_explore", lang)
    page.go_back()
    settle(page, lambda: page.wait_for_url("**/compare?**"))
    wait_for_query(page, "metric=trainees")
    assert chosen(page, "metric") == metric
    assert chosen(page, "category") == ("Training" if lang == "en" else "教育培训")
    assert page.locator("h1").first.inner_text() == t("page_compare", lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unknown_address_says_so_in_the_page_language(app: App, lang: str) -> None:
    page = app.open("no_such_page", **({"lang": lang} if lang == "en" else {}))
    assert page.locator("h1").first.inner_text() == t("not_found_title", lang)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "/no_such_page" in body and t("not_found_link", lang) in body
    # Streamlit's own English dialog ("Page not found … pages/ directory") is not shown.
    assert "pages/ directory" not in page.locator("body").inner_text()


def _grid_headers_in_view(page: Page, key: str) -> dict[str, bool]:
    """Each header of the grid under `key`: whether it is drawn without scrolling sideways.

    The grid draws on a canvas; its accessible header cells give the order, the widths given
    to ui.table (views.screen) give where each column ends, and the grid box its visible width.
    """
    # The grid adds its accessible header cells a moment after the page has finished running.
    page.locator(f'.st-key-{key} [role="columnheader"]').first.wait_for(state="attached")
    headers, width = page.evaluate(
        """(key) => {
            const grid = document.querySelector(`.st-key-${key} [data-testid="stDataFrame"]`);
            const cells = [...grid.querySelectorAll('[role="columnheader"]')];
            return [cells.map((cell) => cell.innerText.trim()), grid.getBoundingClientRect().width];
        }""",
        key,
    )
    lang = "en" if "Value" in headers else "zh"
    widths = {t(name, lang): pixels for name, pixels in FIRST_COLUMNS}
    seen, right = {}, 0
    for header in headers:
        if header not in widths:
            break  # past the laid-out columns: their widths are the grid's own
        right += widths[header]
        seen[header] = right <= width
    return seen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_1366_pixels_value_period_scope_and_source_need_no_scrolling(
    app: App, lang: str, screenshot_dir: Path
) -> None:
    page = app.new_page(app.new_context(LAPTOP))
    query = {"category": "training", "metric": "trainees"} | (
        {"lang": lang} if lang == "en" else {}
    )
    app.open("compare", page=page, **query)
    page.locator(".st-key-compare_table").scroll_into_view_if_needed()
    seen = _grid_headers_in_view(page, "compare_table")
    for key in ("col_value_text", "col_period", "col_scope", "col_source"):
        assert seen.get(t(key, lang)), (key, seen)
    page.screenshot(path=str(screenshot_dir / f"polish_compare_{lang}_1366.png"))
    profile = app.open(
        "region_profile", page=app.new_page(page.context), report="xinning_2021", lang=lang
    )
    seen = _grid_headers_in_view(profile, "profile_funds")
    for key in ("col_value_text", "col_period", "col_scope"):
        assert seen.get(t(key, lang)), (key, seen)
    profile.screenshot(path=str(screenshot_dir / f"polish_region_profile_{lang}_1366.png"))
