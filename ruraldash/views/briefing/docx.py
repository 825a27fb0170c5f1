"""A briefing as a Word document that Word and WPS on Chinese Windows open as it was laid out.

A4 with 18 mm side margins; Chinese text in fonts every Chinese Windows has — SimSun (宋体) for
the body, SimHei (黑体) for headings — named for East Asian text (w:eastAsia) on the document
defaults and on every style used, which python-docx does not do by itself. LibreOffice, where
those fonts are absent, substitutes Noto Serif / Sans CJK SC for them. The table is a real Word
table whose header row repeats on a second page; the chart is a PNG at about 300 dpi.
"""

from __future__ import annotations

import io

import plotly.graph_objects as go
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ruraldash.language.punctuation import punctuation
from ruraldash.views.briefing import images
from ruraldash.views.briefing.view import Briefing, TableBlock, clauses_by_report
from ruraldash.views.export.print_table import written_date

BODY_FONTS = {"ascii": "Times New Roman", "hAnsi": "Times New Roman", "eastAsia": "SimSun"}
HEADING_FONTS = {"ascii": "Arial", "hAnsi": "Arial", "eastAsia": "SimHei"}
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
SIDE_MARGIN, TOP_MARGIN = Mm(18), Mm(12)
TEXT_WIDTH_MM = 210 - 2 * 18
CHART_WIDTH_PX = 860  # the chart's layout width; printed TEXT_WIDTH_MM wide or less
CHART_SCALE = 2.5  # 860 × 2.5 = 2150 pixels over 174 mm: about 314 dpi
CHART_MAX_HEIGHT_MM = 60  # a taller chart is printed narrower, so the page keeps its table
CHART_MIN_HEIGHT_MM = 40
MAP_HEIGHT_MM = 80  # a map (a chart of fixed size) keeps this much room, however long its table
CHART_MIN_WIDTH_MM = 90  # narrower, a chart's labels are too small to read
PRINT_ROWS = 0.8  # a screen chart's rows are spaced for hovering; paper needs less
MUTED = RGBColor(0x59, 0x5F, 0x69)
TABLE_SIZE = Pt(8)
SEPARATOR = "　·　"  # between the items of the selection, which run on as one paragraph
ISSUE_GAP = "　　"  # between the date and the issuing line under the masthead


def _print_px(briefing: Briefing) -> tuple[int, int]:
    """Return the chart's layout size on paper in pixels: closer rows than on screen,
    or the size the view fixed (a map, whose zoom is fitted to its width)."""
    if briefing.chart_px is not None:
        return briefing.chart_px
    return CHART_WIDTH_PX, int((briefing.chart.layout.height or 450) * PRINT_ROWS)


def printed_chart(briefing: Briefing) -> go.Figure:
    """Return the chart as printed: a caption the briefing prints as text is not drawn twice."""
    if not briefing.chart_caption:
        return briefing.chart
    # A copy: the view's figure is the page's shared (cached) one and must not change.
    figure = go.Figure(briefing.chart)
    figure.layout.annotations = ()  # update_layout(annotations=[]) would keep them
    figure.update_layout(margin={"b": 0})
    return figure


def chart_png(briefing: Briefing) -> bytes:
    """Return the briefing's chart as a PNG at print resolution."""
    width, height = _print_px(briefing)
    # The same pixels across the page whatever the layout width: about 300 dpi.
    scale = CHART_SCALE * CHART_WIDTH_PX / width
    return images.chart_png(printed_chart(briefing), width, height, scale)


def chart_size_mm(briefing: Briefing) -> tuple[float, float]:
    """Return the chart's printed width and height in millimetres (capped in height)."""
    width_px, height_px = _print_px(briefing)
    width = float(TEXT_WIDTH_MM)
    height = width * height_px / width_px
    # A long table takes the room: the chart shrinks so the briefing stays within two pages.
    # A map is the point of its page: it keeps a fixed room, its units without a figure
    # named in one paragraph under the table rather than rows of it.
    tallest = (
        MAP_HEIGHT_MM
        if briefing.chart_px is not None
        else max(CHART_MIN_HEIGHT_MM, CHART_MAX_HEIGHT_MM - len(briefing.rows) / 2)
    )
    if height > tallest:
        width, height = width * tallest / height, tallest
    return width, height


def chart_fits(briefing: Briefing) -> bool:
    """Whether the chart stays legible on the page: not shrunk to a sliver by its height."""
    return briefing.chart is not None and chart_size_mm(briefing)[0] >= CHART_MIN_WIDTH_MM


def chart_note(briefing: Briefing) -> str:
    """Say why a chart too tall for the page is left out (a category's many panels)."""
    panels = len(briefing.chart.layout.annotations) if briefing.chart is not None else 0
    return briefing.label("briefing_chart_too_tall").format(panels=panels)


def _set_fonts(element, fonts: dict[str, str], lang: str) -> None:
    """Name the fonts for Latin and East Asian text on a style's or the defaults' w:rPr."""
    rpr = element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        element.append(rpr)
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for slot, name in fonts.items():
        rfonts.set(qn(f"w:{slot}"), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)  # a theme font would override the names above
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), "en-GB" if lang == "en" else "zh-CN")
    language.set(qn("w:eastAsia"), "zh-CN")


def _styles(document, lang: str) -> None:
    """Set page, fonts and sizes: document defaults and each style the briefing uses."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.top_margin = section.bottom_margin = TOP_MARGIN
    defaults = document.styles.element.find(qn("w:docDefaults"))
    _set_fonts(defaults.find(qn("w:rPrDefault")), BODY_FONTS, lang)
    sizes = {"Normal": 10, "Title": 16, "Heading 1": 12, "List Number": 9, "List Bullet": 9}
    for name, size in sizes.items():
        style = document.styles[name]
        fonts = HEADING_FONTS if name in {"Title", "Heading 1"} else BODY_FONTS
        _set_fonts(style.element, fonts, lang)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.line_spacing = 1.0
    document.styles["Heading 1"].paragraph_format.space_before = Pt(6)
    document.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_fonts(document.styles["Table Grid"].element, BODY_FONTS, lang)


def _no_border(paragraph) -> None:
    """Drop the Title style's bottom rule (the default template draws one)."""
    ppr = paragraph.style.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)


def _rule_below(paragraph) -> None:
    """Draw a rule under a paragraph: the line under a 简报's head."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "8"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    ppr.append(borders)


def _repeat_header(row) -> None:
    """Mark a table row as a header that Word repeats on every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _tables(document, briefing: Briefing) -> None:
    """Write the figures as Word tables (one, or one per block under its heading)."""
    for block in briefing.blocks():
        if block.heading:
            heading = document.add_paragraph()
            heading.paragraph_format.space_before = Pt(4)
            run = heading.add_run(block.heading)
            run.bold = True
            run.font.size = Pt(10)
        _table(document, briefing, block)


def _table(document, briefing: Briefing, block: TableBlock) -> None:
    """Write the figures as a Word table, values as written, the source number last."""
    table = document.add_table(rows=1, cols=len(block.headers), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _repeat_header(table.rows[0])
    for cell, header in zip(table.rows[0].cells, block.headers, strict=True):
        _shade(cell, "E8EEF4")
        run = cell.paragraphs[0].add_run(header)
        run.bold = True
        run.font.size = TABLE_SIZE
    for values in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            run = cell.paragraphs[0].add_run(value)
            run.font.size = TABLE_SIZE
    table.autofit = False
    widths = [Mm(width) for width in briefing.widths_mm(TEXT_WIDTH_MM, block.keys)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width  # Word reads the cell widths, LibreOffice the grid's
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
            cell.paragraphs[0].paragraph_format.line_spacing = 1.0


def to_docx(briefing: Briefing) -> bytes:
    """Return the briefing as DOCX: masthead, date and issuer, title, lead, selection, chart,
    table, caveats, sources."""
    lang = briefing.lang
    document = Document()
    _styles(document, lang)
    # A 简报's head: its name, then the date and who compiled it over a rule, then the
    # subject and the lead, the one sentence a reader takes away.
    masthead = document.add_paragraph(briefing.label("briefing_masthead"), style="Title")
    _no_border(masthead)
    issue = document.add_paragraph()
    issue.alignment = WD_ALIGN_PARAGRAPH.CENTER
    issue.add_run(written_date(briefing.made, lang) + ISSUE_GAP + briefing.label("briefing_issuer"))
    issue.runs[0].font.size = Pt(9)
    _rule_below(issue)
    title = document.add_paragraph(briefing.title, style="Heading 1")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    colon = punctuation(lang).colon
    document.add_paragraph(briefing.lead)
    if briefing.drafts:
        document.add_paragraph(briefing.drafts).runs[0].font.color.rgb = MUTED

    document.add_paragraph(briefing.label("briefing_selection"), style="Heading 1")
    selection = document.add_paragraph()
    for n, (name, value) in enumerate(briefing.selection):
        if n:
            selection.add_run(SEPARATOR)
        selection.add_run(name + colon).bold = True
        selection.add_run(value)
    for run in selection.runs:
        run.font.size = Pt(9)

    if briefing.chart is not None and not chart_fits(briefing):
        document.add_paragraph(chart_note(briefing)).runs[0].font.color.rgb = MUTED
    elif briefing.chart is not None:
        try:
            png = chart_png(briefing)
        except images.ImagesUnavailable as error:
            document.add_paragraph(briefing.label("briefing_chart_missing").format(reason=error))
        else:
            width, _ = chart_size_mm(briefing)
            document.add_picture(io.BytesIO(png), width=Mm(width))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if briefing.chart_caption:
                caption = document.add_paragraph()
                caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = caption.add_run(briefing.chart_caption)
                run.font.size = Pt(8)
                run.font.color.rgb = MUTED

    document.add_paragraph(briefing.label("briefing_table"), style="Heading 1")
    _tables(document, briefing)
    for line in (briefing.table_note, briefing.absent):
        if line:
            under = document.add_paragraph()
            under.paragraph_format.space_before = Pt(2)
            under.add_run(line).font.size = Pt(9)

    if briefing.caveats:
        document.add_paragraph(briefing.label("briefing_caveats"), style="Heading 1")
        for caveat in briefing.caveats:
            document.add_paragraph(caveat, style="List Bullet")

    document.add_paragraph(briefing.label("briefing_sources"), style="Heading 1")
    for heading, clauses in clauses_by_report(briefing):
        line = document.add_paragraph(style="Normal")
        line.paragraph_format.space_after = Pt(2)
        line.add_run(heading + colon).bold = True
        for clause in clauses:
            line.add_run(f" [{clause.number}] ").bold = True
            line.add_run(f"“{clause.quote}”")
        for run in line.runs:
            run.font.size = Pt(9)
    # The note on how values are written goes in the page footer: on every page, off the body.
    footer = document.sections[0].footer.paragraphs[0]
    note = footer.add_run(briefing.label("briefing_footer"))
    note.font.size = Pt(7.5)
    note.font.color.rgb = MUTED
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
