"""The review queue: every figure still a draft, report by report, in the files' own order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruraldash.draft.review import records
from ruraldash.store.declarations import Catalogue
from ruraldash.store.figure_files import figure_files


@dataclass(frozen=True)
class ReportQueue:
    """One report's drafts: its source id, the file as read (its digest) and the draft rows."""

    source: str
    file: records.FigureFile
    drafts: tuple[dict[str, str], ...]


def reports(data_dir: Path) -> tuple[list[ReportQueue], list[str]]:
    """Return every report's figures file with its drafts (none once it is reviewed), in file
    order, and the files that cannot be read.

    A file that is not UTF-8 (Excel's GB18030) is named rather than reviewed: a save would
    rewrite it in another encoding.
    """
    found: list[ReportQueue] = []
    unreadable: list[str] = []
    for path in figure_files(data_dir):
        try:
            figures = records.read(path)
        except UnicodeDecodeError:
            unreadable.append(path.name)
            continue
        drafts = tuple(
            dict(record.cells)
            for record in figures.records
            if record.cells.get("review", "").strip() == "draft"
        )
        found.append(ReportQueue(path.stem, figures, drafts))
    return found, unreadable


def queue(data_dir: Path) -> tuple[list[ReportQueue], list[str]]:
    """Return the reports with drafts waiting, in file order, and the files that cannot be read."""
    found, unreadable = reports(data_dir)
    return [report for report in found if report.drafts], unreadable


def report_text(catalogue: Catalogue | None, source: str) -> str | None:
    """Return a source's report text as the catalogue names it, or None if there is none."""
    if catalogue is None or source not in catalogue.sources:
        return None
    path = catalogue.report_path(catalogue.sources[source])
    if path is None or not path.is_file():
        return None
    return path.read_text(encoding="utf-8-sig")
