"""Overview: what the data covers — reports, regions, figures per category and where they meet."""

from ruraldash import charts, coverage, downloads, methods, ui
from ruraldash.db import run_query
from ruraldash.i18n import t

# 1/ inputs
lang = ui.page_start("page_overview")
con = ui.cursor()

# 2/ data
sources, regions, programs = (run_query(con, name) for name in ("sources", "regions", "programs"))
categories = run_query(con, "categories")
catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
found = run_query(con, "coverage")
ui.counts(coverage.headline(sources, regions, programs, lang))

# 3/ the reports
ui.heading(t("overview_reports", lang))
reports = methods.sources_table(sources, lang, brief=True)
ui.table(reports, key="overview_reports")
ui.downloads(downloads.table_export(t("overview_reports", lang), reports,
                                    downloads.report_sources(sources, lang), [], [], lang),
             downloads.file_stem("overview_reports", filtered=False), key="overview_reports")

# 4/ figures per category
ui.heading(t("overview_categories", lang))
ui.chart(charts.category_bars(categories, lang), key="overview_categories_chart")
per_category = coverage.category_table(categories, lang)
ui.table(per_category, key="overview_categories")
ui.downloads(downloads.table_export(t("overview_categories", lang), per_category,
                                    downloads.report_sources(sources, lang), [], [], lang),
             downloads.file_stem("overview_categories", filtered=False),
             key="overview_categories")

# 5/ coverage matrix: where comparisons are possible
ui.heading(t("overview_coverage", lang))
view = ui.choose_view("coverage", t("coverage_view", lang),
                      {"category": t("by_category", lang), "metric": t("by_metric", lang)})
ui.note(t("coverage_note", lang))
if view == "category":
    matrix = coverage.coverage_matrix(found, regions, categories, "category", lang)
    shown = coverage.category_coverage_table(matrix, lang)
else:
    matrix = coverage.coverage_matrix(found, regions, catalogue, "metric_id", lang)
    shown = coverage.metric_coverage_table(matrix, catalogue, lang)
ui.chart(charts.heatmap(matrix, lang), key="overview_coverage_chart")
ui.table(shown, key="overview_coverage")
ui.downloads(downloads.table_export(t("overview_coverage", lang), shown,
                                    downloads.report_sources(sources, lang),
                                    [(t("coverage_view", lang), t(f"by_{view}", lang))],
                                    [t("coverage_note", lang)], lang),
             downloads.file_stem("overview_coverage", f"by-{view}", filtered=False),
             key="overview_coverage")

# 6/ everything
ui.heading(t("download_all", lang))
ui.download_all(con, lang)
