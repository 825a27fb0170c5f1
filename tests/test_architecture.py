"""The package's layers: every import runs down the data flow, and only ui and pages use Streamlit.

language <- store <- compare <- views <- ui <- pages; draft uses language and store only; cli sits
beside ui without Streamlit and starts serving; serving (replicas and nginx) imports none of
them; paths and caches are leaves everyone may use.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ruraldash import paths

REPO = paths.REPO_ROOT
LAYERS = ("language", "store", "compare", "views", "ui", "pages")
# What each part of the code may import from the package (besides itself and the leaves).
ALLOWED: dict[str, set[str]] = {
    layer: set(LAYERS[: number + 1]) for number, layer in enumerate(LAYERS)
}
ALLOWED["draft"] = {"language", "store", "draft"}
ALLOWED["ui"] |= {"draft"}
ALLOWED["pages"] |= {"draft"}
ALLOWED["cli"] = {"language", "store", "compare", "views", "draft", "cli", "serving"}
# Starting replicas and nginx: processes and files only, no layer of the data flow.
ALLOWED["serving"] = {"serving"}
ALLOWED["paths"] = set()
ALLOWED["caches"] = set()
LEAVES = {"paths", "caches"}  # every other part may import them; they import nothing of ours
ALLOWED["package"] = set()
STREAMLIT_ALLOWED = {"ui", "pages"}


def part_of(path: Path) -> str:
    """Return the part of the code a file belongs to: a layer, draft, cli, paths or pages."""
    relative = path.relative_to(REPO)
    if relative.parts[0] == "pages" or relative == Path("app.py"):
        return "pages"
    inner = relative.parts[1:]
    if len(inner) > 1:
        return inner[0]
    stem = Path(inner[0]).stem
    return {"__init__": "package", "__main__": "cli"}.get(stem, stem)


def imported_parts(tree: ast.AST) -> list[tuple[int, str]]:
    """Return (line, part) for every import of the package or of streamlit in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            base = node.module.split(".")
            if base == ["ruraldash"]:
                names = [f"ruraldash.{alias.name}" for alias in node.names]
            else:
                names = [node.module]
        else:
            continue
        for name in names:
            top, *rest = name.split(".")
            if top == "streamlit":
                found.append((node.lineno, "streamlit"))
            elif top == "ruraldash" and rest:
                found.append((node.lineno, {"__main__": "cli"}.get(rest[0], rest[0])))
    return found


def violations(part: str, source: str, shown: str) -> list[str]:
    """Return the imports in `source` (of code in `part`) that run against the layers."""
    problems = []
    for line, imported in imported_parts(ast.parse(source)):
        if imported == "streamlit":
            if part not in STREAMLIT_ALLOWED:
                problems.append(f"{shown}:{line}: {part} imports streamlit")
        elif imported not in ALLOWED[part] | {part} | (set() if part in LEAVES else LEAVES):
            problems.append(f"{shown}:{line}: {part} imports {imported}")
    return problems


MODULES = sorted(
    [*(REPO / "ruraldash").rglob("*.py"), *(REPO / "pages").glob("*.py"), REPO / "app.py"]
)


def test_every_module_imports_only_down_the_layers() -> None:
    found = []
    for path in MODULES:
        shown = str(path.relative_to(REPO))
        found += violations(part_of(path), path.read_text(encoding="utf-8"), shown)
    assert found == []


@pytest.mark.parametrize(
    ("part", "source"),
    [
        ("store", "from ruraldash.compare.figures import load_figures"),
        ("language", "from ruraldash import ui"),
        ("draft", "from ruraldash.views.pages import explore"),
        ("views", "import streamlit as st"),
        ("compare", "def f():\n    from streamlit.runtime import Runtime\n"),
        ("cli", "from ruraldash import ui"),
        ("serving", "from ruraldash.ui import warm"),
        ("caches", "from ruraldash.store import build"),
        ("caches", "from ruraldash import paths"),
        ("paths", "from ruraldash import caches"),
    ],
)
def test_an_import_up_the_layers_is_found(part: str, source: str) -> None:
    assert len(violations(part, source, "x.py")) == 1


def test_every_part_of_the_package_has_its_rule() -> None:
    assert {part_of(path) for path in MODULES} <= set(ALLOWED)
