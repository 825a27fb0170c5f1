"""Compare regions: one metric, or every metric of a category, across regions — honestly."""

import streamlit as st

from ruraldash import charts, compare, coverage, downloads, tables, ui
from ruraldash.db import run_query
from ruraldash.figures import FigureFilter, load_figures
from ruraldash.i18n import t

# 1/ inputs
lang = ui.page_start("page_compare_regions")
con = ui.cursor()
catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
regions = run_query(con, "regions")
category_names = compare.category_choices(catalogue, lang)
left, right = st.columns(2)
with left:
    category = ui.choose("category", t("pick_category", lang), category_names,
                         default=compare.widest_metric(catalogue)["category"])
metric_names = compare.metric_choices(catalogue, category, lang)
with right:
    metric = ui.choose("metric", t("pick_metric", lang), metric_names,
                       default=compare.widest_metric(catalogue, category)["metric_id"])
per_capita = ui.switch("per10k", t("per_10k_switch", lang), t("per_10k_help", lang))

# 2/ data: every region, with or without a figure
chosen = compare.chosen_metrics(catalogue, category, metric)
figures = load_figures(con, FigureFilter(metrics=tuple(chosen["metric_id"])))
rows = compare.region_rows(figures, regions, chosen)
if per_capita:
    rows = compare.add_per_capita(rows, regions)
found = compare.caveats(rows, lang, per_capita)

# 3/ chart, with what is not like for like
ui.caveats(found, lang)
ui.note(t("several_rule", lang))
ui.chart(charts.region_bars(rows, lang, per_capita), key="compare_regions_chart")
denominators = compare.denominator_lines(rows, lang) if per_capita else []
if denominators:
    ui.bullets(t("per_10k_caption", lang), denominators)

# 4/ table and export
shown = tables.figure_table(
    rows, lang, tables.COMPARE_COLUMNS + (tables.PER_CAPITA_COLUMNS if per_capita else ()))
ui.table(shown, key="compare_regions_table")
filters = [(t("pick_category", lang), category_names[category]),
           (t("pick_metric", lang), metric_names[metric]),
           (t("per_10k_switch", lang), t("yes", lang) if per_capita else t("no", lang))]
ui.downloads(downloads.table_export(t("page_compare_regions", lang), shown,
                                    downloads.figure_sources(rows, lang), filters,
                                    found + denominators, lang),
             downloads.file_stem("compare_regions", compare.subject(category, metric),
                                 "per10k" if per_capita else "", filtered=True),
             key="compare_regions")
