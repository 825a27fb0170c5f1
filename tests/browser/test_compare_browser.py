"""Compare in the browser: its downloads hold what the page shows; its URL reproduces it; old
Compare regions and Compare units links open it."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pandas as pd
import pytest

from ruraldash.language.i18n import t
from ruraldash.store.db import connect, run_query
from tests.browser.driver import (
    TITLE,
    App,
    choose,
    chosen,
    read_grid,
    settle,
    start_server,
    stop_server,
    wait_for_query,
)
from tests.support.app_pages import page_of

if TYPE_CHECKING:
    from playwright.sync_api import Page


PAGE = page_of("compare").url_path
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def catalogue(built_db: Path) -> pd.DataFrame:
    """The metric catalogue, to name metrics and categories as the page does."""
    with connect(built_db) as con:
        return run_query(con, "metric_catalogue").set_index("metric_id")


def download(page: Page, key: str) -> tuple[str, bytes]:
    """Click the download button under `key`; return the file's name and bytes."""
    with page.expect_download() as started:
        page.locator(f".st-key-{key} button").click()
    done = started.value
    return done.suggested_filename, Path(done.path()).read_bytes()


def chart_title(page: Page) -> list[str]:
    """The title of the comparison's chart (one panel: its layout title, not annotations)."""
    return page.locator(".st-key-compare_chart .main-svg .gtitle").evaluate_all(
        "texts => texts.map(text => text.textContent)"
    )


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_downloads_hold_the_table_as_shown_and_keep_the_page(
    app: App, catalogue: pd.DataFrame, screenshot_dir: Path
) -> None:
    metric = "funds_invested"  # money: values shown in 万 and 亿, one region without a figure
    page = app.open(PAGE, category="funds", metric=metric)
    page.screenshot(path=screenshot_dir / "compare_funds_zh.png")
    assert chosen(page, "metric") == catalogue.loc[metric, "metric_zh"]
    shown = read_grid(page, "compare_table")

    name, data = download(page, "compare_csv")
    # Named in the page's language for what it holds: 投入资金 … 地区比较 … 2026-12-06.csv
    assert "投入资金" in name and "地区比较" in name and name.endswith(".csv"), name
    name_csv = name
    assert data.startswith(BOM), "Excel on Chinese Windows needs the UTF-8 BOM"
    header, *rows = list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"))))
    # The CSV holds every column; the grid draws those in view, left to right.
    assert len(header) == shown.column_count
    assert header[: len(shown.header)] == shown.header
    assert len(rows) == shown.row_count == len(shown.rows)
    assert [row[: len(shown.header)] for row in rows] == shown.rows
    value, value_text = header.index(t("col_value", "zh")), header.index(t("col_value_text", "zh"))
    figures = [row for row in rows if row[value_text] != t("no_figure", "zh")]
    assert figures, "funds_invested has figures"
    assert all(is_number(row[value]) for row in figures)
    assert any(re.search(r"[万亿]", row[value_text]) for row in figures)

    name, data = download(page, "compare_xlsx")
    assert name == name_csv[: -len(".csv")] + ".xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    # It opens on the print-ready table; the full table follows on its own sheet.
    assert book.sheetnames == [
        t(key, "zh") for key in ("sheet_print", "sheet_data", "sheet_sources", "sheet_notes")
    ]
    table = list(book[t("sheet_data", "zh")].iter_rows(values_only=True))
    assert list(table[0]) == header
    assert len(table) - 1 == len(rows)
    for cells, row in zip(table[1:], rows, strict=True):
        if row[value]:
            assert isinstance(cells[value], int | float), cells
            assert cells[value] == pytest.approx(float(row[value]))
        else:
            assert cells[value] is None
    figure_id = header.index(t("col_figure_id", "zh"))
    sources = list(book[t("sheet_sources", "zh")].iter_rows(values_only=True))
    source_ids = sources[0].index(t("col_figure_id", "zh"))
    assert {row[source_ids] for row in sources[1:]} == {row[figure_id] for row in figures}
    notes = "\n".join(
        str(cell)
        for row in book[t("sheet_notes", "zh")].iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )
    assert catalogue.loc[metric, "metric_zh"] in notes
    assert t("notes_filters", "zh") in notes

    # The print-ready table as a PDF, named as the others.
    name, data = download(page, "compare_pdf")
    assert name == name_csv[: -len(".csv")] + ".pdf"
    assert data.startswith(b"%PDF")

    # Downloading neither reruns nor resets the page: the selection and the table are still there.
    settle(page)
    assert chosen(page, "metric") == catalogue.loc[metric, "metric_zh"]
    assert chosen(page, "category") == catalogue.loc[metric, "category_zh"]
    wait_for_query(page, f"metric={metric}")
    assert read_grid(page, "compare_table").shows_as(shown)


def test_a_shared_link_reproduces_the_view(app: App, catalogue: pd.DataFrame) -> None:
    metric = "trainee_person_times"
    names = catalogue.loc[metric]
    page = app.open(PAGE)
    choose(page, "category", names["category_zh"], "category=training")
    choose(page, "metric", names["metric_zh"], f"metric={metric}")
    view = {
        "category": chosen(page, "category"),
        "metric": chosen(page, "metric"),
        "chart": chart_title(page),
        "table": read_grid(page, "compare_table"),
    }
    assert view["metric"] == names["metric_zh"]
    assert any(names["metric_zh"] in title for title in view["chart"]), view["chart"]

    shared = app.open(page.url.removeprefix(app.url + "/"))  # another official, another session
    assert chosen(shared, "category") == view["category"]
    assert chosen(shared, "metric") == view["metric"]
    assert chart_title(shared) == view["chart"]
    table = read_grid(shared, "compare_table")
    assert table.shows_as(view["table"]), (table, view["table"])


def test_old_compare_regions_and_compare_units_links_open_the_comparison(
    app: App, catalogue: pd.DataFrame
) -> None:
    regions = app.open("compare_regions", category="funds", metric="all", per10k="1")
    wait_for_query(regions, "category=funds")
    assert "/compare?" in regions.url
    assert regions.locator(TITLE).first.inner_text() == t("page_compare", "zh")
    assert chosen(regions, "category") == catalogue.loc["funds_invested", "category_zh"]
    # metric=all was Compare regions' "every metric of the category": it opens that view.
    assert chosen(regions, "metric") == t("all_metrics_of_category", "zh")
    assert regions.locator('[data-testid="stAlert"]', has_text="链接中的").count() == 0
    units = app.open("compare_units", level="prefecture", metric="cadres_dispatched", lang="en")
    wait_for_query(units, "metric=cadres_dispatched")
    assert "/compare?" in units.url
    assert chosen(units, "metric") == catalogue.loc["cadres_dispatched", "metric_en"]
    assert chosen(units, "category") == catalogue.loc["cadres_dispatched", "category_en"]


def test_a_hand_written_link_opens_in_english(app: App, catalogue: pd.DataFrame) -> None:
    metric = "cadres_dispatched"
    page = app.open(PAGE, lang="en", category="cadres", metric=metric)
    assert chosen(page, "metric") == catalogue.loc[metric, "metric_en"]
    assert chosen(page, "category") == catalogue.loc[metric, "category_en"]
    titles = chart_title(page)
    assert any(catalogue.loc[metric, "metric_en"] in title for title in titles), titles
    grid = read_grid(page, "compare_table")
    assert grid.header[0] == t("col_map_unit", "en")


@pytest.mark.parametrize("address", [PAGE, "compare_regions"])
def test_a_deep_link_works_as_the_first_request_a_fresh_server_gets(
    app: App, built_db: Path, tmp_path: Path, address: str
) -> None:
    """A process's first run takes another route through Streamlit than later ones: an old
    address (no file of that name in pages/) once opened the Overview there."""
    process, url = start_server(built_db, tmp_path / "server.log")
    try:
        fresh = App(url, app.browser)
        page = fresh.open(address, category="cadres", metric="cadres_dispatched")
        wait_for_query(page, "metric=cadres_dispatched")
        assert "/compare?" in page.url
        assert page.locator('[role="dialog"]').count() == 0, page.locator(
            '[role="dialog"]'
        ).inner_text()
        assert page.locator(TITLE).first.inner_text() == t("page_compare", "zh")
        assert chosen(page, "metric") == "选派干部人才"
        fresh.close()
    finally:
        stop_server(process)
