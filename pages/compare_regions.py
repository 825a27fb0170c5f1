"""Compare regions: one metric, or every metric of a category, across regions — honestly."""

import streamlit as st

from ruraldash import ui
from ruraldash.language.i18n import t
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.pages import compare_regions

# 1/ inputs
lang = ui.page_start("page_compare_regions")
con = ui.cursor()
choices = ui.cached(con, compare_regions.region_choices, lang)
left, right = st.columns(2)
with left:
    category = ui.choose(
        "category", t("pick_category", lang), choices.categories, default=choices.default_category
    )
with right:
    metric = ui.choose(
        "metric",
        t("pick_metric", lang),
        choices.metrics[category],
        default=choices.default_metrics[category],
    )
per_capita = ui.switch("per10k", t("per_10k_switch", lang), t("per_10k_help", lang))
# With many regions the chart draws each metric's extremes unless asked for all
show_all = ui.cached(con, compare_regions.has_many_regions) and ui.switch(
    "all", t("chart_show_all", lang), t("chart_show_all_help", lang)
)

# 2/ the chart first: made apart from the table, which at national scale takes longer
compared = ui.cached(
    con, compare_regions.region_chart, lang, category, metric, per_capita, show_all
)

# 3/ chart, with what is not like for like
ui.caveats(compared.caveats, lang)
ui.note(t("several_rule", lang))
if compared.trimmed:
    ui.note(compared.trimmed)
ui.chart(compared.chart, key="compare_regions_chart")
if compared.not_drawn:
    ui.note(compared.not_drawn)
if compared.denominators:
    ui.bullets(t("per_10k_caption", lang), compared.denominators)

# 4/ table (every region, with or without a figure) and export
table = ui.cached(con, compare_regions.region_table, lang, category, metric, per_capita)
ui.table_and_downloads(table, key="compare_regions_table", downloads_key="compare_regions")
ui.briefing_downloads(
    ui.cached(con, briefing_pages.compare_regions, lang, category, metric, per_capita),
    key="compare_regions",
)
