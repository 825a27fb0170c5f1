"""The one private Streamlit attribute the app relies on, checked so that an upgrade changing it
fails here, loudly, instead of silently breaking links that are a fresh server's first request.

Streamlit (1.67) decides at a process's first session that an app beside a pages/ folder runs in
the legacy folder mode (PagesManager.uses_pages_directory), and leaves it only when some run calls
st.navigation. Its documentation says as much ("as soon as any session executes st.navigation, the
app ignores the pages/ directory") and offers no setting to leave the mode before that, so
ui.navigation.leave_pages_folder_mode sets the flag itself. The browser test
test_a_deep_link_works_as_the_first_request_a_fresh_server_gets covers the behaviour end to end.
"""

from __future__ import annotations

import inspect

import pytest
import streamlit
from streamlit.commands import navigation
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner

from ruraldash import paths
from ruraldash.ui import navigation as ui_navigation

CHANGED = (
    f"Streamlit {streamlit.__version__} changed how it decides on its pages/ folder mode: "
    "look again at ruraldash.ui.navigation.leave_pages_folder_mode (and whether it is still "
    "needed), then update this test"
)


@pytest.fixture
def restored_flag() -> None:
    """Put the process-wide flag back as it was after the test."""
    before = PagesManager.uses_pages_directory
    yield
    PagesManager.uses_pages_directory = before


def test_an_app_beside_a_pages_folder_starts_in_folder_mode(restored_flag: None) -> None:
    PagesManager.uses_pages_directory = None
    PagesManager(str(paths.REPO_ROOT / "app.py"))
    assert PagesManager.uses_pages_directory is True, CHANGED


def test_the_script_runner_still_reads_the_flag_and_navigation_still_clears_it() -> None:
    assert "PagesManager.uses_pages_directory" in inspect.getsource(script_runner), CHANGED
    assert hasattr(script_runner, "_mpa_v1"), CHANGED
    assert "PagesManager.uses_pages_directory = False" in inspect.getsource(
        navigation.navigation
    ), CHANGED


def test_the_shim_is_the_only_place_that_touches_the_flag() -> None:
    users = [
        path.relative_to(paths.REPO_ROOT)
        for path in [
            *(paths.REPO_ROOT / "ruraldash").rglob("*.py"),
            *(paths.REPO_ROOT / "pages").glob("*.py"),
            paths.REPO_ROOT / "app.py",
        ]
        if "uses_pages_directory" in path.read_text(encoding="utf-8")
    ]
    assert [str(path) for path in users] == ["ruraldash/ui/navigation.py"]
    assert "uses_pages_directory" in inspect.getsource(ui_navigation.leave_pages_folder_mode)
