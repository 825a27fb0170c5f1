"""Downloads of what a page shows: a table as CSV, XLSX and PDF, a briefing, a chart as PNG."""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import duckdb
import plotly.graph_objects as go
import streamlit as st

from ruraldash.language.i18n import t
from ruraldash.ui.database import Deferred, cached, deferred
from ruraldash.ui.downloads_held import hold_made_files
from ruraldash.ui.tables import table
from ruraldash.views.briefing import images
from ruraldash.views.briefing.files import MIME_TYPES as BRIEFING_MIME_TYPES
from ruraldash.views.briefing.files import briefing_file
from ruraldash.views.briefing.view import View, briefing_stem
from ruraldash.views.export import pdf
from ruraldash.views.export.dataset import exported_rows, localised_figures_export
from ruraldash.views.export.files import EXPORTERS, MIME_TYPES, ExportTable, to_xlsx
from ruraldash.views.export.provenance import ShownTable, file_stem, named_stem

# Above this many rows an XLSX takes seconds to write: it is prepared on request, with progress.
LARGE_EXPORT = 20_000


@dataclass(frozen=True)
class Offered:
    """A table's files as offered: its export (made when first asked for), rows and name.

    A page's table, made already, is offered as a print-ready PDF too; a table made only
    when asked for (every figure) is not: its first rows are no print for a meeting.
    """

    export: Callable[[], ExportTable]
    rows: int
    stem: str  # which table, in ids
    name: str  # the name its files download as, in the reader's language
    lang: str
    identity: Hashable  # which export: a prepared XLSX of another is never offered for it
    printable: bool = False

    @classmethod
    def shown(cls, table: ShownTable) -> Offered:
        """Offer a table whose export is made already."""
        export = table.export
        return cls(
            lambda: export,
            len(export.table),
            table.stem,
            table.name,
            export.lang,
            id(export),
            export.printable,
        )

    @classmethod
    def later(
        cls, export: Deferred[ExportTable], rows: int, stem: str, name: str, lang: str
    ) -> Offered:
        """Offer a table whose export is made only when a file is asked for."""
        return cls(export, rows, stem, name, lang, export.key)


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
        file_name=f"{offered.name}.xlsx",
        mime=MIME_TYPES["xlsx"],
        key=f"{key}_xlsx",
        on_click="ignore",
        icon=":material/download:",
    )


def _rendered(render: Callable[[ExportTable], bytes], export: Callable[[], ExportTable]) -> bytes:
    return render(export())


def downloads(offered: ShownTable | Offered, key: str) -> None:
    """Offer the table as CSV, XLSX and its print-ready PDF; made on click, without a rerun.

    A large table's XLSX is written on request instead, showing how many rows are done. The
    PDF needs Chromium: without it there is no PDF button.
    """
    hold_made_files()
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
                file_name=f"{offered.name}.{fmt}",
                mime=MIME_TYPES[fmt],
                key=f"{key}_{fmt}",
                on_click="ignore",
                icon=":material/download:",
            )
        if offered.printable and images.chromium_path() is not None:
            st.download_button(
                t("download_pdf", offered.lang),
                data=functools.partial(_rendered, pdf.to_pdf, offered.export),
                file_name=f"{offered.name}.pdf",
                mime=pdf.MIME_TYPE,
                key=f"{key}_pdf",
                on_click="ignore",
                icon=":material/print:",
            )


def briefing_downloads(view: View, key: str) -> None:
    """Offer the view's one-page briefing (简报) as DOCX and PDF; made on click, no rerun."""
    hold_made_files()
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
    hold_made_files()
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


def left_out(line: str, shown: ShownTable, key: str) -> None:
    """Count what a ranking left out in one line and list it, with its downloads, one click
    away; nothing when nothing was left out."""
    if not line:
        return
    st.caption(line)
    with st.expander(shown.export.title):
        table_and_downloads(shown, key=key)


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
    name = named_stem([t("figures_title_localised", lang)], lang)
    downloads(
        Offered.later(export, rows, file_stem("figures", filtered=False), name, lang),
        key="download_all",
    )
