"""Briefing files by format, for the download buttons and the command line."""

from __future__ import annotations

from datetime import date

from ruraldash.views.briefing.view import View, make_briefing

FORMATS = ("docx", "pdf")
MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def briefing_file(view: View, fmt: str, day: date | None = None) -> bytes:
    """Return the briefing of a view as a DOCX or PDF file."""
    # The writers are imported on first use: python-docx and lxml need not load with every page.
    if fmt == "docx":
        from ruraldash.views.briefing.docx import to_docx as write
    elif fmt == "pdf":
        from ruraldash.views.briefing.pdf import to_pdf as write
    else:
        raise ValueError(f"unknown briefing format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return write(make_briefing(view, day))
