"""乡村振兴数据看板 — the router: page config, the language switch and the list of pages."""

import streamlit as st

from ruraldash import ui
from ruraldash.i18n import t

# One line per page: (script, title key in i18n.TEXT, URL path, icon); a new page is one more line.
# A URL path is the file's stem, the name Streamlit's pages/ folder mode gives the page too, so a
# link opened as a fresh server's first request finds its page (see ui.leave_pages_folder_mode).
PAGES = (
    ("pages/overview.py", "page_overview", "overview", ":material/dashboard:"),
    ("pages/compare_regions.py", "page_compare_regions", "compare_regions", ":material/bar_chart:"),
    ("pages/compare_programs.py", "page_compare_programs", "compare_programs",
     ":material/table_chart:"),
    ("pages/region_profile.py", "page_region_profile", "region_profile",
     ":material/location_city:"),
    ("pages/explore.py", "page_explore", "explore", ":material/search:"),
    ("pages/sources.py", "page_sources", "sources", ":material/menu_book:"),
    ("pages/draft.py", "page_draft", "draft", ":material/edit_note:"),
)

ui.leave_pages_folder_mode()
lang = ui.language()
st.set_page_config(page_title=t("app_title", lang), page_icon=":material/agriculture:",
                   layout="wide")
lang = ui.language_switch()
st.navigation([
    st.Page(script, title=t(title, lang), url_path=url_path, icon=icon, default=n == 0)
    for n, (script, title, url_path, icon) in enumerate(PAGES)
]).run()
