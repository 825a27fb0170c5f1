"""The draft page's widgets: the report given, the marked text, the draft to edit, its files and
the add section; the catalogue it drafts with, read once per process.

Only the draft page imports this module (not ui/__init__), so the drafting code loads when that
page first opens, not when the app starts.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from ruraldash import paths
from ruraldash.draft import add
from ruraldash.draft.files import figures_csv, skipped_csv
from ruraldash.draft.view import Drafted, Report, default_source
from ruraldash.language.i18n import t, t_count
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.declarations import Catalogue
from ruraldash.store.fingerprint import content_hash
from ruraldash.ui.database import prepared_add
from ruraldash.ui.roles import may_curate, read_only_reason, served
from ruraldash.ui.tables import code_column
from ruraldash.ui.text import bullets, note
from ruraldash.views.plain import markdown_code, markdown_text

# Edits in the grid belong to one report, source and region (Report.identity).
_TABLE, _TABLE_OF = "draft_table", "draft_table_of"


def report_input(lang: str) -> Report:
    """Ask for a report (uploaded or pasted) and its source and region ids; return it.

    Until there is a report the page says how to give one and stops there.
    """
    upload = st.file_uploader(t("draft_upload", lang), type=["txt"], key="draft_upload")
    pasted = st.text_area(
        t("draft_paste", lang),
        key="draft_text",
        height=160,
        placeholder=t("draft_paste_placeholder", lang),
    )
    file_name = upload.name if upload else ""
    left, right = st.columns(2)
    source = left.text_input(
        t("draft_source", lang),
        key="draft_source",
        placeholder=default_source(file_name),
        help=t("draft_source_help", lang),
    )
    region = right.text_input(
        t("draft_region", lang), key="draft_region", help=t("draft_region_help", lang)
    )
    report = Report.given(upload.getvalue() if upload else None, file_name, pasted, source, region)
    if not report.text.strip():
        st.info(t("draft_empty", lang))
        st.stop()
    return report


@st.cache_resource(max_entries=2, show_spinner=False)
def _catalogue(data_dir: str, metrics_dir: str, fingerprint: str) -> Catalogue | None:
    """Read the catalogue once per process and state of its folders; shared: read it only."""
    return load_catalogue(Path(data_dir), Path(metrics_dir))[0]


def catalogue() -> Catalogue | None:
    """Return the catalogue the draft's metrics and names come from (None if it is unusable).

    Reading it takes about 0.13 s, too slow for every rerun of the page's grid: it is read again
    only when the data or metrics folder changes (their content hash is the cache's key).
    """
    data_dir, metrics_dir = paths.default_data_dir(), paths.default_metrics_dir()
    return _catalogue(str(data_dir), str(metrics_dir), content_hash(data_dir, metrics_dir))


def marked_report(drafted: Drafted) -> None:
    """Show what was found in one line, then the report with every number marked."""
    note(drafted.summary)
    st.html(drafted.marked)


def editor(drafted: Drafted, report: Report, lang: str) -> pd.DataFrame:
    """Show the drafted figures in an editable grid, codes shown as names; return the edits."""
    if not report.region:
        st.warning(t("draft_no_region", lang))
    if st.session_state.get(_TABLE_OF) != report.identity:
        st.session_state.pop(_TABLE, None)
        st.session_state[_TABLE_OF] = report.identity
    return st.data_editor(
        drafted.table,
        key=_TABLE,
        hide_index=True,
        num_rows="dynamic",
        placeholder="",  # an empty cell is one to fill in, not Streamlit's "None"
        column_order=drafted.shown,
        column_config={
            column: code_column(column, label, drafted.names.get(column))
            for column, label in drafted.labels.items()
        },
    )


def _file(label: str, data: bytes | str, file_name: str, mime: str, key: str) -> None:
    """Offer one file; a click downloads it without rerunning the page."""
    st.download_button(
        label,
        data,
        file_name=file_name,
        mime=mime,
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def downloads(drafted: Drafted, edited: pd.DataFrame, report: Report, lang: str) -> None:
    """Offer the edited draft as a figures CSV and the YAML entries it needs; then list the
    numerals left out, with their sidecar CSV."""
    with st.container(horizontal=True):
        csv = figures_csv(edited.to_dict("records"))
        _file(t("draft_download_csv", lang), csv, f"{report.source}.csv", "text/csv", "draft_csv")
        stub_name = f"{report.source}_stub.yaml"
        _file(t("draft_download_yaml", lang), drafted.stub, stub_name, "text/yaml", "draft_yaml")
    skipped = drafted.draft.skipped
    with st.expander(t("draft_skipped_heading", lang).format(count=len(skipped))):
        st.dataframe(
            drafted.skipped,
            hide_index=True,
            column_config=drafted.skipped_labels,
            placeholder="—",
        )
        _file(
            t("draft_download_skipped", lang),
            skipped_csv(skipped),
            f"{report.source}.skipped.csv",
            "text/csv",
            "draft_skipped_csv",
        )


def _found_text(found: add.AddResult, lang: str) -> str:
    """The source, region and date the report would be added under, and why (as Markdown)."""
    return t("draft_add_found", lang).format(
        source=markdown_code(found.source_id),
        region=markdown_code(found.region_id),
        new=t("draft_add_new" if found.region_is_new else "draft_add_declared", lang),
        reason=markdown_text(found.region_reason.text(lang)),
        date=markdown_text(found.date.date),
        basis=t(f"date_basis_{found.date.basis}", lang),
        note=markdown_text(found.date.note_text(lang)),
    )


def add_report(report: Report, lang: str) -> None:
    """Ask for the report's date and title; say what adding it would write, or why it cannot.

    A curator adds it as unreviewed drafts (locally RURALDASH_CURATOR=1; in a served app a
    signed-in curator, ui.roles); anyone else is offered the files as a ZIP for a curator to add.
    """
    left, right = st.columns(2)
    date = left.text_input(t("draft_add_date", lang), key="draft_add_date").strip() or None
    title = right.text_input(t("draft_add_title", lang), key="draft_add_title").strip() or None
    name = report.file_name or "report.txt"
    try:
        prepared = prepared_add(
            report.text, name, report.typed_source, report.region or None, date, title
        )
    except add.AddError as error:
        # Why, in the page's language; the validator's problems (file:line: …) as code, verbatim.
        # What the user typed and the report's words are in it: shown as text, not Markdown.
        st.warning(t("draft_add_cannot", lang).format(error=markdown_text(error.text(lang))))
        if error.details:
            st.code("\n".join(error.detail_texts(lang)), language=None)
        if error.candidates:
            bullets(t("draft_add_candidates", lang), list(error.candidate_texts(lang)))
        return
    found = prepared.result
    note(_found_text(found, lang))
    if found.checklist:
        with st.expander(t("draft_add_checklist", lang).format(count=len(found.checklist))):
            st.text("\n".join(item.text(lang) for item in found.checklist))
    if not may_curate():
        note(read_only_reason(lang, "draft_add_read_only"))
        zip_name = f"{found.source_id}.zip"
        _file(
            t("draft_add_zip", lang),
            add.add_zip(prepared),
            zip_name,
            "application/zip",
            "draft_add_zip",
        )
        return
    if st.button(t("draft_add_button", lang), key="draft_add", type="primary"):
        try:
            done = add.apply_add(prepared)
        except add.AddError as error:
            st.error(t("draft_add_cannot", lang).format(error=markdown_text(error.text(lang))))
        else:
            done_text = t_count("draft_add_done", done.figures, lang)
            st.success(done_text.format(source=markdown_code(done.source_id), count=done.figures))
            if served():  # readers see the served release, not the curation folder
                note(t("curation_released_later", lang))
