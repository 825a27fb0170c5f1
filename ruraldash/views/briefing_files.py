"""Briefing files by format, for the download buttons and the command line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ruraldash.views.briefing import Briefing, View, make_briefing
from ruraldash.views.briefing_docx import to_docx
from ruraldash.views.briefing_pdf import to_pdf

WRITERS: dict[str, Callable[[Briefing], bytes]] = {"docx": to_docx, "pdf": to_pdf}
MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def briefing_file(view: View, fmt: str, day: date | None = None) -> bytes:
    """Return the briefing of a view as a DOCX or PDF file."""
    return WRITERS[fmt](make_briefing(view, day))
