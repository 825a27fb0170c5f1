"""The input fingerprint follows the code that writes the database, not the rest of the package."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from ruraldash import caches, paths
from ruraldash.store import fingerprint
from ruraldash.store.fingerprint import BUILD_CODE, content_hash

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
PACKAGE = paths.REPO_ROOT / "ruraldash"
# Reached from the build but writing nothing: their digests would change no database. The
# message table and its Message only word the problems a build reports (validate, the page's
# problems box); no text of theirs is written into a database, so editing a UI string rebuilds
# nothing.
NOT_WRITING = {"store/fingerprint.py", "language/i18n.py", "language/messages.py"}


def module_file(name: str) -> str | None:
    """Return the package file (relative to ruraldash/) of a dotted module name, if any."""
    relative = Path(*name.split(".")[1:])
    for candidate in (relative.with_suffix(".py"), relative / "__init__.py"):
        if (PACKAGE / candidate).is_file():
            return candidate.as_posix()
    return None


def build_imports() -> set[str]:
    """Return the package files store/build.py runs: its imports, followed, with their packages."""
    found: set[str] = set()
    todo = ["store/build.py"]
    while todo:
        relative = todo.pop()
        if relative in found or relative in NOT_WRITING:
            continue
        found.add(relative)
        parts = Path(relative).parts
        todo += [Path(*parts[:depth], "__init__.py").as_posix() for depth in range(len(parts))]
        for node in ast.walk(ast.parse((PACKAGE / relative).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            todo += [
                file
                for name in names
                if name.split(".")[0] == "ruraldash" and (file := module_file(name))
            ]
    return found


def test_the_build_code_is_what_the_build_imports() -> None:
    assert set(BUILD_CODE) == build_imports()


@pytest.fixture
def copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the mini folder and of the package, hashed in place of the real ones."""
    shutil.copytree(MINI, tmp_path / "mini")
    shutil.copytree(PACKAGE, tmp_path / "ruraldash", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "CODE_ROOT", tmp_path / "ruraldash")
    monkeypatch.setattr(caches, "FILE_READS", caches.FileReads())
    return tmp_path / "mini", tmp_path / "ruraldash"


def edit(path: Path) -> None:
    """Change a module's text (and size) as an editor would."""
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


def test_editing_a_page_helper_or_view_keeps_the_database(copied: tuple[Path, Path]) -> None:
    mini, package = copied
    before = content_hash(mini / "data", mini / "metrics")
    for folder in ("ui", "views", "compare", "draft"):
        edit(sorted((package / folder).rglob("*.py"))[-1])
    assert content_hash(mini / "data", mini / "metrics") == before


@pytest.mark.parametrize("module", ["store/build.py", "store/checks.py", "language/textnorm.py"])
def test_editing_code_that_writes_the_database_rebuilds_it(
    copied: tuple[Path, Path], module: str
) -> None:
    mini, package = copied
    before = content_hash(mini / "data", mini / "metrics")
    edit(package / module)
    assert content_hash(mini / "data", mini / "metrics") != before
