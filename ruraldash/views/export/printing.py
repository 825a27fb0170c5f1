"""How an exported XLSX prints: every sheet on A4 landscape, one page wide, header repeated,
page numbers below; and the print-ready first sheet, written at full size."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ruraldash.language.i18n import t

if TYPE_CHECKING:  # xlsxwriter is imported when a workbook is written, not at start
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from ruraldash.views.export.print_table import PrintTable

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


# The print-ready first sheet: A4 landscape at 100 %, its columns as wide as the page allows.
# Excel's column width is in characters of its default font (7 pixels, plus 5 of padding);
# A4 landscape less 0.4-inch side margins is about 1,045 pixels at 96 dpi. A tenth is kept in
# hand for the spreadsheet programs' own rounding, so one-page-wide fitting never shrinks text.
PRINTABLE_PX = 820
CHAR_PX = 7
PADDING_PX = 5
PRINT_FONT = 10.5  # points: 五号, the body size of official documents; nothing smaller than 9
TITLE_FONT = 14
LINE_PT = 14.5  # one line of 10.5 pt text, with its leading
PRINT_MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.6}


def print_widths(weights: Sequence[int]) -> list[float]:
    """Return column widths (characters) that share the printable width by `weights`."""
    room = PRINTABLE_PX - PADDING_PX * len(weights)
    total = sum(weights)
    return [math.floor(room * weight / total / CHAR_PX * 10) / 10 for weight in weights]


def text_width(text: str) -> int:
    """Return a text's width in character units: a CJK character takes two."""
    return sum(2 if ord(char) > 0x2E80 else 1 for char in text)


def lines_of(text: str, width: float) -> int:
    """Return how many lines a text wraps to in a column `width` characters wide."""
    # A character unit is a digit of the 11 pt default font: 10.5 pt text fits 11/10.5 as many.
    # Chinese breaks between any two characters; text of words breaks at spaces and loses up to
    # a word's width on a line, so it is given a few characters less.
    per_line = (width - 0.5) * 11 / PRINT_FONT
    return sum(
        max(1, math.ceil(text_width(line) / max(per_line - (3 if " " in line else 0), 4)))
        for line in text.split("\n")
    )


def write_print_sheet(book: Workbook, name: str, printed: PrintTable) -> None:
    """Write the print-ready sheet: title, selection, the table, its notes, caveats, sources.

    Rows are written in order (constant-memory mode) and each is as tall as its wrapped text:
    spreadsheet programs do not grow a row for wrapped or merged cells when a file is opened.
    """
    sheet = book.add_worksheet(name)
    widths = print_widths(printed.weights())
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    last = len(widths) - 1
    text = {"font_size": PRINT_FONT, "text_wrap": True, "valign": "top"}
    title = book.add_format({**text, "font_size": TITLE_FONT, "bold": True})
    plain = book.add_format(text)
    heading = book.add_format({**text, "bold": True})
    header = book.add_format({**text, "bold": True, "bg_color": "#E8EEF4", "border": 1})
    cell = book.add_format({**text, "border": 1})
    full = sum(widths)
    row = 0

    def line(value: str, style, height_pt: float | None = None) -> None:
        nonlocal row
        sheet.set_row(row, height_pt or LINE_PT * lines_of(value, full) + 2)
        if last:
            sheet.merge_range(row, 0, row, last, value, style)
        else:
            sheet.write_string(row, 0, value, style)
        row += 1

    line(printed.title, title, (TITLE_FONT + 6) * lines_of(printed.title, full * 0.7))
    line(printed.selection, plain)
    row += 1
    header_row = row
    tallest = max(lines_of(h, w) for h, w in zip(printed.headers, widths, strict=True))
    sheet.set_row(row, LINE_PT * tallest + 2)
    for col, value in enumerate(printed.headers):
        sheet.write_string(row, col, value, header)
    row += 1
    for cells in printed.rows:
        tall = max(lines_of(value, width) for value, width in zip(cells, widths, strict=True))
        sheet.set_row(row, LINE_PT * tall + 2)
        for col, value in enumerate(cells):
            sheet.write_string(row, col, value, cell)
        row += 1
    if printed.table_note:
        line(printed.table_note, plain)
    for label, items in (
        (t("print_caveats", printed.lang), printed.caveats),
        (t("print_sources", printed.lang), printed.sources),
    ):
        if not items:
            continue
        row += 1
        line(label, heading, LINE_PT + 2)
        for item in items:
            line(item, plain)
    set_up_print_sheet(sheet, header_row, row - 1, len(widths), printed.lang)


def set_up_print_sheet(
    sheet: Worksheet, header_row: int, last_row: int, columns: int, lang: str
) -> None:
    """Print a sheet on A4 landscape at full size, header row repeated, page numbers below."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.set_margins(**PRINT_MARGINS)
    sheet.fit_to_pages(1, 0)  # one page wide: the widths fit already, so the scale stays 100 %
    sheet.repeat_rows(header_row)
    sheet.print_area(0, 0, last_row, columns - 1)
    page = t("print_page_of", lang).format(page="&P", pages="&N")
    sheet.set_footer(f"&C&{PRINT_FOOTER_FONT}{page}")


PRINT_FOOTER_FONT = 10
