"""Every page in both languages, in headless Chromium: no errors, right language, charts drawn."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

import pytest

from ruraldash.language.i18n import LANGUAGES, TEXT, t
from ruraldash.store.db import connect, run_query
from tests.browser.driver import (
    App,
    settle,
    start_server,
    stop_server,
    wait_for_query,
)
from tests.support.app_pages import AppPage, app_pages, curator_pages, page_of

if TYPE_CHECKING:
    from playwright.sync_api import Page


PAGES = app_pages()
# Pages (by script) that must draw this many plotly charts at least; every chart must render.
MIN_CHARTS = {"overview": 2, "compare": 1, "compare_programs": 1}
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def names(built_db: Path) -> dict[str, dict[str, list[str]]]:
    """Region names and report titles in each language, as the database has them."""
    with connect(built_db) as con:
        regions, sources = run_query(con, "regions"), run_query(con, "sources")
    return {
        lang: {"regions": list(regions[f"region_{lang}"]), "titles": list(sources[f"title_{lang}"])}
        for lang in LANGUAGES
    }


def expected_text(page: AppPage, lang: str, names: dict) -> list[str]:
    """What a page must show in its text, beyond its title: the data, in the page's language."""
    regions, titles = names[lang]["regions"], names[lang]["titles"]
    by_page = {
        "overview": regions,  # the coverage matrix names every region
        "compare_programs": regions,
        "sources": titles,  # each report's curation notes, under its title
    }
    intro = f"{page.title_key}_intro"
    # The intro is Markdown: `data/` shows as code, without its backticks
    shown = [t(intro, lang).replace("`", "")] if intro in TEXT else []
    return shown + by_page.get(page.stem, [])


def assert_no_errors(page: Page, lang: str) -> None:
    """No exception or error box; a warning is allowed only as the like-for-like caveats box."""
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()
    dialogs = page.locator('[role="dialog"]')  # e.g. Streamlit's "Page not found"
    assert dialogs.count() == 0, dialogs.first.inner_text()
    errors = page.locator('[data-testid="stAlertContentError"]')
    assert errors.count() == 0, errors.first.inner_text()
    caveats_title = t("warnings_title", lang).split("**")[1]
    for warning in page.locator('[data-testid="stAlertContentWarning"]').all():
        assert warning.inner_text().startswith(caveats_title), warning.inner_text()


def assert_charts_drawn(page: Page, minimum: int) -> int:
    """Every plotly chart has its SVG with at least one trace drawn; return how many there are."""
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert charts.count() >= minimum
    for chart in charts.all():
        svg = chart.locator(".js-plotly-plot .main-svg").first
        assert svg.is_visible()
        # A map's units are drawn on a MapLibre canvas under the SVG of its legend.
        drawn = chart.locator(".main-svg .trace, .main-svg .hm, canvas.maplibregl-canvas")
        assert drawn.count() > 0, "a chart without traces"
    return charts.count()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_entry", PAGES, ids=[entry.stem for entry in PAGES])
def test_page_shows_in_language_without_errors(
    app: App, page_entry: AppPage, lang: str, names: dict, screenshot_dir: Path
) -> None:
    path = "" if page_entry is PAGES[0] else page_entry.url_path
    page = app.open(path, **({"lang": lang} if lang != "zh" else {}))
    page.screenshot(path=screenshot_dir / f"{page_entry.stem}_{lang}.png")

    assert_no_errors(page, lang)
    main = page.locator('[data-testid="stMain"]')
    title = main.locator("h1").first.inner_text().strip()
    assert title == t(page_entry.title_key, lang)
    nav = page.locator(
        '[data-testid="stSidebarNavLink"] [data-testid="stMarkdownContainer"]'
    ).all_inner_texts()
    # A reader's navigation: the curators' pages are left out (opened, they say whom they serve).
    readers = [entry for entry in PAGES if entry.script not in curator_pages()]
    assert [label.strip() for label in nav] == [t(entry.title_key, lang) for entry in readers]
    switch = page.locator(".st-key-lang").get_by_role("radio", checked=True)
    assert switch.inner_text().strip() == ("English" if lang == "en" else "中文")

    text = main.text_content()
    for wanted in expected_text(page_entry, lang, names):
        assert wanted in text, f"{wanted!r} is not on {page_entry.url_path} ({lang})"
    if lang == "en":
        chrome = [title, *nav, *(main.locator('[data-testid="stCaption"]').all_inner_texts()[:1])]
        assert not [line for line in chrome if HAN.search(line)], chrome
    else:
        assert HAN.search(title)

    assert_charts_drawn(page, MIN_CHARTS.get(page_entry.stem, 0))


def test_language_switch_carries_across_pages(app: App) -> None:
    page = app.open()
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == t("page_overview", "zh")

    page.locator(".st-key-lang").get_by_role("radio", name="English").click()
    settle(page, lambda: wait_for_query(page, "lang=en"))
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == t("page_overview", "en")

    page.locator('[data-testid="stSidebarNavLink"][href$="/compare"]').click()
    compare = page_of("compare").url_path
    settle(
        page,
        lambda: page.wait_for_function(
            "path => location.pathname.endsWith(path) && location.search.includes('lang=en')",
            arg=f"/{compare}",
        ),
    )
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == t("page_compare", "en")
    assert_charts_drawn(page, 1)

    page.locator(".st-key-lang").get_by_role("radio", name="中文").click()
    settle(page, lambda: wait_for_query(page, "lang=", present=False))
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == t("page_compare", "zh")
    assert_no_errors(page, "zh")


def test_chinese_renders_as_glyphs_not_boxes(app: App) -> None:
    """Distinct characters draw distinct pixels in the page's font: no boxes (fonts-noto-cjk)."""
    page = app.open()
    drawings = page.evaluate("""() => {
        const font = getComputedStyle(document.querySelector('[data-testid="stMain"] h1')).font;
        return ['宁', '德', '乡', '村', '\\uffff'].map(ch => {
            const canvas = document.createElement('canvas');
            canvas.width = 64; canvas.height = 64;
            const ctx = canvas.getContext('2d');
            ctx.font = font.replace(/\\d+(\\.\\d+)?px/, '40px');
            ctx.fillText(ch, 4, 48);
            return canvas.toDataURL();
        });
    }""")
    *han, missing = drawings
    advice = "install fonts-noto-cjk"
    assert len(set(han)) == len(han), f"Chinese characters draw identical boxes: {advice}"
    assert missing not in han, f"Chinese characters draw like a missing glyph: {advice}"


def test_the_overview_s_stem_address_forwards_to_the_home_page(
    app: App, built_db: Path, tmp_path: Path
) -> None:
    """/overview opens the Overview at / with the link's query (a default page lives only at /),
    both as a fresh server's first request and as a later one."""
    process, url = start_server(built_db, tmp_path / "server.log")
    try:
        fresh = App(url, app.browser)
        for _ in range(2):
            page = fresh.open("overview", lang="en", coverage="metric")
            settle(
                page, lambda page=page: page.wait_for_function("() => location.pathname === '/'")
            )
            assert_no_errors(page, "en")
            assert page.locator('[data-testid="stMain"] h1').first.inner_text() == t(
                "page_overview", "en"
            )
            assert parse_qs(urlparse(page.url).query) == {"lang": ["en"], "coverage": ["metric"]}
            view = page.locator(".st-key-coverage").get_by_role("radio", checked=True)
            assert view.inner_text().strip() == t("by_metric", "en")
        fresh.close()
    finally:
        stop_server(process)
