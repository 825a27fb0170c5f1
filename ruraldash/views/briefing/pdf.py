"""A briefing as a PDF: the same content as the DOCX, laid out in HTML and printed by Chromium.

Why Chromium: kaleido already needs it for the chart, and it is running once the chart is
drawn, so a page prints in a few hundred milliseconds; it breaks Chinese lines correctly, lays
out a table that spans pages with its header repeated, and embeds the subset of the Noto CJK
glyphs it uses (as Type 3 fonts: Skia does not subset CFF outlines), text kept searchable. The
alternatives cost more: LibreOffice converting the DOCX takes seconds per file and a heavy
runtime dependency; a pure-Python PDF library needs its own table layout and line breaking and
spends seconds subsetting a 20 MB CJK font collection.
"""

from __future__ import annotations

import base64
import re
from html import escape

from ruraldash.language.punctuation import punctuation
from ruraldash.views.briefing import images
from ruraldash.views.briefing.docx import (
    ISSUE_GAP,
    SEPARATOR,
    TEXT_WIDTH_MM,
    chart_fits,
    chart_note,
    chart_png,
    chart_size_mm,
)
from ruraldash.views.briefing.view import Briefing, clauses_by_report
from ruraldash.views.export.print_table import written_date

# One CJK family, Noto Sans CJK SC (Debian's fonts-noto-cjk), as the chart uses: every family
# is embedded glyph by glyph, and a serif body beside sans headings made printing half as slow
# again. (The DOCX keeps SimSun and SimHei, the fonts Word on Chinese Windows sets briefs in.)
STYLE = f"""
@page {{ size: A4; margin: 12mm 18mm 14mm; }}
html {{ -webkit-print-color-adjust: exact; }}
body {{ font-family: "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; font-size: 10pt;
  line-height: 1.4; color: #000; margin: 0; }}
h1, h2 {{ font-weight: 700; }}
.masthead {{ font-size: 18pt; font-weight: 700; text-align: center; margin: 0; }}
.issue {{ font-size: 9pt; text-align: center; margin: 0 0 2mm; padding-bottom: 1mm;
  border-bottom: 0.75pt solid #000; }}
h1 {{ font-size: 13pt; text-align: center; margin: 0 0 1.5mm; }}
.lead {{ margin: 0 0 1mm; }}
h2 {{ font-size: 11.5pt; margin: 3mm 0 1.2mm; }}
.muted {{ color: #595F69; }}
ul {{ margin: 0; padding-left: 5mm; font-size: 9pt; }}
li {{ margin: 0 0 0.3mm; line-height: 1.35; }}
figure {{ margin: 2mm 0; text-align: center; }}
figcaption {{ font-size: 7.5pt; margin-top: 1mm; }}
table {{ width: {TEXT_WIDTH_MM}mm; table-layout: fixed; border-collapse: collapse; font-size: 8pt;
  line-height: 1.3; }}
thead {{ display: table-header-group; }}
th {{ background: #E8EEF4; text-align: left; font-weight: 700; }}
th, td {{ border: 0.5pt solid #000; padding: 0.5mm 1mm; vertical-align: top;
  overflow-wrap: break-word; }}
tr {{ break-inside: avoid; }}
.sources p {{ margin: 0 0 0.5mm; font-size: 9pt; line-height: 1.35; }}
.selection {{ font-size: 9pt; margin: 0; }}
.block {{ font-size: 10pt; font-weight: 700; margin: 2.5mm 0 1mm; }}
"""


def to_html(briefing: Briefing, png: bytes | None) -> str:
    """Return the briefing as one self-contained HTML page (chart inline), every text escaped."""
    lang = briefing.lang
    colon = punctuation(lang).colon
    issue = written_date(briefing.made, lang) + ISSUE_GAP + briefing.label("briefing_issuer")
    parts = [
        f'<p class="masthead">{escape(briefing.label("briefing_masthead"))}</p>',
        f'<p class="issue">{escape(issue)}</p>',
        f"<h1>{escape(briefing.title)}</h1>",
        f'<p class="lead">{escape(briefing.lead)}</p>',
        *([f'<p class="lead muted">{escape(briefing.drafts)}</p>'] if briefing.drafts else []),
        f"<h2>{escape(briefing.label('briefing_selection'))}</h2>",
        '<p class="selection">'
        + escape(SEPARATOR).join(
            f"<b>{escape(name)}{colon}</b>{escape(value)}" for name, value in briefing.selection
        )
        + "</p>",
    ]
    if briefing.chart is not None and not chart_fits(briefing):
        parts.append(f'<p class="muted selection">{escape(chart_note(briefing))}</p>')
    elif png is not None:
        width, height = chart_size_mm(briefing)
        data = base64.b64encode(png).decode("ascii")
        parts.append(
            f'<figure><img src="data:image/png;base64,{data}" '
            f'style="width:{width:.1f}mm;height:{height:.1f}mm" alt="">'
            + (
                f'<figcaption class="muted">{escape(briefing.chart_caption)}</figcaption>'
                if briefing.chart_caption
                else ""
            )
            + "</figure>"
        )
    parts.append(f"<h2>{escape(briefing.label('briefing_table'))}</h2>")
    for block in briefing.blocks():
        if block.heading:
            parts.append(f'<p class="block">{escape(block.heading)}</p>')
        parts += [
            "<table><colgroup>",
            *(
                f'<col style="width:{width:.1f}mm">'
                for width in briefing.widths_mm(TEXT_WIDTH_MM, block.keys)
            ),
            "</colgroup><thead><tr>",
            *(f"<th>{escape(header)}</th>" for header in block.headers),
            "</tr></thead><tbody>",
            *(
                "<tr>" + "".join(f"<td>{escape(value)}</td>" for value in row) + "</tr>"
                for row in block.rows
            ),
            "</tbody></table>",
        ]
    for line in (briefing.table_note, briefing.absent):
        if line:
            parts.append(f'<p class="selection" style="margin-top:1.5mm">{escape(line)}</p>')
    if briefing.caveats:
        parts += [
            f"<h2>{escape(briefing.label('briefing_caveats'))}</h2><ul>",
            *(f"<li>{escape(caveat)}</li>" for caveat in briefing.caveats),
            "</ul>",
        ]
    parts += [
        f'<h2>{escape(briefing.label("briefing_sources"))}</h2><div class="sources">',
        *(
            f"<p><b>{escape(heading)}{colon}</b>"
            + "".join(f" <b>[{clause.number}]</b> “{escape(clause.quote)}”" for clause in clauses)
            + "</p>"
            for heading, clauses in clauses_by_report(briefing)
        ),
        "</div>",
    ]
    html_lang = "en" if lang == "en" else "zh-CN"
    return (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8">'
        f"<title>{escape(briefing.title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


def footer_html(briefing: Briefing) -> str:
    """Return the page footer: how values are written, and the page number of how many."""
    return (
        '<div style="width:100%;margin:0 18mm;font-size:7pt;color:#595F69;'
        "font-family:'Noto Sans CJK SC',sans-serif;display:flex;gap:4mm\">"
        f'<span style="flex:1">{escape(briefing.label("briefing_footer"))}</span>'
        '<span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>'
    )


# A briefing is one A4 page, two at most for a long table. A longer one (a whole category of
# many regions, each with its clause) is printed again a little smaller, down to a size that
# still reads on paper (8 pt table text at 0.75 is 6 pt); past that it keeps its pages.
MOST_PAGES = 2
SCALES = (1.0, 0.9, 0.82, 0.75)
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?!s)")


def page_count(pdf: bytes) -> int:
    """Return the number of pages of a PDF as Chromium writes it (page objects uncompressed)."""
    return len(_PAGE_OBJECT.findall(pdf))


def to_pdf(briefing: Briefing) -> bytes:
    """Return the briefing as an A4 PDF printed by this process's Chromium, on at most
    MOST_PAGES pages where a smaller print allows it."""
    png = chart_png(briefing) if chart_fits(briefing) else None
    html, footer = to_html(briefing, png), footer_html(briefing)
    for scale in SCALES:
        pdf = images.html_pdf(html, footer, scale)
        if page_count(pdf) <= MOST_PAGES:
            break
    return pdf
