"""Debian tools some tests need (Chromium, poppler, LibreOffice): skip without one, except in CI."""

from __future__ import annotations

import os

import pytest


def require_tool(what: str, present: bool) -> None:
    """Skip the test without `what`, unless CI=true: CI installs every tool and must run it."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"this test must run in CI: {what} not found", pytrace=False)
    pytest.skip(f"skipped: {what} not found")


def chromium_present() -> None:
    """Require Debian's chromium, which draws chart images and prints briefings."""
    from ruraldash.views.briefing import images

    require_tool(
        "chromium (apt-get install -y chromium fonts-noto-cjk)", images.chromium_path() is not None
    )
