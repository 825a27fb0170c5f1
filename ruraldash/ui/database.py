"""The database as the app holds it: opened once per process, a cursor per session, results.

Over 300 lines as one job: holding the database for the app (open, check, build, cache,
serve a release); each part is a few lines of the same life cycle.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

import duckdb
import streamlit as st

from ruraldash import caches, paths
from ruraldash.language.formatting import format_count, today
from ruraldash.language.i18n import t, t_count
from ruraldash.store.build import BUILD_STEPS, ensure_database, stored_hash
from ruraldash.store.db import connect
from ruraldash.store.fingerprint import content_hash, digest_memo
from ruraldash.store.problems import InvalidData, Problem
from ruraldash.store.release import IncompleteRelease, Manifest, manifest_path, read_manifest
from ruraldash.ui.inputs import drafts_switch, language

if TYPE_CHECKING:
    from ruraldash.draft import add

_CURSOR = "_ruraldash_cursor"
_USE_LAST_GOOD = "use_last_good"
# Results kept per process (each well under 1 MB): every page's choices and views in both
# languages and the selections people make; the least recently used go first.
CACHED_RESULTS = 256

Result = TypeVar("Result")


@dataclass(frozen=True)
class Database:
    """The outcome of opening the database for one state of the inputs: a connection or problems."""

    connection: duckdb.DuckDBPyConnection | None
    problems: tuple[Problem, ...] = ()  # said in the page's language
    last_good: Path | None = None


@st.cache_resource(max_entries=4, show_spinner=False)
def _open(data_dir: str, db_path: str, input_hash: str, drafts: bool = False) -> Database:
    """Build the database if its inputs changed and open it read-only: once per process, hash
    and choice of drafts (unreviewed drafts left out, or shown marked)."""
    try:
        path = ensure_database(Path(data_dir), paths.default_metrics_dir(), Path(db_path))
    except InvalidData as error:
        previous = Path(db_path)
        return Database(
            None,
            tuple(error.problems),
            previous if previous.is_file() else None,
        )
    return Database(connect(path, drafts=drafts))


@st.cache_resource(max_entries=1, show_spinner=False)
def _open_last_good(db_path: str, modified: float) -> duckdb.DuckDBPyConnection:
    """Open the last database that was built from valid data (keyed by its modification time)."""
    return connect(Path(db_path))


def _fall_back(database: Database, lang: str) -> tuple[duckdb.DuckDBPyConnection, tuple]:
    """Show the curated data's problems; return the last good database if the reader opts in."""
    count = len(database.problems)
    st.error(t_count("invalid_data", count, lang).format(count=format_count(count)))
    lines = (problem.text(lang) for problem in database.problems)
    st.code("\n".join(lines), language=None, wrap_lines=True)
    if database.last_good is None:
        st.info(t("no_last_good", lang))
        st.stop()
    modified = database.last_good.stat().st_mtime
    st.info(
        t("last_good_exists", lang).format(
            path=database.last_good,
            built=datetime.fromtimestamp(modified).isoformat(" ", "minutes"),
        )
    )
    if not st.toggle(t("use_last_good", lang), key=_USE_LAST_GOOD):
        st.stop()
    return _open_last_good(str(database.last_good), modified), ("last_good", modified)


def _build_showing_steps(data_dir: Path, db_path: Path, input_hash: str, lang: str) -> None:
    """Build the database if it is missing or stale, showing each step and its counts.

    The first start builds for several seconds: say what is happening rather than spin.
    Invalid data is left to _open, which lists the problems.
    """
    # Only a state this process has not seen built is looked up in the database file, so an
    # ordinary rerun costs nothing here.
    seen = (str(data_dir), str(db_path), input_hash)
    if caches.SEEN_BUILT.get(seen):
        return
    if stored_hash(db_path) == input_hash:
        caches.SEEN_BUILT.put(seen, True)
        return
    started = time.perf_counter()
    with st.status(t("build_reading", lang), expanded=True) as status:

        def step(name: str, counts: dict[str, int]) -> None:
            status.write(t(f"build_done_{name}", lang).format(**counts))
            following = BUILD_STEPS.index(name) + 1
            if following < len(BUILD_STEPS):
                status.update(label=t(f"build_{BUILD_STEPS[following]}", lang).format(**counts))

        try:
            ensure_database(data_dir, paths.default_metrics_dir(), db_path, progress=step)
        except InvalidData:
            # _open lists the problems; these inputs are not checked again until they change.
            status.update(label=t("build_failed", lang), state="error")
            caches.SEEN_BUILT.put(seen, True)
            return
        status.update(
            label=t("build_finished", lang).format(seconds=time.perf_counter() - started),
            state="complete",
            expanded=False,
        )
    caches.SEEN_BUILT.put(seen, True)


# Checking every input for a change costs one stat a file: nothing for the shipped data, about
# 40 ms per run for a national folder's 8,700 files. While a check is that slow, one made in the
# last RECHECK_SECONDS is trusted: an edit to data/ shows within that time instead of at once.
SLOW_CHECK, RECHECK_SECONDS = 0.02, 2.0


def _input_hash(data_dir: Path, metrics_dir: Path, db_path: Path) -> str:
    """Return the inputs' content hash, reusing a recent one while checking is slow."""
    key = (str(data_dir), str(metrics_dir), str(db_path))
    now = time.monotonic()
    held = caches.INPUT_CHECKS.get(key)
    if held is not None and held[1] > SLOW_CHECK and now - held[0] < RECHECK_SECONDS:
        return held[2]
    started = time.perf_counter()
    input_hash = content_hash(data_dir, metrics_dir, digest_memo(db_path))
    caches.INPUT_CHECKS.put(key, (now, time.perf_counter() - started, input_hash))
    return input_hash


@st.cache_resource(max_entries=4, show_spinner=False)
def _open_release(db_path: str, database_sha256: str, drafts: bool) -> duckdb.DuckDBPyConnection:
    """Open a release read-only: once per process, release (its digest) and choice of drafts.

    The connection holds the file it opened: sessions still on it finish on that release after
    a new one has been renamed over the path.
    """
    return connect(Path(db_path), drafts=drafts)


def _stat(path: Path) -> tuple[int, ...]:
    """The release's state: its database's inode, time and size, its manifest's inode and time."""
    try:
        held, manifest = path.stat(), manifest_path(path).stat()
    except OSError:
        return ()
    return (held.st_ino, held.st_mtime_ns, held.st_size, manifest.st_ino, manifest.st_mtime_ns)


def release_manifest(db_path: Path) -> Manifest:
    """Return the manifest of the release now at `db_path`, read once per state of the files
    (caches.RELEASES).

    While a new release is half in place (its database renamed, its manifest not yet), the
    release this process served last is kept; with none, IncompleteRelease says why.
    """
    key, state = str(db_path), _stat(db_path)
    held = caches.RELEASES.get(key)
    if held is not None and held[0] == state:
        return held[1]
    try:
        manifest = read_manifest(db_path)
    except IncompleteRelease:
        if held is not None:
            return held[1]
        raise
    caches.RELEASES.put(key, (state, manifest))
    return manifest


def _served_connection(lang: str) -> tuple[duckdb.DuckDBPyConnection, tuple]:
    """The release's connection and its key; a page's message, not a traceback, if refused."""
    db_path = paths.served_release()
    try:
        manifest = release_manifest(db_path)
    except IncompleteRelease as error:
        st.error(t("release_refused", lang).format(reason=error))
        st.stop()
    drafts = drafts_switch()
    connection = _open_release(str(db_path), manifest.database_sha256, drafts)
    return connection, (str(db_path), manifest.database_sha256, drafts)


def cursor() -> duckdb.DuckDBPyConnection:
    """Return this session's cursor on the shared read-only connection (one cursor per session).

    The connection is cached per process and keyed by the inputs' content hash, so a rebuild is
    picked up on the next rerun. Invalid data shows its problems instead of a traceback. A
    served app (paths.served_release) opens the release instead and never builds.
    """
    if paths.served_release() is not None:
        connection, key = _served_connection(language())
        return _session_cursor(connection, key)
    data_dir, db_path = paths.default_data_dir(), paths.default_db_path()
    input_hash = _input_hash(data_dir, paths.default_metrics_dir(), db_path)
    _build_showing_steps(data_dir, db_path, input_hash, language())
    drafts = drafts_switch()
    database = _open(str(data_dir), str(db_path), input_hash, drafts)
    connection, key = database.connection, (str(db_path), input_hash, drafts)
    if connection is None:
        connection, key = _fall_back(database, language())
    return _session_cursor(connection, key)


def _session_cursor(connection: duckdb.DuckDBPyConnection, key: tuple) -> duckdb.DuckDBPyConnection:
    """This session's cursor on `connection`, made anew when the key (the data's state) changes."""
    held = st.session_state.get(_CURSOR)
    if held is None or held[0] != key:
        if held is not None:
            held[1].close()
        held = (key, connection.cursor())
        st.session_state[_CURSOR] = held
    return held[1]


@st.cache_resource(max_entries=CACHED_RESULTS, show_spinner=False)
def _cached(
    database: tuple,
    day: str,
    name: str,
    args: tuple,
    _con: duckdb.DuckDBPyConnection,
    _compute: Callable[..., object],
) -> object:
    """Compute a result with the session's cursor; kept for every session with the same key."""
    return _compute(_con, *args)


def cached(
    con: duckdb.DuckDBPyConnection, compute: Callable[..., Result], *args: Hashable
) -> Result:
    """Return compute(con, *args), made once per process for this state of the data and day.

    The key is the database's state (its inputs' hash, so a rebuild starts afresh), today (an
    export carries the day it was made), the function and every argument (the language and the
    selection, so one session's selection never reaches another). The result is shared by all
    sessions and threads: read it, never change it. `con` must be this session's ui.cursor().
    """
    database, held = st.session_state[_CURSOR]
    if held is not con:
        raise ValueError("ui.cached needs the cursor ui.cursor() returned in this session")
    return _cached(
        database,
        today().isoformat(),
        f"{compute.__module__}.{compute.__qualname__}",
        args,
        con,
        compute,
    )


@st.cache_data(max_entries=16, show_spinner=False)
def _prepared_add(
    raw: bytes,
    name: str,
    data_dir: str,
    metrics_dir: str,
    input_hash: str,
    source: str | None,
    region: str | None,
    date: str | None,
    title: str | None,
) -> add.PreparedAdd:
    from ruraldash.draft import add  # only the draft page adds: not imported at start

    return add.prepare_add(
        raw, name, Path(data_dir), Path(metrics_dir), source, region, date, title
    )


def prepared_add(
    text: str,
    name: str,
    source: str | None,
    region: str | None,
    date: str | None,
    title: str | None,
) -> add.PreparedAdd:
    """Return add.prepare_add for the draft page, once per report, choices and state of the data.

    It validates a private copy of data/ (about 0.15 s), too slow to repeat on every rerun of the
    page's table editor; the input hash makes a change to data/ prepare it afresh.
    """
    data_dir, metrics_dir = paths.default_data_dir(), paths.default_metrics_dir()
    input_hash = content_hash(data_dir, metrics_dir)
    raw = text.encode("utf-8")
    return _prepared_add(
        raw, name, str(data_dir), str(metrics_dir), input_hash, source, region, date, title
    )


class Deferred(Generic[Result]):
    """compute(con, *args), made when first called and then kept; `key` says which result."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        key: tuple,
        compute: Callable[..., Result],
        args: tuple,
    ) -> None:
        self.key, self._con, self._compute, self._args = key, con, compute, args

    def __call__(self) -> Result:
        """Return the result, made now if no session has asked for it lately."""
        held = caches.DEFERRED.get(self.key)
        if held is not None:
            return held  # type: ignore[return-value]
        own = self._con.cursor()  # called from a download's own thread: a cursor of its own
        try:
            result = self._compute(own, *self._args)
        finally:
            own.close()
        return caches.DEFERRED.put(self.key, result)  # few: each may be large


def deferred(
    con: duckdb.DuckDBPyConnection, compute: Callable[..., Result], *args: Hashable
) -> Deferred[Result]:
    """Return compute(con, *args) to be made when first called, then kept for every session.

    For what only a download needs (every figure of a national folder as a file): nothing is
    made while the page draws. Streamlit calls a download's data function in a thread of its
    own, so it reads through a cursor of its own; the key is that of ui.cached.
    """
    database, held = st.session_state[_CURSOR]
    if held is not con:
        raise ValueError("ui.deferred needs the cursor ui.cursor() returned in this session")
    key = (database, today().isoformat(), f"{compute.__module__}.{compute.__qualname__}", args)
    return Deferred(con, key, compute, args)
