"""Region profile: everything one report says about its region, by category, with its programs."""

from ruraldash import paths, ui
from ruraldash.compare.figures import FigureFilter
from ruraldash.language.i18n import t
from ruraldash.views import coverage_levels, methods, report_context
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.pages import region_profile

# 1/ inputs
lang = ui.page_start("page_region_profile")
con = ui.cursor()
reports = ui.cached(con, region_profile.report_choices, lang)
report = ui.choose("report", t("pick_report", lang), reports)

# 2/ the report and its region (made once per report, see ui.cached)
profile = ui.cached(con, region_profile.profile, lang, report)
ui.facts(profile.facts)

# 3/ its figures, by category
ui.heading(t("profile_figures", lang).format(count=profile.figure_count))
for category, name, part in profile.by_category:
    ui.table(part, key=f"profile_{category}", title=name)
ui.downloads(profile.figures, key="profile_figures")
ui.briefing_downloads(ui.cached(con, briefing_pages.region_profile, lang, report), key="profile")
quotes = ui.cached(con, report_context.quote_choices, lang, FigureFilter(sources=(report,)))
ui.quote_in_report(con, lang, quotes, key="profile_quote")

# 4/ its programs
ui.heading(t("profile_programs", lang).format(count=len(profile.programs.shown)))
ui.table_and_downloads(profile.programs, key="profile_programs")

# 5/ the units below its region (a prefecture's counties) and which of them have figures
below = ui.cached(con, coverage_levels.units_of_report, lang, report)
ui.heading(t("units_below_title", lang))
ui.note(below.headline)
ui.table_and_downloads(below.table, key="region_units_below")

# 6/ how this report was curated (read from its notes file on each run)
ui.markdown(methods.report_notes(paths.default_data_dir(), report, lang), t("profile_notes", lang))
