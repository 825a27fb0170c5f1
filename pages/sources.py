"""Sources & methods: the reports and their dates, metric definitions, vocabularies, curation."""

from ruraldash import paths, ui
from ruraldash.language.i18n import t
from ruraldash.views import methods
from ruraldash.views.pages import sources

# 1/ inputs
lang = ui.page_start("page_sources")
con = ui.cursor()

# 2/ the tables: reports and their dates, metrics in both languages, vocabularies, references
sections = ui.cached(con, sources.sources_tables, lang)

# 3/ each table with its intro and downloads
for key, shown in sections.items():
    ui.heading(t(key, lang))
    ui.note(t(f"{key}_intro", lang))
    ui.table_and_downloads(shown, key=key, empty=t("sources_none", lang))

# 4/ how figures were curated: the summary, data/README.md and the reports' notes: a few
# reports fold out one by one; many (a national folder) are picked one at a time from a list
ui.heading(t("sources_curation", lang))
ui.paragraph(t("curation_summary", lang))
data_dir = paths.default_data_dir()
curation = ui.cached(con, sources.curation, lang, str(data_dir))
if curation.readme:
    ui.markdown(curation.readme, t("curation_readme", lang))
if curation.folded:
    for source_id, title in curation.reports.items():
        ui.markdown(
            methods.report_notes(data_dir, source_id, lang),
            t("curation_report_notes", lang).format(report=title),
        )
else:
    ui.note(curation.count_line(lang))
    report = ui.choose(
        "report",
        t("pick_report_notes", lang),
        curation.reports,
        default=curation.first_with_notes,
    )
    ui.markdown(
        methods.report_notes(data_dir, report, lang) or t("curation_no_notes", lang),
        t("curation_report_notes", lang).format(report=curation.reports[report]),
        expanded=True,
    )
