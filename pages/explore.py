"""Explore: every figure, filtered by region, category, metric, program, status and qualifier."""

import streamlit as st

from ruraldash import ui
from ruraldash.compare.figures import FigureFilter
from ruraldash.language.i18n import t, t_count
from ruraldash.views import report_context
from ruraldash.views.pages import explore

# 1/ inputs: six filters and a search, all kept in the URL
lang = ui.page_start("page_explore")
con = ui.cursor()
options = ui.cached(con, explore.explore_options, lang)
chosen = {}
for column, (name, names) in zip(st.columns(3) + st.columns(3), options.items(), strict=True):
    with column:
        chosen[name] = ui.choose_many(name, t(f"filter_{name}", lang), names)
search = ui.search_box("q", t("search", lang))

# 2/ data (made once per filter, see ui.cached)
where = FigureFilter(**chosen, search=search)
found = ui.cached(con, explore.explore, lang, where)

# 3/ table and export
counted = t_count("explore_count", found.total, lang)
ui.note(counted.format(shown=f"{found.shown:,}", total=f"{found.total:,}"))
if found.complete:
    ui.table_and_downloads(
        found.table, key="explore_table", downloads_key="explore", empty=t("explore_nothing", lang)
    )
else:  # the first rows listed; the files hold every figure, made when asked for
    rows = len(found.table.shown)
    ui.note(t("explore_first_rows", lang).format(rows=f"{rows:,}", shown=f"{found.shown:,}"))
    ui.table(found.table.shown, key="explore_table")
    every = ui.deferred(con, explore.explore_export, lang, where)
    ui.downloads(
        ui.Offered.later(every, found.shown, found.table.stem, found.table.name, lang),
        key="explore",
    )
quotes = ui.cached(con, report_context.quote_choices, lang, where, explore.EXPLORE_ROWS)
ui.quote_in_report(con, lang, quotes, key="explore_quote")

# 4/ everything
ui.heading(t("download_all", lang))
ui.download_all(con, lang)
