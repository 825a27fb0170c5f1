"""What a page shows: headings, notes, charts, tables as they will be exported, and downloads."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Mapping

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from ruraldash.language.i18n import t
from ruraldash.ui.database import cached
from ruraldash.ui.inputs import language
from ruraldash.views import report_context
from ruraldash.views.dataset_export import localised_figures_export
from ruraldash.views.export import EXPORTERS, MIME_TYPES
from ruraldash.views.provenance import ShownTable, file_stem
from ruraldash.views.screen import screen_widths

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


def chart(figure: go.Figure | None, key: str) -> None:
    """Draw a plotly figure under a stable key (CSS class st-key-<key>); None draws nothing."""
    if figure is not None:
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
    widths = screen_widths([str(column) for column in frame.columns], language())
    config: dict[str, object] = {
        column: st.column_config.NumberColumn(format="localized") for column in decimals
    }
    # Value as written first and wide enough, then period, scope and source: no scrolling.
    config |= {column: st.column_config.Column(width=width) for column, width in widths.items()}
    with st.container(key=key):
        if title:
            st.markdown(f"**{title}**")
        if frame.empty and empty:
            st.info(empty)  # our own words, not an empty grid's "empty"
            return
        st.dataframe(
            data,
            hide_index=True,
            column_config=config,
            placeholder="—",
            height="content" if len(frame) <= TABLE_ROWS else TABLE_HEIGHT,
        )


def quote_in_report(
    con: duckdb.DuckDBPyConnection, lang: str, choices: Mapping[str, str], key: str
) -> None:
    """Fold out a figure's quote in its report's text, the clause marked (CSS st-key-<key>).

    The report is shown as escaped text with our own <mark> around the clause: never as
    Markdown, and never with any of its characters read as HTML.
    """
    if st.session_state.get(key) not in choices:
        st.session_state[key] = None  # the filters changed and the chosen figure is gone
    with st.container(key=key + "_box"), st.expander(t("quote_in_report", lang)):
        figure = st.selectbox(
            t("quote_pick", lang),
            list(choices),
            key=key,
            format_func=choices.__getitem__,
            index=None,
            placeholder=t("quote_pick_placeholder", lang),
        )
        if figure is None:
            return
        shown = cached(con, report_context.quote_in_report, lang, figure)
        st.caption(shown.title)
        if not shown.found:
            st.warning(t("quote_not_found", lang))
        else:
            st.markdown(f"**{t('quote_paragraph', lang)}**")
            st.html(shown.paragraph_html)
        st.markdown(f"**{t('quote_full_text', lang)}**")
        st.html(shown.report_html)


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
    """Offer every figure: the canonical export's rows, in the reader's words and headers."""
    st.caption(t("download_all_hint", lang))
    # The whole dataset: made once, not per rerun.
    export = cached(con, localised_figures_export, lang)
    downloads(
        ShownTable(export.table, export, file_stem("figures", filtered=False)), key="download_all"
    )
