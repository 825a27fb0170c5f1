"""Compare: one metric over the units under a place at one level, for one period, like for like."""

import streamlit as st

from ruraldash import ui
from ruraldash.language.i18n import t
from ruraldash.views import national_list, unit_trend
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.pages import compare, compare_category
from ruraldash.views.plain import markdown_text

# 1/ inputs: where, which level, which metric, which status, period and label (all in the URL)
lang = ui.page_start("page_compare")
con = ui.cursor()
places = ui.cached(con, national_list.places)
place = ui.place_picker("place", places, lang)
# A county has no units under it: compare it among the counties of its prefecture.
focus = place if places.level.get(place) == "county" else ""
scope = places.parent[place] if focus else place
choices = ui.cached(con, compare.compare_choices, lang)
left, middle, right = st.columns(3)
with left:
    levels = compare.level_choices(places.level.get(scope), lang)
    level = ui.choose(
        "level", t("pick_level", lang), levels, default=ui.cached(con, compare.busiest_level, scope)
    )
opening = ui.cached(con, compare.default_metric, scope, level)
with middle:
    category = ui.choose(
        "category",
        t("pick_category", lang),
        choices.categories,
        # A link with a metric (an old Compare units link) opens that metric's category.
        default=ui.cached(con, compare.metric_category, ui.linked("metric") or opening),
    )
with right:
    metric = ui.choose(
        "metric",
        t("pick_metric", lang),
        choices.metrics[category],
        default=ui.cached(con, compare.default_metric, scope, level, category),
    )
left, middle, right, last = st.columns([3, 3, 3, 2])
with left:
    status = ui.choose_view("status", t("pick_status", lang), compare.status_choices(lang))
if metric == compare_category.ALL_METRICS:
    # 2-4/ every metric of the category, each ranked alone in its own latest comparable period
    with last:
        show_all = ui.switch("all", t("show_all", lang))
    whole = ui.cached(
        con, compare_category.category_comparison, lang, scope, level, category, status, show_all
    )
    ui.heading(whole.headline)
    for line in whole.notes:  # they name metrics and labels: curated text, shown as text
        ui.note(markdown_text(line))
    ui.note(t("category_single_only", lang))
    ui.chart(whole.chart, key="compare_chart")
    if focus and whole.columns:
        rank = whole.rank_texts.get(focus, t("category_focus_none", lang))
        ui.note(f"{markdown_text(places.name(focus, lang))}: {markdown_text(rank)}")
    ui.left_out(whole.left_out_line, whole.left_out, key="compare_left_out")
    if whole.columns:  # without a metric to rank there is no table to show or print
        ui.table_and_downloads(whole.table, key="compare_table", downloads_key="compare")
        ui.briefing_downloads(
            ui.cached(con, briefing_pages.compare_category, lang, scope, level, category, status),
            key="compare",
        )
    st.stop()
found = ui.cached(con, compare.period_choices, scope, level, metric, status)
period, label, show_all, per_capita = "", "", False, False
if found.periods:
    with middle:
        period = ui.choose("period", t("pick_period", lang), found.periods, default=found.default)
    with right:
        label = ui.choose("label", t("pick_label", lang), compare.label_choices(found, period))
    with last:
        show_all = ui.switch("all", t("show_all", lang))
        per_capita = ui.switch("per10k", t("per_10k_switch", lang), t("per_10k_help", lang))

# 2/ data: every unit at the level, ranked like for like, or the figures side by side
compared = ui.cached(
    con,
    compare.comparison,
    lang,
    scope,
    level,
    metric,
    status,
    period,
    label,
    show_all,
    compare.TOP_N,
    per_capita,
)

# 3/ chart, with what is not like for like counted and listed one click away
ui.heading(compared.headline)
ui.caveats(compared.differences, lang)
if compared.chart is not None:
    view = "bars"
    if compared.ranked:
        view = ui.choose_view(
            "view",
            t("pick_view", lang),
            {"bars": t("view_bars", lang), "spread": t("view_spread", lang)},
        )
    ui.chart(compared.chart if view == "bars" else compared.spread, key="compare_chart")
if compared.denominators:
    ui.bullets(t("per_10k_caption", lang), compared.denominators)
for line in compared.notes:
    ui.note(line)
if focus:
    # A unit's name is curated (or the national list's) text: shown as text, not Markdown.
    rank = compared.focus_texts.get(focus, t("no_figure", lang))
    ui.note(f"{markdown_text(places.name(focus, lang))}: {markdown_text(rank)}")
ui.left_out(compared.left_out_line, compared.left_out, key="compare_left_out")

# 4/ tables and exports: every unit (position among like for like), and the missing ones
ui.table_and_downloads(compared.table, key="compare_table", downloads_key="compare")
ui.briefing_downloads(
    ui.cached(
        con, briefing_pages.compare, lang, scope, level, metric, status, period, label, per_capita
    ),
    key="compare",
)
with st.expander(f"{t('units_missing_title', lang)} ({len(compared.missing.shown)})"):
    ui.table_and_downloads(compared.missing, key="compare_missing")

# 5/ trend of one unit: its series, with changes only between comparable periods
ui.heading(t("trend_title", lang))
reported = compared.reported_units
if focus and focus not in reported:
    reported = {focus: places.name(focus, lang), **reported}
if reported:
    unit = ui.choose("unit", t("trend_unit", lang), reported, default=focus or None)
    trend = ui.cached(con, unit_trend.unit_trend, lang, unit, metric)
    ui.chart(trend.chart, key="compare_trend")
    ui.table_and_downloads(trend.table, key="compare_trend_table")
else:
    ui.note(t("trend_none", lang))
