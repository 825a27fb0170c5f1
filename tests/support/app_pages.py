"""The app's pages as app.py lists them (PAGES), read without running Streamlit."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from ruraldash import paths


@dataclass(frozen=True)
class AppPage:
    """One entry of app.py's PAGES: where the page lives and the i18n key of its title."""

    script: str
    title_key: str
    url_path: str

    @property
    def stem(self) -> str:
        """The script's file stem (pages/compare.py -> compare)."""
        return Path(self.script).stem


def app_pages() -> list[AppPage]:
    """Read the page list from app.py itself, so a new page is tested without editing the tests."""
    tree = ast.parse((paths.REPO_ROOT / "app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "PAGES" for target in node.targets
        ):
            return [
                AppPage(script, title, url_path)
                for script, title, url_path, *_ in ast.literal_eval(node.value)
            ]
    raise AssertionError("app.py has no PAGES = (...) list")


def curator_pages() -> set[str]:
    """The scripts app.py shows in the navigation to curators only (CURATOR_PAGES)."""
    tree = ast.parse((paths.REPO_ROOT / "app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "CURATOR_PAGES" for target in node.targets
        ):
            return set(ast.literal_eval(node.value))
    return set()


def page_of(stem: str) -> AppPage:
    """The page whose script is pages/<stem>.py."""
    return next(page for page in app_pages() if page.stem == stem)
