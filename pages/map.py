"""Map: one metric over the units under a place, official boundaries, drawn offline."""

import streamlit as st

from ruraldash import ui
from ruraldash.language.i18n import t
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.maps import choropleth
from ruraldash.views.pages import map as map_page

# 1/ inputs: metric and status, then the place and the level of its units
lang = ui.page_start("page_map")
con = ui.cursor()
choices = ui.cached(con, map_page.map_choices, lang)
left, middle = st.columns([3, 1])
with left:
    metric = ui.choose(
        "metric", t("map_metric", lang), choices.metrics, default=choices.default_metric
    )
with middle:
    status = ui.choose_view("status", t("map_status", lang), choices.statuses)
left, right, last = st.columns([2, 1, 1])
with left:
    place = ui.choose("place", t("map_place", lang), choices.places)
levels, first_level = map_page.level_options(lang, place)
with right:
    level = ui.choose("level", t("map_level", lang), levels, default=first_level)
# The map opens on the latest period with like-for-like figures, coloured on one scale.
periods, latest = ui.cached(con, map_page.period_options, lang, metric, status)
with last:
    period = ui.choose("period", t("map_period", lang), periods, default=latest)

# 2/ data: every unit at that level, with or without a figure (made once per selection)
view = ui.cached(con, map_page.map_view, lang, metric, status, place, level, period)

# 3/ the map: a click opens a unit's region profile, or draws the units under it
ui.note(view.summary)
ui.caveats(view.notes, lang)
ui.map_chart(
    view.figure,
    key="map_chart",
    on_click=lambda code: ui.follow(*view.targets.get(code, (None, {}))),
)
ui.note(t("map_click_hint", lang) + " " + view.caption)
# The map as a PNG (its caption drawn in) and as a briefing; each made only when clicked.
with st.container(horizontal=True, key="map_exports"):
    ui.image_download(
        view.figure, view.table.stem, lang, key="map_image", width=choropleth.ASSUMED_WIDTH
    )
    ui.briefing_downloads(
        briefing_pages.map_briefing(view, lang, metric, status, place, level, period), key="map"
    )

# 4/ table and export
ui.table_and_downloads(view.table, key="map_table", downloads_key="map")
