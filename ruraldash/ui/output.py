"""What a page shows: headings, notes, charts, tables as they will be exported, and downloads."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass

import duckdb
import orjson
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pyarrow as pa
import streamlit as st

from ruraldash.language.i18n import t
from ruraldash.ui.database import Deferred, cached, deferred
from ruraldash.ui.inputs import language
from ruraldash.ui.pageviews import rows_shown
from ruraldash.views import images, report_context
from ruraldash.views.briefing import View, briefing_stem
from ruraldash.views.briefing_files import MIME_TYPES as BRIEFING_MIME_TYPES
from ruraldash.views.briefing_files import briefing_file
from ruraldash.views.dataset_export import exported_rows, localised_figures_export
from ruraldash.views.export import EXPORTERS, MIME_TYPES, ExportTable, to_xlsx
from ruraldash.views.plain import markdown_text, tame_markdown
from ruraldash.views.provenance import ShownTable, file_stem
from ruraldash.views.screen import screen_widths

TABLE_ROWS, TABLE_HEIGHT = 15, 560  # longer tables scroll inside 560 pixels
# Longer tables are shown a page at a time: a browser grid of 100,000 rows takes seconds to
# send and draw, and nobody reads it on screen (the downloads hold every row).
PAGE_ROWS = 1_000
DRAWN_TABLES = 256  # tables kept converted to Arrow (see _drawable)


def counts(items: Mapping[str, int]) -> None:
    """Show a row of headline numbers."""
    for column, (label, value) in zip(st.columns(len(items)), items.items(), strict=True):
        column.metric(label, value)


def heading(text: str) -> None:
    """Start a section of a page (the text is the app's own, never curated)."""
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
        # The lines name curated regions, labels and periods: shown as text, not Markdown.
        items = "\n".join(f"- {markdown_text(line)}" for line in lines)
        st.warning(t("warnings_title", lang) + "\n\n" + items)


def bullets(title: str, lines: list[str]) -> None:
    """Show a short title over a bulleted list (denominators, rules)."""
    items = "\n".join(f"- {markdown_text(line)}" for line in lines)
    st.markdown(f"**{markdown_text(title)}**\n\n" + items)


def markdown(text: str, title: str, expanded: bool = False) -> None:
    """Show a curated Markdown document folded under `title`; images, links and HTML inert."""
    with st.expander(markdown_text(title), expanded=expanded):
        st.markdown(tame_markdown(text))


def chart(figure: go.Figure | None, key: str) -> None:
    """Draw a plotly figure under a stable key (CSS class st-key-<key>); None draws nothing.

    The figure is a shared cached result: its dict is made once, not deep-copied per rerun.
    """
    if figure is not None:
        st.plotly_chart(
            _sent_figure(figure, _sent, DRAWN_TABLES // 4), key=key, config={"displaylogo": False}
        )


_drawn: OrderedDict[int, tuple[pd.DataFrame, pa.Table | pd.DataFrame, tuple[str, ...]]] = (
    OrderedDict()
)
_drawn_lock = threading.Lock()


class _WrittenFigure(dict):
    """A figure's dict that carries its JSON, written once.

    Streamlit writes the figure with plotly.io.to_json on every rerun; plotly's orjson engine
    asks an object for to_plotly_json() first, and orjson copies a Fragment as it is. Without
    orjson, plotly writes the dict itself: the same JSON, only slower.
    """

    def __init__(self, figure: dict) -> None:
        super().__init__(figure)
        # What Streamlit's own call would write (uids dropped, <, > and / escaped): the
        # escaping finds nothing left to escape on the next pass.
        self._json = orjson.Fragment(pio.to_json(self, validate=False))

    def to_plotly_json(self) -> orjson.Fragment:
        """Return the figure's JSON, written when the dict was made."""
        return self._json


class _SentFigure(go.Figure):
    """A figure whose dict and JSON are made once: Streamlit asks for both on every rerun."""

    _made: dict | None = None

    def to_dict(self) -> dict:
        """Return the figure as a dict, made on the first call; never change the result."""
        if self._made is None:
            self._made = _WrittenFigure(super().to_dict())
        return self._made


_sent: OrderedDict[int, tuple[go.Figure, _SentFigure]] = OrderedDict()
_sent_maps: OrderedDict[int, tuple[go.Figure, _SentFigure]] = OrderedDict()


def _sent_figure(
    figure: go.Figure, sent: OrderedDict[int, tuple[go.Figure, _SentFigure]], kept: int
) -> _SentFigure:
    """Return the figure whose dict is made once, held in `sent` with the figure (see
    _drawable), which keeps the last `kept` of them (a map is megabytes: fewer maps)."""
    with _drawn_lock:
        held = sent.get(id(figure))
        if held is None or held[0] is not figure:
            held = (figure, _SentFigure(figure))
            sent[id(figure)] = held
            while len(sent) > kept:
                sent.popitem(last=False)
        else:
            sent.move_to_end(id(figure))
        return held[1]


def map_chart(figure: go.Figure, key: str, on_click: Callable[[str], None] | None = None) -> None:
    """Draw a map under a stable key; a click on a unit calls on_click(its admin code).

    A map of every county is a few MB of outlines: its dict is made once per figure, not per
    rerun (the figure is a shared cached result, so it must not change; see ui.cached).
    """
    sent = _sent_figure(figure, _sent_maps, DRAWN_TABLES // 16)

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
        st.caption(markdown_text(shown.title))
        if not shown.found:
            st.warning(t("quote_not_found", lang))
        else:
            st.markdown(f"**{t('quote_paragraph', lang)}**")
            st.html(shown.paragraph_html)
        st.markdown(f"**{t('quote_full_text', lang)}**")
        st.html(shown.report_html)


def facts(items: Mapping[str, str]) -> None:
    """Show labelled facts, one per line (a report's title, date, region …)."""
    st.markdown(
        "\n".join(
            f"- **{markdown_text(label)}**: {markdown_text(value)}"
            for label, value in items.items()
            if value
        )
    )


# Above this many rows an XLSX takes seconds to write: it is prepared on request, with progress.
LARGE_EXPORT = 20_000


@dataclass(frozen=True)
class Offered:
    """A table's files as offered: its export (made when first asked for), rows and name."""

    export: Callable[[], ExportTable]
    rows: int
    stem: str
    lang: str
    identity: Hashable  # which export: a prepared XLSX of another is never offered for it

    @classmethod
    def shown(cls, table: ShownTable) -> Offered:
        """Offer a table whose export is made already."""
        export = table.export
        return cls(lambda: export, len(export.table), table.stem, export.lang, id(export))

    @classmethod
    def later(cls, export: Deferred[ExportTable], rows: int, stem: str, lang: str) -> Offered:
        """Offer a table whose export is made only when a file is asked for."""
        return cls(export, rows, stem, lang, export.key)


def _prepared_xlsx(offered: Offered, key: str) -> None:
    """Offer a large table's XLSX in two steps: write it with a progress bar, then download."""
    lang, rows = offered.lang, offered.rows
    held = f"{key}_xlsx_prepared"
    made = st.session_state.get(held)
    if made is None or made[0] != (offered.stem, rows, offered.identity):
        if not st.button(
            t("prepare_xlsx", lang).format(rows=f"{rows:,}"),
            key=f"{key}_xlsx_prepare",
            icon=":material/table_view:",
        ):
            return
        with st.status(t("preparing_xlsx", lang).format(done=0, total=f"{rows:,}")) as status:
            bar = st.progress(0.0)

            def progress(done: int, total: int) -> None:
                text = t("preparing_xlsx", lang).format(done=f"{done:,}", total=f"{total:,}")
                bar.progress(done / max(total, 1), text=text)

            data = to_xlsx(offered.export(), progress)
            status.update(label=t("prepared_xlsx", lang).format(rows=f"{rows:,}"), state="complete")
        # Kept for this session only, and only the last one: a large workbook is megabytes.
        made = ((offered.stem, rows, offered.identity), data)
        st.session_state[held] = made
    st.download_button(
        t("download_xlsx", lang),
        data=made[1],
        file_name=f"{offered.stem}.xlsx",
        mime=MIME_TYPES["xlsx"],
        key=f"{key}_xlsx",
        on_click="ignore",
        icon=":material/download:",
    )


def _rendered(render: Callable[[ExportTable], bytes], export: Callable[[], ExportTable]) -> bytes:
    return render(export())


def downloads(offered: ShownTable | Offered, key: str) -> None:
    """Offer the table as CSV and XLSX; made on click and without rerunning the page.

    A large table's XLSX is written on request instead, showing how many rows are done.
    """
    if isinstance(offered, ShownTable):
        offered = Offered.shown(offered)
    with st.container(horizontal=True, key=f"{key}_downloads"):
        for fmt, render in EXPORTERS.items():
            if fmt == "xlsx" and offered.rows > LARGE_EXPORT:
                _prepared_xlsx(offered, key)
                continue
            st.download_button(
                t(f"download_{fmt}", offered.lang),
                data=functools.partial(_rendered, render, offered.export),
                file_name=f"{offered.stem}.{fmt}",
                mime=MIME_TYPES[fmt],
                key=f"{key}_{fmt}",
                on_click="ignore",
                icon=":material/download:",
            )


def briefing_downloads(view: View, key: str) -> None:
    """Offer the view's one-page briefing (简报) as DOCX and PDF; made on click, no rerun."""
    with st.container(horizontal=True, key=f"{key}_briefing"):
        for fmt, mime in BRIEFING_MIME_TYPES.items():
            st.download_button(
                t(f"download_briefing_{fmt}", view.lang),
                data=functools.partial(briefing_file, view, fmt),
                file_name=f"{briefing_stem(view)}.{fmt}",
                mime=mime,
                key=f"{key}_briefing_{fmt}",
                on_click="ignore",
                icon=":material/description:",
            )


IMAGE_SCALE = 2  # a downloaded chart is twice its layout's pixels: sharp on a slide or print


def image_download(figure: go.Figure, stem: str, lang: str, key: str, width: int) -> None:
    """Offer a chart as PNG (drawn offline by kaleido) under `key`; drawn on click, no rerun.

    The figure is drawn as it is, captions included, at `width` × its height. Without
    Chromium there is no image to offer, so no button.
    """
    if images.chromium_path() is None:
        return
    st.download_button(
        t("download_png", lang),
        data=functools.partial(
            images.chart_png, figure, width, int(figure.layout.height or 450), IMAGE_SCALE
        ),
        file_name=f"{stem}.png",
        mime="image/png",
        key=f"{key}_png",
        on_click="ignore",
        icon=":material/image:",
    )


def code_column(column: str, label: str, named: Mapping[str, str] | None) -> object:
    """An editable grid's column: a code column (`named`: code -> name) is edited by choosing
    a name while the cell keeps the code; any other as text. The help names the column."""
    if named is None:
        return st.column_config.TextColumn(label, help=f"`{column}`")
    return st.column_config.SelectboxColumn(
        label, help=f"`{column}`", options=list(named), format_func=named.__getitem__
    )


def table_and_downloads(
    shown: ShownTable, key: str, downloads_key: str | None = None, empty: str | None = None
) -> None:
    """Show a table under `key` and offer it as CSV and XLSX under `downloads_key` (or `key`)."""
    table(shown.shown, key=key, empty=empty)
    downloads(shown, key=downloads_key or key)


def download_all(con: duckdb.DuckDBPyConnection, lang: str) -> None:
    """Offer every figure: the canonical export's rows, in the reader's words and headers.

    The whole dataset is made only when a file is asked for, then kept for every session.
    """
    st.caption(t("download_all_hint", lang))
    export = deferred(con, localised_figures_export, lang)
    rows = cached(con, exported_rows)
    downloads(
        Offered.later(export, rows, file_stem("figures", filtered=False), lang), key="download_all"
    )
