"""The address the not-found page names: the browser's path (st.context.url) below the app's base.

The browser test test_an_unknown_address_says_so_in_the_page_language covers the page end to end.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ruraldash.ui import navigation


@pytest.fixture
def browser_at(monkeypatch: pytest.MonkeyPatch):
    """Set the URL the browser reports and the app's base path for one call of _asked_path."""

    def asked(url: str | None, base: str = "") -> str:
        monkeypatch.setattr(navigation.st, "context", SimpleNamespace(url=url))
        monkeypatch.setattr(navigation.st, "get_option", {"server.baseUrlPath": base}.__getitem__)
        return navigation._asked_path()

    return asked


@pytest.mark.parametrize(
    ("url", "base", "path"),
    [
        ("http://127.0.0.1:8501/nonexistent", "", "nonexistent"),
        ("http://127.0.0.1:8501/draft/", "", "draft"),
        ("http://127.0.0.1:8501", "", ""),
        ("https://example.org/dash/no_such_page", "dash", "no_such_page"),
        ("https://example.org/dash", "/dash/", ""),
        ("https://example.org/dashboard", "dash", "dashboard"),
        ("http://127.0.0.1:8501/a/b", "", "a/b"),
        (None, "", ""),  # no browser (AppTest, a script run without a frontend)
    ],
)
def test_the_asked_path_is_the_browser_s_below_the_base(
    browser_at, url: str | None, base: str, path: str
) -> None:
    assert browser_at(url, base) == path
