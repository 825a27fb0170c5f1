"""Sources & methods: the reports and their dates, metric definitions, vocabularies, curation."""

from ruraldash import paths, ui
from ruraldash.language.i18n import t
from ruraldash.views import methods, page_data

# 1/ inputs
lang = ui.page_start("page_sources")
con = ui.cursor()

# 2/ the tables: reports and their dates, metrics in both languages, vocabularies, references
sections = ui.cached(con, page_data.sources_tables, lang)

# 3/ each table with its intro and downloads
for key, shown in sections.items():
    ui.heading(t(key, lang))
    ui.note(t(f"{key}_intro", lang))
    ui.table_and_downloads(shown, key=key)

# 4/ how figures were curated: the summary, data/README.md and each report's notes
# (read each time: notes are not part of the database, so its hash does not cover them)
ui.heading(t("sources_curation", lang))
ui.paragraph(t("curation_summary", lang))
data_dir = paths.default_data_dir()
ui.markdown(methods.curation_notes(data_dir), t("curation_readme", lang))
for source_id, title in ui.cached(con, page_data.report_choices, lang).items():
    ui.markdown(
        methods.report_notes(data_dir, source_id, lang),
        t("curation_report_notes", lang).format(report=title),
    )
