"""Explore: every figure, filtered by region, category, metric, program, status and qualifier."""

import streamlit as st

from ruraldash import downloads, tables, ui
from ruraldash.db import run_query
from ruraldash.figures import FigureFilter, filter_options, load_figures
from ruraldash.i18n import t

# 1/ inputs: six filters and a search, all kept in the URL
lang = ui.page_start("page_explore")
con = ui.cursor()
options = filter_options(*(run_query(con, name) for name in (
    "regions", "metric_catalogue", "programs", "vocabulary")), lang)
chosen = {}
for column, (name, names) in zip(st.columns(3) + st.columns(3), options.items(), strict=True):
    with column:
        chosen[name] = ui.choose_many(name, t(f"filter_{name}", lang), names)
search = ui.search_box("q", t("search", lang))
where = FigureFilter(**chosen, search=search)

# 2/ data
figures = load_figures(con, where)
total = len(load_figures(con))

# 3/ table and export
ui.note(t("explore_count", lang).format(shown=len(figures), total=total))
shown = tables.figure_table(figures, lang, tables.EXPLORE_COLUMNS)
ui.table(shown, key="explore_table", empty=t("explore_nothing", lang))
filters = [(t(f"filter_{name}", lang), ", ".join(options[name][v] for v in values))
           for name, values in chosen.items()] + [(t("search", lang), search)]
ui.downloads(downloads.table_export(t("page_explore", lang), shown,
                                    downloads.figure_sources(figures, lang), filters,
                                    [t("warn_explore", lang)], lang),
             downloads.file_stem("explore", filtered=where.is_active()), key="explore")

# 4/ everything
ui.heading(t("download_all", lang))
ui.download_all(con, lang)
