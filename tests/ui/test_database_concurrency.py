"""Many officials at once: one read-only DuckDB connection per process, a cursor per session.

The threads here act as sessions the way ruraldash.ui serves them: the process opens the database
once, read-only, and each session queries through its own cursor() with the package's real query
functions. Every thread asks a different question many times while the others run, and must get
exactly its own answer, computed beforehand on a single thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ruraldash import paths
from ruraldash.compare import coverage, honest
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.store import build as build_module
from ruraldash.store.build import build
from ruraldash.store.db import connect, run_query
from ruraldash.views import tables

SESSIONS = 24
RUNS = 6
JOIN_SECONDS = 120

Question = Callable[[duckdb.DuckDBPyConnection], pd.DataFrame]


def compare_regions(metric: str, lang: str) -> Question:
    """What Compare regions asks for one metric: figures, every region, the table as shown."""

    def ask(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
        chosen = catalogue[catalogue["metric_id"] == metric].reset_index(drop=True)
        figures = load_figures(con, FigureFilter(metrics=(metric,)))
        rows = honest.region_rows(figures, run_query(con, "regions"), chosen)
        return tables.figure_table(rows, lang, tables.COMPARE_COLUMNS)

    return ask


def region_profile(source_id: str) -> Question:
    """What Region profile asks for one report."""

    def ask(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        return load_figures(con, FigureFilter(sources=(source_id,)))

    return ask


def explore(search: str) -> Question:
    """What Explore asks for a search text."""

    def ask(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        return load_figures(con, FigureFilter(search=search))

    return ask


@pytest.fixture(scope="module")
def connection(built_db: Path) -> duckdb.DuckDBPyConnection:
    """The process's one read-only connection, as ui.database._open holds it."""
    con = connect(built_db)
    yield con
    con.close()


@pytest.fixture(scope="module")
def questions(connection: duckdb.DuckDBPyConnection) -> dict[str, Question]:
    """One different question per session: metrics in both languages, reports, searches."""
    cursor = connection.cursor()
    catalogue = run_query(cursor, "metric_catalogue")
    sources = run_query(cursor, "sources")
    metrics = catalogue.loc[catalogue["figure_count"] > 0, "metric_id"]
    asked: dict[str, Question] = {}
    for source_id in sources["source_id"]:
        asked[f"profile {source_id}"] = region_profile(source_id)
    for search in ("导师", "培训", "合作社"):
        asked[f"explore {search}"] = explore(search)
    for n, metric in enumerate(metrics[: SESSIONS - len(asked)]):
        lang = ("zh", "en")[n % 2]
        asked[f"compare {metric} {lang}"] = compare_regions(metric, lang)
    cursor.close()
    assert len(asked) == SESSIONS
    return asked


@pytest.mark.slow
def test_concurrent_sessions_each_get_their_own_result(
    connection: duckdb.DuckDBPyConnection, questions: dict[str, Question]
) -> None:
    cursor = connection.cursor()
    expected = {name: ask(cursor) for name, ask in questions.items()}  # single-threaded first
    cursor.close()
    # Every answer differs from every other, so a session handed another's rows would be caught.
    shown = [frame.to_csv() for frame in expected.values()]
    assert len(set(shown)) == len(shown)
    assert all(len(frame) for frame in expected.values())

    barrier = threading.Barrier(len(questions), timeout=JOIN_SECONDS)
    answered: dict[str, int] = {}
    failures: dict[str, BaseException] = {}

    def session(name: str, ask: Question) -> None:
        session_cursor = connection.cursor()  # what ui.cursor() keeps in st.session_state
        try:
            barrier.wait()  # start together so the queries really overlap
            for _ in range(RUNS):
                pd.testing.assert_frame_equal(ask(session_cursor), expected[name])
                answered[name] = answered.get(name, 0) + 1
        except BaseException as error:
            failures[name] = error
            barrier.abort()
        finally:
            session_cursor.close()

    threads = [
        threading.Thread(target=session, args=item, name=item[0], daemon=True)
        for item in questions.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(JOIN_SECONDS)
    assert not [thread.name for thread in threads if thread.is_alive()], "sessions hung"
    assert not failures, "\n".join(f"{name}: {error!r}" for name, error in failures.items())
    assert answered == dict.fromkeys(questions, RUNS)


SESSION_SCRIPT = """
import streamlit as st
from ruraldash import ui
from ruraldash.compare.figures import FigureFilter, load_figures

con = ui.cursor()
figures = load_figures(con, FigureFilter(sources=(st.query_params["report"],)))
st.text(f"{id(con)} {len(figures)}")
"""


def test_each_session_keeps_its_own_cursor(app_db: Path) -> None:
    """Through ui.cursor() itself: a cursor per session, the same one on every rerun."""
    with connect(app_db) as con:
        sources = run_query(con, "sources")
    reports = list(sources["source_id"]) * 4
    sessions = [AppTest.from_string(SESSION_SCRIPT, default_timeout=30) for _ in reports]
    cursors = []
    for session, report in zip(sessions, reports, strict=True):
        session.query_params["report"] = report
        first = session.run()
        assert not first.exception, first.exception
        cursor_id, count = first.text[0].value.split()
        assert int(count) == int(sources.set_index("source_id").loc[report, "figure_count"])
        assert session.run().text[0].value.split()[0] == cursor_id, "a rerun got a new cursor"
        cursors.append(cursor_id)
    assert len(set(cursors)) == len(sessions), "two sessions share a cursor"


def _at_once(count: int, action: Callable[[], object]) -> list[BaseException]:
    """Run `action` in `count` threads released together; return what any of them raised."""
    barrier = threading.Barrier(count, timeout=JOIN_SECONDS)
    failures: list[BaseException] = []

    def session() -> None:
        try:
            barrier.wait()
            action()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=session, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(JOIN_SECONDS)
    return failures


def test_sessions_that_find_the_data_changed_rebuild_safely(tmp_path: Path) -> None:
    """Concurrent builds in one process each write their own partial file and all succeed."""
    db_path = tmp_path / "ruraldash.duckdb"
    failures = _at_once(4, lambda: build(paths.DATA_DIR, paths.METRICS_DIR, db_path))
    assert not failures, failures
    with connect(db_path) as con:
        assert len(run_query(con, "sources")) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ruraldash.duckdb"]


def test_sessions_that_find_the_data_changed_build_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ensure_database serialises builds in a process: the same inputs are built once."""
    db_path = tmp_path / "ruraldash.duckdb"
    built: list[Path] = []
    real_build = build_module.build

    def counting_build(data_dir: Path, metrics_dir: Path, path: Path, *rest: object) -> object:
        built.append(path)
        return real_build(data_dir, metrics_dir, path, *rest)

    monkeypatch.setattr(build_module, "build", counting_build)
    failures = _at_once(
        4, lambda: build_module.ensure_database(paths.DATA_DIR, paths.METRICS_DIR, db_path)
    )
    assert not failures, failures
    assert built == [db_path]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ruraldash.duckdb"]
