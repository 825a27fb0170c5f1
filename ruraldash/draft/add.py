"""Add a new report to the curated data in one step: source, region, draft figures, all or nothing.

The report's region and date are recognised, its figures drafted with `review` = `draft`, and the
new files are written into a private copy of data/ and validated there first; only a valid result
is moved in, file by file in an order where every intermediate state is valid too.

Over 300 lines on purpose: one job, the steps of one addition (prepare, move in or zip) and the
reasons each step refuses. Choosing and declaring the region (report_region), the review
checklist (checklist) and trying files in a private copy (staging) are modules of their own.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ruraldash.draft import report_region
from ruraldash.draft.add_error import AddError
from ruraldash.draft.checklist import checklist
from ruraldash.draft.dating import ReportDate, find_date
from ruraldash.draft.engine import DraftFigure, draft_report
from ruraldash.draft.files import figures_csv, skipped_csv
from ruraldash.draft.staging import appended, move_in, staged_problems, yaml_item
from ruraldash.draft.stub import report_script
from ruraldash.language.bilingual import split_bilingual
from ruraldash.language.messages import Message, message
from ruraldash.language.textnorm import normalise_lines
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.declarations import Catalogue

_SOURCE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_DATE = re.compile(r"^(?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?$")
_PUBLISHER = re.compile(r"来源[::]\s*([^\s|丨]+)")


@dataclass(frozen=True)
class AddResult:
    """What `add` wrote: the source, its region (new or not), the figures and the review list."""

    source_id: str
    region_id: str
    region_is_new: bool
    region_reason: Message
    date: ReportDate
    written: tuple[Path, ...]
    figures: int
    left_out: tuple[DraftFigure, ...]  # drafted, but no metric of the catalogue has their unit
    checklist: tuple[Message, ...] = field(default=())
    summary: Message | None = None  # the draft's one-line account


def _title(text: str) -> str:
    lines = [line for line in normalise_lines(text) if line.text.strip() and not line.furniture]
    return lines[0].text.strip()[:80] if lines else ""


@dataclass(frozen=True)
class PreparedAdd:
    """Everything `add` would write, validated, and what it found: ready to move in or zip."""

    data_dir: Path
    reports_dir: Path
    report_name: str
    report: bytes
    files: dict[str, bytes]  # paths relative to data_dir -> new content
    entries: dict[str, str]  # sources.yaml / regions.yaml -> the entry appended
    skipped: bytes
    result: AddResult


def curator_mode() -> bool:
    """True when the app was started for curation (RURALDASH_CURATOR=1): it may write data/."""
    return os.environ.get("RURALDASH_CURATOR") == "1"


def _report_text(raw: bytes, report_name: str) -> str:
    """Return the report's text; a report that is not UTF-8 cannot be added."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AddError(
            message("add_not_utf8", report=report_name, byte=error.start + 1, error=error)
        ) from error


def _curated(data_dir: Path, metrics_dir: Path) -> Catalogue:
    """Return the curated catalogue, which must be valid now and have a reports folder."""
    catalogue, problems = load_catalogue(data_dir, metrics_dir)
    if catalogue is None or problems:
        raise AddError(message("add_data_invalid"))
    if catalogue.reports_dir is None:
        sources = data_dir / "sources.yaml"
        raise AddError(message("add_no_reports_dir", sources=sources))
    return catalogue


def _report_date(date: str | None, normalised: str) -> ReportDate:
    """Return the date the curator gave, or the one found in the report."""
    if date is not None and not _DATE.match(date):
        raise AddError(message("add_bad_date", date=date))
    found = (
        ReportDate(date, "stated", f"由整理者给出（{date}）。Given by the curator.")
        if date
        else find_date(normalised)
    )
    if found is None:
        raise AddError(message("add_no_date"))
    return found


def _new_source_id(catalogue: Catalogue, data_dir: Path, source_id: str) -> str:
    """Return `source_id` if it is a valid id that no source has yet; add never overwrites."""
    if not _SOURCE_ID.match(source_id):
        raise AddError(message("add_bad_source_id", source=source_id))
    figures_path = data_dir / "figures" / f"{source_id}.csv"
    if source_id in catalogue.sources or figures_path.exists():
        raise AddError(message("add_source_exists", source=source_id, path=figures_path))
    return source_id


def _report_file_name(reports_dir: Path, source_id: str) -> str:
    """Return the name the report is kept under, <source_id>.txt whatever its file was called."""
    name = f"{source_id}.txt"
    if (reports_dir / name).exists():
        taken = reports_dir / name
        raise AddError(message("add_file_exists", path=taken))
    return name


def _source_entry(
    text: str,
    normalised: str,
    heading: str,
    source_id: str,
    region_id: str,
    name: str,
    found: ReportDate,
) -> dict[str, str]:
    """Return the new source's declaration, its English marked as not yet translated."""
    publisher = _PUBLISHER.search(normalised)
    return {
        "id": source_id,
        "region": region_id,
        "file": name,
        "title_zh": heading,
        "title_en": f"(drafted, untranslated) {heading}",
        "publisher_zh": publisher[1] if publisher else "未注明",
        "publisher_en": f"(untranslated) {publisher[1]}" if publisher else "Not stated",
        "date": found.date,
        "date_basis": found.basis,
        # The loader refuses an empty string: a language the dating note lacks is left out.
        **{
            key: part
            for key, part in zip(
                ("date_note_zh", "date_note_en"), split_bilingual(found.note), strict=True
            )
            if part
        },
        "script": report_script(text),
    }


def prepare_add(
    raw: bytes,
    report_name: str,
    data_dir: Path,
    metrics_dir: Path,
    source: str | None = None,
    region: str | None = None,
    date: str | None = None,
    title: str | None = None,
) -> PreparedAdd:
    """Draft a report and make the files adding it would write; validate them in a private copy.

    Raises AddError when the region or date cannot be told, the source exists, or the result
    would not be valid. Nothing is written to data/.
    """
    text = _report_text(raw, report_name)
    catalogue = _curated(data_dir, metrics_dir)
    normalised = "\n".join(line.text for line in normalise_lines(text))
    declared, unit, region_reason = report_region.choose_region(catalogue, normalised, region)
    region_id = declared.id if declared else report_region.new_region_id(catalogue, unit)
    found = _report_date(date, normalised)
    source_id = _new_source_id(catalogue, data_dir, source or f"{region_id}_{found.date[:4]}")
    name = _report_file_name(catalogue.reports_dir, source_id)

    draft = draft_report(text, catalogue.metrics, source_id, region_id, found.date)
    kept = [figure for figure in draft.figures if figure.metric]
    heading = title or _title(text) or source_id
    entry = _source_entry(text, normalised, heading, source_id, region_id, name, found)
    entries = {"sources.yaml": yaml_item(entry)}
    if declared is None:
        items = report_region.region_entries(catalogue, unit, region_id)
        entries["regions.yaml"] = "".join(yaml_item(item) for item in items)
    files = {
        file: appended(data_dir / file, entry).encode("utf-8") for file, entry in entries.items()
    }
    files[f"figures/{source_id}.csv"] = figures_csv(figure.row() for figure in kept)
    problems = staged_problems(data_dir, catalogue, files, name, raw)
    if problems:
        raise AddError(
            message("add_would_be_invalid"),
            details=tuple(problems[:20]),
        )
    result = AddResult(
        source_id,
        region_id,
        declared is None,
        region_reason,
        found,
        (),
        len(kept),
        tuple(figure for figure in draft.figures if not figure.metric),
        tuple(checklist(draft, kept, catalogue.metrics)),
        draft.summary(),
    )
    skipped = skipped_csv(draft.skipped)
    return PreparedAdd(data_dir, catalogue.reports_dir, name, raw, files, entries, skipped, result)


def apply_add(prepared: PreparedAdd) -> AddResult:
    """Move a prepared addition into data/; return what was written.

    Each step leaves data/ valid: a report file nobody names, a region without sources, a source
    without figures, then its figures.
    """
    data_dir = prepared.data_dir
    source_id = prepared.result.source_id
    for relative in prepared.files:
        if relative.startswith("figures/") and (data_dir / relative).exists():
            raise AddError(message("add_figures_exist", path=data_dir / relative))
    written = [prepared.reports_dir / prepared.report_name]
    move_in(written[0], prepared.report)
    for name in ("regions.yaml", "sources.yaml", f"figures/{source_id}.csv"):
        if name in prepared.files:
            move_in(data_dir / name, prepared.files[name])
            written.append(data_dir / name)
    move_in(data_dir.parent / ".cache" / "drafts" / f"{source_id}.skipped.csv", prepared.skipped)
    return dataclasses.replace(prepared.result, written=tuple(written))


def add_zip(prepared: PreparedAdd) -> bytes:
    """Return the files adding the report would write, as a ZIP for a curator to put in place."""
    result = prepared.result
    readme = [
        f"source {result.source_id}, region {result.region_id}"
        f" ({'new' if result.region_is_new else 'declared'}; {result.region_reason})",
        f"date {result.date.date} ({result.date.basis}): {result.date.note}",
        str(result.summary),
        "",
        "Put reports/* into reports_dir, append the *_entry.yaml items to data/sources.yaml",
        "(and data/regions.yaml), copy figures/* into data/figures/, then run",
        "`python -m ruraldash validate`. Every figure is review=draft until checked.",
        "",
        "Review checklist:",
        *(f"- {item}" for item in result.checklist),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"reports/{prepared.report_name}", prepared.report)
        for file, entry in prepared.entries.items():
            archive.writestr(file.replace(".yaml", "_entry.yaml"), entry.encode("utf-8"))
        figures = f"figures/{result.source_id}.csv"
        archive.writestr(figures, prepared.files[figures])
        archive.writestr(f"{result.source_id}.skipped.csv", prepared.skipped)
        archive.writestr("README.txt", "\n".join(readme) + "\n")
    return buffer.getvalue()


def add_report(
    report: Path,
    data_dir: Path,
    metrics_dir: Path,
    source: str | None = None,
    region: str | None = None,
    date: str | None = None,
    title: str | None = None,
) -> AddResult:
    """Add a report to data/: copy its text, declare source and region, write draft figures."""
    try:
        raw = report.read_bytes()
    except OSError as error:
        raise AddError(message("add_cannot_read", report=report, error=error)) from error
    prepared = prepare_add(raw, report.name, data_dir, metrics_dir, source, region, date, title)
    return apply_add(prepared)
