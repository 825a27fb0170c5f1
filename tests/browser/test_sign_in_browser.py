"""Sign-in and roles in a served app, against a mock OIDC provider (oidc-provider-mock).

A reader and a curator sign in with st.login; only the curator sees drafts, the drafts
switch, the review page's link and the add button (which writes into the curation folder,
RURALDASH_DATA, never the replica's checkout); a forged ?drafts=1 shows a reader none of them.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ruraldash import paths
from ruraldash.language.i18n import t
from ruraldash.serving.processes import stop, wait_until
from ruraldash.serving.replicas import start_replica
from ruraldash.store.release import write_release
from tests.browser.driver import App, free_ports, settle
from tests.browser.test_served_browser import REPORT, first_visit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CURATOR, READER = "curator@example.org", "reader@example.org"
SECRETS = """\
[auth]
redirect_uri = "http://127.0.0.1:{app}/oauth2callback"
cookie_secret = "a-test-secret-not-used-anywhere-else"
client_id = "ruraldash"
client_secret = "ruraldash-secret"
server_metadata_url = "http://127.0.0.1:{provider}/.well-known/openid-configuration"
"""


@dataclass(frozen=True)
class SignedInApp:
    """A served app with sign-in, its address and its curation folder (RURALDASH_DATA)."""

    url: str
    curation: Path


@pytest.fixture(scope="module")
def signed_in_app(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SignedInApp]:
    """A served app with one draft figure, sign-in configured, the mock provider beside it.

    The released data's copy is the curation folder curators add into (RURALDASH_DATA).
    """
    folder = tmp_path_factory.mktemp("sign_in")
    app_port = free_ports(2)
    provider_port = app_port + 1
    data = shutil.copytree(paths.DATA_DIR, folder / "data")
    figures = data / "figures" / "qingyuan_2019.csv"
    with figures.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("review")] = "draft"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    release = folder / "release" / "ruraldash.duckdb"
    write_release(data, paths.METRICS_DIR, release)
    secrets = folder / "secrets.toml"
    secrets.write_text(SECRETS.format(app=app_port, provider=provider_port), encoding="utf-8")
    provider_log = folder / "provider.log"
    provider = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--port", str(provider_port)],
        stdout=provider_log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    app_log = folder / "app.log"
    env = {
        "RURALDASH_MODE": "served",
        "RURALDASH_RELEASE": str(release),
        "RURALDASH_CURATORS": f"{CURATOR},group:nobody",
        "RURALDASH_DATA": str(data),
    }
    app = None
    try:
        url = f"http://127.0.0.1:{provider_port}/.well-known/openid-configuration"
        wait_until(provider, url, provider_log)
        app = start_replica(app_port, app_log, env, ("--secrets.files", str(secrets)))
        first_visit(browser, f"http://127.0.0.1:{app_port}")
        yield SignedInApp(f"http://127.0.0.1:{app_port}", data)
    finally:
        if app is not None:
            stop(app)
        stop(provider)
    assert "Traceback" not in app_log.read_text(encoding="utf-8", errors="replace")


def sign_in(app: App, address: str) -> Page:
    """Open the app in a browser of its own and sign in as `address` at the mock provider."""
    page = app.open(page=app.new_page(app.new_context()))
    page.locator(".st-key-sign_in button").click()
    page.locator("input[name='sub']").fill(address)
    page.get_by_role("button", name="Authorize").click()
    settle(page, lambda: page.locator(".st-key-sign_out").wait_for())
    return page


def drafts_view(app: App, page: Page, **forged: str) -> tuple[bool, bool]:
    """Open Explore on the report with a draft (with `forged` parameters such as drafts="1"):
    (drafts switch drawn, drafts shown)."""
    app.open("explore", page, sources="qingyuan_2019", **forged)
    shown = page.get_by_text(t("drafts_shown", "zh")[:8]).count() > 0
    return page.locator(".st-key-drafts").count() > 0, shown


def review_link(page: Page) -> int:
    """How many links to the review page the sidebar's navigation holds."""
    return page.locator('[data-testid="stSidebarNavLink"][href*="review"]').count()


def draft_page_with_report(app: App, page: Page, **forged: str) -> None:
    """Open the draft page and upload a report the data does not hold; wait for its add step."""
    app.open("draft", page, **forged)
    page.locator(".st-key-draft_upload input[type='file']").set_input_files(str(REPORT))
    settle(page, lambda: page.locator(".st-key-draft_add, .st-key-draft_add_zip").wait_for())


def sees_no_curator_control(app: App, page: Page) -> None:
    """Assert `page`'s session sees no drafts, drafts switch, review link or add button, with
    and without a forged ?drafts=1; the review page opened by address says it is for curators."""
    for forged in ({}, {"drafts": "1"}):
        assert drafts_view(app, page, **forged) == (False, False), forged
        assert review_link(page) == 0, forged
        draft_page_with_report(app, page, **forged)
        assert page.locator(".st-key-draft_add").count() == 0, forged
        assert page.locator(".st-key-draft_add_zip").count() == 1, forged
        assert page.locator(".st-key-drafts").count() == 0, forged
    app.open("review", page)
    assert page.get_by_text(t("review_sign_in", "zh")).count() == 1


def test_a_reader_signed_in_or_not_sees_no_curator_control(
    signed_in_app: SignedInApp, browser: Browser
) -> None:
    app = App(signed_in_app.url, browser)
    try:
        anonymous = app.open(page=app.new_page(app.new_context()))
        assert anonymous.locator(".st-key-sign_in").count() == 1
        sees_no_curator_control(app, anonymous)

        reader = sign_in(app, READER)
        assert t("role_reader", "zh") in reader.locator('[data-testid="stSidebar"]').inner_text()
        sees_no_curator_control(app, reader)
    finally:
        app.close()


def test_a_curator_sees_drafts_the_switch_the_review_link_and_adds_into_the_curation_folder(
    signed_in_app: SignedInApp, browser: Browser
) -> None:
    app = App(signed_in_app.url, browser)
    shipped = sorted(path.name for path in (paths.DATA_DIR / "figures").iterdir())
    try:
        curator = sign_in(app, CURATOR)
        assert t("role_curator", "zh") in curator.locator('[data-testid="stSidebar"]').inner_text()
        assert drafts_view(app, curator, drafts="1") == (True, True)
        assert review_link(curator) == 1
        draft_page_with_report(app, curator)
        assert curator.locator(".st-key-draft_add_zip").count() == 0
        before = set((signed_in_app.curation / "figures").iterdir())
        curator.locator(".st-key-draft_add button").click()
        said = t("curation_released_later", "zh").split("`")[0]  # before the command's code
        settle(curator, lambda: curator.get_by_text(said).wait_for())
        added = set((signed_in_app.curation / "figures").iterdir()) - before
        assert [path.suffix for path in added] == [".csv"]
        assert ",draft," in added.pop().read_text(encoding="utf-8-sig")
        # the replica's own checkout is never written
        assert sorted(path.name for path in (paths.DATA_DIR / "figures").iterdir()) == shipped
        app.open("review", curator)
        assert curator.get_by_text(t("review_sign_in", "zh")).count() == 0
    finally:
        app.close()
