"""Compare units: the units under a place at one level, on one metric — coverage, rank, trend."""

import streamlit as st

from ruraldash import ui
from ruraldash.language.i18n import t
from ruraldash.views import national_list, unit_trend
from ruraldash.views.pages import compare_units
from ruraldash.views.plain import markdown_text

# 1/ inputs: where, which level, which metric, which period and label (all in the URL)
lang = ui.page_start("page_compare_units")
con = ui.cursor()
places = ui.cached(con, national_list.places)
place = ui.place_picker("place", places, lang)
# A county has no units under it: compare it among the counties of its prefecture.
focus = place if places.level.get(place) == "county" else ""
scope = places.parent[place] if focus else place
left, middle = st.columns(2)
with left:
    levels = compare_units.level_choices(places.level.get(scope), lang)
    busiest = ui.cached(con, compare_units.busiest_level, scope)
    level = ui.choose("level", t("pick_level", lang), levels, default=busiest)
with middle:
    metric = ui.choose(
        "metric",
        t("pick_metric", lang),
        ui.cached(con, compare_units.metric_choices, lang),
        default=ui.cached(con, compare_units.widest_metric, scope, level),
    )
found = ui.cached(con, compare_units.unit_options, scope, level, metric)
if not found.periods:
    # Nothing is like for like: no chart, but who reported it, as written, and n of N.
    reports = ui.cached(con, compare_units.unit_reports, lang, scope, level, metric)
    ui.heading(reports.headline)
    st.info(t("units_no_periods", lang))
    ui.table_and_downloads(
        reports.table, key="compare_units_reported", empty=t("units_reported_none", lang)
    )
    st.stop()
left, middle, right = st.columns(3)
with left:
    period = ui.choose(
        "period", t("pick_period", lang), found.periods, default=found.default_period
    )
with middle:
    labels = {label: label for label in found.labels[period]}
    label = ui.choose("label", t("pick_label", lang), labels)
with right:
    view = ui.choose_view(
        "view",
        t("pick_view", lang),
        {"bars": t("view_bars", lang), "spread": t("view_spread", lang)},
    )
    show_all = ui.switch("all", t("show_all", lang))

# 2/ data: every unit at the level, with or without a figure
compared = ui.cached(
    con, compare_units.unit_comparison, lang, scope, level, metric, period, label, show_all
)

# 3/ chart: the extremes or the whole distribution, always with n of N
ui.heading(compared.headline)
if compared.drawn:
    ui.chart(compared.chart if view == "bars" else compared.spread, key="compare_units_chart")
ui.note(compared.total_line)
if focus:
    # A unit's name is curated (or the national list's) text: shown as text, not Markdown.
    rank = compared.rank_texts.get(focus, t("no_figure", lang))
    ui.note(f"{markdown_text(places.name(focus, lang))}: {markdown_text(rank)}")

# 4/ tables and exports: every unit (position among like for like), and the missing ones
ui.table_and_downloads(compared.table, key="compare_units_table")
with st.expander(f"{t('units_missing_title', lang)} ({len(compared.missing.shown)})"):
    ui.table_and_downloads(compared.missing, key="compare_units_missing")

# 5/ trend of one unit: its series, with changes only between comparable periods
ui.heading(t("trend_title", lang))
reported = compared.reported_units
if focus and focus not in reported:
    reported = {focus: places.name(focus, lang), **reported}
if reported:
    unit = ui.choose("unit", t("trend_unit", lang), reported, default=focus or None)
    trend = ui.cached(con, unit_trend.unit_trend, lang, unit, metric)
    ui.chart(trend.chart, key="compare_units_trend")
    ui.table_and_downloads(trend.table, key="compare_units_trend_table")
else:
    ui.note(t("trend_none", lang))
