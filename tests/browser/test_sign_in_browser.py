"""Sign-in and roles in a served app, against a mock OIDC provider (oidc-provider-mock).

A reader and a curator sign in with st.login; only the curator has the drafts switch and
sees drafts, and a forged ?drafts=1 shows a reader nothing unreviewed.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from ruraldash import paths
from ruraldash.language.i18n import t
from ruraldash.serving.processes import stop, wait_until
from ruraldash.serving.replicas import ENTRY, READY_PATH
from ruraldash.store.release import write_release
from tests.browser.driver import App, free_ports, settle
from tests.browser.test_served_browser import first_visit

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


@pytest.fixture(scope="module")
def signed_in_app(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A served app with one draft figure, sign-in configured, the mock provider beside it."""
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
    }
    app = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ENTRY),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(app_port),
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
            "--secrets.files",
            str(secrets),
        ],  # fmt: skip
        cwd=paths.REPO_ROOT,
        env={**os.environ, **env},
        stdout=app_log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{provider_port}/.well-known/openid-configuration"
        wait_until(provider, url, provider_log)
        wait_until(app, f"http://127.0.0.1:{app_port}{READY_PATH}", app_log)
        first_visit(browser, f"http://127.0.0.1:{app_port}")
        yield f"http://127.0.0.1:{app_port}"
    finally:
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


def drafts_view(app: App, page: Page) -> tuple[bool, bool]:
    """Open Explore with a forged ?drafts=1: (drafts switch drawn, drafts shown)."""
    app.open("explore", page, sources="qingyuan_2019", drafts="1")
    shown = page.get_by_text(t("drafts_shown", "zh")[:8]).count() > 0
    return page.locator(".st-key-drafts").count() > 0, shown


def test_a_reader_signed_in_or_not_sees_no_drafts_and_a_curator_does(
    signed_in_app: str, browser: Browser
) -> None:
    app = App(signed_in_app, browser)
    try:
        anonymous = app.open(page=app.new_page(app.new_context()))
        assert drafts_view(app, anonymous) == (False, False)
        assert anonymous.locator(".st-key-sign_in").count() == 1

        reader = sign_in(app, READER)
        assert t("role_reader", "zh") in reader.locator('[data-testid="stSidebar"]').inner_text()
        assert drafts_view(app, reader) == (False, False)
        app.open("draft", reader)
        assert reader.locator(".st-key-draft_add").count() == 0

        curator = sign_in(app, CURATOR)
        assert t("role_curator", "zh") in curator.locator('[data-testid="stSidebar"]').inner_text()
        assert drafts_view(app, curator) == (True, True)
    finally:
        app.close()
