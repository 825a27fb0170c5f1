"""Sources & methods: the reports and their dates, metric definitions, vocabularies, curation."""

from ruraldash import downloads, methods, paths, ui
from ruraldash.db import run_query
from ruraldash.i18n import t

# 1/ inputs
lang = ui.page_start("page_sources")
con = ui.cursor()
sources = run_query(con, "sources")

# 2/ the tables: reports and their dates, metrics in both languages, vocabularies, references
sections = {
    "sources_reports": methods.sources_table(sources, lang),
    "sources_metrics": methods.metric_table(run_query(con, "metric_catalogue"), lang),
    "sources_vocabulary": methods.vocabulary_table(run_query(con, "vocabulary"), lang),
    "sources_reference": methods.reference_table(run_query(con, "region_reference"), lang),
}

# 3/ each table with its intro and downloads
reports = downloads.report_sources(sources, lang)
for key, shown in sections.items():
    ui.heading(t(key, lang))
    ui.note(t(f"{key}_intro", lang))
    ui.table(shown, key=key)
    ui.downloads(downloads.table_export(t(key, lang), shown, reports, [], [], lang),
                 downloads.file_stem(key, filtered=False), key=key)

# 4/ how figures were curated: the summary, data/README.md and each report's notes
ui.heading(t("sources_curation", lang))
ui.paragraph(t("curation_summary", lang))
data_dir = paths.default_data_dir()
ui.markdown(methods.curation_notes(data_dir), t("curation_readme", lang))
for source_id, title in methods.report_choices(sources, lang).items():
    ui.markdown(methods.report_notes(data_dir, source_id),
                t("curation_report_notes", lang).format(report=title))
