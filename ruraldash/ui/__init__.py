"""The one place outside pages/ that uses Streamlit; pages call it as `ui.<function>`.

database: the read-only database, a cursor per session and results cached per process.
inputs: the reader's language and widgets whose choices live in the URL.
navigation: a page's start, address aliases, the not-found page, Back after a page switch, and
  the shim over Streamlit's pages/ folder mode.
pageviews: one JSON log line per page view in a served app.
roles: who may curate (a signed-in curator in a served app) and the sign-in box.
output: headings, notes, charts, tables as exported, their downloads and briefings.
"""

from ruraldash.ui.database import cached, cursor, deferred, prepared_add
from ruraldash.ui.inputs import (
    choose,
    choose_many,
    choose_view,
    language,
    language_switch,
    place_picker,
    search_box,
    switch,
)
from ruraldash.ui.navigation import (
    alias,
    follow,
    keep_history_clean,
    leave_pages_folder_mode,
    not_found,
    page_start,
)
from ruraldash.ui.output import (
    Offered,
    briefing_downloads,
    bullets,
    caveats,
    chart,
    code_column,
    counts,
    download_all,
    downloads,
    facts,
    heading,
    image_download,
    map_chart,
    markdown,
    note,
    paragraph,
    quote_in_report,
    table,
    table_and_downloads,
)
from ruraldash.ui.pageviews import page_view
from ruraldash.ui.roles import may_add_reports, sign_in_box

__all__ = [
    "sign_in_box",
    "Offered",
    "alias",
    "briefing_downloads",
    "bullets",
    "cached",
    "caveats",
    "chart",
    "code_column",
    "choose",
    "choose_many",
    "choose_view",
    "counts",
    "cursor",
    "deferred",
    "download_all",
    "downloads",
    "facts",
    "follow",
    "heading",
    "image_download",
    "keep_history_clean",
    "language",
    "may_add_reports",
    "page_view",
    "language_switch",
    "leave_pages_folder_mode",
    "map_chart",
    "markdown",
    "not_found",
    "note",
    "page_start",
    "prepared_add",
    "place_picker",
    "paragraph",
    "quote_in_report",
    "search_box",
    "switch",
    "table",
    "table_and_downloads",
]
