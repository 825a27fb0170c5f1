"""The one place outside pages/ that uses Streamlit; pages call it as `ui.<function>`.

database: the read-only database, a cursor per session and results cached per process.
drafting: the draft page's widgets; that page imports it itself, so it loads only when it opens.
inputs: the reader's language and widgets whose choices live in the URL.
navigation: a page's start, address aliases, the not-found page, Back after a page switch, and
  the shim over Streamlit's pages/ folder mode.
text: headings, notes, warnings, facts, curated Markdown and a quote in its report.
charts: charts and maps, each sent without copying the shared cached figure.
tables: tables as exported, a page of rows at a time.
exports: a table's CSV and XLSX, a briefing's DOCX and PDF, a chart's PNG.
pageviews: one JSON log line per page view in a served app.
roles: who may curate (a signed-in curator in a served app) and the sign-in box.
warm: a served replica's /ready, answered once its default pages have run (serve.py), by
  sessions of stream_client (Streamlit's websocket protocol without a browser).
"""

from ruraldash.ui.charts import chart, map_chart
from ruraldash.ui.database import cached, cursor, deferred
from ruraldash.ui.exports import (
    Offered,
    briefing_downloads,
    download_all,
    downloads,
    image_download,
    left_out,
    table_and_downloads,
)
from ruraldash.ui.inputs import (
    choose,
    choose_many,
    choose_view,
    language,
    language_switch,
    linked,
    place_picker,
    search_box,
    start_place,
    switch,
)
from ruraldash.ui.navigation import (
    alias,
    follow,
    is_curator,
    keep_history_clean,
    leave_pages_folder_mode,
    not_found,
    page_start,
)
from ruraldash.ui.pageviews import page_view
from ruraldash.ui.roles import sign_in_box
from ruraldash.ui.tables import table
from ruraldash.ui.text import (
    bullets,
    caveats,
    counts,
    facts,
    heading,
    markdown,
    note,
    paragraph,
    quote_in_report,
)

__all__ = [
    "Offered",
    "alias",
    "linked",
    "briefing_downloads",
    "bullets",
    "cached",
    "caveats",
    "chart",
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
    "is_curator",
    "keep_history_clean",
    "language",
    "language_switch",
    "leave_pages_folder_mode",
    "map_chart",
    "markdown",
    "not_found",
    "left_out",
    "note",
    "page_start",
    "page_view",
    "place_picker",
    "paragraph",
    "quote_in_report",
    "search_box",
    "sign_in_box",
    "start_place",
    "switch",
    "table",
    "table_and_downloads",
]
