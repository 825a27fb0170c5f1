"""Served as an organisation serves it: a release, two replicas, nginx in front, in Chromium.

Every page, downloads (a table's CSV, a briefing, a large table's Excel made on request) and the
draft uploader work through nginx; browsers land on different replicas and each keeps its own
for the whole session.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from ruraldash import paths
from ruraldash.language.i18n import t
from ruraldash.serving import replicas
from ruraldash.store.release import write_release
from ruraldash.ui import exports
from tests.browser.driver import (
    EXCEPTION,
    TITLE,
    App,
    free_ports,
    new_browser_context,
    settle,
)
from tests.support.app_pages import app_pages
from tests.support.national_folder import generate_folder

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# A report the shipped data does not hold yet (one already there cannot be added).
REPORT = paths.REPO_ROOT / "benchmarks" / "holdout" / "anji_2022.txt"
FIRST_VISIT_MS = 180_000
# The smallest national folder (benchmarks/national.py: counties, metrics, years) found whose
# figures cross exports.LARGE_EXPORT on Explore: 20,328 figures, written in 11 s, released in 11 s.
LARGE_NATIONAL = (250, 16, 10)


@pytest.fixture(scope="module")
def served(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[replicas.Deployment]:
    """The shipped data released, two replicas and nginx; no replica logged a traceback."""
    folder = tmp_path_factory.mktemp("served")
    release = folder / "release" / "ruraldash.duckdb"
    write_release(paths.DATA_DIR, paths.METRICS_DIR, release)
    env = {"RURALDASH_MODE": "served", "RURALDASH_RELEASE": str(release)}
    # nginx on a free port, the replicas on the two after it
    deployment = replicas.start(2, free_ports(3), folder / "nginx", env)
    try:
        for index in range(2):
            first_visit(browser, f"http://127.0.0.1:{deployment.replica_port(index)}")
        yield deployment
    finally:
        deployment.stop()
    for index in range(2):
        log = deployment.replica_log(index).read_text(encoding="utf-8", errors="replace")
        assert "Traceback" not in log, log


def first_visit(browser: Browser, url: str) -> None:
    """A replica's first browser visit, untimed: its static files are read for the first time
    (the app_url fixture of tests/browser/conftest.py does the same)."""
    context = new_browser_context(browser)
    page = context.new_page()
    page.goto(url)
    settle(
        page,
        lambda: page.wait_for_selector(f"{TITLE}, {EXCEPTION}", timeout=FIRST_VISIT_MS),
        timeout=FIRST_VISIT_MS,
    )
    context.close()


def page_views(deployment: replicas.Deployment, index: int) -> list[dict]:
    """The page-view lines replica `index` has logged so far."""
    lines = deployment.replica_log(index).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.startswith('{"event": "page_view"')]


def replica_of(deployment: replicas.Deployment, act) -> int:
    """Do `act`; return the one replica that logged a page view for it."""
    before = [len(page_views(deployment, index)) for index in range(2)]
    act()
    after = [len(page_views(deployment, index)) for index in range(2)]
    grew = [index for index in range(2) if after[index] > before[index]]
    assert len(grew) == 1, f"page views logged by replicas {grew}"
    return grew[0]


def download(page: Page, key: str) -> bytes:
    """Click the download button under `key`; return the file's bytes."""
    with page.expect_download() as started:
        page.locator(f".st-key-{key} button").click()
    return Path(started.value.path()).read_bytes()


def test_browsers_land_on_both_replicas_and_each_keeps_its_own(
    served: replicas.Deployment, browser: Browser
) -> None:
    app = App(served.url, browser)
    try:
        homes: dict[int, Page] = {}
        for _ in range(12):  # each new browser's cookie hashes to either replica
            page = app.new_page(app.new_context())
            index = replica_of(served, lambda page=page: app.open("compare", page))
            homes.setdefault(index, page)
            if len(homes) == 2:
                break
        assert set(homes) == {0, 1}
        for index, page in homes.items():
            body = download(page, "compare_csv")
            assert body.startswith(b"\xef\xbb\xbf") and len(body.splitlines()) > 2
            assert download(page, "compare_briefing_docx")[:2] == b"PK"
            link = page.locator('[data-testid="stSidebarNavLink"][href*="explore"]')
            assert replica_of(served, lambda link=link, page=page: switch(page, link)) == index
    finally:
        app.close()


def switch(page: Page, link) -> None:
    """Follow a sidebar link and wait for the page to settle."""
    link.click()
    settle(page, lambda: page.wait_for_url("**/explore**"))


def test_every_page_works_through_nginx(served: replicas.Deployment, browser: Browser) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = new_browser_context(browser)
    app = App(served.url, browser, context)
    try:
        for entry in app_pages():
            try:
                page = app.open("" if not entry.url_path else entry.url_path)
            except PlaywrightTimeout as error:
                pytest.fail(f"{entry.url_path or '/'} did not settle: {error}")
            assert page.locator(EXCEPTION).count() == 0, entry.url_path
            title = page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
            assert title == t(entry.title_key, "zh")
            assert page.locator(".st-key-drafts").count() == 0, "a reader has no drafts switch"
    finally:
        app.close()
        context.close()


def test_the_draft_uploader_works_through_nginx(
    served: replicas.Deployment, browser: Browser
) -> None:
    app = App(served.url, browser)
    try:
        page = app.open("draft")
        page.locator(".st-key-draft_upload input[type='file']").set_input_files(str(REPORT))
        settle(page, lambda: page.get_by_text(t("draft_add_heading", "zh")).wait_for())
        assert page.locator(EXCEPTION).count() == 0
        page.locator(".st-key-draft_add_zip").wait_for()
        assert page.locator(".st-key-draft_add").count() == 0, "no adding in a read-only app"
        assert page.get_by_text(t("draft_add_read_only", "zh")[:12]).count() >= 1
    finally:
        app.close()


def test_a_large_table_is_prepared_as_excel_and_downloaded_through_nginx(
    served: replicas.Deployment, browser: Browser, tmp_path: Path
) -> None:
    """A new release above the large-export threshold is swapped in under the running replicas;
    Explore offers every figure's XLSX in two steps (生成 Excel, then download), through nginx.
    The shipped release is put back afterwards."""
    release = Path(served.env["RURALDASH_RELEASE"])
    root = generate_folder(tmp_path, *LARGE_NATIONAL)
    manifest = write_release(root / "data", root / "metrics", release)
    figures = manifest.counts["figures"]
    assert figures > exports.LARGE_EXPORT
    app = App(served.url, browser)
    try:
        page = app.open("explore")
        page.get_by_text(f"{figures:,}", exact=False).first.wait_for(timeout=FIRST_VISIT_MS)
        label = t("prepare_xlsx", "zh").format(rows=f"{figures:,}")
        prepare = page.locator(".st-key-explore_xlsx_prepare button")
        assert label in prepare.inner_text()  # after the icon's name
        prepare.click()
        settle(
            page,
            lambda: page.locator(".st-key-explore_xlsx button").wait_for(timeout=FIRST_VISIT_MS),
            timeout=FIRST_VISIT_MS,
        )
        body = download(page, "explore_xlsx")
    finally:
        app.close()
        write_release(paths.DATA_DIR, paths.METRICS_DIR, release)
    assert zipfile.is_zipfile(io.BytesIO(body))
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    sheets = ("sheet_print", "sheet_data", "sheet_sources", "sheet_notes")
    assert book.sheetnames == [t(name, "zh") for name in sheets]
    data = book[t("sheet_data", "zh")]
    assert data.max_row >= figures + 1  # a header row, then every figure
