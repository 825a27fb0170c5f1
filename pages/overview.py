"""Overview: what the data covers — reports, regions, figures per category and where they meet."""

from ruraldash import ui
from ruraldash.language.i18n import t
from ruraldash.views import coverage_levels, national_list
from ruraldash.views.pages import overview

# 1/ inputs
lang = ui.page_start("page_overview")
con = ui.cursor()

# 2/ data: made once per process, language and state of the data (ui.cached)
shown = ui.cached(con, overview.overview, lang)
ui.counts(shown.counts)

# 3/ figures per category: the picture first, drawn while the tables below are still coming
ui.heading(t("overview_categories", lang))
ui.chart(shown.categories.chart, key="overview_categories_chart")
ui.table_and_downloads(shown.categories.table, key="overview_categories")

# 4/ the reports
ui.heading(t("overview_reports", lang))
ui.table_and_downloads(shown.reports, key="overview_reports")

# 5/ coverage matrix: where comparisons are possible (region by region only while readable)
if ui.cached(con, coverage_levels.region_count) <= coverage_levels.MATRIX_MAX_REGIONS:
    ui.heading(t("overview_coverage", lang))
    view = ui.choose_view(
        "coverage",
        t("coverage_view", lang),
        {"category": t("by_category", lang), "metric": t("by_metric", lang)},
    )
    ui.note(t("coverage_note", lang))
    matrix = ui.cached(con, overview.coverage_view, lang, view)
    ui.chart(matrix.chart, key="overview_coverage_chart")
    ui.table_and_downloads(matrix.table, key="overview_coverage")

# 6/ coverage by level: "n / N" units reporting under each province (drilling down)
ui.heading(t("coverage_by_province", lang))
place = ui.place_picker("cover", ui.cached(con, national_list.places), lang)
below = ui.cached(con, coverage_levels.coverage_below, lang, place)
ui.note(below.headline)
ui.table_and_downloads(below.table, key="overview_levels")

# 7/ everything
ui.heading(t("download_all", lang))
ui.download_all(con, lang)
