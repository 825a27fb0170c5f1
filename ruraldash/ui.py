"""The one module outside pages/ that uses Streamlit: database, language, URL widgets, output."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ruraldash import paths
from ruraldash.language.formatting import today
from ruraldash.language.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from ruraldash.store.build import content_hash, ensure_database
from ruraldash.store.db import connect
from ruraldash.store.problems import InvalidData
from ruraldash.views.export import EXPORTERS, MIME_TYPES, figures_export
from ruraldash.views.provenance import ShownTable, file_stem
from ruraldash.views.units_view import Places

LANG_KEY = "lang"
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
_CURSOR = "_ruraldash_cursor"
_USE_LAST_GOOD = "use_last_good"
TABLE_ROWS, TABLE_HEIGHT = 15, 560  # longer tables scroll inside 560 pixels
# Results kept per process (each well under 1 MB): every page's choices and views in both
# languages and the selections people make; the least recently used go first.
CACHED_RESULTS = 256
DRAWN_TABLES = 256  # tables kept converted to Arrow (see _drawable)

Result = TypeVar("Result")


# --- the database ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Database:
    """The outcome of opening the database for one state of the inputs: a connection or problems."""

    connection: duckdb.DuckDBPyConnection | None
    problems: tuple[str, ...] = ()
    last_good: Path | None = None


@st.cache_resource(max_entries=4, show_spinner=False)
def _open(data_dir: str, db_path: str, input_hash: str) -> Database:
    """Build the database if its inputs changed and open it read-only: once per process and hash."""
    try:
        path = ensure_database(Path(data_dir), paths.default_metrics_dir(), Path(db_path))
    except InvalidData as error:
        previous = Path(db_path)
        return Database(
            None,
            tuple(str(problem) for problem in error.problems),
            previous if previous.is_file() else None,
        )
    return Database(connect(path))


@st.cache_resource(max_entries=1, show_spinner=False)
def _open_last_good(db_path: str, modified: float) -> duckdb.DuckDBPyConnection:
    """Open the last database that was built from valid data (keyed by its modification time)."""
    return connect(Path(db_path))


def _fall_back(database: Database, lang: str) -> tuple[duckdb.DuckDBPyConnection, tuple]:
    """Show the curated data's problems; return the last good database if the reader opts in."""
    st.error(t("invalid_data", lang).format(count=len(database.problems)))
    st.code("\n".join(database.problems), language=None, wrap_lines=True)
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


def cursor() -> duckdb.DuckDBPyConnection:
    """Return this session's cursor on the shared read-only connection (one cursor per session).

    The connection is cached per process and keyed by the inputs' content hash, so a rebuild is
    picked up on the next rerun. Invalid data shows its problems instead of a traceback.
    """
    data_dir, db_path = paths.default_data_dir(), paths.default_db_path()
    input_hash = content_hash(data_dir, paths.default_metrics_dir())
    database = _open(str(data_dir), str(db_path), input_hash)
    connection, key = database.connection, (str(db_path), input_hash)
    if connection is None:
        connection, key = _fall_back(database, language())
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


# --- language and the URL -------------------------------------------------------------------


def language() -> str:
    """Return the reader's language: the switch's value, else ?lang= in the URL, else Chinese."""
    value = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def _keep_in_url(key: str, value: str | list[str] | None) -> None:
    """Write a selection into the URL (?key=value, repeated for several), or drop it if empty."""
    wanted = [] if not value else [value] if isinstance(value, str) else list(value)
    if st.query_params.get_all(key) == wanted:
        return
    if wanted:
        st.query_params[key] = wanted if len(wanted) > 1 else wanted[0]
    else:
        del st.query_params[key]


def language_switch() -> str:
    """Draw the 中文 / English switch in the sidebar and return the language it sets."""
    if st.session_state.get(LANG_KEY) not in LANGUAGES:
        st.session_state[LANG_KEY] = language()
    # persist_state="session": the choice survives switching pages, where the URL is reset.
    st.sidebar.segmented_control(
        "语言 · Language",
        LANGUAGES,
        key=LANG_KEY,
        required=True,
        format_func=LANGUAGE_NAMES.__getitem__,
        persist_state="session",
    )
    return language()


def leave_pages_folder_mode() -> None:
    """Rerun through app.py's st.navigation if Streamlit runs in its old pages/ folder mode.

    Streamlit decides once per process, at its first session, that an app beside a pages/
    folder is a folder-mode app, until some run calls st.navigation. That first run would
    show the folder's file names as navigation, run a linked page without app.py, and give
    widgets other ids than all later runs. Leaving the mode and rerunning avoids all three.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def alias(url_path: str, target: st.Page) -> st.Page:
    """A hidden page at /url_path that forwards to `target` with the same query string.

    One page, one address: the reader ends up at the target's own URL, so the address bar, the
    navigation's highlight and a link shared from there are the target's.
    """

    def forward() -> None:
        st.switch_page(
            target,
            query_params=[
                (key, value) for key in st.query_params for value in st.query_params.get_all(key)
            ],
        )

    return st.Page(forward, title=target.title, url_path=url_path, visibility="hidden")


def page_start(title_key: str) -> str:
    """Write a page's title and introduction; return the language (kept in the URL as ?lang=)."""
    leave_pages_folder_mode()
    lang = language()
    _keep_in_url(LANG_KEY, None if lang == DEFAULT_LANGUAGE else lang)
    st.title(t(title_key, lang))
    st.caption(t(f"{title_key}_intro", lang))
    return lang


def _seed(key: str, valid: list[str], fallback: str | list[str]) -> None:
    """Before a widget is drawn, start it from the URL when the session has no valid value."""
    current = st.session_state.get(key)
    if isinstance(fallback, list):
        if current is None:
            st.session_state[key] = [v for v in st.query_params.get_all(key) if v in valid]
        else:
            st.session_state[key] = [v for v in current if v in valid]
    elif current not in valid:
        wanted = st.query_params.get(key)
        st.session_state[key] = wanted if wanted in valid else fallback


def choose(key: str, label: str, options: Mapping[str, str], default: str | None = None) -> str:
    """A select box over ids, shown by name; its choice is always kept in the URL under `key`."""
    ids = list(options)
    fallback = default if default in options else ids[0]
    _seed(key, ids, fallback)
    value = st.selectbox(label, ids, key=key, format_func=options.__getitem__)
    _keep_in_url(key, value)  # always written: a default may change when the data does
    return value


def choose_view(key: str, label: str, options: Mapping[str, str]) -> str:
    """A segmented control over a few views; its choice is kept in the URL under `key`."""
    ids = list(options)
    _seed(key, ids, ids[0])
    value = st.segmented_control(
        label, ids, key=key, required=True, format_func=options.__getitem__
    )
    _keep_in_url(key, value)
    return value


def choose_many(key: str, label: str, options: Mapping[str, str]) -> tuple[str, ...]:
    """A multiselect over ids, shown by name (empty = all); kept in the URL under `key`."""
    _seed(key, list(options), [])
    value = st.multiselect(
        label,
        list(options),
        key=key,
        format_func=options.__getitem__,
        placeholder=t("all", language()),
    )
    _keep_in_url(key, value)
    return tuple(value)


def switch(key: str, label: str, help_text: str | None = None) -> bool:
    """A toggle kept in the URL as ?key=1."""
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(key) == "1"
    value = st.toggle(label, key=key, help=help_text)
    _keep_in_url(key, "1" if value else None)
    return value


def search_box(key: str, label: str) -> str:
    """A free-text search box kept in the URL under `key`."""
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(key, "")
    value = st.text_input(label, key=key, placeholder=t("search_placeholder", language()))
    _keep_in_url(key, value.strip() or None)
    return value.strip()


# --- output ---------------------------------------------------------------------------------


def counts(items: Mapping[str, int]) -> None:
    """Show a row of headline numbers."""
    for column, (label, value) in zip(st.columns(len(items)), items.items(), strict=True):
        column.metric(label, value)


def heading(text: str) -> None:
    """Start a section of a page."""
    st.subheader(text)


def paragraph(text: str) -> None:
    """Show a paragraph of Markdown text."""
    st.markdown(text)


def note(text: str) -> None:
    """Show a small explanatory line."""
    st.caption(text)


def caveats(lines: list[str], lang: str) -> None:
    """Show, in one warning box, why the figures side by side are not like for like."""
    if lines:
        st.warning(t("warnings_title", lang) + "\n\n" + "\n".join(f"- {line}" for line in lines))


def bullets(title: str, lines: list[str]) -> None:
    """Show a short title over a bulleted list (denominators, rules)."""
    st.markdown(f"**{title}**\n\n" + "\n".join(f"- {line}" for line in lines))


def markdown(text: str, title: str) -> None:
    """Show a Markdown document folded under `title`."""
    with st.expander(title):
        st.markdown(text)


def chart(figure: go.Figure, key: str) -> None:
    """Draw a plotly figure under a stable key (also the CSS class st-key-<key> for tests)."""
    st.plotly_chart(figure, key=key, config={"displaylogo": False})


_drawn: OrderedDict[int, tuple[pd.DataFrame, pa.Table | pd.DataFrame, tuple[str, ...]]] = (
    OrderedDict()
)
_drawn_lock = threading.Lock()


def _drawable(frame: pd.DataFrame) -> tuple[pa.Table | pd.DataFrame, tuple[str, ...]]:
    """Return the frame as Arrow and its decimal columns, worked out once per frame object.

    A page draws the same cached frames on every rerun, and Streamlit would convert each to
    Arrow every time. An entry holds its frame, so that frame's id cannot be reused meanwhile.
    """
    with _drawn_lock:
        held = _drawn.get(id(frame))
        if held is not None and held[0] is frame:
            _drawn.move_to_end(id(frame))
            return held[1], held[2]
    decimals = tuple(
        column for column, dtype in frame.dtypes.items() if pd.api.types.is_float_dtype(dtype)
    )
    try:
        data: pa.Table | pd.DataFrame = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        data = frame  # mixed types in a column: Streamlit's own conversion mends them
    with _drawn_lock:
        _drawn[id(frame)] = (frame, data, decimals)
        while len(_drawn) > DRAWN_TABLES:
            _drawn.popitem(last=False)
    return data, decimals


def table(
    frame: pd.DataFrame, key: str, title: str | None = None, empty: str | None = None
) -> None:
    """Show a table as it will be exported, under a stable key (CSS class st-key-<key>)."""
    data, decimals = _drawable(frame)
    config = {column: st.column_config.NumberColumn(format="localized") for column in decimals}
    with st.container(key=key):
        if title:
            st.markdown(f"**{title}**")
        if frame.empty and empty:
            st.info(empty)
        st.dataframe(
            data,
            hide_index=True,
            column_config=config,
            placeholder="—",
            height="content" if len(frame) <= TABLE_ROWS else TABLE_HEIGHT,
        )


def facts(items: Mapping[str, str]) -> None:
    """Show labelled facts, one per line (a report's title, date, region …)."""
    st.markdown("\n".join(f"- **{label}**: {value}" for label, value in items.items() if value))


def downloads(offered: ShownTable, key: str) -> None:
    """Offer the table as CSV and XLSX; made on click and without rerunning the page."""
    with st.container(horizontal=True, key=f"{key}_downloads"):
        for fmt, render in EXPORTERS.items():
            st.download_button(
                t(f"download_{fmt}", offered.export.lang),
                data=functools.partial(render, offered.export),
                file_name=f"{offered.stem}.{fmt}",
                mime=MIME_TYPES[fmt],
                key=f"{key}_{fmt}",
                on_click="ignore",
                icon=":material/download:",
            )


def table_and_downloads(
    shown: ShownTable, key: str, downloads_key: str | None = None, empty: str | None = None
) -> None:
    """Show a table under `key` and offer it as CSV and XLSX under `downloads_key` (or `key`)."""
    table(shown.shown, key=key, empty=empty)
    downloads(shown, key=downloads_key or key)


def download_all(con: duckdb.DuckDBPyConnection, lang: str) -> None:
    """Offer the canonical export of every figure (the same as `python -m ruraldash export`)."""
    st.caption(t("download_all_hint", lang))
    export = cached(con, figures_export, lang)  # the whole dataset: made once, not per rerun
    downloads(
        ShownTable(export.table, export, file_stem("figures", filtered=False)), key="download_all"
    )


# --- the place picker (national list of units) ----------------------------------------------


def place_picker(key: str, places: Places, lang: str) -> str:
    """Pick a place: province -> prefecture -> county, or find one by name or code.

    The deepest choice is kept in the URL under `key` ('' = the whole country).
    """
    depth_keys = [f"{key}_{depth}" for depth in range(3)]
    if f"{key}_seeded" not in st.session_state:
        chain = places.chain(st.query_params.get(key, ""))
        for depth, depth_key in enumerate(depth_keys):
            st.session_state[depth_key] = chain[depth] if depth < len(chain) else ""
        st.session_state[f"{key}_seeded"] = True

    def jump() -> None:
        chain = places.chain(st.session_state.get(f"{key}_found") or "")
        for depth, depth_key in enumerate(depth_keys):
            st.session_state[depth_key] = chain[depth] if depth < len(chain) else ""

    def reset_below(depth: int) -> Callable[[], None]:
        def reset() -> None:
            for deeper in depth_keys[depth + 1 :]:
                st.session_state[deeper] = ""

        return reset

    search, found = st.columns(2)
    with search:
        text = st.text_input(t("place_search", lang), key=f"{key}_search")
    matches = places.search(text) if text else []
    with found:
        if text and not matches:
            st.caption(t("place_none_found", lang))
        elif matches:
            st.selectbox(
                t("place_found", lang),
                ["", *matches],
                key=f"{key}_found",
                format_func=lambda code: (
                    "—"
                    if not code
                    else f"{places.name(code, lang)} {code} · "
                    + " / ".join(places.name(c, lang) for c in places.chain(code)[:-1])
                ),
                on_change=jump,
            )
    chosen = ""
    columns = st.columns(3)
    titles = ("pick_province", "pick_prefecture", "pick_county")
    for depth, (column, depth_key) in enumerate(zip(columns, depth_keys, strict=True)):
        options = places.children.get(chosen, ())
        if depth and (not chosen or not options):
            break
        if st.session_state.get(depth_key) not in ("", *options):
            st.session_state[depth_key] = ""
        with column:
            value = st.selectbox(
                t(titles[depth], lang),
                ["", *options],
                key=depth_key,
                format_func=lambda code, above=chosen: (
                    places.name(code, lang)
                    if code
                    else (t("nation", lang) if not above else t("whole_place", lang))
                ),
                on_change=reset_below(depth),
            )
        if not value:
            break
        chosen = value
    _keep_in_url(key, chosen or None)
    return chosen
