"""The print-ready table as a PDF: the XLSX's first sheet laid out in HTML, printed by Chromium.

The same content as that sheet (export.print_table), on A4 landscape at 10.5 pt, its header
row repeated on every page and the page number of how many under each.
"""

from __future__ import annotations

from html import escape

from ruraldash.language.i18n import t
from ruraldash.views.briefing import images
from ruraldash.views.export.files import ExportTable
from ruraldash.views.export.print_table import PrintTable, print_table

MIME_TYPE = "application/pdf"
STYLE = """
@page { size: A4 landscape; margin: 10mm 10mm 14mm; }
html { -webkit-print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; font-size: 10.5pt;
  line-height: 1.4; color: #000; margin: 0; }
h1 { font-size: 14pt; font-weight: 700; margin: 0 0 1mm; }
p { margin: 0 0 0.6mm; }
h2 { font-size: 10.5pt; font-weight: 700; margin: 3mm 0 1mm; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin-top: 3mm; }
thead { display: table-header-group; }
th { background: #E8EEF4; text-align: left; font-weight: 700; }
th, td { border: 0.5pt solid #000; padding: 0.6mm 1.2mm; vertical-align: top;
  overflow-wrap: break-word; }
tr { break-inside: avoid; }
"""


def to_html(printed: PrintTable) -> str:
    """Return the print-ready table as one self-contained HTML page, every text escaped."""
    weights = printed.weights()
    total = sum(weights)
    parts = [
        f"<h1>{escape(printed.title)}</h1>",
        f"<p>{escape(printed.selection)}</p>",
        "<table><colgroup>",
        *(f'<col style="width:{100 * weight / total:.2f}%">' for weight in weights),
        "</colgroup><thead><tr>",
        *(f"<th>{escape(header)}</th>" for header in printed.headers),
        "</tr></thead><tbody>",
        *(
            "<tr>" + "".join(f"<td>{escape(value)}</td>" for value in row) + "</tr>"
            for row in printed.rows
        ),
        "</tbody></table>",
    ]
    if printed.table_note:
        parts.append(f'<p style="margin-top:1.5mm">{escape(printed.table_note)}</p>')
    for label, items in (
        (t("print_caveats", printed.lang), printed.caveats),
        (t("print_sources", printed.lang), printed.sources),
    ):
        if items:
            parts += [f"<h2>{escape(label)}</h2>", *(f"<p>{escape(item)}</p>" for item in items)]
    html_lang = "en" if printed.lang == "en" else "zh-CN"
    return (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8">'
        f"<title>{escape(printed.title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


def footer_html(lang: str) -> str:
    """Return the page footer: the page number of how many, centred, as the XLSX prints it."""
    page = escape(t("print_page_of", lang)).format(
        page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>'
    )
    return (
        '<div style="width:100%;text-align:center;font-size:9pt;'
        f"font-family:'Noto Sans CJK SC',sans-serif\">{page}</div>"
    )


def to_pdf(export: ExportTable) -> bytes:
    """Return an export's print-ready table as an A4 landscape PDF printed by Chromium."""
    return images.html_pdf(to_html(print_table(export)), footer_html(export.lang))
