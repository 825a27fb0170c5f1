"""Load the catalogue: read each declaration file, index its entries, check their references."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ruraldash.language.messages import message
from ruraldash.store.declarations import (
    Catalogue,
    Metric,
    Origin,
    Program,
    ProgramType,
    Region,
    Source,
    Term,
    Unit,
)
from ruraldash.store.folders import LINK
from ruraldash.store.hierarchy import check_hierarchy
from ruraldash.store.official_sources import source_problems
from ruraldash.store.problems import Problem, display_path, one_of, quoted
from ruraldash.store.records import RecordReader
from ruraldash.store.yamlio import KEY_LINES, LINE_KEY, YamlError, load_yaml

DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _is_date(text: str) -> bool:
    """True for a real date written as YYYY, YYYY-MM or YYYY-MM-DD."""
    if not DATE_PATTERN.match(text):
        return False
    padded = text + "-01-01"[len(text) - 4 :] if len(text) < 10 else text
    try:
        date.fromisoformat(padded)
    except ValueError:
        return False
    return True


# Which list in which file holds which declaration.
_SECTIONS: tuple[tuple[str, str, str, type], ...] = (
    ("metrics", "units.yaml", "units", Unit),
    ("metrics", "units.yaml", "qualifiers", Term),
    ("metrics", "units.yaml", "statuses", Term),
    ("metrics", "metrics.yaml", "categories", Term),
    ("metrics", "metrics.yaml", "metrics", Metric),
    ("metrics", "program_types.yaml", "program_types", ProgramType),
    ("data", "regions.yaml", "regions", Region),
    ("data", "sources.yaml", "sources", Source),
    ("data", "programs.yaml", "programs", Program),
)

# Top-level keys each file may have besides its lists.
_FILE_SETTINGS = {"sources.yaml": {"reports_dir"}}

DATE_BASES = ("stated", "inferred")
# A reference figure's land area is in km2, a unit no figure uses (so not in units.yaml).
AREA_UNITS = ("km2",)

# The references between declarations, checked like dbt's `relationships`: every value of
# (section, field) must be an id of the target section (each item, for a list field such as
# also_types); a message names the target by its section (problem_noun_<section>).
REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("metrics", "category", "categories"),
    ("metrics", "unit", "units"),
    ("sources", "region", "regions"),
    ("programs", "region", "regions"),
    ("programs", "source", "sources"),
    ("programs", "type", "program_types"),
    ("programs", "also_types", "program_types"),
)


def _index(reader: RecordReader, records: Iterable[Any], section: str) -> dict[str, Any]:
    index: dict[str, Any] = {}
    for record in records:
        if record.id in index:
            first = index[record.id].origin
            reader.problem(
                record.origin,
                "id",
                message(
                    "problem_declared_twice",
                    value=quoted(record.id),
                    section=section,
                    line=first.line,
                ),
            )
        else:
            index[record.id] = record
    return index


def load_catalogue(data_dir: Path, metrics_dir: Path) -> tuple[Catalogue | None, list[Problem]]:
    """Read and cross-check every declaration; return the catalogue (None if unusable), problems."""
    reader = RecordReader()
    sections: dict[str, dict[str, Any]] = {}
    settings: dict[str, Any] = {}
    documents: dict[Path, Any] = {}
    for folder_name, file_name, section, cls in _SECTIONS:
        folder = data_dir if folder_name == "data" else metrics_dir
        path = folder / file_name
        shown = display_path(path)
        if path not in documents:
            documents[path] = _read_document(reader, path, shown, file_name)
        document = documents[path] or {}
        origin = Origin(shown, 1)
        allowed = {name for _, other, name, _ in _SECTIONS if other == file_name}
        allowed |= _FILE_SETTINGS.get(file_name, set())
        if section == next(name for _, other, name, _ in _SECTIONS if other == file_name):
            for key in document:
                if key not in (LINE_KEY, KEY_LINES) and key not in allowed:
                    reader.problem(
                        origin,
                        str(key),
                        message("problem_unknown_section", expected=one_of(sorted(allowed))),
                    )
            settings.update(
                {key: document[key] for key in _FILE_SETTINGS.get(file_name, ()) if key in document}
            )
        records = reader.records(cls, document.get(section), origin, section)
        sections[section] = _index(reader, records, section)

    reports_dir = None
    if settings.get("reports_dir"):
        reports_dir = (data_dir / str(settings["reports_dir"])).resolve()
    catalogue = Catalogue(
        **sections, reports_dir=reports_dir, data_dir=data_dir, metrics_dir=metrics_dir
    )
    # A file that could not be read at all would make everything else look wrong: stop at it.
    if any(document is None for document in documents.values()):
        return None, reader.problems
    # So would a list that everything else refers to left without entries (programs may be
    # none): say so when it was written empty, and stop before what refers to it.
    bare = [
        (folder / file_name, section)
        for folder_name, file_name, section, _ in _SECTIONS
        for folder in [data_dir if folder_name == "data" else metrics_dir]
        if section != "programs" and not sections[section]
    ]
    if bare:
        empty = [
            Problem(
                display_path(path),
                documents[path].get(KEY_LINES, {}).get(section, 1),
                section,
                message("problem_no_entries"),
                kind="section",
            )
            for path, section in bare
            if documents[path].get(section) in (None, [])
        ]
        return None, reader.problems + empty
    _cross_check(reader, catalogue)
    return catalogue, reader.problems


def _read_document(
    reader: RecordReader, path: Path, shown: str, file_name: str
) -> dict[str, Any] | None:
    """Return the file's mapping, or None when it is missing, empty or cannot be read at all."""
    if path.is_symlink():
        reader.problems.append(Problem(shown, 1, None, LINK, kind="file"))
        return None
    if not path.is_file():
        reader.problems.append(
            Problem(shown, 1, None, message("problem_file_missing", name=file_name))
        )
        return None
    try:
        document = load_yaml(path)
    except YamlError as error:
        reader.problems.append(Problem(shown, error.line, None, error.message))
        return None
    if document is None:
        # Everything else would then refer to nothing: name the one cause, stop before the rest.
        sections = ", ".join(name for _, other, name, _ in _SECTIONS if other == file_name)
        reader.problems.append(
            Problem(shown, 1, None, message("problem_file_empty", sections=sections))
        )
        return None
    if not isinstance(document, dict):
        reader.problems.append(Problem(shown, 1, None, message("problem_not_mapping")))
        return None
    return document


def _cross_check(reader: RecordReader, catalogue: Catalogue) -> None:
    """Check the region hierarchy, every declared reference, then the dates of the sources."""
    reader.problems.extend(check_hierarchy(catalogue.regions))
    for section, name, target in REFERENCES:
        known = getattr(catalogue, target)
        for record in getattr(catalogue, section).values():
            value = getattr(record, name)
            # A list field (also_types) refers once per item.
            for item in value if isinstance(value, tuple) else (value,):
                if item not in known:
                    reader.problem(
                        record.origin,
                        name,
                        message(
                            "problem_not_a",
                            value=quoted(item),
                            what=message(f"problem_noun_{target}"),
                            expected=one_of(list(known)),
                        ),
                    )
    for program in catalogue.programs.values():
        # A program's kinds are its type and its also_types: none may be listed twice.
        kinds = (program.type, *program.also_types)
        for kind in sorted({kind for n, kind in enumerate(kinds) if kind in kinds[:n]}):
            reader.problem(
                program.origin, "also_types", message("problem_listed_twice", value=quoted(kind))
            )
    for region in catalogue.regions.values():
        for figure in region.reference:
            if figure.unit not in catalogue.units and figure.unit not in AREA_UNITS:
                units = [*catalogue.units, *AREA_UNITS]
                reader.problem(
                    figure.origin,
                    "unit",
                    message("check_not_unit", value=quoted(figure.unit), expected=one_of(units)),
                )
            if figure.published and not _is_date(figure.published):
                reader.problem(
                    figure.origin,
                    "published",
                    message("problem_not_date", value=quoted(figure.published)),
                )
            for name, said in source_problems(figure):
                reader.problem(figure.origin, name, said)
    for source in catalogue.sources.values():
        if not _is_date(source.date):
            reader.problem(
                source.origin,
                "date",
                message("problem_not_date", value=quoted(source.date)),
            )
        if not (source.date_note_zh or source.date_note_en):
            reader.problem(source.origin, None, message("problem_needs_date_note"))
        if source.date_basis not in DATE_BASES:
            reader.problem(
                source.origin,
                "date_basis",
                message(
                    "problem_not_date_basis",
                    value=quoted(source.date_basis),
                    expected=one_of(DATE_BASES),
                ),
            )
