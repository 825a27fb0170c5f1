"""Region profile: a region at any level — its parents, the figures about it, rank and trend."""

import streamlit as st

from ruraldash import paths, ui
from ruraldash.language.i18n import t
from ruraldash.views import coverage_levels, methods, national_list
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.pages import region_profile

# 1/ inputs: a region at any level (?region=<code>); a link naming a report opens its region
lang = ui.page_start("page_region_profile")
con = ui.cursor()
places = ui.cached(con, national_list.places)
ui.start_place(
    "region",
    ui.cached(con, region_profile.report_places),
    ui.cached(con, region_profile.default_place),
)
place = ui.place_picker("region", places, lang)
if not place:
    ui.note(t("profile_pick_region", lang))
    st.stop()

# 2/ the region: its name, level, parents and reports
profile, briefing = ui.cached(con, briefing_pages.profile_and_briefing, lang, place)
ui.facts(profile.facts)

# 3/ its rank among peers and its trend, per metric
ui.heading(t("profile_standing_title", lang))
if profile.standing.shown.empty:
    ui.note(t("profile_standing_none", lang))
else:
    ui.note(t("profile_standing_note", lang))
    ui.table_and_downloads(profile.standing, key="profile_standing")

# 4/ the figures about it, by category (a part under its whole)
ui.heading(profile.heading)
ui.note(profile.headline)
for category, name, rows in profile.by_category:
    ui.table(rows, key=f"profile_{category}", title=name)
ui.downloads(profile.figures, key="profile_figures")
ui.briefing_downloads(briefing, key="profile")
ui.quote_in_report(con, lang, profile.quotes, key="profile_quote")

# 5/ the programs of its reports
if profile.reports:
    ui.heading(t("profile_programs", lang).format(count=len(profile.programs.shown)))
    ui.table_and_downloads(profile.programs, key="profile_programs")

# 6/ the units below it and which of them have figures
below = ui.cached(con, coverage_levels.units_of_place, lang, place)
if not below.table.shown.empty:
    ui.heading(t("units_below_title", lang))
    ui.note(below.headline)
    ui.table_and_downloads(below.table, key="region_units_below")

# 7/ how its reports were curated (read from their notes files on each run)
for report in profile.reports:
    ui.markdown(
        methods.report_notes(paths.default_data_dir(), report, lang), t("profile_notes", lang)
    )
