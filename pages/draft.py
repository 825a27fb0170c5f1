"""Draft from a report: paste or upload a report, see every number found, download or add it."""

from ruraldash import ui
from ruraldash.draft import view
from ruraldash.language.i18n import t
from ruraldash.ui import drafting

# 1/ inputs: an uploaded or pasted report, its source and region ids (a hint until there is one)
lang = ui.page_start("page_draft")
report = drafting.report_input(lang)

# 2/ data: the draft, its metrics guessed from the catalogue's keywords (read once per process)
drafted = view.drafted(report, drafting.catalogue(), lang)

# 3/ the report with every number marked
ui.heading(t("draft_text_heading", lang))
drafting.marked_report(drafted)

# 4/ the draft to edit (edits belong to one report, source and region), and its downloads
ui.heading(t("draft_table_heading", lang))
ui.note(t("draft_table_help", lang))
edited = drafting.editor(drafted, report, lang)
drafting.downloads(drafted, edited, report, lang)

# 5/ add it to the dashboard as unreviewed drafts (curators), or download the files (read-only)
ui.heading(t("draft_add_heading", lang))
drafting.add_report(report, lang)
