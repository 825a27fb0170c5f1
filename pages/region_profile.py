"""Region profile: everything one report says about its region, by category, with its programs."""

from ruraldash import downloads, methods, paths, tables, ui
from ruraldash.db import run_query
from ruraldash.figures import FigureFilter, load_figures
from ruraldash.i18n import t

# 1/ inputs
lang = ui.page_start("page_region_profile")
con = ui.cursor()
sources, regions = run_query(con, "sources"), run_query(con, "regions")
reports = methods.report_choices(sources, lang)
report = ui.choose("report", t("pick_report", lang), reports)
source, region = methods.report_and_region(sources, regions, report)

# 2/ the report and its region
ui.facts(methods.report_facts(source, region, lang))

# 3/ its figures, by category
figures = load_figures(con, FigureFilter(sources=(report,)))
shown = tables.figure_table(figures, lang, tables.PROFILE_COLUMNS)
ui.heading(t("profile_figures", lang).format(count=len(figures)))
for category, name, part in methods.by_category(figures, shown, run_query(con, "categories"),
                                                lang):
    ui.table(part, key=f"profile_{category}", title=name)
filters = [(t("pick_report", lang), reports[report])]
ui.downloads(downloads.table_export(t("profile_figures_title", lang), shown,
                                    downloads.figure_sources(figures, lang), filters, [], lang),
             downloads.file_stem("region_profile", report, filtered=True), key="profile_figures")

# 4/ its programs
programs = run_query(con, "programs")
listed = methods.programs_table(methods.of_report(programs, report), lang)
ui.heading(t("profile_programs", lang).format(count=len(listed)))
ui.table(listed, key="profile_programs")
ui.downloads(downloads.table_export(t("profile_programs_title", lang), listed,
                                    downloads.report_sources(methods.of_report(sources, report),
                                                             lang), filters, [], lang),
             downloads.file_stem("region_profile_programs", report, filtered=True),
             key="profile_programs")

# 5/ how this report was curated
ui.markdown(methods.report_notes(paths.default_data_dir(), report), t("profile_notes", lang))
