"""Compare programs: who runs which kind of program, one kind side by side, and derived ratios."""

from ruraldash import charts, compare, coverage, downloads, ratios, tables, ui
from ruraldash.db import run_query
from ruraldash.figures import FigureFilter, load_figures
from ruraldash.i18n import t

# 1/ inputs
lang = ui.page_start("page_compare_programs")
con = ui.cursor()
programs, regions, types = (run_query(con, name)
                            for name in ("programs", "regions", "program_types"))
sources = run_query(con, "sources")

# 2/ the matrix: program types × regions
ui.heading(t("programs_matrix", lang))
counts, listed = coverage.program_matrix(programs, regions, types, lang)
ui.chart(charts.heatmap(counts, lang, hover_names=listed), key="programs_matrix_chart")
matrix = coverage.program_table(listed, counts, lang)
ui.table(matrix, key="programs_matrix")
ui.downloads(downloads.table_export(t("programs_matrix", lang), matrix,
                                    downloads.report_sources(sources, lang), [], [], lang),
             downloads.file_stem("compare_programs_matrix", filtered=False),
             key="programs_matrix")

# 3/ one kind of program, side by side
ui.heading(t("programs_side_by_side", lang))
type_names = compare.program_type_choices(types, lang)
kind = ui.choose("type", t("pick_program_type", lang), type_names, default="mentoring")
figures = load_figures(con, FigureFilter(program_types=(kind,)))
rows = compare.program_rows(programs, figures, regions, kind)
shown = tables.figure_table(rows, lang, tables.PROGRAM_FIGURE_COLUMNS)
ui.table(shown, key="programs_figures")
filters = [(t("pick_program_type", lang), type_names[kind])]
ui.downloads(downloads.table_export(t("programs_side_by_side", lang), shown,
                                    downloads.figure_sources(rows, lang), filters,
                                    [t("warn_programs", lang)], lang),
             downloads.file_stem("compare_programs", kind, filtered=True),
             key="programs_figures")

# 4/ derived ratios, each with how it was computed
ui.heading(t("programs_ratios", lang))
ui.note(t("ratios_rule", lang))
found = ratios.derived_ratios(figures)
derived = tables.ratio_table(found, lang)
ui.table(derived, key="programs_ratios")
ui.downloads(downloads.table_export(t("programs_ratios", lang), derived,
                                    downloads.ratio_sources(found, figures, lang), filters,
                                    [t("ratios_rule", lang)], lang),
             downloads.file_stem("compare_programs_ratios", kind, filtered=True),
             key="programs_ratios")
