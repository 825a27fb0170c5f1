"""Draft from a report: paste or upload a report, see every number found, download or add it."""

import streamlit as st

from ruraldash import paths, ui
from ruraldash.draft import add, view
from ruraldash.draft.engine import draft_report
from ruraldash.draft.files import (
    decode_report,
    figures_csv,
    skipped_csv,
    source_id_from_name,
)
from ruraldash.language.i18n import t
from ruraldash.store.catalogue import load_catalogue
from ruraldash.views.plain import markdown_code, markdown_text

# 1/ inputs: an uploaded or pasted report, its source and region ids
lang = ui.page_start("page_draft")
upload = st.file_uploader(t("draft_upload", lang), type=["txt"], key="draft_upload")
pasted = st.text_area(
    t("draft_paste", lang),
    key="draft_text",
    height=160,
    placeholder=t("draft_paste_placeholder", lang),
)
file_name = upload.name if upload else ""
default_source = source_id_from_name(file_name or "draft")
left, right = st.columns(2)
source = (
    left.text_input(
        t("draft_source", lang),
        key="draft_source",
        placeholder=default_source,
        help=t("draft_source_help", lang),
    ).strip()
    or default_source
)
region = right.text_input(
    t("draft_region", lang), key="draft_region", help=t("draft_region_help", lang)
).strip()
text = decode_report(upload.getvalue()) if upload else pasted
if not text.strip():
    st.info(t("draft_empty", lang))
    st.stop()

# 2/ data: the draft, its metrics guessed from the catalogue's keywords
catalogue, _ = load_catalogue(paths.default_data_dir(), paths.default_metrics_dir())
draft = draft_report(text, catalogue.metrics if catalogue else {}, source, region)
columns = view.draft_table(draft)
# Codes (units, qualifiers, metrics, regions …) read as names in the page's language.
names = view.code_names(catalogue, lang, columns)

# 3/ the report with every number marked
ui.heading(t("draft_text_heading", lang))
ui.note(view.summary(draft, lang))
st.html(view.legend_html(lang) + view.highlight_html(draft, lang, names))

# 4/ the draft to edit, and its downloads
ui.heading(t("draft_table_heading", lang))
ui.note(t("draft_table_help", lang))
if not region:
    st.warning(t("draft_no_region", lang))
# Edits belong to one draft: a new report, source or region starts from the new draft.
if st.session_state.get("draft_table_of") != hash((text, source, region)):
    st.session_state.pop("draft_table", None)
    st.session_state["draft_table_of"] = hash((text, source, region))
edited = st.data_editor(
    columns,
    key="draft_table",
    hide_index=True,
    num_rows="dynamic",
    placeholder="",  # an empty cell is one to fill in, not Streamlit's "None"
    column_order=view.shown_columns(list(columns.columns), lang),
    column_config={
        column: ui.code_column(column, label, names.get(column))
        for column, label in view.column_labels(list(columns.columns), lang).items()
    },
)
stub = view.yaml_stub(draft, text, file_name, catalogue.regions if catalogue else {})
with st.container(horizontal=True):
    st.download_button(
        t("draft_download_csv", lang),
        figures_csv(edited.to_dict("records")),
        file_name=f"{source}.csv",
        mime="text/csv",
        key="draft_csv",
        on_click="ignore",
        icon=":material/download:",
    )
    st.download_button(
        t("draft_download_yaml", lang),
        stub,
        file_name=f"{source}_stub.yaml",
        mime="text/yaml",
        key="draft_yaml",
        on_click="ignore",
        icon=":material/download:",
    )
with st.expander(t("draft_skipped_heading", lang).format(count=len(draft.skipped))):
    skipped = view.skipped_table(draft, lang)
    st.dataframe(
        skipped,
        hide_index=True,
        column_config=view.column_labels(list(skipped.columns), lang),
        placeholder="—",
    )
    st.download_button(
        t("draft_download_skipped", lang),
        skipped_csv(draft.skipped),
        file_name=f"{source}.skipped.csv",
        mime="text/csv",
        key="draft_skipped_csv",
        on_click="ignore",
        icon=":material/download:",
    )

# 5/ add it to the dashboard as unreviewed drafts (curators), or download the files (read-only)
ui.heading(t("draft_add_heading", lang))
left, right = st.columns(2)
date = left.text_input(t("draft_add_date", lang), key="draft_add_date").strip() or None
title = right.text_input(t("draft_add_title", lang), key="draft_add_title").strip() or None
typed_source = st.session_state.get("draft_source", "").strip() or None
try:
    prepared = ui.prepared_add(
        text, file_name or "report.txt", typed_source, region or None, date, title
    )
except add.AddError as error:
    # Why, in the page's language; the validator's problems (file:line: …) as code, verbatim.
    # What the user typed and the report's words are in it: shown as text, not Markdown.
    st.warning(t("draft_add_cannot", lang).format(error=markdown_text(error.text(lang))))
    if error.details:
        st.code("\n".join(error.details), language=None)
    if error.candidates:
        ui.bullets(t("draft_add_candidates", lang), list(error.candidate_texts(lang)))
    st.stop()
found = prepared.result
ui.note(
    t("draft_add_found", lang).format(
        source=markdown_code(found.source_id),
        region=markdown_code(found.region_id),
        new=t("draft_add_new" if found.region_is_new else "draft_add_declared", lang),
        reason=markdown_text(found.region_reason.text(lang)),
        date=markdown_text(found.date.date),
        basis=t(f"date_basis_{found.date.basis}", lang),
        note=markdown_text(found.date.note_text(lang)),
    )
)
if found.checklist:
    with st.expander(t("draft_add_checklist", lang).format(count=len(found.checklist))):
        st.text("\n".join(item.text(lang) for item in found.checklist))
if ui.may_add_reports():
    if st.button(t("draft_add_button", lang), key="draft_add", type="primary"):
        try:
            done = add.apply_add(prepared)
        except add.AddError as error:
            st.error(t("draft_add_cannot", lang).format(error=markdown_text(error.text(lang))))
        else:
            done_text = t("draft_add_done", lang)
            st.success(done_text.format(source=markdown_code(done.source_id), count=done.figures))
else:
    ui.note(t("draft_add_read_only", lang))
    st.download_button(
        t("draft_add_zip", lang),
        add.add_zip(prepared),
        file_name=f"{found.source_id}.zip",
        mime="application/zip",
        key="draft_add_zip",
        on_click="ignore",
        icon=":material/download:",
    )
