"""How an exported XLSX sheet prints: A4 landscape, one page wide, repeated header, footer."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ruraldash.language.i18n import t

if TYPE_CHECKING:  # xlsxwriter is imported when a workbook is written, not at start
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

A4 = 9  # Excel's paper code for A4
NARROWEST = 8  # column widths in characters
# A column wider than this wraps its text: a quote or a note reads on three lines rather than
# pushing the sheet's other columns onto a second page.
WRAP_ABOVE = 28
FOOTER_TITLE_CHARS = 80  # Excel's header/footer strings hold at most 255 characters


def column_widths(natural: Sequence[int]) -> list[int]:
    """Return each column's width from its widest text in characters: 8 to 30, longer ones wrap."""
    return [min(max(width + 2, NARROWEST), WRAP_ABOVE + 2) for width in natural]


LINE_HEIGHT = 15  # points: Excel's default row height, one line of text
MOST_LINES = 10


def row_height(widths: Sequence[int], natural: Sequence[int]) -> float | None:
    """Return the height (points) a row needs for its wrapped cells, or None for one line.

    `widths` are the cells' texts' widths in characters, `natural` the columns' widest texts (as
    given to set_up_printing). Spreadsheet programs do not grow a row for wrapped text on their
    own when a file is opened (LibreOffice prints one line and cuts the rest), so the writer
    sets it: call sheet.set_row(row, height) before writing the row's cells.
    """
    lines = 1
    for width, fitted in zip(widths, column_widths(natural), strict=True):
        lines = max(lines, math.ceil(width / max(fitted - 1, 1)))
    return None if lines == 1 else LINE_HEIGHT * min(lines, MOST_LINES)


def _footer_text(text: str) -> str:
    # & starts a header/footer code in Excel: a literal ampersand is written twice.
    short = text if len(text) <= FOOTER_TITLE_CHARS else text[: FOOTER_TITLE_CHARS - 1] + "…"
    return short.replace("&", "&&")


def set_up_printing(
    book: Workbook, sheet: Worksheet, title: str, natural: Sequence[int], lang: str
) -> None:
    """Make a sheet print on A4 landscape, one page wide, header row on every page, with a footer.

    `natural` is each column's widest text in characters. Call it before writing cells: the wrap
    format is the column's own, so it holds in xlsxwriter's constant_memory mode too, where rows
    are written out as they come.
    """
    # Every cell at the top: a row grown for a wrapped quote reads across from its first line.
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    top = book.add_format({"valign": "top"})
    for col, (width, fitted) in enumerate(zip(natural, column_widths(natural), strict=True)):
        sheet.set_column(col, col, fitted, wrapped if width + 2 > fitted else top)
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as it takes
    sheet.repeat_rows(0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    page = t("print_page_of", lang).format(page="&P", pages="&N")
    sheet.set_footer(f"&L{_footer_text(title)}&R{page}")
