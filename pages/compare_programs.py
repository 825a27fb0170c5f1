"""Compare programs: who runs which kind of program, one kind side by side, and derived ratios."""

import streamlit as st

from ruraldash import ui
from ruraldash.language.i18n import t
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.pages import compare_programs

# 1/ inputs
lang = ui.page_start("page_compare_programs")
con = ui.cursor()

# 2/ the matrix: program types × regions
ui.heading(t("programs_matrix", lang))
matrix = ui.cached(con, compare_programs.program_matrix, lang)
if matrix.note:  # too many regions for a column each: grouped by a level above
    ui.note(matrix.note)
ui.chart(matrix.chart, key="programs_matrix_chart")
ui.table_and_downloads(matrix.table, key="programs_matrix")

# 3/ one kind of program, side by side (made once per kind, see ui.cached)
ui.heading(t("programs_side_by_side", lang))
choices = ui.cached(con, compare_programs.program_choices, lang)
if not choices:  # no program declared (programs: []): no kind to set side by side
    ui.note(t("programs_none", lang))
    st.stop()
kind = ui.choose("type", t("pick_program_type", lang), choices, default="mentoring")
compared = ui.cached(con, compare_programs.program_comparison, lang, kind)
ui.table_and_downloads(compared.figures, key="programs_figures")
ui.briefing_downloads(ui.cached(con, briefing_pages.compare_programs, lang, kind), key="programs")

# 4/ derived ratios, each with how it was computed
ui.heading(t("programs_ratios", lang))
ui.note(t("ratios_rule", lang))
ui.table_and_downloads(compared.ratios, key="programs_ratios", empty=t("ratios_none", lang))
