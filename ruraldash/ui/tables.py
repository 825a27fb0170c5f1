"""Tables as a page shows them: as they will be exported, a page of rows at a time."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pyarrow as pa
import streamlit as st

from ruraldash import caches
from ruraldash.language.i18n import t
from ruraldash.ui.inputs import language
from ruraldash.ui.pageviews import rows_shown
from ruraldash.views.plain import markdown_text
from ruraldash.views.screen import screen_widths

TABLE_ROWS, TABLE_HEIGHT = 15, 560  # longer tables scroll inside 560 pixels
# Longer tables are shown a page at a time: a browser grid of 100,000 rows takes seconds to
# send and draw, and nobody reads it on screen (the downloads hold every row).
PAGE_ROWS = 1_000


def _drawable(frame: pd.DataFrame) -> tuple[pa.Table | pd.DataFrame, tuple[str, ...]]:
    """Return the frame as Arrow and its decimal columns, worked out once per frame object.

    A page draws the same cached frames on every rerun, and Streamlit would convert each to
    Arrow every time; caches.DRAWN_TABLES keeps the result while the frame lives.
    """
    held = caches.DRAWN_TABLES.get(frame)
    if held is not None:
        return held
    decimals = tuple(
        column for column, dtype in frame.dtypes.items() if pd.api.types.is_float_dtype(dtype)
    )
    try:
        data: pa.Table | pd.DataFrame = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        data = frame  # mixed types in a column: Streamlit's own conversion mends them
    return caches.DRAWN_TABLES.put(frame, (data, decimals))


def table(
    frame: pd.DataFrame, key: str, title: str | None = None, empty: str | None = None
) -> None:
    """Show a table as it will be exported, under a stable key (CSS class st-key-<key>)."""
    rows_shown(len(frame))
    data, decimals = _drawable(frame)
    widths = screen_widths([str(column) for column in frame.columns], language())
    config: dict[str, object] = {
        column: st.column_config.NumberColumn(format="localized") for column in decimals
    }
    # Value as written first and wide enough, then period, scope and source: no scrolling.
    config |= {column: st.column_config.Column(width=width) for column, width in widths.items()}
    with st.container(key=key):
        if title:
            st.markdown(f"**{markdown_text(title)}**")
        if frame.empty and empty:
            st.info(empty)  # our own words, not an empty grid's "empty"
            return
        if len(frame) > PAGE_ROWS:
            data = _page_of(data, len(frame), key)
        st.dataframe(
            data,
            hide_index=True,
            column_config=config,
            placeholder="—",
            height="content" if len(frame) <= TABLE_ROWS else TABLE_HEIGHT,
        )


def _page_of(data: pa.Table | pd.DataFrame, rows: int, key: str) -> pa.Table | pd.DataFrame:
    """Return the page of a long table's rows the reader chose (rows 1-1,000 first)."""
    lang = language()
    pages = -(-rows // PAGE_ROWS)
    with st.container(horizontal=True, vertical_alignment="bottom", key=f"{key}_pages"):
        page = st.number_input(
            t("table_page", lang).format(pages=f"{pages:,}"),
            min_value=1,
            max_value=pages,
            value=1,
            step=1,
            key=f"{key}_page",
            width=200,
        )
        first = (int(page) - 1) * PAGE_ROWS
        last = min(first + PAGE_ROWS, rows)
        st.caption(
            t("table_page_rows", lang).format(
                first=f"{first + 1:,}", last=f"{last:,}", rows=f"{rows:,}"
            )
        )
    if isinstance(data, pa.Table):
        return data.slice(first, last - first)
    return data.iloc[first:last]


def code_column(column: str, label: str, named: Mapping[str, str] | None) -> object:
    """An editable grid's column: a code column (`named`: code -> name) is edited by choosing
    a name while the cell keeps the code; any other as text. The help names the column."""
    if named is None:
        return st.column_config.TextColumn(label, help=f"`{column}`")
    return st.column_config.SelectboxColumn(
        label, help=f"`{column}`", options=list(named), format_func=named.__getitem__
    )
