"""乡村振兴数据看板 — the router: page config, the language switch and the list of pages."""

from pathlib import Path

import streamlit as st

from ruraldash import ui
from ruraldash.language.i18n import t

# One line per page: (script, title key in i18n.TEXT, URL path, icon); a new page is one more line.
# A URL path is the file's stem, the name Streamlit's pages/ folder mode gives the page too, so a
# link opened as a fresh server's first request finds its page (see ui.leave_pages_folder_mode).
# The first page is the default page, and Streamlit serves a default page only at "/": it never
# matches a default page's own url_path, so a link to /overview would say "Page not found". Its
# path is therefore "", and /overview is an alias (ALIASES) that forwards to "/".
PAGES = (
    ("pages/overview.py", "page_overview", "", ":material/dashboard:"),
    ("pages/compare.py", "page_compare", "compare", ":material/bar_chart:"),
    (
        "pages/compare_programs.py",
        "page_compare_programs",
        "compare_programs",
        ":material/table_chart:",
    ),
    (
        "pages/region_profile.py",
        "page_region_profile",
        "region_profile",
        ":material/location_city:",
    ),
    ("pages/map.py", "page_map", "map", ":material/map:"),
    ("pages/explore.py", "page_explore", "explore", ":material/search:"),
    ("pages/sources.py", "page_sources", "sources", ":material/menu_book:"),
    ("pages/draft.py", "page_draft", "draft", ":material/edit_note:"),
    ("pages/review.py", "page_review", "review", ":material/fact_check:"),
)
# Pages only curators see in the navigation (opened by address, they say they are for curators).
CURATOR_PAGES = {"pages/review.py"}
# A file served by the app itself: a Material icon as favicon is fetched from an outside
# font server, and the dashboard must request nothing outside its own address.
FAVICON = Path(__file__).parent / "ruraldash" / "ui" / "favicon.svg"
# Addresses links may carry that are not a page's own: {URL path: (script of the page it shows,
# how the old address's query parameters read on it)}. Compare regions and Compare units are
# one page now; their old links open its matching view, every parameter keeping its name and
# meaning (metric=all: every metric of the category, as on Compare regions).
ALIASES = {
    "overview": ("pages/overview.py", None),
    "compare_regions": ("pages/compare.py", None),
    "compare_units": ("pages/compare.py", None),
}

ui.leave_pages_folder_mode()
lang = ui.language()
st.set_page_config(page_title=t("app_title", lang), page_icon=FAVICON, layout="wide")
lang = ui.language_switch()
ui.sign_in_box(lang)
ui.keep_history_clean()
pages = {
    script: st.Page(
        script,
        title=t(title, lang),
        url_path=url_path,
        icon=icon,
        default=not url_path,
        visibility="hidden" if script in CURATOR_PAGES and not ui.is_curator() else "visible",
    )
    for script, title, url_path, icon in PAGES
}
known = {url_path for _, _, url_path, _ in PAGES} | set(ALIASES)
page = st.navigation(
    [
        *pages.values(),
        *(
            ui.alias(url_path, pages[script], params)
            for url_path, (script, params) in ALIASES.items()
        ),
        *ui.not_found(known, pages["pages/overview.py"]),
    ]
)
with ui.page_view(page.url_path):
    page.run()
