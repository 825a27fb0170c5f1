"""What a page shows: headings, notes, charts, tables as they will be exported, and downloads."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from ruraldash.language.i18n import t
from ruraldash.ui.database import cached
from ruraldash.views.export import EXPORTERS, MIME_TYPES, figures_export
from ruraldash.views.provenance import ShownTable, file_stem

TABLE_ROWS, TABLE_HEIGHT = 15, 560  # longer tables scroll inside 560 pixels
DRAWN_TABLES = 256  # tables kept converted to Arrow (see _drawable)


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


class _SentFigure(go.Figure):
    """A figure whose dict is made once: Streamlit asks for it on every rerun (a deep copy)."""

    _made: dict | None = None

    def to_dict(self) -> dict:
        """Return the figure as a dict, made on the first call; never change the result."""
        if self._made is None:
            self._made = super().to_dict()
        return self._made


_sent: OrderedDict[int, tuple[go.Figure, _SentFigure]] = OrderedDict()


def map_chart(figure: go.Figure, key: str, on_click: Callable[[str], None] | None = None) -> None:
    """Draw a map under a stable key; a click on a unit calls on_click(its admin code).

    A map of every county is a few MB of outlines: its dict is made once per figure, not per
    rerun (the figure is a shared cached result, so it must not change; see ui.cached).
    """
    with _drawn_lock:
        held = _sent.get(id(figure))
        if held is None or held[0] is not figure:
            held = (figure, _SentFigure(figure))
            _sent[id(figure)] = held
            while len(_sent) > DRAWN_TABLES // 16:
                _sent.popitem(last=False)
        sent = held[1]

    def clicked() -> None:
        points = st.session_state[key].selection.points
        if points and on_click is not None:
            point = points[0]
            trace = sent.data[point["curve_number"]]
            locations = getattr(trace, "locations", None)
            if locations is not None:
                on_click(str(locations[point["point_index"]]))

    st.plotly_chart(
        sent,
        key=key,
        config={"displaylogo": False},
        on_select=clicked,
        selection_mode="points",
    )


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
