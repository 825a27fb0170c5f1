"""Shared fixtures: the repo's folders and one database built the way the app builds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.store.build import ensure_database

REPO = paths.REPO_ROOT
REPORTS_DIR = paths.DATA_DIR / "reports"  # the report texts ship with the data
FIXTURES = Path(__file__).parent / "fixtures"


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
    """A private copy of the shipped data/, reports included, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    return target
